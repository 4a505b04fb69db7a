"""The view of a debate's dossier: what a minister takes into a committee debate.

In order, each part only where it has something to say: a cover and one page at a glance,
the agenda, what changed since the previous debate, what is open, who asked what (per
party), lines to take and questions, sectors, milestones and money, and as an annex the full
register of motions and commitments, the points of attention and the sources. Without a
debate it is a state of play on a date. The facts come from :mod:`briefing.index.dossier`;
this module only words and links them, with the parts about the debate itself in
:mod:`briefing.views.dossier_parts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from briefing.dates import dutch_date
from briefing.errors import BriefingError
from briefing.index import Index
from briefing.index.dossier import OPEN_POINTS, Dossier
from briefing.index.sectors import latest_development
from briefing.index.state import MotionState, SectorState
from briefing.layout import OVERVIEW_ID, sector_href
from briefing.model import DebateKind
from briefing.plan import Output
from briefing.views.dossier_parts import (
    AgendaLetter,
    Glance,
    LetterLine,
    SinceView,
    ThemeView,
    agenda_letter,
    glance_view,
    letter_line,
    sector_names,
    since_view,
    theme_views,
)
from briefing.views.format import (
    Cover,
    StatusView,
    inline,
    letters_count,
    ministry_of,
    money,
    signed_on,
    status_view,
)
from briefing.views.items import (
    ANNEX_WORDS,
    AnnexRow,
    Item,
    OpenRow,
    annex_row,
    commitment_item,
    motion_item,
    open_row,
)
from briefing.views.links import Pages, Point, SourceLink, development_point
from briefing.views.links import source_link as link_to
from briefing.views.rows import MilestoneRow, milestone_row


@dataclass(frozen=True)
class PartyView:
    """A party's motions and the commitments made to it."""

    name: str
    items: list[Item]
    #: How many other motions and commitments of the party only the annex lists.
    others: int = 0


@dataclass(frozen=True)
class SectorLine:
    """A sector or theme in one line."""

    name: str
    #: The link to its summary.
    href: str
    status: StatusView | None
    is_theme: bool
    signed: str | None
    latest: Point | None


@dataclass(frozen=True)
class AmountLine:
    """Money quoted in a recent letter."""

    instrument: str
    year: str
    amount: str
    source: SourceLink


@dataclass(frozen=True)
class Attention:
    """A point of attention, with the letter section it is about (if one)."""

    text: Markup
    source: SourceLink | None


@dataclass
class DossierView:
    """Everything the dossier template prints."""

    cover: Cover
    on: str
    glance: Glance
    agenda: list[AgendaLetter] = field(default_factory=list)
    since: SinceView | None = None
    open: list[OpenRow] = field(default_factory=list)
    more_open: int = 0
    parties: list[PartyView] = field(default_factory=list)
    themes: list[ThemeView] = field(default_factory=list)
    sectors: list[SectorLine] = field(default_factory=list)
    #: How many other sectors and themes the sector overview shows.
    more_sectors: int = 0
    #: The link to the sector overview.
    overview: str = ""
    milestones: list[MilestoneRow] = field(default_factory=list)
    amounts: list[AmountLine] = field(default_factory=list)
    annex: list[AnnexRow] = field(default_factory=list)
    later: list[MilestoneRow] = field(default_factory=list)
    attention: list[Attention] = field(default_factory=list)
    sources: list[LetterLine] = field(default_factory=list)

    @property
    def toc(self) -> list[tuple[str, str]]:
        """Anchor and title of every part that has something to say, in order."""
        since = f"Sinds het vorige debat ({self.since.previous})" if self.since else ""
        parts = [
            ("agenda", "Agenda", self.agenda),
            ("sinds", since, self.since),
            ("openstaand", "Openstaand", self.open),
            ("per-fractie", "Per fractie", self.parties),
            ("kernboodschap", "Kernboodschap en vragen", self.themes),
            ("sectoren", "Sectoren", self.sectors),
            ("mijlpalen", "Mijlpalen", self.milestones),
            ("financien", "Financiën", self.amounts),
            ("bijlage", "Bijlage: moties en toezeggingen", self.annex or self.later),
            ("aandachtspunten", "Aandachtspunten", self.attention),
            ("bronnen", "Bronnen", self.sources),
        ]
        return [(anchor, title) for anchor, title, shown in parts if shown]

    def shows(self, anchor: str) -> bool:
        """Whether the part ``anchor`` is in the dossier (a count of none links nowhere)."""
        return any(anchor == shown for shown, _ in self.toc)


_DOCTYPES = {
    DebateKind.AO: "Dossier algemeen overleg",
    DebateKind.COMMISSIEDEBAT: "Dossier commissiedebat",
    DebateKind.NOTAOVERLEG: "Dossier notaoverleg",
}


def dossier_view(index: Index, output: Output, pages: Pages) -> DossierView:
    """The dossier of the output's debate on its date ('' for a state of play)."""
    assert output.date is not None
    date = output.date
    facts = index.dossier(output.key, date)
    state = facts.state
    if not state.letters and facts.debate is None:
        first = index.letters[0].letter.date.isoformat() if index.letters else None
        hint = f"; the first letter is dated {first}" if first else ""
        raise BriefingError(f"no letters dated on or before {date.isoformat()}{hint}")
    shown = facts.open_points[:OPEN_POINTS]
    return DossierView(
        cover=_cover(index, facts),
        on=dutch_date(date),
        glance=glance_view(index, facts, pages),
        agenda=[agenda_letter(index, s, pages) for s in facts.agenda],
        since=since_view(index, facts.since, pages) if facts.since else None,
        open=[open_row(p, pages) for p in shown],
        more_open=len(facts.open_points) - len(shown),
        parties=[
            PartyView(
                p.name or "Fractie onbekend",
                [
                    motion_item(i, pages)
                    if isinstance(i, MotionState)
                    else commitment_item(i, pages)
                    for i in p.items
                ],
                p.others,
            )
            for p in facts.parties
        ],
        themes=theme_views(index, facts, pages),
        sectors=[_sector_line(s, pages) for s in facts.sectors],
        more_sectors=len(state.sectors) - len(facts.sectors) if facts.sectors else 0,
        overview=sector_href(OVERVIEW_ID),
        milestones=[
            milestone_row(m, t, sector_names(index.sectors, m.fact.sectors), pages)
            for m, t in facts.milestones
        ],
        amounts=[
            AmountLine(
                a.fact.instrument,
                _year(a.fact.year, a.fact.structural),
                money(a.fact.euros),
                link_to(a.place, pages),
            )
            for a in sorted(facts.amounts, key=lambda a: (a.fact.instrument, a.fact.year or 0))
        ],
        annex=[annex_row(e, pages) for e in index.register(date)],
        later=[
            milestone_row(m, t, sector_names(index.sectors, m.fact.sectors), pages, ANNEX_WORDS)
            for m, t in facts.later
        ],
        attention=[
            Attention(inline(f.text), link_to(f.place, pages) if f.place else None)
            for f in index.findings_on(date)
        ],
        sources=[letter_line(index, s) for s in facts.recent],
    )


def _cover(index: Index, facts: Dossier) -> Cover:
    state, debate = facts.state, facts.debate
    on = dutch_date(state.date)
    ministry = ministry_of(state.letters or index.letters[:1])
    sources = f"{letters_count(len(state.letters))} tot en met {on}"
    if debate is None:
        facts_list = [("Stand per", on), ("Bronnen", sources)]
        return Cover("Stand van zaken", f"IMVO-beleid per {on}", facts_list, ministry)
    facts_list = [("Debat", debate.title), ("Datum", dutch_date(debate.date))]
    if debate.committee:
        facts_list.append(("Commissie", debate.committee))
    if debate.minister:
        facts_list.append(("Bewindspersoon", debate.minister))
    if facts.agenda:
        facts_list.append(("Agenda", letters_count(len(facts.agenda))))
    if facts.since:
        previous = facts.since.previous
        facts_list.append(("Vorig debat", f"{previous.title}, {dutch_date(previous.date)}"))
    facts_list += [("Stand per", on), ("Bronnen", sources)]
    doctype = _DOCTYPES.get(debate.kind, f"Dossier {debate.kind}")
    return Cover(doctype, debate.title, facts_list, ministry)


def _sector_line(state: SectorState, pages: Pages) -> SectorLine:
    return SectorLine(
        state.sector.name,
        sector_href(state.sector.id),
        status_view(state.status) if state.status else None,
        state.is_theme,
        signed_on(state),
        development_point(latest_development(state), pages),
    )


def _year(year: int | None, structural: bool) -> str:
    if year is None:
        return "—"
    return f"vanaf {year}, structureel" if structural else str(year)
