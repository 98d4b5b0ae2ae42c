import os

import pytest

from .redis_server import own_redis

# A second checkout running its suite at the same time sets its own port.
REDIS_PORT = int(os.environ.get("HUAIROU_TEST_REDIS_PORT", "6391"))


@pytest.fixture(scope="session")
def redis_process():
    """Our own redis-server (never the shared one), which tests may freeze."""
    with own_redis(REDIS_PORT) as process:
        yield process
