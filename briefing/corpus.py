"""Gather all content into one validated corpus: letters in date order, the registries, the
Kamer's facts and the debates' questions.

Ids are unique per kind, sectors are not part of each other in a ring; the rules within a
letter are in :mod:`briefing.letter_checks`, those across files in :mod:`briefing.crossfile`.
A document with an error is left out of the corpus (and reported) so the others still build.
A file whose bytes did not change since it was last read here is not read again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from briefing.crossfile import (
    check_agendas,
    load_kamer,
    load_notes,
    reference_problems,
    references,
)
from briefing.errors import Problem, errors_in
from briefing.layout import (
    LETTERS_DIR,
    OVERVIEW_ID,
    REGISTRY_FILES,
    registry_key,
    unread_files,
    yaml_files,
)
from briefing.letter_checks import letter_problems, misplaced_footnotes
from briefing.load_cache import LoadCache, Loaded
from briefing.loading import Document, NodePath, load_document, parse_document
from briefing.model import Commitment, Debate, Letter, Motion, Sector
from briefing.sources import Corpus, Entry, LetterSource
from briefing.types import Kamerstuk, Ref
from briefing.validation import validate

#: The model of a registry's entries, by kind of reference.
REGISTRY_MODELS: dict[str, type[BaseModel]] = {
    "motion": Motion,
    "commitment": Commitment,
    "sector": Sector,
    "debate": Debate,
}


def _misnamed(path: Path) -> Problem:
    """The problem of a YAML file whose extension is not ``.yaml``, so it is never read."""
    return Problem(
        path,
        1,
        1,
        "",
        f"this file is not read: content files end in '.yaml'; rename it to '{path.stem}.yaml'",
    )


def _unread(root: Path) -> list[Problem]:
    """The problem of each YAML file of the content that is never read."""
    found = []
    for path in unread_files(root):
        folder = path.relative_to(root).parts[0]
        if len(path.relative_to(root).parts) > 2:
            message = (
                f"this file is not read: the files of {folder}/ are read from that folder "
                f"itself, not from a folder in it; move it into {folder}/"
            )
            found.append(Problem(path, 1, 1, "", message))
        elif not path.with_suffix(".yaml").exists():  # else the one read is beside it
            found.append(_misnamed(path))
    return found


def _load_registry(
    root: Path, kind: str, corpus: Corpus, stored: LoadCache | None
) -> list[tuple[Any, Document, NodePath]]:
    model = REGISTRY_MODELS[kind]
    path = root / REGISTRY_FILES[kind]
    if not path.exists():
        corpus.unreadable[kind] = f"there is no {path}; create it"
        return []
    corpus.files.append(path)
    read = _read(path, stored=stored)
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


def _index_registries(root: Path, corpus: Corpus, stored: LoadCache | None) -> None:
    for kind in REGISTRY_MODELS:
        registry: dict[str, Entry] = {}
        for model, document, node_path in _load_registry(root, kind, corpus, stored):
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


@dataclass(frozen=True)
class _Read:
    """A content file as read: the digest of its bytes, what loading it yielded, the problems
    of reading and validating it and, for a letter, the letter where it is valid."""

    digest: str
    loaded: Loaded
    problems: tuple[Problem, ...]
    letter: Letter | None = None

    @property
    def document(self) -> Document:
        """The file's data, with the position of every node."""
        return self.loaded.document

    @property
    def own(self) -> tuple[Problem, ...]:
        """The problems of a valid letter whatever the other files say."""
        return self.loaded.own if self.letter is not None else ()

    @property
    def references(self) -> tuple[tuple[NodePath, Ref], ...]:
        """A valid letter's references to the registries, each with its node path."""
        return self.loaded.references if self.letter is not None else ()


#: The files read so far: loading the corpus again (the preview does so on every save) reads
#: and validates again only the files whose bytes changed. The documents and models are not
#: changed once read (the models are frozen).
_READ: dict[tuple[Path, bool], _Read] = {}


def _read(path: Path, letter: bool = False, stored: LoadCache | None = None) -> _Read:
    """Load a content file (and validate it, for a ``letter``), unless it is unchanged since
    it was last read here; what loading it yields is taken from and kept in ``stored``."""
    try:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
    except OSError:
        raw, digest = b"", ""  # load_document reports it
    known = _READ.get((path, letter))
    if known is not None and digest and known.digest == digest:
        if stored is not None:
            stored.put(path, letter, digest, known.loaded, again=False)
        return known
    loaded = stored.get(path, letter, raw, digest) if stored is not None and digest else None
    fresh = loaded is None
    if loaded is None:  # parsed from the bytes digested, so that the two always agree
        document, problems = parse_document(path, raw) if digest else load_document(path)
        loaded = Loaded(document, tuple(problems))
    read = _Read(digest, loaded, loaded.problems)
    document = loaded.document
    if letter and document.data is not None:
        model, more = validate(document, Letter, document.data)
        if model is not None and fresh:
            own = letter_problems(LetterSource(model, document), raw)
            loaded = replace(loaded, own=tuple(own), references=tuple(references(model, ())))
        read = _Read(digest, loaded, (*loaded.problems, *more), model)
    if digest:
        _READ[(path, letter)] = read
        if stored is not None and fresh:
            stored.put(path, letter, digest, loaded)
    return read


#: A word as an id is written: lower-case letters and digits joined by hyphens.
_ID_WORD_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _words(path: Path) -> set[str]:
    """The words of a file that could be ids, as it stands (none if it cannot be read)."""
    try:
        return set(_ID_WORD_RE.findall(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return set()


def load_corpus(root: Path, stored: LoadCache | None = None) -> Corpus:
    """Load, validate and cross-check every content file under ``root``; what loading each
    file yields is taken from and kept in ``stored``, when given."""
    corpus = Corpus(root)
    _index_registries(root, corpus, stored)
    for registry in corpus.registries.values():
        for entry in registry.values():
            named = references(entry.model, entry.node_path)
            corpus.problems += reference_problems(named, entry.document, corpus)
            corpus.problems += misplaced_footnotes(entry.model, entry.document, entry.node_path)
    seen: dict[str, LetterSource] = {}
    numbered: dict[Kamerstuk, LetterSource] = {}
    corpus.problems += _unread(root)
    for path in yaml_files(root / LETTERS_DIR):
        corpus.files.append(path)
        read = _read(path, letter=True, stored=stored)
        problems = list(read.problems)
        if read.letter is not None:
            letter, document = read.letter, read.document
            source = LetterSource(letter, document)
            problems += reference_problems(read.references, document, corpus)
            problems += read.own
            if letter.id in seen:
                first = seen[letter.id].document
                problems.append(
                    document.problem(
                        ("id",),
                        f"duplicate letter id '{letter.id}'; already used in {first.path}",
                    )
                )
            twin = numbered.get(letter.kamerstuk) if letter.kamerstuk else None
            if twin is not None:
                problems.append(
                    document.problem(
                        ("kamerstuk",),
                        f"{letter.kamerstuk} is also the letter '{twin.letter.id}' "
                        f"({twin.document.path}); a Kamerstuk is one letter: keep one of the "
                        "two files (the same letter imported twice?)",
                    )
                )
            if not errors_in(problems):
                seen[letter.id] = source
                if letter.kamerstuk:
                    numbered[letter.kamerstuk] = source
        if path.stem not in seen:  # reported once, here, not again where it is named
            corpus.invalid_ids.add(("letter", path.stem))
            corpus.unread_words |= _words(path)
        corpus.problems += problems
    corpus.letters = sorted(seen.values(), key=lambda s: (s.letter.date, s.letter.id))
    check_agendas(corpus, set(seen))
    load_kamer(root, corpus, set(seen))
    load_notes(root, corpus, seen)
    return corpus
