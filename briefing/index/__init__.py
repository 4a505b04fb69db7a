"""The index stage: everything that spans letters, computed once per build, as plain data.

From the validated corpus the :class:`Index` derives the state of play on any date
(:mod:`.state`), each sector's state (:mod:`.sectors`) and the findings that ``check``
and the briefings print (:mod:`.findings`). Each is computed once and kept; views and
``check`` only read them.

The index also notes what a document reads (:mod:`briefing.reads`): the content files whose
facts it hands out, and its answers to questions about the corpus as a whole, such as
which letters were sent by a date. The build records these, and asks the index of a later
build for the same answers (:meth:`Index.answer`) to tell whether a document is stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from briefing.errors import BriefingError
from briefing.index.dossier import Dossier, dossier
from briefing.index.findings import Finding, findings_on, letters_after, unplaced_motions
from briefing.index.register import Entry, register
from briefing.index.state import Place, SectorState, State, places, state_on
from briefing.layout import KAMER_FILE, REGISTRY_FILES
from briefing.model import Commitment, Debate, Letter, Motion, Sector
from briefing.reads import note_files, note_query
from briefing.sources import Corpus, LetterSource
from briefing.types import Kamerstuk

#: Query keys, the recorded questions about the corpus as a whole.
LETTERS_UNTIL, LATEST, SECTOR = "letters-until", "latest", "sector"


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


@dataclass
class Index:
    """The corpus with everything derived from it, each part computed once."""

    corpus: Corpus
    _states: dict[dt.date, State] = field(default_factory=dict, repr=False)
    _sectors: dict[str, SectorState] = field(default_factory=dict, repr=False)
    _findings: dict[dt.date, list[Finding]] = field(default_factory=dict, repr=False)
    _dossiers: dict[tuple[str, dt.date], Dossier] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        corpus = self.corpus
        self.letters: list[LetterSource] = corpus.letters
        self.motions: dict[str, Motion] = corpus.motions
        self.commitments: dict[str, Commitment] = corpus.commitments
        self.sectors: dict[str, Sector] = corpus.sectors
        self.debates: dict[str, Debate] = corpus.debates
        self._letters_by_id = {s.letter.id: s for s in self.letters}
        # Read with every state: the registries and the Kamer's facts about them.
        shared = (corpus.root / name for name in [*REGISTRY_FILES.values(), KAMER_FILE])
        self._registries = tuple(path for path in shared if path in corpus.files)

    @property
    def latest(self) -> dt.date | None:
        """The date of the latest letter; None without letters."""
        return self.letters[-1].letter.date if self.letters else None

    # --- what views read (each noted) --------------------------------------------------------

    def letter(self, letter_id: str) -> LetterSource:
        """One letter with its document."""
        source = self._letters_by_id[letter_id]
        note_files(source.path)
        return source

    def state_on(self, date: dt.date) -> State:
        """The state of play on ``date``: what the letters dated on or before it say."""
        state = self._state(date)
        note_query(f"{LETTERS_UNTIL}/{date.isoformat()}", self.answer_letters_until(date))
        note_files(*self._registries, *(s.path for s in state.letters))
        return state

    def summary(self) -> State:
        """The state as of the latest letter, which the sector summaries describe."""
        latest = self.latest
        if latest is None:
            raise BriefingError("no letters to summarise")
        note_query(LATEST, self.answer(LATEST))
        return self.state_on(latest)

    def latest_letter(self) -> LetterSource:
        """The latest letter."""
        note_query(LATEST, self.answer(LATEST))
        return self.letter(self.letters[-1].letter.id)

    def latest_date(self) -> dt.date:
        """The date of the latest letter, the day a summary stands on when none adds to it."""
        note_query(LATEST, self.answer(LATEST))
        return self._summary_date()

    def sector_state(self, sector_id: str) -> SectorState:
        """A sector's state as of the latest letter; noted as what speaks of that sector."""
        state = self._sector(sector_id)
        note_query(f"{SECTOR}/{sector_id}", self.answer(f"{SECTOR}/{sector_id}"))
        note_files(*self._registries, *(s.path for s in state.sources))
        return state

    def dossier(self, debate_id: str, date: dt.date) -> Dossier:
        """The dossier of a debate (a state of play for ``''``) on ``date``."""
        key = (debate_id, date)
        state = self.state_on(date)
        notes = self.corpus.notes.get(debate_id)
        if notes is not None:
            note_files(notes.document.path)
        if key not in self._dossiers:
            debate = self.debates[debate_id] if debate_id else None
            self._dossiers[key] = dossier(self.corpus, state, debate)
        return self._dossiers[key]

    def kamerstuk_of(self, letter: Letter) -> Kamerstuk | None:
        """A letter's Kamerstuk number: its own, else the one the Kamer's records give."""
        if letter.kamerstuk is None and self.corpus.kamer is not None:
            note_files(self.corpus.kamer.document.path)
        return self.corpus.kamerstuk_of(letter)

    def section(self, ref: str) -> Place:
        """The letter section ``<letter-id>#<section-id>`` (checked when the content loaded)."""
        letter_id, _, section_id = ref.partition("#")
        source = self.letter(letter_id)
        return next(p for p in places(source) if p.section.id == section_id)

    def register(self, date: dt.date) -> list[Entry]:
        """Every motion and commitment known on ``date``, as the register lists them."""
        return register(self.state_on(date))

    def findings_on(self, date: dt.date) -> list[Finding]:
        """The findings about the state of play on ``date`` (overdue on that day)."""
        state = self.state_on(date)
        if date not in self._findings:
            self._findings[date] = findings_on(self.corpus, state, date)
        return self._findings[date]

    def findings(self, today: dt.date) -> list[Finding]:
        """The findings about all content, with what is overdue ``today`` (or on the latest
        letter's day, if later): what ``check`` says; also the motions no day places and no
        letter names, which no dossier shows, and the letters dated after ``today``."""
        state = self._state(dt.date.max)
        on = max(today, self.latest or today)
        return [
            *findings_on(self.corpus, state, on),
            *unplaced_motions(self.corpus, state),
            *letters_after(state, today),
        ]

    # --- answers to recorded questions -------------------------------------------------------

    def answer(self, key: str) -> str:
        """The digest of the current answer to a recorded question (see the query keys)."""
        kind, _, argument = key.partition("/")
        if kind == LETTERS_UNTIL:
            return self.answer_letters_until(dt.date.fromisoformat(argument))
        if kind == LATEST:
            return _digest(self.letters[-1].letter.id if self.letters else None)
        if kind == SECTOR and argument in self.sectors:
            return _digest(_membership(self._sector(argument)))
        return "unknown"

    def answer_letters_until(self, date: dt.date) -> str:
        """Which letters were sent on or before ``date``."""
        return _digest([s.letter.id for s in self.letters if s.letter.date <= date])

    # --- computed once -----------------------------------------------------------------------

    def _state(self, date: dt.date) -> State:
        if date not in self._states:
            self._states[date] = state_on(self.corpus, date)
        return self._states[date]

    def _summary_date(self) -> dt.date:
        return self.latest or dt.date.min

    def _sector(self, sector_id: str) -> SectorState:
        if sector_id not in self._sectors:
            state = self._state(self._summary_date())
            self._sectors[sector_id] = state.sector_state(self.sectors[sector_id])
        return self._sectors[sector_id]


def _membership(state: SectorState) -> dict[str, list[str]]:
    """What a sector's state is made of, beyond the contents of its letters and registries:
    which letters speak of it, and which of its motions and commitments exist by the latest
    letter's date."""
    return {
        "letters": [s.letter.id for s in state.sources],
        "motions": [m.motion.id for m in state.motions],
        "commitments": [c.commitment.id for c in state.commitments],
    }
