"""``briefing import`` on real letters of layouts older and plainer than the Kamerstuk's page:
a signature printed in capitals, letterheads whose labels stand apart from their values or side
by side. Each test imports a small real text and asserts the draft and the notes a user gets."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.test_import_layouts import imported_draft

IMPORT = FIXTURES / "import"


def test_a_signature_printed_in_capitals_is_the_letters_signature(tmp_path: Path) -> None:
    """A paper of 1999 prints the title in capitals ("DE MINISTER VAN VERKEER EN
    WATERSTAAT,") over the name: that is the signature, written as the letters write a title,
    not a paragraph of the body; the news site's lines after it are left out and noted."""
    draft, notes = imported_draft(tmp_path, IMPORT / "nieuwsbank-1999-26959-1.txt")
    assert draft["signatory"] == {
        "title": "De Minister van Verkeer en Waterstaat,",
        "name": "T. Netelenbos",
    }
    body = draft["sections"][0]["body"]
    assert body[-1].startswith("In de loop van januari zal de complete set stukken")
    assert body[-1].endswith("in gedrukte vorm verschijnen.")
    assert "found no signature" not in notes
    assert "left out after the signature: 'Copyright Tweede Kamer der Staten Generaal'" in notes
