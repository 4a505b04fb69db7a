"""How briefing fetches from the web: which addresses, and how often it asks again.

Only https is fetched, and http only from this machine (where the tests serve recorded
answers), so that nothing is read over an open network in clear. A request that fails for a
while (a refused connection, a timeout, 429 or 5xx) is asked again with urllib3's ``Retry``,
which honours a ``Retry-After`` up to the longest pause between tries and here gives up at
once on a longer one, instead of waiting for it without a word.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import urllib3
from urllib3.util import Retry

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def fetchable(url: str) -> bool:
    """Whether ``url`` may be fetched: https, or http to 127.0.0.1 or localhost."""
    parts = urlsplit(url)
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    return bool(parts.hostname) and (parts.scheme == "https" or local)


class WaitTooLong(Exception):
    """The server asks to be asked again later than the longest pause between tries."""

    def __init__(self, status: int, seconds: float) -> None:
        super().__init__(status, seconds)
        self.status, self.seconds = status, seconds


class Retries(Retry):
    """urllib3's retries, raising :class:`WaitTooLong` on a ``Retry-After`` longer than
    ``backoff_max``, the longest pause between tries."""

    def sleep_for_retry(self, response: urllib3.BaseHTTPResponse) -> bool:
        seconds = self.get_retry_after(response)
        if seconds is not None and seconds > self.backoff_max:
            raise WaitTooLong(response.status, seconds)
        return super().sleep_for_retry(response)
