"""How reports print values: numbers, money, dates, statuses, covers, inline text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal
from markupsafe import Markup

from briefing.dates import dutch_date, fuzzy_date_text
from briefing.index.state import SectorState, Submitted, Timing
from briefing.inline import render_inline
from briefing.model import CommitmentStatus, Figure, MotionStatus, SectorStatus
from briefing.sources import LetterSource


@lru_cache(maxsize=2**16)
def inline(text: str) -> Markup:
    """A content string as safe HTML, footnote calls dropped (:func:`render_inline`).

    Remembered per text (the most recent ones, so that a long ``watch`` stays small): every
    briefing prints again the motions, commitments, milestones and key points of all the
    letters before it.
    """
    return render_inline(text)


@dataclass(frozen=True)
class StatusView:
    """A status as a word, with a tone that colours a marker beside it (never the only cue)."""

    word: str
    tone: str  # done | partly | overdue | open


_TONES: dict[str, str] = {
    Submitted.INGEDIEND: "open",
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


def status_view(
    status: Submitted | MotionStatus | CommitmentStatus | SectorStatus | Timing,
) -> StatusView:
    """The printed form of a status."""
    return StatusView(str(status), _TONES[status])


def dutch_number(value: Decimal | int) -> str:
    """A number in Dutch notation: ``8,3``, ``1.250``."""
    return _dutch_number(isinstance(value, Decimal), str(value))


@lru_cache(maxsize=2**12)
def _dutch_number(decimal: bool, text: str) -> str:
    # Remembered by type and exact text (which give the value back), so that only the very
    # same number shares a result.
    return format_decimal(Decimal(text) if decimal else int(text), locale="nl_NL")


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


def short(text: str, words: int) -> str:
    """``text`` cut to its first ``words`` words, with an ellipsis where it was cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
