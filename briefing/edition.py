"""The HTML edition: every output as a page for screens, in a static site beside the PDFs.

``briefing build --html`` writes ``OUT/html/``: the index (``index.html``), a page beside
each PDF (``letters/<id>.html`` next to ``letters/<id>.pdf``), the PDFs themselves and the
templates' stylesheets and assets (``style/``), so that the folder can be published or
opened as it is. The pages have no scripts. A file is written only when its bytes change,
each atomically; files of documents that are gone are removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError, Problem
from briefing.layout import EDITION_DIR, INDEX_PAGE, STYLE_DIR, style_files, templates_dir
from briefing.site import load_site, page_html

#: The kinds of file the edition writes; no other file under ``OUT/html`` is touched.
_OURS = (".html", ".pdf", ".css", ".svg", ".png", ".ttf", ".otf", ".woff", ".woff2", ".txt")


@dataclass
class EditionReport:
    """What writing the edition did."""

    folder: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: The content errors that kept the edition from being written.
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        """One line, e.g. ``html edition in build/html: 3 written, 40 unchanged``."""
        if self.problems:
            return f"html edition in {self.folder} not written: the content has errors"
        parts = [f"{len(self.written)} written", f"{len(self.unchanged)} unchanged"]
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        return f"html edition in {self.folder}: {', '.join(parts)}"


def write_edition(content: Path, out: Path) -> EditionReport:
    """Write the HTML edition of ``content`` into ``out/html``, beside the PDFs in ``out``."""
    folder = out / EDITION_DIR
    report = EditionReport(folder)
    site = load_site(content)
    if site.problems:
        report.problems = site.problems
        return report
    files: dict[str, bytes | Path] = {}
    for name, asset in style_files(templates_dir()).items():
        files[f"{STYLE_DIR}/{name}"] = asset

    def has_pdf(name: str) -> bool:
        return (out / name).is_file()

    for path in [INDEX_PAGE, *site.pages]:
        files[path] = page_html(site, path, has_pdf=has_pdf).encode()
    for output in site.pages.values():
        if has_pdf(output.path):
            files[output.path] = out / output.path
    for name, data in files.items():
        changed = _put(folder / name, data)
        (report.written if changed else report.unchanged).append(name)
    report.removed = _remove_others(folder, set(files))
    return report


def _put(target: Path, data: bytes | Path) -> bool:
    """Write ``data`` (bytes, or a file's) to ``target`` unless it holds them already."""
    new = data.read_bytes() if isinstance(data, Path) else data
    try:
        if target.read_bytes() == new:
            return False
    except OSError:
        pass
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(new)
        if isinstance(data, Path):
            shutil.copymode(data, temporary)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as exc:
        raise BriefingError(f"cannot write {target}: {exc.strerror or exc}") from None
    return True


def _remove_others(folder: Path, keep: set[str]) -> list[str]:
    """Delete the edition's files that are not in ``keep`` (a document that is gone)."""
    removed = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and path.suffix in _OURS and name not in keep:
            path.unlink()
            removed.append(name)
    return removed
