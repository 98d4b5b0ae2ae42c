"""Waiting for the page without `wait_for_function`.

Our pages forbid 'unsafe-eval' (CSP). Playwright's `wait_for_function` evaluates a string check
again on each poll, which such a page refuses after the first try (microsoft/playwright#7395;
fixed upstream later by #36986), so a check that is not true at once failed now and then. It
also takes the Promise an async check returns as true and never waits for it. `page.evaluate`
has neither problem, so we poll with it.
"""

import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout


def wait_until(page, script: str, arg=None, timeout: float = 30.0):
    """Poll `script` (an expression, or a function of `arg`, sync or async) until truthy."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise PlaywrightTimeout(f"still false after {timeout:g} s: {script.strip()[:80]}")
        page.wait_for_timeout(100)
