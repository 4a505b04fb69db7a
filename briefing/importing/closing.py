"""Finding where a letter's body ends: the closing formula and the signature.

A Kamerbrief ends with the signatory's title ("De Minister voor Buitenlandse Handel
en Ontwikkelingssamenwerking,", possibly over two lines) and, usually, the name. Both
layouts end that way; a few lines of page furniture may follow (removed beforehand).
A letter that sends an annex in the same paper (a geannoteerde agenda, a report of a
Council, answers to questions) is signed above it: the signature, a title and a name
printed with initials after a paragraph's end, may then stand anywhere in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importing.text import TERMINAL_RE, SourceLine, collapse, strip_markup

_TITLE_RE = re.compile(
    r"^(?:De|Het)\s+(?:[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Mm]inister-[Pp]resident)\b"
)
#: A title and a name on one line: "De minister van Binnenlandse Zaken, J. W. E. Spies".
_ONE_LINE_RE = re.compile(r"^(.{10,150},)\s+([A-Z][^,;:!?()]{1,60})$")
_FORMULA_RE = re.compile(
    r"^(?:Hoogachtend|Met (?:de meeste )?hoogachting|Met vriendelijke groet(?:en)?)\s*,?$",
    re.IGNORECASE,
)
#: A name as a publication prints it under the title: initials, then the surname with its
#: particles ("B. Madlener", "Ch.A. Jansen", "M. J. M. Verhagen", "E. van der Burg").
_PRINTED_NAME_RE = re.compile(
    r"^(?:[A-Z][a-z]?\.\s?){1,6}(?:\([A-Z][a-z]+\)\s)?"
    r"(?:(?:van|de|der|den|ter|ten|in|\u2019t|'t)\s)*[A-Z][\w\u2019'-]+(?:[\s-][A-Z][\w\u2019'-]+)?$"
)
#: How many lines at the end of the text to look in for the signature.
_WINDOW = 14
_MAX_TITLE_LINES = 3
_MAX_LINES_AFTER = 8


@dataclass
class Closing:
    """The signature: where it starts, the title and name, and what follows them."""

    start: int
    title: str
    title_line: int
    complete: bool
    name: str | None = None
    name_line: int | None = None
    formula: SourceLine | None = None
    after: list[SourceLine] | None = None
    also: list[tuple[str, str | None]] | None = None


def _text(line: SourceLine) -> str:
    return collapse(strip_markup(line.text))


def find_closing(lines: list[SourceLine], start: int) -> Closing | None:
    """The signature at the end of ``lines[start:]``, or ``None`` when there is none."""
    filled = [i for i in range(start, len(lines)) if _text(lines[i])]
    first = max(0, len(filled) - _WINDOW)
    for position in range(first, len(filled)):
        if not _TITLE_RE.match(_text(lines[filled[position]])):
            continue
        closing = _closing_at(lines, filled[position:])
        if closing is not None:
            _formula_before(lines, filled, closing, start)
            return closing
    return _closing_above_annex(lines, filled, start)


def _closing_above_annex(lines: list[SourceLine], filled: list[int], start: int) -> Closing | None:
    """The signature of a letter with an annex after it: a title after a paragraph's end and
    a name printed with initials, with any number of lines after them; ``None`` if none."""
    for position in range(1, len(filled)):
        text = _text(lines[filled[position]])
        if not _TITLE_RE.match(text) or not TERMINAL_RE.search(_text(lines[filled[position - 1]])):
            continue
        closing = _closing_at(lines, filled[position:], annex=True)
        if closing is not None and closing.name and _PRINTED_NAME_RE.match(closing.name):
            _formula_before(lines, filled, closing, start)
            return closing
    return None


def missing_closing(lines: list[SourceLine], title: str | None, notes: list[str]) -> Closing:
    """A signature to review, for a letter whose text ends without one."""
    last = next((line.number for line in reversed(lines) if line.text.strip()), 1)
    notes.append(
        f"line {last}: found no signature at the end of the letter (a line like 'De Minister "
        "voor ...,' with the name under it); the signatory is proposed: check it, and check "
        "that the text is complete"
    )
    return Closing(len(lines), title or "onbekend", last, False)


def _closing_at(lines: list[SourceLine], rest: list[int], annex: bool = False) -> Closing | None:
    """The signature starting at ``rest[0]`` if the lines from there look like one; with
    ``annex``, any number of lines may follow it."""
    title_parts: list[str] = []
    complete = False
    for index in rest[:_MAX_TITLE_LINES]:
        text = _text(lines[index])
        one_line = _ONE_LINE_RE.match(text)
        if one_line and not title_parts:  # "De Minister van Financiën, W.B. Hoekstra"
            closing = Closing(index, one_line[1], lines[index].number, True, one_line[2])
            closing.name_line = lines[index].number
            return _after_name(lines, closing, rest[1:], annex)
        if len(text) > 160 or re.search(r"[.!?]\s+[A-Z]", text):
            return None
        title_parts.append(text)
        if text.endswith(","):
            complete = True
            break
    if not complete and len(rest) > len(title_parts):
        return None  # a title that does not end (no comma) must be the end of the text
    used = len(title_parts)
    closing = Closing(rest[0], " ".join(title_parts), lines[rest[0]].number, complete)
    following = rest[used:]
    if following:
        name = _text(lines[following[0]])
        looks_like_name = len(name) <= 60 and len(name.split()) <= 6
        if looks_like_name and not _TITLE_RE.match(name) and not name.endswith(","):
            closing.name, closing.name_line = name, lines[following[0]].number
            following = following[1:]
    return _after_name(lines, closing, following, annex)


def _after_name(
    lines: list[SourceLine], closing: Closing, following: list[int], annex: bool = False
) -> Closing | None:
    """The signature, with a second signatory below it taken in, and what follows noted."""
    closing.also = []
    while following and _TITLE_RE.match(_text(lines[following[0]])):
        second = _closing_at(lines, following, annex)
        if second is None:
            break
        closing.also.append((second.title, second.name))
        closing.also += second.also or []
        following = []
        closing.after = second.after
        return closing
    if len(following) > _MAX_LINES_AFTER and not annex:
        return None
    closing.after = [lines[i] for i in following]
    return closing


def _formula_before(
    lines: list[SourceLine], filled: list[int], closing: Closing, start: int
) -> None:
    """Take a closing formula ("Hoogachtend,") just above the signature into the closing."""
    before = [i for i in filled if start <= i < closing.start]
    if before and _FORMULA_RE.match(_text(lines[before[-1]])):
        closing.formula = lines[before[-1]]
        closing.start = before[-1]
