"""The plan stage: which documents the content gives, as plain records.

An :class:`Output` names a document (its kind and key), where it goes and which letters
it draws on; nothing else. Making its HTML is the render stage's job, dispatched on the
kind, so a plan crosses process boundaries as it is. What a document actually read is
recorded when it is made (:mod:`briefing.reads`), not predicted here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from briefing.index import Index
from briefing.index.dossier import agenda_of
from briefing.layout import (
    OVERVIEW_ID,
    STATE_OF_PLAY,
    briefing_pdf,
    letter_pdf,
    sector_pdf,
)
from briefing.model import Debate
from briefing.sources import LetterSource
from briefing.walk import letter_sections


class Kind(StrEnum):
    """The kinds of document."""

    LETTER = "letter"
    DOSSIER = "dossier"
    SECTOR = "sector"
    OVERVIEW = "overview"


@dataclass(frozen=True)
class Output:
    """One document of the build: a plain, picklable record."""

    kind: Kind
    #: The letter, debate or sector it is about ('' for a state of play without a debate).
    key: str
    #: Path under the output folder, e.g. ``letters/<id>.pdf``.
    path: str
    #: The day a dossier stands on; None for other kinds.
    date: dt.date | None
    #: The letters it draws on, whose pages it may print: it is made after them.
    letters: tuple[str, ...]
    #: A rough measure of its length, so that a build in parallel starts with the longest.
    weight: int


@dataclass(frozen=True)
class Plan:
    """All outputs: the letters first, then the reports that print their pages."""

    letters: list[Output]
    reports: list[Output]

    @property
    def outputs(self) -> list[Output]:
        """Letters, then reports."""
        return self.letters + self.reports


def _sections(source: LetterSource) -> int:
    return sum(1 for _ in letter_sections(source.letter))


def _report(
    kind: Kind,
    key: str,
    path: str,
    letters: list[LetterSource],
    sections: dict[str, int],
    date: dt.date | None = None,
) -> Output:
    """A report on ``letters``, weighed by their ``sections`` (counted once per letter)."""
    weight = sum(sections[s.letter.id] for s in letters)
    return Output(kind, key, path, date, tuple(s.letter.id for s in letters), weight)


def debates_with_letters(index: Index) -> list[Debate]:
    """Debates with at least one letter on their agenda, in date order."""
    return sorted(
        (d for d in index.debates.values() if agenda_of(d, index.letters)),
        key=lambda d: (d.date, d.id),
    )


def dossier(index: Index, date: dt.date, debate: Debate | None, path: str) -> Output:
    """The dossier on ``date`` (preparing ``debate``, if given), written to ``path``."""
    return _dossier(index, date, debate, path, {s.letter.id: _sections(s) for s in index.letters})


def _dossier(
    index: Index, date: dt.date, debate: Debate | None, path: str, sections: dict[str, int]
) -> Output:
    sent = [s for s in index.letters if s.letter.date <= date]
    return _report(Kind.DOSSIER, debate.id if debate else "", path, sent, sections, date)


def prepared_path(date: dt.date, debate: Debate | None) -> str:
    """Where ``briefing prepare`` writes: ``briefings/<debate or stand-van-zaken>-<date>.pdf``."""
    return briefing_pdf(f"{debate.id if debate else STATE_OF_PLAY}-{date.isoformat()}")


def plan(index: Index) -> Plan:
    """Every output: one PDF per letter, a dossier per debate with letters on its agenda, a
    summary per sector, and the overview."""
    letters = [
        Output(Kind.LETTER, s.letter.id, letter_pdf(s.letter.id), None, (), _sections(s))
        for s in index.letters
    ]
    sections = {output.key: output.weight for output in letters}
    reports = [
        _dossier(index, debate.date, debate, briefing_pdf(debate.id), sections)
        for debate in debates_with_letters(index)
    ]
    if index.letters:
        for sector_id in index.sectors:
            sources = index.sector_state(sector_id).sources
            path = sector_pdf(sector_id)
            reports.append(_report(Kind.SECTOR, sector_id, path, sources, sections))
        path = sector_pdf(OVERVIEW_ID)
        overview = _report(Kind.OVERVIEW, OVERVIEW_ID, path, index.letters, sections)
        reports.append(replace(overview, weight=len(index.sectors)))  # a row per sector
    return Plan(letters, reports)
