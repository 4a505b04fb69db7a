"""Proposing what each section of a draft refers to, reusing the ids the content has.

- Motions: cited by their Kamerstuk number, in the text or in a footnote, or named by
  their submitters (see :mod:`briefing.importing.cited_motions`).
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

from briefing.importing.cited_motions import NAME, MotionCitations, add_once
from briefing.importing.figures import propose_amounts, propose_milestones
from briefing.importing.parsed import Body, DraftSection, Paragraph
from briefing.importing.text import (
    MONTH_RE,
    MONTHS,
    plain,
    sentences,
    shortened,
    telling_words,
)
from briefing.importing.updates import status_said
from briefing.index.sectors import name_pattern
from briefing.model import Commitment, Debate, DebateKind
from briefing.sources import Corpus

_CUE_RE = re.compile(r"toegezegd|toezegging|zegde\b.{0,80}\btoe\b|aangekondigd", re.IGNORECASE)
_KIND_CUES = {
    DebateKind.AO: r"\bAO\b|[Aa]lgemeen [Oo]verleg",
    DebateKind.COMMISSIEDEBAT: r"[Cc]ommissiedebat",
    DebateKind.BEGROTINGSBEHANDELING: r"[Bb]egrotingsbehandeling|[Bb]egrotingsdebat",
    DebateKind.NOTAOVERLEG: r"[Nn]otaoverleg",
    DebateKind.PLENAIR: r"\b[Dd]ebat\b|[Pp]lenaire",
    DebateKind.TECHNISCHE_BRIEFING: r"[Tt]echnische briefing",
}
#: A sentence that reports a commitment made: "heb ik uw Kamer ... toegezegd", "is aan de
#: vaste commissie toegezegd", "Zoals toegezegd aan het lid Kröger", "zegde ik toe",
#: "mijn toezegging om ...".
_MADE_RE = re.compile(
    r"\b(?:heb|hebben|heeft|is|zijn|werd|zoals)\b[^.;]{0,200}\btoegezegd\b"
    r"|\bzegde?n?\b[^.;]{0,150}\btoe\b"
    r"|\btoezegging\b[^.;]{0,30}\b(?:gedaan|om|dat)\b",
    re.IGNORECASE,
)
#: Who asked for a commitment: "in reactie op Kamerlid Dassen", "aan het lid Van Laar".
_ASKED_RE = re.compile(
    rf"\b(?:[Kk]amerlid|het lid|de leden)\s+({NAME}(?:(?:,\s*|\s+en\s+){NAME})*)"
)
_ANY_KIND_RE = re.compile("|".join(f"(?:{cue})" for cue in _KIND_CUES.values()))
_DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})(?:\s+(\d{{4}})|\s+(jl)\b\.?)", re.IGNORECASE)
#: A debate at most this many days after the letter is proposed as the one it was written for.
_DEBATE_WINDOW = 60


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
    finder.cited.propose_new()
    return finder.letter_debate(body)


class _Finder:
    """Finds references section by section, with the registries at hand."""

    def __init__(
        self, corpus: Corpus, date: dt.date, notes: list[str], footnotes: dict[str, str]
    ) -> None:
        self.date = date
        self.notes = notes
        self.cited = MotionCitations(corpus.motions, notes, footnotes, corpus.root)
        self.commitments: dict[str, Commitment] = corpus.commitments
        self.debates: dict[str, Debate] = corpus.debates
        self.sector_patterns = {sid: name_pattern(s) for sid, s in corpus.sectors.items()}
        #: How often each id of a commitment proposed as new has been proposed.
        self.proposed: dict[str, int] = {}

    def section(self, section: DraftSection) -> None:
        """Add to ``section`` what its own paragraphs refer to."""
        for paragraph in section.paragraphs():
            self.cited.paragraph(section, paragraph)
            debates = self._debates(section, paragraph)
            self._paragraph_commitments(section, paragraph, debates)
            propose_amounts(section, paragraph)
            propose_milestones(section, paragraph, self.date, self.sector_patterns)
        self._sectors(section)
        self._commitments(section)
        self._new_commitments(section)

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
        add_once(section.commitments, commitment.id)
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
                add_once(section.commitments, commitment.id)
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
                    (m for m in _DATE_RE.finditer(sentence) if _debate_named(sentence, m)), None
                )
                day = self._date_of(match) if match else None
                if match is None or day is None or day in known:
                    continue
                asked = _ASKED_RE.search(sentence)
                by = f", asked by {asked[1]}" if asked else ""
                met = next(
                    (
                        f"; the text says it is {said}: '{later}'"
                        for later in sentences(plain(paragraph.text))
                        if later != sentence and (said := status_said(later, "commitment"))
                    ),
                    "",
                )
                line = paragraph.line_of(_words(match[0]))
                new_id = self._new_id(f"toezegging-{day.isoformat()}")
                section.comment(
                    "commitments",
                    f"new commitment? the text reports one made on {day.isoformat()}{by}: "
                    f"'{shortened(sentence, 400)}'; if commitments.yaml lacks it, add it there "
                    f"(id '{new_id}', what was promised, the debate) and list it here{met}",
                )
                self.notes.append(
                    f"line {line}: a commitment made on {match[0]} is not in commitments.yaml; "
                    f"proposed as new (id '{new_id}', in a comment of section '{section.id}')"
                )

    def _new_id(self, wanted: str) -> str:
        """``wanted``, or with "-2", "-3" after it where the draft proposes it already."""
        self.proposed[wanted] = count = self.proposed.get(wanted, 0) + 1
        return wanted if count == 1 else f"{wanted}-{count}"

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
                    add_once(section.debates, debate.id)
                    named.append(debate)
                if not found and (kind := _debate_named(sentence, match)):
                    line = paragraph.line_of(_words(match[0]))
                    new = section.comment(
                        "debates",
                        f"the text names a debate ('{kind[0]}') on {day.isoformat()} that is "
                        "not in debates.yaml; add it there and list it here",
                    )
                    if new:  # a section that names it twice has one comment and one note
                        self.notes.append(
                            f"line {line}: could not place the {kind[0]} of {match[0]}: no "
                            "debate on that day in debates.yaml; proposed in a comment of "
                            f"section '{section.id}'"
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
            add_once(section.sectors, sector_id)


def _debate_named(sentence: str, date: re.Match[str]) -> re.Match[str] | None:
    """The kind of debate ("commissiedebat", "AO") named near a date in ``sentence``."""
    return _ANY_KIND_RE.search(sentence[max(0, date.start() - 90) : date.end() + 40])


def _words(text: str) -> str:
    """A pattern of ``text`` whose spaces may be line breaks, as in a paragraph's lines."""
    return re.escape(text).replace(r"\ ", r"\s+")
