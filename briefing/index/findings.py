"""Consistency findings: content that is valid but doubtful, as warnings and as Dutch text.

Three kinds. *Inconsistencies* between facts (a commitment fulfilled before it was made,
a motion adopted on a Saturday, a status that goes back), and *overdue* commitments (still
open after their deadline): the briefing lists both as points of attention and ``briefing
check`` prints them as warnings. *Unattached mentions*: a section that names a sector
without being attached to it, so the sector's summary would miss the passage. Findings
warn; they never change the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from briefing.dates import dutch_date, fuzzy_date_text
from briefing.errors import Problem
from briefing.index.kamer import kamer_findings
from briefing.index.sectors import name_pattern
from briefing.index.state import CommitmentState, Place, State, Stated
from briefing.loading import Document, NodePath
from briefing.model import CommitmentUpdate, MotionUpdate
from briefing.sources import Corpus
from briefing.types import FuzzyDate
from briefing.walk import letter_sections, section_texts

_WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


@dataclass(frozen=True)
class Finding:
    """An inconsistency: a Dutch sentence for the briefing and a warning for ``check``."""

    text: str
    problem: Problem
    place: Place | None
    #: The motion or commitment that, by this finding, no letter reports on or carries on:
    #: the finding holds only if no letter that cannot be read names it.
    unreported: str | None = None


def _warning(stated: Stated, field: str | None, message: str) -> Problem:
    """A warning at a stated fact, or at one of its fields."""
    where = (*stated.node_path, field) if field else stated.node_path
    return stated.place.source.document.problem(where, message).as_warning()


def findings_on(corpus: Corpus, state: State, on: dt.date) -> list[Finding]:
    """Inconsistencies among the facts known on the state's date, then the commitments
    whose deadline has passed by ``on`` while they are still open."""
    return [
        *_commitment_findings(state),
        *_motion_findings(corpus, state),
        *_letter_findings(corpus, state),
        *_agenda_findings(corpus, state),
        *(Finding(*found) for found in kamer_findings(corpus, state)),
        *_overdue(corpus, state, on),
    ]


def _overdue(corpus: Corpus, state: State, on: dt.date) -> Iterator[Finding]:
    for commitment in state.commitments.values():
        deadline = commitment.deadline
        if not deadline or deadline.end >= on or not commitment.is_open:
            continue
        latest = commitment.updates[-1] if commitment.updates else None
        where, number = _deadline_where(corpus, commitment)
        yield Finding(
            f"De termijn van de toezegging '{commitment.commitment.text}' "
            f"({fuzzy_date_text(deadline)}"
            f"{f', register {number}' if number else ''}) is verstreken; de stand is "
            f"'{commitment.status}'.",
            where.document.problem(
                where.node_path,
                f"commitment '{commitment.commitment.id}' was due {deadline}"
                f"{f' (register {number})' if number else ''} and is still "
                f"'{commitment.status}' on {on.isoformat()}; report on it in a letter",
            ).as_warning(),
            latest.place if latest else None,
            commitment.commitment.id,
        )


@dataclass(frozen=True)
class _Where:
    document: Document
    node_path: NodePath


def _deadline_where(corpus: Corpus, commitment: CommitmentState) -> tuple[_Where, str]:
    """Where a commitment's deadline is given: the registry, else the Kamer's facts (with the
    register's number, for the text; '' for the registry)."""
    entry = corpus.registries["commitment"][commitment.commitment.id]
    if commitment.commitment.deadline is not None or corpus.kamer is None:
        return _Where(entry.document, (*entry.node_path, "deadline")), ""
    kamer = corpus.kamer
    node_path = kamer.where("commitments", commitment.commitment.id)
    number = commitment.record.toezegging if commitment.record else ""
    return _Where(kamer.document, (*node_path, "deadline")), number


def _commitment_findings(state: State) -> Iterator[Finding]:
    for commitment in state.commitments.values():
        made = commitment.debate.date
        previous = None
        for stated in commitment.updates:
            update, place = stated.fact, stated.place
            if update.fulfilled_on and update.fulfilled_on.end < made:
                yield Finding(
                    f"Volgens de brief van {dutch_date(place.date)} is de toezegging "
                    f"'{_short(commitment.commitment.text)}' nagekomen "
                    f"{_when_nl(update.fulfilled_on)}, vóórdat zij op {dutch_date(made)} werd "
                    f"gedaan ({commitment.debate.title}).",
                    _warning(
                        stated,
                        "fulfilled_on",
                        f"commitment '{commitment.commitment.id}' was fulfilled "
                        f"{_when_en(update.fulfilled_on)} according to this letter, before it was "
                        f"made on {made.isoformat()}; check the date in the letter",
                    ),
                    place,
                )
            if place.date < made:
                yield Finding(
                    f"De brief van {dutch_date(place.date)} meldt de stand van de toezegging "
                    f"'{_short(commitment.commitment.text)}', die pas op {dutch_date(made)} "
                    "werd gedaan.",
                    _warning(
                        stated,
                        None,
                        f"this letter reports on commitment '{commitment.commitment.id}', "
                        f"which was only made on {made.isoformat()}",
                    ),
                    place,
                )
            if previous is not None and _rank(update.status) < _rank(previous):
                yield _regression(commitment.commitment.id, "toezegging", previous, stated)
            previous = update.status


def _motion_findings(corpus: Corpus, state: State) -> Iterator[Finding]:
    entries = corpus.registries["motion"]
    for motion_state in state.motions.values():
        motion = motion_state.motion
        label = f"{motion.cited_as} ({motion.kamerstuk})"
        adopted = motion.adopted
        if adopted and adopted.weekday() >= 5 and motion_state.mentions:
            entry = entries[motion.id]
            place = motion_state.mentions[-1]
            record = motion_state.record
            submitted, known = "", ""
            if record is not None and record.submitted is not None:
                submitted = (
                    f" Volgens de Kamer is zij op {dutch_date(record.submitted)} ingediend "
                    f"(zaak {record.zaak})."
                )
                known = f"; the Kamer has it submitted on {record.submitted.isoformat()}"
            yield Finding(
                f"Motie {label} is volgens de brieven aangenomen op "
                f"{_WEEKDAYS[adopted.weekday()]} {dutch_date(adopted)}; de Kamer stemt niet in "
                f"het weekend. Controleer de datum.{submitted}",
                entry.document.problem(
                    (*entry.node_path, "adopted"),
                    f"motion '{motion.id}' was adopted on a "
                    f"{adopted.strftime('%A')} ({adopted.isoformat()}), when the Kamer "
                    f"does not vote{known}; check the date",
                ).as_warning(),
                place,
            )
        previous = None
        for stated in motion_state.updates:
            update, place = stated.fact, stated.place
            if adopted and place.date < adopted:
                yield Finding(
                    f"De brief van {dutch_date(place.date)} meldt de uitvoering van motie "
                    f"{label}, die pas op {dutch_date(adopted)} werd aangenomen.",
                    _warning(
                        stated,
                        None,
                        f"this letter reports on motion '{motion.id}', adopted only on "
                        f"{adopted.isoformat()}",
                    ),
                    place,
                )
            if previous is not None and _rank(update.status) < _rank(previous):
                yield _regression(motion.id, "motie", previous, stated)
            previous = update.status


def _agenda_findings(corpus: Corpus, state: State) -> Iterator[Finding]:
    """A letter dated after a debate whose agenda names it."""
    dated = {source.letter.id: source.letter for source in state.letters}
    for entry in corpus.registries["debate"].values():
        debate = entry.model
        for index, letter_id in enumerate(debate.agenda):
            listed = dated.get(letter_id)
            if listed is not None and debate.date < listed.date:
                problem = entry.document.problem(
                    (*entry.node_path, "agenda", index),
                    f"the letter '{listed.id}' is dated {listed.date.isoformat()}, after the "
                    f"debate whose agenda names it ({debate.date.isoformat()}); check the "
                    "agenda or the letter's date",
                )
                yield Finding(
                    f"De brief '{listed.subject}' van {dutch_date(listed.date)} staat op de "
                    f"agenda van {debate.title} ({dutch_date(debate.date)}), maar is van na "
                    "dat debat.",
                    problem.as_warning(),
                    None,
                )


def _letter_findings(corpus: Corpus, state: State) -> Iterator[Finding]:
    for source in state.letters:
        letter = source.letter
        debate = corpus.debates.get(letter.debate) if letter.debate else None
        if debate and debate.date < letter.date:
            problem = source.document.problem(
                ("debate",),
                f"the letter is dated {letter.date.isoformat()}, after the debate it was "
                f"written for ({debate.date.isoformat()})",
            )
            yield Finding(
                f"De brief '{letter.subject}' van {dutch_date(letter.date)} is gedateerd na "
                f"het debat waarvoor hij is geschreven ({debate.title}, "
                f"{dutch_date(debate.date)}).",
                problem.as_warning(),
                None,
            )
    for stated in state.milestones:
        milestone, place = stated.fact, stated.place
        if milestone.due.end < place.date:
            yield Finding(
                f"De brief van {dutch_date(place.date)} kondigt '{_short(milestone.what)}' aan "
                f"met als moment '{fuzzy_date_text(milestone.due)}', dat al voorbij was.",
                _warning(
                    stated,
                    "due",
                    f"milestone due '{milestone.due}' lies before the letter's date "
                    f"{place.date.isoformat()}",
                ),
                place,
            )


def _regression(
    thing: str,
    kind: str,
    previous: StrEnum,
    stated: Stated[MotionUpdate] | Stated[CommitmentUpdate],
) -> Finding:
    place, status = stated.place, stated.fact.status
    return Finding(
        f"De stand van {kind} '{thing}' gaat in de brief van {dutch_date(place.date)} terug "
        f"van '{previous}' naar '{status}'.",
        _warning(
            stated,
            "status",
            f"status of '{thing}' goes back from '{previous}' to '{status}'",
        ),
        place,
    )


def _rank(status: StrEnum) -> int:
    """Position of a status in its enum: statuses are listed from open to done."""
    return list(type(status)).index(status)


def _when_nl(date: FuzzyDate) -> str:
    """When, in a Dutch sentence: on a day ("op 17 februari 2021"), or in a period as the
    letter names it ("in de periode 'eerste helft van 2019'")."""
    if date.start == date.end:
        return f"op {dutch_date(date.start)}"
    return f"in de periode '{date}'"


def _when_en(date: FuzzyDate) -> str:
    """When, in a warning: on a day as the letter wrote it, or in a period."""
    return f"on {date}" if date.start == date.end else f"in '{date}'"


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --- sectors named but not attached --------------------------------------------------------


def unattached_mentions(corpus: Corpus) -> list[Problem]:
    """Sections that name a sector (by name or alias) without listing it in ``sectors``."""
    sectors = [(sector_id, name_pattern(s)) for sector_id, s in corpus.sectors.items()]
    named = _names_in(corpus)
    problems = []
    for source in corpus.letters:
        for section, path, _level in letter_sections(source.letter):
            texts = list(section_texts(section, path))
            candidates = named(texts)
            for sector_id, pattern in sectors:
                if sector_id in section.sectors or sector_id not in candidates:
                    continue
                for text_path, text in texts:
                    if match := pattern.search(text):
                        problems.append(
                            source.document.problem(
                                text_path,
                                f"names '{match[0]}' (sector '{sector_id}') but the "
                                f"section does not list it; add '{sector_id}' to the "
                                "section's sectors so that its summary has this passage",
                            ).as_warning()
                        )
                        break
    return problems


def _names_in(corpus: Corpus) -> Callable[[list[tuple[NodePath, str]]], set[str]]:
    """A quick first look: the sectors whose names could stand in some texts, because the
    first word of one of their names is a word of the texts; only for those does the exact
    pattern run (a name stands between word boundaries, so its first word is a word)."""
    by_first: dict[str, set[str]] = {}
    always: set[str] = set()
    for sector_id, sector in corpus.sectors.items():
        for name in (sector.name, *sector.aliases):
            words = _WORD_RE.findall(name.lower())
            if words and name.lower().startswith(words[0]):
                by_first.setdefault(words[0], set()).add(sector_id)
            else:  # a name that does not begin with a word: always look
                always.add(sector_id)

    def named(texts: list[tuple[NodePath, str]]) -> set[str]:
        words = set(_WORD_RE.findall("\n".join(text for _, text in texts).lower()))
        return always.union(*(by_first[w] for w in words & by_first.keys()))

    return named


def unplaced_motions(corpus: Corpus, state: State) -> Iterator[Finding]:
    """The motions of ``motions.yaml`` that ``state``, the state of play after every letter,
    does not hold: no day places them (``submitted``, ``adopted``, the Kamer's record) and no
    letter names them, so no dossier or register shows them."""
    entries = corpus.registries["motion"]
    for motion in corpus.motions.values():
        if motion.id in state.motions or motion.id not in entries:
            continue
        entry = entries[motion.id]
        yield Finding(
            f"Motie {motion.cited_as} ({motion.kamerstuk}) heeft geen datum en staat daarom in "
            "geen dossier.",
            entry.document.problem(
                entry.node_path,
                f"motion '{motion.id}' has no day: no 'submitted' or 'adopted', no record "
                "in kamer.yaml and no letter reporting on it, so no dossier or register "
                "shows it; add 'submitted: YYYY-MM-DD' (the day it was submitted)",
            ).as_warning(),
            None,
            motion.id,
        )


def letters_after(state: State, today: dt.date) -> Iterator[Finding]:
    """The letters dated after ``today``: a mistyped year keeps a letter out of every dossier
    and register of a day before it, and makes what falls due seem overdue."""
    for source in state.letters:
        letter = source.letter
        if letter.date <= today:
            continue
        yield Finding(
            f"De brief '{letter.subject}' is gedateerd op {dutch_date(letter.date)}, na "
            f"vandaag ({dutch_date(today)}).",
            source.document.problem(
                ("date",),
                f"the letter is dated {letter.date.isoformat()}, after today "
                f"({today.isoformat()}): the dossiers and registers of the days before "
                "leave it out; check the date",
            ).as_warning(),
            None,
        )


#: A word as the sectors' patterns see one: letters, digits, hyphens.
_WORD_RE = re.compile(r"[\w-]+")


def content_warnings(corpus: Corpus, findings: list[Finding]) -> list[Problem]:
    """Every warning about the whole content, in file order: the ``findings`` on a date
    after every letter, and the sectors named but not attached.

    A finding that no letter reports on a motion or commitment is held back while a letter
    that names it has errors: that letter may well report on it once it can be read."""
    unread = corpus.unread_words
    found = [f.problem for f in findings if f.unreported not in unread]
    found += unattached_mentions(corpus)
    return sorted(found, key=lambda p: (str(p.path), p.line, p.column))
