"""``briefing import`` on the heads and signatures of more real letters: berthub.eu's page of
a letter printed from the ministry's document, officielebekendmakingen.nl's page of a paper
in a dossier being handled, two signatories side by side. Each test imports a small real
text and asserts the draft, the notes or the error a user gets."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CONTENT, FIXTURES, cli
from tests.test_import_layouts import imported_draft

IMPORT = FIXTURES / "import"


def test_a_ministry_document_on_berthub_takes_its_date_subject_and_number_from_the_page(
    tmp_path: Path,
) -> None:
    """berthub.eu prints a letter from the ministry's .docx under its own head: no letterhead,
    "Geachte Voorzitter," first. The page's title is the subject, its "datum: 2024-12-19" the
    date (for review), "Onderdeel van kamerstukdossier 21501 32-1691" the Kamerstuk."""
    draft, notes = imported_draft(tmp_path, IMPORT / "berthub-2024D51302.excerpt.txt")
    assert draft["id"] == "2024-12-19-lvvn-inzet-in-de-eu"
    assert draft["date"].isoformat() == "2024-12-19"  # type: ignore[attr-defined]
    assert draft["subject"] == "LVVN-inzet in de EU"
    assert draft["kamerstuk"] == "21 501-32, nr. 1691"
    assert draft["salutation"] == "Geachte Voorzitter,"
    assert "found no date" not in notes
    for line in (5, 7, 10, 16):  # the title, the dossier's title, the kind, the date, the dossier
        assert f"berthub-2024D51302.excerpt.txt:{line}: left out of the head" not in notes


def test_a_ministry_letter_without_a_date_says_where_to_add_it(tmp_path: Path) -> None:
    """A letter's text without "Datum" above the salutation: the error names the salutation's
    line and the line to add above it; nothing is written."""
    source = tmp_path / "brief.txt"
    text = (IMPORT / "berthub-2024D51302.excerpt.txt").read_text(encoding="utf-8")
    source.write_text(text.replace("Nummer: 2024D51302, datum: 2024-12-19, ", ""), "utf-8")
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    run = cli("import", source, "--content", content)
    assert run.returncode == 1
    assert run.stderr == (
        f"briefing: error: {source}:25: found no date in the letterhead (the lines above "
        "'Geachte Voorzitter,'); add a line like 'Datum 13 november 2018' above that line\n"
    )
    assert run.stdout == ""


def test_a_paper_in_a_dossier_being_handled_takes_its_number_from_the_pages_table(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl's page of a paper in a dossier being handled prints no "Nr.
    342" line: the table above the paper gives the dossier and number, and the table's rows
    are not the letter's head."""
    draft, notes = imported_draft(tmp_path, IMPORT / "kst-31371-342.excerpt.txt")
    assert draft["id"] == "2010-06-11-onbekend"
    assert draft["date"].isoformat() == "2010-06-11"  # type: ignore[attr-defined]
    assert draft["kamerstuk"] == "31 371, nr. 342"
    assert draft["addressee"] == {
        "lines": ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"]
    }
    body = draft["sections"][0]["body"]  # type: ignore[index]
    assert body[0].startswith("De griffier van de commissie voor Financiën heeft mij")
    assert "'Tweede Kamer der Staten-Generaal | 2009-2010" not in notes
    assert "'Datum publicatie" not in notes
    assert "kst-31371-342.excerpt.txt:4: no subject in the text" in notes
