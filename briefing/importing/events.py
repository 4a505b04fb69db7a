"""Proposing the sector events and key figures a letter gives, with the sentences they come from.

Sector events: a sentence that names a sector of the section and says where its convenant
stands gives an event, dated by the date nearest to the sector's name in that sentence:

- signed: "is in juli 2016 afgesloten", "werd ondertekend op 29 juni 2018", "volgde";
- ended: "is beëindigd", "liep af", "stopgezet";
- in negotiation: "onderhandelingen", or signing as an aim ("streven ernaar ... te
  ondertekenen");
- in exploration: "verkennende fase", "wordt verkend".

Key figures: a number (in digits or words) followed by what it counts ("79 merken", "45
procent", "zeven convenanten"), not a date, an amount of money, a paper's number or the number
of a part of a text ("artikel 7", "bijlage 2"). Figures are many and their labels rough, so
every figure is proposed commented out, for an author to keep the few that matter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.importing.parsed import DraftSection, Proposal, Sentence
from briefing.importing.text import MONTH_RE
from briefing.index.sectors import name_pattern
from briefing.sources import Corpus

_SIGNED_RE = re.compile(
    r"\b(?:is|zijn|werd|werden|wordt)\b(?:\s+[\w()'-]+){0,6}?\s+(?:ondertekend|afgesloten|getekend)\b"
    r"|\b(?:ondertekend|afgesloten|getekend)\s+(?:op|in)\s+\d|\bvolgde\b",
    re.IGNORECASE,
)
_ENDED_RE = re.compile(
    r"\b(?:beëindigd|liep af|loopt af|afgelopen|stopgezet|opgezegd|geëindigd)\b", re.IGNORECASE
)
_NEGOTIATING_RE = re.compile(
    r"\bonderhandel\w*|\bstreven\b[^.]{0,80}\b(?:te ondertekenen|ondertekening|af te sluiten)\b",
    re.IGNORECASE,
)
_EXPLORING_RE = re.compile(r"\bverkennende fase\b|\bverkenning\b|\bwordt verkend\b", re.IGNORECASE)
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}\s+)?(?:{MONTH_RE})\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:begin|voorjaar|zomer|najaar|eind)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "honderd": 100,
}  # fmt: skip
_FIGURE_RE = re.compile(
    r"(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+(procent\b|%|(?:[a-zë]+\s+){0,2}?[a-zë-]{3,}(?:en|s|ten)\b)",
    re.IGNORECASE,
)
_NOT_COUNTED_RE = re.compile(
    rf"^(?:{MONTH_RE}|euro|miljoen|miljard|jaar|jaren|maanden|weken|dagen|uur|minuten|nr)\b",
    re.IGNORECASE,
)
#: A number after these words names a part of a text, not a count ("artikel 7 hoorzitting",
#: "bijlage 2 tabellen").
_PART_BEFORE_RE = re.compile(
    r"\b(?:artikel|art\.|hoofdstuk|paragraaf|bijlage|lid|nummer|nr\.|agendapunt)\s*$",
    re.IGNORECASE,
)
_TARGET_RE = re.compile(r"\b(?:doelstelling|doel|ambitie|streven|streeft|beoogd)\b", re.IGNORECASE)


def propose_events(section: DraftSection, found: list[Sentence], corpus: Corpus) -> None:
    """Add the sector events the section's sentences give, one per sector and status."""
    seen: set[tuple[str, str]] = set()
    patterns = {s: name_pattern(corpus.sectors[s]) for s in section.sectors if s in corpus.sectors}
    for sentence in found:
        status = _status(sentence.text)
        if status is None:
            continue
        for sector_id, pattern in patterns.items():
            mention = pattern.search(sentence.text)
            if mention is None or (sector_id, status) in seen:
                continue
            seen.add((sector_id, status))
            data: dict[str, Any] = {"sector": sector_id, "status": status}
            if status in ("ondertekend", "beëindigd"):
                day = _nearest_date(sentence.text, mention.start())
                if day:
                    data["date"] = day
            evidence = [(sentence.line, sentence.text)]
            section.proposals.append(Proposal("sector_events", data, evidence, True))


def _status(text: str) -> str | None:
    if _ENDED_RE.search(text):
        return "beëindigd"
    if _NEGOTIATING_RE.search(text):
        return "onderhandeling"
    if _SIGNED_RE.search(text):
        return "ondertekend"
    if _EXPLORING_RE.search(text):
        return "verkenning"
    return None


def _nearest_date(text: str, position: int) -> str | None:
    dates = list(_DATE_RE.finditer(text))
    if not dates:
        return None
    nearest = min(dates, key=lambda m: min(abs(m.start() - position), abs(m.end() - position)))
    return nearest[0].lower()


def propose_figures(section: DraftSection, found: list[Sentence], date: dt.date) -> None:
    """Add the counts and shares the section's sentences quote, commented out."""
    for sentence in found:
        for match in _FIGURE_RE.finditer(sentence.text):
            unit = match[2].lower()
            if _NOT_COUNTED_RE.match(unit) or _is_year(match[1]):
                continue
            if _PART_BEFORE_RE.search(sentence.text[: match.start()]):
                continue
            value = _value(match[1])
            if value is None:
                continue
            data: dict[str, Any] = {
                "label": unit if unit not in ("procent", "%") else "aandeel",
                "value": value,
                "unit": "%" if unit in ("procent", "%") else unit.split()[-1],
                "as_of": date.isoformat(),
            }
            if _TARGET_RE.search(sentence.text):
                data["target"] = True
            evidence = [(sentence.line, sentence.text)]
            why = "a number in the text: keep it if it is a key figure, and write its label"
            section.proposals.append(Proposal("figures", data, evidence, False, why))


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", text))


def _value(text: str) -> int | float | None:
    word = _NUMBER_WORDS.get(text.lower())
    if word is not None:
        return word
    number = float(text.replace(".", "").replace(",", "."))
    if number <= 0:
        return None
    return int(number) if number.is_integer() else number
