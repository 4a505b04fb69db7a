"""Saying what a paper is when it is not a letter or a motion the importer reads.

The Eerste Kamer numbers its papers with letters ("30 804, F", "A MOTIE VAN HET LID ...") and
names itself in the table above the paper; the Tweede Kamer publishes, besides letters and
motions, papers of other kinds under the same "Nr. 214 <KIND>" line ("LIJST VAN VRAGEN EN
ANTWOORDEN", "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"); an amendment keeps its opening ("De
ondergetekende stelt het volgende amendement voor:") where a site's copy drops that line; the
record of a debate prints the motions read out in it without their number and title, and a
party's site copies a motion so; the record of a sitting may hold no motion at all, or only
the votes on motions, by their numbers. Answers to written questions (Kamervragen) are
published in the Aanhangsel van de Handelingen, not as a letter. A news site's copy of a letter
(opennieuwsbank.nl: "11-03-2009 | Kamerstuk | Nederlands Ministerie van ...") has lost the
paper's number and head, and an old letterhead that prints its labels side by side, apart
from their values ("Datum Kenmerk Onderwerp", "Uw brief Ons kenmerk") is one the importer
does not read:
for both, the paper's own publication is the file to import. Naming what was found tells a
user why the file was refused, instead of only what the importer reads.
"""

from __future__ import annotations

import itertools
import re

from briefing.importing.kamerstuk_layout import NUMBER_RE
from briefing.importing.motion_head import OPENING_RE
from briefing.importing.motion_text import CLOSING_RE
from briefing.importing.text import SourceLine, collapse, shortened

#: The table above an Eerste Kamer paper, or its addressee.
_FIRST_CHAMBER_RE = re.compile(r"\bEerste Kamer der Staten-Generaal")
#: A paper numbered with letters, and its kind: "A MOTIE VAN ...", "AB VERSLAG VAN ..."; not
#: a signature's title in capitals ("DE MINISTER VAN DEFENSIE", "HET LID ...").
_LETTERED_RE = re.compile(
    r"^(?!(?:DE|HET)\s+(?:MINISTER|STAATSSECRETARIS|LID|LEDEN|INFORMATEUR|FORMATEUR))"
    r"([A-Z]{1,3})\s+([A-Z]{4,}(?:\s+[A-Z\u00c0-\u00dd.]+)+)$"
)
#: The official XML's printed number before an Eerste Kamer paper's letter: "Nr. L MOTIE ...".
_NUMBER_MARK_RE = re.compile(r"^Nr\.\s*(?=[A-Z]{1,3}\s)")
#: An Eerste Kamer paper's letter on a line of its own, as a PDF's text prints it.
_LETTER_RE = re.compile(r"^[A-Z]{1,3}$")
#: The kinds of paper the importer reads, as their heading starts.
_READ_KINDS_RE = re.compile(r"^(?:HERDRUK\d{0,3}\s+)?(?:GEWIJZIGDE\s+)?(?:BRIEF|MOTIE)\b", re.I)
#: A motion's title after its number: "MOTIE VAN ...", "GEWIJZIGDE MOTIE VAN ...".
_MOTION_KIND_RE = re.compile(r"^(?:(?:NADER\s+)?GEWIJZIGDE\s+)?MOTIE\b")
#: How far into the text the head of a paper reaches.
_HEAD_LINES = 60
#: A news site's dateline of the item it reprints: the day, the kind, the organisation.
_NEWS_DATELINE_RE = re.compile(r"^\d{2}-\d{2}-\d{4} \| [^|]{3,40} \| [^|]{3,120}$")
#: A letterhead's label, as the rows of an old letterhead print them side by side.
_ROW_LABEL = (
    r"(?:Datum|Onderwerp|Betreft|(?:(?:Ons|Uw|Onze)\s+)?(?:[Kk]enmerk|[Rr]eferentie)"
    r"|Uw brief(?: van)?|Bijlagen?|Bijlage\(n\)|Contactpersoon|Doorkiesnummer)"
)
#: A letterhead's labels side by side on one line, apart from their values: "Datum Kenmerk
#: Onderwerp", "Uw brief Ons kenmerk", "Den Haag Ons kenmerk Uw brief van Uw kenmerk 20
#: november 2007 ...", "Contactpersoon Doorkiesnummer" (the place above the date a label too).
_LABEL_ROW_RE = re.compile(rf"^(?:Den Haag\s+)?{_ROW_LABEL}\s+{_ROW_LABEL}(?:\s|$)")
#: Answers to written questions (Kamervragen), as tweedekamer.nl, officielebekendmakingen.nl
#: (the Aanhangsel van de Handelingen) and a ministry print their head: "Antwoord schriftelijke
#: vragen : ...", "Vragen van het lid Erkens (VVD) aan de Minister ... (ingezonden 20 december
#: 2024).", "Antwoord van Minister Uitermark (...) (ontvangen 4 februari 2025).".
_ANSWERS_RE = re.compile(
    r"^(?:Antwoord(?:en)? (?:op )?schriftelijke vragen\b|Aanhangsel (?:van )?de Handelingen\b"
    r"|Vragen (?:van|gesteld door) (?:het lid|de leden) .{2,400}\(ingezonden\b"
    r"|Antwoord van (?:de )?(?:[Mm]inister|[Ss]taatssecretaris)\b.{0,200}\(ontvangen\b)"
)
#: A speaker's turn in the record of a debate: "De voorzitter:", "Mevrouw Kröger (GroenLinks):".
_SPEAKER_RE = re.compile(
    r"^(?:De voorzitter|(?:De heer|Mevrouw|Minister|Staatssecretaris) .{1,80}):$"
)
#: The votes on motions in the record of a sitting: "Aan de orde zijn de stemmingen over
#: moties, ingediend bij ...", "Aan de orde zijn de stemmingen over vier moties, ...".
_VOTES_RE = re.compile(
    r"^Aan de orde (?:zijn|is) de stemmingen? over (?:\w+ )?(?:aangehouden )?moties?\b"
)
#: The opening of an item of the record of a sitting: "Aan de orde is het debat ...".
_ITEM_OPENING_RE = re.compile(r"^Aan de orde (?:zijn|is)\b")
#: The head of the record of a sitting: officielebekendmakingen.nl's ("Tweede Kamer der
#: Staten-Generaal2016-2017nr. 97, item 8", the labels' values run together), tweedekamer.nl's
#: ("Plenair verslag Tweede Kamer, 103e vergadering", "Tweede Kamer, 14e vergadering, ...").
_RECORD_HEAD_RE = re.compile(
    r"^(?:Tweede Kamer der Staten-Generaal\s*\d{4}-\d{4}\s*nr\. \d+, (?:item|pagina) "
    r"|(?:Plenair verslag )?Tweede Kamer, \d+e vergadering\b)"
)
#: An amendment's opening, which a site's copy keeps when it drops the paper's number and title.
_AMENDMENT_RE = re.compile(
    r"^De ondergetekenden? stel(?:t|len) (?:het|de) volgende amendement(?:en)? voor\b"
)
#: What to import instead of a copy the importer does not read.
_OWN_PUBLICATION = (
    "import the paper's own publication instead (officielebekendmakingen.nl's "
    "kst-<dossier>-<nr>, as text, PDF or XML, or the ministry's PDF)"
)


def what_it_is(lines: list[SourceLine]) -> tuple[int, str] | None:
    """The line and a description of the paper in ``lines`` when it is one the importer does
    not read (an Eerste Kamer paper, a Tweede Kamer paper of another kind); else None."""
    head = [(line.number, collapse(line.text)) for line in lines[:_HEAD_LINES]]
    if (motion := first_chamber_motion(lines)) is not None:
        return motion
    for number, text in head:
        if _FIRST_CHAMBER_RE.search(text) or _LETTERED_RE.match(text):
            return (
                number,
                f"a paper of the Eerste Kamer ('{text}'), which the importer does not read",
            )
    for number, text in head:
        match = NUMBER_RE.match(text)
        if match and match[2] and not _READ_KINDS_RE.match(match[2]):
            return number, f"a Kamerstuk of another kind ('{match[2]}'), not a letter or a motion"
        if _ANSWERS_RE.match(text):
            return number, (
                "a paper of answers to written questions (Kamervragen: "
                f"'{shortened(text, 80)}'), which is published in the Aanhangsel van de "
                "Handelingen, not as a letter; a letter that sends answers is imported with "
                "them as its annex"
            )
        if _AMENDMENT_RE.match(text):
            return number, f"an amendment ('{text}'), not a letter or a motion"
        if _NEWS_DATELINE_RE.match(text):
            return number, (
                f"a paper as a news site reprints it ('{text}'), without the paper's number, "
                f"addressee and letterhead; {_OWN_PUBLICATION}"
            )
    return labels_apart(lines) or _motion_in_a_debate(lines) or _debate_record(lines)


def labels_apart(lines: list[SourceLine]) -> tuple[int, str] | None:
    """The line and a description of a letterhead in ``lines`` that prints its labels side by
    side, apart from their values, which the importer does not read; else None."""
    for line in lines[:_HEAD_LINES]:
        text = collapse(line.text)
        if _LABEL_ROW_RE.match(text):
            return line.number, (
                f"a letter whose letterhead prints its labels side by side, apart from their "
                f"values ('{shortened(text, 80)}'), a layout the importer does not read; "
                f"{_OWN_PUBLICATION}"
            )
    return None


def first_chamber_motion(lines: list[SourceLine]) -> tuple[int, str] | None:
    """The line and a description of a motion of the Eerste Kamer in ``lines``, by its title:
    its letter before it ("L MOTIE VAN HET LID SCHALK C.S."), on the line above it (the
    PDF's text: "L", then "MOTIE VAN ..."), or after "Nr." (the official XML printed: "Nr. L
    MOTIE VAN ..."). Its letter is no number of the Tweede Kamer's motions, which the register
    and the Kamer's records that 'briefing kamer link' reads hold; else None."""
    head = [(line.number, collapse(line.text)) for line in lines[:_HEAD_LINES] if line.text.strip()]
    for (number, text), (_, after) in itertools.pairwise([*head, (0, "")]):
        title = _NUMBER_MARK_RE.sub("", text)
        if _LETTER_RE.match(title) and _MOTION_KIND_RE.match(after):
            title = f"{title} {after}"
        lettered = _LETTERED_RE.match(title)
        if lettered and _MOTION_KIND_RE.match(lettered[2]):
            return number, (
                f"a motion of the Eerste Kamer ('{title}'), numbered with a letter; motions.yaml "
                "holds the motions of the Tweede Kamer, numbered as its records number them "
                "('35 300, nr. 12'), so an Eerste Kamer motion is not imported"
            )
    return None


def _debate_record(lines: list[SourceLine]) -> tuple[int, str] | None:
    """The line where the record of a sitting (Handelingen) shows itself when it holds no
    motion to import: the votes on motions, or a debate with no motion read out in full with
    the number the chair gives it; else None."""
    texts = [(line.number, collapse(line.text)) for line in lines]
    for number, text in texts:
        if _VOTES_RE.match(text):
            return number, (
                f"the record of the votes on motions ('{shortened(text, 80)}'), which names the "
                "motions and their numbers but not their text; import each motion's own "
                "publication (kst-<dossier>-<nr>)"
            )
    heads = [(n, text) for n, text in texts if _RECORD_HEAD_RE.match(text)]
    speakers = [(n, text) for n, text in texts if _SPEAKER_RE.match(text)]
    opened = any(_ITEM_OPENING_RE.match(text) for _, text in texts)
    if not heads and (not speakers or (len(speakers) < 2 and not opened)):
        return None
    number, text = (heads or speakers)[0]
    return number, (
        f"the record of a debate (Handelingen: '{text}'), which holds no motion read out in "
        "full with the number the chair gives it ('Zij krijgt nr. 30 (32563).'); import each "
        "motion's own publication (kst-<dossier>-<nr>)"
    )


def _motion_in_a_debate(lines: list[SourceLine]) -> tuple[int, str] | None:
    """The line where a motion's text opens when the text holds one without its title, as
    the record of a debate (Handelingen) prints the motions read out in it (between the
    speakers' turns) and a party's site copies a motion; else None."""
    texts = [(line.number, collapse(line.text)) for line in lines]
    opening = next((n for n, text in texts if OPENING_RE.match(text)), None)
    if opening is None or not any(CLOSING_RE.match(text) for n, text in texts if n > opening):
        return None
    debate = any(_SPEAKER_RE.match(text) for _, text in texts)
    copy = (
        "a motion as the record of a debate (Handelingen) prints it"
        if debate
        else "a motion's text as a site copies it (a party's, a news site's)"
    )
    return opening, (
        f"{copy}, without the number, title and date of its Kamerstuk; import the motion's "
        "own publication (kst-<dossier>-<nr>, 'Nr. 30 MOTIE VAN HET LID ...') instead"
    )
