"""A letter or a motion to import, given by its web address (``briefing import https://...``).

Whoever has the paper open in a browser (its official XML, PDF or page on
officielebekendmakingen.nl, its PDF on tweedekamer.nl) may give its address instead of
saving it first. The file is fetched once, over https (http only from this machine),
following at most five redirects to such addresses; a refused connection, a timeout, 429 and
5xx are tried again, three times, after 1, 2 and 4 seconds or as long as the server asks
(``Retry-After``) up to half a minute, and not at all when it asks for longer; the answer may
be no larger than a file to import may be. The bytes are then read as a file's would be, and
every note and error names the address.
"""

from __future__ import annotations

from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import HTTPError, MaxRetryError
from urllib3.util import Timeout

from briefing.errors import BriefingError
from briefing.fetching import WaitTooLong, fetchable, get_retries
from briefing.streams import WebAddress

#: Tries after the first, and the seconds before the first of them (doubled for each next).
RETRIES = 3
BACKOFF = 1.0
#: The longest pause between tries, and the longest ``Retry-After`` honoured (seconds).
MAX_WAIT = 30


def download(address: WebAddress, limit: int, *, backoff: float = BACKOFF) -> bytes:
    """The bytes at ``address``, at most ``limit`` and one more (so that the caller can tell
    it is too much); a :class:`BriefingError` that names the address when they cannot be had."""
    url = address.address
    if not fetchable(url):
        raise BriefingError(
            f"{url}: only https addresses are fetched (http only from 127.0.0.1 or "
            "localhost); give its https address, or save the file and import that"
        )
    retry = get_retries(RETRIES, backoff, MAX_WAIT, raise_on_status=False, redirects=5)
    http = urllib3.PoolManager(timeout=Timeout(connect=10, read=60))
    try:
        response = http.request("GET", url, retries=retry, preload_content=False)
    except MaxRetryError as exc:
        raise BriefingError(
            f"{url}: could not be fetched in {RETRIES + 1} tries: {exc.reason}; check the "
            "address and the network connection"
        ) from None
    except WaitTooLong as exc:
        raise BriefingError(
            f"{url}: the server answered {exc.status} and asks to be asked again in "
            f"{exc.seconds:.0f} seconds (Retry-After), longer than the {MAX_WAIT} seconds import "
            "waits; import it again later"
        ) from None
    final = urljoin(url, response.url or url)  # where the redirects, if any, led
    if not fetchable(final):
        response.release_conn()
        raise BriefingError(f"{url}: redirected to {final}, which is not https; not fetched")
    if response.status != 200:
        response.release_conn()
        raise BriefingError(
            f"{url}: the server answered {response.status} {response.reason or ''}".rstrip()
            + "; check the address, or save the file from the browser and import that"
        )
    try:
        body = response.read(limit + 1)
    except HTTPError as exc:
        raise BriefingError(f"{url}: the answer broke off ({exc}); import it again") from None
    finally:
        response.release_conn()
    return body
