"""Findings from the Kamer's own records: where they contradict what the content says.

The records come from ``kamer.yaml`` (written by ``briefing kamer link``, reviewed like
content). Four kinds: a date the content gives for a debate or briefing that the Kamer's
agenda has on another day; a debate moved or cancelled on the agenda; a motion adopted,
according to the letters, that the Kamer rejected, withdrew or held (once it decided), or
that was adopted before it was submitted or on another day than the vote; a motion a letter
reports on (so takes as adopted) that the Kamer rejected, withdrew or held; a commitment whose
status in the letters contradicts the Kamer's register.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.dates import dutch_date
from briefing.errors import Problem
from briefing.index.state import CommitmentState, MotionState, Place, State
from briefing.kamer.facts import DebateFacts, MotionFacts
from briefing.loading import Document, NodePath
from briefing.model import CommitmentStatus, Debate, Motion
from briefing.sources import Corpus, KamerSource
from briefing.walk import letter_sections

#: A contradiction: the Dutch sentence for the dossier, the warning, the place in a letter,
#: and the motion or commitment that by it no letter reports on, where that is what it says.
Finding = tuple[str, Problem, Place | None, str | None]

#: The register's words for a commitment still (wholly or partly) to be met, for one met or
#: dropped, and for one it closed as not kept (``Niet nagekomen``): neither met nor still
#: awaited, which contradicts letters that call it met and letters that leave it open alike.
_OPEN = {"openstaand", "deels afgedaan", "deels voldaan"}
_DONE = {"afgedaan", "nagekomen", "voldaan", "vervallen"}
_NOT_KEPT = "niet nagekomen"
#: The Kamer's words for a motion's end that is not its adoption.
_NOT_ADOPTED = {"verworpen", "ingetrokken", "aangehouden", "vervallen"}
#: The agenda's words for a debate that will not take place on its day.
_MOVED = {"verplaatst": "verplaatst", "geannuleerd": "geannuleerd", "vervallen": "vervallen"}


def kamer_findings(corpus: Corpus, state: State) -> Iterator[Finding]:
    """Every contradiction between the content known on the state's date and the records,
    as (Dutch text, warning, place in a letter, motion or commitment no letter reports on)."""
    kamer = corpus.kamer
    if kamer is None:
        return
    agenda: dict[str, DebateFacts] = {d.debate: d for d in kamer.facts.debates}
    yield from _letter_datings(state, corpus.debates, agenda)
    for debate_id, facts in agenda.items():
        debate = corpus.debates.get(debate_id)
        if debate is not None and debate.date <= state.date:
            yield from _debate_findings(corpus, kamer, debate, facts)
    yield from _motion_findings(corpus, state)
    yield from _undated_decisions(corpus, kamer, state)
    for commitment in state.commitments.values():
        yield from _commitment_findings(kamer, state, commitment)


def _finding(
    text: str,
    document: Document,
    where: NodePath,
    message: str,
    place: Place | None,
    unreported: str | None = None,
) -> Finding:
    """A contradiction: the Dutch ``text`` for the dossier, a warning with ``message`` at
    ``where`` in ``document`` for ``check``, the place in a letter it is about, and the
    motion or commitment that by it no letter reports on, if that is what it says."""
    warning = document.problem(where, message).as_warning()
    return text, warning, place, unreported


def _letter_datings(
    state: State, debates: dict[str, Debate], agenda: dict[str, DebateFacts]
) -> Iterator[Finding]:
    """A day a letter gives for meeting a commitment at an event (the one other debate its
    section names besides the one where the commitment was made) that the agenda has on
    another day."""
    for commitment in state.commitments.values():
        for stated in commitment.updates:
            day = stated.fact.fulfilled_on
            events = [d for d in stated.place.section.debates if d != commitment.commitment.debate]
            if day is None or day.start != day.end or len(events) != 1:
                continue
            facts, debate = agenda.get(events[0]), debates.get(events[0])
            if facts is None or debate is None or facts.date in (None, day.start):
                continue
            assert facts.date is not None
            activity = f"activiteit {facts.activiteit}"
            yield _finding(
                f"De brief van {dutch_date(stated.place.date)} noemt {dutch_date(day.start)} "
                f"als datum van de {debate.title[:1].lower()}{debate.title[1:]}; volgens de "
                f"agenda van de Kamer ({activity}) was die op {dutch_date(facts.date)}.",
                stated.place.source.document,
                (*stated.node_path, "fulfilled_on"),
                f"this letter dates '{debate.id}' {day.start.isoformat()}; the "
                f"Kamer's agenda has it on {facts.date.isoformat()} ({activity}): check "
                "the date in the letter",
                stated.place,
            )


def _debate_findings(
    corpus: Corpus, kamer: KamerSource, debate: Debate, facts: DebateFacts
) -> Iterator[Finding]:
    entry = corpus.registries["debate"][debate.id]
    activity = f"activiteit {facts.activiteit}"
    if facts.date is not None and facts.date != debate.date:
        yield _finding(
            f"'{debate.title}' staat in de eigen registratie op {dutch_date(debate.date)}; de "
            f"agenda van de Kamer heeft het op {dutch_date(facts.date)} ({activity}).",
            entry.document,
            (*entry.node_path, "date"),
            f"debate '{debate.id}' is on {debate.date.isoformat()} here, but on "
            f"{facts.date.isoformat()} on the Kamer's agenda ({activity}); give the "
            "agenda's date",
            None,
        )
    moved = _MOVED.get((facts.status or "").lower())
    if moved is not None:
        onward = f", naar activiteit {facts.moved_to}" if facts.moved_to else ""
        yield _finding(
            f"'{debate.title}' van {dutch_date(debate.date)} is volgens de agenda van de Kamer "
            f"{moved}{onward} ({activity}).",
            kamer.document,
            (*kamer.where("debates", debate.id), "status"),
            f"debate '{debate.id}' is '{facts.status}' on the Kamer's agenda ({activity})"
            + (f"; it moved to {facts.moved_to}" if facts.moved_to else ""),
            None,
        )


def _motion_findings(corpus: Corpus, state: State) -> Iterator[Finding]:
    """Per motion the letters call adopted: the Kamer's other decision, once taken; else an
    adoption day before it was submitted or off the vote, where a letter mentions it."""
    entries = corpus.registries["motion"]
    for motion_state in state.motions.values():
        motion, record = motion_state.motion, motion_state.record
        if record is None:
            continue
        if motion.adopted is None or motion.adopted > state.date:  # not adopted by then
            yield from _reported_not_adopted(motion_state, record)
            continue
        entry = entries[motion.id]
        place = motion_state.mentions[-1] if motion_state.mentions else None
        label = f"{motion.cited_as} ({motion.kamerstuk}, zaak {record.zaak})"
        where = (*entry.node_path, "adopted")
        result = (record.result or "").lower()
        if result in _NOT_ADOPTED:
            votes = _votes(record)
            on = f" op {dutch_date(record.voted_on)}" if record.voted_on else ""
            yield _finding(
                f"Motie {label} is volgens de brieven aangenomen op {dutch_date(motion.adopted)}, "
                f"maar volgens de Kamer{on} {result}"
                + (f" ({votes[0]} voor, {votes[1]} tegen)." if votes else "."),
                entry.document,
                where,
                f"motion '{motion.id}' was adopted on {motion.adopted.isoformat()} "
                f"according to the letters, but the Kamer has it {result}"
                + (f" on {record.voted_on.isoformat()}" if record.voted_on else "")
                + (f" ({votes[0]} for, {votes[1]} against; " if votes else " (")
                + f"zaak {record.zaak}); check which is right",
                place,
            )
        elif place is not None:
            yield from _adoption_day(motion, record, label, (entry.document, where), place)


def _undated_decisions(corpus: Corpus, kamer: KamerSource, state: State) -> Iterator[Finding]:
    """A decision in ``kamer.yaml`` without its day (``voted_on``, ``decided_by``; one a
    person wrote by hand, since the records' always has one) on a motion no letter reports
    on and the content does not have adopted: nothing places it in time, so no dossier or
    export shows it (:meth:`MotionFacts.known_on`); the entry says so where it is."""
    reported = {
        update.motion
        for source in corpus.letters
        for section, _, _ in letter_sections(source.letter)
        for update in section.motion_updates
    }
    for motion_state in state.motions.values():
        motion = motion_state.motion
        facts = next((m for m in kamer.facts.motions if m.motion == motion.id), None)
        if facts is None or facts.voted_on or facts.decided_by:
            continue
        said = facts.decision or facts.result
        if said is None or motion.adopted is not None or motion.id in reported:
            continue
        field = "decision" if facts.decision else "result"
        yield _finding(
            f"Het besluit van de Kamer over motie {motion.cited_as} ({motion.kamerstuk}, zaak "
            f"{facts.zaak}), '{said}', staat in kamer.yaml zonder dag en wordt niet getoond.",
            kamer.document,
            (*kamer.where("motions", motion.id), field),
            f"the decision '{said}' on motion '{motion.id}' has no day, and no letter reports "
            "on the motion nor does motions.yaml give it 'adopted': no dossier or export "
            "shows it; add 'voted_on: YYYY-MM-DD' (the day of the vote) or 'decided_by: "
            "YYYY-MM-DD' (a day by which the Kamer had decided) to this entry",
            None,
            motion.id,
        )


def _reported_not_adopted(motion_state: MotionState, record: MotionFacts) -> Iterator[Finding]:
    """A letter reporting on a motion (carrying it out, so taking it as adopted) that the
    Kamer rejected, withdrew or held."""
    result = (record.result or "").lower()
    if result not in _NOT_ADOPTED or not motion_state.updates:
        return
    motion, latest = motion_state.motion, motion_state.updates[-1]
    votes = _votes(record)
    on = f" op {dutch_date(record.voted_on)}" if record.voted_on else ""
    yield _finding(
        f"De brief van {dutch_date(latest.place.date)} meldt de motie {motion.cited_as} "
        f"({motion.kamerstuk}, zaak {record.zaak}) als {latest.fact.status}, maar volgens de "
        f"Kamer is zij{on} {result}" + (f" ({votes[0]} voor, {votes[1]} tegen)." if votes else "."),
        latest.place.source.document,
        (*latest.node_path, "status"),
        f"this letter reports on motion '{motion.id}' as '{latest.fact.status}', but the Kamer "
        f"has it {result}"
        + (f" on {record.voted_on.isoformat()}" if record.voted_on else "")
        + (f" ({votes[0]} for, {votes[1]} against; " if votes else " (")
        + f"zaak {record.zaak}); check which motion is meant",
        latest.place,
    )


def _adoption_day(
    motion: Motion,
    record: MotionFacts,
    label: str,
    at: tuple[Document, NodePath],
    place: Place,
) -> Iterator[Finding]:
    """An adoption day, according to the letters, before the motion was submitted or other
    than the day of the vote; ``label`` names the motion, ``at`` is where to warn."""
    assert motion.adopted is not None
    document, where = at
    if record.submitted is not None and motion.adopted < record.submitted:
        yield _finding(
            f"Motie {label} is volgens de brieven aangenomen op {dutch_date(motion.adopted)}, "
            f"maar volgens de Kamer pas op {dutch_date(record.submitted)} ingediend.",
            document,
            where,
            f"motion '{motion.id}' was adopted on {motion.adopted.isoformat()}, "
            f"before the Kamer has it submitted ({record.submitted.isoformat()}, "
            f"zaak {record.zaak})",
            place,
        )
    elif record.voted_on is not None and motion.adopted != record.voted_on:
        yield _finding(
            f"Motie {label} is volgens de brieven aangenomen op {dutch_date(motion.adopted)}; "
            f"de Kamer stemde erover op {dutch_date(record.voted_on)}.",
            document,
            where,
            f"motion '{motion.id}' was adopted on {motion.adopted.isoformat()}, but "
            f"the Kamer voted on it on {record.voted_on.isoformat()} (zaak "
            f"{record.zaak})",
            place,
        )


def _votes(record: MotionFacts) -> tuple[int, int] | None:
    """The votes for and against a motion, where the records give both."""
    if record.votes_for is None or record.votes_against is None:
        return None
    return record.votes_for, record.votes_against


def _commitment_findings(
    kamer: KamerSource, state: State, commitment: CommitmentState
) -> Iterator[Finding]:
    record = commitment.record
    if record is None or record.status is None:
        return
    registered = record.status.lower()
    text = commitment.commitment.text
    short = " ".join(text.split()[:12]) + (" …" if len(text.split()) > 12 else "")
    number = f"register {record.toezegging}"
    latest = commitment.updates[-1] if commitment.updates else None
    said, cid = str(commitment.status), commitment.commitment.id
    met = commitment.status in (CommitmentStatus.VOLDAAN, CommitmentStatus.VERVALLEN)
    # Closed as not kept: neither met nor still awaited, so at odds with any letter.
    not_kept = registered == _NOT_KEPT
    if latest is not None and (
        (met and registered in _OPEN) or (not_kept and not commitment.is_open)
    ):
        still = "nog " if registered in _OPEN else ""
        yield _finding(
            f"De brief van {dutch_date(latest.place.date)} meldt de toezegging '{short}' als "
            f"{said}; het register van de Kamer ({number}) heeft haar {still}als "
            f"{record.status}.",
            latest.place.source.document,
            (*latest.node_path, "status"),
            f"this letter calls commitment '{cid}' '{said}', but the Kamer's register "
            f"({record.toezegging}) has it '{record.status}'" + (" (not kept)" if not_kept else ""),
            latest.place,
        )
    elif not_kept or (commitment.is_open and registered in _DONE):
        closed = " afgesloten" if not_kept else ""
        why = (
            f" (closed as not kept), but the letters have it '{said}'"
            if not_kept
            else f", but the letters have it '{said}'; a letter that reports on it may be missing"
        )
        yield _finding(
            f"Het register van de Kamer ({number}) heeft de toezegging '{short}' als "
            f"{record.status}{closed}; de brieven melden haar als {said}.",
            kamer.document,
            (*kamer.where("commitments", cid), "status"),
            f"the Kamer's register has commitment '{cid}' '{record.status}'{why}",
            latest.place if latest else None,
            None if not_kept else cid,
        )
