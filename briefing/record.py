"""The build record: for every output, what it read when it was made, so a build redoes only that.

The record lives in the output folder as ``.briefing-build.json``. For each PDF it keeps
its inputs, each with a digest: the content files whose facts it used and the index's
answers to the questions it asked about the corpus (which letters were sent by a date,
which speak of a sector), the templates loaded, the stylesheets, fonts and images
WeasyPrint fetched, the package and WeasyPrint versions, and the pages of the letters it
printed; plus the digest of its HTML and of the PDF itself. All of them were noted while
the document was made (:mod:`briefing.reads`). An output is up to date when every recorded
input still has its digest and the PDF on disk is the one written. File digests are cached
by size and modification time, like git does, so checking an unchanged tree reads no file
twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import KeysView, ValuesView
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import briefing
from briefing.atomic import replace_with
from briefing.layout import content_files, templates_dir, unread_files
from briefing.reads import Reads

if TYPE_CHECKING:  # the index is only there when the content was loaded
    from briefing.index import Index

RECORD_FILE = ".briefing-build.json"
FORMAT = 3
MISSING = "missing"

#: Input kinds, the prefixes of the keys in an entry's inputs.
CONTENT, QUERY, TEMPLATE, RESOURCE, VERSION, PAGES = (
    "content",
    "query",
    "template",
    "resource",
    "version",
    "pages",
)


def digest_bytes(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def digest_json(value: object) -> str:
    """A digest of a JSON-serialisable value, independent of key order."""
    return digest_bytes(json.dumps(value, sort_keys=True).encode())


@cache
def versions() -> dict[str, str]:
    """The versions that shape a PDF: this package's and WeasyPrint's (without importing it)."""
    return {"briefing": briefing.__version__, "weasyprint": metadata.version("weasyprint")}


def _all(values: object, kind: type) -> bool:
    """Whether ``values`` (a list, a mapping's keys or values) are all of ``kind``."""
    containers = list | tuple | dict | KeysView | ValuesView
    return isinstance(values, containers) and all(isinstance(v, kind) for v in values)


def _texts(mapping: object) -> bool:
    """Whether ``mapping`` maps text to text."""
    return isinstance(mapping, dict) and _all(mapping, str) and _all(mapping.values(), str)


@dataclass
class Entry:
    """What one output was made from."""

    inputs: dict[str, str]
    html: str
    pdf: str
    anchors: dict[str, int] = field(default_factory=dict)
    #: What WeasyPrint warned about while making it.
    warnings: list[str] = field(default_factory=list)

    def rendering(self) -> dict[str, str]:
        """The inputs that shape the PDF beyond its HTML: versions and fetched files."""
        return {k: v for k, v in self.inputs.items() if k.startswith((VERSION, RESOURCE))}


@dataclass
class Record:
    """The record of the last build into one output folder."""

    outputs: dict[str, Entry] = field(default_factory=dict)
    #: The content files of the last build and their digests.
    content: dict[str, str] = field(default_factory=dict)
    #: True when the last build made every output without errors.
    complete: bool = False
    #: The warnings about the content when it was last loaded.
    notes: list[str] = field(default_factory=list)
    #: File digests by path, with the size and modification time they were taken at.
    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, out: Path) -> Record:
        """The record in ``out``; an empty one when there is none or it cannot be read."""
        try:
            data = json.loads((out / RECORD_FILE).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            record = cls(
                {name: Entry(**entry) for name, entry in data["outputs"].items()},
                data["content"],
                data["complete"],
                data["notes"],
                {path: tuple(stat) for path, stat in data["stats"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()
        return record if record.well_formed() else cls()

    def well_formed(self) -> bool:
        """Whether every value is of the type the record writes (a record edited by hand,
        or of another program, is not)."""
        entries = self.outputs.values()
        return (
            _texts(self.content)
            and isinstance(self.complete, bool)
            and _all(self.notes, str)
            and all(_texts(e.inputs) and _all(e.warnings, str) for e in entries)
            and all(isinstance(e.html, str) and isinstance(e.pdf, str) for e in entries)
            and all(isinstance(e.anchors, dict) and _all(e.anchors.values(), int) for e in entries)
            and all(
                len(stat) == 3 and _all(stat[:2], int) and isinstance(stat[2], str)
                for stat in self.stats.values()
            )
        )

    def write(self, out: Path) -> None:
        """Write the record atomically into ``out``, with the permissions of the PDFs."""
        data = {
            "format": FORMAT,
            "complete": self.complete,
            "content": self.content,
            "notes": self.notes,
            "outputs": {name: vars(entry) for name, entry in sorted(self.outputs.items())},
            "stats": self.stats,
        }
        replace_with(out / RECORD_FILE, json.dumps(data, indent=1, sort_keys=True).encode())

    def warnings(self) -> list[str]:
        """The warnings of the content and of making every output, each once."""
        made = {w for entry in self.outputs.values() for w in entry.warnings}
        return [*self.notes, *sorted(made)]

    def digest(self, path: Path) -> str:
        """The digest of the file at ``path`` (``missing`` if there is none), cached by stat."""
        try:
            stat = path.stat()
        except OSError:
            return MISSING
        key = str(path.resolve())
        cached = self.stats.get(key)
        if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            return cached[2]
        try:
            value = digest_bytes(path.read_bytes())
        except OSError:
            return MISSING
        self.stats[key] = (stat.st_size, stat.st_mtime_ns, value)
        return value

    def content_digests(self, root: Path) -> dict[str, str]:
        """The digest of every content file under ``root``, by path relative to it, and of
        every YAML file there that is never read (a build tells of it, so it is no build
        with nothing to do)."""
        files = content_files(root) + unread_files(root)
        return {p.relative_to(root).as_posix(): self.digest(p) for p in files}


@dataclass
class Inputs:
    """The current value of every kind of input, to compare with a record's."""

    record: Record
    content: Path
    #: Digest of each content file, taken before the content was loaded.
    content_digests: dict[str, str]
    #: The index of the content as it is now; None when the content is as recorded, so that
    #: every answer it gave is still the same.
    index: Index | None = None
    #: Digest of each letter's page map, as the build now knows it.
    pages: dict[str, str] = field(default_factory=dict)
    #: Digests of templates and assets, each taken once: every output asks for the same few.
    _templates: dict[str, str] = field(default_factory=dict, repr=False)

    def current(self, key: str, recorded: str) -> str:
        """The current digest (or version) of the input named ``key``, recorded as ``recorded``."""
        kind, _, name = key.partition("/")
        if kind == CONTENT:
            return self.content_digests.get(name, MISSING)
        if kind == QUERY:
            return recorded if self.index is None else self.index.answer(name)
        if kind in (TEMPLATE, RESOURCE):
            if name not in self._templates:
                self._templates[name] = self.record.digest(templates_dir() / name)
            return self._templates[name]
        if kind == VERSION:
            return versions().get(name, MISSING)
        if kind == PAGES:
            return self.pages.get(name, MISSING)
        return MISSING

    def unchanged(self, inputs: dict[str, str]) -> bool:
        """True when every input still has the recorded digest."""
        return all(self.current(key, value) == value for key, value in inputs.items())

    def of(self, reads: Reads, resources: dict[str, str]) -> dict[str, str]:
        """What to record for a document that read ``reads``; ``resources`` are the inputs
        WeasyPrint fetched (see :meth:`fetched`)."""
        inputs = {
            f"{CONTENT}/{path.relative_to(self.content).as_posix()}": "" for path in reads.files
        }
        inputs.update({f"{TEMPLATE}/{name}": "" for name in reads.templates})
        inputs.update({f"{VERSION}/{name}": "" for name in versions()})
        inputs.update({f"{PAGES}/{letter_id}": "" for letter_id in reads.pages})
        known = {key: self.current(key, "") for key in inputs}
        known.update({f"{QUERY}/{key}": digest for key, digest in reads.queries.items()})
        return dict(sorted({**known, **resources}.items()))

    def fetched(self, names: tuple[str, ...]) -> dict[str, str]:
        """The inputs WeasyPrint fetched: stylesheets, fonts and images under the templates."""
        return {f"{RESOURCE}/{n}": self.current(f"{RESOURCE}/{n}", "") for n in names}
