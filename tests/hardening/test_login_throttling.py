"""Issue 16, item 10: wrong admin passwords are throttled per account and per client."""

import pytest
from django.contrib.auth.models import User
from django.test import Client


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password="right-pw-123456", is_staff=True)


def attempt(client, username, password, address="10.0.0.1"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password},
                       REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip


def test_wrong_passwords_lock_the_client_out_with_a_clear_message(editor, settings):
    client = Client()
    codes = [attempt(client, "editor", f"wrong-{i}").status_code for i in range(7)]
    assert codes[:4] == [200] * 4 and codes[5:] == [429, 429]
    locked = attempt(client, "editor", "right-pw-123456")  # even the right one, for now
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()


def test_an_account_is_protected_from_many_addresses(editor):
    for i in range(6):
        attempt(Client(), "editor", f"wrong-{i}", address=f"10.0.1.{i}")
    assert attempt(Client(), "editor", "right-pw-123456", address="10.0.2.1").status_code == 429


def test_another_client_and_account_still_sign_in(editor):
    User.objects.create_user("other", password="other-pw-123456", is_staff=True)
    for i in range(6):
        attempt(Client(), "editor", f"wrong-{i}", address="10.0.3.1")
    ok = attempt(Client(), "other", "other-pw-123456", address="10.0.3.2")
    assert ok.status_code == 302 and ok["Location"] == "/admin/"


def test_a_chinese_locked_out_page(editor):
    client = Client()
    for i in range(6):
        attempt(client, "editor", f"wrong-{i}")
    page = client.post("/admin/login/", {"username": "editor", "password": "x"},
                       REMOTE_ADDR="10.0.0.1", HTTP_ACCEPT_LANGUAGE="zh-hans")  # fmt: skip
    assert page.status_code == 429 and "登录已暂停" in page.content.decode()
