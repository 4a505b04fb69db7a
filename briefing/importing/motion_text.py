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

The head above 'De Kamer,' (number, dossier, title, date, the motion a gewijzigde motie
replaces) is read by :mod:`.motion_head`. A clause may run over several lines, and page
furniture (headers, the paper's code, ISSN, a web page's "Naar boven") may be anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefing.errors import BriefingError
from briefing.importing import motion_names
from briefing.importing.debris import Hyphenation
from briefing.importing.kamerstuk_layout import (
    NOTES_HEADING_RE,
    SITE_TAIL_RE,
    TOP_LINK_RE,
    unmarked_head,
    without_furniture,
)
from briefing.importing.motion_head import (
    OPENING_RE,
    REPLACES_RE,
    TITLE_RE,
    Head,
    title_at,
    unfolded,
)
from briefing.importing.text import SourceLine, collapse
from briefing.streams import Origin

LAYOUT = "motion"

#: The closing formula; a motion of a night sitting may close "... tot de orde van de nacht".
CLOSING_RE = re.compile(r"^en gaat over tot de orde van de (?:dag|nacht)\b", re.I)
#: Clauses that say what the Kamer asks or decides (the request).
_OPERATIVE_RE = re.compile(
    r"^(?:verzoekt|verzoeken|spreekt|roept|draagt|besluit|vraagt|dringt|geeft|wijst|"
    r"nodigt|stelt voor|zegt|doet een beroep|betreurt|keurt|veroordeelt)\b",
    re.I,
)
#: What follows the present participle that opens a consideration: "dat", a preposition,
#: an article, a comma ("overwegende, dat"), an adverb ("overwegende voorts dat").
_GOVERNED = (
    r"dat|aan|op|over|met|van|de|het|een|in|naar|hoe|of|wat|welke|zijnde|hebbende|"
    r"voorts|tevens|ook|echter|bovendien|verder|eveneens|daarnaast|nogmaals|wederom"
)
#: The reasons that open with no participle ("van mening dat", "gelet op", "gezien" ...).
_UNPARTICIPLED = r"van mening|van oordeel|gelet op|gezien|gehoord|voorts|tevens|indachtig"
#: Clauses that give the Kamer's reasons (the considerations): a present participle opens them
#: ("overwegende dat", "constaterende, dat", "betreurende dat", "wijzende op", "herinnerende
#: aan", "uitgaande van", "constaterend dat"), after up to two words ("voorts verwachtende,
#: dat", "gehoord hebbende dat", "in aanmerking nemende dat"), followed by what it governs; a
#: request never opens so, nor with a request verb's participle ("verzoekende"). A participle
#: without its final e ("-end") opens one only before "dat" or a comma: "bekend met",
#: "ontleend aan", "getekend met" are past participles, as a wrapped line of a clause may
#: start. Besides those, the reasons that open with no participle.
_CONSIDERING_RE = re.compile(
    rf"^(?:(?:{_UNPARTICIPLED}|bezorgd|verontrust|in het licht van|wijzend)\b"
    r"|(?:(?!(?:de|het|een|die|deze|dit)\s)[^\W\d_]+\s+){0,2}"
    r"(?!(?:verzoek|besluit|roep|draag|vraag|dring|nodig|spreek|zeg|geef|doe|zend)\w*\b)"
    r"(?!(?:voldo|volg)ende\b|(?:be|er|her|ge|ver)kend\b)[^\W\d_]{2,}"
    rf"(?:(?:e|aa)nde(?=\s*[,:;]|\s*$|\s+(?:{_GOVERNED})\b)|end(?=\s*[,:]|\s+dat\b)))",
    re.I,
)
#: A consideration that opens a clause also where the clause before it lacks its semicolon or
#: comma (the official XML may leave it out): "-ende dat" ("-aande dat"), no participle ("van
#: mening dat"), or an opening real motions use often ("kennisnemende van", "constaterende het
#: leed"). Another (a participle before anything but "dat") opens one only after a comma or a
#: full stop, for a line of a clause may start so: "... en dat daaraan / voorafgaande ook".
_OPENS_CLAUSE_RE = re.compile(
    r"^(?:(?:[^\W\d_]+\s+){0,2}[^\W\d_]{2,}(?:e|aa)nde,?\s+dat\b"
    rf"|(?:{_UNPARTICIPLED}|"
    r"overwegende|constaterende|erkennende|benadrukkende|kennisgenomen hebbende|vaststellende|"
    r"onderstrepende|concluderende|in aanmerking nemende|verwijzende|kennisnemende|"
    r"opmerkende|zich realiserende)\b)",
    re.I,
)
#: The Kamer's findings ("constateert dat ...", "stelt vast dat ..."): reasons when a clause of
#: another kind (the request) follows them, else the request (a motion may only state something).
_FINDING_RE = re.compile(r"^(?:constateert|stelt vast|overweegt|concludeert)\b", re.I)
#: A list item's mark: a dash or bullet (also a list's inside an item, "◦", "▪"), "1.", "a)";
#: officielebekendmakingen.nl's page prints a bullet before the list's own dash ("• -iedereen
#: ...", "• - de OESO-richtlijnen ...").
_ITEM_RE = re.compile(
    r"^(?:[\u2022\u00b7]\s*[-\u2013]\s*"
    r"|(?:[-\u2013\u2022\u00b7\u25e6\u25aa]|\d{1,2}[.)]|[a-z][.)])\s+)(?=\S)"
)
#: A submitter's name under the text: a few words, the first with a capital ("Van der Plas").
_NAME_RE = re.compile(r"^[^\W\d_][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,4}$")
#: The comma or full stop the official XML sometimes leaves after a name ("Stoffer,").
_TRAILING_MARK_RE = re.compile(r"(?<=\w\w)[.,;]$|[,;]$")
#: tweedekamer.nl's block of submitters under the names (since 2025): "Indieners", "Indiener",
#: the member's full name and office ("Bram Kouwenhoven, Kamerlid"), "Medeindiener" ...
_SUBMITTERS_BLOCK_RE = re.compile(r"^(?:Indieners?|Mede-?indieners?)$", re.I)
_DASH = "\u2013 "
#: An item's number or letter, which the clause keeps ("a. de motie ..."), after the dash the
#: official XML's text prints before it.
_LABEL_RE = re.compile(r"^(?:[-\u2013]\s+)?(\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
#: A footnote as the official XML's text gives it: its call in the clause, its text on a line
#: after it; a motion's entry holds no footnotes (the import says what they were).
_CALL_RE = re.compile(r"<sup>\d{1,3}</sup>")
_FOOTNOTE_RE = re.compile(r"^<sup>\d{1,3}</sup>\s")


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
    texts = [line.text for line in unfolded(unmarked_head(lines[:200]))]
    titled = any(TITLE_RE.match(text) and "MOTIE" in text for text in texts[:60])
    return titled and any(OPENING_RE.match(text) for text in texts)


def read_motion(lines: list[SourceLine], path: Origin) -> MotionText:
    """The motion in ``lines``, or a :class:`BriefingError` naming what is missing."""
    page = lines = unmarked_head(lines)
    lines, _ = without_furniture(lines)
    filled = [line for line in unfolded(lines) if line.text and not TOP_LINK_RE.match(line.text)]
    title = title_at(filled)
    head = Head(path)
    head.read(filled, title, page)
    start = next((i for i, line in enumerate(filled) if OPENING_RE.match(line.text)), None)
    if start is None:
        raise BriefingError(
            f"{path}:{filled[title].number}: found no 'De Kamer,' after the motion's title; "
            "a motion's text starts 'De Kamer, gehoord de beraadslaging, overwegende dat ...'"
        )
    body = read_body(filled[start + 1 :], path, filled[start].number)
    titled = motion_names.from_title(REPLACES_RE.sub("", head.title))
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


def read_body(lines: list[SourceLine], path: Origin, opening: int) -> MotionBody:
    """The motion's text in ``lines``, the collapsed lines after its 'De Kamer,' (on line
    ``opening``); a :class:`BriefingError` when it holds no request."""
    clauses, names = _clauses(lines)
    clauses = [c for c in clauses if not c.text.lower().startswith("gehoord de beraadslaging")]
    reasons = [_gives_reasons(c.text) for c in clauses]
    stated = [reasons[i] or bool(_FINDING_RE.match(c.text)) for i, c in enumerate(clauses)]
    reasons = [reasons[i] or (stated[i] and not all(stated[i:])) for i in range(len(clauses))]
    asks = [i for i, c in enumerate(clauses) if not reasons[i]]
    first_request = next(  # a clause with reasons after it is one too, unless it asks
        (i for i in asks if _OPERATIVE_RE.match(clauses[i].text) or not any(reasons[i:])),
        asks[0] if asks else len(clauses),
    )
    considerations, request = clauses[:first_request], clauses[first_request:]
    if not request and not any(CLOSING_RE.match(line.text) for line in lines):
        raise BriefingError(
            f"{path}:{lines[-1].number if lines else opening}: the motion's text stops before "
            "its request and 'en gaat over tot de orde van de dag.': the copy is not whole; "
            "import the whole paper (as text, PDF or XML)"
        )
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
        previous = clauses[-1].text.lower() if clauses else ""
        after_clause = previous.endswith(";") or previous == "gehoord de beraadslaging,"
        starts = _OPERATIVE_RE.match(text) or (
            _CONSIDERING_RE.match(text)
            and (previous.endswith((",", ".")) or _OPENS_CLAUSE_RE.match(text))
        )
        if _FOOTNOTE_RE.match(text):
            continue
        text = _CALL_RE.sub("", text)
        if clauses and _ITEM_RE.match(text):
            clauses[-1].text = f"{clauses[-1].text} {_item(text)}"
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


def _item(text: str) -> str:
    """A list's item as the clause holds it: its number or letter kept ("a. ..."), a dash or
    bullet as a dash ("\u2013 ...")."""
    if label := _LABEL_RE.match(text):
        return f"{label[1]} {text[label.end() :]}"
    return _ITEM_RE.sub(_DASH, text)


def _gives_reasons(text: str) -> bool:
    """Whether the clause ``text`` opens as the Kamer's reasons do, not as its request."""
    return bool(_CONSIDERING_RE.match(text)) and not _OPERATIVE_RE.match(text)


def _is_name(text: str) -> bool:
    return bool(_NAME_RE.match(text)) and text[0].isupper() and len(text) <= 60


def _tidy(text: str) -> str:
    """A clause without the spaces a PDF's text leaves inside brackets: '( 29 936, nr. 69 )'."""
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))


def _without_separator(text: str) -> str:
    """The request without the comma or semicolon that led to 'en gaat over tot ...'."""
    return re.sub(r"\s*[,;]\s*$", "", text)
