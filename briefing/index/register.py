"""The register of motions and commitments on a date, in the form ministries use in their
budget annexes: what it is, where it was made, and where it stands (and since when).

The dossier's annex prints these entries one line each, and ``briefing export`` writes the
same entries as CSV or XLSX, so both follow one as-of rule: the state on the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.index.dossier import motion_date, parties_of
from briefing.index.state import CommitmentState, MotionState, Place, State, Submitted
from briefing.model import CommitmentStatus, MotionStatus
from briefing.types import FuzzyDate


@dataclass(frozen=True)
class Entry:
    """One motion or commitment as the register lists it."""

    kind: str  # "motie" or "toezegging"
    id: str
    #: Kamerstuk number of a motion, the register's number of a commitment (if linked).
    number: str | None
    #: Link to the motion's publication, if it has one.
    url: str | None
    #: Who: the motion's submitters as cited, or who the commitment was made to.
    who: str
    parties: list[str]
    text: str
    #: Where it was made: the debate, or the Kamerstuk's dossier.
    made_in: str
    made_on: dt.date | None
    deadline: FuzzyDate | None
    #: Its status on the date, as the letters give it ('ingediend' before a motion's vote).
    status: Submitted | MotionStatus | CommitmentStatus
    #: The day the status holds from: the letter that gave it, else the day it was made.
    status_on: dt.date | None
    #: The letter section that gave the status; None when no letter reported on it yet.
    settled: Place | None
    #: The Kamer's own word, where the records have one (the vote, the register's status).
    kamer: str | None
    #: The motion's Zaak in the Kamer's records, and the cabinet's appreciation of it.
    zaak: str | None = None
    appreciation: str | None = None
    #: The kind of debate a commitment was made in, e.g. 'algemeen overleg'.
    occasion: str | None = None


def register(state: State) -> list[Entry]:
    """Every motion and commitment known on the state's date: motions by Kamerstuk number,
    then commitments by the day they were made."""
    motions = sorted(
        state.motions.values(),
        key=lambda m: (
            m.motion.kamerstuk.dossier,
            m.motion.kamerstuk.suffix or "",
            m.motion.kamerstuk.number,
        ),
    )
    commitments = sorted(state.commitments.values(), key=lambda c: (c.debate.date, c.commitment.id))
    return [*(_motion(m) for m in motions), *(_commitment(c) for c in commitments)]


def _motion(state: MotionState) -> Entry:
    motion, record, latest = (
        state.motion,
        state.record,
        state.updates[-1] if state.updates else None,
    )
    vote = None
    if record is not None and record.result:
        counted = (
            f", {record.votes_for}-{record.votes_against}"
            if record.votes_for is not None and record.votes_against is not None
            else ""
        )
        vote = f"{record.result}{counted}"
    return Entry(
        kind="motie",
        id=motion.id,
        number=str(motion.kamerstuk),
        url=motion.kamerstuk.url,
        who=motion.cited_as,
        parties=parties_of(state),
        text=motion.request,
        made_in=f"Kamerstuk {motion.kamerstuk.dossier_display}",
        made_on=motion_date(state),
        deadline=None,
        status=state.status,
        status_on=latest.place.date
        if latest
        else state.adopted_on
        if state.adopted
        else motion_date(state),
        settled=latest.place if latest else None,
        kamer=vote,
        zaak=record.zaak if record else None,
        appreciation=record.appreciation if record else None,
    )


def _commitment(state: CommitmentState) -> Entry:
    commitment, record, latest = state.commitment, state.record, state.latest
    return Entry(
        kind="toezegging",
        id=commitment.id,
        number=record.toezegging if record else None,
        url=None,
        who=", ".join(s.name for s in commitment.asked_by),
        parties=sorted({s.party for s in commitment.asked_by if s.party}),
        text=commitment.text,
        made_in=state.debate.title,
        made_on=state.debate.date,
        deadline=state.deadline,
        status=state.status,
        status_on=latest.place.date if latest else state.debate.date,
        settled=latest.place if latest else None,
        kamer=record.status if record and record.status else None,
        occasion=str(state.debate.kind),
    )
