"""Finding where a letter's body ends: the closing formula and the signature.

A Kamerbrief ends with the signatory's title ("De Minister voor Buitenlandse Handel
en Ontwikkelingssamenwerking,", possibly over two lines) and, usually, the name. Both
layouts end that way; a few lines of page furniture may follow (removed beforehand).
Older papers print the title in capitals ("DE MINISTER VAN VERKEER EN WATERSTAAT,"); the
draft writes it as the letters do ("De Minister van Verkeer en Waterstaat,").
A letter that sends an annex in the same paper (a geannoteerde agenda, a report of a
Council, answers to questions) is signed above it: the signature, a title and a name
printed with initials after a paragraph's end, may then stand anywhere in the text, and
the lines after it are the annex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importing.text import (
    SUPERSCRIPTS,
    TERMINAL_RE,
    SourceLine,
    collapse,
    sentences,
    strip_markup,
    usual_case,
)

#: A signatory's title, as a signature opens with it ("De Minister van ...,").
TITLE_RE = re.compile(
    r"^(?:De|Het)\s+(?:[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Mm]inister-[Pp]resident"
    r"|[Ii]nformateurs?|[Ff]ormateurs?)\b"
    r"|^(?:DE|De|HET|Het)\s+(?:MINISTERS?|STAATSSECRETARIS(?:SEN)?|MINISTER-PRESIDENT"
    r"|INFORMATEURS?|FORMATEURS?)\b"
)
#: A post written under the name, as a signature that gives the name first prints it.
_POST_RE = re.compile(
    r"^(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)(?:\s+(?:van|voor)\s+[^,.;:]{3,120})?$"
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
#: A name written out in full, as the ministry's own PDF prints it under the title: a given
#: name, then the surname with its particles ("Karla Peijs", "Hugo de Jonge", "Ank
#: Bijleveld-Schouten").
_FULL_NAME_RE = re.compile(
    r"^[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?"
    r"(?:\s(?:van|de|der|den|ter|ten|in|\u2019t|'t))*(?:\s[A-Z][\w\u2019'-]+){1,2}$"
)
#: A whole title with no comma after it, which may stand alone where the signature's name is
#: not in the text (the text of an older PDF whose signature is an image): "De Minister van
#: Buitenlandse Zaken"; not a title broken over lines ("De Minister voor Buitenlandse Handel
#: en" over "Ontwikkelingssamenwerking,").
_BARE_TITLE_RE = re.compile(
    r"^(?:De|DE)\s+(?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)\s+"
    r"(?:van|voor|VAN|VOOR)\s+[A-Z][\w\u00c0-\u00ff-]*(?:,?\s+[\w\u00c0-\u00ff-]+)*(?<!\s(?:en|EN))$"
)
#: A title that several sign under, each name on a line: "De informateurs,".
_PLURAL_TITLE_RE = re.compile(r"^((?:De|Het) (?:[Ii]nformateur|[Ff]ormateur))s,$")
#: Two signatures side by side, which a copy of the page joins on one line: "De Minister van
#: Buitenlandse Zaken, De Staatssecretaris voor Europese Zaken," over "Drs. M.J.M. Verhagen
#: Drs. F.C.G.M. Timmermans".
_SECOND_TITLE_RE = re.compile(
    r",\s+(?=(?:De|Het)\s+(?:[Mm]inister|[Ss]taatssecretaris)\S*\s+(?:van|voor)\b)"
)
#: A word that starts a name: an honorific ("Drs.", "Mr.dr.") or initials ("F.C.G.M.").
_NAME_START_RE = re.compile(
    r"^(?:(?:[Dd]rs|[Dd]r|[Mm]r|[Ii]r|[Ii]ng|[Pp]rof)\.)+$|^(?:[A-Z][a-z]?\.)+$"
)
_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "in", "\u2019t", "'t", "op", "het"}
#: How many lines at the end of the text to look in for the signature.
_WINDOW = 14
_MAX_TITLE_LINES = 3
_MAX_LINES_AFTER = 8
#: Up to this many lines after the signature are the page's debris, unless they hold prose;
#: more are an annex.
NOTED_LINE_BY_LINE = 8
#: A footnote's text as printed at the foot of a page: its number (or mark) first.
_FOOTNOTE_RE = re.compile(rf"^(?:<sup>\d|[{SUPERSCRIPTS}]|\[\^|\d{{1,3}}\s)")


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
    #: The lines after the signature, with their blank lines, to the end of the text.
    after: list[SourceLine] | None = None
    also: list[tuple[str, str | None]] | None = None
    review: str | None = None
    #: True when the text has no signature and the title is proposed (or unknown).
    missing: bool = False
    #: True when the title stands alone, without a comma, and the text gives no name.
    nameless: bool = False
    #: True when the file says the lines after the signature are an annex (the official
    #: XML's ``bijlage``), whatever their length.
    annexed: bool = False

    @property
    def annex(self) -> list[SourceLine]:
        """The lines after the signature when they are an annex the letter sends in the same
        paper (more than :data:`NOTED_LINE_BY_LINE` lines of text, or prose: a line of
        sentences, as a web page's copy prints a paragraph, or lines the file marks as an
        annex); else none, the page's debris."""
        after = self.after or []
        texts = [_text(line) for line in after]
        long = sum(1 for text in texts if text) > NOTED_LINE_BY_LINE
        marked = self.annexed and any(texts)
        return after if marked or long or any(_prose(text) for text in texts) else []


def _text(line: SourceLine) -> str:
    return collapse(strip_markup(line.text))


def _prose(text: str) -> bool:
    """Whether a line is prose, which no page's debris is: sentences, ended (not a footnote)."""
    return (
        bool(TERMINAL_RE.search(text)) and len(sentences(text)) > 1 and not _FOOTNOTE_RE.match(text)
    )


def find_closing(lines: list[SourceLine], start: int) -> Closing | None:
    """The signature at the end of ``lines[start:]``, or ``None`` when there is none."""
    filled = [i for i in range(start, len(lines)) if _text(lines[i])]
    first = max(0, len(filled) - _WINDOW)
    for position in range(first, len(filled)):
        if not TITLE_RE.match(_text(lines[filled[position]])):
            continue
        closing = _closing_at(lines, filled[position:])
        if closing is not None:
            _formula_before(lines, filled, closing, start)
            return closing
    closing = _closing_above_annex(lines, filled, start) or _name_first(lines, filled[first:])
    if closing is not None:
        _formula_before(lines, filled, closing, start)
    return closing


def _name_first(lines: list[SourceLine], filled: list[int]) -> Closing | None:
    """A signature that gives the name first and the post under it, without "De" or a
    comma, as some ministries sign ("M.A.M. Adriaansens" over "Minister van Economische
    Zaken en Klimaat"); the title is then written as the letters write it."""
    for position in range(len(filled) - 1):
        name, post = _text(lines[filled[position]]), _text(lines[filled[position + 1]])
        if not (_is_name(name) and _POST_RE.match(post)):
            continue
        title = f"De {post[:1].upper()}{post[1:]},"
        closing = Closing(filled[position], title, lines[filled[position + 1]].number, True, name)
        closing.name_line = lines[filled[position]].number
        return _after_name(lines, closing, filled[position + 2 :])
    return None


def _closing_above_annex(lines: list[SourceLine], filled: list[int], start: int) -> Closing | None:
    """The signature of a letter with an annex after it: a title after a paragraph's end and
    a name with initials ("K.M.H. Peijs") or written out ("Karla Peijs"), or a title after
    the closing formula ("Hoogachtend,") and a name however printed, with any number of lines
    after them; ``None`` if none."""
    for position in range(1, len(filled)):
        text = _text(lines[filled[position]])
        before = _text(lines[filled[position - 1]])
        formula = bool(_FORMULA_RE.match(before))
        if not TITLE_RE.match(text) or not (formula or TERMINAL_RE.search(before)):
            continue
        closing = _closing_at(lines, filled[position:], annex=True)
        if closing is not None and (
            closing.nameless or (closing.name and (formula or _is_name(closing.name)))
        ):
            _formula_before(lines, filled, closing, start)
            return closing
    return None


def _is_name(text: str) -> bool:
    """Whether ``text`` is a person's name, with initials or written out in full."""
    return bool(_PRINTED_NAME_RE.match(text) or _FULL_NAME_RE.match(text))


def missing_closing(lines: list[SourceLine], titles: list[str], notes: list[str]) -> Closing:
    """A signature to review, for a letter whose text ends without one: the first of the
    ``titles`` the paper's heading names, the others as signing with it."""
    last = next((line.number for line in reversed(lines) if line.text.strip()), 1)
    notes.append(
        f"line {last}: found no signature at the end of the letter (a line like 'De Minister "
        "voor ...,' with the name under it); the signatory is proposed: check it, and check "
        "that the text is complete"
    )
    also: list[tuple[str, str | None]] = [(title, None) for title in titles[1:]]
    title = titles[0] if titles else "onbekend"
    return Closing(len(lines), title, last, True, also=also, missing=True)


def _closing_at(lines: list[SourceLine], rest: list[int], annex: bool = False) -> Closing | None:
    """The signature starting at ``rest[0]`` if the lines from there look like one; with
    ``annex``, any number of lines may follow it."""
    after = _text(lines[rest[1]]) if len(rest) > 1 else ""
    if _bare_title(lines, rest[0], after):
        title = f"{usual_case(_text(lines[rest[0]]))},"
        closing = Closing(rest[0], title, lines[rest[0]].number, True, nameless=True)
        return _side_by_side(_after_name(lines, closing, rest[1:], annex))
    title_parts: list[str] = []
    complete = False
    for position, index in enumerate(rest[:_MAX_TITLE_LINES]):
        text = _text(lines[index])
        one_line = _ONE_LINE_RE.match(text)
        after = _text(lines[rest[position + 1]]) if position + 1 < len(rest) else ""
        if after[:1].islower():  # "De minister van Landbouw, Natuurbeheer" / "en Visserij,"
            one_line = None
        if one_line and not title_parts:  # "De Minister van Financiën, W.B. Hoekstra"
            title = usual_case(one_line[1])
            closing = Closing(index, title, lines[index].number, True, one_line[2])
            closing.name_line = lines[index].number
            return _side_by_side(_after_name(lines, closing, rest[1:], annex))
        if len(text) > 160 or re.search(r"[.!?]\s+[A-Z]", text):
            return None
        title_parts.append(text)
        if text.endswith(","):
            complete = True
            break
    if not complete and len(rest) > len(title_parts):
        return None  # a title that does not end (no comma) must be the end of the text
    used = len(title_parts)
    closing = Closing(rest[0], usual_case(" ".join(title_parts)), lines[rest[0]].number, complete)
    following = rest[used:]
    if following:
        name = _text(lines[following[0]])
        looks_like_name = len(name) <= 60 and len(name.split()) <= 6
        if looks_like_name and not TITLE_RE.match(name) and not name.endswith(","):
            closing.name, closing.name_line = name, lines[following[0]].number
            following = following[1:]
    return _side_by_side(_after_name(lines, closing, following, annex))


def _bare_title(lines: list[SourceLine], index: int, after: str) -> bool:
    """Whether the line at ``index`` is a whole title without a comma standing alone (a blank
    line after it) above a line that is no name, no title and no continuation of it: a
    signature whose name the text does not give."""
    if not _BARE_TITLE_RE.match(_text(lines[index])):
        return False
    alone = index + 1 < len(lines) and not _text(lines[index + 1])
    return alone and after[:1].isupper() and not _is_name(after) and not TITLE_RE.match(after)


def _side_by_side(closing: Closing | None) -> Closing | None:
    """The signature with two titles on one line (and their names on the next) read as two
    signatories, the second among ``also``."""
    if closing is None:
        return None
    titles = _SECOND_TITLE_RE.split(closing.title, maxsplit=1)
    if len(titles) < 2:
        return closing
    both = _two_names(closing.name) if closing.name else None
    second = both[1] if both else None
    if both:
        closing.name = both[0]
    elif closing.name and len(closing.name.split()) >= 4:  # two names of two words at least
        closing.review = (
            f"the two signatories' names stand on one line, '{closing.name}', which cannot be "
            "told apart: keep the first signatory's name"
        )
    closing.title = f"{titles[0]},"
    closing.also = [(titles[1], second), *(closing.also or [])]
    return closing


def _two_names(text: str) -> tuple[str, str] | None:
    """Two names printed side by side on one line, or ``None`` when they cannot be told apart:
    the second starts with its honorific or initials ("Drs. M.J.M. Verhagen Drs. F.C.G.M.
    Timmermans"); without those, one split only may leave two names of two words or more."""
    words = text.split()
    starts = [
        i
        for i in range(1, len(words))
        if _NAME_START_RE.match(words[i]) and not _NAME_START_RE.match(words[i - 1])
    ]
    if not starts and not _NAME_START_RE.match(words[0]):
        starts = [
            i
            for i in range(2, len(words) - 1)
            if words[i][:1].isupper() and words[i - 1].lower() not in _PARTICLES
        ]
    if len(starts) != 1:
        return None
    return " ".join(words[: starts[0]]), " ".join(words[starts[0] :])


def _after_name(
    lines: list[SourceLine], closing: Closing, following: list[int], annex: bool = False
) -> Closing | None:
    """The signature, with a second signatory below it taken in, and what follows noted."""
    closing.also = []
    plural = _PLURAL_TITLE_RE.match(closing.title)
    while plural and following and _PRINTED_NAME_RE.match(_text(lines[following[0]])):
        # "De informateurs, J.W. Remkes" over "W. Koolmees": each signs as one
        closing.title = f"{plural[1]},"
        closing.also.append((closing.title, _text(lines[following[0]])))
        following = following[1:]
    while following and TITLE_RE.match(_text(lines[following[0]])):
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
    closing.after = lines[following[0] :] if following else []  # with its blank lines
    return closing


def _formula_before(
    lines: list[SourceLine], filled: list[int], closing: Closing, start: int
) -> None:
    """Take a closing formula ("Hoogachtend,") just above the signature into the closing."""
    before = [i for i in filled if start <= i < closing.start]
    if before and _FORMULA_RE.match(_text(lines[before[-1]])):
        closing.formula = lines[before[-1]]
        closing.start = before[-1]
