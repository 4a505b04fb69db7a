"""Reading a letter in the official publication layout of a Kamerstuk.

Such a text (as extracted from the publication's PDF) starts with the dossier ("26 485
Maatschappelijk verantwoord ondernemen"), the paper's number and kind ("Nr. 308 BRIEF
VAN DE MINISTER VOOR ..."), the addressee and "Den Haag, 11 juni 2019"; the body follows,
and the signature ends it. Every page carries a header or footer ("Tweede Kamer,
vergaderjaar 2018-2019, 26 485, nr. 308 2"); footnotes stand at the foot of the page
that calls them, numbered through the letter, and a call is a number stuck to the word
before it ("convenanten.1"). The publication prints neither the letter's subject nor
its references, nor the sender's address: the importer proposes those for review.
"""

from __future__ import annotations

import itertools
import re

from briefing.errors import BriefingError
from briefing.importing.closing import find_closing, missing_closing
from briefing.importing.debris import Hyphenation, join_line
from briefing.importing.footnotes import STARRED_NOTE_RE, mark_call, mark_calls
from briefing.importing.parsed import FootnoteText, Head, LetterText
from briefing.importing.signatories import heading_authors
from briefing.importing.site_head import (
    KIND_ALONE_RE,
    SITE_TITLE,
    TABLE_ROW_RE,
    dossier_of_code,
    is_page_line,
    paper_of_table,
    site_line,
)
from briefing.importing.text import (
    DUTCH_DATE_RE,
    SourceLine,
    collapse,
    parse_dutch_date,
    strip_markup,
)
from briefing.streams import Origin
from briefing.types import Kamerstuk

LAYOUT = "Kamerstuk layout"

#: "Nr. 308 BRIEF VAN ..." (older publications print "nr. 11", the kind on the next line).
NUMBER_RE = re.compile(r"^[Nn]r\.\s*(\d{1,6})(?:\s+(\S.*))?$")
#: rijksbegroting.nl prints dossier, suffix, number and kind on one line, in lower case.
_COMBINED_RE = re.compile(
    r"^(\d{2}\s?\d{3})(?:[\s-]+([A-Z]{1,8}|\d{1,3}))?\s+(\d{1,6})\s+((?:Brief|BRIEF)\b.*)$"
)
#: A note someone put above the copied text ("# SOURCE: https://..."), not the letter's.
_ANNOTATION_RE = re.compile(r"^#\s+[A-Z][A-Z ]{1,20}:\s")
#: What the web pages print after the letter: a link to the top, the signatories again,
#: related documents; and the heading of the footnotes ("X Noot", older pages "XNoot"; "Noten").
TOP_LINK_RE = re.compile(r"^(?:Naar boven|Terug naar boven|Top)$", re.IGNORECASE)
SITE_TAIL_RE = re.compile(
    r"^(?:Ondertekenaars|Eerste ondertekenaar|Mede ?ondertekenaars?|Gerelateerde documenten"
    r"|Bijlagen?)$"
)
NOTES_HEADING_RE = re.compile(r"^(?:X\s*)?No(?:ot|ten)$")
#: rijksbegroting.nl prints each footnote with its heading and number: "Noot 1: NRC, ...".
_NUMBERED_NOTE_RE = re.compile(r"^Noot (\d{1,3}):\s*(\S.*)$")
_PLACE_DATE_RE = re.compile(
    rf"^(?:Den Haag|[\u2019']s-Gravenhage),?\s+({DUTCH_DATE_RE.pattern})\s*$"
)
#: A dossier and its title (older publications print the title on the next line); a suffix
#: after a hyphen, or a Roman numeral or one capital letter after a space ("35 925-XVII",
#: "35 925 XVII", "36 600 B").
_DOSSIER_RE = re.compile(r"^(\d{2}\s?\d{3})(?:-(\w{1,10})|\s([IVXLC]{1,8}|[A-Z]))?(?:\s+(\S.*))?$")
#: A page's header (or the first page's footer), with the page number at the end.
_PAGE_HEADER_RE = re.compile(
    r"(?:Eerste|Tweede) Kamer, vergaderjaar \d{4}\s*[\u2013-]\s*\d{4}, "
    r"[^\n]{0,120}?nr\. \d+\s+\d+\s*$"
)
#: The rest of the page furniture: the chamber and year at the top, the paper's code and ISSN.
_FURNITURE_RES = [
    re.compile(r"^(?:Eerste|Tweede) Kamer der Staten-Generaal(?:\s*\|?\s+\d)?\s*\|?\s*$"),
    re.compile(r"^Vergaderjaar \d{4}\s*[\u2013-]\s*\d{4}\s*\|?\s*$"),
    re.compile(r"\bkst-[\w-]+"),
    re.compile(r"\bISSN \d{4}\s*-\s*\d{3}[\dX]"),
    re.compile(r"[\u2019']s-Gravenhage \d{4}(?!\S)"),
    # officielebekendmakingen.nl's table above the paper, as a copy of the page gives it
    re.compile(r"^Kamerstuk\s*$"),
    re.compile(
        r"^Datum ?publicatie\s*\|?\s*Organisatie\s*\|?\s*Vergaderjaar\s*\|?\s*"
        r"Dossier- en ondernummer\s*\|?\s*$"
    ),
    re.compile(r"^Eerste Kamer der Staten-Generaal ?\d{4}-\d{4} ?[\w -]+ nr\. \d+\s*$"),
    TABLE_ROW_RE,
    # rijksbegroting.nl's links above the paper
    re.compile(r"^Direct naar \(in deze pagina\):.*$"),
    re.compile(r"^\s*(?:\u2022\s*)?Download PDF\s*$"),
]
_FOOTNOTE_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
#: Where the head of a letter ("Den Haag, 11 juni 2019") or of a motion ends.
_HEAD_END_RE = re.compile(rf"{_PLACE_DATE_RE.pattern}|^Voorgesteld\b|^De Kamer,$")


def unmarked_head(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with the bold and italics taken off the head of a Kamerstuk as its PDF prints
    it (the chamber, the dossier, "Nr. 62 BRIEF VAN ..." in bold), up to the place and date
    or "De Kamer,"; the rest, a heading's line of a text's own markup ("# ...", which the
    head's readers know) and a text without such a head, as they are."""
    plain = [collapse(strip_markup(line.text)) for line in lines[:120]]
    end = next((i for i, text in enumerate(plain) if _HEAD_END_RE.match(text)), None)
    if end is None or not any(NUMBER_RE.match(text) for text in plain[:end]):
        return lines
    return [
        SourceLine(line.number, plain[index], line.cells)
        if index < end and not line.text.lstrip().startswith("#")
        else line
        for index, line in enumerate(lines)
    ]


def recognise(lines: list[SourceLine]) -> bool:
    """Whether the text starts like a published Kamerstuk letter ("Nr. 308 BRIEF VAN ...")."""
    lines = unmarked_head(lines)
    numbered = any(
        NUMBER_RE.match(collapse(line.text))
        or _COMBINED_RE.match(collapse(line.text))
        or TABLE_ROW_RE.match(collapse(line.text))
        for line in lines[:80]
    )
    return numbered and any(_PLACE_DATE_RE.match(collapse(line.text)) for line in lines[:120])


def read(lines: list[SourceLine], path: Origin) -> LetterText:
    """The letter in ``lines``: head, body lines (furniture and footnotes out) and notes."""
    printed = lines = unmarked_head(lines)
    lines, breaks = without_furniture(lines)
    dated = next(
        (i for i, line in enumerate(lines) if _PLACE_DATE_RE.match(collapse(line.text))), None
    )
    if dated is None:
        raise BriefingError(f"{path}: found no line like 'Den Haag, 11 juni 2019'")
    head = Head()
    text = LetterText(LAYOUT, head, [])
    _read_head(lines[:dated], printed[:dated], head, text.notes, path)
    date = parse_dutch_date(lines[dated].text)
    if date is None:
        raise BriefingError(
            f"{path}:{lines[dated].number}: '{collapse(lines[dated].text)}' does not give an "
            "existing date; write it like 'Den Haag, 11 juni 2019'"
        )
    head.date = date
    head.lines["date"] = lines[dated].number
    body, site_notes = _without_site_debris(lines[dated + 1 :], text.notes)
    body_breaks = [b - dated - 1 for b in breaks if b > dated]
    body, text.footnotes = _take_footnotes(body, body_breaks, text.notes)
    text.footnotes += site_notes
    closing = find_closing(body, 0) or missing_closing(body, head.authors, text.notes)
    text.closing = closing
    text.body = body[: closing.start]
    return text


def _without_site_debris(
    body: list[SourceLine], notes: list[str]
) -> tuple[list[SourceLine], list[FootnoteText]]:
    """The body without what a web page prints after the letter; its footnotes, marked."""
    kept: list[SourceLine] = []
    footnotes: list[FootnoteText] = []
    in_notes = starred = False
    for line in body:
        text = collapse(line.text)
        if TOP_LINK_RE.match(text):
            continue
        if SITE_TAIL_RE.match(text):
            break
        if starred_note := STARRED_NOTE_RE.match(text):
            footnotes.append(FootnoteText(starred_note[1], starred_note[2], line.number))
            starred = True
        elif starred and text:  # a starred note goes on to the blank line after it
            last = footnotes[-1]
            footnotes[-1] = FootnoteText(last.mark, collapse(join_line(last.text, text)), last.line)
        elif NOTES_HEADING_RE.match(text):
            in_notes = True
        elif numbered := _NUMBERED_NOTE_RE.match(text):
            in_notes = True
            footnotes.append(FootnoteText(numbered[1], numbered[2], line.number))
        elif in_notes and re.fullmatch(r"\d{1,3}", text):
            footnotes.append(FootnoteText(text, "", line.number))
        elif in_notes and footnotes and text:
            last = footnotes[-1]
            joined = collapse(join_line(last.text, text))
            footnotes[-1] = FootnoteText(last.mark, joined, last.line)
        elif not in_notes:
            kept.append(line)
        starred = starred and bool(text)
    footnotes = [f for f in footnotes if f.text]
    for footnote in footnotes:
        if not mark_calls(kept, footnote.mark):
            notes.append(
                f"line {footnote.line}: footnote {footnote.mark} is not called in the text"
            )
    return kept, footnotes


def without_furniture(lines: list[SourceLine]) -> tuple[list[SourceLine], list[int]]:
    """The lines with page headers and footers blanked, and the indexes where pages begin."""
    cleaned: list[SourceLine] = []
    breaks: list[int] = []
    for index, line in enumerate(lines):
        text = line.text
        if _PAGE_HEADER_RE.search(text):
            text = _PAGE_HEADER_RE.sub("", text)
            breaks.append(index)
        for pattern in _FURNITURE_RES:
            text = pattern.sub("", text)
        text = text if text.strip() else ""
        cleaned.append(line if text == line.text else SourceLine(line.number, text))
    return cleaned, breaks


def _read_head(
    lines: list[SourceLine], printed: list[SourceLine], head: Head, notes: list[str], path: Origin
) -> None:
    """The head's fields from ``lines``; ``printed`` are the same lines before the page's
    furniture was taken out, which the notes quote."""
    dossier: tuple[str, str | None] | None = None
    number: str | None = None
    kind: list[str] = []
    part, first_text = "", ""
    above: list[SourceLine] = []
    for line, as_printed in zip(lines, printed, strict=True):
        text = collapse(line.text)
        if _ANNOTATION_RE.match(text):
            continue
        if not text:
            keep = part == SITE_TITLE or (part == "number" and not kind)
            part = part if keep or (part == "dossier" and not head.dossier_title) else ""
            continue
        above.append(line)
        if (site_part := site_line(text, line.number, head, part)) is not None:
            part = site_part
        elif KIND_ALONE_RE.match(text) and len(above) >= 3 and not head.subject:
            # berthub.eu: the paper's title and its dossier's above "Brief regering"
            head.subject, head.lines["subject"] = collapse(above[-3].text), above[-3].number
            notes[:] = [n for n in notes if not n.startswith(f"line {above[-3].number}: ")]
        elif match := _COMBINED_RE.match(text):
            dossier, number, part = (match[1], match[2]), match[3], "number"
            kind = [match[4]]
            head.dossier_title = head.dossier_title or first_text or None
            head.lines["kamerstuk"] = line.number
        elif dossier is None and number is None and (match := _DOSSIER_RE.match(text)):
            dossier, part = (match[1], match[2] or match[3]), "dossier"
            head.dossier_title = match[4]
            head.lines["kamerstuk"] = line.number
        elif match := NUMBER_RE.match(text):
            number, part = number or match[1], "number"
            kind = [match[2]] if match[2] else kind
            head.lines.setdefault("kamerstuk", line.number)
        elif text.startswith("Aan "):
            head.addressee.append(text)
            head.lines["addressee"] = line.number
            part = "addressee"
        elif _DOSSIER_RE.match(text) and part != "number":
            notes.append(f"line {line.number}: also filed under dossier '{text}'")
            part = "also" if re.fullmatch(r"\d{2}\s?\d{3}", text) else part
        elif part == "also":  # the other dossier's title, on the line under its number
            notes[-1] = f"{notes[-1][:-1]} {text}'"
            part = ""
        elif part == "dossier":
            head.dossier_title = f"{head.dossier_title or ''} {text}".strip()
        elif part == "addressee":
            head.addressee[-1] = f"{head.addressee[-1]} {text}"
        elif part == "number" and text.isupper():
            kind.append(text)
        elif not first_text and dossier is None:
            first_text = text
        elif not is_page_line(text):
            notes.append(f"line {line.number}: left out of the head: '{collapse(as_printed.text)}'")
    head.authors = heading_authors(" ".join(kind))
    if number is None and (row := paper_of_table(printed)):
        dossier, number = dossier or row[0], row[1]
        head.lines.setdefault("kamerstuk", row[2])
    if number is None:
        raise BriefingError(f"{path}: found no line like 'Nr. 308 BRIEF VAN DE MINISTER ...'")
    dossier = dossier or dossier_of_code(printed, number)
    if dossier is None:
        notes.append(
            f"line {head.lines.get('kamerstuk', 1)}: found no dossier number above 'Nr. "
            f"{number}'; the letter's Kamerstuk number is left out"
        )
        return
    cited = f"{dossier[0]}{'-' + dossier[1] if dossier[1] else ''}, nr. {number}"
    try:
        head.kamerstuk = str(Kamerstuk.parse(cited)).removeprefix("Kamerstuk ")
    except ValueError:
        notes.append(
            f"line {head.lines['kamerstuk']}: '{cited}' is not a Kamerstuk number the model "
            "can hold; the letter's Kamerstuk number is left out"
        )


def _take_footnotes(
    body: list[SourceLine], breaks: list[int], notes: list[str]
) -> tuple[list[SourceLine], list[FootnoteText]]:
    """The body without the footnotes at the pages' feet, calls marked ``<sup>n</sup>``."""
    body = list(body)
    footnotes: list[FootnoteText] = []
    bounds = [0, *sorted(set(breaks)), len(body)]
    expected, previous = 1, 0
    for start, end in itertools.pairwise(bounds):
        zone = _footnote_zone(body, start, end, expected)
        zone_start = zone[0][1][0] if zone else end
        for number, indexes in zone:
            lines = [body[i] for i in indexes]
            if mark_call(body, start, zone_start, number) or mark_call(
                body, previous, start, number
            ):
                texts = [_FOOTNOTE_RE.sub(r"\2", lines[0].text.strip())]
                joined = Hyphenation().join_all(texts + [line.text for line in lines[1:]])
                footnotes.append(FootnoteText(str(number), collapse(joined), lines[0].number))
            else:
                notes.append(
                    f"line {lines[0].number}: footnote {number} is not called in the text; it "
                    "is left out"
                )
            for index in indexes:
                body[index] = SourceLine(body[index].number, "")
            expected = number + 1
        previous = start
    return body, footnotes


def _footnote_zone(
    body: list[SourceLine], start: int, end: int, expected: int
) -> list[tuple[int, list[int]]]:
    """The footnotes at the foot of the page ``body[start:end]``: (number, line indexes)."""
    paragraphs: list[list[int]] = []
    for index in range(start, end):
        if not body[index].text.strip():
            paragraphs.append([])
        elif paragraphs and paragraphs[-1]:
            paragraphs[-1].append(index)
        else:
            paragraphs.append([index])
    paragraphs = [p for p in paragraphs if p]
    trailing: list[int] = []
    for paragraph in reversed(paragraphs):
        if not _FOOTNOTE_RE.match(body[paragraph[0]].text.strip()):
            break
        trailing = paragraph + trailing
    return _numbered(body, trailing, expected) or _numbered_lines(body, end, expected)


def _numbered_lines(body: list[SourceLine], end: int, expected: int) -> list[tuple[int, list[int]]]:
    """The footnotes a copy without blank lines gives at the end of ``body[:end]``: lines each
    numbered one more than the line before ("1 https://...", "2 Kamerstuk ..."), the first
    ``expected``; kept only when the text before them calls every one. Blank lines after
    them (the end of a saved file) do not count."""
    while end > 0 and not body[end - 1].text.strip():
        end -= 1
    start = end
    while start > 0 and (match := _FOOTNOTE_RE.match(body[start - 1].text.strip())):
        start -= 1
        if int(match[1]) == expected:
            break
    numbers = [int(_FOOTNOTE_RE.match(line.text.strip())[1]) for line in body[start:end]]  # type: ignore[index]
    if not numbers or numbers != list(range(expected, expected + len(numbers))):
        return []
    trial = list(body[:start])
    if not all(mark_call(trial, 0, len(trial), number) for number in numbers):
        return []
    return [(number, [start + i]) for i, number in enumerate(numbers)]


def _numbered(
    body: list[SourceLine], trailing: list[int], expected: int
) -> list[tuple[int, list[int]]]:
    """The footnotes of the ``trailing`` lines, numbered from ``expected`` (none if not so)."""
    zone: list[tuple[int, list[int]]] = []
    number = expected
    for index in trailing:
        match = _FOOTNOTE_RE.match(body[index].text.strip())
        if match and int(match[1]) == number:
            zone.append((number, [index]))
            number += 1
        elif zone:
            zone[-1][1].append(index)
        else:
            return []
    return zone
