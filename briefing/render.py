"""Render view data to HTML with Jinja2: autoescaped, and strict about undefined names."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from briefing.settings import Settings, templates_dir


@cache
def environment() -> Environment:
    """The Jinja2 environment over the templates folder."""
    return Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(template: str, settings: Settings, **context: Any) -> str:
    """Render ``template`` with ``context`` and the house-style settings."""
    return environment().get_template(template).render(settings=settings, **context)
