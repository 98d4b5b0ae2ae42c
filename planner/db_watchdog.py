"""Bound how long a request can wait on a database that stopped answering.

A black-holed link (a proxy or firewall that keeps the connection open but passes nothing)
is invisible to TCP keepalives and to the server's statement_timeout. One thread per
process looks at the requests in progress: when one database call has waited more than
`DB_STALL_SECONDS` (longer than the server's statement timeout, so a live server always
answers first), it shuts the connection's socket, the call fails at once, and the visitor
gets the branded 503 instead of a hung worker.
"""

import contextlib
import os
import socket
import threading
import time

from django.conf import settings
from django.db import connections

PQTRANS_ACTIVE = 1  # libpq: a command is in progress
_watched: dict[int, tuple[float, object]] = {}
_lock = threading.Lock()
_started = threading.Event()


def _socket_to_cut(wrapper):
    raw = getattr(wrapper, "connection", None)
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None or pgconn.transaction_status != PQTRANS_ACTIVE:
        return None
    return pgconn.socket


def _cut(fd: int) -> None:
    duplicate = socket.socket(fileno=os.dup(fd))
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        duplicate.close()


def _watch_forever(interval: float) -> None:
    while True:
        time.sleep(interval)
        now = time.monotonic()
        with _lock:
            overdue = [wrapper for deadline, wrapper in _watched.values() if deadline < now]
        for wrapper in overdue:
            try:
                fd = _socket_to_cut(wrapper)
                if fd is not None and fd >= 0:
                    _cut(fd)
            except Exception:  # noqa: BLE001 — the watchdog must outlive any one connection
                continue


def enabled() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _ensure_thread() -> None:
    if _started.is_set():
        return
    with _lock:
        if _started.is_set():
            return
        interval = min(0.5, settings.DB_STALL_SECONDS / 4)
        threading.Thread(target=_watch_forever, args=(interval,), daemon=True,
                         name="db-watchdog").start()  # fmt: skip
        _started.set()


@contextlib.contextmanager
def watching():
    """Watch this thread's request: the deadline starts with the request (the connection
    health check comes first) and restarts with each query, so only one call that waits
    longer than DB_STALL_SECONDS is cut, never a long request made of quick queries."""
    if not enabled():
        yield
        return
    _ensure_thread()
    ticket, wrapper = threading.get_ident(), connections["default"]

    def arm() -> None:
        with _lock:
            _watched[ticket] = (time.monotonic() + settings.DB_STALL_SECONDS, wrapper)

    def rearm(execute, sql, params, many, context):
        arm()
        return execute(sql, params, many, context)

    arm()
    try:
        with wrapper.execute_wrapper(rearm):
            yield
    finally:
        with _lock:
            _watched.pop(ticket, None)
