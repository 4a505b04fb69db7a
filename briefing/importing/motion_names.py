"""The names of a motion's submitters where the text gives no names under the motion.

A motion's paper names them in its title in capitals ("MOTIE VAN DE LEDEN VAN DER PLAS EN
BECKERMAN", "MOTIE VAN HET LID KLAVER C.S."); the record of a debate (Handelingen) in the
chair's words after it ("Deze motie is voorgesteld door de leden Graus, Van Gerven en
Ouwehand.") or, for a motion changed in the debate, in its name ("De motie-Gesthuizen/Sjoerdsma
(32317, nr. 347) is in die zin gewijzigd ..."). "c.s." stays with the first name.

openkamer.org prints the names under a motion on one line ("Tielen Van Haga"); its
"Indiener(s): Judith Tielen (VVD), Wybren van Haga (Groep Van Haga)" line names each with
first name and party. Such a line is split into the names it is made of, each the end of one
submitter's full name ("Tielen", "Van Haga"), only when exactly one such split exists: "Van der
Staaij" stays one name. Without that line, the names in the title are those full names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "in", "'t", "la", "le", "el", "al"}
_CS_RE = re.compile(r"\s*\bc\.\s?s\.?$", re.I)
#: The title's names, after "MOTIE VAN (HET LID | DE LEDEN)".
_TITLE_NAMES_RE = re.compile(r"MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)?\s*(.*)$", re.I)


#: openkamer.org's line of the submitters' full names: "Indiener(s): Judith Tielen (VVD), ...".
_INDIENERS_RE = re.compile(r"^Indiener\(s\):\s*(.+)$")


def split_joined(names: list[str], page: list[str], title: list[str]) -> list[str]:
    """The ``names`` under a motion, each line that joins several submitters (openkamer.org:
    "Tielen Van Haga") split into them, as the full names the ``page`` gives allow, else the
    names in the motion's ``title`` ("MOTIE VAN DE LEDEN TIELEN EN VAN HAGA")."""
    full = next((_full_names(m[1]) for text in page if (m := _INDIENERS_RE.match(text))), [])
    if len(full) < 2:
        full = [name.lower() for name in title if not _CS_RE.search(name)]
    if len(full) < 2:
        return names
    return [part for name in names for part in _split_by(name, full) or [name]]


def _full_names(listed: str) -> list[str]:
    """The full names in "Judith Tielen (VVD), Wybren van Haga (Groep Van Haga)", lowercase."""
    while re.search(r"\([^()]*\)", listed):
        listed = re.sub(r"\([^()]*\)", "", listed)
    return [" ".join(part.lower().split()) for part in listed.split(",") if part.strip()]


def _split_by(name: str, full: list[str]) -> list[str] | None:
    """``name`` as two or more names, each the end of a different one of the ``full`` names,
    when there is exactly one such split and ``name`` is not itself the end of one."""
    words = name.split()

    def ends(part: list[str], person: str) -> bool:
        return f" {person}".endswith(" " + " ".join(part).lower())

    if any(ends(words, person) for person in full):
        return None
    splits: list[list[str]] = []

    def walk(start: int, used: frozenset[int], parts: list[str]) -> None:
        if start == len(words):
            splits.append(parts)
            return
        for stop in range(start + 1, len(words) + 1):
            for index, person in enumerate(full):
                if index not in used and ends(words[start:stop], person):
                    walk(stop, used | {index}, [*parts, " ".join(words[start:stop])])

    walk(0, frozenset(), [])
    return splits[0] if len(splits) == 1 and len(splits[0]) > 1 else None


def from_title(title: str) -> list[str]:
    """The names in a title in capitals, as the Kamer writes them ('Van der Plas')."""
    match = _TITLE_NAMES_RE.search(title)
    named = match[1].strip() if match else ""
    return _split(named, r"\s*,\s*|\s+EN\s+", _name_case)


def from_words(named: str) -> list[str]:
    """The names the chair gives ("Graus, Van Gerven en Ouwehand") as they are written."""
    return _split(named, r"\s*,\s*|\s+en\s+")


def from_motion_name(named: str) -> list[str]:
    """The names in a motion's name in a record: "Gesthuizen/Sjoerdsma", "Mastwijk c.s."."""
    return _split(named, r"\s*/\s*")


def _split(named: str, separators: str, case: Callable[[str], str] = str.strip) -> list[str]:
    """The names in ``named`` between ``separators``, each as ``case`` writes it, "c.s." after
    the first when ``named`` ends in it."""
    cs = bool(_CS_RE.search(named))
    named = _CS_RE.sub("", named).strip()
    people = [case(part.strip()) for part in re.split(separators, named) if part.strip()]
    if cs and people:
        people[0] = f"{people[0]} c.s."
    return people


def _name_case(name: str) -> str:
    """A name from a title in capitals as the Kamer writes it: 'VAN DER PLAS' -> 'Van der Plas'."""
    words = name.lower().split()
    cased = [w if w in _PARTICLES and i else w.capitalize() for i, w in enumerate(words)]
    hyphened = ("-".join(p.capitalize() for p in w.split("-")) if "-" in w else w for w in cased)
    return " ".join(hyphened)
