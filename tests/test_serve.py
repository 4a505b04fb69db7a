"""``briefing serve`` over HTTP: what it serves, what it refuses, and how it says so.

The server runs as a user runs it, ``python -m briefing serve --port 0`` in a process of its
own, on a copy of the bundled content and of its build (so that the background build of
the PDFs has nothing to do until a file is saved). The browser's view of it is in
``test_serve_browser.py``.
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from briefing import serve
from briefing.background import stamps
from briefing.corpus import load_corpus
from briefing.index import Index
from briefing.layout import page_path, style_files
from briefing.lock import locked
from briefing.medium import screen
from briefing.plan import plan
from briefing.site import load_site
from tests.conftest import CONTENT, PATIENCE, cli, read_line

LETTER = "2018-11-13-voortgang-imvo-beleid"
#: A sentence of that letter's first paragraph.
SENTENCE = "In deze brief wordt uw Kamer geïnformeerd over het IMVO-beleid"


@dataclass(frozen=True)
class Served:
    """A running ``briefing serve``: its address, its content and output folders."""

    host: str
    port: int
    content: Path
    out: Path
    process: subprocess.Popen[str]

    @property
    def url(self) -> str:
        """The index page's URL."""
        return f"http://{self.host}:{self.port}/"

    def get(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        """The status, headers and body of ``path`` sent exactly as written."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=PATIENCE)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


@contextmanager
def serving(content: Path, out: Path, *options: str) -> Iterator[Served]:
    """Run ``briefing serve`` on ``content`` until the block ends, then stop it as Ctrl-C
    would (and, with it, any build it has under way)."""
    command = [sys.executable, "-m", "briefing", "serve", "--content", str(content)]
    process = subprocess.Popen(
        [*command, "--out", str(out), "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(process.stdout)
        match = re.fullmatch(r"serving http://([0-9.]+):(\d+)/", line)
        assert match, f"unexpected first line {line!r}"
        yield Served(match[1], int(match[2]), content, out, process)
    finally:
        process.terminate()
        assert process.wait(timeout=PATIENCE) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()


def copy_of(built: Path, content_root: Path) -> tuple[Path, Path]:
    """A writable copy of the bundled content and of its build, under ``content_root``."""
    content, out = content_root / "content", content_root / "out"
    shutil.copytree(CONTENT, content)
    shutil.copytree(built, out)
    return content, out


def planned_pages(content: Path) -> set[str]:
    """The page of every output the plan of ``content`` has."""
    return {page_path(o.path) for o in plan(Index(load_corpus(content))).outputs}


@pytest.fixture(scope="module")
def served(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the tests that change nothing."""
    content, out = copy_of(built, tmp_path_factory.mktemp("serve"))
    with serving(content, out) as server:
        yield server


def hrefs(html: str) -> list[str]:
    """Every link's target in a page."""
    return re.findall(r'href="([^"]*)"', html)


def test_the_index_links_to_every_page_and_pdf(served: Served) -> None:
    status, headers, body = served.get("/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    links = set(hrefs(body.decode()))
    pages = planned_pages(served.content)
    assert len(pages) == 22
    assert pages <= links
    assert {p.removesuffix(".html") + ".pdf" for p in pages} <= links
    for page in sorted(pages):
        status, _, body = served.get(f"/{page}")
        assert status == 200, page
        assert b'<html lang="nl">' in body


def test_a_letter_page_shows_its_text_and_links_to_its_pdf(served: Served) -> None:
    status, _, body = served.get(f"/letters/{LETTER}.html")
    html = body.decode()
    assert status == 200
    assert SENTENCE in " ".join(html.split())
    assert f'href="{LETTER}.pdf">Dit document als PDF</a>' in html
    status, headers, pdf = served.get(f"/letters/{LETTER}.pdf")
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    assert pdf == (served.out / "letters" / f"{LETTER}.pdf").read_bytes()


def test_links_between_documents_lead_to_pages_and_sections(served: Served) -> None:
    _, _, body = served.get("/briefings/ao-imvo-2018-11-14.html")
    links = hrefs(body.decode())
    to_letters = [href for href in links if href.startswith("../letters/")]
    assert to_letters
    assert all(
        re.fullmatch(r"\.\./letters/[a-z0-9-]+\.html(#s-[a-z0-9-]+)?", h) for h in to_letters
    )
    _, _, letter = served.get(f"/letters/{LETTER}.html")
    anchors = set(re.findall(r'id="(s-[^"]+)"', letter.decode()))
    cited = {h.partition("#")[2] for h in to_letters if LETTER in h and "#" in h}
    assert cited and cited <= anchors
    _, _, sector = served.get("/sectors/goud.html")
    assert 'href="overzicht.html"' in sector.decode()


def test_the_templates_assets_are_served_and_nothing_else_of_the_templates(
    served: Served,
) -> None:
    status, headers, body = served.get("/style/screen.css")
    assert (status, headers["Content-Type"]) == (200, "text/css; charset=utf-8")
    assert body.startswith(b"/* Every document on a screen")
    assert served.get("/style/assets/fonts/FiraSans-Regular.ttf")[0] == 200
    assert served.get("/style/assets/ribbon.svg")[0] == 200
    for name in ("/style/base.html", "/style/letter.html", "/base.html", "/style/"):
        assert served.get(name)[0] == 404, name


@pytest.mark.parametrize(
    "path",
    [
        "/../README.md",
        "/style/../../pyproject.toml",
        "/letters/../../README.md",
        "/%2e%2e/README.md",
        "/style/%2e%2e/base.html",
        "/style/..%2fbase.html",
        "/letters%2f..%2f..%2fREADME.md",
        "/%252e%252e/README.md",
        "/style/%252e%252e%252fbase.html",
        "/style/..\\base.html",
        "/style\\..\\base.html",
        "/%5c..%5cREADME.md",
        "//etc/passwd",
        "/etc/passwd",
        "/" + str(CONTENT.parent / "README.md"),
        "http://127.0.0.1/../README.md",
        "/.briefing-build.json",
        "/out/letters/" + LETTER + ".pdf",
        "/content/letters/" + LETTER + ".yaml",
        "/letters/" + LETTER + ".yaml",
        "/html/index.html",
    ],
)
def test_paths_that_lead_elsewhere_are_not_found(served: Served, path: str) -> None:
    status, _, body = served.get(path)
    assert status == 404
    assert b"Ministers' letters" not in body and b"[project]" not in body and b"root:" not in body


def test_a_link_that_leads_out_of_the_output_folder_is_not_followed(
    built: Path, tmp_path: Path
) -> None:
    content, out = copy_of(built, tmp_path)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    (out / "letters" / "zzz-secret.pdf").symlink_to(secret)
    with serving(content, out) as server:
        assert server.get("/letters/zzz-secret.pdf")[0] == 404
        assert server.get(f"/letters/{LETTER}.pdf")[0] == 200


def test_only_the_templates_own_files_are_assets(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "screen.css").write_text("body {}")
    (tmp_path / "base.html").write_text("<html>")
    (tmp_path / "assets" / "ribbon.svg").write_text("<svg/>")
    secret = tmp_path.parent / f"{tmp_path.name}-secret.css"
    secret.write_text("secret")
    (tmp_path / "leak.css").symlink_to(secret)
    (tmp_path / "assets" / "leak.svg").symlink_to(secret)
    assert sorted(style_files(tmp_path)) == ["assets/ribbon.svg", "screen.css"]


def test_pages_say_what_they_may_load(served: Served) -> None:
    _, headers, _ = served.get(f"/letters/{LETTER}.html")
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = served.get(f"/letters/{LETTER}.html", method="HEAD")
    assert (status, body) == (200, b"")
    assert int(headers["Content-Length"]) > 1000


def test_an_unknown_page_is_not_found_and_says_where_to_look(served: Served) -> None:
    status, _, body = served.get("/letters/no-such-letter.html")
    assert status == 404
    assert "letters/no-such-letter.html: no such page" in body.decode()


def test_content_text_stays_text(built: Path, tmp_path: Path) -> None:
    content, out = copy_of(built, tmp_path)
    letter = content / "letters" / f"{LETTER}.yaml"
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    letter.write_text(letter.read_text(encoding="utf-8").replace(SENTENCE, hostile))
    with serving(content, out) as server:
        _, _, body = server.get(f"/letters/{LETTER}.html")
    html = body.decode()
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    )
    assert "<script>" not in html and "<img src=x" not in html


def test_changes_are_announced_to_open_pages(served: Served) -> None:
    connection = http.client.HTTPConnection(served.host, served.port, timeout=PATIENCE)
    try:
        connection.request("GET", "/_events?since=1")
        response = connection.getresponse()
        assert response.getheader("Content-Type") == "text/event-stream"
        settings = served.content / "settings.yaml"
        settings.write_text("font_family: Fira Sans\n")
        try:
            line = response.readline()
            while not line.startswith(b"data: "):
                line = response.readline()
        finally:
            settings.unlink()
        change = json.loads(line.removeprefix(b"data: "))
        assert change["version"] > 1 and change["reload"] is False
    finally:
        connection.close()


def test_it_listens_on_this_machine_only_unless_told(built: Path, tmp_path: Path) -> None:
    content, out = copy_of(built, tmp_path)
    with serving(content, out) as server:
        assert server.host == "127.0.0.1"
    with serving(content, out, "--bind", "127.0.0.2") as server:
        assert server.host == "127.0.0.2"
        assert server.get("/")[0] == 200


def test_a_port_in_use_is_a_clear_error(served: Served) -> None:
    done = cli("serve", "--content", served.content, "--port", str(served.port))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"briefing: error: cannot listen on 127.0.0.1:{served.port}: Address already in use; "
        "choose another --port (0 picks a free one)"
    )
    done = cli("serve", "--port", "eighty")
    assert done.returncode == 2
    assert "'eighty' is not a port number (0 to 65535), e.g. 8000" in done.stderr


def test_the_pdfs_are_rebuilt_in_the_background_on_save_once_the_folder_is_free(
    built: Path, tmp_path: Path
) -> None:
    content, out = copy_of(built, tmp_path)
    pdf = out / "letters" / f"{LETTER}.pdf"
    before = pdf.read_bytes()
    with serving(content, out) as server:
        assert read_line(server.process.stderr).startswith("previewing ")
        assert read_line(server.process.stderr) == "PDFs: 0 rebuilt, 22 up to date, 0 failed"
        with locked(out):  # another build holds the output folder
            letter = content / "letters" / f"{LETTER}.yaml"
            text = letter.read_text(encoding="utf-8")
            letter.write_text(text.replace("Geachte voorzitter,", "Geachte Voorzitter,"))
            said = read_line(server.process.stderr)
            assert re.fullmatch(
                rf"PDFs: {re.escape(str(out))} is locked by process \d+ on .*; wait for it to "
                "finish; trying again shortly",
                said,
            ), said
            assert pdf.read_bytes() == before
        assert read_line(server.process.stderr) == "PDFs: 1 rebuilt, 21 up to date, 0 failed"
        assert server.process.poll() is None
    assert pdf.read_bytes() != before
    done = cli("build", "--content", content, "--out", out)
    assert done.stdout.splitlines()[-1] == "0 rebuilt, 22 up to date, 0 failed"


def test_a_broken_template_is_named_in_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> str:
        raise TemplateSyntaxError("unexpected '}'", 12, filename="templates/letter.html")

    monkeypatch.setattr(serve, "page_html", broken)
    site = load_site(CONTENT)
    page = serve._page(site, f"letters/{LETTER}.html", lambda path, pdf: screen(path, pdf))
    assert "<code>templates/letter.html:12: unexpected &#39;}&#39;</code>" in page


def test_the_output_folder_inside_the_content_is_not_watched(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "a.yaml").write_text("id: a\n")
    (tmp_path / "build" / "letters").mkdir(parents=True)
    (tmp_path / "build" / "letters" / "a.pdf").write_bytes(b"%PDF")
    assert sorted(Path(p).name for p in stamps(tmp_path, ignore=tmp_path / "build")) == ["a.yaml"]
    assert len(stamps(tmp_path)) == 2


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (ConnectionResetError(104, "Connection reset by peer"), ""),
        (BrokenPipeError(32, "Broken pipe"), ""),
        (
            ValueError("bad request line"),
            "briefing: could not answer ('127.0.0.1', 5000): bad request line\n",
        ),
    ],
)
def test_a_browser_that_goes_away_mid_answer_is_no_traceback(
    error: Exception, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Closing or reloading a page while it loads breaks the connection; the server says
    nothing of it, and of any other failure one line, never Python's traceback."""
    server = serve._Server.__new__(serve._Server)  # handle_error needs no socket
    try:
        raise error
    except Exception:
        server.handle_error(None, ("127.0.0.1", 5000))
    assert capsys.readouterr().err == said
