"""Where a document is read: printed (the PDF) or on a screen (the preview and the HTML edition).

The render stage makes a document's HTML for one :class:`Medium`. In print, assets are the
templates folder's files by their ``file:`` URL and links lead to the other PDFs; on a
screen, assets and links are relative URLs within the site, the page names its PDF and the
site's index, and the preview adds the script that updates the open page on every save.
The print medium gives exactly the HTML the PDFs have always been made from.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from briefing.layout import INDEX_PAGE, STYLE_DIR, templates_dir


@dataclass(frozen=True)
class Medium:
    """How one page's assets and links are written."""

    #: True for a page on a screen, False for the HTML a PDF is made from.
    screen: bool = False
    #: The suffix of the documents that links lead to.
    documents: str = ".pdf"
    #: The URL before an asset's name in the templates folder ('' in print: its file: URL).
    assets: str = ""
    #: The link to the site's index ('' in print).
    home: str = ""
    #: The link to this page's PDF, where there is one.
    pdf: str | None = None
    #: The preview's script and the version of the content the page shows; None elsewhere.
    live: tuple[str, int] | None = None
    #: What the preview warns of in the content the page shows, as ``check`` says it.
    notes: tuple[str, ...] = ()

    def asset(self, name: str) -> str:
        """The URL of a file in the templates folder, e.g. ``letter.css``."""
        if self.assets:
            return f"{self.assets}{name}"
        return f"{templates_dir().resolve().as_uri()}/{name}"


#: The medium of the PDFs.
PRINT = Medium()


def screen(
    path: str,
    pdf: str | None = None,
    live: tuple[str, int] | None = None,
    notes: tuple[str, ...] = (),
) -> Medium:
    """The medium of the page at ``path`` in the site (``index.html``, ``letters/<id>.html``).

    ``pdf`` is the output folder's path of the page's PDF, when there is one; ``live`` the
    preview's script URL and the content version, and ``notes`` its warnings, for the
    preview.
    """
    folder = posixpath.dirname(path)
    up = "../" * (folder.count("/") + 1) if folder else ""
    return Medium(
        screen=True,
        documents=".html",
        assets=f"{up}{STYLE_DIR}/",
        home=f"{up}{INDEX_PAGE}",
        pdf=posixpath.relpath(pdf, folder or ".") if pdf else None,
        live=live,
        notes=notes,
    )
