"""The write stage: HTML to PDF with WeasyPrint, reading only the project's templates and assets.

WeasyPrint is imported here only, so commands that do not render stay fast. Every
PDF is written to a temporary file beside its target and renamed into place, so a
failed or interrupted build never leaves a partial file.

A process parses each of the project's stylesheets, and loads the fonts they name, once:
every document it renders after the first reuses them, until one of their files changes.
While a document is laid out and written, no garbage is collected; it is collected once,
after. WeasyPrint's own stylesheet styles the pseudo-elements of list items and footnotes on
those elements only.
"""

from __future__ import annotations

import gc
import multiprocessing.util
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from briefing.atomic import replacing
from briefing.errors import RenderError, stops_deferred
from briefing.log import captured, no_glyph_at, warning_at

if TYPE_CHECKING:  # WeasyPrint is imported only when rendering.
    from xml.etree.ElementTree import Element

    from weasyprint import CSS, HTML
    from weasyprint.document import Document
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

#: Timestamp written into font subsets (fontTools honours SOURCE_DATE_EPOCH): 2000-01-01.
REPRODUCIBLE_EPOCH = "946684800"


#: The pseudo-elements WeasyPrint's own stylesheet styles on every element, and the elements
#: that have them in our documents: a list's items have a marker, a footnote (our templates
#: float ``.footnote`` elements, and only those, to the footnote area) its call and its marker.
#: Our documents have no notes in the margin (``position: note()``), whose rules are dropped.
PSEUDO_ELEMENT_HOSTS: dict[str, str | None] = {
    "marker": "li",
    "footnote-call": ".footnote",
    "footnote-marker": ".footnote",
    "note-call": None,
    "note-marker": None,
    "note-callback": None,
}
_PSEUDO_ELEMENT_RULE = re.compile(r"^::([a-z-]+)( *\{[^}]*\}\n?)", re.MULTILINE)


class BlockedResource(ValueError):
    """The renderer asked for a resource outside the project's templates and assets."""


@dataclass(frozen=True)
class Rendered:
    """What writing a PDF learned: the page of every anchor, the files it read, and what
    WeasyPrint warned about (lines ``path:line:column: warning: ...``)."""

    anchors: dict[str, int]
    resources: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def _fetcher(root: Path, read: set[str] | None = None) -> URLFetcher:
    """A WeasyPrint URL fetcher confined to files under ``root``; adds what it reads to ``read``."""
    noted: set[str] = set() if read is None else read
    from weasyprint.urls import URLFetcher

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise BlockedResource(f"not fetching '{url}': only local assets are allowed")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(root):
                raise BlockedResource(f"not reading '{path}': outside {root}")
            noted.add(path.relative_to(root).as_posix())
            return super().fetch(url, headers)

    return ConfinedFetcher(allowed_protocols=("file",), allow_redirects=False)


@dataclass(frozen=True)
class _Sheet:
    """A parsed stylesheet and the files it was made from, with their size and time."""

    css: CSS
    read: frozenset[str]
    stamps: tuple[tuple[Path, int, int], ...]
    #: What WeasyPrint ignored in it, as warnings at its lines.
    warnings: tuple[str, ...]

    def fresh(self) -> bool:
        """True while none of its files changed since it was parsed."""
        for path, size, mtime in self.stamps:
            try:
                stat = path.stat()
            except OSError:
                return False
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
                return False
        return True


class _Styles:
    """The stylesheets under one root parsed so far, and the fonts their ``@font-face`` load.

    WeasyPrint ties parsed stylesheets to the font configuration they were parsed with,
    so both are kept together, for one process, and dropped together when a file changed.
    """

    def __init__(self, root: Path) -> None:
        from weasyprint.text.fonts import FontConfiguration

        self.root = root
        self.pid = os.getpid()
        self.font_config: FontConfiguration = FontConfiguration()
        self.sheets: dict[str, _Sheet] = {}

    def usable(self, root: Path) -> bool:
        """True for the same root, in the same process, with every file unchanged."""
        return (
            self.root == root
            and self.pid == os.getpid()
            and all(sheet.fresh() for sheet in self.sheets.values())
        )

    def sheet(self, url: str) -> _Sheet:
        """The stylesheet at ``url`` (a ``file:`` URL under the root), parsed once."""
        if url not in self.sheets:
            from weasyprint import CSS

            read: set[str] = set()
            with captured() as messages:
                css = CSS(
                    url=url,
                    url_fetcher=_fetcher(self.root, read),
                    font_config=self.font_config,
                    _check_mime_type=True,
                )
            where = f"{self.root.name}/{Path(unquote(urlsplit(url).path)).relative_to(self.root)}"
            stamps = tuple(
                (path, stat.st_size, stat.st_mtime_ns)
                for path in (self.root / name for name in sorted(read))
                for stat in (path.stat(),)
            )
            warnings = tuple(warning_at(where, message) for message in messages)
            self.sheets[url] = _Sheet(css, frozenset(read), stamps, warnings)
        return self.sheets[url]

    def take_links(self, document: HTML) -> list[_Sheet]:
        """Remove the links to the root's stylesheets from ``document``; their parsed sheets.

        Links elsewhere stay for WeasyPrint, whose confined fetcher refuses them. The
        sheets are given to WeasyPrint as user stylesheets: the project's stylesheets
        use no ``!important``, so they cascade as they would as author stylesheets, and
        an inline ``<style>``, which comes after them, still wins.
        """
        taken = []
        for parent in document.etree_element.iter():
            for child in list(parent):
                url = _stylesheet_url(child, self.root)
                if url is not None:
                    parent.remove(child)
                    taken.append(self.sheet(url))
        return taken


_STYLES: _Styles | None = None
#: Styles a forked process inherited. They are never let go of there: that would remove the
#: folder of fonts the parent process still uses.
_INHERITED: list[_Styles] = []


def _styles(root: Path) -> _Styles:
    """The stylesheets parsed under ``root`` in this process, fresh."""
    global _STYLES
    if _STYLES is not None and _STYLES.pid != os.getpid():
        _INHERITED.append(_STYLES)
        _STYLES = None
    if _STYLES is None or not _STYLES.usable(root):
        if _STYLES is None:
            # Let go of them while the process ends, rendering process or not: WeasyPrint
            # removes its folder of loaded fonts only when the configuration is let go of.
            multiprocessing.util.Finalize(None, _forget_styles, exitpriority=0)
        _STYLES = _Styles(root)
    return _STYLES


def _forget_styles() -> None:
    global _STYLES
    _STYLES = None
    gc.collect()
    # What is left is let go of as Python exits; the cycle collector need not walk it all
    # once more first (after a build of 500 letters that took a third of a second).
    gc.freeze()


def _stylesheet_url(element: Element, root: Path) -> str | None:
    """The URL of a ``<link rel="stylesheet">`` to a file under ``root``, for every medium."""
    rel = (element.get("rel") or "").lower().split()
    url = element.get("href") or ""
    if element.tag != "link" or "stylesheet" not in rel or "alternate" in rel:
        return None
    if (element.get("media") or "all") != "all" or element.get("type", "text/css") != "text/css":
        return None
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.query or parts.fragment:
        return None
    path = Path(unquote(parts.path)).resolve()
    return url if path.is_relative_to(root) and path.is_file() else None


@contextmanager
def collected_after() -> Iterator[None]:
    """Collect no garbage while the block makes a document, then the youngest generation once.

    Laying out a document makes hundreds of thousands of objects, most of them alive until it
    is written, and the collector walked them again and again while the document grew: a tenth
    of a build at 500 letters, more in the longer documents. When the document is written, what
    is left of it is the part whose objects refer to one another, which only the collector
    frees; all of it is then in the youngest generation, and one collection of that generation
    frees it without walking what the build keeps (the index). A build so takes less memory:
    a document's garbage no longer waits in an older generation while the next is laid out.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


def scoped_pseudo_elements(sheet: str) -> str:
    """WeasyPrint's own stylesheet ``sheet`` with its rules for pseudo-elements scoped to the
    elements that have them (:data:`PSEUDO_ELEMENT_HOSTS`).

    A rule such as ``::footnote-call {...}`` matches every element, and WeasyPrint computes the
    style of each pseudo-element it matches, on every element, though only a footnote has a
    call: six styles per element, used by none of them, a tenth of a dossier's rendering time.
    Scoped, the styles are computed where they are used, and the documents stay the same.
    """

    def scoped(rule: re.Match[str]) -> str:
        name, body = rule.groups()
        if name not in PSEUDO_ELEMENT_HOSTS:
            return rule.group(0)
        host = PSEUDO_ELEMENT_HOSTS[name]
        return "" if host is None else f"{host}::{name}{body}"

    return _PSEUDO_ELEMENT_RULE.sub(scoped, sheet)


@cache
def html_type() -> type[HTML]:
    """WeasyPrint's ``HTML``, as the build renders with it: with its own stylesheet's rules for
    pseudo-elements scoped (:func:`scoped_pseudo_elements`)."""
    _import_weasyprint()
    from weasyprint import CSS, HTML
    from weasyprint.css.counters import CounterStyle
    from weasyprint.html import UA

    # Its counter styles are defined for every document already, from the sheet as it is;
    # parsed into a dictionary of their own, they are not defined twice.
    own = CSS(string=scoped_pseudo_elements(UA), counter_style=CounterStyle())

    class ScopedHTML(HTML):
        # The method by which WeasyPrint gives a document its own stylesheet (a test checks
        # that it still does); not public, and the only way to give it another.
        def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
            return [own, *super()._ua_stylesheets(forms)[1:]]

    return ScopedHTML


def _import_weasyprint() -> None:
    """Import WeasyPrint, the first time with Ctrl-C and SIGTERM held back until it is done,
    and without running the C compiler.

    WeasyPrint opens each of its libraries (Pango, HarfBuzz, fontconfig) by trying the names
    it has on each system in turn. A name that does not open is looked up with
    :func:`ctypes.util.find_library`, which on Linux runs ``ldconfig`` and then the C compiler
    and the linker, sixteen times in all: a third of the import's time, and a Ctrl-C that
    reaches the compiler leaves its temporary files behind. Every library also has a name
    the system's loader opens by itself (``libpango-1.0.so.0``), so on Linux the lookup
    finds nothing while WeasyPrint is imported and it goes on to that name.
    """
    if "weasyprint" in sys.modules:
        return
    with stops_deferred(), _no_library_lookup():
        import weasyprint  # noqa: F401


@contextmanager
def _no_library_lookup() -> Iterator[None]:
    """On Linux, :func:`ctypes.util.find_library` finds nothing inside the block."""
    import ctypes.util

    if not sys.platform.startswith("linux"):
        yield
        return
    find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = find_library


def _layout(html: str, root: Path, read: set[str] | None = None) -> tuple[Document, list[str]]:
    """Lay ``html`` out; the document, and the warnings of the stylesheets it used."""
    root = root.resolve()
    document = html_type()(string=html, url_fetcher=_fetcher(root, read))
    styles = _styles(root)
    sheets = styles.take_links(document)
    if read is not None:
        read.update(*(sheet.read for sheet in sheets))
    laid_out = document.render(
        font_config=styles.font_config, stylesheets=[sheet.css for sheet in sheets]
    )
    return laid_out, [warning for sheet in sheets for warning in sheet.warnings]


def anchor_pages(document: Document) -> dict[str, int]:
    """The page (1-based) of every anchor (``id``) in a laid-out document."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:  # an element split across pages is on each of them
            pages.setdefault(anchor, number)
    return pages


def layout_anchors(html: str, root: Path) -> dict[str, int]:
    """Lay ``html`` out without writing it; return the page of every anchor."""
    try:
        with collected_after():
            return anchor_pages(_layout(html, root)[0])
    except Exception as exc:
        raise RenderError(f"could not lay out the document: {exc}") from exc


def write_pdf(html: str, target: Path, root: Path, content: Iterable[Path] = ()) -> Rendered:
    """Render ``html`` to ``target`` atomically; return its anchors' pages and files read.

    Stylesheets and images must be given as absolute ``file:`` URLs under ``root``
    (see :func:`briefing.render.asset_url`); there is no base URL, so relative links
    such as ``../letters/<id>.pdf#s-intro`` stay relative to the PDF that holds them.
    The same HTML and files give the same bytes: font subsets carry a fixed timestamp
    unless ``SOURCE_DATE_EPOCH`` is set. When the file cannot be written (a full disk, a
    folder that is not writable) the previous PDF stays as it was. A character no font has
    is warned of at its place in the ``content`` files the HTML was made from.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", REPRODUCIBLE_EPOCH)
    read: set[str] = set()
    try:
        with captured() as messages:
            document, warnings = _layout(html, root, read)
            # The file is begun once the document is laid out, which takes the most time: a
            # process killed meanwhile leaves no temporary file behind.
            with replacing(target) as stream:
                document.write_pdf(stream, pdf_variant="pdf/ua-1", pdf_tags=True)
                stream.flush()
                os.fsync(stream.fileno())
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RenderError(f"could not write it: {reason}; the previous PDF is kept") from exc
    except Exception as exc:
        raise RenderError(f"could not make the PDF: {exc}") from exc
    warnings += [
        no_glyph_at(message, content) or warning_at(str(target), message) for message in messages
    ]
    return Rendered(anchor_pages(document), tuple(sorted(read)), tuple(dict.fromkeys(warnings)))
