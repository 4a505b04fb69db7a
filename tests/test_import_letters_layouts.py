"""``briefing import`` on real letters of layouts older and plainer than the Kamerstuk's page:
a signature printed in capitals, letterheads whose labels stand apart from their values or side
by side; and the number of a chemical formula ("CO2") that is no footnote call, a heading right
after a list. Each test imports a small real text and asserts the draft and the notes a user
gets."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.importing import imported_draft

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


def test_letterhead_labels_over_their_values_are_read(tmp_path: Path) -> None:
    """The letter's PDF as a news site gives its text prints each label on a line of its own
    and the value on the line under it ("Datum" over "11 februari 2005"), a dash for an empty
    field: the date, the reference and the subject are the letter's, and the label under the
    reference ("Doorkiesnummer") is not taken for a second one."""
    draft, notes = imported_draft(tmp_path, IMPORT / "opennieuwsbank-2005-briefhoofd.excerpt.txt")
    assert str(draft["date"]) == "2005-02-11"
    assert draft["subject"] == "Implementatiewet EG-kaderrichtlijn water (Kamerstukken I 28808, A)"
    assert draft["references"]["ours"] == ["HDJZ/WAT 2005-54"]
    assert draft["references"]["attachments"] == ["1"]
    assert "'-'" not in notes


def test_a_signature_after_the_closing_formula_is_read_with_a_name_printed_in_full(
    tmp_path: Path,
) -> None:
    """ "Hoogachtend," then "DE MINISTER VAN VERKEER EN WATERSTAAT," and "Karla Peijs" (the
    name in full, not with initials), then the memorie van antwoord the letter sends: the
    signature ends the letter and what follows it is the annex, not the letter's body."""
    draft, notes = imported_draft(tmp_path, IMPORT / "opennieuwsbank-2005-briefhoofd.excerpt.txt")
    assert draft["signatory"] == {
        "title": "De Minister van Verkeer en Waterstaat,",
        "name": "Karla Peijs",
    }
    (section,) = draft["sections"]
    assert section["body"] == [
        "Hierbij doe ik u, mede namens de Staatssecretaris van Volkshuisvesting, Ruimtelijke "
        "Ordening en Milieubeheer en de Minister van Landbouw, Natuur en Voedselkwaliteit, de "
        "nadere memorie van antwoord inzake het bovenvermelde wetsvoorstel toekomen."
    ]
    annex = draft["annex"][0]["body"]
    assert annex[0].startswith("Wijziging van de Wet op de waterhuishouding")
    assert annex[1].startswith("Uit het nader voorlopig verslag van de vaste commissies")
    assert "found no signature" not in notes


def test_letterhead_fields_side_by_side_on_one_line_are_each_read(tmp_path: Path) -> None:
    """The text of a 2009 letter's PDF gives the letterhead's fields on one line, each label
    followed by its value ("Datum 28 oktober 2009 Uw kenmerk 18106-t96/2009D46472 Onderwerp
    kamervragen"): the date, the Kamer's reference and the subject are each read from it, and
    the ministry the letterhead names above them is the sender's."""
    draft, _ = imported_draft(tmp_path, IMPORT / "opennieuwsbank-2009-kopregel.excerpt.txt")
    assert str(draft["date"]) == "2009-10-28"
    assert draft["subject"] == "kamervragen"
    assert draft["references"]["yours"] == "18106-t96/2009D46472"
    assert draft["sender"]["ministry"] == "Ministerie van Verkeer en Waterstaat"
    assert draft["sections"][0]["body"][0].startswith("Hiermee beantwoord ik, mede namens")


def test_the_number_of_a_chemical_formula_is_not_a_footnote_call(tmp_path: Path) -> None:
    """ "(waterstof, CO2, ammoniak en gelijkstroomkabels)" stands between the calls of footnotes
    1 and 2 ("geïnformeerd1", "Op 27 juni jl.2 is"): the 2 of CO2 is the formula's, so it stays
    in the text and footnote 2 is called where the paper calls it."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2024D48201.noten.txt")
    first, second = draft["sections"]
    assert "(waterstof, CO2, ammoniak en gelijkstroomkabels)" in first["body"][0]
    assert second["body"][0].startswith("Op 27 juni jl.[^kamerstuk-29-826-2] is de Kamer")
    assert draft["footnotes"]["kamerstuk-29-826-2"] == "Kamerstuk 29 826, nr. 213"


def test_the_note_on_calls_without_footnotes_passes_over_a_chemical_formula(
    tmp_path: Path,
) -> None:
    """Without the footnotes, the note names the calls 1 and 2 as the paper has them, not the
    2 of "CO2" that stands between them."""
    _, notes = imported_draft(tmp_path, IMPORT / "tk-2024D48201.excerpt.txt")
    assert "('geïnformeerd1', 'jl.2')" in notes
    assert "CO2" not in notes


def test_a_heading_right_after_a_list_is_a_heading(tmp_path: Path) -> None:
    """tweedekamer.nl prints the letter without blank lines: a dash list of the letter's
    topics, whose items end without a full stop, then the first topic's heading and a
    subheading over the first paragraph. Both are the section's headings, not paragraphs."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2025D33491.excerpt.txt")
    first, second, third = draft["sections"]
    assert first["body"][1]["items"][-1] == "Huisvesting voor mensen met een beperking"
    assert len(first["body"]) == 2
    assert second["heading"] == "Actualiteiten in de corporatiesector"
    assert third["heading"] == "Inzicht in realisatie door woningcorporaties"
    assert third["body"][0].startswith("In de Nationale prestatieafspraken (NPA) 2025")


def test_a_starred_footnote_is_the_letters_footnote(tmp_path: Path) -> None:
    """A paper of 1999 calls its footnote with "*)" glued to the sentence ("voor de lange
    termijn.*)") and prints the note "*) Ter inzage gelegd ..." under the signature: the note
    is the draft's footnote and the call its reference, no "*)" is left in the text."""
    draft, notes = imported_draft(tmp_path, IMPORT / "nieuwsbank-1999-26959-1.txt")
    first = draft["sections"][0]["body"][0]
    assert first.endswith(
        "samenvatting van het onderzoek dat gedaan is voor de lange "
        "termijn.[^ter-inzage-gelegd-bij]"
    )
    assert draft["footnotes"] == {
        "ter-inzage-gelegd-bij": "Ter inzage gelegd bij de afdeling Parlementaire Documentatie"
    }
    assert "*)" not in str(draft)
    assert "Ter inzage" not in notes
