"""One log line when a dependency fails and one when it is back, not one per request."""

import logging
import threading


class Outage:
    def __init__(self, name: str, logger: logging.Logger):
        self.name, self.logger = name, logger
        self.down = False
        self._lock = threading.Lock()

    def failed(self, error: BaseException) -> None:
        with self._lock:
            if self.down:
                return
            self.down = True
        self.logger.error("%s unavailable (%s: %s); degrading until it is back.",
                          self.name, error.__class__.__name__, error)  # fmt: skip

    def recovered(self) -> None:
        if not self.down:  # the common case: no lock taken
            return
        with self._lock:
            if not self.down:
                return
            self.down = False
        self.logger.warning("%s available again.", self.name)
