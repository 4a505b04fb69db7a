"""``briefing import`` on the body text of web pages' copies: paragraphs that blank lines part,
footnote calls printed as digits glued to the text, the site's own lines. Each test imports a
small real text and asserts the draft and the notes a user gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.importing import imported_draft

IMPORT = FIXTURES / "import"


def test_a_paragraph_ending_in_a_bracket_before_a_blank_line_is_not_joined_to_the_next(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl parts these paragraphs by a line of spaces; the first ends in
    "(Kamerstuk 36 200 XIV, nr. 11)" without a full stop, on a line short of the width: no
    page break cut it, so it stays a paragraph of its own."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2022D51602.excerpt.txt")
    body = draft["sections"][0]["body"]
    assert body[0] == (
        "Hierbij bieden wij u een nota van wijziging (NvW) aan op de Ontwerpbegroting 2023 van "
        "het Ministerie van Landbouw, Natuur en Voedselkwaliteit (XIV) en het Diergezondheidsfonds "
        "(F). (Kamerstuk 36 200 XIV, nr. 11)"
    )
    assert body[1].startswith("In deze nota van wijziging worden mutaties voorgesteld")
    assert body[2].startswith("In de brief van 1 november 2021 (Kamerstuk 31 865, nr. 198)")


def test_digits_glued_as_calls_become_the_footnotes_a_copy_prints_after_the_signature(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl prints the calls as digits glued to the text ("kansrijk»1," with "2 heb"
    on the next line, "De Lange3", "afspraken4") and the footnotes numbered after the signature:
    the calls become the draft's footnotes; numbers that are the text's stay."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2018D55739.noten.txt")
    body = draft["sections"][0]["body"]
    assert (
        body[0].startswith("Het kabinet zet zich in") and "1 januari 2017 is € 100 mln." in body[0]
    )
    assert body[1].endswith(
        "«Alle kinderen kansrijk»[^kamerstuk-24-515][^kamerstuk-34-775-xv] heb ik een "
        "tussentijdse evaluatie laten uitvoeren van deze extra middelen voor de bestrijding van "
        "armoede onder kinderen."
    )
    assert body[2].endswith("de motie van het lid De Lange[^kamerstuk-34-775-xv-2].")
    assert "bestuurlijke afspraken[^vng-armoede] tussen SZW" in body[4]["items"][0]
    assert "(2017\u20132020);" in body[4]["items"][1]
    assert draft["footnotes"] == {
        "kamerstuk-24-515": "Kamerstuk 24 515, nr. 431",
        "kamerstuk-34-775-xv": "Kamerstuk 34 775 XV, nr. 88",
        "kamerstuk-34-775-xv-2": "Kamerstuk 34 775 XV, nr. 46",
        "vng-armoede": "https://vng.nl/onderwerpenindex/werk-en-inkomen/armoede-en-schulden",
    }
    assert draft["signatory"] == {
        "title": "De Staatssecretaris van Sociale Zaken en Werkgelegenheid,",
        "name": "T. van Ark",
    }
    assert "left out after the signature" not in notes
    assert "footnote" not in notes


def test_digits_glued_as_calls_without_the_footnotes_stay_and_are_noted(tmp_path: Path) -> None:
    """The start of a letter as tweedekamer.nl prints it, its footnotes not copied: the digits
    glued to "bloedvoorziening.1", "gestuurd.2" and "c.s.3" stay, and a note says why."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2022D17930.excerpt.txt")
    assert draft["sections"][0]["body"][0] == (
        "Met deze brief geef ik u mijn reactie op het onderzoek van de Nederlandse School voor "
        "Openbaar Bestuur (NSOB) over de toekomst van de bloedvoorziening.1 Voormalig "
        "Staatssecretaris Blokhuis heeft deze bevindingen in december vorig jaar naar uw Kamer "
        "gestuurd.2 Met dit standpunt beschouw ik eveneens de motie van het lid Van den Berg "
        "c.s.3, de aanleiding voor het onderzoek, als uitgevoerd."
    )
    assert "footnotes" not in draft
    assert (
        "tk-2022D17930.excerpt.txt:7: 3 numbers glued to the words before them look like footnote "
        "calls ('bloedvoorziening.1', 'gestuurd.2', 'c.s.3'), but the text holds no footnotes "
        "with their numbers: they are left in the text as digits; add the footnotes from the "
        "publication, or remove the digits"
    ) in notes


def test_a_list_after_a_question_is_a_list(tmp_path: Path) -> None:
    """tweedekamer.nl prints a paragraph that ends in a question ("Maar wat betekent dat?")
    and four items after "•", no blank line between them: the items are a list of their own,
    the first one whole (its second line goes on after a full stop), not glued to the
    paragraph."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2022D28453.excerpt.txt")
    paragraph, listed = draft["sections"][0]["body"]
    assert paragraph.endswith("ook voelbaar zijn in het mbo. Maar wat betekent dat?")
    assert listed["items"][:3] == [
        "Het is zeven uur. De telefoon gaat. Leraar is ziek. Er is geen inval beschikbaar. Er "
        "wordt zorgvuldig gekeken naar oplossingen.",
        "Verdeelschema\u2019s vinden hun weg via het digitale ouderportaal en leerkrachten "
        "passen de eigen dagplanning aan. En dat alles nog voor kwart over acht, de deur van "
        "school gaat immers om tien voor half negen open.",
        "Steeds vaker zijn scholen genoodzaakt om groepen te vragen een dag thuis te blijven.",
    ]
    assert len(listed["items"]) == 4


@pytest.mark.parametrize(
    "items",
    [
        ["1. De aanpak in de opvang", "2. De vreemdelingrechtelijke maatregelen"],
        ["1. De aanpak in de opvang", " " * 18 + "2. De vreemdelingrechtelijke maatregelen"],
        ["1. De aanpak in de opvang;", " " * 15, "2. De vreemdelingrechtelijke maatregelen."],
    ],
)
def test_a_numbered_list_of_topics_is_not_glued_to_the_heading_after_it(
    tmp_path: Path, items: list[str]
) -> None:
    """The letter of tk-2019D16092 (indented lines, a line of spaces after a paragraph, none
    under a heading) with its first paragraph ending in "ga ik in op:" and the topics numbered
    under it, one a line, the heading "Aanleiding" right after them: the topics are a list's
    items, the heading heads its section and the paragraph under it stays whole."""
    text = (IMPORT / "tk-2019D16092.excerpt.txt").read_text(encoding="utf-8")
    listed = text.replace(
        "strafrecht.\n" + " " * 15 + "\n",
        "strafrecht. In deze brief ga ik in op:\n" + " " * 15 + "\n" + "\n".join(items) + "\n",
    )
    assert listed != text
    source = tmp_path / "tk-2019D16092.txt"
    source.write_text(listed, encoding="utf-8")
    draft, _ = imported_draft(tmp_path, source)
    first, second = draft["sections"][:2]
    assert first["body"][0].endswith("strafrecht. In deze brief ga ik in op:")
    assert [item.rstrip(";.") for item in first["body"][1]["items"]] == [
        "1. De aanpak in de opvang",
        "2. De vreemdelingrechtelijke maatregelen",
    ]
    assert second["heading"] == "Aanleiding"
    assert second["body"][0].startswith("Nederland wil een veilig thuis bieden voor diegenen")


def test_a_question_on_a_line_of_its_own_between_a_list_and_a_paragraph_is_a_heading(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl prints the letter's outline as a list, then its first part's heading,
    a question ("Wat is gepast gebruik?"), on a short line above a paragraph: the heading of a
    section, not a paragraph of the introduction."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2020D53238.excerpt.txt")
    first, second = draft["sections"]
    assert first["body"][3]["items"][0] == "Wat is gepast gebruik?"
    assert len(first["body"]) == 4
    assert second["heading"] == "Wat is gepast gebruik?"
    assert second["body"][0].startswith("In de (digitale) spreekkamer4 worden keuzes gemaakt")


def test_a_copy_with_each_paragraph_on_a_line_and_no_blank_lines_keeps_them_apart(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl's page copied as each paragraph on one long line, nothing
    between them: each line is a paragraph, a list's item or a heading; none is joined to the
    next, so the heading "Kennisopbouw ..." heads its section."""
    draft, _ = imported_draft(tmp_path, IMPORT / "kst-31936-1022.excerpt.txt")
    first, second = draft["sections"]
    body = first["body"]
    assert body[0].endswith(
        "waarmee tevens wordt voldaan aan een aantal toezeggingen die aan de Kamer zijn gedaan."
    )
    assert body[1] == "In deze brief komen de volgende onderwerpen aan de orde:"
    assert len(body[2]["items"]) == 7
    assert body[3].endswith("Hieronder wordt de voortgang van enkele van die acties toegelicht.")
    assert second["heading"] == "Kennisopbouw over emissie en effecten van ultrafijn stof"
    assert second["body"][0].startswith("Over de emissie en effecten van ultrafijn stof is")


def test_an_outline_with_lettered_items_and_the_parts_it_lists_keep_their_structure(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl prints the letter's topics as a numbered list with lettered items under
    "1. Regionale luchthavens:", then each part under a line that repeats its topic: the
    lettered lines are the list under that item, not glued to it; "1. Regionale luchthavens"
    after the list heads its part; "a. Rotterdam ..." above its paragraph stays apart from it,
    though its line is as long as a full one."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2023D50068.excerpt.txt")
    first, second = draft["sections"]
    items = first["body"][2]["items"]
    assert items[0]["text"] == "1. Regionale luchthavens:"
    assert items[0]["items"][:2] == [
        "a. Rotterdam The Hague Airport, Maastricht Aachen Airport en Groningen Airport Eelde",
        "b. Eindhoven Airport",
    ]
    assert (
        items[1] == "2. Onderzoek wettelijke verplichting analyse en afweging luchthavenbesluiten"
    )
    assert items[-1] == "8. Green ATM toekenning aan Luchtverkeersleiding Nederland (LVNL)"
    assert second["heading"] == "1. Regionale luchthavens"
    assert second["body"][1:] == [
        "a. Rotterdam The Hague Airport, Maastricht Aachen Airport en Groningen Airport Eelde",
        "Voor de regionale luchthavens RTHA, MAA en GAE is de inzet om per 1 januari 2025 een "
        "luchthavenbesluit vastgesteld te hebben. Zoals in de Kamerbrief van 19",
    ]


def test_a_line_in_brackets_under_a_heading_is_its_sections_first_paragraph(
    tmp_path: Path,
) -> None:
    """A Council's report heads each item with its title and, in brackets, what the Council
    did with it ("(Presentatie door de Commissie en gedachtewisseling)"): the bracketed line
    is the section's first paragraph, not a second heading that leaves the first empty."""
    draft, _ = imported_draft(tmp_path, IMPORT / "kst-21501-32-404.excerpt.txt")
    last = draft["sections"][-1]
    assert last["heading"] == "Vangstmogelijkheden voor 2011"
    assert last["body"][0] == "(Presentatie door de Commissie en gedachtewisseling)"
    assert last["body"][1].startswith("De Raad heeft van gedachten gewisseld over de Mededeling")


def test_an_address_broken_where_the_line_was_full_is_one_address(tmp_path: Path) -> None:
    """A footnote's long address goes on on the next line, broken inside a word of its path
    (".../memorandum-of-unders" over "tanding-iot-e-jsf/mou.pdf"): the footnote holds it
    whole, the link it is, not cut by a space."""
    text = (IMPORT / "kst-26488-72.txt").read_text(encoding="utf-8")
    address = (
        "https://www.defensie.nl/binaries/defensie/documenten/publicaties/2007/01/15/"
        "memorandum-of-understanding-iot-e-jsf/mou.pdf"
    )
    note = "Ter vertrouwelijke inzage gelegd, alleen voor de leden,"
    broken = address.replace("unders", "unders\n", 1)
    source = tmp_path / "letter.txt"
    source.write_text(text.replace(note, f"Zie {broken}; {note}"), encoding="utf-8")
    draft, _ = imported_draft(tmp_path, source)
    (footnote,) = draft["footnotes"].values()
    assert footnote.startswith(f"Zie {address}; Ter vertrouwelijke inzage gelegd")
