"""The views of the sector summaries: one per sector or theme, and an overview of them all.

A summary is everything the letters say about one sector or theme, in date order, as of
the latest letter that adds to it, with the motions and commitments about it as they stand on
the date of the latest letter of all; a letter about other sectors leaves it unchanged, unless
a motion or commitment about it came in the meantime. It holds
the convenant's status history, every key figure with the date it held, every passage about
it with its source, and the motions, commitments and milestones that concern it. The overview
puts all sectors in one table with their status, signing date, latest development and open
points.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.dates import dutch_date, fuzzy_date_text
from briefing.index import Index
from briefing.index.sectors import latest_development, open_points
from briefing.index.state import SectorState, Stated, Timing, timing
from briefing.layout import OVERVIEW_ID, sibling_href
from briefing.model import Milestone, Sector, SectorKind
from briefing.plan import Output
from briefing.views.format import (
    Cover,
    StatusView,
    figure_value,
    inline,
    letters_fact,
    ministry_of,
    signed_on,
    status_view,
)
from briefing.views.letter import Blocks, Footnotes, body_blocks
from briefing.views.links import Pages, Point, SourceLink, development_point, source_link
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


def sector_view(index: Index, output: Output, pages: Pages) -> SectorView:
    """The summary of one sector or theme as of the latest letter that adds to it."""
    sector_state = index.sector_state(output.key)
    sector = sector_state.sector
    parent = index.sectors.get(sector.part_of) if sector.part_of else None
    parts = [s for s in index.sectors.values() if s.part_of == sector.id]
    as_of = sector_state.as_of or index.latest_date()
    footnotes = Footnotes()  # numbered through the passages, as the page numbers them
    return SectorView(
        cover=_sector_cover(index, sector_state, parent),
        on=dutch_date(as_of),
        name=sector.name,
        full_name=sector.full_name,
        kind=_kind(sector),
        is_theme=sector_state.is_theme,
        parent=_link(parent) if parent else None,
        parts=[_link(s) for s in parts],
        overview=SectorLink("Overzicht sectoren", sibling_href(OVERVIEW_ID)),
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
                body_blocks(place.section, footnotes.renderer(place.source.letter)),
            )
            for place in sector_state.passages
        ],
        motions=[motion_row(m, pages) for m in sector_state.motions],
        commitments=[commitment_row(c, pages) for c in sector_state.commitments],
        milestones=[
            milestone_row(m, timing(m.fact.due, as_of), "", pages) for m in sector_state.milestones
        ],
    )


def overview_view(index: Index, output: Output, pages: Pages) -> OverviewView:
    """All sectors and themes in registry order, as of the latest letter."""
    state = index.summary()
    sectors = list(index.sectors.values())
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
        parent = index.sectors.get(sector.part_of) if sector.part_of else None
        rows.append(
            OverviewRow(
                _link(sector),
                sector.full_name,
                sector_state.is_theme,
                parent.name if parent else None,
                status_view(sector_state.status) if sector_state.status else None,
                signed_on(sector_state),
                development_point(latest_development(sector_state), pages),
                _open_points(sector_state, state.date),
            )
        )
    return OverviewView(cover, on, rows)


def _link(sector: Sector) -> SectorLink:
    return SectorLink(sector.name, sibling_href(sector.id))


def _kind(sector: Sector) -> str:
    return "IMVO-convenant" if sector.kind is SectorKind.CONVENANT else "thema"


def _sector_cover(index: Index, sector_state: SectorState, parent: Sector | None) -> Cover:
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
    ministry = ministry_of(sources or [index.latest_letter()])
    return Cover("Sectoroverzicht", sector.name, facts, ministry)


def _open_points(sector_state: SectorState, on: dt.date) -> list[OpenPoint]:
    """Motions not carried out, commitments not met, milestones not yet past."""
    points = open_points(sector_state, on)
    rows = [
        OpenPoint(
            "Motie",
            escape(f"{m.motion.cited_as} ({m.motion.kamerstuk})"),
            status_view(m.status),
        )
        for m in points.motions
    ]
    rows += [
        OpenPoint("Toezegging", inline(c.commitment.text), status_view(c.status))
        for c in points.commitments
    ]
    rows += [_milestone_point(m, when) for m, when in points.milestones]
    return rows


def _milestone_point(milestone: Stated[Milestone], when: Timing) -> OpenPoint:
    due = fuzzy_date_text(milestone.fact.due)
    text = Markup("{}: {}").format(due, inline(milestone.fact.what))
    return OpenPoint("Mijlpaal", text, status_view(when))
