"""Proposing the amounts and milestones a letter's sentences give, for review.

- Amounts: "7 miljoen euro in 2018 en 2019" becomes an amount per year, its instrument the
  fund named before it or in its sentence, else what it is "voor"; thresholds ("meer dan
  20 miljoen euro") are not amounts.
- Milestones: a sentence about the future ("zal", "streeft", "gepland", ...) with a date such
  as "najaar 2019", "maart 2020" or "in 2023" becomes a milestone due then, with the sectors
  it names.

Both are guesses: each section that gets one carries a ``# TODO review:`` comment.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from briefing.importing.parsed import DraftSection, Paragraph
from briefing.importing.text import MONTH_RE, collapse, plain, sentence_before, sentences
from briefing.types import FuzzyDate

_AMOUNT_RE = re.compile(
    r"(?:(?:€|EUR)\s*)?(?<![\d,.])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*"
    r"(miljoen|miljard|duizend|mln\.?|mld\.?)?\s*(?:euro\b|EUR\b)"
    r"|(?:€|EUR)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(miljoen|miljard|mln\.?|mld\.?)?",
)
_BOUND_RE = re.compile(r"(?:meer|minder) dan\s*$|ten ?minste\s*$|maximaal\s*$|ruim\s*$")
_MULTIPLIERS = {"duizend": 1_000, "miljoen": 1_000_000, "mln": 1_000_000, "miljard": 10**9}
_YEARS_AFTER_RE = re.compile(r"^\s*(?:in|voor)\s+(\d{4})(?:\s+en\s+(\d{4}))?\b")
_STRUCTURAL_RE = re.compile(r"^\s*structureel(?:\s+vanaf\s+(\d{4}))?")
_FUND_RE = re.compile(r"\b(Fonds(?: [A-Z][\w-]*)+|[A-Z][\w-]*fonds)\b")
_FOR_RE = re.compile(r"\bvoor (?:de |het )?([A-Z][\w-]+(?: [A-Z][\w-]+)?)")
_PERIOD_RE = re.compile(
    r"\b(?:het |de )?(begin|voorjaar|zomer|najaar|eind|einde|medio|eerste helft|tweede helft)"
    r"(?: van)? ((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_MONTH_YEAR_RE = re.compile(rf"(?<!\d )\b({MONTH_RE}) ((?:19|20)\d{{2}})\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:in|vanaf|per|voor|tot) ((?:19|20)\d{2})\b(?! en \d)")
_FUTURE_RE = re.compile(
    r"\b(?:zal|zullen|gaat|gaan|streeft|streven|gepland|verwacht|verwachting|ambitie|"
    r"doelstelling|voornemen|beoogd|beoogt|gereed|volgt|komend|komende)\b",
    re.IGNORECASE,
)


def propose_amounts(section: DraftSection, paragraph: Paragraph) -> None:
    """Add to ``section`` the amounts of money ``paragraph`` gives ("7 miljoen euro in 2018
    en 2019"), with the instrument and years guessed, for review."""
    text = plain(paragraph.text)
    for match in _AMOUNT_RE.finditer(text):
        if _BOUND_RE.search(text[max(0, match.start() - 15) : match.start()]):
            continue  # "meer dan 20 miljoen euro": a threshold, not money spent
        euros = _euros(match)
        if euros is None:
            continue
        after = text[match.end() : match.end() + 60]
        instrument = _instrument(section, text, match.start(), match.end())
        excerpt = _excerpt(text, match.start(), match.end())
        for amount in _amount_years(euros, instrument, after):
            section.amounts.append(amount)
        section.comment(
            "amounts",
            f"'{match[0].strip()}': instrument and year are guessed from \"{excerpt}\"",
        )


def _instrument(section: DraftSection, text: str, start: int, end: int) -> str:
    """What an amount is for: a fund named before it or in its sentence, or a purpose."""
    funds = list(_FUND_RE.finditer(text[:start]))
    if funds:
        return funds[-1][1]
    rest = re.split(r"(?<=[.?!])\s", text[end:], maxsplit=1)[0]
    if fund := _FUND_RE.search(rest):
        return fund[1]
    purpose = list(_FOR_RE.finditer(sentence_before(text, start)))
    if purpose:
        return purpose[-1][1]
    return (section.heading or "zie de brief")[:200]


def propose_milestones(
    section: DraftSection,
    paragraph: Paragraph,
    date: dt.date,
    sector_patterns: dict[str, re.Pattern[str]],
) -> None:
    """Add to ``section`` the milestones ``paragraph`` announces: a sentence about the future
    with a date such as "najaar 2019" (not yet past on the letter's ``date``), with the
    sectors it names, for review."""
    for sentence in sentences(plain(paragraph.text)):
        if not _FUTURE_RE.search(sentence):
            continue
        for due in _dues(sentence):
            try:
                period = FuzzyDate.parse(due)
            except ValueError:
                continue
            if period.end < date:
                continue
            sectors = [sid for sid, pattern in sector_patterns.items() if pattern.search(sentence)]
            milestone: dict[str, Any] = {"what": sentence, "due": due}
            if sectors:
                milestone["sectors"] = sectors
            if all(m["what"] != sentence or m["due"] != due for m in section.milestones):
                section.milestones.append(milestone)
    if section.milestones:
        section.comment(
            "milestones",
            "proposed from sentences about the future with a date; shorten 'what' and "
            "remove what is not a milestone",
        )


def _excerpt(text: str, start: int, end: int, radius: int = 50) -> str:
    """The words around ``text[start:end]``, within its sentence, with '...' where cut."""
    head = sentence_before(text, start)
    tail = re.split(r"(?<=[.?!])\s", text[end:], maxsplit=1)[0]
    if len(head) > radius:
        head = "..." + head[-radius:].split(" ", 1)[-1]
    if len(tail) > radius:
        tail = tail[:radius].rsplit(" ", 1)[0] + "..."
    return collapse(head + text[start:end] + tail)


def _euros(match: re.Match[str]) -> Decimal | None:
    whole, fraction, unit = (
        (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    )
    try:
        value = Decimal(whole.replace(".", "") + (f".{fraction}" if fraction else ""))
    except (InvalidOperation, AttributeError):
        return None
    multiplier = _MULTIPLIERS.get((unit or "").rstrip(".").replace("mld", "miljard"), 1)
    euros = value * multiplier
    if euros <= 0 or euros >= Decimal(10) ** 15:
        return None
    return euros.quantize(Decimal(1)) if euros == euros.to_integral_value() else euros


def _amount_years(euros: Decimal, instrument: str, after: str) -> list[dict[str, Any]]:
    base: dict[str, Any] = {"euros": euros, "instrument": instrument}
    if structural := _STRUCTURAL_RE.match(after):
        year = int(structural[1]) if structural[1] else None
        return [{**base, **({"year": year} if year else {}), "structural": True}]
    if years := _YEARS_AFTER_RE.match(after):
        return [{**base, "year": int(y)} for y in (years[1], years[2]) if y]
    return [base]


def _dues(sentence: str) -> list[str]:
    """The dates in a sentence as a milestone's ``due``: "najaar 2019", "maart 2020", "2023"."""
    dues: list[str] = []
    covered: list[tuple[int, int]] = []
    for match in _PERIOD_RE.finditer(sentence):
        qualifier = match[1].lower()
        due = f"{qualifier} van {match[2]}" if "helft" in qualifier else f"{qualifier} {match[2]}"
        dues.append(due)
        covered.append(match.span())
    for match in _MONTH_YEAR_RE.finditer(sentence):
        if not any(s <= match.start() < e for s, e in covered):
            dues.append(f"{match[1].lower()} {match[2]}")
            covered.append(match.span())
    for match in _YEAR_RE.finditer(sentence):
        if not any(s <= match.start(1) < e for s, e in covered):
            dues.append(match[1])
    return list(dict.fromkeys(dues))
