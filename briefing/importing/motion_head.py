"""Reading a motion's head: its number, dossier, title and the day it was submitted, above
'De Kamer,'.

The paper prints the dossier with its title, the motion's number and title, and the day::

    29 325 Maatschappelijke Opvang
    Nr. 172 MOTIE VAN DE LEDEN BECKERMAN EN WESTERVELD
    Voorgesteld 19 december 2024
    De Kamer,

Each element may be on a line of its own ("Nr." / "172"); rijksbegroting.nl prints the dossier
and the title on one line and the number and the date on one; a web page that prints no dossier
above the title gives it in the publication's address. A "gewijzigde motie ... ter vervanging
van die gedrukt onder nr. 23" names the motion it replaces.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from briefing.errors import BriefingError
from briefing.importing.text import DUTCH_DATE_RE, SourceLine, collapse, parse_dutch_date
from briefing.streams import Origin

TITLE_RE = re.compile(
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
REPLACES_RE = re.compile(
    r"TER\s+VERVANGING\s+VAN\s+DIE\s+GEDRUKT\s+ONDER\s+NR\.?\s*(\d{1,6})", re.I
)


def title_at(filled: list[SourceLine]) -> int:
    """Where the title is: the first in capitals ("MOTIE VAN DE LEDEN ..."), as the paper
    prints it, else the first at all; a web page's heading above the paper reads "Motie van
    de leden Ploumen en Paternotte over ..." (berthub.eu)."""
    titles = [i for i, line in enumerate(filled) if TITLE_RE.match(line.text)]
    return next((i for i in titles if "MOTIE VAN" in filled[i].text), titles[0])


def unfolded(lines: list[SourceLine]) -> list[SourceLine]:
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
            if title and TITLE_RE.match(title):
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
class Head:
    """The motion's number, dossier, title and date, read above 'De Kamer,'."""

    path: Origin
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
        match = TITLE_RE.match(title_line.text)
        assert match is not None
        self.lines["title"] = title_line.number
        parts = [match[2]]
        rest = filled[title_at + 1 :]
        while rest and rest[0].text.isupper() and not OPENING_RE.match(rest[0].text):
            parts.append(rest[0].text)  # a title over more than one line
            rest = rest[1:]
        self.title = " ".join(parts)
        if replaced := REPLACES_RE.search(self.title):
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
