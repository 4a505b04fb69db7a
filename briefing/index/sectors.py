"""Rules about sectors: the names letters use for them, their latest development, open points.

The views print what these rules choose; they do not choose themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.index.state import (
    CommitmentState,
    MotionState,
    Place,
    SectorState,
    Stated,
    Timing,
    timing,
)
from briefing.model import Milestone, MotionStatus, Sector


def name_pattern(sector: Sector) -> re.Pattern[str]:
    """A pattern that finds the sector's name or one of its aliases as whole words."""
    names = sorted({sector.name, *sector.aliases}, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Development:
    """The newest thing the letters said about a sector, and where.

    ``text`` is a key point or a status note as the letter's author wrote it; when it is
    None, the section's heading says it.
    """

    place: Place
    text: str | None


def latest_development(state: SectorState) -> Development | None:
    """The newest thing the letters said about a sector, taken from the latest letter about it.

    In order of preference: the first key point of a passage whose heading names the sector;
    a status note the letter gives for it; the first key point (or else the heading) of the
    passage most specific to it, the one attached to the fewest sectors (or, where the
    letter gives the sector's status in a section not about it, of that section).
    """
    dates = [p.date for p in state.passages] + [e.place.date for e in state.events]
    if not dates:
        return None
    latest = max(dates)
    passages = [p for p in state.passages if p.date == latest]
    names = name_pattern(state.sector)
    for place in passages:
        heading, summary = place.section.heading, place.section.summary
        if heading and names.search(heading) and summary:
            return Development(place, summary[0])
    notes = [e for e in state.events if e.place.date == latest and e.fact.note]
    if notes:
        return Development(notes[-1].place, notes[-1].fact.note)
    places = passages or [e.place for e in state.events if e.place.date == latest]
    place = min(reversed(places), key=lambda p: len(p.section.sectors))
    return Development(place, place.section.summary[0] if place.section.summary else None)


@dataclass(frozen=True)
class OpenPoints:
    """What is still to be done for a sector on a date."""

    motions: list[MotionState]
    commitments: list[CommitmentState]
    milestones: list[tuple[Stated[Milestone], Timing]]


def open_points(state: SectorState, on: dt.date) -> OpenPoints:
    """Motions not carried out, commitments not met, milestones not yet past on ``on``."""
    timed = [(m, timing(m.fact.due, on)) for m in state.milestones]
    return OpenPoints(
        [m for m in state.motions if m.status is not MotionStatus.UITGEVOERD],
        [c for c in state.commitments if c.is_open],
        [(m, when) for m, when in timed if when is not Timing.PAST],
    )
