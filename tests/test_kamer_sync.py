"""``briefing kamer sync`` against a local OData service on 127.0.0.1 that serves the real
records in pages: paging by ``@odata.nextLink`` and by ``$skip``, a page that fails once, a
malformed page, an answer broken off, stalled or cut short, a long ``Retry-After``, a next
page that loops back, a 400, a next page on another host, an answer too large."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import pytest

from briefing.cli import main
from briefing.errors import BriefingError
from briefing.kamer import fetch
from briefing.kamer.fetch import Client, check_base_url, sync
from briefing.kamer.load import load_files
from briefing.kamer.odata import moment
from tests.conftest import cli
from tests.serving import served
from tests.test_kamer_data import FIXTURES, dump, no_live_service, real_records

__all__ = ["no_live_service"]  # the autouse fixture: no test reaches the live service


@dataclass
class Service:
    """What the local service serves, and how it misbehaves."""

    base: str = ""
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    next_links: bool = True
    fail_once: set[tuple[str, int]] = field(default_factory=set)
    malformed: set[tuple[str, int]] = field(default_factory=set)
    bad_request: set[str] = field(default_factory=set)
    next_elsewhere: bool = False
    no_length: bool = False
    #: Pages whose answer goes wrong once, and how: "cut" (shorter than its Content-Length),
    #: "close" (no length, the connection closed halfway), "stall" (halfway, then nothing).
    broken_once: dict[tuple[str, int], str] = field(default_factory=dict)
    #: A 429 with this Retry-After for the first request.
    retry_after: str | None = None
    #: Every next page is the page itself.
    loop: bool = False
    requests: list[str] = field(default_factory=list)

    def fault(self, path: str) -> str | None:
        """How the answer to ``path`` goes wrong this time, if it does."""
        parts = urlsplit(path)
        entity = parts.path.rsplit("/", 1)[-1]
        skip = int(parse_qs(parts.query).get("$skip", ["0"])[0])
        if self.retry_after is not None and not self.requests:
            return "429"
        return self.broken_once.pop((entity, skip), None)

    def answer(self, path: str) -> tuple[int, bytes]:
        """The status and body for a GET of ``path``."""
        self.requests.append(unquote(path))
        parts = urlsplit(path)
        if not parts.path.startswith("/OData/v4/2.0/"):  # an error page, as web servers give
            head = b"<!DOCTYPE html>\n<html><head><title>404</title></head>\n<body>"
            return 404, head + b"<h1>Not Found</h1>\n<p>No such page.</p></body></html>"
        entity = parts.path.rsplit("/", 1)[-1]
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        top, skip = int(params["$top"]), int(params.get("$skip", "0"))
        assert top <= 250
        if entity in self.bad_request:
            return 400, b'{"error": {"message": "The query specified in the URI is not valid."}}'
        if (entity, skip) in self.fail_once:
            self.fail_once.discard((entity, skip))
            return 503, b"Service Unavailable"
        rows = self.records.get(entity, [])
        if "Verwijderd eq false" in params["$filter"]:
            rows = [r for r in rows if r.get("Verwijderd") is not True]
        if since := re.search(r"GewijzigdOp ge (\S+)", params["$filter"]):
            after = moment(since[1])
            assert after is not None, since[1]
            # In OData a row whose moment of change is null is not "ge" any moment.
            rows = [r for r in rows if (at := moment(r["GewijzigdOp"])) and at >= after]
        page: dict[str, Any] = {
            "@odata.context": f"{self.base}$metadata#{entity}",
            "@odata.count": len(rows),
            "value": rows[skip : skip + top],
        }
        if self.next_links and skip + top < len(rows):
            following = urlencode({**params, "$skip": str(skip + top)}, quote_via=quote)
            host = "http://example.org/OData/" if self.next_elsewhere else self.base
            page["@odata.nextLink"] = f"{host}{entity}?{following}"
        if self.loop:
            page["@odata.nextLink"] = f"{self.base}{entity}?{parts.query}"
        body = json.dumps(page).encode()
        if (entity, skip) in self.malformed:
            return 200, body[: len(body) // 2]
        return 200, body


@pytest.fixture
def service() -> Iterator[Service]:
    """The real records (motions and letters, debates, two commitments) served on 127.0.0.1."""
    state = Service(
        records={
            "Zaak": real_records("imvo-zaak.json") + real_records("expanded-motie-zaak.json"),
            "Activiteit": real_records("imvo-activiteit.json"),
            "Toezegging": json.loads((FIXTURES / "toezegging.json").read_text())["value"],
        }
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fault = state.fault(self.path)
            status, body = state.answer(self.path)
            if fault == "429":
                self.send_response(429)
                self.send_header("Retry-After", str(state.retry_after))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if fault is not None:
                self.send_response(status)
                if fault != "close":
                    self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                if fault == "stall":
                    time.sleep(1.5)
                self.close_connection = True
                return
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            if not state.no_length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with served(Handler) as base:
        state.base = f"{base}/OData/v4/2.0/"
        yield state


def _client(service: Service, **options: Any) -> Client:
    return Client(service.base, backoff=0.01, **{"page_size": 50, **options})


def test_sync_through_the_command_line_pages_and_stores_every_record(
    service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "kamer.sqlite"
    status = main(["kamer", "sync", "--url", service.base, "--store", str(store)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert out == (
        "synced 548 records: 548 new, 0 updated, 0 unchanged (Zaak 254, ZaakActor 166, "
        "Activiteit 64, Document 61, Toezegging 2, Kamerstukdossier 1)\n"
    )
    assert err.splitlines() == [
        "fetched Zaak: 250 of 254 records",
        "fetched Zaak: 254 of 254 records",
        "fetched Activiteit: 64 of 64 records",
        "fetched Toezegging: 2 of 2 records",
    ]
    zaak = [r for r in service.requests if "/Zaak?" in r]
    assert "$expand=Kamerstukdossier,ZaakActor,Besluit($expand=Stemming,Agendapunt" in zaak[0]
    assert "$skip=250" in zaak[1] and "$top=250" in zaak[1]


def test_a_second_sync_asks_only_for_what_changed_since_the_first(
    service: Service, tmp_path: Path
) -> None:
    store = tmp_path / "kamer.sqlite"
    sync(store, _client(service))
    before, service.requests[:] = dump(store), []
    counts = sync(store, _client(service))
    assert all("GewijzigdOp ge " in r for r in service.requests)
    assert counts.new.total() == counts.updated.total() == 0 and counts.unchanged.total() > 0
    assert dump(store) == before


def test_since_asks_only_for_records_changed_from_that_day(
    service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "kamer.sqlite")
    status = main(
        ["kamer", "sync", "--url", service.base, "--store", store, "--since", "2025-01-01"]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert all("GewijzigdOp ge 2025-01-01T00:00:00Z" in r for r in service.requests)
    assert out == (  # the 60 motions of 2025 with their submitters and documents
        "synced 286 records: 286 new, 0 updated, 0 unchanged (ZaakActor 166, Document 60, "
        "Zaak 60)\n"
    )


def test_a_since_sync_into_an_empty_store_counts_removed_records_apart(
    service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record the Kamer removed comes with the changes since the day (``Verwijderd:
    true``); it is no new record of the store, and the closing line says it came removed."""
    removed = json.loads((FIXTURES / "zaak-verwijderd.json").read_text(encoding="utf-8"))
    zaken = service.records["Zaak"]
    zaken[:] = [z for z in zaken if z["Nummer"] != "2018Z06147"] + removed
    store = str(tmp_path / "kamer.sqlite")
    status = main(
        ["kamer", "sync", "--url", service.base, "--store", store, "--since", "2025-01-01"]
    )
    assert status == 0
    assert capsys.readouterr().out == (
        "synced 287 records: 286 new, 0 updated, 0 unchanged, 1 removed (ZaakActor 166, "
        "Zaak 61, Document 60)\n"
    )


@pytest.mark.parametrize("next_links", [True, False], ids=["nextLink", "$skip"])
def test_pages_are_followed_by_next_link_or_by_skip(
    service: Service, tmp_path: Path, next_links: bool
) -> None:
    service.next_links = next_links
    counts = sync(tmp_path / "kamer.sqlite", _client(service))
    assert (counts.new["Zaak"], counts.new["Activiteit"], counts.new["Toezegging"]) == (254, 64, 2)
    skips = [
        int(m[1])
        for r in service.requests
        if "/Zaak?" in r and (m := re.search(r"\$skip=(\d+)", r))
    ]
    assert skips == [50, 100, 150, 200, 250]


def test_a_page_that_fails_once_is_asked_again(service: Service, tmp_path: Path) -> None:
    service.fail_once = {("Zaak", 100)}
    counts = sync(tmp_path / "kamer.sqlite", _client(service))
    assert counts.new["Zaak"] == 254
    assert len([r for r in service.requests if "$skip=100" in r and "/Zaak?" in r]) == 2


def test_a_page_that_keeps_failing_stops_the_sync_after_the_retries(
    service: Service, tmp_path: Path
) -> None:
    service.fail_once = {("Zaak", 0)}
    with pytest.raises(BriefingError) as error:
        sync(tmp_path / "kamer.sqlite", _client(service, retries=0))
    assert re.fullmatch(
        r"GET http://127\.0\.0\.1:\d+/OData/v4/2\.0/Zaak\?\$filter=Verwijderd eq false and "
        r"\(Soort eq 'Motie' or Soort eq 'Brief regering'\)&.*&\$top=50&\$count=true: no good "
        r"answer in 1 try: too many 503 error responses; the service may be busy or down; sync "
        r"again later",
        str(error.value),
    )
    assert not (tmp_path / "kamer.sqlite").exists()


def test_a_malformed_page_is_an_error_and_leaves_the_store_as_it_was(
    service: Service, tmp_path: Path
) -> None:
    store = tmp_path / "kamer.sqlite"
    load_files([FIXTURES / "toezegging.json"], store)
    before = dump(store)
    service.malformed = {("Zaak", 100)}
    with pytest.raises(BriefingError) as error:
        sync(store, _client(service))
    assert re.fullmatch(
        r"GET http://127\.0\.0\.1:\d+/OData/v4/2\.0/Zaak\?\$filter=.*\$skip=100: no good answer "
        r"in 6 tries: the answer's JSON stops after [\d,]+ bytes, before it is complete; the "
        r"service may be busy or down; sync again later",
        str(error.value),
    )
    assert len([r for r in service.requests if "$skip=100" in r and "/Zaak?" in r]) == 6
    assert dump(store) == before


def test_a_bad_request_shows_the_request(
    service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service.bad_request = {"Activiteit"}
    store = tmp_path / "kamer.sqlite"
    status = main(
        ["kamer", "sync", "--url", service.base, "--store", str(store), "--dossier", "26 485"]
    )
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert err[-1] == (
        f"briefing: error: GET {service.base}Activiteit?$filter=Verwijderd eq false and "
        "Zaak/any(z: z/Kamerstukdossier/any(d: d/Nummer eq 26485))&$expand=VervangenDoor"
        "&$orderby=GewijzigdOp,Id&$top=250&$count=true: the service answered 400 Bad Request: "
        '{"error": {"message": "The query specified in the URI is not valid."}}'
    )
    assert len(err) == 3  # the progress of Zaak, then the error alone, no traceback
    assert not store.exists()  # the store made for this sync is removed again


def test_a_wrong_address_says_what_the_address_must_be(
    service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "kamer.sqlite"
    site = service.base.removesuffix("OData/v4/2.0/")
    status = main(["kamer", "sync", "--url", site, "--store", str(store)])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert err[-1].startswith(f"briefing: error: GET {site}Zaak?")
    assert err[-1].endswith(
        ": the service answered 404 Not Found: 404 Not Found No such page.; --url must be the "
        "service's base "
        f"address, e.g. {fetch.DEFAULT_URL}"  # the Kamer's, which the tests keep out of reach
    )
    assert not store.exists()


def test_no_service_at_the_address_says_what_to_check(tmp_path: Path) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    address = f"http://127.0.0.1:{closed.server_address[1]}/OData/v4/2.0/"
    closed.server_close()  # nothing listens there now
    with pytest.raises(BriefingError) as raised:
        sync(tmp_path / "kamer.sqlite", Client(address, backoff=0.01))
    assert re.fullmatch(
        rf"GET {re.escape(address)}Zaak\?.*: no good answer in 6 tries: .*Connection refused; "
        r"check the address \(--url\) and the network connection, then sync again",
        str(raised.value),
    ), str(raised.value)


def test_a_next_page_on_another_host_is_refused(service: Service, tmp_path: Path) -> None:
    service.next_elsewhere = True
    with pytest.raises(BriefingError, match=r"the answer's next page is at http://example\.org/"):
        sync(tmp_path / "kamer.sqlite", _client(service))
    assert not any("example.org" in r for r in service.requests[1:2])


@pytest.mark.parametrize("no_length", [False, True], ids=["Content-Length", "streamed"])
def test_an_answer_too_large_is_refused(service: Service, tmp_path: Path, no_length: bool) -> None:
    service.no_length = no_length
    with pytest.raises(BriefingError, match=r"the answer is larger than 10,000 bytes; refused"):
        sync(tmp_path / "kamer.sqlite", _client(service, max_bytes=10_000))


@pytest.mark.parametrize(
    "url", ["http://example.org/OData/v4/2.0/", "ftp://127.0.0.1/", "gegevensmagazijn.nl"]
)
def test_only_https_or_http_on_this_machine_is_fetched(url: str) -> None:
    with pytest.raises(BriefingError, match="over https only"):
        check_base_url(url)
    assert check_base_url("https://example.org/OData") == "https://example.org/OData/"
    assert check_base_url("http://localhost:8080/") == "http://localhost:8080/"


@pytest.mark.parametrize("how", ["cut", "close", "stall"])
def test_an_answer_that_breaks_off_is_asked_again(
    service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    service.broken_once = {("Zaak", 50): how}
    client = _client(service, read_timeout=0.5)
    counts = sync(tmp_path / "kamer.sqlite", client)
    assert counts.new["Zaak"] == 254
    assert len([r for r in service.requests if "$skip=50" in r and "/Zaak?" in r]) == 2


def test_an_answer_that_keeps_breaking_off_stops_the_sync_with_the_request(
    service: Service, tmp_path: Path
) -> None:
    service.broken_once = {("Zaak", 0): "cut"}
    with pytest.raises(BriefingError) as error:
        sync(tmp_path / "kamer.sqlite", _client(service, retries=0))
    assert re.fullmatch(
        r"GET http://127\.0\.0\.1:\d+/OData/v4/2\.0/Zaak\?\$filter=.*&\$count=true: no good "
        r"answer in 1 try: the answer broke off after [\d,]+ bytes: .*IncompleteRead.*; the "
        r"service may be busy or down; sync again later",
        str(error.value),
    ), str(error.value)
    assert not (tmp_path / "kamer.sqlite").exists()


def test_a_long_retry_after_stops_the_sync_at_once_and_says_so(
    service: Service, tmp_path: Path
) -> None:
    service.retry_after = "3600"
    store = tmp_path / "kamer.sqlite"
    started = time.monotonic()
    done = cli("kamer", "sync", "--url", service.base, "--store", store)
    assert time.monotonic() - started < 30
    assert done.returncode == 1
    err = done.stderr.splitlines()
    assert err[-1].startswith(f"briefing: error: GET {service.base}Zaak?$filter=")
    assert err[-1].endswith(
        "&$top=250&$count=true: the service answered 429 and asks to be asked again in 3600 "
        "seconds (Retry-After), longer than the 60 seconds sync waits; sync again later"
    )
    assert len(service.requests) == 1 and not store.exists()


def test_a_next_page_already_fetched_stops_the_sync(service: Service, tmp_path: Path) -> None:
    service.loop = True
    store = tmp_path / "kamer.sqlite"
    done = cli("kamer", "sync", "--url", service.base, "--store", store)
    assert done.returncode == 1
    err = done.stderr.splitlines()
    assert err[-1].startswith(f"briefing: error: GET {service.base}Zaak?$filter=")
    assert err[-1].endswith(
        "&$top=250&$count=true: the service gives this page as the next one again, after it "
        "was fetched; its paging would never end, so the sync stops here; sync again later"
    )
    assert len(service.requests) == 1 and not store.exists()


def test_a_record_the_kamer_removes_after_a_sync_is_removed_by_the_next_one(
    service: Service, tmp_path: Path, content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "kamer.sqlite"
    sync(store, _client(service))
    zaken = service.records["Zaak"]
    (index,) = [i for i, r in enumerate(zaken) if r["Nummer"] == "2018Z06147"]
    # the service keeps a record it removes, marked, with a newer GewijzigdOp
    zaken[index] = {**zaken[index], "Verwijderd": True, "GewijzigdOp": "2025-11-03T09:12:44+01:00"}
    service.requests[:] = []

    counts = sync(store, _client(service))

    assert counts.removed == Counter(Zaak=1) and not counts.updated
    zaak = next(r for r in service.requests if "/Zaak?" in r)
    assert "$filter=GewijzigdOp ge " in zaak and "Verwijderd" not in zaak
    status = main(["kamer", "link", "--content", str(content_copy), "--store", str(store)])
    out = capsys.readouterr().out
    assert status == 0
    assert (
        "removed motion becker-26485-277: the Kamer removed Zaak 2018Z06147 from its records "
        "(Verwijderd, changed 2025-11-03); its entry is kept as it was: correct the link in "
        f"{content_copy / 'kamer.yaml'} or remove the entry"
    ) in out.splitlines()
    assert " not found, 1 removed by the Kamer; wrote " in out
