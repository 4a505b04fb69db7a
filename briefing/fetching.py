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


def get_retries(
    times: int,
    backoff: float,
    longest: float,
    *,
    raise_on_status: bool,
    redirects: int | None = None,
) -> Retries:
    """GET's retries: a refused connection, a timeout, 429 and 5xx asked again ``times``
    times, each pause twice the one before from ``backoff`` seconds (urllib3's back-off, of
    which ``backoff`` is twice the factor) and at most ``longest``, as a ``Retry-After`` is;
    ``redirects``: how many redirects are followed (None: urllib3's default)."""
    return Retries(
        total=times,
        backoff_factor=backoff / 2,
        backoff_max=longest,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
        raise_on_status=raise_on_status,
        redirect=redirects,
    )
