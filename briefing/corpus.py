"""Gather all content into one validated corpus: letters in date order and the registries.

This is where cross-file rules live: ids are unique per kind, every reference
points at an existing entry, footnote calls and definitions match. A document
with an error is left out of the corpus (and reported) so the others still build.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from briefing.errors import Problem
from briefing.kamer.facts import KamerFacts
from briefing.layout import (
    KAMER_FILE,
    LETTERS_DIR,
    NOTES_DIR,
    OVERVIEW_ID,
    REGISTRY_FILES,
    registry_key,
)
from briefing.letter_checks import letter_problems, misplaced_footnotes
from briefing.loading import Document, NodePath, format_path, load_document
from briefing.model import Commitment, Debate, DebateNotes, Letter, Motion, Sector
from briefing.types import Ref
from briefing.validation import validate
from briefing.walk import iter_sections, iter_values

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
class KamerSource:
    """The Kamer's facts (``kamer.yaml``) with the document they came from."""

    facts: KamerFacts
    document: Document

    def where(self, kind: str, key: str) -> NodePath:
        """The node path of the entry of ``kind`` ('motions', ...) about ``key``."""
        entries = getattr(self.facts, kind)
        field = {"letters": "letter", "motions": "motion", "debates": "debate"}.get(
            kind, "commitment"
        )
        for index, entry in enumerate(entries):
            if getattr(entry, field) == key:
                return (kind, index)
        return (kind,)


@dataclass(frozen=True)
class NotesSource:
    """A debate's lines to take and questions, with the document they came from."""

    notes: DebateNotes
    document: Document


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
    #: The Kamer's facts about the content, when ``kamer.yaml`` exists and is valid.
    kamer: KamerSource | None = None
    #: Lines to take and questions, by debate id.
    notes: dict[str, NotesSource] = field(default_factory=dict)

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
            own = letter_problems(LetterSource(model, document))
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
            corpus.problems += misplaced_footnotes(entry.model, entry.document, entry.node_path)
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
        if path.stem not in seen:  # reported once, here, not again where it is named
            corpus.invalid_ids.add(("letter", path.stem))
        corpus.problems += problems
    corpus.letters = sorted(seen.values(), key=lambda s: (s.letter.date, s.letter.id))
    _check_agendas(corpus, set(seen))
    _load_kamer(root, corpus, set(seen))
    _load_notes(root, corpus, seen)
    return corpus


def _unknown_letter(
    document: Document, node_path: NodePath, letter_id: str, letters: set[str]
) -> Problem:
    close = difflib.get_close_matches(letter_id, sorted(letters), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return document.problem(node_path, f"no letter with id '{letter_id}' in letters/{hint}")


def _check_agendas(corpus: Corpus, letters: set[str]) -> None:
    """A debate's agenda names letters that exist."""
    for entry in corpus.registries["debate"].values():
        for index, letter_id in enumerate(entry.model.agenda):
            if letter_id not in letters and ("letter", letter_id) not in corpus.invalid_ids:
                node_path = (*entry.node_path, "agenda", index)
                corpus.problems.append(
                    _unknown_letter(entry.document, node_path, letter_id, letters)
                )


def _load_kamer(root: Path, corpus: Corpus, letters: set[str]) -> None:
    """Read the Kamer's facts, if any; their ids must name content that exists."""
    path = root / KAMER_FILE
    if not path.exists():
        return
    corpus.files.append(path)
    document, problems = load_document(path)
    corpus.problems += problems
    if document.data is None:
        return
    facts, more = validate(document, KamerFacts, document.data)
    corpus.problems += more
    if facts is None:
        return
    corpus.problems += _reference_problems(_references(facts, ()), document, corpus)
    letter_ids: list[tuple[NodePath, str]] = [
        (("letters", i, "letter"), f.letter) for i, f in enumerate(facts.letters)
    ]
    letter_ids += [
        (("commitments", i, "fulfilled_by", j, "letter"), by.letter)
        for i, c in enumerate(facts.commitments)
        for j, by in enumerate(c.fulfilled_by)
        if by.letter is not None
    ]
    corpus.problems += [
        _unknown_letter(document, node_path, letter_id, letters)
        for node_path, letter_id in letter_ids
        if letter_id not in letters and ("letter", letter_id) not in corpus.invalid_ids
    ]
    corpus.kamer = KamerSource(facts, document)


def _load_notes(root: Path, corpus: Corpus, letters: dict[str, LetterSource]) -> None:
    """Read each debate's lines to take and questions; each cites sections that exist in
    letters sent by the debate's day."""
    for path in sorted((root / NOTES_DIR).glob("*.yaml")):
        corpus.files.append(path)
        document, problems = load_document(path)
        if document.data is not None:
            notes, more = validate(document, DebateNotes, document.data)
            problems += more
            if notes is not None:
                problems += _reference_problems(_references(notes, ()), document, corpus)
                problems += _notes_problems(notes, document, letters, corpus)
                if not any(p.severity == "error" for p in problems):
                    corpus.notes[notes.debate] = NotesSource(notes, document)
        corpus.problems += problems


def _notes_problems(
    notes: DebateNotes, document: Document, letters: dict[str, LetterSource], corpus: Corpus
) -> list[Problem]:
    problems = []
    if notes.debate != document.path.stem:
        problems.append(
            document.problem(
                ("debate",),
                f"the file is named '{document.path.name}' but is about debate "
                f"'{notes.debate}'; name it '{notes.debate}.yaml'",
            )
        )
    debate = corpus.debates.get(notes.debate)
    for path, value in iter_values(notes):
        if path[-2:-1] != ("sources",):
            continue
        letter_id, _, section_id = str(value).partition("#")
        source = letters.get(letter_id)
        if ("letter", letter_id) in corpus.invalid_ids:
            continue
        if source is None:
            problems.append(_unknown_letter(document, path, letter_id, set(letters)))
        elif not any(s.id == section_id for s, _, _ in iter_sections(source.letter.sections)):
            problems.append(
                document.problem(
                    path, f"letter '{letter_id}' has no section with id '{section_id}'"
                )
            )
        elif debate is not None and source.letter.date > debate.date:
            problems.append(
                document.problem(
                    path,
                    f"letter '{letter_id}' is dated {source.letter.date.isoformat()}, after the "
                    f"debate ({debate.date.isoformat()}); cite a letter sent by then",
                )
            )
    return problems
