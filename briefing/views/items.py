"""How dossiers print motions and commitments: in one line, as open points, as register rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from briefing.dates import dutch_date, fuzzy_date_text
from briefing.index.dossier import OpenPoint
from briefing.index.register import Entry
from briefing.index.state import CommitmentState, MotionState
from briefing.model import CommitmentStatus
from briefing.views.format import StatusView, inline, short, status_view
from briefing.views.links import Pages, SourceLink
from briefing.views.links import source_link as link_to

#: Words of a commitment's text where a row names it.
ITEM_WORDS = 16
#: Words of a motion's request or a commitment's text on its line of the annex.
ANNEX_WORDS = 10
#: How a motion's request opens; the annex leaves it out, as every request says it.
_REQUEST_OPENING = re.compile(
    r"^\s*verzoekt\s+(?:de\s+regering|het\s+kabinet|de\s+minister\w*)\s*,?\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Item:
    """A motion or commitment in one line: what it is, where it stands, where that is said."""

    kind: str
    text: Markup
    status: StatusView
    source: SourceLink | None
    note: str = ""


@dataclass(frozen=True)
class OpenRow:
    """An open point: what, since when, how long, deadline, status."""

    kind: str
    text: Markup
    made: str
    age: str
    deadline: str
    status: StatusView
    source: SourceLink | None


@dataclass(frozen=True)
class AnnexRow:
    """A motion or commitment as the register lists it: Omschrijving, Vindplaats, Stand."""

    kind: str
    description: Markup
    where: str
    where_href: str | None
    status: StatusView
    #: Since when the letters have not reported on it ('' where :attr:`source` did).
    status_text: str
    source: SourceLink | None
    #: Its deadline and what the Kamer's records say, where known.
    remarks: str = ""


def motion_text(motion: MotionState) -> Markup:
    return Markup("Motie {} ({})").format(motion.motion.cited_as, str(motion.motion.kamerstuk))


def commitment_text(commitment: CommitmentState) -> Markup:
    return Markup("Toezegging: {}").format(inline(short(commitment.commitment.text, ITEM_WORDS)))


def motion_item(motion: MotionState, pages: Pages) -> Item:
    latest = motion.updates[-1] if motion.updates else None
    source = link_to(latest.place, pages) if latest else None
    return Item("Motie", motion_text(motion), status_view(motion.status), source)


def commitment_item(commitment: CommitmentState, pages: Pages) -> Item:
    latest = commitment.latest
    source = link_to(latest.place, pages) if latest else None
    return Item("Toezegging", commitment_text(commitment), status_view(commitment.status), source)


def months(count: int | None) -> str:
    if count is None:
        return "onbekend"
    if count == 0:
        return "minder dan een maand"
    return f"{count} maand" if count == 1 else f"{count} maanden"


def open_row(point: OpenPoint, pages: Pages) -> OpenRow:
    item = point.item
    made = dutch_date(point.since) if point.since else "onbekend"
    if isinstance(item, CommitmentState):
        deadline = fuzzy_date_text(item.deadline) if item.deadline else "geen"
        status = status_view(item.status)
        if point.overdue:  # what was done (partly met) stays said beside the deadline
            partly = "" if item.status is CommitmentStatus.OPENSTAAND else f"{item.status}, "
            status = StatusView(f"{partly}termijn verstreken", "overdue")
        latest = item.latest
        return OpenRow(
            "Toezegging",
            commitment_text(item),
            f"{item.debate.title}, {made}",
            months(point.months),
            deadline,
            status,
            link_to(latest.place, pages) if latest else None,
        )
    latest_motion = item.updates[-1] if item.updates else None
    return OpenRow(
        "Motie",
        motion_text(item),
        made,
        months(point.months),
        "—",
        status_view(item.status),
        link_to(latest_motion.place, pages) if latest_motion else None,
    )


def annex_row(entry: Entry, pages: Pages) -> AnnexRow:
    """One line of the register: what it is, where it is found, where it stands since when."""
    who = f"{entry.who} ({', '.join(entry.parties)})" if entry.parties else entry.who
    if entry.kind == "motie":
        request = _REQUEST_OPENING.sub("", entry.text, count=1)
        description = Markup("<strong>Motie {}</strong>: {}").format(
            who, inline(short(request, ANNEX_WORDS))
        )
        zaak = f"; zaak {entry.zaak}" if entry.zaak else ""
        where = f"{(entry.number or '').removeprefix('Kamerstuk ')}{zaak}"
    else:
        asked = f" ({who})" if who else ""
        description = Markup("<strong>Toezegging</strong>{}: {}").format(
            asked, inline(short(entry.text, ANNEX_WORDS))
        )
        register = f"; register {entry.number}" if entry.number else ""
        occasion = entry.occasion or entry.made_in
        occasion = occasion[:1].upper() + occasion[1:]
        where = f"{occasion}, {dutch_date(entry.made_on)}" if entry.made_on else occasion
        where += register
    status = status_view(entry.status)
    if entry.settled is not None:
        said = ""
    else:
        since = f"op {dutch_date(entry.status_on)}, " if entry.status_on else ""
        said = f"{since}nog niet gemeld"
    deadline = f"; termijn {fuzzy_date_text(entry.deadline)}" if entry.deadline else ""
    kamer = f"; Kamer: {entry.kamer}" if entry.kamer else ""
    if entry.appreciation:
        kamer += f"; appreciatie: {entry.appreciation}"
    return AnnexRow(
        entry.kind,
        description,
        where,
        entry.url,
        status,
        said,
        link_to(entry.settled, pages) if entry.settled else None,
        f"{deadline}{kamer}".removeprefix("; "),
    )
