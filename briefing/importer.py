"""Import a letter's text as draft content: metadata, sections, footnotes and proposed references.

Reads text converted from the ministry's published PDF, or the official publication layout of
a Kamerstuk, and writes ``letters/<date>-<slug>.yaml`` in a content folder. Never overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError


@dataclass
class ImportResult:
    """Where the draft went, and what the importer could not place or wants reviewed."""

    path: Path
    notes: list[str] = field(default_factory=list)


def import_letter(source: Path, content: Path) -> ImportResult:
    """Write a draft letter file under ``content/letters`` from the text in ``source``."""
    raise BriefingError(f"cannot import {source} yet")
