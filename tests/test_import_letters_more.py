"""``briefing import`` on more real letters: where a sentence ends before a footnote call, and
what the letter sends after its signature. Each test imports a small real text and asserts the
draft and the notes a user gets."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.test_import_layouts import imported_draft

IMPORT = FIXTURES / "import"


def test_a_heading_after_a_paragraph_ending_in_a_footnote_call_is_a_heading(
    tmp_path: Path,
) -> None:
    """openkamer.org glues the calls to the text; the first paragraph ends "te evalueren.5":
    the sentence ends before the call, so the short line after it is the section's heading."""
    draft, _ = imported_draft(tmp_path, IMPORT / "openkamer-34785-80.excerpt.txt")
    first, second = draft["sections"]
    assert first["body"][-1].endswith("de werkkostenregeling al in 2017 te evalueren.5")
    assert second["heading"] == "De werkkostenregeling: geschiedenis en werking in het kort"
    assert second["body"][0].startswith("De werkkostenregeling (WKR) is het systeem")
