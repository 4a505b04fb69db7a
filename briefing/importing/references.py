"""Proposing what each section of a draft refers to, reusing the ids the content has.

- Motions: a citation "motie Van Laar (Kamerstuk 26 485, nr. 224)" becomes the id of the
  motion with that Kamerstuk number in ``motions.yaml``; a motion cited that the registry
  lacks is proposed as a new one, in a comment (an unknown id would fail validation). A
  citation in a footnote counts where the footnote is called: "de motie van de leden Van
  Baarle en Dassen¹" with the footnote "Kamerstuk 28 844, nr. 261", as letters usually cite.
- Commitments: a section that reports on a commitment ("heeft ... toegezegd") in the words
  of ``commitments.yaml`` gets its id, marked for review; one it reports as made in a debate
  it names by its day ("In het debat ... op 9 mei 2023 heb ik uw Kamer ... toegezegd"), where
  it speaks of none of the registry's made that day, is proposed as new in a comment.
- Debates: a date with the kind of debate in the same sentence ("het AO IMVO van 3 maart
  2020") gives the debate of that day in ``debates.yaml``.
- Sectors: every sector or theme named by its name or an alias, as ``briefing check``
  looks for them.
- Amounts and milestones, marked for review (see :mod:`briefing.importing.figures`).

Every proposal that is uncertain carries a ``# TODO review:`` comment; whatever could not
be placed is also said in the import's notes, with its line in the source.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.importing.figures import propose_amounts, propose_milestones
from briefing.importing.parsed import Body, DraftSection, Paragraph
from briefing.importing.text import (
    MONTH_RE,
    MONTHS,
    plain,
    sentence_before,
    sentences,
    shortened,
    slugify,
    telling_words,
)
from briefing.index.sectors import name_pattern
from briefing.inline import KAMERSTUK_RE
from briefing.model import Commitment, Debate, DebateKind, Motion
from briefing.sources import Corpus
from briefing.types import Kamerstuk

#: A member's name: "Dassen", "Van Baarle", "van der Lee", "Van 't Wout".
_NAME = r"(?:(?:[Vv]an|[Dd]e[rn]?|[Tt]e[rn]|'t|in)\s+)*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
#: The submitters after "motie": "van het lid Van Laar", "van de leden Van Baarle en Dassen".
_MEMBERS_RE = re.compile(
    rf"\s*[Vv]an\s+(?:het\s+lid|de\s+leden)\s+({_NAME}(?:(?:,\s*|\s+en\s+){_NAME})*(?:\s+c\.s\.)?)"
)
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
_CUE_RE = re.compile(r"toegezegd|toezegging|zegde\b.{0,80}\btoe\b|aangekondigd", re.IGNORECASE)
_KIND_CUES = {
    DebateKind.AO: r"\bAO\b|[Aa]lgemeen [Oo]verleg",
    DebateKind.COMMISSIEDEBAT: r"[Cc]ommissiedebat",
    DebateKind.BEGROTINGSBEHANDELING: r"[Bb]egrotingsbehandeling|[Bb]egrotingsdebat",
    DebateKind.NOTAOVERLEG: r"[Nn]otaoverleg",
    DebateKind.PLENAIR: r"\b[Dd]ebat\b|[Pp]lenaire",
    DebateKind.TECHNISCHE_BRIEFING: r"[Tt]echnische briefing",
}
#: A sentence that reports a commitment made: "heb ik uw Kamer ... toegezegd", "zegde ik
#: toe", "heeft de minister toegezegd", "mijn toezegging om ...".
_MADE_RE = re.compile(
    r"\b(?:heb|hebben|heeft)\b[^.;]{0,200}\btoegezegd\b|\bzegde?n?\b[^.;]{0,150}\btoe\b"
    r"|\btoezegging\b[^.;]{0,30}\b(?:gedaan|om|dat)\b",
    re.IGNORECASE,
)
#: Who asked for a commitment: "in reactie op Kamerlid Dassen", "aan het lid Van Laar".
_ASKED_RE = re.compile(
    rf"\b(?:[Kk]amerlid|het lid|de leden)\s+({_NAME}(?:(?:,\s*|\s+en\s+){_NAME})*)"
)
_ANY_KIND_RE = re.compile("|".join(f"(?:{cue})" for cue in _KIND_CUES.values()))
_DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})(?:\s+(\d{{4}})|\s+(jl)\b\.?)", re.IGNORECASE)
#: A debate at most this many days after the letter is proposed as the one it was written for.
_DEBATE_WINDOW = 60


@dataclass
class _Unplaced:
    """A motion cited that the registry lacks: where, its number and who the text names."""

    section: DraftSection
    paragraph: Paragraph
    kamerstuk: Kamerstuk
    submitter: str


@dataclass
class Proposals:
    """What the letter as a whole refers to: the debate it was written for, if any."""

    debate: str | None = None
    debate_review: str | None = None


def propose(body: Body, date: dt.date, corpus: Corpus, notes: list[str]) -> Proposals:
    """Add the references each section of ``body`` (and of its annex) makes; return the
    letter's own."""
    finder = _Finder(corpus, date, notes, body.footnotes)
    for section in body.walk():
        finder.section(section)
    finder.new_motions()
    return finder.letter_debate(body)


def _line_of(paragraph: Paragraph, pattern: str) -> int:
    """The source line where ``pattern`` first occurs in the paragraph (else its first line)."""
    raw = "\n".join(line.text for line in paragraph.lines)
    match = re.search(pattern, raw, re.DOTALL)
    if not match:
        return paragraph.line
    return paragraph.lines[raw[: match.start()].count("\n")].number


def _kamerstuk_pattern(kamerstuk: Kamerstuk) -> str:
    dossier = f"{kamerstuk.dossier[:-3]}\\s?{kamerstuk.dossier[-3:]}"
    return rf"{dossier}\D{{0,20}}?nr\.\s*{kamerstuk.number}\b"


class _Finder:
    """Finds references section by section, with the registries at hand."""

    def __init__(
        self, corpus: Corpus, date: dt.date, notes: list[str], footnotes: dict[str, str]
    ) -> None:
        self.date = date
        self.footnotes = footnotes
        self.notes = notes
        self.motions: dict[str, Motion] = corpus.motions
        self.commitments: dict[str, Commitment] = corpus.commitments
        self.debates: dict[str, Debate] = corpus.debates
        self.sector_patterns = {sid: name_pattern(s) for sid, s in corpus.sectors.items()}
        self.by_kamerstuk = {
            (m.kamerstuk.dossier, m.kamerstuk.suffix, m.kamerstuk.number): m
            for m in self.motions.values()
        }
        #: The motions cited that the registry lacks, in the order they are cited.
        self.unplaced: list[_Unplaced] = []

    def section(self, section: DraftSection) -> None:
        """Add to ``section`` what its own paragraphs refer to."""
        for paragraph in section.paragraphs():
            self._motions(section, paragraph)
            debates = self._debates(section, paragraph)
            self._paragraph_commitments(section, paragraph, debates)
            propose_amounts(section, paragraph)
            propose_milestones(section, paragraph, self.date, self.sector_patterns)
        self._sectors(section)
        self._commitments(section)
        self._new_commitments(section)

    # --- motions ------------------------------------------------------------------------

    def _motions(self, section: DraftSection, paragraph: Paragraph) -> None:
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
                _add(section.motions, motion.id)
                cited.add(motion.id)
            elif named:
                self._new_motion(section, paragraph, kamerstuk, before[named.end() :])
        for match in re.finditer(
            r"\bmotie(?:\s+|-)((?:[A-Z][\w'-]*|van|der|den|de)(?:\s+[\w'.-]+){0,3})", text
        ):
            self._named_motion(section, paragraph, match, cited)

    def _citations_of(self, call: re.Match[str]) -> str:
        """The Kamerstuk numbers the footnote of ``call`` cites, in brackets where it is
        called ("motie Van Baarle-Dassen (Kamerstuk 28 844, nr. 261)"); else the call."""
        cited = [m[0] for m in KAMERSTUK_RE.finditer(self.footnotes.get(call[1], ""))]
        return f" ({'; '.join(cited)})" if cited else call[0]

    def _new_motion(
        self, section: DraftSection, paragraph: Paragraph, kamerstuk: Kamerstuk, named: str
    ) -> None:
        """Keep a motion cited that the registry lacks, to propose once the whole letter is
        read (:meth:`new_motions`)."""
        self.unplaced.append(_Unplaced(section, paragraph, kamerstuk, _submitter(named)))

    def new_motions(self) -> None:
        """Propose each motion cited that the registry lacks, in a comment of every section
        that cites it, under one id: made of its first submitter's name, as the citation that
        names the most of them gives it ("Van der Lee" rather than "der Lee"), and its number."""
        names: dict[Kamerstuk, str] = {}
        for unplaced in self.unplaced:
            known = names.get(unplaced.kamerstuk, "")
            if len(unplaced.submitter.split()) > len(known.split()):
                names[unplaced.kamerstuk] = unplaced.submitter
        for unplaced in self.unplaced:
            section, kamerstuk, submitter = unplaced.section, unplaced.kamerstuk, unplaced.submitter
            first = re.split(r",\s*|\s+en\s+|\s+c\.s\.$", names.get(kamerstuk, ""))[0]
            suffix = f"-{kamerstuk.suffix.lower()}" if kamerstuk.suffix else ""
            new_id = (
                f"{slugify(first, 40) or 'motie'}-{kamerstuk.dossier}{suffix}-{kamerstuk.number}"
            )
            citation = str(kamerstuk)
            section.comment(
                "motions",
                f"new motion? '{citation}' ({submitter or 'submitter not named'}) is not in "
                f"motions.yaml; add it there (id '{new_id}') and list it here",
            )
            line = _line_of(unplaced.paragraph, _kamerstuk_pattern(kamerstuk))
            self.notes.append(
                f"line {line}: could not place '{citation}': no motion with that number in "
                f"motions.yaml; proposed as new (id '{new_id}', in a comment of section "
                f"'{section.id}')"
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
            name = re.split(r",\s*|\s+en\s+|\s+c\.s\.$", members[1])[0]
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
            _add(section.motions, ids[0])
            section.comment(
                "motions",
                f"'{ids[0]}': the text names 'motie {name}' without its Kamerstuk number",
            )
        elif len(matches) > 1 and not any(m.id in cited for m in matches):
            section.comment(
                "motions",
                f"the text names 'motie {name}' without its number: one of {', '.join(ids)}?",
            )

    # --- commitments --------------------------------------------------------------------

    def _paragraph_commitments(
        self, section: DraftSection, paragraph: Paragraph, debates: list[Debate]
    ) -> None:
        """A paragraph that reports on a commitment made in a debate it names."""
        text = plain(paragraph.text)
        if not debates or not _CUE_RE.search(text):
            return
        words = set(telling_words(text))
        made_there = [c for c in self.commitments.values() if c.debate in {d.id for d in debates}]
        scored = sorted(
            ((len(words & set(telling_words(plain(c.text)))), c) for c in made_there),
            key=lambda pair: -pair[0],
        )
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return
        commitment = scored[0][1]
        _add(section.commitments, commitment.id)
        debate = self.debates[commitment.debate]
        section.comment(
            "commitments",
            f"'{commitment.id}': the text (line {paragraph.line}) reports on a commitment made "
            f"in {debate.title} ({debate.date.isoformat()}); check that it is this one",
        )

    def _commitments(self, section: DraftSection) -> None:
        """A section that reports on a commitment in its words."""
        text = " ".join(plain(p.text) for p in section.paragraphs())
        if not text:
            return
        words = set(telling_words(text))
        cue = bool(_CUE_RE.search(text))
        for commitment in self.commitments.values():
            wanted = set(telling_words(plain(commitment.text)))
            if not wanted:
                continue
            score = len(wanted & words) / len(wanted)
            debate_named = commitment.debate in section.debates
            proposed = score >= 0.85 or (score >= 0.6 and (cue or debate_named))
            if proposed and commitment.id not in section.commitments:
                _add(section.commitments, commitment.id)
                section.comment(
                    "commitments",
                    f"'{commitment.id}': found by its wording ({round(score * 100)} % of its "
                    "words); check that the section reports on it",
                )

    def _new_commitments(self, section: DraftSection) -> None:
        """Each commitment the section reports was made in a debate it names by its day
        ("In het debat ... op 9 mei 2023 heb ik uw Kamer ... toegezegd"), proposed as new in a
        comment, unless the section speaks of one of the registry's made on that day."""
        known = {
            self.debates[self.commitments[c].debate].date
            for c in section.commitments
            if c in self.commitments and self.commitments[c].debate in self.debates
        }
        for paragraph in section.paragraphs():
            for sentence in sentences(plain(paragraph.text)):
                if not _MADE_RE.search(sentence):
                    continue
                match = next(
                    (
                        m
                        for m in _DATE_RE.finditer(sentence)
                        if _ANY_KIND_RE.search(sentence[max(0, m.start() - 90) : m.end() + 40])
                    ),
                    None,
                )
                day = self._date_of(match) if match else None
                if match is None or day is None or day in known:
                    continue
                asked = _ASKED_RE.search(sentence)
                by = f", asked by {asked[1]}" if asked else ""
                line = _line_of(paragraph, re.escape(match[0]).replace(r"\ ", r"\s+"))
                new_id = f"toezegging-{day.isoformat()}"
                section.comment(
                    "commitments",
                    f"new commitment? the text reports one made on {day.isoformat()}{by}: "
                    f"'{shortened(sentence, 400)}'; if commitments.yaml lacks it, add it there "
                    f"(id '{new_id}', what was promised, the debate) and list it here",
                )
                self.notes.append(
                    f"line {line}: a commitment made on {match[0]} is not in commitments.yaml; "
                    f"proposed as new (id '{new_id}', in a comment of section '{section.id}')"
                )

    # --- debates ------------------------------------------------------------------------

    def _debates(self, section: DraftSection, paragraph: Paragraph) -> list[Debate]:
        """The debates a paragraph names (by date and kind); also added to the section."""
        named: list[Debate] = []
        for sentence in sentences(plain(paragraph.text)):
            for match in _DATE_RE.finditer(sentence):
                day = self._date_of(match)
                if day is None:
                    continue
                found = [
                    d
                    for d in self.debates.values()
                    if d.date == day and re.search(_KIND_CUES[d.kind], sentence)
                ]
                for debate in found:
                    _add(section.debates, debate.id)
                    named.append(debate)
                window = sentence[max(0, match.start() - 90) : match.end() + 40]
                if not found and (kind := _ANY_KIND_RE.search(window)):
                    line = _line_of(paragraph, re.escape(match[0]).replace(r"\ ", r"\s+"))
                    section.comment(
                        "debates",
                        f"the text names a debate ('{kind[0]}') on {day.isoformat()} that is "
                        "not in debates.yaml; add it there and list it here",
                    )
                    self.notes.append(
                        f"line {line}: could not place the {kind[0]} of {match[0]}: no debate "
                        "on that day in debates.yaml; proposed in a comment of section "
                        f"'{section.id}'"
                    )
        return named

    def _date_of(self, match: re.Match[str]) -> dt.date | None:
        month = MONTHS.index(match[2].lower()) + 1
        try:
            if match[3]:
                return dt.date(int(match[3]), month, int(match[1]))
            day = dt.date(self.date.year, month, int(match[1]))  # "25 november jl."
            return day if day <= self.date else dt.date(self.date.year - 1, month, day.day)
        except ValueError:
            return None

    def letter_debate(self, body: Body) -> Proposals:
        """The debate the letter was written for: one it names, held soon after its date."""
        named = {d for s in body.walk() for d in s.debates}
        ahead = [
            self.debates[d]
            for d in named
            if 0 <= (self.debates[d].date - self.date).days <= _DEBATE_WINDOW
        ]
        if not ahead:
            return Proposals()
        debate = min(ahead, key=lambda d: d.date)
        days = (debate.date - self.date).days
        return Proposals(
            debate.id,
            f"the letter names this debate, held {days} day{'s' if days != 1 else ''} after its "
            "date; check that the letter was written for it",
        )

    # --- sectors ------------------------------------------------------------------------

    def _sectors(self, section: DraftSection) -> None:
        texts = [section.heading or ""] + [p.text for p in section.paragraphs()]
        text = " ".join(texts)
        found = []
        for sector_id, pattern in self.sector_patterns.items():
            match = pattern.search(text)
            if match:
                found.append((match.start(), sector_id))
        for _, sector_id in sorted(found):
            _add(section.sectors, sector_id)


def _add(values: list[str], value: str) -> None:
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
