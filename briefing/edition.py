"""The HTML edition: every output as a page for screens, in a static site beside the PDFs.

``briefing build --html`` writes ``OUT/html/``: the index (``index.html``), a page beside
each PDF (``letters/<id>.html`` next to ``letters/<id>.pdf``), the PDFs themselves and the
templates' stylesheets and assets (``style/``), so that the folder can be published or
opened as it is. The pages have no scripts. A file is written only when its bytes change,
each atomically. The files it wrote for documents that are gone are removed (the list of
what it wrote is kept beside it, in ``OUT``); no other file under ``html/`` is touched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from briefing.atomic import FILE_MODE, replace_with
from briefing.errors import BriefingError, Problem
from briefing.layout import EDITION_DIR, INDEX_PAGE, STYLE_DIR, style_files, templates_dir
from briefing.site import load_site, page_html

#: What the edition wrote, beside it in ``OUT``: each file's name under ``html/`` and the
#: SHA-256 of its bytes. Only a file listed here, with those bytes, is ever removed.
MANIFEST = ".briefing-edition.json"


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
    wrote = _manifest(out)
    written: dict[str, str] = {}
    for name, data in files.items():
        new = data.read_bytes() if isinstance(data, Path) else data
        changed = _put(folder / name, new, data if isinstance(data, Path) else None)
        (report.written if changed else report.unchanged).append(name)
        written[name] = _digest(new)
    report.removed = _remove_gone(folder, wrote, set(files))
    _put(out / MANIFEST, json.dumps(written, indent=0, sort_keys=True).encode())
    return report


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(out: Path) -> dict[str, str]:
    """What the edition in ``out`` wrote before (nothing when there is no readable list)."""
    try:
        listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(listed, dict):
        return {}
    return {name: digest for name, digest in listed.items() if isinstance(digest, str)}


def _put(target: Path, new: bytes, source: Path | None = None) -> bool:
    """Write ``new`` (the bytes of ``source``, if given) to ``target`` unless it holds them
    already."""
    try:
        if target.read_bytes() == new:
            return False
    except OSError:
        pass
    try:
        mode = source.stat().st_mode & 0o7777 if source is not None else FILE_MODE
        replace_with(target, new, mode)
    except OSError as exc:
        raise BriefingError(f"cannot write {target}: {exc.strerror or exc}") from None
    return True


def _remove_gone(folder: Path, wrote: dict[str, str], keep: set[str]) -> list[str]:
    """Delete the files the edition wrote before that are not in ``keep`` (a document that
    is gone), when they still hold what it wrote; any other file is left alone."""
    removed = []
    inside = folder.resolve()
    for name in sorted(set(wrote) - keep):
        path = folder / name
        try:
            if path.resolve().is_relative_to(inside) and _digest(path.read_bytes()) == wrote[name]:
                path.unlink()
                removed.append(name)
        except OSError:
            continue
    return removed
