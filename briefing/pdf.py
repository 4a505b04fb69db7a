"""Write HTML to PDF with WeasyPrint, reading only the project's own templates and assets.

WeasyPrint is imported here only, so commands that do not render stay fast. Every
PDF is written to a temporary file beside its target and renamed into place, so a
failed or interrupted build never leaves a partial file.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from briefing.errors import RenderError

if TYPE_CHECKING:  # WeasyPrint is imported only when rendering.
    from weasyprint.document import Document
    from weasyprint.urls import URLFetcher

LOGGER = logging.getLogger(__name__)


class BlockedResource(ValueError):
    """The renderer asked for a resource outside the project's templates and assets."""


def _fetcher(root: Path) -> URLFetcher:
    """A WeasyPrint URL fetcher confined to files under ``root``."""
    from weasyprint.urls import URLFetcher

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None):
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise BlockedResource(f"not fetching '{url}': only local assets are allowed")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(root):
                raise BlockedResource(f"not reading '{path}': outside {root}")
            return super().fetch(url, headers)

    return ConfinedFetcher(allowed_protocols=("file",), allow_redirects=False)


def _layout(html: str, root: Path) -> Document:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_fetcher(root.resolve())).render()


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


def write_pdf(html: str, target: Path, root: Path) -> dict[str, int]:
    """Render ``html`` to ``target`` atomically; return the page of every anchor.

    Stylesheets and images must be given as absolute ``file:`` URLs under ``root``
    (see :func:`briefing.render.asset_url`); there is no base URL, so relative links
    such as ``../letters/<id>.pdf#s-intro`` stay relative to the PDF that holds them.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            document = _layout(html, root)
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
    return anchor_pages(document)
