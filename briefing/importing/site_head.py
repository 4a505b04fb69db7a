"""What the web sites print above a Kamerstuk: the paper's title and its dossier's, its code.

tweedekamer.nl puts the title above the paper ("Brief regering : ..."); openkamer.org names
the paper ("Kamerstuk 34300-VII-60"), its title and "Dossier: ...", then its details with
the paper's address ("Bron: .../kst-34300-VII-60.html"); berthub.eu prints the title, the
dossier's title and "Brief regering" each on a line, and the address ("kst-35068-4"). The
Kamerstuk layout reader asks here about each line of the head.
"""

from __future__ import annotations

import re

from briefing.importing.parsed import Head
from briefing.importing.text import SourceLine

#: tweedekamer.nl puts the letter's subject above it.
_SITE_TITLE_RE = re.compile(r"^Brief regering\s*:\s*(\S.*)$")
#: openkamer.org names the paper above its title, and then its dossier.
_SITE_PAPER_RE = re.compile(r"^Kamerstuk \d{5}-(?:[A-Z]{1,8}-|\d{1,3}-)?\d{1,6}$")
_SITE_DOSSIER_RE = re.compile(r"^Dossier:\s*(\S.*)$")
#: berthub.eu prints the paper's title, its dossier's title and its kind, each on a line.
KIND_ALONE_RE = re.compile(r"^Brief regering$")
SITE_TITLE = "site title"
#: A paper's code, as its address on officielebekendmakingen.nl has it: "kst-35300-XIV-62".
_PAPER_CODE_RE = re.compile(r"\bkst-(\d{5})-(?:([A-Z]{1,8}|\d{1,3})-)?(\d{1,6})\b")


def site_line(text: str, number: int, head: Head, part: str) -> str | None:
    """Read a line that a site prints above the paper: tweedekamer.nl's title ("Brief regering :
    ..."), openkamer.org's paper ("Kamerstuk 34300-VII-60"), its title under it and its
    "Dossier: ..."; the part of the head that follows, or ``None`` for another line."""
    if site := _SITE_TITLE_RE.match(text):
        head.subject, head.lines["subject"] = site[1], number
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
