"""Who signs as which minister, and with which ministry: to complete what a text leaves out.

Text converted from a letter's PDF often loses the signatory's name (it sits beside a
signature image), and the Kamerstuk layout prints the name with initials ("S.A.M. Kaag")
where the letter itself is signed "Sigrid A.M. Kaag". The importer then proposes the name
under which the minister who held the post on the letter's date signs letters: first as
the content's letters write it, then from :data:`HOLDERS`. Every such proposal is marked
for review. Extend :data:`HOLDERS` when a new minister takes office.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.importing.text import collapse

_BHOS = "minister voor buitenlandse handel en ontwikkelingssamenwerking"


@dataclass(frozen=True)
class Holder:
    """Someone who held a post (from ``start``, up to but not including ``end``)."""

    post: str
    name: str
    start: dt.date
    end: dt.date | None


#: Ministers for foreign trade and development cooperation, with the name they sign with.
HOLDERS = [
    Holder(_BHOS, "Lilianne Ploumen", dt.date(2012, 11, 5), dt.date(2017, 10, 26)),
    Holder(_BHOS, "Sigrid A.M. Kaag", dt.date(2017, 10, 26), dt.date(2021, 8, 10)),
    Holder(_BHOS, "Tom de Bruijn", dt.date(2021, 8, 10), dt.date(2022, 1, 10)),
    Holder(_BHOS, "Liesje Schreinemacher", dt.date(2022, 1, 10), dt.date(2024, 7, 2)),
]

_BZ = "Ministerie van Buitenlandse Zaken"
_BZK = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
_OCW = "Ministerie van Onderwijs, Cultuur en Wetenschap"
_VWS = "Ministerie van Volksgezondheid, Welzijn en Sport"

#: Ministers without a ministry of their own ("minister voor ...") and the ministry they sit in.
_HOST_MINISTRY = {
    _BHOS: _BZ,
    "minister voor buitenlandse handel en ontwikkelingshulp": _BZ,
    "minister voor ontwikkelingssamenwerking": _BZ,
    "minister voor medische zorg": _VWS,
    "minister voor medische zorg en sport": _VWS,
    "minister voor langdurige zorg en sport": _VWS,
    "minister voor jeugd en gezin": _VWS,
    "minister voor rechtsbescherming": "Ministerie van Justitie en Veiligheid",
    "minister voor basis- en voortgezet onderwijs en media": _OCW,
    "minister voor primair en voortgezet onderwijs": _OCW,
    "minister voor klimaat en energie": "Ministerie van Economische Zaken en Klimaat",
    "minister voor natuur en stikstof": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "minister voor armoedebeleid, participatie en pensioenen": (
        "Ministerie van Sociale Zaken en Werkgelegenheid"
    ),
    "minister voor volkshuisvesting en ruimtelijke ordening": _BZK,
    "minister voor grote steden- en integratiebeleid": _BZK,
    "minister voor bestuurlijke vernieuwing en koninkrijksrelaties": _BZK,
    "minister-president": "Ministerie van Algemene Zaken",
    "minister-president, minister van algemene zaken": "Ministerie van Algemene Zaken",
    "minister voor wonen en rijksdienst": _BZK,
    "minister voor immigratie, integratie en asiel": _BZK,
    "minister voor wonen, wijken en integratie": (
        "Ministerie van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    ),
}

#: The names of the Dutch ministries, present and past (a title names its ministry in lower
#: case, and some names hold a comma: "de minister van onderwijs, cultuur en wetenschap").
MINISTRIES = [
    "Algemene Zaken",
    "Asiel en Migratie",
    "Binnenlandse Zaken",
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Buitenlandse Zaken",
    "Defensie",
    "Economische Zaken",
    "Economische Zaken en Klimaat",
    "Economische Zaken, Landbouw en Innovatie",
    "Financiën",
    "Infrastructuur en Milieu",
    "Infrastructuur en Waterstaat",
    "Justitie",
    "Justitie en Veiligheid",
    "Klimaat en Groene Groei",
    "Landbouw en Visserij",
    "Landbouw, Natuur en Voedselkwaliteit",
    "Landbouw, Natuurbeheer en Visserij",
    "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "Onderwijs en Wetenschappen",
    "Onderwijs, Cultuur en Wetenschap",
    "Onderwijs, Cultuur en Wetenschappen",
    "Sociale Zaken en Werkgelegenheid",
    "Veiligheid en Justitie",
    "Verkeer en Waterstaat",
    "Volksgezondheid, Welzijn en Sport",
    "Volkshuisvesting en Ruimtelijke Ordening",
    "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "Welzijn, Volksgezondheid en Cultuur",
]

_HONORIFICS = {"drs.", "dr.", "mr.", "ir.", "ing.", "prof.", "mevrouw", "de heer"}


def post_of(title: str) -> str:
    """The post a signatory's title names, normalised: ``"minister voor buitenlandse ..."``."""
    text = collapse(title).lower().rstrip(",. ")
    return re.sub(r"^(?:de|het)\s+", "", text)


def ministry_of(title: str) -> str | None:
    """The ministry of the post a title names, when it follows from the title: one of
    :data:`MINISTRIES`, else the words after "minister van" when they hold no comma."""
    post = post_of(title)
    if post in _HOST_MINISTRY:
        return _HOST_MINISTRY[post]
    match = re.match(r"(?:minister|staatssecretaris) van (.+)$", post)
    if match is None:
        return None
    named = [m for m in MINISTRIES if re.match(rf"{re.escape(m.lower())}(?:,|$)", match[1])]
    if named:
        return "Ministerie van " + max(named, key=len)
    if "," not in match[1]:
        words = match[1].split()
        return "Ministerie van " + " ".join(w if w in ("en", "van") else w.title() for w in words)
    return None


def surname(name: str) -> str:
    """The last word of a name, in lower case: ``"S.A.M. Kaag"`` -> ``"kaag"``."""
    words = [w for w in name.split() if w.lower() not in _HONORIFICS]
    return words[-1].lower() if words else ""


def is_full_name(name: str) -> bool:
    """Whether a name has a first name ("Liesje Schreinemacher"), not just initials."""
    words = name.split()
    return len(words) >= 2 and not re.fullmatch(r"(?:[A-Z][a-z]?\.)+", words[0])


def signing_name(
    title: str, date: dt.date, printed: str | None, letters: Iterable[tuple[str, str, dt.date]]
) -> tuple[str | None, str | None]:
    """The name to sign with and, when it is not the printed one, why to review it.

    ``letters`` are the content's letters as (signatory title, name, date). A printed
    full name is kept as it is; a name in initials becomes the full name of the same
    person; a missing name becomes the name of whoever held the post on ``date``.
    """
    if printed and is_full_name(printed):
        return printed, None
    post = post_of(title)
    known = [name for t, name, _ in sorted(letters, key=lambda x: x[2]) if post_of(t) == post]
    holders = [
        h.name
        for h in HOLDERS
        if h.post == post and h.start <= date and (h.end is None or date < h.end)
    ]
    if printed:
        for name in [*reversed(known), *holders]:
            if surname(name) == surname(printed) and is_full_name(name):
                return name, (
                    f"the text prints '{printed}'; this is the name the same minister signs "
                    "letters with"
                )
        return printed, None
    if holders:
        name = next((k for k in reversed(known) if surname(k) == surname(holders[0])), holders[0])
        return name, (
            f"the text gives no name under the title; this is who held the post on "
            f"{date.isoformat()}"
        )
    return None, None


#: A reprint says so before its kind ("Nr. 7 HERDRUK1", the number a footnote's call).
_REPRINT_RE = re.compile(r"^HERDRUK\d{0,3}\s*", re.IGNORECASE)


def heading_authors(kind: str) -> list[str]:
    """Who the heading says sent the letter, as signatures' titles: "BRIEF VAN DE MINISTER VAN
    FINANCIËN" (or "HERDRUK BRIEF VAN ...", a reprint's) gives "De Minister van Financiën,".
    A heading that names several gives each, the first first: "DE MINISTERS VAN A EN VOOR B"
    gives "De Minister van A," and "De Minister voor B,", "DE MINISTER VAN A EN DE
    STAATSSECRETARIS VAN B" and "DE MINISTER EN STAATSSECRETARIS VAN A" give a minister and a
    staatssecretaris."""
    kind = _REPRINT_RE.sub("", kind.strip())
    kind = re.sub(r"(?<=[A-Z])\d{1,2}$", "", kind)  # a footnote's call: "DE INFORMATEURS1"
    match = re.match(r"^brief van (?:de |het )?(.+)$", kind, re.IGNORECASE)
    if not match:
        return []
    return [_title(sender) for sender in _senders(match[1])]


def _senders(senders: str) -> list[str]:
    """The senders a heading names, each as "minister van A" (the whole when it names one)."""
    both = re.match(
        r"^(minister|staatssecretaris) en (?:de )?(minister|staatssecretaris) ((?:van|voor) .+)$",
        senders,
        re.IGNORECASE,
    )
    if both:  # "minister en staatssecretaris van A"
        return [f"{both[1]} {both[3]}", f"{both[2]} {both[3]}"]
    found: list[str] = []
    for group in re.split(
        r" en (?:van )?(?:de |het )?(?=(?:minister|staatssecretaris)\b)",
        senders,
        flags=re.IGNORECASE,
    ):
        plural = re.match(r"^(minister|staatssecretaris)(?:s|sen) (.+)$", group, re.IGNORECASE)
        if plural:  # "ministers van A en voor B"
            parts = re.split(r" en (?=(?:van|voor) )", plural[2], flags=re.IGNORECASE)
            found += [f"{plural[1]} {part}" for part in parts]
        else:
            found.append(group)
    return found


def _title(sender: str) -> str:
    """A sender as a heading prints it ("MINISTER VAN FINANCIËN") as a signature's title."""
    keep = {"van", "voor", "en", "der", "de"}
    words = [w.lower() if w.lower() in keep else w.capitalize() for w in sender.split()]
    return f"De {' '.join(words)},"
