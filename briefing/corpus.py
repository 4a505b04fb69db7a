"""Gather all content into one validated corpus: letters in date order and the registries.

This is where cross-file rules live: ids are unique per kind, every reference
points at an existing entry, footnote calls and definitions match. A document
with an error is left out of the corpus (and reported) so the others still build.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from briefing.errors import Problem
from briefing.inline import FOOTNOTE_RE, footnote_ids
from briefing.layout import LETTERS_DIR, OVERVIEW_ID, REGISTRY_FILES, registry_key
from briefing.loading import Document, NodePath, format_path, load_document
from briefing.model import (
    BulletList,
    Commitment,
    Debate,
    Letter,
    Motion,
    Section,
    Sector,
)
from briefing.types import ID_PATTERN, RESERVED_NAMES, Ref
from briefing.validation import validate

#: The model of a registry's entries, by kind of reference.
REGISTRY_MODELS: dict[str, type[BaseModel]] = {
    "motion": Motion,
    "commitment": Commitment,
    "sector": Sector,
    "debate": Debate,
}


@dataclass(frozen=True)
class Entry:
    """A registry entry with the place it is defined."""

    model: Any
    document: Document
    node_path: NodePath

    @property
    def where(self) -> str:
        line, column = self.document.position(self.node_path)
        return f"{self.document.path}:{line}:{column}"


@dataclass(frozen=True)
class LetterSource:
    """A validated letter with the document it came from."""

    letter: Letter
    document: Document

    @property
    def path(self) -> Path:
        """The letter's content file."""
        return self.document.path


@dataclass
class Corpus:
    """All valid content, plus the problems found on the way."""

    root: Path
    letters: list[LetterSource] = field(default_factory=list)
    registries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    #: Ids of registry entries that failed validation (reported once, not at every use).
    invalid_ids: set[tuple[str, str]] = field(default_factory=set)
    #: Kinds whose registry file is missing or could not be read as a whole, with which.
    unreadable: dict[str, str] = field(default_factory=dict)
    #: Documents already told that they refer to an unreadable registry, with its kind.
    _told: set[tuple[Path, str]] = field(default_factory=set)

    @property
    def motions(self) -> dict[str, Motion]:
        """Motions by id."""
        return {k: e.model for k, e in self.registries["motion"].items()}

    @property
    def commitments(self) -> dict[str, Commitment]:
        """Commitments by id."""
        return {k: e.model for k, e in self.registries["commitment"].items()}

    @property
    def sectors(self) -> dict[str, Sector]:
        """Sectors and themes by id."""
        return {k: e.model for k, e in self.registries["sector"].items()}

    @property
    def debates(self) -> dict[str, Debate]:
        """Debates by id."""
        return {k: e.model for k, e in self.registries["debate"].items()}

    @property
    def errors(self) -> list[Problem]:
        """Problems that are errors (not warnings)."""
        return [p for p in self.problems if p.severity == "error"]


def iter_values(value: Any, path: NodePath = ()) -> Iterator[tuple[NodePath, Any]]:
    """Every leaf value of a model tree with its path (field names and indexes)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_values(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from iter_values(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_values(item, (*path, key))
    else:
        yield path, value


def iter_sections(
    sections: list[Section], path: NodePath = ("sections",), level: int = 1
) -> Iterator[tuple[Section, NodePath, int]]:
    """Every section of a letter, depth first, with its node path and heading level."""
    for index, section in enumerate(sections):
        here = (*path, index)
        yield section, here, level
        yield from iter_sections(section.sections, (*here, "sections"), level + 1)


def _misnamed(path: Path) -> Problem:
    """The problem of a YAML file whose extension is not ``.yaml``, so it is never read."""
    return Problem(
        path,
        1,
        1,
        "",
        f"this file is not read: content files end in '.yaml'; rename it to '{path.stem}.yaml'",
    )


def _load_registry(root: Path, kind: str, corpus: Corpus) -> list[tuple[Any, Document, NodePath]]:
    model = REGISTRY_MODELS[kind]
    path = root / REGISTRY_FILES[kind]
    if not path.exists():
        corpus.problems += [_misnamed(p) for p in _other_spellings(path)]
        corpus.unreadable[kind] = f"there is no {path}; create it"
        return []
    corpus.files.append(path)
    read = _read(path)
    document = read.document
    corpus.problems += read.problems
    if document.data is None:
        corpus.unreadable[kind] = f"{path} could not be read; fix the problem reported there first"
        return []
    key = registry_key(kind)
    data = document.data
    if not isinstance(data, dict) or list(data) != [key] or not isinstance(data[key], list):
        if isinstance(data, dict) and list(data) == [key]:
            found = "no entries" if data[key] is None else "no list under it"
        elif isinstance(data, dict):
            found = f"the keys {', '.join(repr(k) for k in data)}"
        else:
            found = "no keys"
        corpus.problems.append(
            document.problem(
                (),
                f"expected one key '{key}' holding a list of {key} ('{key}:' and then one "
                f"'- id: ...' per entry); found {found}",
                key,
            )
        )
        corpus.unreadable[kind] = f"{path} could not be read; fix the problem reported there first"
        return []
    entries: list[tuple[Any, Document, NodePath]] = []
    for index, item in enumerate(data[key]):
        entry, problems = validate(document, model, item, (key, index))
        corpus.problems += problems
        if entry is not None:
            entries.append((entry, document, (key, index)))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            corpus.invalid_ids.add((kind, item["id"]))
    return entries


def _other_spellings(path: Path) -> list[Path]:
    """Files beside ``path`` named like it but with another YAML extension (``.yml``)."""
    if not path.parent.is_dir():
        return []
    return sorted(
        p
        for p in path.parent.iterdir()
        if p.stem == path.stem and p.suffix.lower() in (".yaml", ".yml") and p.name != path.name
    )


def _sector_cycles(corpus: Corpus) -> None:
    """Report every ring of sectors that are ``part_of`` each other (or of themselves)."""
    registry = corpus.registries["sector"]
    reported: set[str] = set()
    for start in registry:
        chain = [start]
        while (parent := registry[chain[-1]].model.part_of) in registry and parent not in chain:
            chain.append(parent)
        if parent not in chain or parent in reported:
            continue
        ring = chain[chain.index(parent) :]
        reported.update(ring)
        first = min(ring, key=lambda sid: registry[sid].document.position(registry[sid].node_path))
        at = ring.index(first)
        ring = ring[at:] + ring[:at]
        entry = registry[first]
        corpus.problems.append(
            entry.document.problem(
                (*entry.node_path, "part_of"),
                f"sectors are part of each other in a ring ({' → '.join([*ring, first])}); "
                "a sector cannot be part of itself, so remove one of these 'part_of'",
            )
        )


def _index_registries(root: Path, corpus: Corpus) -> None:
    for kind in REGISTRY_MODELS:
        registry: dict[str, Entry] = {}
        for model, document, node_path in _load_registry(root, kind, corpus):
            if model.id in registry:
                first = registry[model.id]
                corpus.problems.append(
                    document.problem(
                        (*node_path, "id"),
                        f"duplicate {kind} id '{model.id}'; already defined at {first.where}",
                    )
                )
                continue
            if kind == "sector" and model.id == OVERVIEW_ID:
                corpus.problems.append(
                    document.problem(
                        (*node_path, "id"),
                        f"the id '{OVERVIEW_ID}' is reserved for the overview of all sectors; "
                        "choose another id",
                    )
                )
                corpus.invalid_ids.add((kind, model.id))
                continue
            registry[model.id] = Entry(model, document, node_path)
        corpus.registries[kind] = registry
    _sector_cycles(corpus)


def _references(model: Any, base: NodePath) -> Iterator[tuple[NodePath, Ref]]:
    """Every reference to a registry entry in a model tree, with its path."""
    for path, value in iter_values(model, base):
        if isinstance(value, Ref):
            yield path, value


def _reference_problems(
    references: Iterable[tuple[NodePath, Ref]], document: Document, corpus: Corpus
) -> Iterator[Problem]:
    for path, value in references:
        registry = corpus.registries[value.kind]
        if value in registry or (value.kind, value) in corpus.invalid_ids:
            continue
        file_name = corpus.root / REGISTRY_FILES[value.kind]
        if value.kind in corpus.unreadable:
            # One problem per file, not one per reference: the cause is in the registry.
            if (document.path, value.kind) not in corpus._told:
                corpus._told.add((document.path, value.kind))
                yield document.problem(
                    path,
                    f"refers to {value.kind} '{value}' (and maybe more), but "
                    f"{corpus.unreadable[value.kind]}",
                    format_path(path),
                )
            continue
        close = difflib.get_close_matches(value, list(registry), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; add it to {file_name}"
        yield document.problem(
            path, f"no {value.kind} with id '{value}' in {file_name}{hint}", format_path(path)
        )


def _calls_footnotes(path: NodePath) -> bool:
    """True where a footnote call is printed with its footnote: a section's heading or body."""
    return "body" in path or path[-1:] == ("heading",) or path[:1] == ("footnotes",)


def _misplaced_footnotes(model: Any, document: Document, base: NodePath) -> Iterator[Problem]:
    """Footnote calls in texts other than a section's heading and body, where they would
    silently vanish (briefings and summaries print those texts without footnotes)."""
    for path, value in iter_values(model, base):
        if not isinstance(value, str) or _calls_footnotes(path[len(base) :]):
            continue
        for match in FOOTNOTE_RE.finditer(value):
            yield document.problem(
                path,
                f"the footnote call {match[0]} can only stand in a section's heading or body; "
                "this text is printed without footnotes, so move the call to the body",
                format_path(path),
            )


def _valid_file_name(path: Path) -> bool:
    return re.fullmatch(ID_PATTERN, path.stem) is not None and path.stem not in RESERVED_NAMES


def _own_problems(source: LetterSource) -> list[Problem]:
    """The problems a letter has whatever the other files say."""
    letter, document = source.letter, source.document
    problems = list(_misplaced_footnotes(letter, document, ()))
    problems += _file_name_problems(source)
    problems += _section_id_problems(source)
    problems += _footnote_problems(source)
    return problems


def _file_name_problems(source: LetterSource) -> list[Problem]:
    """A letter's file is named after its id."""
    letter, document = source.letter, source.document
    if not _valid_file_name(document.path):
        return [
            document.problem(
                (),
                f"the file name '{document.path.name}' is not a valid letter id; name the file "
                f"after the letter's id, '{letter.id}.yaml' (lower-case letters, digits and "
                "hyphens)",
                "",
            )
        ]
    if letter.id != document.path.stem:
        return [
            document.problem(
                ("id",),
                f"id '{letter.id}' differs from the file name; rename one to match "
                f"'{document.path.stem}'",
            )
        ]
    return []


def _section_id_problems(source: LetterSource) -> Iterator[Problem]:
    """Section ids are unique within a letter: links to sections use them."""
    document = source.document
    seen: dict[str, NodePath] = {}
    for section, path, _level in iter_sections(source.letter.sections):
        if section.id in seen:
            line, _ = document.position((*seen[section.id], "id"))
            yield document.problem(
                (*path, "id"), f"duplicate section id '{section.id}'; already used on line {line}"
            )
        seen.setdefault(section.id, path)


def section_texts(section: Section, path: NodePath) -> Iterator[tuple[NodePath, str]]:
    """A section's heading, paragraphs and list items, each with its node path."""
    if section.heading:
        yield (*path, "heading"), section.heading
    for index, block in enumerate(section.body):
        if isinstance(block, BulletList):
            for item, text in enumerate(block.items):
                yield (*path, "body", index, "items", item), text
        else:
            yield (*path, "body", index), block


def letter_texts(letter: Letter) -> Iterator[tuple[NodePath, str]]:
    """Every heading, paragraph and list item of a letter, in reading order, with its path."""
    for section, path, _level in iter_sections(letter.sections):
        yield from section_texts(section, path)


def _footnote_problems(source: LetterSource) -> Iterator[Problem]:
    """Every footnote is called once, and every call has its footnote."""
    letter, document = source.letter, source.document
    called: dict[str, NodePath] = {}
    for text_path, text in letter_texts(letter):
        for footnote in footnote_ids(text):
            if footnote not in letter.footnotes:
                yield document.problem(
                    text_path,
                    f"footnote [^{footnote}] is called but not defined; add it under 'footnotes'",
                )
            elif footnote in called:
                line, _ = document.position(called[footnote])
                yield document.problem(
                    text_path, f"footnote [^{footnote}] is already called on line {line}"
                )
            called.setdefault(footnote, text_path)
    for footnote in letter.footnotes:
        if footnote not in called:
            yield document.problem(
                ("footnotes", footnote),
                f"footnote '{footnote}' is defined but never called; call it as "
                f"[^{footnote}] or remove it",
            )
        elif footnote_ids(letter.footnotes[footnote]):
            yield document.problem(("footnotes", footnote), "footnotes cannot call footnotes")


@dataclass(frozen=True)
class _Read:
    """A content file as read: the digest of its bytes, its document and the problems of
    reading it; for a letter, the problems of validating it, the letter where it is valid,
    the problems it has whatever the other files say, and its references to the registries."""

    digest: str
    document: Document
    problems: tuple[Problem, ...]
    letter: Letter | None = None
    own: tuple[Problem, ...] = ()
    references: tuple[tuple[NodePath, Ref], ...] = ()


#: The files read so far: loading the corpus again (the preview does so on every save) reads
#: and validates again only the files whose bytes changed. The documents and models are not
#: changed once read (the models are frozen).
_READ: dict[tuple[Path, bool], _Read] = {}


def _read(path: Path, letter: bool = False) -> _Read:
    """Load a content file (and validate it, for a ``letter``), unless it is unchanged since
    it was last read."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = ""  # load_document reports it
    known = _READ.get((path, letter))
    if known is not None and digest and known.digest == digest:
        return known
    document, problems = load_document(path)
    read = _Read(digest, document, tuple(problems))
    if letter and document.data is not None:
        model, more = validate(document, Letter, document.data)
        read = replace(read, problems=(*problems, *more), letter=model)
        if model is not None:
            own = _own_problems(LetterSource(model, document))
            read = replace(read, own=tuple(own), references=tuple(_references(model, ())))
    if digest:
        _READ[(path, letter)] = read
    return read


def load_corpus(root: Path) -> Corpus:
    """Load, validate and cross-check every content file under ``root``."""
    corpus = Corpus(root)
    _index_registries(root, corpus)
    for registry in corpus.registries.values():
        for entry in registry.values():
            references = _references(entry.model, entry.node_path)
            corpus.problems += _reference_problems(references, entry.document, corpus)
            corpus.problems += _misplaced_footnotes(entry.model, entry.document, entry.node_path)
    seen: dict[str, LetterSource] = {}
    letters_dir = root / LETTERS_DIR
    if letters_dir.is_dir():
        corpus.problems += [
            _misnamed(p)
            for p in sorted(letters_dir.iterdir())
            if p.suffix.lower() in (".yaml", ".yml") and p.suffix != ".yaml"
        ]
    for path in sorted(letters_dir.glob("*.yaml")):
        corpus.files.append(path)
        read = _read(path, letter=True)
        problems = list(read.problems)
        if read.letter is not None:
            letter, document = read.letter, read.document
            source = LetterSource(letter, document)
            problems += _reference_problems(read.references, document, corpus)
            problems += read.own
            if letter.id in seen:
                first = seen[letter.id].document
                problems.append(
                    document.problem(
                        ("id",),
                        f"duplicate letter id '{letter.id}'; already used in {first.path}",
                    )
                )
            if not any(p.severity == "error" for p in problems):
                seen[letter.id] = source
        corpus.problems += problems
    corpus.letters = sorted(seen.values(), key=lambda s: (s.letter.date, s.letter.id))
    return corpus
