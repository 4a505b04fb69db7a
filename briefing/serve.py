"""The preview: every output as a page for screens, served on this machine, updated on save.

``briefing serve`` loads the content as ``build`` does (keeping in memory what did not change),
and makes a page when it is asked for: the index of every output, or one output's page with
a link to its PDF (:mod:`briefing.site`). It watches the content and the templates; on every
save it loads the content again and tells the open pages (Server-Sent Events), which fetch
themselves again and show the change in place, and it rebuilds the PDFs in the background
(:mod:`briefing.background`). While the content has errors every page lists them, as
``check`` prints them, until they are fixed.

Only these are served: the pages of the planned outputs and the index, the PDFs in the output
folder's document folders, and the templates' stylesheets and assets. Any other path is not
found: names are plain (letters, digits, ``.``, ``_``, ``-``), so ``..``, percent-encoding,
backslashes and absolute URLs are refused before anything is looked up, and a file that
leads out of its folder (a link) is refused too. It listens on 127.0.0.1 unless told
otherwise.
"""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from jinja2 import TemplateError
from markupsafe import escape

from briefing.background import Builder, Watcher
from briefing.errors import BriefingError
from briefing.layout import INDEX_PAGE, STYLE_DIR, require_apart, style_files, templates_dir
from briefing.medium import Medium, screen
from briefing.site import Site, load_site, page_html, page_warnings, problems_html

#: The preview's own URLs: its script, and the stream of changes the script listens to.
SCRIPT_URL, EVENTS_URL = "/_preview.js", "/_events"
#: Every path served is made of plain names; nothing else is looked up.
_PLAIN_PATH = re.compile(r"/(?:[A-Za-z0-9_][A-Za-z0-9._-]*(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)*)?")
#: A PDF in one of the output folder's document folders.
_PDF = re.compile(r"[a-z]+/[a-z0-9][a-z0-9-]*\.pdf")
#: How long an open page's stream of changes stays quiet before a keep-alive line.
KEEP_ALIVE = 15.0
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".pdf": "application/pdf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}


class Preview:
    """What the server shows: the latest site, its version, and the pages waiting for the next."""

    def __init__(self, content: Path, out: Path) -> None:
        self.content, self.out = content, out
        self.site: Site = load_site(content)
        self.version = 1
        #: Whether the latest change was to a template, which the open pages reload for.
        self.styled = False
        self.closed = False
        self._changed = threading.Condition()

    def reload(self, templates: bool) -> None:
        """Load the content again after a save, and tell the open pages."""
        site = load_site(self.content)
        with self._changed:
            self.site, self.styled = site, templates
            self.version += 1
            self._changed.notify_all()

    def close(self) -> None:
        """Let the open pages' streams end."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> int:
        """The version, once it is not ``since`` (or after ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != since or self.closed, timeout)
            return self.version

    def current(self) -> tuple[Site, int]:
        """The latest site and its version, taken together."""
        with self._changed:
            return self.site, self.version


def _medium_of(site: Site, version: int) -> Callable[[str, str | None], Medium]:
    """The medium of the preview's pages of a version: with the script that keeps them
    current, and the warnings about their content."""

    def medium(path: str, pdf: str | None) -> Medium:
        return screen(path, pdf, live=(SCRIPT_URL, version), notes=page_warnings(site, path))

    return medium


class _Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the preview's pages, the PDFs and the templates' assets."""

    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the preview prints what it does, not every request."""

    def _answer(self, body: bool) -> None:
        raw, _, query = self.path.partition("?")
        preview = self.server.preview
        if not _PLAIN_PATH.fullmatch(raw) or ".." in raw:
            return self._send(HTTPStatus.NOT_FOUND, b"not found\n", ".txt", body)
        name = raw.removeprefix("/") or INDEX_PAGE
        if raw == EVENTS_URL:
            return self._events(_since(query))
        if raw == SCRIPT_URL:
            script = (templates_dir() / "preview.js").read_bytes()
            return self._send(HTTPStatus.OK, script, ".js", body)
        file = self._file(name)
        if file is not None:
            return self._send(HTTPStatus.OK, file.read_bytes(), file.suffix, body)
        site, version = preview.current()
        medium_of = _medium_of(site, version)
        if site.problems:
            problems = [str(p) for p in site.problems]
            page = problems_html(problems, site.settings, medium_of(name, None))
            return self._send(HTTPStatus.OK, page.encode(), ".html", body)
        if name == INDEX_PAGE or name in site.pages:
            status, page = HTTPStatus.OK, _page(site, name, medium_of)
        else:
            status, page = HTTPStatus.NOT_FOUND, _not_found(site, name, medium_of)
        return self._send(status, page.encode(), ".html", body)

    def _file(self, name: str) -> Path | None:
        """The PDF or asset at ``name``, when it is one the preview serves."""
        if name.startswith(f"{STYLE_DIR}/"):
            return style_files(templates_dir()).get(name.removeprefix(f"{STYLE_DIR}/"))
        if _PDF.fullmatch(name):
            out = self.server.preview.out.resolve()
            path = (out / name).resolve()
            if path.is_relative_to(out) and path.is_file():
                return path
        return None

    def _send(self, status: HTTPStatus, data: bytes, suffix: str, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", _TYPES.get(suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        )
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _events(self, since: int) -> None:
        """The stream of changes an open page listens to, until the page or the server closes."""
        preview = self.server.preview
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.close_connection = True
        try:
            while not preview.closed:
                version = preview.wait(since, KEEP_ALIVE)
                if version != since:
                    change = {"version": version, "reload": preview.styled}
                    self.wfile.write(f"data: {json.dumps(change)}\n\n".encode())
                    since = version
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:  # the page was closed
            return


def _since(query: str) -> int:
    """The version a page shows, from its stream's query (``since=3``)."""
    match = re.fullmatch(r"since=(\d{1,9})", query)
    return int(match[1]) if match else 0


def _page(site: Site, name: str, medium_of: Callable[[str, str | None], Medium]) -> str:
    """A page of the site, or, when a template fails, the page that says where."""
    try:
        return page_html(site, name, medium_of)
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or "a template"
        line = getattr(exc, "lineno", None)
        message = f"{where}:{line}: {exc.message}" if line else f"{where}: {exc.message}"
    except Exception as exc:  # a fault of the preview: said in the page, and the server goes on
        message = f"{name}: internal error: {type(exc).__name__}: {exc}"
    try:
        return problems_html([message], site.settings, medium_of(name, None))
    except TemplateError:  # the page that lists problems is broken itself
        return f"<!DOCTYPE html><html lang='nl'><title>Fout</title><p>{escape(message)}</p>"


def _not_found(site: Site, name: str, medium_of: Callable[[str, str | None], Medium]) -> str:
    message = f"{name}: no such page; every document is listed on the index page"
    return problems_html([message], site.settings, medium_of(name, None))


class _Server(ThreadingHTTPServer):
    """The HTTP server, with the preview it shows."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], preview: Preview) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.preview = preview
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that goes away mid-answer (a page closed or reloaded) is no error; any
        other failure to answer is one line on standard error, never a traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        print(f"briefing: could not answer {client_address}: {error}", file=sys.stderr)


def serve(
    content: Path,
    out: Path,
    *,
    bind: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = False,
    say: Callable[[str], None] | None = None,
) -> None:
    """Serve the preview of ``content`` until interrupted; PDFs are rebuilt into ``out``.

    Prints the URL on standard output; ``say`` tells what happens (default: standard error).
    """
    say = say or partial(print, file=sys.stderr, flush=True)
    require_apart(content, out)
    preview = Preview(content, out)
    try:
        server = _Server((bind, port), preview)
    except OSError as exc:
        raise BriefingError(
            f"cannot listen on {bind}:{port}: {exc.strerror or exc}; choose another --port "
            "(0 picks a free one)"
        ) from None
    host, port = str(server.server_address[0]), int(server.server_address[1])
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    print(f"serving {url}", flush=True)
    say(f"previewing {content}, PDFs in {out}; stop with Ctrl-C")
    builder = Builder(content, out, say)

    def changed(templates: bool) -> None:
        preview.reload(templates)
        builder.request()

    watcher = Watcher(content, changed, ignore=out, say=say)
    try:
        builder.start()
        watcher.start()
        if open_browser:
            webbrowser.open(url)
        server.serve_forever(poll_interval=0.25)
    finally:
        watcher.stop()
        preview.close()
        builder.stop()
        server.server_close()
