"""The views of the sector summaries: one per sector or theme, and an overview of them all.

A summary is everything the letters say about one sector or theme, in date order, as of
the latest letter that adds to it; a letter about other sectors leaves it unchanged. It holds
the convenant's status history, every key figure with the date it held, every passage about
it with its source, and the motions, commitments and milestones that concern it. The overview
puts all sectors in one table with their status, signing date, latest development and open
points.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.corpus import OVERVIEW_ID, Corpus
from briefing.dates import dutch_date
from briefing.errors import BriefingError
from briefing.model import (
    Milestone,
    MotionStatus,
    Sector,
    SectorKind,
)
from briefing.state import (
    SectorState,
    State,
    Stated,
    Timing,
    state_on,
    timing,
)
from briefing.views.common import (
    Cover,
    PageMap,
    Point,
    SourceLink,
    StatusView,
    figure_value,
    fuzzy_date_text,
    inline,
    latest_development,
    letters_fact,
    ministry_of,
    signed_on,
    source_link,
    status_view,
)
from briefing.views.letter import Blocks, body_blocks, footnote_renderer
from briefing.views.rows import (
    CommitmentRow,
    MilestoneRow,
    MotionRow,
    commitment_row,
    milestone_row,
    motion_row,
)


@dataclass(frozen=True)
class SectorLink:
    """Another sector's summary, linked relatively within the summaries' folder."""

    name: str
    href: str


@dataclass(frozen=True)
class EventRow:
    """One step of a convenant's status history."""

    status: StatusView
    date: str
    note: Markup | None
    source: SourceLink


@dataclass(frozen=True)
class FigureRow:
    """A key figure with the date it held; a target is marked as one."""

    label: str
    value: str
    as_of: str
    target: bool
    source: SourceLink

    @property
    def kind(self) -> str:
        """``doel`` for a target, ``stand`` for a measurement."""
        return "doel" if self.target else "stand"


@dataclass(frozen=True)
class Passage:
    """What one letter section says, in the letter's words, with its source."""

    source: SourceLink
    blocks: Blocks


@dataclass
class SectorView:
    """Everything the sector summary template prints."""

    cover: Cover
    on: str
    name: str
    full_name: str | None
    kind: str
    is_theme: bool
    parent: SectorLink | None
    parts: list[SectorLink]
    overview: SectorLink
    status: StatusView | None
    events: list[EventRow]
    figures: list[FigureRow]
    passages: list[Passage]
    motions: list[MotionRow]
    commitments: list[CommitmentRow]
    milestones: list[MilestoneRow]

    @property
    def toc(self) -> list[tuple[str, str]]:
        """No table of contents: a summary is short, and its headings are bookmarks."""
        return []


@dataclass(frozen=True)
class OpenPoint:
    """Something still to be done for a sector: a motion, commitment or coming milestone."""

    kind: str
    text: Markup
    status: StatusView


@dataclass(frozen=True)
class OverviewRow:
    """One sector or theme in the overview."""

    link: SectorLink
    full_name: str | None
    is_theme: bool
    parent: str | None
    status: StatusView | None
    signed: str | None
    latest: Point | None
    open_points: list[OpenPoint]


@dataclass
class OverviewView:
    """Everything the overview template prints."""

    cover: Cover
    on: str
    rows: list[OverviewRow]

    @property
    def toc(self) -> list[tuple[str, str]]:
        """No table of contents: the overview is one table."""
        return []


def summary_state(corpus: Corpus) -> State:
    """The state of play as of the latest letter, which every summary describes."""
    if not corpus.letters:
        raise BriefingError("no letters to summarise")
    return state_on(corpus, max(s.letter.date for s in corpus.letters))


def sector_view(corpus: Corpus, state: State, sector_id: str, pages: PageMap) -> SectorView:
    """The summary of one sector or theme on the state's date."""
    sector_state = state.sector_state(corpus.sectors[sector_id])
    sector = sector_state.sector
    parent = corpus.sectors.get(sector.part_of) if sector.part_of else None
    parts = [s for s in corpus.sectors.values() if s.part_of == sector.id]
    as_of = sector_state.as_of or state.date
    return SectorView(
        cover=_sector_cover(state, sector_state, parent),
        on=dutch_date(as_of),
        name=sector.name,
        full_name=sector.full_name,
        kind=_kind(sector),
        is_theme=sector_state.is_theme,
        parent=_link(parent) if parent else None,
        parts=[_link(s) for s in parts],
        overview=SectorLink("Overzicht sectoren", f"{OVERVIEW_ID}.pdf"),
        status=status_view(sector_state.status) if sector_state.status else None,
        events=[
            EventRow(
                status_view(e.fact.status),
                fuzzy_date_text(e.fact.date) if e.fact.date else "datum niet genoemd",
                inline(e.fact.note) if e.fact.note else None,
                source_link(e.place, pages),
            )
            for e in sector_state.events
        ],
        figures=[
            FigureRow(
                f.fact.label,
                figure_value(f.fact),
                fuzzy_date_text(f.fact.as_of),
                f.fact.target,
                source_link(f.place, pages),
            )
            for f in sector_state.figures
        ],
        passages=[
            Passage(
                source_link(place, pages),
                body_blocks(place.section, footnote_renderer(place.source.letter)),
            )
            for place in sector_state.passages
        ],
        motions=[motion_row(m, pages) for m in sector_state.motions],
        commitments=[commitment_row(c, pages) for c in sector_state.commitments],
        milestones=[
            milestone_row(m, timing(m.fact.due, as_of), "", pages) for m in sector_state.milestones
        ],
    )


def overview_view(corpus: Corpus, state: State, pages: PageMap) -> OverviewView:
    """All sectors and themes in registry order, on the state's date."""
    sectors = list(corpus.sectors.values())
    convenants = sum(1 for s in sectors if s.kind is SectorKind.CONVENANT)
    themes = len(sectors) - convenants
    on = dutch_date(state.date)
    facts = [
        ("Stand per", on),
        ("Bronnen", letters_fact(state.letters, state.date)),
        ("Sectoren", f"{convenants} convenanten, {themes} thema's"),
    ]
    cover = Cover(
        "Overzicht sectoren",
        f"IMVO-convenanten en thema's per {on}",
        facts,
        ministry_of(state.letters),
    )
    rows = []
    for sector in sectors:
        sector_state = state.sector_state(sector)
        parent = corpus.sectors.get(sector.part_of) if sector.part_of else None
        rows.append(
            OverviewRow(
                _link(sector),
                sector.full_name,
                sector_state.is_theme,
                parent.name if parent else None,
                status_view(sector_state.status) if sector_state.status else None,
                signed_on(sector_state),
                latest_development(sector_state, pages),
                _open_points(state, sector_state),
            )
        )
    return OverviewView(cover, on, rows)


def _link(sector: Sector) -> SectorLink:
    return SectorLink(sector.name, f"{sector.id}.pdf")


def _kind(sector: Sector) -> str:
    return "IMVO-convenant" if sector.kind is SectorKind.CONVENANT else "thema"


def _sector_cover(state: State, sector_state: SectorState, parent: Sector | None) -> Cover:
    sector = sector_state.sector
    facts: list[tuple[str, str]] = []
    if sector.full_name:
        facts.append(("Convenant", sector.full_name))
    facts.append(("Soort", _kind(sector)))
    if parent:
        facts.append(("Onderdeel van", parent.name))
    sources, as_of = sector_state.sources, sector_state.as_of
    if as_of is None:
        facts.append(("Bronnen", "nog geen Kamerbrief"))
    else:
        facts += [("Stand per", dutch_date(as_of))]
        if sources:
            facts.append(("Bronnen", letters_fact(sources, sources[-1].letter.date)))
    return Cover("Sectoroverzicht", sector.name, facts, ministry_of(sources or state.letters))


def _open_points(state: State, sector_state: SectorState) -> list[OpenPoint]:
    """Motions not carried out, commitments not met, milestones not yet past."""
    points = [
        OpenPoint(
            "Motie",
            escape(f"{m.motion.cited_as} ({m.motion.kamerstuk})"),
            status_view(m.status),
        )
        for m in sector_state.motions
        if m.status is not MotionStatus.UITGEVOERD
    ]
    points += [
        OpenPoint("Toezegging", inline(c.commitment.text), status_view(c.status))
        for c in sector_state.commitments
        if c.is_open
    ]
    points += [_milestone_point(state, m) for m in sector_state.milestones if _not_past(state, m)]
    return points


def _not_past(state: State, milestone: Stated[Milestone]) -> bool:
    return state.timing(milestone.fact) is not Timing.PAST


def _milestone_point(state: State, milestone: Stated[Milestone]) -> OpenPoint:
    due = fuzzy_date_text(milestone.fact.due)
    text = Markup("{}: {}").format(due, inline(milestone.fact.what))
    return OpenPoint("Mijlpaal", text, status_view(state.timing(milestone.fact)))
