"""The view of a preparation briefing: the state of play on a date, for a debate or on its own.

Parts appear only where they have something to say: Kern (authors' key points of the
letters on the agenda), Moties, Toezeggingen, Sectoren, Mijlpalen, Financiën,
Aandachtspunten and Bronnen. Every row carries a link to the letter section it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from briefing.corpus import LetterSource
from briefing.dates import dutch_date
from briefing.errors import BriefingError
from briefing.index import Index
from briefing.index.findings import Finding
from briefing.index.sectors import latest_development
from briefing.index.state import MotionState, Place, SectorState, State, Stated
from briefing.layout import letter_href
from briefing.model import Debate, DebateKind, Milestone, Sector
from briefing.plan import Output
from briefing.views.format import (
    Cover,
    StatusView,
    figure_value,
    fuzzy_date_text,
    inline,
    letters_fact,
    ministry_of,
    money,
    signed_on,
    status_view,
)
from briefing.views.links import (
    Pages,
    Point,
    SourceLink,
    development_point,
    section_title,
    source_link,
)
from briefing.views.rows import (
    CommitmentRow,
    MilestoneRow,
    MotionRow,
    commitment_row,
    milestone_row,
    motion_row,
)
from briefing.walk import iter_sections


@dataclass(frozen=True)
class KernSection:
    """The key points of one section of a letter on the agenda."""

    title: Markup
    source: SourceLink
    points: list[Markup]


@dataclass(frozen=True)
class KernLetter:
    """A letter on the agenda with its sections' key points."""

    subject: str
    date: str
    href: str
    sections: list[KernSection]


@dataclass(frozen=True)
class SectorRow:
    """One sector or theme: status, signing date, latest development, key figures."""

    name: str
    full_name: str | None
    status: StatusView | None
    is_theme: bool
    signed: str | None
    latest: Point | None
    figures: list[str]


@dataclass(frozen=True)
class AmountRow:
    """Money quoted in a letter."""

    instrument: str
    year: str
    amount: str
    note: str | None
    source: SourceLink


@dataclass(frozen=True)
class Attention:
    """A point of attention: an inconsistency or something overdue."""

    text: str
    source: SourceLink | None


@dataclass(frozen=True)
class SourceLetter:
    """A letter the briefing is made from."""

    date: str
    subject: str
    references: list[str]
    kamerstuk: str | None
    kamerstuk_url: str | None
    href: str


@dataclass
class BriefingView:
    """Everything the briefing template prints."""

    cover: Cover
    on: str
    kern: list[KernLetter] = field(default_factory=list)
    motions: list[MotionRow] = field(default_factory=list)
    commitments: list[CommitmentRow] = field(default_factory=list)
    sectors: list[SectorRow] = field(default_factory=list)
    milestones: list[MilestoneRow] = field(default_factory=list)
    amounts: list[AmountRow] = field(default_factory=list)
    attention: list[Attention] = field(default_factory=list)
    sources: list[SourceLetter] = field(default_factory=list)

    @property
    def toc(self) -> list[tuple[str, str]]:
        """Anchor and title of every part that has something to say, in order."""
        parts = [
            ("kern", "Kern", self.kern),
            ("moties", "Moties", self.motions),
            ("toezeggingen", "Toezeggingen", self.commitments),
            ("sectoren", "Sectoren", self.sectors),
            ("mijlpalen", "Mijlpalen", self.milestones),
            ("financien", "Financiën", self.amounts),
            ("aandachtspunten", "Aandachtspunten", self.attention),
            ("bronnen", "Bronnen", self.sources),
        ]
        return [(anchor, title) for anchor, title, rows in parts if rows]


_DOCTYPES = {
    DebateKind.AO: "AO-voorbereiding",
    DebateKind.COMMISSIEDEBAT: "Voorbereiding commissiedebat",
}


def briefing_view(index: Index, output: Output, pages: Pages) -> BriefingView:
    """The briefing on the output's date, from the letters dated on or before it."""
    assert output.date is not None
    date = output.date
    state = index.state_on(date)
    if not state.letters:
        first = index.letters[0].letter.date.isoformat() if index.letters else None
        hint = f"; the first letter is dated {first}" if first else ""
        raise BriefingError(f"no letters dated on or before {date.isoformat()}{hint}")
    debate = index.debates[output.key] if output.key else None
    agenda = [s for s in state.letters if s.letter.debate == debate.id] if debate else state.letters
    sectors = index.sectors
    return BriefingView(
        cover=_cover(state, debate),
        on=dutch_date(date),
        kern=[_kern_letter(source, pages) for source in agenda],
        motions=[motion_row(m, pages) for m in _motions_in_order(state)],
        commitments=[commitment_row(c, pages) for c in state.commitments.values()],
        sectors=[_sector_row(s, pages) for s in state.sectors.values()],
        milestones=[
            milestone_row(m, state.timing(m.fact), _sector_names(sectors, m.fact), pages)
            for m in state.milestones
        ],
        amounts=[
            AmountRow(
                a.fact.instrument,
                _year(a.fact.year, a.fact.structural),
                money(a.fact.euros),
                a.fact.note,
                source_link(a.place, pages),
            )
            for a in sorted(state.amounts, key=lambda a: (a.fact.instrument, a.fact.year or 0))
        ],
        attention=[_attention(f, pages) for f in index.findings_on(date)],
        sources=[_source_letter(s) for s in state.letters],
    )


def _sector_names(sectors: dict[str, Sector], milestone: Milestone) -> str:
    return ", ".join(sectors[s].name for s in milestone.sectors if s in sectors)


def _cover(state: State, debate: Debate | None) -> Cover:
    on = dutch_date(state.date)
    letters = letters_fact(state.letters, state.date)
    ministry = ministry_of(state.letters)
    if debate is None:
        facts = [("Stand per", on), ("Bronnen", letters)]
        return Cover("Stand van zaken", f"IMVO-beleid per {on}", facts, ministry)
    facts = [("Debat", debate.title), ("Datum", dutch_date(debate.date))]
    if debate.committee:
        facts.append(("Commissie", debate.committee))
    if debate.minister:
        facts.append(("Bewindspersoon", debate.minister))
    facts += [("Stand per", on), ("Bronnen", letters)]
    doctype = _DOCTYPES.get(debate.kind, f"Voorbereiding {debate.kind}")
    return Cover(doctype, debate.title, facts, ministry)


def _kern_letter(source: LetterSource, pages: Pages) -> KernLetter:
    letter = source.letter
    places = [Place(source, s, path) for s, path, _level in iter_sections(letter.sections)]
    sections = [
        KernSection(
            section_title(place),
            source_link(place, pages),
            [inline(point) for point in place.section.summary],
        )
        for place in places
        if place.section.summary
    ]
    return KernLetter(letter.subject, dutch_date(letter.date), letter_href(letter.id), sections)


def _motions_in_order(state: State) -> list[MotionState]:
    def key(m: MotionState) -> tuple:
        kamerstuk = m.motion.kamerstuk
        return (kamerstuk.dossier, kamerstuk.suffix or "", kamerstuk.number)

    return sorted(state.motions.values(), key=key)


def _sector_row(state: SectorState, pages: Pages) -> SectorRow:
    return SectorRow(
        state.sector.name,
        state.sector.full_name,
        status_view(state.status) if state.status else None,
        state.is_theme,
        signed_on(state),
        development_point(latest_development(state), pages),
        [_figure_text(f) for f in state.key_figures],
    )


def _figure_text(stated: Stated) -> str:
    figure = stated.fact
    kind = "doel" if figure.target else "stand"
    return f"{figure.label}: {figure_value(figure)} ({kind} {fuzzy_date_text(figure.as_of)})"


def _year(year: int | None, structural: bool) -> str:
    if year is None:
        return "—"
    return f"vanaf {year}, structureel" if structural else str(year)


def _attention(finding: Finding, pages: Pages) -> Attention:
    return Attention(finding.text, source_link(finding.place, pages) if finding.place else None)


def _source_letter(source: LetterSource) -> SourceLetter:
    letter = source.letter
    return SourceLetter(
        dutch_date(letter.date),
        letter.subject,
        list(letter.references.ours),
        str(letter.kamerstuk) if letter.kamerstuk else None,
        letter.kamerstuk.url if letter.kamerstuk else None,
        letter_href(letter.id),
    )
