"""Table rows that briefings and sector summaries share: motions, commitments, milestones.

Both documents print these tables the same way (``templates/tables.html``), so both
build their rows here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from briefing.dates import dutch_date, fuzzy_date_text
from briefing.index.dossier import party_of
from briefing.index.state import CommitmentState, MotionState, Stated, Timing
from briefing.model import Milestone
from briefing.views.format import StatusView, inline, short, status_view
from briefing.views.links import Pages, Point, SourceLink, source_link


@dataclass(frozen=True)
class MotionRow:
    """One motion: who, which Kamerstuk, what it asks, status, where it was followed up."""

    submitters: str
    kamerstuk: str
    url: str
    adopted: str | None
    request: Markup
    status: StatusView
    follow_up: list[Point]
    #: What the Kamer's records add: the Zaak and submission, appreciation, vote.
    record: list[str]


@dataclass(frozen=True)
class CommitmentRow:
    """One commitment: what, where and when made, deadline, status, where fulfilled."""

    text: Markup
    debate: str
    made_on: str
    deadline: str | None
    status: StatusView
    follow_up: list[Point]
    #: What the Kamer's register adds: its number and status.
    record: list[str]


@dataclass(frozen=True)
class MilestoneRow:
    """An announced milestone with its timing relative to the document's date."""

    due: str
    what: Markup
    sectors: str
    timing: StatusView
    source: SourceLink


def _notes(updates: list, pages: Pages) -> list[Point]:
    return [
        Point(inline(u.fact.note) if u.fact.note else Markup(""), source_link(u.place, pages))
        for u in updates
    ]


def motion_row(state: MotionState, pages: Pages) -> MotionRow:
    """A motion's row; its follow-ups, or else the places that mention it."""
    motion = state.motion
    follow_up = _notes(state.updates, pages) or [
        Point(Markup("Genoemd"), source_link(p, pages)) for p in state.mentions
    ]
    return MotionRow(
        _submitters(state),
        str(motion.kamerstuk),
        motion.kamerstuk.url,
        dutch_date(motion.adopted) if motion.adopted else None,
        inline(motion.request),
        status_view(state.status),
        follow_up,
        _motion_record(state),
    )


def _submitters(state: MotionState) -> str:
    """The motion as cited, with its submitter's party: ``Becker (VVD) c.s.``."""
    motion = state.motion
    first = motion.submitters[0].name.removesuffix(" c.s.")
    party = party_of(motion.submitters[0].name, state)
    cited = f"{first} ({party})" if party else first
    more = len(motion.submitters) > 1 or motion.submitters[0].name.endswith(" c.s.")
    return f"{cited} c.s." if more else cited


def _motion_record(state: MotionState) -> list[str]:
    record = state.record
    if record is None:
        return []
    facts = [f"zaak {record.zaak}"]
    if record.submitted:
        facts.append(f"ingediend {dutch_date(record.submitted)}")
    if record.appreciation:
        facts.append(f"appreciatie: {record.appreciation}")
    if record.result:
        counted = (
            f", {record.votes_for}-{record.votes_against}"
            if record.votes_for is not None and record.votes_against is not None
            else ""
        )
        voted = f" ({dutch_date(record.voted_on)})" if record.voted_on else ""
        facts.append(f"stemming: {record.result}{counted}{voted}")
    return facts


def commitment_row(state: CommitmentState, pages: Pages) -> CommitmentRow:
    """A commitment's row, with every letter that reported on it."""
    commitment = state.commitment
    record = state.record
    return CommitmentRow(
        inline(commitment.text),
        state.debate.title,
        dutch_date(state.debate.date),
        fuzzy_date_text(state.deadline) if state.deadline else None,
        status_view(state.status),
        _notes(state.updates, pages),
        [f"register {record.toezegging}"]
        + ([f"volgens de Kamer: {record.status}"] if record.status else [])
        if record
        else [],
    )


def milestone_row(
    stated: Stated[Milestone],
    timing: Timing,
    sector_names: str,
    pages: Pages,
    words: int | None = None,
) -> MilestoneRow:
    """A milestone's row; ``timing`` is where it stands on the document's date. With
    ``words``, what is due is cut to that many words (for a line of an annex)."""
    what = stated.fact.what
    return MilestoneRow(
        fuzzy_date_text(stated.fact.due),
        inline(short(what, words) if words else what),
        sector_names,
        status_view(timing),
        source_link(stated.place, pages),
    )
