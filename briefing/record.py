"""The build record: for every output, what it was made from, so a build redoes only what changed.

The record lives in the output folder as ``.briefing-build.json``. For each PDF it keeps
its inputs (the content files it read, the templates loaded, the stylesheets, fonts and
images WeasyPrint fetched, the package and WeasyPrint versions, and the pages of the
letters it cites), each with a digest, plus the digest of its HTML and of the PDF itself.
An output is up to date when every recorded input still has its digest and the PDF on
disk is the one written. File digests are cached by size and modification time, like git
does, so checking an unchanged tree reads no file twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

import briefing
from briefing.corpus import LETTERS_DIR, REGISTRIES
from briefing.settings import SETTINGS_FILE, templates_dir

RECORD_FILE = ".briefing-build.json"
FORMAT = 1
MISSING = "missing"

#: Input kinds, the prefixes of the keys in an entry's inputs.
CONTENT, TEMPLATE, RESOURCE, VERSION, PAGES = "content", "template", "resource", "version", "pages"


def digest_bytes(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def digest_json(value: object) -> str:
    """A digest of a JSON-serialisable value, independent of key order."""
    return digest_bytes(json.dumps(value, sort_keys=True).encode())


def content_files(root: Path) -> list[Path]:
    """Every file the content is read from: settings, registries and letters."""
    names = [SETTINGS_FILE, *(name for name, _ in REGISTRIES.values())]
    files = [root / name for name in names if (root / name).is_file()]
    return files + sorted((root / LETTERS_DIR).glob("*.yaml"))


@cache
def versions() -> dict[str, str]:
    """The versions that shape a PDF: this package's and WeasyPrint's (without importing it)."""
    return {"briefing": briefing.__version__, "weasyprint": metadata.version("weasyprint")}


@cache
def templates_loaded(name: str) -> tuple[str, ...]:
    """``name`` and every template it extends, includes or imports, recursively."""
    from jinja2 import meta  # Jinja2 is loaded only when something is to be done

    from briefing.render import environment

    env = environment()
    seen: list[str] = []
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.append(current)
        source, _, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
        todo += [n for n in meta.find_referenced_templates(env.parse(source)) if n]
    return tuple(sorted(seen))


@dataclass
class Entry:
    """What one output was made from."""

    inputs: dict[str, str]
    html: str
    pdf: str
    anchors: dict[str, int] = field(default_factory=dict)


@dataclass
class Record:
    """The record of the last build into one output folder."""

    outputs: dict[str, Entry] = field(default_factory=dict)
    #: The content files of the last build and their digests.
    content: dict[str, str] = field(default_factory=dict)
    #: True when the last build made every output without errors.
    complete: bool = False
    #: File digests by path, with the size and modification time they were taken at.
    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, out: Path) -> Record:
        """The record in ``out``; an empty one when there is none or it cannot be read."""
        try:
            data = json.loads((out / RECORD_FILE).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            return cls(
                {name: Entry(**entry) for name, entry in data["outputs"].items()},
                data["content"],
                data["complete"],
                {path: tuple(stat) for path, stat in data["stats"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def write(self, out: Path) -> None:
        """Write the record atomically into ``out``."""
        data = {
            "format": FORMAT,
            "complete": self.complete,
            "content": self.content,
            "outputs": {name: asdict(entry) for name, entry in sorted(self.outputs.items())},
            "stats": self.stats,
        }
        out.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f"{RECORD_FILE}.", dir=out)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream, indent=1, sort_keys=True)
            os.replace(temporary, out / RECORD_FILE)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

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
        """The digest of every content file under ``root``, by path relative to it."""
        return {p.relative_to(root).as_posix(): self.digest(p) for p in content_files(root)}


@dataclass(frozen=True)
class Inputs:
    """Where to find the current value of an input: content root, output pages."""

    record: Record
    content: Path
    #: Digest of each content file, taken before the content was loaded.
    content_digests: dict[str, str]
    #: Digest of each letter's page map, as the build now knows it.
    pages: dict[str, str]
    #: Digests of templates and assets, each taken once: every output asks for the same few.
    _templates: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: Content keys by path: briefings and the overview list many of the same letters.
    _keys: dict[Path, str] = field(default_factory=dict, compare=False, repr=False)

    def current(self, key: str) -> str:
        """The current digest (or version) of the input named ``key``."""
        kind, _, name = key.partition("/")
        if kind == CONTENT:
            return self.content_digests.get(name, MISSING)
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
        return all(self.current(key) == value for key, value in inputs.items())

    def known(
        self, sources: tuple[Path, ...], template: str, cites: tuple[str, ...]
    ) -> dict[str, str]:
        """The inputs known before rendering: content files, templates, versions, pages."""
        keys = [self._content_key(p) for p in sources]
        keys += [f"{TEMPLATE}/{name}" for name in templates_loaded(template)]
        keys += [f"{VERSION}/{name}" for name in versions()]
        keys += [f"{PAGES}/{letter_id}" for letter_id in cites]
        return {key: self.current(key) for key in keys}

    def _content_key(self, path: Path) -> str:
        key = self._keys.get(path)
        if key is None:
            key = self._keys[path] = f"{CONTENT}/{path.relative_to(self.content).as_posix()}"
        return key

    def resources(self, names: tuple[str, ...]) -> dict[str, str]:
        """The inputs WeasyPrint fetched: stylesheets, fonts and images under the templates."""
        return {f"{RESOURCE}/{n}": self.current(f"{RESOURCE}/{n}") for n in names}
