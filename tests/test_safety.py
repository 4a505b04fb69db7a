"""Content is text, not markup: nothing in YAML reaches the HTML, the CSS or the network."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from briefing.build import build
from briefing.inline import check_inline, render_inline
from briefing.pdf import BlockedResource, _fetcher, write_pdf
from briefing.render import environment
from briefing.settings import templates_dir
from tests.conftest import normalise, page_texts

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
    report = build(content_copy, tmp_path / "out")
    assert report.ok, report.lines()
    pdf = tmp_path / "out" / LETTER.replace(".yaml", ".pdf")
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
