# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
APP_STAMP := $(VENV)/.installed-app
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test setup lint format fixtures bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# Reinstall only when the declared dependencies change.
$(APP_STAMP): pyproject.toml | $(PY)
	$(PIP) install -q -e .
	@touch $@

$(DEV_STAMP): pyproject.toml $(APP_STAMP)
	$(PIP) install -q -e '.[dev]'
	@touch $@

setup: $(APP_STAMP)
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py compile_messages
	$(PY) manage.py load_huairou
	$(PY) manage.py ensure_local_admin

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-style serving: hashed, compressed static files and gunicorn (see README).
serve: setup
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn -c huairou_project/gunicorn.py huairou_project.wsgi

test: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

fixtures: $(APP_STAMP)
	$(PY) manage.py build_fixtures

bench: setup $(DEV_STAMP)
	bash bench/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
