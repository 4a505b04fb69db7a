"""Build orchestration: gather and validate all content first, then write every output.

Letters are written first: the pages on which their sections fall are what the
briefings and sector summaries cite. A content error in one letter keeps that letter
out of the build and is reported; the other documents are still written, and the
build ends non-zero.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.corpus import OVERVIEW_ID, Corpus, LetterSource, load_corpus
from briefing.errors import BriefingError, ContentError, Problem
from briefing.model import Debate
from briefing.pdf import layout_anchors, write_pdf
from briefing.render import render_html
from briefing.settings import Settings, load_settings, templates_dir
from briefing.state import State
from briefing.views.briefing import briefing_view
from briefing.views.common import PageMap
from briefing.views.letter import letter_view
from briefing.views.sector import overview_view, sector_view, summary_state

DEFAULT_EMBLEM = "assets/ribbon.svg"


@dataclass
class BuildReport:
    """What a build wrote, and what went wrong."""

    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed and the content had no errors."""
        return not self.failed and not any(p.severity == "error" for p in self.problems)

    def lines(self) -> list[str]:
        """Human-readable summary, one line per written file, then a closing line."""
        out = [f"wrote {path}" for path in self.written]
        out += [f"failed {what}" for what in self.failed]
        out.append(f"{len(self.written)} written, {len(self.failed)} failed")
        return out


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


def _write(report: BuildReport, target: Path, make_html: Callable[[], str]) -> dict[str, int]:
    """Write one output; a failure is reported and does not stop the build."""
    try:
        anchors = write_pdf(make_html(), target, templates_dir())
    except BriefingError as exc:
        report.failed.append(f"{target}: {exc}")
        return {}
    report.written.append(target)
    return anchors


def build(content: Path, out: Path) -> BuildReport:
    """Validate everything under ``content``, then write every output under ``out``."""
    settings = load_settings(content)
    corpus = load_corpus(content)
    report = BuildReport(problems=list(corpus.problems))
    pages: PageMap = {}
    for source in corpus.letters:
        target = out / "letters" / f"{source.letter.id}.pdf"
        pages[source.letter.id] = _write(
            report, target, lambda source=source: letter_html(source, settings)
        )
    for debate in debates_with_letters(corpus):
        _write(
            report,
            out / "briefings" / f"{debate.id}.pdf",
            lambda debate=debate: briefing_html(corpus, settings, debate.date, pages, debate),
        )
    if corpus.letters:
        state, sectors = summary_state(corpus), out / "sectors"
        for sid in corpus.sectors:
            _write(
                report,
                sectors / f"{sid}.pdf",
                lambda sid=sid: sector_html(corpus, settings, state, sid, pages),
            )
        _write(
            report,
            sectors / f"{OVERVIEW_ID}.pdf",
            lambda: overview_html(corpus, settings, state, pages),
        )
    broken = {p.path for p in corpus.errors if p.path.parent.name == "letters"}
    report.failed += [f"{path}: not built, its content has errors" for path in sorted(broken)]
    return report


def prepare(
    content: Path,
    date: dt.date | None = None,
    target: Path | None = None,
    debate_id: str | None = None,
) -> Path:
    """Write the briefing on ``date`` (for one debate, if given) and return where it went.

    ``date`` defaults to the debate's day; ``target`` to
    ``build/briefings/<debate id or 'stand-van-zaken'>-<date>.pdf``.
    """
    settings = load_settings(content)
    corpus = load_corpus(content)
    if corpus.errors:
        raise ContentError(corpus.errors)
    debate = None
    if debate_id is not None:
        if debate_id not in corpus.debates:
            close = difflib.get_close_matches(debate_id, list(corpus.debates), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see debates.yaml"
            raise BriefingError(f"no debate '{debate_id}' in {content / 'debates.yaml'}; {hint}")
        debate = corpus.debates[debate_id]
    day = date or (debate.date if debate else None)
    if day is None:
        raise BriefingError("give the date of the briefing, or a debate to take it from")
    if target is None:
        name = f"{debate.id if debate else 'stand-van-zaken'}-{day.isoformat()}.pdf"
        target = Path("build") / "briefings" / name
    html = briefing_html(corpus, settings, day, letter_pages(corpus, settings), debate)
    write_pdf(html, target, templates_dir())
    return target
