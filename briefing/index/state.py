"""The state of play on a date: what the letters sent up to that date say, and nothing later.

Derived as plain data from the letters in date order: the status of each motion and
commitment, each sector's history, figures and passages, the milestones announced and the
money quoted. A letter dated after the state's date contributes nothing. The
:class:`~briefing.index.Index` makes each state once and hands it to every view.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from briefing.kamer.facts import CommitmentFacts, KamerFacts, MotionFacts
from briefing.layout import section_anchor
from briefing.loading import NodePath
from briefing.model import (
    Amount,
    Commitment,
    CommitmentStatus,
    CommitmentUpdate,
    Debate,
    Figure,
    Milestone,
    Motion,
    MotionStatus,
    MotionUpdate,
    Section,
    Sector,
    SectorEvent,
    SectorKind,
    SectorStatus,
)
from briefing.sources import Corpus, LetterSource
from briefing.types import FuzzyDate
from briefing.walk import letter_sections

#: How far ahead a milestone counts as due soon.
SOON_MONTHS = 3
#: The Kamer's decisions that adopt a motion: by a vote, or taken over (*overgenomen*) without
#: one, which leaves it to the government to carry out just the same.
ADOPTING = frozenset({"aangenomen", "overgenomen"})


@dataclass(frozen=True)
class Place:
    """A section of a letter: where a fact was stated."""

    source: LetterSource
    section: Section
    node_path: NodePath

    @property
    def anchor(self) -> str:
        """The section's anchor in the letter's HTML and named destination in its PDF."""
        return section_anchor(self.section.id)

    @property
    def date(self) -> dt.date:
        """The date of the letter."""
        return self.source.letter.date


T = TypeVar("T")


@dataclass(frozen=True)
class Stated(Generic[T]):
    """A fact with the place where a letter states it and its own path in the letter's file."""

    fact: T
    place: Place
    node_path: NodePath


class Submitted(StrEnum):
    """Where a motion stands before the Kamer adopted it; no letter gives this status."""

    INGEDIEND = "ingediend"


@dataclass
class MotionState:
    """A motion as the letters up to a date describe it."""

    motion: Motion
    #: The day the state describes.
    on: dt.date
    mentions: list[Place] = field(default_factory=list)
    updates: list[Stated[MotionUpdate]] = field(default_factory=list)
    #: What the Kamer's records say of it, when the content links it.
    record: MotionFacts | None = None

    @property
    def adopted(self) -> bool:
        """True when the Kamer adopted it by the state's day, as the content's ``adopted``
        says, else the Kamer's decision known by then; a letter reporting on it implies it."""
        if self.updates:
            return True
        if self.motion.adopted is not None:
            return self.motion.adopted <= self.on
        return self.record is not None and (self.record.result or "").lower() in ADOPTING

    @property
    def adopted_on(self) -> dt.date | None:
        """The day the Kamer adopted it: the content's ``adopted``, else the day of the Kamer's
        decision; None when not adopted by the state's day or the day is not known."""
        if not self.adopted:
            return None
        if self.motion.adopted is not None:
            return self.motion.adopted
        return self.record.voted_on if self.record is not None else None

    @property
    def status(self) -> MotionStatus | Submitted:
        """The latest status a letter gave; else 'aangenomen' once the Kamer adopted it,
        'ingediend' before."""
        if self.updates:
            return self.updates[-1].fact.status
        return MotionStatus.AANGENOMEN if self.adopted else Submitted.INGEDIEND


@dataclass
class CommitmentState:
    """A commitment as the letters up to a date describe it."""

    commitment: Commitment
    debate: Debate
    mentions: list[Place] = field(default_factory=list)
    updates: list[Stated[CommitmentUpdate]] = field(default_factory=list)
    #: What the Kamer's register of commitments says of it, when the content links it.
    record: CommitmentFacts | None = None

    @property
    def deadline(self) -> FuzzyDate | None:
        """The deadline the content gives, else the one of the Kamer's register."""
        if self.commitment.deadline is not None:
            return self.commitment.deadline
        if self.record is not None and self.record.deadline is not None:
            return FuzzyDate.parse(self.record.deadline.isoformat())
        return None

    @property
    def status(self) -> CommitmentStatus:
        """The latest status a letter gave; 'openstaand' when none did."""
        return self.updates[-1].fact.status if self.updates else CommitmentStatus.OPENSTAAND

    @property
    def is_open(self) -> bool:
        """True while the commitment is 'openstaand' or 'deels voldaan'."""
        return self.status in (CommitmentStatus.OPENSTAAND, CommitmentStatus.DEELS_VOLDAAN)

    @property
    def latest(self) -> Stated[CommitmentUpdate] | None:
        """The latest update, if any."""
        return self.updates[-1] if self.updates else None


@dataclass
class SectorState:
    """A sector or theme as the letters up to a date describe it."""

    sector: Sector
    passages: list[Place] = field(default_factory=list)
    events: list[Stated[SectorEvent]] = field(default_factory=list)
    figures: list[Stated[Figure]] = field(default_factory=list)
    motions: list[MotionState] = field(default_factory=list)
    commitments: list[CommitmentState] = field(default_factory=list)
    milestones: list[Stated[Milestone]] = field(default_factory=list)

    @property
    def status(self) -> SectorStatus | None:
        """The latest convenant status reported; None for themes and unreported sectors."""
        return self.events[-1].fact.status if self.events else None

    @property
    def signed(self) -> Stated[SectorEvent] | None:
        """The report of its signing, if any."""
        signed = [e for e in self.events if e.fact.status is SectorStatus.ONDERTEKEND]
        return signed[-1] if signed else None

    @property
    def key_figures(self) -> list[Stated[Figure]]:
        """The latest value of each figure (targets separately), in the order first quoted."""
        latest: dict[tuple[str, bool], Stated[Figure]] = {}
        for stated in self.figures:
            latest.pop((stated.fact.label, stated.fact.target), None)
            latest[(stated.fact.label, stated.fact.target)] = stated
        return list(latest.values())

    @property
    def is_theme(self) -> bool:
        """True for a theme across sectors."""
        return self.sector.kind is SectorKind.THEME

    @property
    def places(self) -> list[Place]:
        """Every place that says something about the sector or its motions and commitments."""
        places = [*self.passages]
        stated: list[Stated[SectorEvent] | Stated[Figure] | Stated[Milestone]] = [
            *self.events,
            *self.figures,
            *self.milestones,
        ]
        places += [s.place for s in stated]
        for motion in self.motions:
            places += [*motion.mentions, *(u.place for u in motion.updates)]
        for commitment in self.commitments:
            places += [*commitment.mentions, *(u.place for u in commitment.updates)]
        return places

    @property
    def sources(self) -> list[LetterSource]:
        """The letters that say something about the sector, in date order."""
        by_id = {p.source.letter.id: p.source for p in self.places}
        return sorted(by_id.values(), key=lambda s: (s.letter.date, s.letter.id))

    @property
    def as_of(self) -> dt.date | None:
        """The day of the latest letter or debate that adds to the sector; None if none does.

        Letters after this day say nothing about the sector, so its state on this day
        is its state on any later day.
        """
        days = [p.date for p in self.places] + [c.debate.date for c in self.commitments]
        return max(days, default=None)


class Timing(StrEnum):
    """Where a milestone stands relative to a date."""

    PAST = "verstreken"
    SOON = f"binnen {SOON_MONTHS} maanden"
    LATER = "later"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months ahead (clamped to the month's last day, and
    to the calendar's first and last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return dt.date.min if year < dt.MINYEAR else dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def timing(due: FuzzyDate, on: dt.date) -> Timing:
    """Past due when the whole period lies before ``on``; soon when it starts within months."""
    if due.end < on:
        return Timing.PAST
    if due.start <= add_months(on, SOON_MONTHS):
        return Timing.SOON
    return Timing.LATER


@dataclass
class State:
    """Everything the letters up to ``date`` say, in date order."""

    date: dt.date
    letters: list[LetterSource]
    motions: dict[str, MotionState]
    commitments: dict[str, CommitmentState]
    sectors: dict[str, SectorState]
    milestones: list[Stated[Milestone]]
    amounts: list[Stated[Amount]]

    def timing(self, milestone: Milestone) -> Timing:
        """Where ``milestone`` stands on the state's date."""
        return timing(milestone.due, self.date)

    def sector_state(self, sector: Sector) -> SectorState:
        """The state of ``sector``; one with nothing reported when no letter names it yet."""
        if sector.id in self.sectors:
            return self.sectors[sector.id]
        return self._with_concerns(SectorState(sector))

    def _with_concerns(self, sector_state: SectorState) -> SectorState:
        """Attach the motions, commitments and milestones that concern the sector."""
        sid = sector_state.sector.id
        sector_state.motions = [m for m in self.motions.values() if sid in m.motion.sectors]
        sector_state.commitments = [
            c for c in self.commitments.values() if sid in c.commitment.sectors
        ]
        sector_state.milestones = [m for m in self.milestones if sid in m.fact.sectors]
        return sector_state


def places(source: LetterSource) -> list[Place]:
    """Every section of a letter as a place, in reading order."""
    return [Place(source, s, path) for s, path, _ in letter_sections(source.letter)]


def state_on(corpus: Corpus, date: dt.date) -> State:
    """The state of play on ``date``, from the letters dated on or before it, and the
    Kamer's records as known on it."""
    letters = [s for s in corpus.letters if s.letter.date <= date]
    state = State(date, letters, {}, {}, {}, [], [])
    facts = corpus.kamer.facts if corpus.kamer else KamerFacts()
    registered: dict[str, CommitmentFacts] = {
        c.commitment: c.known_on(date) for c in facts.commitments
    }
    debates = corpus.debates
    for commitment in corpus.commitments.values():
        debate = debates.get(commitment.debate)
        if debate is not None and debate.date < date:  # made during the day: not yet known
            record = registered.get(commitment.id)
            state.commitments[commitment.id] = CommitmentState(commitment, debate, record=record)

    motions, sectors = corpus.motions, corpus.sectors
    for source in letters:
        for place in places(source):
            _take(state, place, motions, sectors)
    records: dict[str, MotionFacts] = {m.motion: m for m in facts.motions}
    for motion in motions.values():  # a motion no letter names yet exists from its day
        known = records.get(motion.id)
        day = motion.submitted or (known.submitted if known else None) or motion.adopted
        if motion.id not in state.motions and day is not None and day <= date:
            state.motions[motion.id] = MotionState(motion, date)
    for motion_id, motion_state in state.motions.items():
        if (facts_of := records.get(motion_id)) is not None:
            motion_state.record = facts_of.known_on(date, _decided(motion_state))

    state.milestones.sort(key=lambda m: (m.fact.due.start, m.fact.due.end))
    state.sectors = {
        k: state._with_concerns(state.sectors[k]) for k in sectors if k in state.sectors
    }
    return state


def _decided(motion: MotionState) -> dt.date | None:
    """The first day the content places the Kamer's decision on a motion by: a letter
    reporting on it (up to the state's day), or the day the content has it adopted."""
    days = [u.place.date for u in motion.updates]
    return min([*days, motion.motion.adopted] if motion.motion.adopted else days, default=None)


def _take(
    state: State, place: Place, motions: dict[str, Motion], sectors: dict[str, Sector]
) -> None:
    """Add what one section says to the state.

    References to registry entries that are invalid (and reported as errors) are skipped.
    """
    section = place.section

    def motion(motion_id: str) -> MotionState:
        return state.motions.setdefault(motion_id, MotionState(motions[motion_id], state.date))

    def sector(sector_id: str) -> SectorState:
        return state.sectors.setdefault(sector_id, SectorState(sectors[sector_id]))

    def path(field: str, index: int) -> NodePath:
        return (*place.node_path, field, index)

    motion_ids = [*section.motions, *(u.motion for u in section.motion_updates)]
    for motion_id in dict.fromkeys(m for m in motion_ids if m in motions):
        motion(motion_id).mentions.append(place)
    for i, motion_update in enumerate(section.motion_updates):
        if motion_update.motion in motions:
            stated_update = Stated(motion_update, place, path("motion_updates", i))
            motion(motion_update.motion).updates.append(stated_update)

    commitment_ids = [*section.commitments, *(u.commitment for u in section.commitment_updates)]
    for commitment_id in dict.fromkeys(commitment_ids):
        if commitment_id in state.commitments:
            state.commitments[commitment_id].mentions.append(place)
    for i, update in enumerate(section.commitment_updates):
        if update.commitment in state.commitments:
            stated = Stated(update, place, path("commitment_updates", i))
            state.commitments[update.commitment].updates.append(stated)

    for sector_id in section.sectors:
        if sector_id in sectors:
            sector(sector_id).passages.append(place)
    for i, event in enumerate(section.sector_events):
        if event.sector in sectors:
            sector(event.sector).events.append(Stated(event, place, path("sector_events", i)))
    for i, figure in enumerate(section.figures):
        if figure.sector in sectors:
            sector(figure.sector).figures.append(Stated(figure, place, path("figures", i)))
    state.milestones += [
        Stated(m, place, path("milestones", i)) for i, m in enumerate(section.milestones)
    ]
    state.amounts += [Stated(a, place, path("amounts", i)) for i, a in enumerate(section.amounts)]
