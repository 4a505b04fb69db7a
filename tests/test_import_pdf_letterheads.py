"""``briefing import`` on the text of an older ministry's PDF (Buitenlandse Zaken, 2002): a
letterhead in two columns, whose second column (the author, telephone, e-mail) the text of
the PDF prints beside the first's fields, and a signature whose name is an image, so that
the title stands alone above the annex the letter sends. Each test imports the real text and
asserts the draft or the notes a user gets."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.importing import imported_draft

AGENDA = FIXTURES / "import" / "opennieuwsbank-2002-geannoteerde-agenda.excerpt.txt"


def test_a_title_alone_without_a_name_is_the_signature_above_the_annex(tmp_path: Path) -> None:
    """ "De Minister van Buitenlandse Zaken" alone, no comma and no name under it, after the
    letter's only paragraph: the signature (its name to fill in), and the geannoteerde agenda
    after it is the annex, not sections of the letter."""
    draft, notes = imported_draft(tmp_path, AGENDA)
    title = "De Minister van Buitenlandse Zaken,"
    assert draft["signatory"] == {"title": title, "name": "onbekend"}
    sections = draft["sections"]
    assert [s["id"] for s in sections] == ["inleiding"]
    assert sections[0]["body"] == [
        "Conform de bestaande afspraken heb ik de eer u hierbij de geannoteerde agenda van de "
        "Raad Algemene Zaken en Externe Betrekkingen van 30 september a.s. aan te bieden."
    ]
    annex = draft["annex"]
    assert [s["heading"] for s in annex][:3] == [
        "Geannoteerde agenda van de Raad Algemene Zaken en Externe Betrekkingen van 30 "
        "september 2002",
        "Algemene zaken",
        "Stand van zaken overige Raadsformaties",
    ]
    assert (
        "opennieuwsbank-2002-geannoteerde-agenda.excerpt.txt:21: the signature has no name and "
        "none is known for 'De Minister van Buitenlandse Zaken,' on 2002-09-21; fill in "
        "signatory.name"
    ) in notes
    assert "found no signature" not in notes


def test_the_second_columns_contact_beside_a_field_is_left_out_of_its_value(
    tmp_path: Path,
) -> None:
    """ "Kenmerk DIE/447/02 Telefoon 070-3485005": the reference is "DIE/447/02";
    "Bijlage(n) - E-mail die@minbuza.nl" is no attachment (the dash is an empty field). The
    contact is left out with a note."""
    draft, notes = imported_draft(tmp_path, AGENDA)
    assert draft["references"] == {"ours": ["DIE/447/02"], "attachments": []}
    assert draft["date"].isoformat() == "2002-09-21"
    for line, contact in (
        (9, "Auteur G.A. Beschoor Plug"),
        (10, "Telefoon 070-3485005"),
        (14, "E-mail die@minbuza.nl"),
    ):
        assert (
            f"opennieuwsbank-2002-geannoteerde-agenda.excerpt.txt:{line}: left out of the head: "
            f"'{contact}' (the sender's contact)"
        ) in notes
