"""Render view data to HTML with Jinja2: autoescaped, and strict about undefined names."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from briefing.settings import Settings, templates_dir


@cache
def environment() -> Environment:
    """The Jinja2 environment over the templates folder."""
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["asset"] = asset_url
    return env


def asset_url(name: str) -> str:
    """The absolute ``file:`` URL of a file in the templates folder, e.g. ``letter.css``."""
    return f"{templates_dir().resolve().as_uri()}/{name}"


def render_html(template: str, settings: Settings, **context: Any) -> str:
    """Render ``template`` with ``context`` and the house-style settings."""
    return environment().get_template(template).render(settings=settings, **context)
