"""Pages for screens: every output's page and the index of them all, as the preview and the
HTML edition show them.

A :class:`Site` is the content loaded for screens: the index, the settings and the page of
every planned output, by its path in the site (``letters/<id>.html`` beside
``letters/<id>.pdf``). Each page is made by the render stage for a screen medium
(:mod:`briefing.medium`), from the same views and templates as the PDF; the index page
lists the outputs of the plan by kind, whatever kinds the plan has. While the content has
errors there are no pages, only the problems, as ``check`` prints them; its warnings about
single files the preview shows above the pages they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.corpus import load_corpus
from briefing.dates import dutch_date
from briefing.errors import ContentError, Problem, warnings_in
from briefing.index import Index
from briefing.layout import INDEX_PAGE, page_path
from briefing.medium import Medium, screen
from briefing.plan import Kind, Output, plan
from briefing.render import render, render_html
from briefing.settings import Settings, load_settings

#: The index's heading of each kind of document; another kind is headed by its name.
KIND_HEADINGS: dict[str, str] = {
    Kind.LETTER: "Kamerbrieven",
    Kind.DOSSIER: "Dossiers voor debatten",
    Kind.SECTOR: "Sectoroverzichten",
    Kind.OVERVIEW: "Overzicht van alle sectoren",
}
#: Makes the medium of the page at a path in the site, given the path of its PDF.
MediumOf = Callable[[str, str | None], Medium]
#: Tells whether the PDF at a path under the output folder is there to link to.
HasPdf = Callable[[str], bool]


def _always(path: str) -> bool:
    return True


@dataclass(frozen=True)
class Site:
    """The content loaded for screens; without pages while the content has errors."""

    settings: Settings = field(default_factory=Settings)
    index: Index | None = None
    #: Every output, by the path of its page in the site.
    pages: dict[str, Output] = field(default_factory=dict)
    #: The errors that keep the pages from being made.
    problems: list[Problem] = field(default_factory=list)
    #: The warnings about single content files (a value still the import's placeholder, say),
    #: which the preview shows: all on the index page, a letter's on its page.
    warnings: list[Problem] = field(default_factory=list)


def load_site(content: Path) -> Site:
    """Load, validate, index and plan the content under ``content`` for screens."""
    try:
        settings = load_settings(content)
    except ContentError as exc:
        return Site(problems=exc.problems)
    corpus = load_corpus(content)
    if corpus.errors:
        return Site(settings, problems=sorted(corpus.errors))
    index = Index(corpus)
    outputs = plan(index).outputs
    warnings = sorted(warnings_in(corpus.problems))
    return Site(settings, index, {page_path(o.path): o for o in outputs}, warnings=warnings)


def page_warnings(site: Site, path: str) -> tuple[str, ...]:
    """The warnings the preview shows on the page at ``path``: every one on the index page,
    those of its letter's file on a letter's page, none elsewhere."""
    output = site.pages.get(path)
    if path == INDEX_PAGE:
        shown = site.warnings
    elif output is not None and output.kind is Kind.LETTER and site.index is not None:
        letter_file = site.index.letter(output.key).path
        shown = [p for p in site.warnings if p.path == letter_file]
    else:
        shown = []
    return tuple(str(p) for p in shown)


def page_html(
    site: Site, path: str, medium_of: MediumOf = screen, has_pdf: HasPdf = _always
) -> str:
    """The page at ``path`` in the site (one of ``site.pages``, or the index), linking to
    the PDFs that ``has_pdf``."""
    if path == INDEX_PAGE:
        return index_html(site, medium_of(INDEX_PAGE, None), has_pdf)
    assert site.index is not None, "a site with pages has an index"
    output = site.pages[path]
    medium = medium_of(path, output.path if has_pdf(output.path) else None)
    return render(output, site.index, site.settings, {}, medium)[0]


def problems_html(problems: list[str], settings: Settings, medium: Medium) -> str:
    """The page that lists what is wrong, one ``path:line:column: message`` each."""
    return render_html("problems.html", settings, medium, problems=problems)


@dataclass(frozen=True)
class Entry:
    """One document in the index: its title, date, page and PDF."""

    title: str
    date: str | None
    href: str
    pdf: str | None


@dataclass(frozen=True)
class Group:
    """The documents of one kind."""

    kind: str
    heading: str
    entries: list[Entry]


def index_html(site: Site, medium: Medium, has_pdf: HasPdf = _always) -> str:
    """The index page: every output of the plan, grouped by kind in the plan's order."""
    assert site.index is not None, "a site with pages has an index"
    groups: dict[str, Group] = {}
    for path, output in site.pages.items():
        kind = str(output.kind)
        heading = KIND_HEADINGS.get(kind, kind.capitalize())
        group = groups.setdefault(kind, Group(kind, heading, []))
        title, date = _title(site.index, output)
        pdf = output.path if has_pdf(output.path) else None
        group.entries.append(Entry(title, date, path, pdf))
    ministry = site.index.letters[-1].letter.sender.ministry if site.index.letters else ""
    return render_html(
        "index.html", site.settings, medium, groups=list(groups.values()), ministry=ministry
    )


def _title(index: Index, output: Output) -> tuple[str, str | None]:
    """An output's title in the index, and its date where it has one."""
    if output.kind is Kind.LETTER:
        letter = index.letter(output.key).letter
        return letter.subject, dutch_date(letter.date)
    if output.kind is Kind.DOSSIER:
        debate = index.debates.get(output.key)
        date = dutch_date(output.date) if output.date else None
        return (debate.title if debate else "Stand van zaken"), date
    if output.kind is Kind.SECTOR:
        return index.sectors[output.key].name, None
    if output.kind is Kind.OVERVIEW:
        return "Alle sectoren en thema's", None
    return output.key or str(output.kind), dutch_date(output.date) if output.date else None
