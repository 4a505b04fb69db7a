"""The render stage: an output's HTML, made from the index by the view of its kind.

Each kind of document has a view (``briefing/views/``) that turns the index into ready-made
data, and a template (Jinja2, autoescaped, strict about undefined names) that lays that
data out. Making the HTML notes what it read (:mod:`briefing.reads`): the content the index
handed out, the templates Jinja2 loaded, the settings and the letters' page numbers.

The HTML is made for a medium (:mod:`briefing.medium`): print, the HTML of the PDFs, unless
a page for screens is asked for. The medium writes the assets' URLs and the links between
documents; templates ask it (``medium.screen``) for what only a screen shows.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)

from briefing.errors import RenderError
from briefing.index import Index
from briefing.layout import SETTINGS_FILE, linking_to, templates_dir
from briefing.medium import PRINT, Medium
from briefing.plan import Kind, Output
from briefing.reads import Reads, note_files, note_template, reading
from briefing.settings import Settings
from briefing.views.dossier import dossier_view
from briefing.views.letter import letter_view
from briefing.views.links import PageMap, Pages
from briefing.views.sector import overview_view, sector_view

#: The template and the view of each kind of document.
VIEWS: dict[Kind, tuple[str, Callable[[Index, Output, Pages], Any]]] = {
    Kind.LETTER: ("letter.html", letter_view),
    Kind.DOSSIER: ("dossier.html", dossier_view),
    Kind.SECTOR: ("sector.html", sector_view),
    Kind.OVERVIEW: ("overview.html", overview_view),
}


class _NotingEnvironment(Environment):
    """An environment that notes every template it hands out, also to ``extends`` and
    ``import``, which ask for theirs while the template renders."""

    def get_template(self, name: str | Template, *args: Any, **kwargs: Any) -> Template:
        note_template(name.name or "" if isinstance(name, Template) else name)
        return super().get_template(name, *args, **kwargs)


@cache
def environment() -> Environment:
    """The Jinja2 environment over the templates folder."""
    env = _NotingEnvironment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def asset_url(name: str) -> str:
    """The absolute ``file:`` URL of a file in the templates folder, e.g. ``letter.css``."""
    return PRINT.asset(name)


def render_html(template: str, settings: Settings, medium: Medium = PRINT, **context: Any) -> str:
    """Render ``template`` with ``context``, the house-style settings and the medium."""
    return (
        environment()
        .get_template(template)
        .render(
            settings=settings,
            emblem=settings.emblem_asset,
            medium=medium,
            asset=medium.asset,
            **context,
        )
    )


def render(
    output: Output, index: Index, settings: Settings, pages: PageMap, medium: Medium = PRINT
) -> tuple[str, Reads]:
    """The HTML of ``output`` for ``medium`` (the PDF's, by default), and what making it read.

    A mistake in a template is a :class:`RenderError` that names the template and the line:
    ``templates/letter.html:12: 'view' has no attribute 'dat'``.
    """
    template, view = VIEWS[output.kind]
    with reading() as reads, linking_to(medium.documents):
        settings_file = index.corpus.root / SETTINGS_FILE
        if settings_file.is_file():
            note_files(settings_file)
        data = view(index, output, Pages(pages))
        try:
            html = render_html(template, settings, medium, view=data)
        except TemplateError as exc:
            raise RenderError(_where(exc, template)) from None
    return html, reads


def _where(error: TemplateError, template: str) -> str:
    """``templates/<file>:<line>: <message>`` for a template that does not compile or run."""
    root = templates_dir()
    line: int | None
    if isinstance(error, TemplateSyntaxError):
        name, line = error.name or template, error.lineno
    else:  # Jinja2 gives a failing template's frames its file and line
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if Path(frame.filename).is_relative_to(root)
        ]
        name = Path(frames[-1].filename).relative_to(root).as_posix() if frames else template
        line = frames[-1].lineno if frames else None
    where = f"{root.name}/{name}" + (f":{line}" if line else "")
    return f"{where}: {error.message or type(error).__name__}"
