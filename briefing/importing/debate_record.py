"""Reading the motions in the record of a debate (Handelingen), each with its number.

The Handelingen (officielebekendmakingen.nl's ``h-tk-...``, tweedekamer.nl's verbatim record
of a plenary sitting or a tweeminutendebat) print each motion read out in the debate without
the number and title of its Kamerstuk; the chair's words after it give them::

    Motie
    De Kamer,
    gehoord de beraadslaging,
    ...
    en gaat over tot de orde van de dag.
    De voorzitter:
    Deze motie is voorgesteld door de leden Graus en Ouwehand. Naar mij blijkt, wordt de
    indiening ervan voldoende ondersteund.
    Zij krijgt nr. 30 (32563).

A motion changed in the debate is named above its new text ("De motie-Gesthuizen/Sjoerdsma
(32317, nr. 347) is in die zin gewijzigd dat zij thans luidt:") and gets a new number under it
("Zij krijgt nr. 348, was nr. 347 (32317)."; in the 1990s only "Zij krijgt nr. 41 (25000-XI).",
the number it replaces given only above it). Each motion with its number becomes a motion;
one the record gives no number (a copy that stops early) is left out and said so. A motion is
submitted at the debate, so the day of the sitting is its ``submitted`` day, where the record
prints it: tweedekamer.nl under its head ("Plenair verslag Tweede Kamer, 69e vergadering" /
"Dinsdag 4 april 2023"), a title line ("Tweede Kamer, 14e vergadering, dinsdag 8 oktober
2019"), a heading or the chair ("Vergadering van dinsdag 3 juli 2018", "Ik open de vergadering
van dinsdag 4 april 2023."); always with its weekday, so that another sitting a record refers
to ("(Zie vergadering van 31 maart 2005.)") is not taken; berthub.eu's page of a verbatim
record dates it ("Stenogram" / "Nummer: 2025D02657, datum: 2025-01-23").
officielebekendmakingen.nl's copies do not print it: their motions have no ``submitted`` day.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.errors import BriefingError
from briefing.importing import motion_names
from briefing.importing.kamerstuk_layout import TOP_LINK_RE, without_furniture
from briefing.importing.motion_head import OPENING_RE
from briefing.importing.motion_text import CLOSING_RE, MotionText, read_body
from briefing.importing.text import (
    DUTCH_DATE_RE,
    SourceLine,
    collapse,
    parse_dutch_date,
    parse_letterhead_date,
)
from briefing.streams import Origin

#: The number the chair gives a motion, with its dossier: "Zij krijgt nr. 30 (32563).",
#: "Zij krijgt nr. 348, was nr. 347 (32317).", "Zij krijgt nr. 12 (36600-XV)."
_NUMBER_GIVEN_RE = re.compile(
    r"\bZij krijgt nr\.\s*(\d{1,6})(?:,\s*was nr\.\s*(\d{1,6}))?\s*"
    r"\((\d{2}\s?\d{3})(?:[-\s]([A-Z]{1,8}|\d{1,3}))?\)"
)
#: Who proposed it: "Deze motie is voorgesteld door het lid Graus." / "door de leden A en B."
#: (the full stop after the names, not one after an initial: "M.B. Vos").
_PROPOSED_BY_RE = re.compile(
    r"\bDeze (?:gewijzigde )?motie is voorgesteld door (?:het lid|de leden) "
    r"(.+?)(?<!\b[A-Z])\.(?=\s|$)"
)
#: A motion changed in the debate: "De motie-Gesthuizen/Sjoerdsma (32317, nr. 347) is in die
#: zin gewijzigd dat zij thans luidt:", "De motie-Verspaget (25000-XI, nr. 22) is in die zin
#: gewijzigd, dat ..." (before 2000 the chair's number does not repeat the one it replaces).
_CHANGED_RE = re.compile(
    r"^De (?:gewijzigde )?motie-(.+?) \([^)]*?\bnr\.\s*(\d{1,6})\) is in die zin gewijzigd\b"
)
#: How far after a motion's closing formula the chair's words are looked for.
_CHAIR_REACH = 8
#: The days of the week, which a record prints before the day of its sitting.
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
#: The day of the sitting as a record prints it, always with its weekday: a line of its own
#: ("Dinsdag 4 april 2023"), a title line ("Tweede Kamer, 14e vergadering, dinsdag 8 oktober
#: 2019"), a heading or the chair's opening ("Vergadering van dinsdag 3 juli 2018", "Ik open
#: de vergadering van dinsdag 4 april 2023.").
_SITTING_DAY_RE = re.compile(
    rf"^(?:(?:Plenair verslag )?Tweede Kamer, \d+e vergadering,? |(?:Ik open de )?vergadering "
    rf"van )?{_WEEKDAY} ({DUTCH_DATE_RE.pattern})\.?$",
    re.IGNORECASE,
)
#: berthub.eu's page of the Kamer's verbatim record ("Stenogram"), whose document is dated the
#: day of the sitting: "Nummer: 2025D02657, datum: 2025-01-23, bijgewerkt: ...".
_STENOGRAM_DAY_RE = re.compile(r"^Nummer: \d{4}D\d{5}, datum: (\d{4}-\d{2}-\d{2})\b")


def recognise(lines: list[SourceLine]) -> bool:
    """Whether the text holds a motion read out in a debate and the number the chair gave it."""
    texts = [collapse(line.text) for line in lines]
    return any(OPENING_RE.match(text) for text in texts) and any(
        _NUMBER_GIVEN_RE.search(" ".join(texts[i : i + 2])) for i in range(len(texts))
    )


def read_motions(lines: list[SourceLine], path: Origin) -> tuple[list[MotionText], list[str]]:
    """The motions in the record ``lines`` that the chair gave a number, and notes on those
    left out; a :class:`BriefingError` when it gives none."""
    cleaned, _ = without_furniture(lines)
    filled = [
        SourceLine(line.number, collapse(line.text))
        for line in cleaned
        if collapse(line.text) and not TOP_LINK_RE.match(collapse(line.text))
    ]
    motions: list[MotionText] = []
    left_out: list[str] = []
    openings = [i for i, line in enumerate(filled) if OPENING_RE.match(line.text)]
    for index, start in enumerate(openings):
        end = openings[index + 1] if index + 1 < len(openings) else len(filled)
        motion = _motion(filled, start, end, path, left_out)
        if motion is not None:
            motions.append(motion)
    if (day := sitting_day(filled)) is not None:
        for motion in motions:
            motion.submitted, motion.lines["submitted"] = day
    if not motions:
        raise BriefingError(
            f"{path}:{filled[openings[0]].number if openings else 1}: this record of a debate "
            f"holds no motion with its number: {'; '.join(left_out) or 'no motion found'}"
        )
    return motions, left_out


def sitting_day(lines: list[SourceLine]) -> tuple[dt.date, int] | None:
    """The day of the sitting and its line, where the record prints it with its weekday, or
    berthub.eu's page of a verbatim record its document's day."""
    for previous, line in zip([SourceLine(0, ""), *lines], lines, strict=False):
        text = collapse(line.text)
        if (match := _SITTING_DAY_RE.match(text)) and (day := parse_dutch_date(match[1])):
            return day, line.number
        if collapse(previous.text) == "Stenogram" and (match := _STENOGRAM_DAY_RE.match(text)):
            day = parse_letterhead_date(match[1])
            return (day, line.number) if day else None
    return None


def _motion(
    filled: list[SourceLine], start: int, end: int, path: Origin, left_out: list[str]
) -> MotionText | None:
    """The motion whose 'De Kamer,' is ``filled[start]`` (the next one's at ``end``), or None
    with a note in ``left_out`` when the record gives it no number."""
    opening = filled[start].number
    closing = next((i for i in range(start + 1, end) if CLOSING_RE.match(filled[i].text)), None)
    if closing is None:
        left_out.append(
            f"line {opening}: the motion's text stops before 'en gaat over tot de orde van de "
            "dag.' (the copy is not whole); not imported"
        )
        return None
    chair = _Words(filled[closing + 1 : min(end, closing + 1 + _CHAIR_REACH)])
    number = _NUMBER_GIVEN_RE.search(chair.text)
    if number is None:
        left_out.append(
            f"line {opening}: the record gives the motion no number (the chair's 'Zij krijgt "
            "nr. 30 (32563).' is not under it); not imported: import its own publication "
            "(kst-<dossier>-<nr>)"
        )
        return None
    line = chair.line_at(number.start())
    above = filled[max(0, start - 3) : start]
    submitters = _submitters(above, chair.text)
    if not submitters:
        left_out.append(
            f"line {line}: found no submitters of motion nr. {number[1]} (the chair names "
            "them above its number: 'Deze motie is voorgesteld door het lid Graus.'); not imported"
        )
        return None
    try:
        body = read_body(filled[start + 1 : closing + 1], path, opening)
    except BriefingError as exc:
        left_out.append(f"{exc}; not imported")
        return None
    return MotionText(
        number[3].replace(" ", ""),
        number[4],
        int(number[1]),
        "",
        submitters,
        body.request,
        body.considerations,
        replaces=int(number[2]) if number[2] else _changed(above),
        lines={"title": opening, "kamerstuk": line, "request": body.request_line},
    )


def _submitters(above: list[SourceLine], chair: str) -> list[str]:
    """The names the chair gives under the motion, else those of the changed motion's name
    above it."""
    if proposed := _PROPOSED_BY_RE.search(chair):
        return motion_names.from_words(proposed[1])
    for line in reversed(above):
        if changed := _CHANGED_RE.match(line.text):
            return motion_names.from_motion_name(changed[1])
    return []


def _changed(above: list[SourceLine]) -> int | None:
    """The number of the motion the chair says was changed into the one under it."""
    for line in reversed(above):
        if changed := _CHANGED_RE.match(line.text):
            return int(changed[2])
    return None


class _Words:
    """The chair's words under a motion as one text, which a PDF's text breaks over lines
    ("Deze motie is voorgesteld door de leden Graus," / "Van Gerven en Ouwehand."), with the
    line each part comes from."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self.text = ""
        self.starts: list[tuple[int, int]] = []
        for line in lines:
            self.starts.append((len(self.text), line.number))
            self.text += line.text + " "

    def line_at(self, offset: int) -> int:
        """The line of the text's character at ``offset``."""
        return max((start, number) for start, number in self.starts if start <= offset)[1]
