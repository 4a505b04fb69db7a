"""A letter's footnotes: their calls in the body's paragraphs turned into ``[^id]``.

The body reader finds the footnotes' texts (by their marks) and the paragraphs; here each
call (``<sup>1</sup>``, a superscript digit, ``[^1]``) becomes a call of the draft's footnote
of that mark, whose id comes from its first words or its web address. A footnote called twice
is called twice in the draft (the PDF prints it at its first call and its number at the
second); a call without a text and a text without a call are noted.

An older paper (before about 2000) marks its footnotes with stars instead: the call "*)" after
the word ("voor de lange termijn.*)"), the note "*) Ter inzage gelegd ..." at the page's foot
(a second one on the page "**)"); these are read as the numbered ones are.

A Kamerstuk as its publication or a web page's copy prints it calls a footnote with a number
glued to the word before it ("bloedvoorziening.1", "kansrijk»1, 2 heb"): such a number is marked
a call only where the text holds the footnote of that number; numbers glued so, in the order
1, 2, 3 ..., whose footnotes the text does not hold are left as they are, and noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from briefing.importing.debris import join_line, link_text
from briefing.importing.parsed import Body, FootnoteText, Paragraph
from briefing.importing.text import SUPERSCRIPTS, SourceLine, shortened, slugify, unique_id

#: An older paper's footnote call: one to three stars and a parenthesis glued to the word (or
#: the full stop) before it ("termijn.*)"); not "(*)" nor a star standing alone.
STARRED_CALL = r"(?<=[^\s(*])(\*{1,3})\)"
#: An older paper's footnote at the page's foot: "*) Ter inzage gelegd bij ...".
STARRED_NOTE_RE = re.compile(r"^(\*{1,3})\)\s*(\S.*)$")
#: A footnote at the foot of the signature's page, as the PDF reader or an older paper marks
#: it: "<sup>1</sup> Raadpleegbaar via ...", "*) Ter inzage gelegd ...".
_PAGE_NOTE_RE = re.compile(r"^\s*(?:<sup>(\d{1,3})</sup>|(\*{1,3})\))\s*(\S.*)$")

_CALL_RE = re.compile(
    rf"<sup>(\d{{1,3}})</sup>|([{SUPERSCRIPTS}]+)|\[\^([^\]\s]{{1,40}})\]|{STARRED_CALL}"
)
#: The number of a chemical formula that letters write ("CO2", "NO2", "SO2", "NH3", "CH4") is
#: not a footnote call glued to its word.
FORMULA_GUARD = r"(?<!\bCO)(?<!\bNO)(?<!\bSO)(?<!\bNH)(?<!\bCH)"
#: A number glued to the word before it, as a web page's copy prints a footnote call:
#: after two letters ("Lange3"), or after a letter or a closing mark and one punctuation mark
#: ("bloedvoorziening.1", "c.s.3", "kansrijk»1"); never after a digit or a space ("CW3.1",
#: "1,2 miljard", "artikel 2"), nor in a chemical formula (:data:`FORMULA_GUARD`); a list of
#: calls goes on after a comma ("kansrijk»1, 2 heb").
_GLUED_RE = re.compile(
    FORMULA_GUARD + r"(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_][.,;:\u00bb)\u201d\u2019])"
    r"|(?<=[\u00bb)\u201d\u2019][.,;:]))"
    r"(\d{1,2})(?=[\s,.;:)]|$)((?:,\s?\d{1,2}(?=[\s,.;:)]|$))*)"
)
#: A call glued to a year ("van 16 februari 20181.", "het Belastingplan 20152 dat"): the year
#: and one digit more; a call only where that digit is the number the next call must have.
#: The empty second group stands for the further calls of ``_GLUED_RE`` (none here).
_YEAR_GLUED_RE = re.compile(r"(?<![\d.,])(?:19|20)\d\d(\d)()(?=[\s,.;:)]|$)")


@dataclass
class Footnotes:
    """The footnotes' texts by mark, and the ids their calls become."""

    texts: dict[str, FootnoteText] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    called: set[str] = field(default_factory=set)


def digits(superscript: str) -> str:
    """The number that superscript digits write."""
    return "".join(str(SUPERSCRIPTS.index(char)) for char in superscript)


def _footnote_id(text: str, taken: set[str]) -> str:
    """An id for a footnote from its first words, or its web address's site and title."""
    plain = link_text(text)
    url = re.match(r"(?:https?://)?(?:www\.)?([a-z0-9-]+)\.[a-z.]+/?(\S*)", plain, re.IGNORECASE)
    if url and ("/" in plain or plain.lower().startswith(("http", "www"))):
        last = [part for part in url[2].split("/") if re.search(r"[A-Za-z]{4}", part)]
        word = re.findall(r"[A-Za-z]{4,}", last[-1])[0] if last else ""
        base = slugify(f"{url[1]} {word}", 40)
    else:
        first = re.split(r"[,.;:(]", plain, maxsplit=1)[0]
        base = slugify(" ".join(first.split()[:4]), 40)
    return unique_id(base or "voetnoot", taken)


def place_footnotes(body: Body, footnotes: Footnotes, notes: list[str]) -> None:
    """Turn footnote calls into ``[^id]`` and collect the footnotes the calls name."""
    taken: set[str] = set()

    def call(match: re.Match[str], paragraph: Paragraph) -> str:
        if match[4] and match.string.count("*", 0, match.start()) % 2:
            return match[0]  # the star closes words in italics: "(*one health*)"
        mark = match[1] or (digits(match[2]) if match[2] else match[3] or match[4])
        if mark not in footnotes.texts and (pair := _side_by_side(match[1] or "", footnotes)):
            return "".join(reference(number, paragraph) for number in pair)
        if mark not in footnotes.texts and match[2]:
            return match[0]  # a superscript that is not a footnote's: m², CO³...
        return reference(mark, paragraph)

    def reference(mark: str, paragraph: Paragraph) -> str:
        footnote = footnotes.texts.get(mark)
        if footnote is None:
            notes.append(
                f"line {paragraph.line}: footnote {mark} is called but its text was not found; "
                "the call is left out"
            )
            return ""
        footnotes.called.add(mark)  # a second call, as letters make, calls it again
        footnote_id = footnotes.ids.setdefault(mark, _footnote_id(footnote.text, taken))
        body.footnotes[footnote_id] = footnote.text
        return f"[^{footnote_id}]"

    for section in body.walk():
        for paragraph in section.paragraphs():
            paragraph.text = _CALL_RE.sub(partial(call, paragraph=paragraph), paragraph.text)
        if section.heading:
            section.heading = _CALL_RE.sub(lambda m: m[0] if m[2] else "", section.heading).strip()
    for mark, footnote in footnotes.texts.items():
        if mark not in footnotes.called:
            notes.append(
                f"line {footnote.line}: footnote {mark} ('{shortened(footnote.text, 50)}') is not "
                "called in the text; it is left out"
            )
            body.footnote_comments.append(
                f"footnote {mark} is never called in the text: {shortened(footnote.text, 120)}"
            )


def _side_by_side(number: str, footnotes: Footnotes) -> list[str]:
    """The two calls that a PDF's raised digits side by side give as one number ("12" for
    the calls of footnotes 1 and 2), where the text holds no footnote of that number but
    both of those, neither called yet; else none."""
    texts, called = footnotes.texts, footnotes.called
    for cut in range(1, len(number)):
        first, second = number[:cut], number[cut:]
        if {first, second} <= texts.keys() - called and int(second) == int(first) + 1:
            return [first, second]
    return []


def note_glued_calls(body: Body, footnotes: Footnotes, notes: list[str]) -> None:
    """Say where numbers glued to the words before them are footnote calls in all likelihood
    (numbered 1, 2, 3 ... in the order of the text) whose footnotes the text does not hold:
    they are left in the text as digits, and a person must add the footnotes or remove them."""
    found: list[tuple[int, str]] = []
    for paragraph in [p for s in body.walk() for p in s.paragraphs()]:
        glued = [*_GLUED_RE.finditer(paragraph.text), *_YEAR_GLUED_RE.finditer(paragraph.text)]
        for match in sorted(glued, key=lambda m: m.start()):
            numbers = [match[1], *re.findall(r"\d+", match[2])]
            if numbers[0] != str(len(found) + 1):
                continue
            for number in numbers:
                if number == str(len(found) + 1) and number not in footnotes.texts:
                    start = max(0, paragraph.text.rfind(" ", 0, match.start()) + 1)
                    found.append((paragraph.line, paragraph.text[start : match.end()]))
    if found:
        texts = list(dict.fromkeys(text for _, text in found))
        shown = ", ".join(f"'{text}'" for text in texts[:4]) + (", ..." if len(texts) > 4 else "")
        if len(found) == 1:
            what = (
                f"a number glued to the word before it looks like a footnote call ({shown}), but "
                "the text holds no footnote with its number: it is left in the text as digits; "
                "add the footnote"
            )
        else:
            what = (
                f"{len(found)} numbers glued to the words before them look like footnote calls "
                f"({shown}), but the text holds no footnotes with their numbers: they are left in "
                "the text as digits; add the footnotes"
            )
        notes.append(f"line {found[0][0]}: {what} from the publication, or remove the digits")


def signature_page_notes(
    after: list[SourceLine],
) -> tuple[list[SourceLine], list[FootnoteText]]:
    """The footnotes at the foot of the signature's page, which a text has after the
    signature (a marked line and the lines that go on from it, to a blank line or the next
    note), and the other lines after the signature."""
    kept: list[SourceLine] = []
    notes: list[FootnoteText] = []
    going_on = False
    for line in after:
        text = line.text.strip()
        if match := _PAGE_NOTE_RE.match(text):
            notes.append(FootnoteText(match[1] or match[2], match[3], line.number))
            going_on = True
        elif going_on and text:
            last = notes[-1]
            notes[-1] = FootnoteText(last.mark, join_line(last.text, text), last.line)
        else:
            going_on = False
            kept.append(line)
    return kept, notes


def mark_calls(body: list[SourceLine], mark: str) -> bool:
    """Mark every call of footnote ``mark`` in ``body``; whether there was one. A starred
    footnote's call ("*)") is left as it is, for :func:`place_footnotes` to find."""
    if mark.startswith("*"):
        call = re.compile(rf"(?<=[^\s(*]){re.escape(mark)}\)")
        return any(call.search(line.text) for line in body)
    found = False
    for index in range(len(body)):
        while mark_call(body, index, index + 1, int(mark)):
            found = True
    return found


def mark_call(body: list[SourceLine], start: int, end: int, number: int) -> bool:
    """Mark the first call of footnote ``number`` in ``body[start:end]``; whether it was found."""
    pattern = re.compile(
        FORMULA_GUARD
        + rf"(?:(?<=[^\W\d_])|(?<=[.,;:)\u2019\u201d\u00bb'\"])){number}(?=[\s,.;:)]|$)"
    )
    for index in range(start, end):
        if _mark_listed(body, index, number):
            return True
        line = body[index]
        if pattern.search(line.text):
            cells = list(line.cells)
            called = next((i for i, cell in enumerate(cells) if pattern.search(cell)), None)
            if called is not None:  # a table's row: the call is in its cell too
                cells[called] = pattern.sub(f"<sup>{number}</sup>", cells[called], count=1)
            text = pattern.sub(f"<sup>{number}</sup>", line.text, count=1)
            body[index] = SourceLine(line.number, text, tuple(cells))
            return True
    return False


def _mark_listed(body: list[SourceLine], index: int, number: int) -> bool:
    """Mark the call of footnote ``number`` in ``body[index]`` that a list of calls gives after
    the call of the footnote before it ("kansrijk»1, 2 heb", or "kansrijk»1," with "2 heb" on
    the next line): both become calls side by side, without the comma between them."""
    line = body[index]
    call = f"<sup>{number - 1}</sup>"
    if listed := re.search(rf"{call},\s?{number}(?=[\s,.;:)]|$)", line.text):
        text = f"{line.text[: listed.start()]}{call}<sup>{number}</sup>{line.text[listed.end() :]}"
        body[index] = SourceLine(line.number, text)
        return True
    before = body[index - 1].text.rstrip() if index else ""
    if before.endswith(f"{call},") and (listed := re.match(rf"\s*{number}(?=\s)", line.text)):
        body[index - 1] = SourceLine(body[index - 1].number, f"{before[:-1]}<sup>{number}</sup>")
        body[index] = SourceLine(line.number, line.text[listed.end() :])
        return True
    return False
