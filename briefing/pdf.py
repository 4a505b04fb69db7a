"""Write HTML to PDF with WeasyPrint, reading only the project's own templates and assets.

WeasyPrint is imported here only, so commands that do not render stay fast. Every
PDF is written to a temporary file beside its target and renamed into place, so a
failed or interrupted build never leaves a partial file.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from briefing.errors import RenderError

if TYPE_CHECKING:  # WeasyPrint is imported only when rendering.
    from weasyprint.document import Document
    from weasyprint.urls import URLFetcher

LOGGER = logging.getLogger(__name__)
#: Suffix of a PDF being written; such a file is never a finished output.
PARTIAL_SUFFIX = ".part"
#: Timestamp written into font subsets (fontTools honours SOURCE_DATE_EPOCH): 2000-01-01.
REPRODUCIBLE_EPOCH = "946684800"


class BlockedResource(ValueError):
    """The renderer asked for a resource outside the project's templates and assets."""


@dataclass(frozen=True)
class Rendered:
    """What writing a PDF learned: the page of every anchor, and the files it read."""

    anchors: dict[str, int]
    resources: tuple[str, ...]


def _fetcher(root: Path, read: set[str] | None = None) -> URLFetcher:
    """A WeasyPrint URL fetcher confined to files under ``root``; adds what it reads to ``read``."""
    read = set() if read is None else read
    from weasyprint.urls import URLFetcher

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None):
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise BlockedResource(f"not fetching '{url}': only local assets are allowed")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(root):
                raise BlockedResource(f"not reading '{path}': outside {root}")
            read.add(path.relative_to(root).as_posix())
            return super().fetch(url, headers)

    return ConfinedFetcher(allowed_protocols=("file",), allow_redirects=False)


def _layout(html: str, root: Path, read: set[str] | None = None) -> Document:
    from weasyprint import HTML

    fetcher = _fetcher(root.resolve(), read)
    return HTML(string=html, url_fetcher=fetcher).render()


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
        return anchor_pages(_layout(html, root))
    except Exception as exc:
        raise RenderError(f"could not lay out the document: {exc}") from exc


def write_pdf(html: str, target: Path, root: Path) -> Rendered:
    """Render ``html`` to ``target`` atomically; return its anchors' pages and files read.

    Stylesheets and images must be given as absolute ``file:`` URLs under ``root``
    (see :func:`briefing.render.asset_url`); there is no base URL, so relative links
    such as ``../letters/<id>.pdf#s-intro`` stay relative to the PDF that holds them.
    The same HTML and files give the same bytes: font subsets carry a fixed timestamp
    unless ``SOURCE_DATE_EPOCH`` is set.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", REPRODUCIBLE_EPOCH)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent
    )
    read: set[str] = set()
    try:
        with os.fdopen(handle, "wb") as stream:
            document = _layout(html, root, read)
            document.write_pdf(stream, pdf_variant="pdf/ua-1", pdf_tags=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except Exception as exc:
        Path(temporary).unlink(missing_ok=True)
        raise RenderError(f"{target}: could not write the PDF: {exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Rendered(anchor_pages(document), tuple(sorted(read)))
