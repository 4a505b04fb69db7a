"""The motions a draft's paragraphs cite or name, found in ``motions.yaml``.

A citation "motie Van Laar (Kamerstuk 26 485, nr. 224)" gives the motion with that Kamerstuk
number; a citation in a footnote counts where the footnote is called ("de motie van de leden
Van Baarle en Dassen¹" with the footnote "Kamerstuk 28 844, nr. 261", as letters usually
cite). A motion cited that the registry lacks is proposed as new in a comment of every section
that cites it, under one id, made of its first submitter's name as the fullest citation gives
it and its number (an unknown id in ``motions`` would fail validation). A motion named without
its number ("de motie Amhaouch", "de motie van de leden Van Baarle en Dassen", "de motie Van
Baarle-Dassen", "de motie-Van Laar") is found by its first submitter, for review.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from briefing.importing.parsed import DraftSection, Paragraph
from briefing.importing.registry import id_of_motion
from briefing.importing.text import plain, sentence_before, sentences
from briefing.importing.updates import status_said
from briefing.inline import KAMERSTUK_RE
from briefing.model import Motion
from briefing.types import Kamerstuk

#: A member's name: "Dassen", "Van Baarle", "van der Lee", "Van 't Wout".
NAME = r"(?:(?:[Vv]an|[Dd]e[rn]?|[Tt]e[rn]|'t|in)\s+)*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
#: The submitters after "motie": "van het lid Van Laar", "van de leden Van Baarle en Dassen".
_MEMBERS_RE = re.compile(
    rf"\s*[Vv]an\s+(?:het\s+lid|de\s+leden)\s+({NAME}(?:(?:,\s*|\s+en\s+){NAME})*(?:\s+c\.s\.)?)"
)
#: What parts the submitters a text names: "Smaling, Voordewind en Van der Lee",
#: "Bontenbal/Grinwis", "Becker c.s.".
_OTHERS_RE = re.compile(r",\s*|\s+en\s+|/|\s+c\.s\.$")
#: A motion named by its submitters after "motie": "motie Amhaouch", "motie-Van Laar".
_NAMED_RE = re.compile(r"\bmotie(?:\s+|-)((?:[A-Z][\w'-]*|van|der|den|de)(?:\s+[\w'.-]+){0,3})")
#: A footnote's call in a draft's text: "[^kamerstuk-28-844]".
_FOOTNOTE_CALL_RE = re.compile(r"\[\^([^\]]+)\]")
_MOTION_WORD_RE = re.compile(r"\bmoties?\b", re.IGNORECASE)
#: Words for kinds of paper: the last before a citation in its sentence says what it cites
#: ("een motie over A (nr. 1), over B (nr. 2)" cites two motions; "de motie X, waarover mijn
#: brief (nr. 3)" a letter).
_PAPER_WORD_RE = re.compile(
    r"\b(?:moties?|(?:kamer)?brie(?:f|ven)|nota's?|verslag(?:en)?|rapport(?:en)?"
    r"|amendement(?:en)?|wetsvoorstel(?:len)?)\b",
    re.IGNORECASE,
)
#: How far back in its sentence a citation's kind of paper is looked for.
_CITATION_REACH = 600
_PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "in", "'t"}


@dataclass
class _Unplaced:
    """A motion cited that the registry lacks: where, its number and who the text names."""

    section: DraftSection
    paragraph: Paragraph
    kamerstuk: Kamerstuk
    submitter: str
    #: The sentence that cites it.
    sentence: str


class MotionCitations:
    """Finds the motions cited or named, section by section, then proposes those the
    registry lacks (:meth:`propose_new`)."""

    def __init__(
        self, motions: dict[str, Motion], notes: list[str], footnotes: dict[str, str], content: Path
    ) -> None:
        self.motions = motions
        #: The command that imports papers into this content folder.
        self.command = "briefing import" + (
            "" if content == Path("content") else f" --content {shlex.quote(str(content))}"
        )
        self.notes = notes
        self.footnotes = footnotes
        self.by_kamerstuk = {
            (m.kamerstuk.dossier, m.kamerstuk.suffix, m.kamerstuk.number): m
            for m in motions.values()
        }
        #: The motions cited that the registry lacks, in the order they are cited.
        self.unplaced: list[_Unplaced] = []

    def paragraph(self, section: DraftSection, paragraph: Paragraph) -> None:
        """Add to ``section`` the motions the paragraph cites or names."""
        text = plain(_FOOTNOTE_CALL_RE.sub(self._citations_of, paragraph.text))
        cited: set[str] = set()
        for match in KAMERSTUK_RE.finditer(text):
            try:
                kamerstuk = Kamerstuk.parse(match[0])
            except ValueError:
                continue
            before = sentence_before(text, match.start(), _CITATION_REACH)
            papers = list(_PAPER_WORD_RE.finditer(before))
            named = papers[-1] if papers and _MOTION_WORD_RE.fullmatch(papers[-1][0]) else None
            motion = self.by_kamerstuk.get((kamerstuk.dossier, kamerstuk.suffix, kamerstuk.number))
            if motion is not None:
                add_once(section.motions, motion.id)
                cited.add(motion.id)
            elif named:
                sentence = next((s for s in sentences(text) if match[0] in s), match[0])
                submitter = _submitter(before[named.end() :])
                self.unplaced.append(_Unplaced(section, paragraph, kamerstuk, submitter, sentence))
        for match in _NAMED_RE.finditer(text):
            self._named_motion(section, paragraph, match, cited)

    def _citations_of(self, call: re.Match[str]) -> str:
        """The Kamerstuk numbers the footnote of ``call`` cites, in brackets where it is
        called ("motie Van Baarle-Dassen (Kamerstuk 28 844, nr. 261)"); else the call."""
        cited = [m[0] for m in KAMERSTUK_RE.finditer(self.footnotes.get(call[1], ""))]
        return f" ({'; '.join(cited)})" if cited else call[0]

    def propose_new(self) -> None:
        """Propose each motion cited that the registry lacks, in a comment of every section
        that cites it, under one id: made of its first submitter's name, as the citation that
        names the most of them gives it ("Van der Lee" rather than "der Lee"), and its number;
        with the status the sentence that cites it gives it in so many words, if it does."""
        names: dict[Kamerstuk, str] = {}
        for unplaced in self.unplaced:
            known = names.get(unplaced.kamerstuk, "")
            if len(unplaced.submitter.split()) > len(known.split()):
                names[unplaced.kamerstuk] = unplaced.submitter
        for unplaced in self.unplaced:
            section, kamerstuk, submitter = unplaced.section, unplaced.kamerstuk, unplaced.submitter
            first = _first(names.get(kamerstuk, ""))
            new_id = id_of_motion(first, kamerstuk.dossier, kamerstuk.suffix, kamerstuk.number)
            citation = str(kamerstuk)
            status = status_said(unplaced.sentence, "motion")
            said = f"; the text says it is {status}: '{unplaced.sentence}'" if status else ""
            section.comment(
                "motions",
                f"new motion? '{citation}' ({submitter or 'submitter not named'}) is not in "
                f"motions.yaml; import its paper ('briefing import {kamerstuk.xml_url}') or add "
                f"it there by hand (id '{new_id}'), and list it here{said}",
            )
            line = unplaced.paragraph.line_of(_kamerstuk_pattern(kamerstuk))
            self.notes.append(
                f"line {line}: could not place '{citation}': no motion with that number in "
                f"motions.yaml; proposed as new (id '{new_id}', in a comment of section "
                f"'{section.id}')"
            )
        self._note_papers()

    def _note_papers(self) -> None:
        """One note with the command that imports the papers of the motions cited that the
        registry lacks, from their official XML, at the line of the first citation."""
        papers = list(dict.fromkeys(unplaced.kamerstuk for unplaced in self.unplaced))
        if not papers:
            return
        first = self.unplaced[0]
        line = first.paragraph.line_of(_kamerstuk_pattern(first.kamerstuk))
        one = len(papers) == 1
        which = (
            f"{len(papers)} motion{'' if one else 's'} the letter cites {'is' if one else 'are'}"
        )
        self.notes.append(
            f"line {line}: {which} not in motions.yaml; to add {'it' if one else 'them'} from "
            f"the official publication: {self.command} {' '.join(p.xml_url for p in papers)}"
        )

    def _named_motion(
        self, section: DraftSection, paragraph: Paragraph, match: re.Match[str], cited: set[str]
    ) -> None:
        """A motion named by its submitter only ("de motie Amhaouch sluit ...", "de motie van
        de leden Van Baarle en Dassen", "de motie Van Baarle-Dassen": by the first)."""
        rest = match.string[match.end() : match.end() + 40]
        if re.match(r"\s*\(", rest) or KAMERSTUK_RE.match(rest.strip()):
            return  # cited with its number: handled above
        if members := _MEMBERS_RE.match(match.string, match.start(1)):
            name = _first(members[1])
        else:
            words = []
            for word in match[1].split():
                if word[0].isupper() or word in _PARTICLES or word == "c.s.":
                    words.append(word)
                else:
                    break
            name = re.sub(r"^van\s+(?=[A-Z])", "", " ".join(words)).removesuffix(" c.s.").strip()
        if not name or not any(w[0].isupper() for w in name.split()):
            return
        surnames = {name.split()[-1].lower()}
        if re.fullmatch(r"[\w']+-[A-Z][\w']+", name.split()[-1]):  # two members: "Baarle-Dassen"
            surnames.add(name.split()[-1].split("-")[0].lower())
        matches = [
            m
            for m in self.motions.values()
            if any(
                s.name.removesuffix(" c.s.").split()[-1].lower() in surnames for s in m.submitters
            )
        ]
        ids = [m.id for m in matches if m.id not in cited and m.id not in section.motions]
        if len(matches) == 1 and ids:
            add_once(section.motions, ids[0])
            section.comment(
                "motions",
                f"'{ids[0]}': the text names 'motie {name}' without its Kamerstuk number",
            )
        elif len(matches) > 1 and not any(m.id in cited for m in matches):
            section.comment(
                "motions",
                f"the text names 'motie {name}' without its number: one of {', '.join(ids)}?",
            )


def _kamerstuk_pattern(kamerstuk: Kamerstuk) -> str:
    dossier = f"{kamerstuk.dossier[:-3]}\\s?{kamerstuk.dossier[-3:]}"
    return rf"{dossier}\D{{0,20}}?nr\.\s*{kamerstuk.number}\b"


def _first(submitters: str) -> str:
    """The first of the submitters a text names: "Van Baarle" of "Van Baarle en Dassen",
    "Bontenbal" of "Bontenbal/Grinwis", "Becker" of "Becker c.s."."""
    return _OTHERS_RE.split(submitters)[0]


def add_once(values: list[str], value: str) -> None:
    """Add ``value`` to ``values`` unless it is there."""
    if value not in values:
        values.append(value)


def _submitter(named: str) -> str:
    """The submitters as the text names them right after "motie" ("van het lid Van Laar",
    "van de leden Van Baarle en Dassen waarin ...") or right before the citation: "Van Laar",
    "Becker c.s.", "Smaling en Voordewind"; nothing when it gives a subject instead ("de
    motie over het textielconvenant")."""
    if members := _MEMBERS_RE.match(named):
        return members[1][:1].upper() + members[1][1:]
    words = named.strip(" (-").split()
    name: list[str] = []
    for word in reversed(words[-6:]):
        if not (word[0].isupper() or word in _PARTICLES or word in ("c.s.", "en")):
            break
        name.insert(0, word)
    while name and (name[0] == "en" or (name[0] == "van" and name[1:2] and name[1][0].isupper())):
        name.pop(0)  # "de motie van Becker c.s.": "van" is not part of the name
    if not any(word[0].isupper() for word in name):
        return ""
    text = " ".join(name)
    return text[:1].upper() + text[1:]
