"""Fetch the Kamer's records from its OData service into the store (``briefing kamer sync``).

For each entity (``Zaak`` of kind motion or government letter, ``Activiteit``,
``Toezegging``) one query: a first, full sync asks for ``Verwijderd eq false``; an
incremental one for ``GewijzigdOp ge`` the newest change a previous sync of the same query
saw (or ``--since``), removed records included, since the service keeps a record it removes
with ``Verwijderd: true`` and a newer ``GewijzigdOp``, and only so does the store learn that
a record it holds is gone; ``$expand`` of the relations ``link`` needs; at most 250 rows a
page, following ``@odata.nextLink`` or, without one, ``$skip``; a next page already fetched
is an error (the paging would never end). Connection errors, timeouts, 429 and 5xx are
retried with back-off (urllib3's ``Retry``, which honours a ``Retry-After`` up to
:data:`MAX_WAIT` seconds and gives up at once on a longer one), and so is an answer whose
body breaks off, stalls or stops before its JSON is complete (the same number of times, with
the same pauses); any other 4xx is an error that shows the request. Only the configured base
address is fetched, over https (http only from this machine), and no answer may exceed
:data:`MAX_RESPONSE_BYTES`.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote_plus, urlencode, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NewConnectionError,
)
from urllib3.util import Timeout

from briefing.errors import BriefingError
from briefing.fetching import WaitTooLong, fetchable, get_retries
from briefing.kamer.counts import Counts
from briefing.kamer.odata import Page, Truncated, parse_bytes
from briefing.kamer.store import writing

DEFAULT_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
#: An HTML tag (or a document type) in an error page.
_TAG_RE = re.compile(r"<[^<>]*>")
PAGE_SIZE = 250
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
RETRIES = 5
#: Seconds before the second retry; doubled for each next one, at most a minute.
BACKOFF = 2.0
#: The longest pause between tries, and the longest ``Retry-After`` honoured (seconds).
MAX_WAIT = 60
#: A commitment's fulfilling letters, with their dossier (for their Kamerstuk numbers).
_NAKOMING = "KamerbriefNakoming($expand=Kamerstukdossier)"
_ZAAK_EXPAND = "Kamerstukdossier,ZaakActor,Besluit($expand=Stemming,Agendapunt($expand=Activiteit))"


@dataclass(frozen=True)
class Query:
    """What to fetch of one entity: its filter and the relations to expand with it."""

    entity: str
    filter: str  # without the condition on Verwijderd
    expand: str

    @property
    def key(self) -> str:
        """Identifies the query in the store's record of syncs (without the date part)."""
        return f"{self.entity}?Verwijderd eq false{self.filter}"

    def condition(self, since: str | None) -> str:
        """The ``$filter``: live records for a full sync; for one from ``since``, every
        record changed since, removed ones too (``Verwijderd: true``), so that the store
        learns which of its records the Kamer removed."""
        if since is None:
            return f"Verwijderd eq false{self.filter}"
        return f"GewijzigdOp ge {since}{self.filter}"


def queries(dossiers: Sequence[str] = ()) -> list[Query]:
    """The queries of a sync, limited to ``dossiers`` (``26485``, ``35925-XVII``) if given."""
    zaak = " and (Soort eq 'Motie' or Soort eq 'Brief regering')"
    activiteit = toezegging = ""
    if dossiers:
        ors = " or ".join(_dossier_condition(d) for d in dossiers)
        any_dossier = f"Kamerstukdossier/any(d: {ors})"
        zaak += f" and {any_dossier}"
        activiteit = f" and Zaak/any(z: z/{any_dossier})"
        toezegging = f" and Activiteit/any(a: a/Zaak/any(z: z/{any_dossier}))"
    return [
        Query("Zaak", zaak, _ZAAK_EXPAND),
        Query("Activiteit", activiteit, "VervangenDoor"),
        Query(
            "Toezegging",
            toezegging,
            f"Activiteit,{_NAKOMING},IsWijzigingVan,IsGewijzigdDoor($expand={_NAKOMING})",
        ),
    ]


def _dossier_condition(dossier: str) -> str:
    number, _, suffix = dossier.partition("-")
    condition = f"d/Nummer eq {int(number)}"
    return f"({condition} and d/Toevoeging eq '{suffix}')" if suffix else condition


def check_base_url(url: str) -> str:
    """The base address with a closing slash; https only, http only for this machine."""
    parts = urlsplit(url)
    if not fetchable(url):
        raise BriefingError(
            f"{url}: the Kamer's service is fetched over https only (http only from 127.0.0.1 "
            "or localhost); give its https address"
        )
    if parts.query or parts.fragment:
        raise BriefingError(f"{url}: give the service's base address, without '?' or '#'")
    return url if url.endswith("/") else url + "/"


class _BrokenOff(Exception):
    """An answer whose body broke off, stalled or stopped before its JSON was complete."""


class Client:
    """GETs OData pages from one base address, with retries and a size limit."""

    def __init__(
        self,
        base_url: str,
        *,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        max_bytes: int = MAX_RESPONSE_BYTES,
        page_size: int = PAGE_SIZE,
        read_timeout: float = 60,
    ) -> None:
        self.base = check_base_url(base_url)
        self.max_bytes = max_bytes
        self.page_size = min(page_size, PAGE_SIZE)
        self.attempts = retries + 1
        self.backoff = backoff
        self.retry = get_retries(retries, backoff, MAX_WAIT, raise_on_status=True)
        self.http = urllib3.PoolManager(
            timeout=Timeout(connect=10, read=read_timeout),
            headers={"Accept": "application/json"},
        )

    def url(self, query: Query, since: str | None, skip: int = 0) -> str:
        """The address of a query's page."""
        params = {
            "$filter": query.condition(since),
            "$expand": query.expand,
            "$orderby": "GewijzigdOp,Id",
            "$top": str(self.page_size),
            "$count": "true",
        }
        if skip:
            params["$skip"] = str(skip)
        return self.base + query.entity + "?" + urlencode(params, quote_via=quote, safe="$,()'/:")

    def pages(self, query: Query, since: str | None) -> Iterator[Page]:
        """Every page of a query, following ``@odata.nextLink`` or paging with ``$skip``."""
        url, skip, seen, fetched = self.url(query, since), 0, set[str](), set[str]()
        while True:
            page = self.get(url)
            fetched.add(url)
            fresh = {record.id for record in page.top} - seen
            seen |= fresh
            yield page
            if page.next_link:
                url = self._inside(page.next_link, url)
                if url in fetched:
                    raise BriefingError(
                        f"GET {unquote_plus(page.next_link)}: the service gives this page as the "
                        "next one again, after it was fetched; its paging would never end, so "
                        "the sync stops here; sync again later"
                    )
            elif len(page.top) >= self.page_size and fresh:
                skip += len(page.top)
                url = self.url(query, since, skip)
            else:
                return

    def _inside(self, link: str, request: str) -> str:
        """``link`` when it lies under the base address; refused otherwise."""
        base, parts = urlsplit(self.base), urlsplit(link)
        same = (parts.scheme, parts.netloc.lower()) == (base.scheme, base.netloc.lower())
        if not same or not parts.path.startswith(base.path):
            raise BriefingError(
                f"GET {unquote_plus(request)}: the answer's next page is at {link}, outside "
                f"{self.base}; refused"
            )
        return link

    def get(self, url: str) -> Page:
        """One page; a :class:`BriefingError` that shows the request when it fails. An
        answer that breaks off is asked again, as often as a failed connection would be."""
        shown = f"GET {unquote_plus(url)}"
        for attempt in range(1, self.attempts + 1):
            try:
                return self._get_once(url, shown)
            except _BrokenOff as exc:
                if attempt == self.attempts:
                    tries = "try" if self.attempts == 1 else "tries"
                    raise BriefingError(
                        f"{shown}: no good answer in {self.attempts} {tries}: {exc}; the "
                        "service may be busy or down; sync again later"
                    ) from None
                time.sleep(min(self.backoff * 2 ** (attempt - 1), MAX_WAIT))
        raise AssertionError("unreachable")  # pragma: no cover

    def _get_once(self, url: str, shown: str) -> Page:
        """One try at a page; :class:`_BrokenOff` when its body broke off."""
        try:
            response = self.http.request(
                "GET", url, preload_content=False, redirect=False, retries=self.retry
            )
        except MaxRetryError as exc:
            unreached = isinstance(exc.reason, NewConnectionError | ConnectTimeoutError)
            advice = (
                "check the address (--url) and the network connection, then sync again"
                if unreached
                else "the service may be busy or down; sync again later"
            )
            raise BriefingError(
                f"{shown}: no good answer in {self.attempts} "
                f"{'try' if self.attempts == 1 else 'tries'}: {exc.reason}; {advice}"
            ) from None
        except WaitTooLong as exc:
            raise BriefingError(
                f"{shown}: the service answered {exc.status} and asks to be asked again in "
                f"{exc.seconds:.0f} seconds (Retry-After), longer than the {MAX_WAIT} seconds "
                "sync waits; sync again later"
            ) from None
        except HTTPError as exc:
            raise BriefingError(f"{shown}: {exc}") from None
        try:
            body = self._body(response, shown)
        finally:
            response.release_conn()
        try:
            return parse_bytes(body, shown)
        except Truncated:
            raise _BrokenOff(
                f"the answer's JSON stops after {len(body):,} bytes, before it is complete"
            ) from None

    def _body(self, response: urllib3.BaseHTTPResponse, shown: str) -> bytes:
        if 300 <= response.status < 400:
            where = response.headers.get("Location", "elsewhere")
            raise BriefingError(
                f"{shown}: the service answered {response.status}, a redirect to {where}, "
                "which is not followed; give the service's address itself"
            )
        if response.status >= 400:
            text = response.read(600).decode("utf-8", "replace")
            detail = " ".join(_TAG_RE.sub(" ", text).split())[:300]  # an error page's words
            advice = (
                f"; --url must be the service's base address, e.g. {DEFAULT_URL}"
                if response.status == 404
                else ""
            )
            raise BriefingError(
                f"{shown}: the service answered {response.status} {response.reason or ''}"
                + (f": {detail}" if detail else "")
                + advice
            )
        limit = f"larger than {self.max_bytes:,} bytes; refused"
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise BriefingError(f"{shown}: the answer is {limit}")
        body = bytearray()
        try:
            for chunk in response.stream(1 << 16):
                body += chunk
                if len(body) > self.max_bytes:
                    raise BriefingError(f"{shown}: the answer is {limit}")
        except HTTPError as exc:
            raise _BrokenOff(f"the answer broke off after {len(body):,} bytes: {exc}") from None
        return bytes(body)


#: Told each page as it arrives: the entity, the page's number (from 1), the records so far,
#: and the total if the service gives it.
OnPage = Callable[[str, int, int, int | None], None]


def sync(
    store_path: Path,
    client: Client,
    *,
    dossiers: Sequence[str] = (),
    since: str | None = None,
    on_page: OnPage | None = None,
) -> Counts:
    """Fetch every query's pages into the store in one transaction; return what changed.

    ``since`` is an OData timestamp (``2024-01-01T00:00:00Z``); without it each query starts
    from the newest change its previous complete sync saw, or from the beginning.
    """
    counts = Counts()
    with writing(store_path) as store:
        for query in queries(dossiers):
            start = since or _odata_time(store.since(query.key))
            newest, fetched = store.since(query.key), 0
            for number, page in enumerate(client.pages(query, start), 1):
                counts.add(store.write(page.records))
                fetched += len(page.top)
                newest = max([newest or "", *(r.changed for r in page.top)]) or None
                if on_page:
                    on_page(query.entity, number, fetched, page.count)
            if newest:
                store.set_since(query.key, newest)
    return counts


def pages_of(count: int | None, page_size: int = PAGE_SIZE) -> int:
    """How many pages ``count`` records take (0 when unknown)."""
    return math.ceil(count / page_size) if count else 0


def _odata_time(stored: str | None) -> str | None:
    """A stored UTC timestamp as an OData literal: ``2024-08-19T09:08:44.7Z``."""
    if stored is None:
        return None
    return stored.replace("+00:00", "Z")
