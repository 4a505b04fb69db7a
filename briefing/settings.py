"""Project settings: where templates and assets live, and the house-style choices a user may change.

Settings are read from ``settings.yaml`` in the content folder when it exists;
every field has a default that gives a correct Kamerbrief with the bundled assets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from briefing.errors import ContentError, errors_in
from briefing.fields import Model
from briefing.layout import ASSETS_DIR, SETTINGS_FILE, templates_dir
from briefing.loading import load_document
from briefing.types import quoted
from briefing.validation import validate

#: The neutral placeholder ribbon that stands in for the emblem.
DEFAULT_EMBLEM = f"{ASSETS_DIR}/ribbon.svg"


_FONT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]{0,60}")
_EMBLEM_RE = re.compile(r"[A-Za-z0-9_\-./]+\.(svg|png)")


def _font_family(value: str) -> str:
    """A font family name that is safe to put in a stylesheet."""
    if not _FONT_RE.fullmatch(value):
        raise ValueError(
            f"{quoted(value)} is not a font family name; write the name only, in letters, "
            "digits, spaces and hyphens (at most 61), e.g. 'RO Sans'"
        )
    return value


def _emblem(value: str) -> str:
    """An image file name below the assets folder: no absolute path, no '..'."""
    if not _EMBLEM_RE.fullmatch(value):
        raise ValueError(
            f"{quoted(value)} is not an emblem file name; give an .svg or .png file in the "
            "templates' assets folder, e.g. 'beeldmerk.svg' (letters, digits, '-', '_', '.', '/')"
        )
    if value.startswith("/") or ".." in value.split("/"):
        raise ValueError(
            f"{quoted(value)} points outside the templates' assets folder; give the file's "
            "name inside that folder, e.g. 'beeldmerk.svg'"
        )
    return value


# The patterns are also given to the JSON Schema, for editors that check as the author types.
FontFamily = Annotated[
    str,
    AfterValidator(_font_family),
    Field(json_schema_extra={"pattern": f"^{_FONT_RE.pattern}$"}),
]
EmblemFile = Annotated[
    str,
    AfterValidator(_emblem),
    Field(json_schema_extra={"pattern": f"^{_EMBLEM_RE.pattern}$"}),
]


class Settings(Model):
    """House-style settings of a content folder."""

    font_family: FontFamily = Field(
        "Fira Sans",
        description="Font family of all documents. The bundled family is 'Fira Sans'; another "
        "family is used where it is installed, with Fira Sans as fallback.",
    )
    emblem: EmblemFile | None = Field(
        None,
        description="Emblem (beeldmerk) image, relative to the templates' assets folder, e.g. "
        "'beeldmerk.svg'. Default: the neutral placeholder ribbon.",
    )

    @property
    def emblem_asset(self) -> str:
        """The emblem's path in the templates folder."""
        return f"{ASSETS_DIR}/{self.emblem}" if self.emblem else DEFAULT_EMBLEM


def load_settings(content: Path) -> Settings:
    """Read ``settings.yaml`` from ``content`` (defaults when absent)."""
    path = content / SETTINGS_FILE
    if not path.exists():
        return Settings()
    document, problems = load_document(path)
    settings, more = validate(document, Settings, document.data or {})
    errors = errors_in(problems) + more
    if errors:
        raise ContentError(errors)
    if settings.emblem:
        assets = (templates_dir() / ASSETS_DIR).resolve()
        emblem = (assets / settings.emblem).resolve()
        if not emblem.is_relative_to(assets):  # a link that leads out of the folder
            message = f"'{settings.emblem}' leads outside {assets}; put the emblem file there"
            raise ContentError([document.problem(("emblem",), message)])
        if not emblem.is_file():
            message = f"no file '{settings.emblem}' in {assets}; put the emblem there"
            raise ContentError([document.problem(("emblem",), message)])
    return settings
