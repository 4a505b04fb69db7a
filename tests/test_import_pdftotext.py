"""``briefing import`` on the text of a letter's PDF as poppler's ``pdftotext`` gives it without
options, in reading order: the letterhead's labels printed apart from their values, a list's
bullets on lines of their own. The draft's head and lists are those the PDF itself gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.importing import imported_draft
from tests.test_import_pdf_producers import LETTER_2022
from tests.test_import_sources import IMPORT

#: Each converted text beside the PDF it was converted from: ours, and a word processor's.
CONVERTED = {
    "2022-04-07-letter.pdftotext.txt": "2022-04-07-letter.pdf",
    "libreoffice-2022-04-07-letter.pdftotext.txt": "libreoffice-2022-04-07-letter.pdf",
}


def _head(draft: dict[str, Any]) -> dict[str, Any]:
    return {key: draft[key] for key in ("id", "date", "subject", "sender", "references")}


@pytest.mark.parametrize("text", list(CONVERTED))
def test_labels_above_their_values_give_the_pdfs_date_subject_and_sender(
    tmp_path: Path, text: str
) -> None:
    """ "Datum" / "Betreft", a blank line, "7 april 2022" / "Opvolging ...": before, the
    import was refused for want of a subject."""
    draft, notes = imported_draft(tmp_path / "text", IMPORT / text, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / CONVERTED[text], LETTER_2022)
    assert draft["subject"] == "Opvolging moties en toezeggingen IMVO-beleid"
    assert str(draft["date"]) == "2022-04-07"
    assert draft["sender"]["directorate"] == from_pdf["sender"]["directorate"]
    assert draft["references"]["ours"] == from_pdf["references"]["ours"]
    assert "Rijnstraat 8" not in notes and "Datum" not in notes and "Betreft" not in notes
    if text.startswith("2022"):
        assert _head(draft) == _head(from_pdf)


@pytest.mark.parametrize("text", list(CONVERTED))
def test_bullets_on_lines_of_their_own_mark_the_items_under_them(tmp_path: Path, text: str) -> None:
    draft, _ = imported_draft(tmp_path, IMPORT / text, LETTER_2022)
    body = draft["sections"][0]["body"]
    listed = [part for part in body if isinstance(part, dict)]
    assert len(listed) == 1, body
    items = listed[0]["items"]
    assert [item.split(" (gedaan")[0] for item in items] == [
        "De toezegging om - zoals verzocht door uw Kamer - per IMVO-convenant te bekijken wat de "
        "beste oplossing is met het oog op stopzetten van de deelname van de overheid aan "
        "IMVO-convenanten",
        "De toezegging om een technische briefing over IMVO-convenanten en sectorale "
        "samenwerking te organiseren",
        "De toezegging om het gesprek voort te zetten met financiële instellingen die "
        "investeren in bedrijven in de defensie- en veiligheidsindustrie",
        "De toezegging om de Kamer te informeren over de vervolgaanpak misstanden tomatensector",
    ]
    assert "\u2022" not in str(body)


def test_paragraphs_and_headings_in_a_long_run_without_blank_lines_are_told_apart(
    tmp_path: Path,
) -> None:
    """The converted text parts its page's blocks by blank lines, but not its paragraphs: in
    such a long run, a short line that ends a sentence ends its paragraph, and the short
    line after it is a heading, as the PDF prints it. (A paragraph whose last line is full
    cannot be told from the next; the text gives no sign of its end.)"""
    text = "2022-04-07-letter.pdftotext.txt"
    draft, _ = imported_draft(tmp_path / "text", IMPORT / text, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / CONVERTED[text], LETTER_2022)
    headings = [section["heading"] for section in draft["sections"][1:]]
    assert headings == [
        "Vervolgstappen na afloop looptijd IMVO-convenanten",
        "Technische briefing sectorale samenwerking",
        "Gesprek met financiële instellingen over investeringen in wapen producerende bedrijven",
        "Vervolgaanpak misstanden tomatensector",
    ]
    assert set(headings) < {section["heading"] for section in from_pdf["sections"][1:]}
    assert draft["sections"][1]["body"][0].startswith("Tijdens de begrotingsbehandeling")
    assert draft["sections"][0]["body"][-1].endswith("tegengaan van misstanden op de werkvloer.")
