"""The plan stage: which PDFs a corpus gives, what each is made from, and how its HTML is made.

Every output is named from validated ids only. Each lists the content files it reads and
the letters whose page numbers it prints, so the build can tell when it is stale.
Making the HTML needs no WeasyPrint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing.corpus import OVERVIEW_ID, REGISTRIES, Corpus, LetterSource, iter_sections
from briefing.model import Debate, Sector
from briefing.pdf import layout_anchors
from briefing.render import render_html
from briefing.settings import SETTINGS_FILE, Settings, templates_dir
from briefing.state import State
from briefing.views.briefing import briefing_view
from briefing.views.common import PageMap
from briefing.views.letter import letter_view
from briefing.views.sector import overview_view, sector_view, summary_state

DEFAULT_EMBLEM = "assets/ribbon.svg"


@dataclass(frozen=True)
class Output:
    """One PDF of the build."""

    #: Path under the output folder, e.g. ``letters/<id>.pdf``.
    name: str
    #: The template the HTML starts from.
    template: str
    #: The content files it is made from.
    sources: tuple[Path, ...]
    #: The letters whose page numbers it prints.
    cites: tuple[str, ...]
    #: Makes the HTML, given the page of every section of every letter.
    html: Callable[[PageMap], str]
    #: The letter it is, for a letter's PDF; its anchors become that letter's page map.
    letter_id: str | None = None
    #: A rough measure of its length (the letter sections it draws on), so that a build in
    #: parallel can start with the longest documents.
    weight: int = 0


@dataclass(frozen=True)
class Plan:
    """All outputs: the letters first, then the reports that cite their pages."""

    letters: list[Output]
    reports: list[Output]


def _emblem(settings: Settings) -> str:
    return f"assets/{settings.emblem}" if settings.emblem else DEFAULT_EMBLEM


def letter_html(source: LetterSource, settings: Settings) -> str:
    """The HTML of one letter."""
    return render_html("letter.html", settings, view=letter_view(source), emblem=_emblem(settings))


def briefing_html(
    corpus: Corpus, settings: Settings, date: dt.date, pages: PageMap, debate: Debate | None
) -> str:
    """The HTML of the briefing on ``date``, for ``debate`` if one is given."""
    view = briefing_view(corpus, date, pages, debate)
    return render_html("briefing.html", settings, view=view, emblem=_emblem(settings))


def sector_html(
    corpus: Corpus, settings: Settings, state: State, sector_id: str, pages: PageMap
) -> str:
    """The HTML of one sector's summary on the state's date."""
    view = sector_view(corpus, state, sector_id, pages)
    return render_html("sector.html", settings, view=view, emblem=_emblem(settings))


def overview_html(corpus: Corpus, settings: Settings, state: State, pages: PageMap) -> str:
    """The HTML of the overview of all sectors on the state's date."""
    view = overview_view(corpus, state, pages)
    return render_html("overview.html", settings, view=view, emblem=_emblem(settings))


def letter_pages(corpus: Corpus, settings: Settings) -> PageMap:
    """Lay every letter out (without writing it) to learn the page of each section."""
    root = templates_dir()
    return {s.letter.id: layout_anchors(letter_html(s, settings), root) for s in corpus.letters}


def debates_with_letters(corpus: Corpus) -> list[Debate]:
    """Debates that have at least one letter written for them, in date order."""
    ids = {s.letter.debate for s in corpus.letters if s.letter.debate}
    return sorted((d for d in corpus.debates.values() if d.id in ids), key=lambda d: d.date)


def _summary_letters(
    corpus: Corpus, state: State, sector: Sector
) -> tuple[list[LetterSource], list[LetterSource]]:
    """The letters a sector's summary is made from, and those whose pages it prints.

    A summary shows what letters say about its sector (and about the motions, commitments
    and milestones that concern it), so it is made from those letters, and a letter about
    other sectors leaves it as it is. The latest letter counts too where its date shows
    through: for a sector no letter speaks of yet (the summary stands as of that date), and
    for one with a commitment made in a debate after everything said about the sector (the
    summary lists it once the latest letter is dated after that debate).
    """
    sector_state = state.sector_state(sector)
    printed = sector_state.sources
    said = max((place.date for place in sector_state.places), default=None)
    debates = corpus.debates
    made = [
        debates[c.debate].date
        for c in corpus.commitments.values()
        if sector.id in c.sectors and c.debate in debates
    ]
    latest = state.letters[-1]  # the letters are in date order
    if printed and printed[-1] is latest:
        return printed, printed
    if said is None or any(day > said for day in made):
        return [*printed, latest], printed
    return printed, printed


def plan(corpus: Corpus, settings: Settings) -> Plan:
    """Every output of ``corpus``: one PDF per letter, per debate, per sector, and the overview."""
    root = corpus.root
    settings_only = tuple(p for p in (root / SETTINGS_FILE,) if p.exists())
    registries = tuple(p for p in (root / name for name, _ in REGISTRIES.values()) if p.exists())
    common = settings_only + registries
    sections = {
        s.letter.id: sum(1 for _ in iter_sections(s.letter.sections)) for s in corpus.letters
    }
    letters = [
        Output(
            f"letters/{s.letter.id}.pdf",
            "letter.html",
            (s.path, *settings_only),
            (),
            lambda _pages, s=s: letter_html(s, settings),
            s.letter.id,
            sections[s.letter.id],
        )
        for s in corpus.letters
    ]

    def report(
        name: str,
        template: str,
        drawn: list[LetterSource],
        printed: list[LetterSource],
        html: Callable[[PageMap], str],
        weight: int | None = None,
    ) -> Output:
        """A report made from the ``drawn`` letters (and the registries), citing ``printed``."""
        return Output(
            name,
            template,
            (*(s.path for s in drawn), *common),
            tuple(s.letter.id for s in printed),
            html,
            weight=sum(sections[s.letter.id] for s in printed) if weight is None else weight,
        )

    reports = []
    for debate in debates_with_letters(corpus):
        sent = [s for s in corpus.letters if s.letter.date <= debate.date]
        reports.append(
            report(
                f"briefings/{debate.id}.pdf",
                "briefing.html",
                sent,
                sent,
                lambda pages, debate=debate: briefing_html(
                    corpus, settings, debate.date, pages, debate
                ),
            )
        )
    if corpus.letters:
        state = summary_state(corpus)
        for sid, sector in corpus.sectors.items():
            drawn, printed = _summary_letters(corpus, state, sector)
            reports.append(
                report(
                    f"sectors/{sid}.pdf",
                    "sector.html",
                    drawn,
                    printed,
                    lambda pages, sid=sid: sector_html(corpus, settings, state, sid, pages),
                )
            )
        reports.append(
            report(
                f"sectors/{OVERVIEW_ID}.pdf",
                "overview.html",
                corpus.letters,
                corpus.letters,
                lambda pages: overview_html(corpus, settings, state, pages),
                weight=len(corpus.sectors),  # a row per sector, not the letters' length
            )
        )
    return Plan(letters, reports)
