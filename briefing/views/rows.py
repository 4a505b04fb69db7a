"""Table rows that briefings and sector summaries share: motions, commitments, milestones.

Both documents print these tables the same way (``templates/tables.html``), so both
build their rows here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from briefing.dates import dutch_date
from briefing.index.state import CommitmentState, MotionState, Stated, Timing
from briefing.model import Milestone
from briefing.views.format import StatusView, fuzzy_date_text, inline, status_view
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


@dataclass(frozen=True)
class CommitmentRow:
    """One commitment: what, where and when made, deadline, status, where fulfilled."""

    text: Markup
    debate: str
    made_on: str
    deadline: str | None
    status: StatusView
    follow_up: list[Point]


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
        motion.cited_as,
        str(motion.kamerstuk),
        motion.kamerstuk.url,
        dutch_date(motion.adopted) if motion.adopted else None,
        inline(motion.request),
        status_view(state.status),
        follow_up,
    )


def commitment_row(state: CommitmentState, pages: Pages) -> CommitmentRow:
    """A commitment's row, with every letter that reported on it."""
    commitment = state.commitment
    return CommitmentRow(
        inline(commitment.text),
        state.debate.title,
        dutch_date(state.debate.date),
        fuzzy_date_text(commitment.deadline) if commitment.deadline else None,
        status_view(state.status),
        _notes(state.updates, pages),
    )


def milestone_row(
    stated: Stated[Milestone], timing: Timing, sector_names: str, pages: Pages
) -> MilestoneRow:
    """A milestone's row; ``timing`` is where it stands on the document's date."""
    return MilestoneRow(
        fuzzy_date_text(stated.fact.due),
        inline(stated.fact.what),
        sector_names,
        status_view(timing),
        source_link(stated.place, pages),
    )
