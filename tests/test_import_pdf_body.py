"""``briefing import`` on the body of a letter's PDF: a list whose bullets the PDF prints
apart from the items' text, the footnotes at the foot of the signature's page, the calls of two
footnotes side by side, a paragraph whose last line ends in a date, the sender printed as not
known. Each PDF is what ``briefing build`` makes of a real letter's draft."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.importing import imported_draft

IMPORT = FIXTURES / "import"


def test_a_footnote_under_the_signature_is_the_letters(tmp_path: Path) -> None:
    """The only footnote stands at the foot of the signature's page, after the signature in
    the PDF's text: it is the draft's footnote, called where the text calls it ("brief¹."),
    the full stop after the call still the sentence's, and not noted as left out."""
    draft, notes = imported_draft(tmp_path, IMPORT / "2016-01-29-letter.pdf")
    (paragraph,) = draft["sections"][0]["body"]
    assert paragraph.endswith("In de bijlage vindt u de brief[^raadpleegbaar-via-www].")
    assert draft["footnotes"] == {"raadpleegbaar-via-www": "Raadpleegbaar via www.tweedekamer.nl"}
    assert "left out after the signature" not in notes
    assert "not found" not in notes


def test_bullets_printed_apart_from_their_items_make_a_list(tmp_path: Path) -> None:
    """The PDF prints each bullet apart from its item's text: the four items are a list after
    the paragraph that ends "Maar wat betekent dat?", not one paragraph."""
    draft, _ = imported_draft(tmp_path, IMPORT / "2022-07-01-letter.pdf")
    paragraph, listed = draft["sections"][0]["body"]
    assert paragraph.endswith("Maar wat betekent dat?")
    starts = ["Het is zeven uur.", "Verdeelschema", "Steeds vaker zijn", "De continu"]
    assert len(listed["items"]) == len(starts)
    assert all(item.startswith(s) for item, s in zip(listed["items"], starts, strict=True))
    assert listed["items"][0].endswith("Er wordt zorgvuldig gekeken naar oplossingen.")


def test_the_calls_of_two_footnotes_side_by_side_call_both(tmp_path: Path) -> None:
    """The PDF prints the calls of footnotes 1 and 2 side by side ("kansrijk»¹²"): they call
    footnotes 1 and 2 (there is no footnote 12), and all four footnotes are the draft's."""
    draft, notes = imported_draft(tmp_path, IMPORT / "2018-11-21-letter.pdf")
    text = " ".join(str(block) for block in draft["sections"][0]["body"])
    assert "kansrijk»[^kamerstuk-24-515][^kamerstuk-34-775-xv] heb ik" in text
    assert list(draft["footnotes"].values()) == [
        "Kamerstuk 24 515, nr. 431",
        "Kamerstuk 34 775 XV, nr. 88",
        "Kamerstuk 34 775 XV, nr. 46",
        "https://vng.nl/onderwerpenindex/werk-en-inkomen/armoede-en-schulden",
    ]
    assert "footnote 12" not in notes


def test_a_line_ending_in_a_date_near_the_letters_is_kept(tmp_path: Path) -> None:
    """The only paragraph ends on a line of its own, "november 2023.", much like the letter's
    date ("3 november 2023") that the column repeats on later pages: it is the sentence's end,
    not a repeat of the column, and stays in the text."""
    draft, _ = imported_draft(tmp_path, IMPORT / "2023-11-03-letter.pdf")
    assert draft["sections"][0]["body"] == [
        "Hierbij bied ik u de geannoteerde agenda aan voor de Raad Algemene Zaken van 15 "
        "november 2023."
    ]


def test_the_senders_fields_printed_as_not_known_are_no_directorate(tmp_path: Path) -> None:
    """A PDF our build made of a draft whose sender was not known prints "onbekend" for the
    directorate and each address: read back, the directorate is not "onbekend onbekend
    onbekend" but a field still to fill in, said so beside it."""
    draft, notes = imported_draft(tmp_path, IMPORT / "2016-01-29-letter.pdf")
    assert draft["sender"]["directorate"] == "onbekend"
    assert "no sender in the text and none to copy; fill in sender.directorate" in notes
