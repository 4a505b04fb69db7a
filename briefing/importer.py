"""Import a letter's text as draft content: the command line's entry to :mod:`briefing.importing`.

Reads text converted from the ministry's published PDF, or the official publication layout of
a Kamerstuk, and writes ``letters/<date>-<slug>.yaml`` in a content folder. Never overwrites.
"""

from __future__ import annotations

from briefing.importing import ImportResult, import_letter

__all__ = ["ImportResult", "import_letter"]
