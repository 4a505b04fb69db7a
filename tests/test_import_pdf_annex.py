"""``briefing import`` on the PDF ``briefing build`` makes of a letter that sends an annex in
the same paper: the reference column that the annex's pages repeat. The PDF is what
``briefing build`` makes of a real letter's draft, its unknown fields left as the draft's
placeholder "onbekend"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.test_import_layouts import imported_draft

IMPORT = FIXTURES / "import"


def _texts(sections: object) -> list[str]:
    """Every heading and paragraph of ``sections`` (a draft's list of sections), in order."""
    assert isinstance(sections, list)
    found: list[str] = []
    for section in sections:
        found += [section["heading"]] if "heading" in section else []
        found += [str(block) for block in section.get("body", [])]
    return found


def test_the_column_repeated_on_an_annexs_pages_is_not_its_text(tmp_path: Path) -> None:
    """The geannoteerde agenda after the signature runs onto the second page, where the
    column repeats the directorate and "Onze referentie" over the placeholder "onbekend":
    those are not headings or paragraphs of the annex, and its text reads on across them."""
    draft, _ = imported_draft(tmp_path, IMPORT / "2023-11-03-letter.pdf")
    assert draft["signatory"] == {
        "title": "De Minister van Buitenlandse Zaken,",
        "name": "H.G.J. Bruins Slot",
    }
    annex = _texts(draft["annex"])
    assert annex[0] == "GEANNOTEERDE AGENDA VOOR DE RAAD ALGEMENE ZAKEN VAN 15 NOVEMBER"
    assert annex[1].startswith("Op dinsdag 15 november a.s. vindt in Brussel de Raad")
    assert annex[2].startswith("Verder zal in deze brief, mede ter uitvoering van motie")
    assert not [text for text in annex if "onbekend" in text or "referentie" in text]
    assert draft["references"]["ours"] == ["onbekend"]
