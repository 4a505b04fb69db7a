"""A debate's dossier as facts: its agenda, the previous debate, what changed since, what is
open, who asked what, what comes next. The rules live here; the dossier's view prints them.

Everything is as known on the dossier's date: a letter, motion or commitment dated later
does not exist yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.debate_notes import DebateNotes
from briefing.index.state import (
    CommitmentState,
    MotionState,
    SectorState,
    State,
    Stated,
    Timing,
    add_months,
    places,
    timing,
)
from briefing.model import (
    Amount,
    CommitmentUpdate,
    Debate,
    Figure,
    Milestone,
    MotionStatus,
    MotionUpdate,
)
from briefing.sources import Corpus, LetterSource

#: At most this many open points in the dossier's body; the annex lists them all.
OPEN_POINTS = 25
#: At most this many changes of status since the previous debate in the dossier's body.
CHANGES = 25
#: At most this many motions and commitments per party in the dossier's body.
PARTY_ITEMS = 6
#: At most this many milestones in the dossier's body; the annex lists the others.
MILESTONES = 12
#: At most this many sectors and themes in the dossier's body; the sector overview has all.
SECTORS = 20
#: The party of motions whose submitters' party is not known.
UNKNOWN_PARTY = ""
#: The milestones the page at a glance shows, due soonest.
SOONEST = 5
#: Milestones overdue by at most this many months still stand in the body.
RECENTLY_OVERDUE_MONTHS = 12
#: The changes since the previous debate go back this many months at most.
SINCE_MONTHS = 12
#: Key figures on the page at a glance, at most.
KEY_FIGURES = 6
#: The Kamer's agenda's words for a debate that did not take place on its day.
NOT_HELD = frozenset({"verplaatst", "geannuleerd", "vervallen"})
#: Decisions on a motion that leave nothing to carry out.
_NOT_TO_CARRY_OUT = {"verworpen", "ingetrokken", "vervallen", "aangehouden"}


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 when less than a month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return max(months - (end.day < start.day), 0)


def motion_date(motion: MotionState) -> dt.date | None:
    """The day a motion was submitted (content, else the Kamer's records), else adopted."""
    record = motion.record
    submitted = motion.motion.submitted or (record.submitted if record else None)
    return submitted or motion.motion.adopted


def to_carry_out(motion: MotionState) -> bool:
    """True for a motion the government still has to carry out: adopted by the state's day
    (one only submitted may yet be rejected) and not carried out."""
    result = (motion.record.result or "").lower() if motion.record else ""
    return (
        motion.adopted
        and motion.status is not MotionStatus.UITGEVOERD
        and result not in _NOT_TO_CARRY_OUT
    )


@dataclass(frozen=True)
class OpenPoint:
    """A commitment or motion still open on the dossier's date."""

    item: MotionState | CommitmentState
    #: When it was made or submitted, if known.
    since: dt.date | None
    #: Whole months open on the dossier's date.
    months: int | None
    #: True for a commitment past its deadline.
    overdue: bool


@dataclass(frozen=True)
class Since:
    """What changed between the previous debate and the dossier's date."""

    previous: Debate
    #: The day the changes count from: the previous debate's, or a year before the dossier's
    #: date when that debate was longer ago.
    start: dt.date
    letters: list[LetterSource]
    motion_updates: list[tuple[MotionState, Stated[MotionUpdate]]]
    commitment_updates: list[tuple[CommitmentState, Stated[CommitmentUpdate]]]
    motions: list[MotionState]
    commitments: list[CommitmentState]

    @property
    def count(self) -> int:
        """How many changes there are."""
        return sum(
            len(part)
            for part in (
                self.letters,
                self.motion_updates,
                self.commitment_updates,
                self.motions,
                self.commitments,
            )
        )


@dataclass(frozen=True)
class Party:
    """A party (fractie): its members' motions and the commitments made to it that are still
    open or changed since the previous debate, at most :data:`PARTY_ITEMS`."""

    name: str
    #: The newest first.
    items: list[MotionState | CommitmentState]
    #: How many other motions and commitments of the party the annex lists.
    others: int = 0


@dataclass
class Dossier:
    """Everything a debate's dossier prints, as facts on its date."""

    state: State
    debate: Debate | None
    agenda: list[LetterSource]
    since: Since | None
    open_points: list[OpenPoint]
    parties: list[Party]
    #: Due within three months, and the latest overdue in the past year, in date order; at
    #: most :data:`MILESTONES`.
    milestones: list[tuple[Stated[Milestone], Timing]]
    #: The other milestones of the past year and those later than three months: the annex.
    later: list[tuple[Stated[Milestone], Timing]]
    soonest: Sequence[tuple[Stated[Milestone], Timing]]
    figures: list[Stated[Figure]]
    amounts: list[Stated[Amount]]
    notes: DebateNotes | None
    #: The sectors and themes the recent letters report on, in the registry's order; at most
    #: :data:`SECTORS`, those on the agenda first.
    sectors: list[SectorState] = field(default_factory=list)
    #: Letters the dossier draws its news from: on the agenda and sent since the last debate
    #: (every letter, for a state of play).
    recent: list[LetterSource] = field(default_factory=list)

    @property
    def overdue(self) -> list[OpenPoint]:
        """Open points past their deadline."""
        return [p for p in self.open_points if p.overdue]


def agenda_of(debate: Debate, letters: list[LetterSource]) -> list[LetterSource]:
    """The letters on a debate's agenda: those it lists, else those written for it."""
    if debate.agenda:
        return [s for s in letters if s.letter.id in debate.agenda]
    return [s for s in letters if s.letter.debate == debate.id]


def previous_debate(debate: Debate, debates: dict[str, Debate], on: dt.date) -> Debate | None:
    """The latest earlier debate of the same committee on the same subject (of the same kind
    when no subject is given), held by ``on``: one still to come on that day is no previous
    debate yet."""

    def same(other: Debate) -> bool:
        if other.committee != debate.committee or other.date >= debate.date:
            return False
        if other.date > on:
            return False
        if debate.subject or other.subject:
            return other.subject == debate.subject
        return other.kind == debate.kind

    earlier = [d for d in debates.values() if d.id != debate.id and same(d)]
    return max(earlier, key=lambda d: (d.date, d.id), default=None)


def dossier(corpus: Corpus, state: State, debate: Debate | None) -> Dossier:
    """The dossier of ``debate`` on the state's date (a state of play when None)."""
    on = state.date
    agenda = agenda_of(debate, state.letters) if debate else []
    previous = previous_debate(debate, _held(corpus), on) if debate else None
    since = _since(state, previous) if previous else None
    news = [*agenda, *(since.letters if since else [])] if debate else state.letters
    recent = list({s.letter.id: s for s in news}.values())
    ids = {s.letter.id for s in recent}
    timed = [(m, timing(m.fact.due, on)) for m in state.milestones]
    recent_past = add_months(on, -RECENTLY_OVERDUE_MONTHS)
    soon = [m for m, t in timed if t is Timing.SOON]
    past = [m for m, t in timed if t is Timing.PAST and m.fact.due.end >= recent_past]
    body = {id(m) for m in [*soon, *reversed(past)][:MILESTONES]}
    notes = corpus.notes.get(debate.id) if debate else None
    return Dossier(
        state=state,
        debate=debate,
        agenda=agenda,
        since=since,
        open_points=_open_points(state),
        parties=_parties(state, previous),
        milestones=[(m, t) for m, t in timed if id(m) in body],
        later=[
            (m, t)
            for m, t in timed
            if id(m) not in body and (t is not Timing.PAST or m.fact.due.end >= recent_past)
        ],
        soonest=[(m, t) for m, t in timed if t != Timing.PAST][:SOONEST],
        figures=[
            Stated(f, p, (*p.node_path, "figures", i))
            for s in (agenda or recent)
            for p in places(s)
            for i, f in enumerate(p.section.figures)
        ][:KEY_FIGURES],
        amounts=_latest_amounts([a for a in state.amounts if a.place.source.letter.id in ids]),
        notes=notes.notes if notes else None,
        recent=sorted(recent, key=lambda s: (s.letter.date, s.letter.id)),
        sectors=_sectors(state, {s.letter.id for s in agenda}, ids),
    )


def _held(corpus: Corpus) -> dict[str, Debate]:
    """The debates but those the Kamer's agenda has as moved or cancelled: never a previous
    debate to count changes from."""
    facts = corpus.kamer.facts.debates if corpus.kamer else []
    gone = {f.debate for f in facts if (f.status or "").lower() in NOT_HELD}
    return {key: debate for key, debate in corpus.debates.items() if key not in gone}


def _sectors(state: State, agenda: set[str], ids: set[str]) -> list[SectorState]:
    """The sectors and themes the letters ``ids`` report on, in the registry's order: at most
    :data:`SECTORS`, those the ``agenda`` reports on first, then those reported on last."""

    def rank(sector: SectorState) -> tuple[bool, dt.date] | None:
        places = [*sector.passages, *(e.place for e in sector.events)]
        days = [p.date for p in places if p.source.letter.id in ids]
        on_agenda = any(p.source.letter.id in agenda for p in places)
        return (on_agenda, max(days)) if days else None

    ranked = {key: order for key, sector in state.sectors.items() if (order := rank(sector))}
    kept = set(sorted(ranked, key=lambda key: ranked[key], reverse=True)[:SECTORS])
    return [sector for key, sector in state.sectors.items() if key in kept]


def _since(state: State, previous: Debate) -> Since:
    """The changes after the previous debate (in the last :data:`SINCE_MONTHS` at most); of
    a motion or commitment reported on more than once, its latest report."""
    after = max(previous.date, add_months(state.date, -SINCE_MONTHS))
    letters = [s for s in state.letters if s.letter.date > after]
    return Since(
        previous=previous,
        start=after,
        letters=letters,
        motion_updates=[
            (m, m.updates[-1])
            for m in state.motions.values()
            if m.updates and m.updates[-1].place.date > after
        ],
        commitment_updates=[
            (c, c.updates[-1])
            for c in state.commitments.values()
            if c.updates and c.updates[-1].place.date > after
        ],
        motions=[
            m
            for m in state.motions.values()
            if (day := motion_date(m)) is not None and day >= after
        ],
        commitments=[c for c in state.commitments.values() if c.debate.date >= after],
    )


def _latest_amounts(amounts: list[Stated[Amount]]) -> list[Stated[Amount]]:
    """Of the amounts given for one instrument, year and note, the one stated last."""
    latest: dict[tuple[str, int | None, bool, str | None], Stated[Amount]] = {}
    for stated in sorted(amounts, key=lambda a: a.place.date):
        fact = stated.fact
        latest[(fact.instrument, fact.year, fact.structural, fact.note)] = stated
    return list(latest.values())


def _open_points(state: State) -> list[OpenPoint]:
    """Commitments past their deadline first, then open commitments and motions not carried
    out, oldest first (those of unknown date last)."""
    on = state.date
    points = []
    for commitment in state.commitments.values():
        if commitment.is_open:
            deadline = commitment.deadline
            overdue = deadline is not None and deadline.end < on
            made = commitment.debate.date
            points.append(OpenPoint(commitment, made, months_between(made, on), overdue))
    for motion in state.motions.values():
        if to_carry_out(motion):
            day = motion_date(motion)
            points.append(OpenPoint(motion, day, months_between(day, on) if day else None, False))
    return sorted(points, key=lambda p: (not p.overdue, p.since is None, p.since or dt.date.min))


def party_of(name: str, motion: MotionState) -> str | None:
    """A submitter's party: as the content gives it, else as the Kamer's records do."""
    for submitter in motion.motion.submitters:
        if submitter.name == name and submitter.party:
            return submitter.party
    surname = name.removesuffix(" c.s.").strip().lower()
    if motion.record is not None:
        for submitter in motion.record.submitters:
            if submitter.name.lower() == surname and submitter.party:
                return submitter.party
    return None


def parties_of(motion: MotionState) -> list[str]:
    """The parties of a motion's submitters, in their order (the first submitter's first):
    as the content gives them, else as the Kamer's records do, which may name more members."""
    members = [s.name for s in motion.motion.submitters]
    if motion.record is not None and len(motion.record.submitters) > len(members):
        members = [s.name for s in motion.record.submitters]
    return list(dict.fromkeys(party for name in members if (party := party_of(name, motion))))


def _parties(state: State, previous: Debate | None) -> list[Party]:
    """Per party, the motions its members submitted and the commitments made to it: those
    still open or changed since the previous debate, the newest first, at most
    :data:`PARTY_ITEMS`; the others are counted (the annex lists them). Motions whose
    submitters' party neither the content nor the Kamer's records give come last, under
    :data:`UNKNOWN_PARTY`."""
    motions: dict[str, list[MotionState]] = {}
    commitments: dict[str, list[CommitmentState]] = {}
    for motion in state.motions.values():
        for party in parties_of(motion) or [UNKNOWN_PARTY]:
            motions.setdefault(party, []).append(motion)
    for commitment in state.commitments.values():
        for party in sorted({s.party for s in commitment.commitment.asked_by if s.party}):
            commitments.setdefault(party, []).append(commitment)
    after = previous.date if previous else None
    parties = []
    for name in sorted(motions.keys() | commitments.keys(), key=lambda n: (not n, n.lower())):
        items: list[MotionState | CommitmentState] = [
            *motions.get(name, []),
            *commitments.get(name, []),
        ]
        newest = sorted((i for i in items if _current(i, after)), key=_made, reverse=True)
        shown = newest[:PARTY_ITEMS]
        parties.append(Party(name, shown, len(items) - len(shown)))
    return parties


def _made(item: MotionState | CommitmentState) -> dt.date:
    """When a motion was submitted or a commitment made (the earliest day when unknown)."""
    if isinstance(item, CommitmentState):
        return item.debate.date
    return motion_date(item) or dt.date.min


def _current(item: MotionState | CommitmentState, after: dt.date | None) -> bool:
    """True for a motion or commitment still open, or reported on or made after ``after``."""
    still_open = item.is_open if isinstance(item, CommitmentState) else to_carry_out(item)
    if still_open or after is None:
        return still_open
    return _made(item) >= after or any(u.place.date > after for u in item.updates)
