"""``briefing import`` on a PDF viewer's copy of a letter: the text that "select all, copy" in
Chrome's or Edge's viewer (PDFium) gives, pasted into a file. Each page's text comes in the
order its content was drawn, with no blank line: the ministry's name, the list's lone bullets
and the reference column come after the page's body, on the last page after the signature;
a hyphen that ends a line comes as U+FFFE. The draft's head is the one the PDF itself gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.importing import imported_draft
from tests.test_import_pdf_producers import LETTER_2022
from tests.test_import_sources import IMPORT

#: Each viewer's copy beside the PDF it was copied from: ours, and a word processor's.
COPIED = {
    "2022-04-07-letter.pdfium-copy.txt": "2022-04-07-letter.pdf",
    "libreoffice-2022-04-07-letter.pdfium-copy.txt": "libreoffice-2022-04-07-letter.pdf",
}
HEAD = ("id", "date", "subject", "sender", "references", "addressee", "signatory")


def _head(draft: dict[str, Any]) -> dict[str, Any]:
    return {key: draft.get(key) for key in HEAD}


@pytest.mark.parametrize("copy", list(COPIED))
def test_the_column_after_the_pages_text_gives_the_pdfs_head(tmp_path: Path, copy: str) -> None:
    """The column (directorate, addresses, "Onze referentie" ..., "Pagina 1 van 4") that the
    copy puts after the first page's text is the letterhead's: the subject ends at its own
    line, the sender and the references are the PDF's, the addressee is not the sender."""
    draft, notes = imported_draft(tmp_path / "copy", IMPORT / copy, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / COPIED[copy], LETTER_2022)
    assert draft["subject"] == "Opvolging moties en toezeggingen IMVO-beleid"
    assert _head(draft) == _head(from_pdf)
    for column in ("Directie", "Rijnstraat", "Postbus", "referentie", "Pagina", "BZDOC"):
        assert column not in notes


@pytest.mark.parametrize("copy", list(COPIED))
def test_the_columns_repeats_leave_the_body_and_its_headings(tmp_path: Path, copy: str) -> None:
    """The column's repeats on later pages, the ministry's name and the lone bullets are not
    the letter's text: the sections' headings are the PDF's, and no paragraph holds them."""
    draft, _ = imported_draft(tmp_path / "copy", IMPORT / copy, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / COPIED[copy], LETTER_2022)
    headings = [section.get("heading") for section in draft["sections"]]
    assert set(headings) <= {section.get("heading") for section in from_pdf["sections"]}
    text = str(draft["sections"])
    for column in ("Pagina", "Onze referentie", "BZDOC", "Rijnstraat", "Directie"):
        assert column not in text
    assert "\u2022" not in text


def test_a_hyphen_that_ends_a_line_is_the_pdfs(tmp_path: Path) -> None:
    """PDFium gives "IMVO-" at a line's end as "IMVO\\ufffe" with the next line run on: the
    word is "IMVO-convenanten", as in the PDF, not "IMVOconvenanten"."""
    draft, _ = imported_draft(tmp_path, IMPORT / "2022-04-07-letter.pdfium-copy.txt", LETTER_2022)
    text = str(draft["sections"])
    assert "IMVOconvenanten" not in text
    assert "van het instrument IMVO-convenanten in zijn huidige vorm" in text


def test_lone_bullets_after_the_page_mark_the_lists_items(tmp_path: Path) -> None:
    """The copy gives the list's four bullets alone on their lines after the page's text:
    they mark the four lines after the list's lead ("... toezeggingen:") and after each
    item's comma or semicolon, and the list's items are the PDF's."""
    copy = "2022-04-07-letter.pdfium-copy.txt"
    draft, _ = imported_draft(tmp_path / "copy", IMPORT / copy, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / COPIED[copy], LETTER_2022)
    listed = [part for part in draft["sections"][0]["body"] if isinstance(part, dict)]
    from_pdf_listed = [part for part in from_pdf["sections"][0]["body"] if isinstance(part, dict)]
    assert listed == from_pdf_listed
    assert len(listed[0]["items"]) == 4


def test_a_single_bullet_after_the_page_marks_its_item(tmp_path: Path) -> None:
    """A list of one item: the copy gives its one bullet alone on its line after the page's
    text. It marks the line after the list's lead, and the rest of the copy is read as a
    viewer's copy still: the head is the PDF's, the column is not the subject's."""
    copy = IMPORT / "2022-04-07-letter-one-item.pdfium-copy.txt"
    draft, notes = imported_draft(tmp_path / "copy", copy, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "2022-04-07-letter.pdf", LETTER_2022)
    assert _head(draft) == _head(from_pdf)
    (listed,) = [part for part in draft["sections"][0]["body"] if isinstance(part, dict)]
    (item,) = listed["items"]
    assert item.startswith("De toezegging om - zoals verzocht door uw Kamer - per IMVO-convenant")
    assert "\u2022" not in str(draft["sections"]) and "bullet" not in notes


def test_a_list_over_a_page_break_keeps_its_items(tmp_path: Path) -> None:
    """A list whose first item is on page 1 and the other three on page 2: each page's
    bullets come after that page's text, page 2's with no lead before them. They mark the
    lines from page 2's first on, as the list goes on there, and the list is the PDF's."""
    copy = IMPORT / "2022-04-07-letter-list-over-page.pdfium-copy.txt"
    draft, notes = imported_draft(tmp_path / "copy", copy, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "2022-04-07-letter.pdf", LETTER_2022)
    (listed,) = [part for part in draft["sections"][0]["body"] if isinstance(part, dict)]
    (from_pdf_listed,) = [
        part for part in from_pdf["sections"][0]["body"] if isinstance(part, dict)
    ]
    assert listed == from_pdf_listed and len(listed["items"]) == 4
    assert "\u2022" not in str(draft["sections"]) and "bullet" not in notes


def test_bullets_that_mark_no_lines_are_left_out_with_a_note(tmp_path: Path) -> None:
    """Without the list's lead (its colon taken out here), no lines can be told for the
    bullets: they are left out of the text, and a note says so at the first bullet's line."""
    text = (IMPORT / "2022-04-07-letter.pdfium-copy.txt").read_text(encoding="utf-8")
    source = tmp_path / "copy.txt"
    source.write_text(text.replace("volgende toezeggingen:", "volgende toezeggingen"), "utf-8")
    draft, notes = imported_draft(tmp_path / "copy", source, LETTER_2022)
    assert "\u2022" not in str(draft["sections"])
    assert "4 bullets alone on their lines" in notes
    assert "copy.txt:37: 4 bullets" in notes


def test_the_footnote_at_the_pages_foot_is_the_letters(tmp_path: Path) -> None:
    """The footnote printed at the foot of page 3 comes before that page's column, its call
    glued to the word ("gepresenteerd.1"): the draft has the PDF's footnote and its call, and
    the sentence the page break cuts reads on ("(Kamerstuk 26485, nr. 333)")."""
    copy = "2022-04-07-letter.pdfium-copy.txt"
    draft, _ = imported_draft(tmp_path / "copy", IMPORT / copy, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / COPIED[copy], LETTER_2022)
    assert draft["footnotes"] == from_pdf["footnotes"]
    text = str(draft["sections"])
    assert "gepresenteerd.[^cbl-actieplan] In de stuurgroep" in text
    assert "(Kamerstuk 26485, nr. 333)" in text


def test_a_reference_only_a_later_pages_column_gives_is_the_letters(tmp_path: Path) -> None:
    """The column of page 2 gives a third reference (added here) under "Onze referentie":
    it is one of the letter's, after the two the first page gives; the repeats are not."""
    text = (IMPORT / "2022-04-07-letter.pdfium-copy.txt").read_text(encoding="utf-8")
    source = tmp_path / "copy.txt"
    later = "STPS5HHCFWEY-7-88383\nBZDOC-1235421577-14\nPagina 2 van 4"
    source.write_text(text.replace("STPS5HHCFWEY-7-88383\nPagina 2 van 4", later), "utf-8")
    draft, _ = imported_draft(tmp_path / "copy", source, LETTER_2022)
    assert draft["references"]["ours"] == [
        "BZDOC-1235421577-13",
        "STPS5HHCFWEY-7-88383",
        "BZDOC-1235421577-14",
    ]
    assert "BZDOC" not in str(draft["sections"])
