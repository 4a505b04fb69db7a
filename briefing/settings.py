"""Project settings: where templates and assets live, and the house-style choices a user may change.

Settings are read from ``settings.yaml`` in the content folder when it exists;
every field has a default that gives a correct Kamerbrief with the bundled assets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from briefing.errors import ContentError
from briefing.loading import load_document
from briefing.model import Model
from briefing.validation import validate

SETTINGS_FILE = "settings.yaml"
_PACKAGE_DIR = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The templates folder: inside the installed package, or beside it in a checkout."""
    installed = _PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "templates"


FontFamily = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,60}$")]


class Settings(Model):
    """House-style settings of a content folder."""

    font_family: FontFamily = Field(
        "Fira Sans",
        description="Font family of all documents. The bundled family is 'Fira Sans'; another "
        "family is used where it is installed, with Fira Sans as fallback.",
    )
    emblem: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_\-./]+\.(svg|png)$",
        description="Emblem (beeldmerk) image, relative to the templates' assets folder, e.g. "
        "'beeldmerk.svg'. Default: the neutral placeholder ribbon.",
    )


def load_settings(content: Path) -> Settings:
    """Read ``settings.yaml`` from ``content`` (defaults when absent)."""
    path = content / SETTINGS_FILE
    if not path.exists():
        return Settings()
    document, problems = load_document(path)
    settings, more = validate(document, Settings, document.data or {})
    if problems or more:
        raise ContentError(problems + more)
    if settings.emblem:
        assets = templates_dir() / "assets"
        if ".." in Path(settings.emblem).parts or not (assets / settings.emblem).is_file():
            message = f"no file '{settings.emblem}' in {assets}; put the emblem there"
            raise ContentError([document.problem(("emblem",), message)])
    return settings
