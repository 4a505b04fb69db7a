"""Reading a motion (motie) from its printed text: number, submitters, date, reasons, request.

A motion as published (the PDF's text, the web page copied, or the official XML printed by
:mod:`.official_xml`) reads::

    29 325 Maatschappelijke Opvang
    Nr. 172 MOTIE VAN DE LEDEN BECKERMAN EN WESTERVELD
    Voorgesteld 19 december 2024
    De Kamer,
    gehoord de beraadslaging,
    overwegende dat ...;              (considerations: overwegende, constaterende, constateert ...)
    verzoekt de regering ...,         (the request: verzoekt, spreekt uit, roept op, draagt op ...)
    en gaat over tot de orde van de dag.
    Beckerman
    Westerveld

Each element may be on a line of its own ("Nr." / "172"), a clause may run over several
lines, and page furniture (headers, the paper's code, ISSN, a web page's "Naar boven") may
be anywhere. A "gewijzigde motie ... ter vervanging van die gedrukt onder nr. 23" names the
motion it replaces.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError
from briefing.importing import motion_names
from briefing.importing.debris import Hyphenation
from briefing.importing.kamerstuk_layout import (
    NOTES_HEADING_RE,
    SITE_TAIL_RE,
    TOP_LINK_RE,
    without_furniture,
)
from briefing.importing.text import DUTCH_DATE_RE, SourceLine, collapse, parse_dutch_date

LAYOUT = "motion"

_TITLE_RE = re.compile(
    r"^(?:Nr\.\s*(\d{1,6})\s+)?((?:(?:NADER\s+)?GEWIJZIGDE\s+)?MOTIE\s+VAN\b.*)$", re.I
)
_NUMBER_RE = re.compile(r"^Nr\.\s*(\d{1,6})?\s*$", re.I)
_DIGITS_RE = re.compile(r"^(\d{1,6})$")
#: rijksbegroting.nl may print the number between the dossier and the title: "35095 8 MOTIE".
_LEADING_NUMBER_RE = re.compile(r"^(\d{1,6})\s+(?=\S)")
_DOSSIER_RE = re.compile(r"^(\d{2}\s?\d{3})(?![\d.,])(.*)$")
#: A dossier's suffix after its number: "-02", "-XIV", " XIV", " A" (a letter, a roman numeral).
_SUFFIX_RE = re.compile(r"^(?:-\s*([A-Z]{1,8}|\d{1,3})|([IVXLC]{1,8}|[A-Z]))(?=\s|$)")
#: The publication's address, which openkamer.org prints after the text instead of the
#: dossier above the title: "Bron: https://zoek.officielebekendmakingen.nl/kst-36042-11.html".
_ADDRESS_RE = re.compile(
    r"\bkst-(\d{5})(-[A-Z]{1,8}|-\d{1,3})?-(\d{1,6})\.(?:html|xml|pdf)\b", re.I
)
_PROPOSED_RE = re.compile(r"^Voorgesteld\b\s*(.*)$", re.I)
#: rijksbegroting.nl prints the number and the date on one line: "Nr. 29 Voorgesteld 1 ...".
_NUMBER_DATE_RE = re.compile(r"^(Nr\.\s*\d{1,6})\s+(Voorgesteld\b.*)$", re.I)
OPENING_RE = re.compile(r"^De Kamer,?$", re.I)
#: A PDF's text may join the date and the opening: "Voorgesteld 18 maart 2020 De Kamer,".
_DATE_START_RE = re.compile(r"^(Voorgesteld\b.*?)\s+(De Kamer,?)$", re.I)
#: The closing formula; a motion of a night sitting may close "... tot de orde van de nacht".
CLOSING_RE = re.compile(r"^en gaat over tot de orde van de (?:dag|nacht)\b", re.I)
_REPLACES_RE = re.compile(
    r"TER\s+VERVANGING\s+VAN\s+DIE\s+GEDRUKT\s+ONDER\s+NR\.?\s*(\d{1,6})", re.I
)
#: Clauses that say what the Kamer asks or decides (the request).
_OPERATIVE_RE = re.compile(
    r"^(?:verzoekt|verzoeken|spreekt|roept|draagt|besluit|vraagt|dringt|geeft|wijst|"
    r"nodigt|stelt voor|zegt|doet een beroep|betreurt|keurt|veroordeelt)\b",
    re.I,
)
#: Clauses that give the Kamer's reasons (the considerations).
_CONSIDERING_RE = re.compile(
    r"^(?:overwegende|constaterende|van mening|van oordeel|gelet op|gezien|erkennende|"
    r"benadrukkende|kennisgenomen hebbende|"
    r"vaststellende|wijzend|voorts|tevens|onderstrepende|concluderende|gehoord|"
    r"in aanmerking nemende|verwijzende|kennisnemende|opmerkende|zich realiserende|"
    r"overwegend|constaterend)\b",
    re.I,
)
#: The Kamer's findings ("constateert dat ...", "stelt vast dat ..."): reasons when a clause of
#: another kind (the request) follows them, else the request (a motion may only state something).
_FINDING_RE = re.compile(r"^(?:constateert|stelt vast|overweegt|concludeert)\b", re.I)
_ITEM_RE = re.compile(r"^(?:[-\u2013\u2022\u00b7]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
#: A submitter's name under the text: a few words, the first with a capital ("Van der Plas").
_NAME_RE = re.compile(r"^[^\W\d_][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,4}$")
#: The comma or full stop the official XML sometimes leaves after a name ("Stoffer,").
_TRAILING_MARK_RE = re.compile(r"(?<=\w\w)[.,;]$|[,;]$")
#: tweedekamer.nl's block of submitters under the names (since 2025): "Indieners", "Indiener",
#: the member's full name and office ("Bram Kouwenhoven, Kamerlid"), "Medeindiener" ...
_SUBMITTERS_BLOCK_RE = re.compile(r"^(?:Indieners?|Mede-?indieners?)$", re.I)
_DASH = "\u2013 "


@dataclass
class MotionText:
    """A motion as its text gives it, with the source line of each part."""

    dossier: str
    suffix: str | None
    number: int
    title: str
    submitters: list[str]
    request: str
    considerations: list[str] = field(default_factory=list)
    submitted: dt.date | None = None
    replaces: int | None = None
    lines: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def kamerstuk(self) -> str:
        """The number as the content writes it: ``29 325, nr. 172``, ``21 501-02, nr. 3027``."""
        return f"{self._dossier}, nr. {self.number}"

    @property
    def replaced(self) -> str | None:
        """The motion it replaces, as a Kamerstuk number of the same dossier."""
        return f"{self._dossier}, nr. {self.replaces}" if self.replaces else None

    @property
    def _dossier(self) -> str:
        base = f"{self.dossier[:-3]} {self.dossier[-3:]}"
        return f"{base}-{self.suffix}" if self.suffix else base


def recognise(lines: list[SourceLine]) -> bool:
    """Whether the text is a motion's: its title in capitals ("MOTIE VAN HET LID ...") near
    the start, and "De Kamer," (a letter that quotes a motion has neither on a line of its
    own; a site's heading "Motie Van Raan/Laçin over ..." is no Kamerstuk's title)."""
    texts = [line.text for line in _unfolded(lines[:200])]
    titled = any(_TITLE_RE.match(text) and "MOTIE" in text for text in texts[:60])
    return titled and any(OPENING_RE.match(text) for text in texts)


def read_motion(lines: list[SourceLine], path: Path) -> MotionText:
    """The motion in ``lines``, or a :class:`BriefingError` naming what is missing."""
    page = lines
    lines, _ = without_furniture(lines)
    filled = [line for line in _unfolded(lines) if line.text and not TOP_LINK_RE.match(line.text)]
    title_at = _title_at(filled)
    head = _Head(path)
    head.read(filled, title_at, page)
    start = next((i for i, line in enumerate(filled) if OPENING_RE.match(line.text)), None)
    if start is None:
        raise BriefingError(
            f"{path}:{filled[title_at].number}: found no 'De Kamer,' after the motion's title; "
            "a motion's text starts 'De Kamer, gehoord de beraadslaging, overwegende dat ...'"
        )
    body = read_body(filled[start + 1 :], path, filled[start].number)
    titled = motion_names.from_title(_REPLACES_RE.sub("", head.title))
    body.names = motion_names.split_joined(body.names, [collapse(x.text) for x in page], titled)
    motion = MotionText(
        head.dossier,
        head.suffix,
        head.number,
        head.title,
        body.names or titled,
        body.request,
        body.considerations,
        head.submitted,
        head.replaces,
        head.lines,
    )
    motion.lines["request"] = body.request_line
    if not body.names:
        motion.notes.append(
            f"line {motion.lines['title']}: the names of the submitters are not under the text; "
            f"taken from the title: {', '.join(motion.submitters)}"
        )
    return motion


@dataclass
class MotionBody:
    """The text of a motion after 'De Kamer,': considerations, request, the names under it."""

    considerations: list[str]
    request: str
    request_line: int
    names: list[str]


def read_body(lines: list[SourceLine], path: Path, opening: int) -> MotionBody:
    """The motion's text in ``lines``, the collapsed lines after its 'De Kamer,' (on line
    ``opening``); a :class:`BriefingError` when it holds no request."""
    clauses, names = _clauses(lines)
    clauses = [c for c in clauses if not c.text.lower().startswith("gehoord de beraadslaging")]
    reasons = [bool(_CONSIDERING_RE.match(c.text)) for c in clauses]
    stated = [reasons[i] or bool(_FINDING_RE.match(c.text)) for i, c in enumerate(clauses)]
    reasons = [reasons[i] or (stated[i] and not all(stated[i:])) for i in range(len(clauses))]
    asks = [i for i, c in enumerate(clauses) if not reasons[i]]
    first_request = next(  # a clause with reasons after it is one too, unless it asks
        (i for i in asks if _OPERATIVE_RE.match(clauses[i].text) or not any(reasons[i:])),
        asks[0] if asks else len(clauses),
    )
    considerations, request = clauses[:first_request], clauses[first_request:]
    if not request:
        raise BriefingError(
            f"{path}:{opening}: found no request in the motion (a clause such as "
            "'verzoekt de regering ...', 'spreekt uit dat ...' or 'roept de regering op ...')"
        )
    return MotionBody(
        [c.text for c in considerations],
        _without_separator(" ".join(c.text for c in request)),
        request[0].line,
        names,
    )


def _title_at(filled: list[SourceLine]) -> int:
    """Where the title is: the first in capitals ("MOTIE VAN DE LEDEN ..."), as the paper
    prints it, else the first at all; a web page's heading above the paper reads "Motie van
    de leden Ploumen en Paternotte over ..." (berthub.eu)."""
    titles = [i for i, line in enumerate(filled) if _TITLE_RE.match(line.text)]
    return next((i for i in titles if "MOTIE VAN" in filled[i].text), titles[0])


def _unfolded(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, white space collapsed, with each part of the motion's head on a line of its
    own: rijksbegroting.nl prints the dossier and the title on one line ("30 300 VII MOTIE
    VAN HET LID VAN BEEK C.S.", or with the number: "35095 8 MOTIE ...") and the number and
    the date on one ("Nr. 29 Voorgesteld ..."); a PDF's text may join the date and "De Kamer,"."""
    unfolded: list[SourceLine] = []
    for line in lines:
        text = collapse(line.text)
        parts = [text]
        if dossier := _DOSSIER_RE.match(text):
            rest = dossier[2].strip()
            suffix = _SUFFIX_RE.match(rest)
            after = rest[suffix.end() :].strip() if suffix else rest
            number = _LEADING_NUMBER_RE.match(after)
            title = after[number.end() :] if number else after
            if title and _TITLE_RE.match(title):
                parts = [text[: len(text) - len(after)].strip(), title]
                if number:
                    parts.insert(1, f"Nr. {number[1]}")
        elif numbered := _NUMBER_DATE_RE.match(text):
            parts = [numbered[1], numbered[2]]
        elif opened := _DATE_START_RE.match(text):
            parts = [opened[1], opened[2]]
        unfolded += [SourceLine(line.number, part) for part in parts]
    return unfolded


@dataclass
class _Head:
    """The motion's number, dossier, title and date, read above 'De Kamer,'."""

    path: Path
    dossier: str = ""
    suffix: str | None = None
    number: int = 0
    title: str = ""
    submitted: dt.date | None = None
    replaces: int | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def read(self, filled: list[SourceLine], title_at: int, page: list[SourceLine]) -> None:
        """The head's parts from the lines ``filled`` around the title at ``title_at``;
        ``page`` are all lines as printed (a web page's address of the publication included)."""
        title_line = filled[title_at]
        match = _TITLE_RE.match(title_line.text)
        assert match is not None
        self.lines["title"] = title_line.number
        parts = [match[2]]
        rest = filled[title_at + 1 :]
        while rest and rest[0].text.isupper() and not OPENING_RE.match(rest[0].text):
            parts.append(rest[0].text)  # a title over more than one line
            rest = rest[1:]
        self.title = " ".join(parts)
        if replaced := _REPLACES_RE.search(self.title):
            self.replaces = int(replaced[1])
        self.number = int(match[1]) if match[1] else self._number(filled[:title_at], rest)
        self._dossier(filled[:title_at], page)
        self._date(filled[title_at:])

    def _number(self, before: list[SourceLine], after: list[SourceLine]) -> int:
        """The number above the title ("Nr. 172", or "Nr." and "172"), else the one under it
        and above 'De Kamer,' (as rijksbegroting.nl prints it)."""
        for index in range(len(before) - 1, -1, -1):
            found = _NUMBER_RE.match(before[index].text)
            if found and found[1]:
                return int(found[1])
            if found and index + 1 < len(before) and _DIGITS_RE.match(before[index + 1].text):
                return int(before[index + 1].text)
        for line in itertools.takewhile(lambda line: not OPENING_RE.match(line.text), after):
            if (found := _NUMBER_RE.match(line.text)) and found[1]:
                return int(found[1])
        raise BriefingError(
            f"{self.path}:{self.lines['title']}: found no number ('Nr. 172') above the "
            "motion's title"
        )

    def _dossier(self, before: list[SourceLine], page: list[SourceLine]) -> None:
        """The dossier above the title ("29 325", "21 501-02", "36 410 XIV"), else the one of
        the publication's address on the page, when it has the motion's number."""
        for index, line in enumerate(before):
            match = _DOSSIER_RE.match(line.text)
            if not match:
                continue
            rest = match[2].strip()
            following = [other.text for other in before[index + 1 : index + 3]]
            if rest.startswith("-") and not rest.strip("- "):
                rest = "-" + " ".join(following[:1])  # "21 501" / "-" / "02"
            elif not rest and following and _SUFFIX_RE.fullmatch(following[0]):
                rest = following[0]
            elif not rest and following[:1] == ["-"] and len(following) > 1:
                rest = "-" + following[1]
            suffix = _SUFFIX_RE.match(rest)
            self.dossier = match[1].replace(" ", "")
            self.suffix = (suffix[1] or suffix[2]).upper() if suffix else None
            self.lines["kamerstuk"] = line.number
            return
        for line in page:
            for address in _ADDRESS_RE.finditer(line.text):
                if int(address[3]) == self.number:
                    self.dossier = address[1]
                    self.suffix = address[2][1:].upper() if address[2] else None
                    self.lines["kamerstuk"] = line.number
                    return
        raise BriefingError(
            f"{self.path}:{self.lines['title']}: found no dossier number (such as '29 325' or "
            "'21 501-02') above the motion's title"
        )

    def _date(self, after: list[SourceLine]) -> None:
        for index, line in enumerate(after[:8]):
            match = _PROPOSED_RE.match(line.text)
            if not match:
                continue
            following = after[index + 1].text if index + 1 < len(after) else ""
            text = f"{match[1]} {following}"  # "Voorgesteld tijdens het debat van" / the date
            if DUTCH_DATE_RE.search(text):
                self.submitted = parse_dutch_date(text)
                self.lines["submitted"] = line.number
            return


@dataclass
class _Clause:
    text: str
    line: int


def _clauses(lines: list[SourceLine]) -> tuple[list[_Clause], list[str]]:
    """The clauses between 'De Kamer,' and the closing formula, and the names after it: the
    lines of names right under it, up to the first that is no name (a web page's block of
    signatories or submitters, its links, its footnotes' heading "XNoot", the next part)."""
    clauses: list[_Clause] = []
    names: list[str] = []
    hyphenation = Hyphenation.of(line.text for line in lines)
    ended = False
    for line in lines:
        text = line.text
        if ended:
            name = _TRAILING_MARK_RE.sub("", text)
            if not _is_name(name) or any(
                r.match(name) for r in (SITE_TAIL_RE, _SUBMITTERS_BLOCK_RE, NOTES_HEADING_RE)
            ):
                break
            names.append(name)
            continue
        if CLOSING_RE.match(text):
            ended = True
            continue
        starts = _OPERATIVE_RE.match(text) or _CONSIDERING_RE.match(text)
        previous = clauses[-1].text.lower() if clauses else ""
        after_clause = previous.endswith(";") or previous == "gehoord de beraadslaging,"
        if clauses and _ITEM_RE.match(text):
            clauses[-1].text = f"{clauses[-1].text} {_ITEM_RE.sub(_DASH, text)}"
        elif starts or after_clause or not clauses:
            clauses.append(_Clause(text, line.number))
        else:
            clauses[-1].text = collapse(hyphenation.join(clauses[-1].text, text))
    if not ended:  # no closing formula: the names are the short lines at the end
        while len(clauses) > 1 and _is_name(clauses[-1].text):
            names.insert(0, clauses.pop().text)
    for clause in clauses:
        clause.text = _tidy(clause.text)
    return clauses, names


def _is_name(text: str) -> bool:
    return bool(_NAME_RE.match(text)) and text[0].isupper() and len(text) <= 60


def _tidy(text: str) -> str:
    """A clause without the spaces a PDF's text leaves inside brackets: '( 29 936, nr. 69 )'."""
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))


def _without_separator(text: str) -> str:
    """The request without the comma or semicolon that led to 'en gaat over tot ...'."""
    return re.sub(r"\s*[,;]\s*$", "", text)
