"""``briefing import https://...``: a letter fetched from its web address, served here from
127.0.0.1 (the real official XML of Kamerstuk 28 844, nr. 269), read as the same file saved
would be, every note naming the address."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from briefing.importing import source
from tests.conftest import cli
from tests.importing import content_copy
from tests.serving import served
from tests.test_import_sources import IMPORT

XML = IMPORT / "kst-28844-269.xml"


class Site:
    """What the server at ``base`` answers, and the paths it was asked for."""

    def __init__(self) -> None:
        self.base = ""
        self.asked: list[str] = []


@pytest.fixture
def site() -> Iterator[Site]:
    """The letter at /kst-28844-269.xml; /moved redirects there; /busy.xml answers 503 the
    first time, then the letter; /later.xml answers 503 asking to wait 2 seconds, and
    /much-later.xml 429 asking to wait an hour; any other path is not found."""
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.asked.append(self.path)
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/kst-28844-269.xml")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/kst-28844-269.xml" or (
                self.path == "/busy.xml" and state.asked.count("/busy.xml") > 1
            ):
                body = XML.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path in ("/later.xml", "/much-later.xml"):
                self.send_response(429 if self.path == "/much-later.xml" else 503)
                self.send_header("Retry-After", "3600" if self.path == "/much-later.xml" else "2")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                status = 503 if self.path == "/busy.xml" else 404
                self.send_error(status)

        def log_message(self, *args: object) -> None:
            pass

    with served(Handler) as base:
        state.base = base
        yield state


def test_a_letter_given_by_its_address_is_fetched_and_imported(site: Site, tmp_path: Path) -> None:
    content = content_copy(tmp_path / "content")
    address = f"{site.base}/kst-28844-269.xml"
    run = cli("import", address, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = content / "letters" / "2023-07-07-integriteitsbeleid-openbaar-bestuur-en-politie.yaml"
    assert run.stdout == f"wrote {draft}\n"
    assert f"{address}:13: no subject in the text;" in run.stderr
    assert "# Draft imported from kst-28844-269.xml (Kamerstuk layout)." in draft.read_text(
        encoding="utf-8"
    )
    saved = content_copy(tmp_path / "saved")
    assert cli("import", XML, "--content", saved).returncode == 0
    assert draft.read_bytes() == (saved / "letters" / draft.name).read_bytes()


def test_a_redirect_is_followed_and_a_busy_server_asked_again(site: Site, tmp_path: Path) -> None:
    for path in ("/moved", "/busy.xml"):
        content = content_copy(tmp_path / path.strip("/"))
        run = cli("import", f"{site.base}{path}", "--content", content)
        assert run.returncode == 0, run.stderr
        assert len(list((content / "letters").glob("2023-07-07-*.yaml"))) == 1
    assert site.asked == ["/moved", "/kst-28844-269.xml", "/busy.xml", "/busy.xml"]


def test_an_address_that_gives_no_file_is_an_error_naming_it(site: Site, tmp_path: Path) -> None:
    content = content_copy(tmp_path / "content")
    before = sorted((content / "letters").iterdir())
    gone = f"{site.base}/gone.xml"
    run = cli("import", gone, f"{site.base}/kst-28844-269.xml", "--content", content)
    assert run.returncode == 1
    assert (
        f"briefing: error: {gone}: the server answered 404 Not Found; check the address, "
        "or save the file from the browser and import that\n"
    ) in run.stderr
    assert len(sorted((content / "letters").iterdir())) == len(before) + 1  # the other one


def test_only_https_is_fetched_from_elsewhere(tmp_path: Path) -> None:
    run = cli("import", "http://example.org/kst-1.xml", "--content", content_copy(tmp_path / "c"))
    assert (run.returncode, run.stdout, run.stderr) == (
        1,
        "",
        "briefing: error: http://example.org/kst-1.xml: only https addresses are fetched (http "
        "only from 127.0.0.1 or localhost); give its https address, or save the file and "
        "import that\n",
    )


def test_an_answer_larger_than_a_file_to_import_is_refused(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    address = f"{site.base}/kst-28844-269.xml"
    run = cli("import", address, "--content", content_copy(tmp_path / "c"), here=True)
    assert run.returncode == 1
    assert run.stderr.startswith(f"briefing: error: {address} is larger than")


def test_a_server_that_asks_to_wait_is_waited_for_up_to_half_a_minute(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pauses are recorded instead of slept."""
    pauses: list[float] = []
    monkeypatch.setattr(time, "sleep", pauses.append)
    content = content_copy(tmp_path / "content")
    later, much_later = f"{site.base}/later.xml", f"{site.base}/much-later.xml"
    run = cli("import", later, much_later, "--content", content, here=True)
    assert run.returncode == 1
    assert run.stderr == (
        f"briefing: error: {later}: the server answered 503 Service Unavailable; check the "
        "address, or save the file from the browser and import that\n"
        f"briefing: error: {much_later}: the server answered 429 and asks to be asked again in "
        "3600 seconds (Retry-After), longer than the 30 seconds import waits; import it again "
        "later\n"
    )
    assert site.asked == ["/later.xml"] * 4 + ["/much-later.xml"]
    assert pauses == [2, 2, 2]  # as asked, three times; none for the hour
