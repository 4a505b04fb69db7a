"""Which web addresses briefing fetches: https only, and http only from this machine (where
the tests serve recorded answers), so that nothing is read over an open network in clear."""

from __future__ import annotations

from urllib.parse import urlsplit

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def fetchable(url: str) -> bool:
    """Whether ``url`` may be fetched: https, or http to 127.0.0.1 or localhost."""
    parts = urlsplit(url)
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    return bool(parts.hostname) and (parts.scheme == "https" or local)
