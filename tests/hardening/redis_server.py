"""A throwaway redis-server of our own on loopback, which a test may freeze (SIGSTOP): the one
`bench/faults.py` starts for the load script's fault modes, skipped where Redis is missing."""

import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from faults import freeze, own_redis_server, thaw  # noqa: E402

__all__ = ["freeze", "own_redis", "thaw"]


@contextmanager
def own_redis(port: int):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    with own_redis_server(port) as process:
        yield process
