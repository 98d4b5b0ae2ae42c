"""Issue 16, items 7 and 12: the documented deployment bounds Redis and buffers slow clients."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def directives(path: Path) -> dict[str, str]:
    pairs = (line.strip().rstrip(";").split(None, 1) for line in path.read_text().splitlines())
    return {p[0]: p[1].split("#")[0].strip().rstrip(";") for p in pairs
            if len(p) == 2 and not p[0].startswith("#")}  # fmt: skip


def test_the_documented_redis_config_bounds_memory():
    config = directives(ROOT / "deploy" / "redis.conf")
    assert re.fullmatch(r"\d+mb", config["maxmemory"])
    assert config["maxmemory-policy"] in {"allkeys-lru", "allkeys-lfu"}
    assert "deploy/redis.conf" in README and "maxmemory-policy" in README


def test_the_deployment_section_requires_a_buffering_proxy():
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert nginx.split("\n", 1)[1] in README  # the README shows the same sample
    config = directives(ROOT / "deploy" / "nginx.conf")
    assert config["proxy_request_buffering"] == "on" and config["proxy_buffering"] == "on"
    assert int(config["client_body_timeout"].rstrip("s")) <= 30
    assert int(config["client_header_timeout"].rstrip("s")) <= 30
    assert "A buffering proxy in front of gunicorn is required" in README
    assert "TRUSTED_PROXY_COUNT=1" in README


def test_the_load_script_has_the_fault_modes():
    load = (ROOT / "bench" / "load.py").read_text()
    for mode in ("redis-frozen", "db-blackhole", "--slow-clients"):
        assert mode in load and mode in README
