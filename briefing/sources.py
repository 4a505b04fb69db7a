"""The corpus as data: each validated document with the file it came from, and all of them
together. :mod:`briefing.corpus` gathers them; the index and the views read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.debate_notes import DebateNotes
from briefing.errors import Problem, errors_in
from briefing.kamer.facts import KamerFacts
from briefing.layout import NOTES_DIR
from briefing.loading import Document, NodePath
from briefing.model import Commitment, Debate, Letter, Motion, Sector
from briefing.types import Kamerstuk


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
    told_unreadable: set[tuple[Path, str]] = field(default_factory=set)
    #: The Kamer's facts about the content, when ``kamer.yaml`` exists and is valid.
    kamer: KamerSource | None = None
    #: Lines to take and questions, by debate id.
    notes: dict[str, NotesSource] = field(default_factory=dict)
    #: The files in ``qa/`` about another debate than the one they are named after, with it.
    notes_about: dict[Path, str] = field(default_factory=dict)
    #: The words of the letters that have errors, and so are not read: the ids among them
    #: are of the motions and commitments such a letter may report on.
    unread_words: set[str] = field(default_factory=set)

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
        return errors_in(self.problems)

    def errors_for(self, debate_id: str | None) -> tuple[list[Problem], list[Problem]]:
        """The errors that stop a document about ``debate_id`` (None: about no debate), and
        apart from them those in the lines to take of other debates, which it does not read."""
        notes = self.root / NOTES_DIR
        stopping: list[Problem] = []
        apart: list[Problem] = []
        for problem in self.errors:
            other = problem.path.parent == notes and debate_id not in self.debates_of(problem.path)
            (apart if other else stopping).append(problem)
        return stopping, apart

    def debates_of(self, path: Path) -> set[str]:
        """The debates a file in ``qa/`` is about: the one it is named after, and the one it
        names where that is another."""
        named = self.notes_about.get(path)
        return {path.stem} if named is None else {path.stem, named}

    def kamerstuk_of(self, letter: Letter) -> Kamerstuk | None:
        """A letter's Kamerstuk number: its own, else the one the Kamer's records give."""
        if letter.kamerstuk is not None or self.kamer is None:
            return letter.kamerstuk
        return next((f.kamerstuk for f in self.kamer.facts.letters if f.letter == letter.id), None)
