"""``briefing import`` on more real letters: where a sentence ends before a footnote call, and
what the letter sends after its signature. Each test imports a small real text and asserts the
draft and the notes a user gets."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from tests.importing import imported_draft

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


def test_a_lead_in_ending_in_a_colon_and_a_footnote_call_is_not_a_heading(
    tmp_path: Path,
) -> None:
    """The list's lead-in ends "worden ontplooid:1" (a call after the colon), and items after
    dashes follow: it is the paragraph that opens the list, not a heading over it, and the
    call without its footnote is noted."""
    draft, notes = imported_draft(tmp_path, IMPORT / "kst-27400-VII-6.excerpt.txt")
    (section,) = draft["sections"]
    assert section["heading"] == "Inleiding"
    assert section["body"][3] == (
        "Zoals al in de brief van 18 november 1999 is gemeld, zullen daarvoor de volgende "
        "activiteiten worden ontplooid:1"
    )
    assert section["body"][4]["items"][0] == (
        "het tot stand brengen van een wijziging van de Kieswet om een dergelijk experiment "
        "mogelijk te maken;"
    )
    assert "looks like a footnote call ('ontplooid:1')" in notes


def test_the_number_of_an_article_is_not_proposed_as_a_key_figure(tmp_path: Path) -> None:
    """The geannoteerde agenda after the signature names "de artikel 7 hoorzitting van Polen":
    7 is the article's number, not a count of anything, so no figure is proposed for it; the
    Commission's "zes prioriteiten" still is."""
    draft, _ = imported_draft(tmp_path, IMPORT / "kst-21501-02-2778.excerpt.txt")
    written = next((tmp_path / "content" / "letters").glob("2023-11-03-*.yaml")).read_text()
    assert draft["annex"][0]["heading"] == (
        "GEANNOTEERDE AGENDA VOOR DE RAAD ALGEMENE ZAKEN VAN 15 NOVEMBER"
    )
    assert "#   - label: hoorzitting van polen" not in written
    assert "#   - label: prioriteiten\n    #     value: 6\n" in written


def test_footnote_calls_glued_to_years_are_noted_with_the_others(tmp_path: Path) -> None:
    """The copy glues the first calls to years ("van 16 februari 20181.", "Belastingplan
    20152 dat"), then to words ("te evalueren.5"): the text holds none of the footnotes, so all
    nine calls, counted from the first, are noted and left as digits."""
    draft, notes = imported_draft(tmp_path, IMPORT / "openkamer-34785-80.excerpt.txt")
    assert "van 16 februari 20181. Met het rapport" in draft["sections"][0]["body"][0]
    assert (
        "9 numbers glued to the words before them look like footnote calls ('20181', '20152', "
        "'20153', '20174', ...)"
    ) in " ".join(notes.split())


def test_a_letter_without_its_signature_names_every_sender_its_heading_names(
    tmp_path: Path,
) -> None:
    """ "BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE", the copy stopping before the
    signature: the minister is the proposed signatory, and a note says the staatssecretaris
    signs too, to be added to the cosignatories."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2025D43552.excerpt.txt")
    assert draft["signatory"]["title"] == "De Minister van Defensie,"
    assert (
        "tk-2025D43552.excerpt.txt:29: the letter is also signed by De Staatssecretaris van "
        "Defensie, whose name the text does not give: add it to the draft's cosignatories"
    ) in notes
