"""What the web sites print above a Kamerstuk: the paper's title and its dossier's, its code.

tweedekamer.nl puts the title above the paper ("Brief regering : ..."), parlementairemonitor.nl
in its details ("Officiële titel <dossier>; Brief regering; <title>"); openkamer.org names
the paper ("Kamerstuk 34300-VII-60"), its title and "Dossier: ...", then its details with
the paper's address ("Bron: .../kst-34300-VII-60.html"); berthub.eu prints the title, the
dossier's title and "Brief regering" each on a line, and the address ("kst-35068-4"). The
Kamerstuk layout reader asks here about each line of the head.

berthub.eu also prints a letter from the ministry's own document (a .docx), without the
Kamerstuk's head: its page gives the title, "Nummer: 2024D51302, datum: 2024-12-19" and
"Onderdeel van kamerstukdossier 21501 32-1691 ...". The ministry layout reader takes the
date, subject and Kamerstuk number from there (:func:`document_head`). The site's other lines
(its menu, links, the case and activities the paper belongs to) are furniture
(:func:`is_page_line`).
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.importing.parsed import Head
from briefing.importing.text import SourceLine, collapse
from briefing.types import Kamerstuk

#: tweedekamer.nl puts the letter's subject above it, after its kind ("Brief regering",
#: "Brief informateur").
_SITE_TITLE_RE = re.compile(r"^Brief (?:regering|informateurs?|formateurs?)\s*:\s*(\S.*)$")
#: openkamer.org names the paper above its title, and then its dossier.
_SITE_PAPER_RE = re.compile(r"^Kamerstuk \d{5}-(?:[A-Z]{1,8}-|\d{1,3}-)?\d{1,6}$")
_SITE_DOSSIER_RE = re.compile(r"^Dossier:\s*(\S.*)$")
#: parlementairemonitor.nl's details above the paper: "Officiële titel <dossier's title>; Brief
#: regering; <the paper's title>".
_MONITOR_TITLE_RE = re.compile(r"^Offici\u00eble titel (\S.*?); Brief regering; (\S.*)$")
#: berthub.eu prints the paper's title, its dossier's title and its kind, each on a line.
KIND_ALONE_RE = re.compile(r"^Brief regering$")
SITE_TITLE = "site title"
#: A paper's code, as its address on officielebekendmakingen.nl has it: "kst-35300-XIV-62".
_PAPER_CODE_RE = re.compile(r"\bkst-(\d{5})-(?:([A-Z]{1,8}|\d{1,3})-)?(\d{1,6})\b")
#: The last row of officielebekendmakingen.nl's table above the paper: the chamber, the year,
#: the dossier and the number ("Tweede Kamer der Staten-Generaal | 2009-2010 | 31371 nr. 342 |";
#: a copy without the cells' bars runs them together: "...Generaal2010-201119637 nr. 1417").
TABLE_ROW_RE = re.compile(
    r"^Tweede Kamer der Staten-Generaal\s*\|?\s*\d{4}\s*[\u2013-]\s*\d{4}\s*\|?\s*"
    r"(\d{2}\s?\d{3})(?:[-\s]?([A-Z]{1,8}|\d{1,3}))?\s+nr\.\s*(\d{1,6})\s*\|?\s*$"
)
#: berthub.eu's line of the document's number in the Kamer's records and its date.
_DOCUMENT_RE = re.compile(r"^Nummer:\s*\d{4}D\d{5},\s*datum:\s*(\d{4})-(\d{2})-(\d{2})\b")
#: berthub.eu's line of the paper's dossier, suffix and number: "21501 32-1691", "35068 -4".
_PART_OF_RE = re.compile(
    r"^Onderdeel van kamerstukdossier (\d{5}) ?([A-Z]{1,8}|\d{1,3})?-(\d{1,6})\b\s*(.*?)[\s.]*$"
)

#: berthub.eu's own lines around a paper: its menu, the document's number and links, the
#: persons, dossier, case and activities it belongs to (with their lists), the preview's
#: heading. They say nothing of the letter's that the paper does not, so no note names them.
_PAGE_LINE_RE = re.compile(
    r"^(?:(?:\[[^\]]{1,40}\]\s*){2,}"
    r"|Nummer:\s*\d{4}D\d{5},\s*datum:"
    r"|Directe link naar document\b"
    r"|Gerelateerde personen:"
    r"|Bijlagen:\s*$"
    r"|Onderdeel van (?:kamerstukdossier|zaak|activiteiten)\b"
    r"|- (?:Indiener|Voortouwcommissie|Eerste ondertekenaar|Mede ?ondertekenaar|Medeindiener):"
    r"|- \d{4}-\d{2}-\d{2} \d{2}:\d{2}: "
    r"|Preview document\b"
    # parlementairemonitor.nl's details above the paper: its numbered parts, their headings
    r"|\d\.$|Kerngegevens$|Tekst$|(?:Document|Publicatie)datum \d|Nummer KST\d+$"
    r"|Kenmerk \d{5}\S*, nr\. \d+$|Externe link origineel bericht$|Originele document in PDF$"
    r"|Deze \w+ is onder nr\. \d+ toegevoegd aan dossier \d+\b|Brief regering; )"
)


def is_page_line(text: str) -> bool:
    """Whether ``text`` is one of berthub.eu's own lines around a paper (its menu, the
    document's number and links, what it belongs to): the site's, not the letter's."""
    return bool(_PAGE_LINE_RE.match(text))


def site_line(text: str, number: int, head: Head, part: str) -> str | None:
    """Read a line that a site prints above the paper: tweedekamer.nl's title ("Brief regering :
    ..."), openkamer.org's paper ("Kamerstuk 34300-VII-60"), its title under it and its
    "Dossier: ..."; the part of the head that follows, or ``None`` for another line."""
    if site := _SITE_TITLE_RE.match(text):
        head.subject, head.lines["subject"] = site[1], number
        return ""
    if site := _MONITOR_TITLE_RE.match(text):
        head.subject, head.lines["subject"] = site[2], number
        head.dossier_title = head.dossier_title or site[1]
        return ""
    if _SITE_PAPER_RE.match(text):
        return SITE_TITLE
    if part == SITE_TITLE:
        head.subject, head.lines["subject"] = text, number
        return ""
    if site := _SITE_DOSSIER_RE.match(text):
        head.dossier_title = head.dossier_title or site[1]
        return ""
    return None


def dossier_of_code(printed: list[SourceLine], number: str) -> tuple[str, str | None] | None:
    """The dossier that the paper's code in the page's head gives, when it is this paper's
    ("Bron: https://zoek.officielebekendmakingen.nl/kst-35300-XIV-62.html" on openkamer.org,
    "officiële HTML versie (kst-35068-4)" on berthub.eu, above "Nr. 62")."""
    for line in printed:
        for code in _PAPER_CODE_RE.finditer(line.text):
            if code[3] == number:
                return code[1], code[2]
    return None


def paper_of_table(printed: list[SourceLine]) -> tuple[tuple[str, str | None], str, int] | None:
    """The dossier, number and line that officielebekendmakingen.nl's table above the paper
    gives, for a page that prints no "Nr. 342" line (a paper in a dossier being handled)."""
    for line in printed:
        if row := TABLE_ROW_RE.match(collapse(line.text)):
            return (row[1], row[2]), row[3], line.number
    return None


def document_head(lines: list[SourceLine], head: Head) -> set[int]:
    """Read berthub.eu's head of a letter printed from the ministry's document: the title
    above the dossier's title and "Brief regering" (the subject), the document's date and
    the paper's Kamerstuk number; the positions in ``lines`` of the lines read (none on another
    page). Positions, not line numbers: the lines of a saved web page written on one line of
    HTML share its number."""
    texts = [
        (position, line.number, collapse(line.text))
        for position, line in enumerate(lines)
        if line.text.strip()
    ]
    read: set[int] = set()
    for index, (position, number, text) in enumerate(texts):
        if KIND_ALONE_RE.match(text) and index >= 2 and not head.subject:
            head.subject, head.lines["subject"] = texts[index - 2][2], texts[index - 2][1]
            head.dossier_title = head.dossier_title or texts[index - 1][2]
            read |= {position, texts[index - 1][0], texts[index - 2][0]}
        elif (document := _DOCUMENT_RE.match(text)) and head.date is None:
            try:
                head.date = dt.date(int(document[1]), int(document[2]), int(document[3]))
            except ValueError:
                continue
            head.lines["date"] = number
            head.review["date"] = (
                "the date berthub.eu gives the document (the Kamer's records): check it "
                "against the letter"
            )
            read.add(position)
        elif (part := _PART_OF_RE.match(text)) and head.kamerstuk is None:
            suffix = f"-{part[2]}" if part[2] else ""
            try:
                cited = Kamerstuk.parse(f"{part[1]}{suffix}, nr. {part[3]}")
            except ValueError:
                continue
            head.kamerstuk = str(cited).removeprefix("Kamerstuk ")
            head.lines["kamerstuk"] = number
            head.dossier_title = head.dossier_title or part[4] or None
            read.add(position)
    return read


def fill_missing(head: Head, site: Head) -> None:
    """Give ``head`` the date, subject, Kamerstuk number and dossier's title that the site's
    head (``site``) gives and the letter's own head does not, with their lines and reasons."""
    for name in ("date", "subject", "kamerstuk", "dossier_title"):
        if getattr(head, name) or not getattr(site, name):
            continue
        setattr(head, name, getattr(site, name))
        if name in site.lines:
            head.lines[name] = site.lines[name]
        if name in site.review:
            head.review[name] = site.review[name]
