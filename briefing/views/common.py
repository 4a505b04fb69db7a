"""View pieces shared by briefings and sector summaries: source links, statuses, numbers.

Every row of a report points back to the letter section it came from. Links are
relative, from a report in ``OUT/briefings/`` or ``OUT/sectors/`` to the letter PDFs
in ``OUT/letters/``, and name the section's destination in that PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal
from markupsafe import Markup

from briefing.checks import name_pattern
from briefing.corpus import LetterSource
from briefing.dates import dutch_date
from briefing.inline import render_inline
from briefing.model import (
    CommitmentStatus,
    Figure,
    Letter,
    MotionStatus,
    SectorStatus,
)
from briefing.state import Place, SectorState, Timing
from briefing.types import FuzzyDate

#: Page of each anchor in each letter's PDF: letter id -> anchor -> page number.
PageMap = dict[str, dict[str, int]]

#: Where reports find the letter PDFs, relative to their own folder.
LETTERS_HREF = "../letters"


@dataclass(frozen=True)
class SourceLink:
    """A reference to a letter section, as printed and as a link."""

    letter_date: str
    section: Markup
    page: int | None
    href: str

    @property
    def label(self) -> str:
        """Short form for table cells: ``brief 13 november 2018, p. 3``."""
        page = f", p. {self.page}" if self.page else ""
        return f"brief {self.letter_date}{page}"


@lru_cache(maxsize=2**16)
def inline(text: str) -> Markup:
    """A content string as safe HTML, footnote calls dropped (:func:`render_inline`).

    Remembered per text (the most recent ones, so that a long ``watch`` stays small): every
    briefing prints again the motions, commitments, milestones and key points of all the
    letters before it.
    """
    return render_inline(text)


def fuzzy_date_text(date: FuzzyDate) -> str:
    """A date as the letter wrote it; an exact date typed as ``2018-11-13`` in Dutch."""
    if date.start == date.end and str(date) == date.start.isoformat():
        return dutch_date(date.start)
    return str(date)


def section_title(place: Place) -> Markup:
    """The section's heading as safe HTML; the opening paragraphs are called 'Inleiding'."""
    heading = place.section.heading
    return inline(heading) if heading else Markup("Inleiding")


def letter_href(letter: Letter, anchor: str | None = None) -> str:
    """The relative link to a letter's PDF, or to an anchor in it."""
    href = f"{LETTERS_HREF}/{letter.id}.pdf"
    return f"{href}#{anchor}" if anchor else href


def source_link(place: Place, pages: PageMap) -> SourceLink:
    """Where ``place`` is: letter date, section heading, page in the letter's PDF, link."""
    letter = place.source.letter
    return SourceLink(
        dutch_date(letter.date),
        section_title(place),
        pages.get(letter.id, {}).get(place.anchor),
        letter_href(letter, place.anchor),
    )


@dataclass(frozen=True)
class StatusView:
    """A status as a word, with a tone that colours a marker beside it (never the only cue)."""

    word: str
    tone: str  # done | partly | overdue | open


_TONES: dict[str, str] = {
    MotionStatus.AANGENOMEN: "open",
    MotionStatus.IN_UITVOERING: "partly",
    MotionStatus.DEELS_UITGEVOERD: "partly",
    MotionStatus.UITGEVOERD: "done",
    CommitmentStatus.OPENSTAAND: "open",
    CommitmentStatus.DEELS_VOLDAAN: "partly",
    CommitmentStatus.VOLDAAN: "done",
    CommitmentStatus.VERVALLEN: "done",
    SectorStatus.VERKENNING: "open",
    SectorStatus.ONDERHANDELING: "partly",
    SectorStatus.ONDERTEKEND: "done",
    SectorStatus.BEEINDIGD: "done",
    Timing.PAST: "overdue",
    Timing.SOON: "partly",
    Timing.LATER: "open",
}


def status_view(status: MotionStatus | CommitmentStatus | SectorStatus | Timing) -> StatusView:
    """The printed form of a status."""
    return StatusView(str(status), _TONES[status])


def dutch_number(value: Decimal | int) -> str:
    """A number in Dutch notation: ``8,3``, ``1.250``."""
    return _dutch_number(type(value), str(value))


@lru_cache(maxsize=2**12)
def _dutch_number(kind: type[Decimal | int], text: str) -> str:
    # Remembered by type and exact text (which give the value back), so that only the very
    # same number shares a result.
    return format_decimal(kind(text), locale="nl_NL")


def money(euros: Decimal) -> str:
    """An amount as letters write it: ``8,3 miljoen euro``, ``250.000 euro``."""
    if euros >= 1_000_000_000:
        return f"{dutch_number(euros / 1_000_000_000)} miljard euro"
    if euros >= 1_000_000:
        return f"{dutch_number(euros / 1_000_000)} miljoen euro"
    return f"{dutch_number(euros)} euro"


def figure_value(figure: Figure) -> str:
    """A figure with its unit: ``79 merken``, ``45 %``."""
    number = dutch_number(figure.value)
    if not figure.unit:
        return number
    return f"{number} {figure.unit}"


@dataclass(frozen=True)
class Cover:
    """A report's cover: document type in large type, title, labelled facts, ministry."""

    doctype: str
    title: str
    facts: list[tuple[str, str]]
    ministry: str


def letters_count(count: int) -> str:
    """``1 Kamerbrief``, ``2 Kamerbrieven``."""
    return f"{count} Kamerbrie{'f' if count == 1 else 'ven'}"


def letters_fact(letters: list[LetterSource], on: dt.date) -> str:
    """The sources of a report, for its cover: ``2 Kamerbrieven tot en met 7 april 2022``."""
    return f"{letters_count(len(letters))} tot en met {dutch_date(on)}"


def signed_on(state: SectorState) -> str | None:
    """When the sector's convenant was signed, as the letter says; None when it was not."""
    signed = state.signed
    if signed is None:
        return None
    return fuzzy_date_text(signed.fact.date) if signed.fact.date else "datum niet genoemd"


def ministry_of(letters: list[LetterSource]) -> str:
    """The ministry that sent the latest of ``letters``."""
    return letters[-1].letter.sender.ministry


@dataclass(frozen=True)
class Point:
    """A line of text with the letter section it comes from."""

    text: Markup
    source: SourceLink


def latest_development(state: SectorState, pages: PageMap) -> Point | None:
    """The newest thing the letters said about a sector, taken from the latest letter about it.

    In order of preference: the first key point of a passage whose heading names the sector;
    a status note the letter gives for it; the first key point (or else the heading) of the
    passage most specific to it, the one attached to the fewest sectors.
    """
    dates = [p.date for p in state.passages] + [e.place.date for e in state.events]
    if not dates:
        return None
    latest = max(dates)
    passages = [p for p in state.passages if p.date == latest]
    names = name_pattern(state.sector)
    for place in passages:
        if place.section.heading and names.search(place.section.heading) and place.section.summary:
            return Point(inline(place.section.summary[0]), source_link(place, pages))
    notes = [e for e in state.events if e.place.date == latest and e.fact.note]
    if notes:
        return Point(inline(notes[-1].fact.note or ""), source_link(notes[-1].place, pages))
    place = min(reversed(passages), key=lambda p: len(p.section.sectors))
    link = source_link(place, pages)
    text = inline(place.section.summary[0]) if place.section.summary else link.section
    return Point(text, link)
