"""``briefing import`` on the PDF ``briefing build`` makes of a letter that sends an annex in
the same paper: the signature above the annex, and the reference column that the annex's
pages repeat. Each PDF is what ``briefing build`` makes of a real letter's draft, its unknown
fields left as the draft's placeholder "onbekend"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.importing import imported_draft

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


def test_a_signature_with_the_name_in_full_above_an_annex_ends_the_letter(
    tmp_path: Path,
) -> None:
    """The minister signs "Karla Peijs" (the name in full, no initials, no "Hoogachtend,"
    above the title) and the memorie van antwoord the letter sends follows on: the name is
    the signatory's, not a heading, and the memorie is the annex, without the column that
    its page repeats ("onbekend", "Onze referentie" over "HDJZ/WAT 2005-54")."""
    draft, notes = imported_draft(tmp_path, IMPORT / "2005-02-11-letter.pdf")
    assert draft["signatory"] == {
        "title": "De Minister van Verkeer en Waterstaat,",
        "name": "Karla Peijs",
    }
    assert _texts(draft["sections"]) == [
        "Hierbij doe ik u, mede namens de Staatssecretaris van Volkshuisvesting, Ruimtelijke "
        "Ordening en Milieubeheer en de Minister van Landbouw, Natuur en Voedselkwaliteit, de "
        "nadere memorie van antwoord inzake het bovenvermelde wetsvoorstel toekomen."
    ]
    annex = _texts(draft["annex"])
    assert annex[0].startswith("Wijziging van de Wet op de waterhuishouding")
    assert annex[1].startswith("Uit het nader voorlopig verslag van de vaste commissies")
    assert not [text for text in annex if "onbekend" in text or "HDJZ" in text]
    assert draft["references"]["ours"] == ["HDJZ/WAT 2005-54"]
    assert "found no signature" not in notes
