"""What loading a content file yielded, kept between builds in the output folder.

A build that has something to do loads every content file, and most of them did not change
since the last build. For each file it loaded, the build keeps here its data, the problems
of reading it and, for a letter, the problems the letter has on its own and its references
to the registries: one JSON file per content file in ``DIR/.briefing-cache/``. The next build
takes them from there instead of parsing and checking the file again. The line and column
of a node are not kept: when a problem needs one, the file's bytes are parsed again.

An entry is found by a digest of the content file's path, its bytes and the code that loads
it (this package's source, Python's and the loading libraries' versions), and says all four
again inside, so a changed file, another content folder or other code never finds an old
entry. The cache holds plain data only, never objects: the letter's model is validated again
from the cached data, so the worst a forged entry can do is what an edited content file could
do (and whoever can write the output folder can replace its PDFs anyway). A damaged or foreign
entry is ignored and written again; an entry that cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

import briefing
from briefing.atomic import replace_with
from briefing.errors import Problem, Severity
from briefing.loading import Document, NodePath, parse_document
from briefing.types import Ref

CACHE_DIR = ".briefing-cache"
FORMAT = 3
#: The libraries whose versions decide what loading a file yields.
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "markdown-it-py")
#: Each kind of reference, by its name.
_REFS: dict[str, type[Ref]] = {kind.kind: kind for kind in Ref.__subclasses__()}


@dataclass(frozen=True)
class Loaded:
    """What loading one content file yielded, before its model is validated."""

    document: Document
    #: The problems of reading the file (not of validating it).
    problems: tuple[Problem, ...]
    #: For a valid letter: its problems whatever the other files say, and its references.
    own: tuple[Problem, ...] = ()
    references: tuple[tuple[NodePath, Ref], ...] = ()


@cache
def code_digest() -> str:
    """A digest of the code that loads content: this package's source and the versions."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}\n".encode())
    for name in _LIBRARIES:
        digest.update(f"{name} {metadata.version(name)}\n".encode())
    package = Path(briefing.__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()


class LoadCache:
    """The cached loads in an output folder; :meth:`prune` drops those not asked for."""

    def __init__(self, out: Path) -> None:
        self.folder = out / CACHE_DIR
        self._used: set[str] = set()

    def _name(self, path: Path, letter: bool, digest: str) -> str:
        key = f"{code_digest()}\0{path}\0{letter}\0{digest}"
        name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
        self._used.add(name)
        return name + ".json"

    def get(self, path: Path, letter: bool, raw: bytes, digest: str) -> Loaded | None:
        """What loading ``path`` yielded when its bytes were ``raw``, whose digest is
        ``digest``; None if not kept."""
        try:
            entry = json.loads((self.folder / self._name(path, letter, digest)).read_bytes())
            if entry["key"] != [FORMAT, code_digest(), str(path), letter, digest]:
                return None
            return _decode(path, raw, entry)
        except (OSError, ValueError, KeyError, IndexError, TypeError, RecursionError):
            return None

    def put(
        self, path: Path, letter: bool, digest: str, loaded: Loaded, again: bool = True
    ) -> None:
        """Keep what loading ``path`` yielded (unless it is kept already and not ``again``);
        nothing is kept when it cannot be written."""
        target = self.folder / self._name(path, letter, digest)
        named = [*loaded.problems, *loaded.own]
        if loaded.document.path != path or any(p.path != path for p in named):
            return  # a problem about another file cannot be told from this file's bytes
        if not again and target.exists():
            return
        entry = {"key": [FORMAT, code_digest(), str(path), letter, digest], **_encode(loaded)}
        try:
            replace_with(target, json.dumps(entry, separators=(",", ":")).encode())
        except (OSError, ValueError):
            return

    def prune(self) -> None:
        """Remove the entries that no file asked for since this cache was opened."""
        try:
            for entry in self.folder.glob("*.json"):
                if entry.stem not in self._used:
                    entry.unlink(missing_ok=True)
        except OSError:
            return


def _problems(problems: tuple[Problem, ...]) -> list[list[Any]]:
    return [[p.line, p.column, p.field, p.message, p.severity.value] for p in problems]


def _encode(loaded: Loaded) -> dict[str, Any]:
    """``loaded`` as plain JSON data (the file's path is in the entry's key)."""
    document = loaded.document
    return {
        "data": document.data,
        "unreadable": [list(key) for key in document.unreadable],
        "problems": _problems(loaded.problems),
        "own": _problems(loaded.own),
        "references": [[list(key), ref.kind, str(ref)] for key, ref in loaded.references],
    }


def _decode_problems(path: Path, rows: list[list[Any]]) -> tuple[Problem, ...]:
    problems = []
    for line, column, field, message, severity in rows:
        if not (isinstance(line, int) and isinstance(column, int)):
            raise TypeError("a position is two numbers")
        problems.append(Problem(path, line, column, str(field), str(message), Severity(severity)))
    return tuple(problems)


def _decode(path: Path, raw: bytes, entry: dict[str, Any]) -> Loaded:
    """The :class:`Loaded` that ``entry`` holds for the file's bytes ``raw``; raises when it
    is not one."""
    unreadable = {tuple(key) for key in entry["unreadable"]}
    references = tuple(
        (tuple(key), _REFS[kind](str(value))) for key, kind, value in entry["references"]
    )
    return Loaded(
        Document(path, entry["data"], _Positions(path, raw), unreadable),
        _decode_problems(path, entry["problems"]),
        _decode_problems(path, entry["own"]),
        references,
    )


class _Positions(Mapping[NodePath, tuple[int, int]]):
    """The line and column of every node of a document taken from the cache: found by
    parsing the file's bytes again, as loading did, when a problem first needs one (most
    documents never do, so the cache need not hold them)."""

    def __init__(self, path: Path, raw: bytes) -> None:
        self._path, self._raw = path, raw

    @cached_property
    def _positions(self) -> Mapping[NodePath, tuple[int, int]]:
        return parse_document(self._path, self._raw)[0].positions

    def __getitem__(self, key: NodePath) -> tuple[int, int]:
        return self._positions[key]

    def __iter__(self) -> Iterator[NodePath]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)
