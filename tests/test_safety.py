"""Content is text, not markup: nothing in YAML reaches the HTML, the CSS or the network,
and no id takes an output outside the output folder."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import UndefinedError
from pydantic import BaseModel

from briefing.corpus import load_corpus
from briefing.errors import ContentError
from briefing.index import Index
from briefing.inline import check_inline, render_inline
from briefing.layout import templates_dir
from briefing.loading import Document
from briefing.model import Debate, Letter, Sector
from briefing.plan import plan
from briefing.render import environment
from briefing.settings import load_settings
from briefing.validation import validate
from briefing.write import BlockedResource, _fetcher, write_pdf
from tests.conftest import CONTENT, html_of, normalise, page_texts, text_of
from tests.test_bad_input import MINIMAL_LETTER

LETTER = "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
HOSTILE = (
    "<script>alert(1)</script> <b>vet</b> <style>body{display:none}</style> "
    '<img src="file:///etc/passwd"> &amp; {{ settings }}'
)


def test_markup_in_content_is_printed_as_text(content_copy: Path, tmp_path: Path) -> None:
    path = content_copy / LETTER
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "subject: Opvolging moties en toezeggingen IMVO-beleid", f"subject: '{HOSTILE}'"
        ),
        encoding="utf-8",
    )
    html = html_of(content_copy, LETTER.replace(".yaml", ".pdf"))
    pdf = tmp_path / "letter.pdf"
    write_pdf(html, pdf, templates_dir())
    first = normalise(page_texts(pdf)[0].body)
    assert f"Betreft {HOSTILE}" in first


def test_inline_markup_escapes_html() -> None:
    html = render_inline('a <b>b</b> *c* [d](https://example.org) "e"')
    assert "&lt;b&gt;b&lt;/b&gt;" in html
    assert "<em>c</em>" in html
    assert '<a href="https://example.org">d</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](file:///etc/passwd)",
        "[x](data:text/html,hoi)",
        "[x](../../etc/passwd)",
    ],
)
def test_only_web_and_mail_links_are_allowed(text: str) -> None:
    with pytest.raises(ValueError, match="not allowed"):
        check_inline(text)


def test_templates_fail_on_undefined_names() -> None:
    template = environment().from_string("{{ missing }}")
    with pytest.raises(UndefinedError):
        template.render()
    assert environment().from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_fetcher_reads_only_the_templates_folder(tmp_path: Path) -> None:
    root = templates_dir().resolve()
    fetcher = _fetcher(root)
    response = fetcher.fetch((root / "fonts.css").as_uri())
    assert b"Fira Sans" in response.read()
    outside = tmp_path / "secret.css"
    outside.write_text("body { color: red }")
    for url in (
        outside.as_uri(),
        f"{root.as_uri()}/../pyproject.toml",
        "http://127.0.0.1:9/x.css",
        "https://example.org/x.png",
        "data:text/css,body{}",
    ):
        with pytest.raises(BlockedResource):
            fetcher.fetch(url)


class _Counter(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def _render_hostile_html(tmp_path: Path, fetcher_root: Path | None) -> tuple[int, str]:
    """Render HTML that asks for a stylesheet outside the templates and for URLs on a local
    server; return the requests the server saw and the PDF's text."""
    server = HTTPServer(("127.0.0.1", 0), _Counter)
    _Counter.hits = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    secret = tmp_path / "secret.css"
    secret.write_text('p::after { content: " GEHEIM" }')
    url = f"http://127.0.0.1:{server.server_port}"
    html = (
        f'<link rel="stylesheet" href="{secret.as_uri()}">'
        f'<link rel="stylesheet" href="{url}/a.css"><p>tekst</p><img src="{url}/b.png">'
        f'<style>@import url("{url}/c.css"); p {{ background: url({url}/d.png) }}</style>'
    )
    target = tmp_path / "out.pdf"
    try:
        if fetcher_root is None:  # WeasyPrint's own fetcher, to show what the test detects
            from weasyprint import HTML

            HTML(string=html).write_pdf(target)
        else:
            write_pdf(html, target, fetcher_root)
    finally:
        server.shutdown()
    return _Counter.hits, normalise(page_texts(target)[0].full)


def test_renderer_opens_no_file_outside_and_no_url(tmp_path: Path) -> None:
    hits, text = _render_hostile_html(tmp_path, templates_dir())
    assert text == "tekst"
    assert hits == 0


def test_the_hostile_html_would_leak_without_confinement(tmp_path: Path) -> None:
    hits, text = _render_hostile_html(tmp_path, None)
    assert "GEHEIM" in text
    assert hits > 0


# ------------------------------------------------------------------ output names from ids

#: Ids that could put an output elsewhere, or that a file system could not hold. Windows
#: device names are refused too: they fit the id pattern, but 'con.pdf' can be neither
#: created nor opened on Windows, where a build folder is often copied or shared.
ESCAPING_IDS = {
    "../x": "is not a valid id",
    "../../etc/cron.d/x": "is not a valid id",
    "a/b": "is not a valid id",
    "a\\b": "is not a valid id",
    "/etc/passwd": "is not a valid id",
    "C:\\x": "is not a valid id",
    ".": "is not a valid id",
    "..": "is not a valid id",
    "": "is not a valid id",
    "a\x00b": "'a\\x00b' is not a valid id",
    "x.pdf": "is not a valid id",
    "CON": "is not a valid id",
    "a" * 81: "the text has 81 characters, more than the 80 that fit here; shorten it",
    "con": "Windows reserves this name for a device",
    "nul": "Windows reserves this name for a device",
    "lpt1": "Windows reserves this name for a device",
    "com9": "Windows reserves this name for a device",
}


def _entry(model: type[BaseModel], entry_id: str) -> dict[str, Any]:
    if model is Letter:
        return {**yaml.safe_load(MINIMAL_LETTER.read_text(encoding="utf-8")), "id": entry_id}
    if model is Debate:
        return {"id": entry_id, "kind": "commissiedebat", "title": "T", "date": "2020-01-01"}
    return {"id": entry_id, "kind": "thema", "name": "N"}


@pytest.mark.parametrize("model", [Letter, Debate, Sector], ids=lambda m: m.__name__)
@pytest.mark.parametrize("entry_id", ESCAPING_IDS, ids=lambda i: repr(i)[:20])
def test_ids_that_name_outputs_cannot_escape(model: type[BaseModel], entry_id: str) -> None:
    """Letters, debates and sectors name their PDFs; a bad id is refused when validated,
    with a message that says what an id may be."""
    document = Document(Path("content/x.yaml"), None)
    value, problems = validate(document, model, _entry(model, entry_id))
    assert value is None
    messages = [str(p) for p in problems]
    assert len(messages) == 1, messages
    assert messages[0].startswith("content/x.yaml:1:1: id: ")
    assert ESCAPING_IDS[entry_id] in messages[0]
    assert "\x00" not in messages[0] and "\n" not in messages[0]


def test_every_output_is_named_by_an_id_inside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    names = [o.path for o in plan(Index(load_corpus(CONTENT))).outputs]
    assert len(names) > 20
    for name in names:
        assert re.fullmatch(r"(letters|briefings|sectors)/[a-z0-9]+(-[a-z0-9]+)*\.pdf", name)
        assert (out / name).resolve().is_relative_to(out.resolve())


# ---------------------------------------------------------------------- settings and files


def test_an_emblem_outside_the_assets_is_refused_even_when_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "geheim.svg"
    secret.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    content = tmp_path / "content"
    content.mkdir()
    (content / "settings.yaml").write_text(f"emblem: {secret}\n")
    with pytest.raises(ContentError, match="points outside the templates' assets folder"):
        load_settings(content)
    # A link inside the assets folder that leads out of it is refused as well.
    templates = tmp_path / "templates"
    (templates / "assets").mkdir(parents=True)
    (templates / "assets" / "beeldmerk.svg").symlink_to(secret)
    monkeypatch.setattr("briefing.settings.templates_dir", lambda: templates)
    (content / "settings.yaml").write_text("emblem: beeldmerk.svg\n")
    with pytest.raises(ContentError, match=r"'beeldmerk\.svg' leads outside"):
        load_settings(content)


# --------------------------------------------------------------------------------- network

#: Run in a child process: forbid every network operation through an audit hook, run the
#: command line, then try one connection to show the hook sees it. What was tried is
#: written as JSON to the file named by the first argument.
_NO_NETWORK = """
import json, sys
tried = []
def forbid(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                 "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.sendto"):
        tried.append([event, repr(args)[:200]])
        raise PermissionError("no network in this test: " + event)
    if event == "urllib.Request" and not str(args[0]).startswith("file:"):
        tried.append([event, str(args[0])])
        raise PermissionError("no network in this test: " + str(args[0]))
sys.addaudithook(forbid)
from briefing.cli import main
status = main(sys.argv[2:])
built = list(tried)
try:
    import socket
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass
with open(sys.argv[1], "w") as result:
    json.dump({"status": status, "build": built, "control": tried[len(built):]}, result)
"""

#: Web addresses in every form content can hold them; none may be fetched.
URL_TEXT = (
    "Zie https://www.rijksoverheid.nl en http://127.0.0.1:9/ping, [de site](https://example.org/pad)"
    ', <img src="http://127.0.0.1:9/img.png">, url(http://127.0.0.1:9/x.png) en '
    "<style>@import url(https://example.org/x.css)</style>."
)


def test_a_build_opens_no_network_connection(tmp_path: Path) -> None:
    """A letter full of web addresses is built while every connection (and name lookup) is
    forbidden: nothing is tried, the PDF is written and prints the addresses as text.

    Content has no way to put a URL into CSS: the font family and the emblem are checked
    names, and text is escaped; the addresses above are tried anyway."""
    content = tmp_path / "content"
    (content / "letters").mkdir(parents=True)
    letter = yaml.safe_load(MINIMAL_LETTER.read_text(encoding="utf-8"))
    letter["sections"][0]["body"] = [URL_TEXT + "[^bron]"]
    letter["footnotes"] = {"bron": "Bron: [rapport](http://127.0.0.1:9/rapport.pdf)."}
    (content / "letters" / "2030-01-01-test.yaml").write_text(
        yaml.safe_dump(letter, allow_unicode=True), encoding="utf-8"
    )
    (content / "settings.yaml").write_text("font_family: RO Sans\n")
    result_file, out = tmp_path / "tried.json", tmp_path / "out"
    command = ["build", "--content", str(content), "--out", str(out)]
    process = subprocess.run(
        [sys.executable, "-c", _NO_NETWORK, str(result_file), *command],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert process.returncode == 0, process.stderr + process.stdout
    result = json.loads(result_file.read_text())
    assert result == {"status": 0, "build": [], "control": result["control"]}
    assert len(result["control"]) == 1  # the hook does see a connection attempt
    pdf = out / "letters" / "2030-01-01-test.pdf"
    text = "".join(text_of(pdf).split())  # a long address may break across lines
    assert "https://www.rijksoverheid.nl" in text
    assert "url(http://127.0.0.1:9/x.png)" in text
    assert '<imgsrc="http://127.0.0.1:9/img.png">' in text
    assert "<style>@importurl(https://example.org/x.css)</style>" in text
