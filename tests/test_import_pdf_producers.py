"""``briefing import`` on PDFs that other software than ours made: a ministry's letter from a
word processor (its reference column in a frame beside the text, "Datum" and "Betreft" set
apart from their values by a tab, the return address above the addressee) and letters and a
motion typeset as the official publication prints a Kamerstuk (its head in bold). These PDFs
are LibreOffice's or reportlab's, of a real letter's or motion's text; the others are real
ministries' letters as they published them, made by Word and by Acrobat (see the fixtures'
README)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import cli
from tests.importing import content_copy, imported_draft, motions
from tests.test_import_sources import IMPORT

#: The bundled letter of 7 April 2022, as a word processor lays out a ministry's letter.
WORD_PROCESSOR = IMPORT / "libreoffice-2022-04-07-letter.pdf"
LETTER_2022 = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"


def test_labels_a_tab_sets_apart_from_their_values_give_date_and_subject(
    tmp_path: Path,
) -> None:
    """The word processor sets "Datum" and "Betreft" apart from their values by a tab, the
    reference column in a frame further right: the date and the subject are the letter's."""
    draft, _ = imported_draft(tmp_path, WORD_PROCESSOR, LETTER_2022)
    assert draft["date"] == dt.date(2022, 4, 7)
    assert draft["subject"] == "Opvolging moties en toezeggingen IMVO-beleid"


def test_the_return_address_above_the_addressee_is_not_the_directorate(tmp_path: Path) -> None:
    """The return address, "> Retouradres Postbus 20061", stands small right above "Aan de
    Voorzitter ...": the addressee is the Kamer's, the directorate the column's."""
    draft, _ = imported_draft(tmp_path, WORD_PROCESSOR, LETTER_2022)
    assert draft["addressee"]["lines"] == [
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Prinses Irenestraat 6",
        "Den Haag",
    ]
    assert draft["sender"]["directorate"] == (
        "Directie Internationale Marktordening en Handelspolitiek"
    )
    assert draft["sender"]["postal_address"] == ["Postbus 20061"]


def test_the_column_in_a_frame_keeps_its_references_and_leaves_the_signature(
    tmp_path: Path,
) -> None:
    """The column beside the text gives "Uw referentie" below the salutation's height, and on
    the second page stands beside the signature: the reference is the letter's, the name
    under the signature the minister's, not the directorate's."""
    draft, notes = imported_draft(tmp_path, WORD_PROCESSOR, LETTER_2022)
    assert draft["references"]["ours"] == ["BZDOC-1235421577-13", "STPS5HHCFWEY-7-88383"]
    assert draft["references"]["yours"] == "T/25112021/IMH-3"
    assert draft["signatory"] == {
        "title": "De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,",
        "name": "Liesje Schreinemacher",
    }
    assert "left out after the signature" not in notes


def test_a_bold_heading_hyphenated_over_two_lines_is_one_word(tmp_path: Path) -> None:
    """The word processor hyphenates a heading in bold at its line's end ("be-" / "drijven"):
    the heading reads "bedrijven", as the text does."""
    draft, _ = imported_draft(tmp_path, WORD_PROCESSOR, LETTER_2022)
    assert [s.get("heading") for s in draft["sections"]] == [
        None,
        "Vervolgstappen na afloop looptijd IMVO-convenanten",
        "Technische briefing sectorale samenwerking",
        "Gesprek met financiële instellingen over investeringen in wapen producerende bedrijven",
    ]


def test_words_in_italics_inside_a_line_keep_their_emphasis(tmp_path: Path) -> None:
    """The letter sets the directive's name in italics inside a sentence: the draft has it
    in emphasis, the comma after it not."""
    draft, _ = imported_draft(tmp_path, WORD_PROCESSOR, LETTER_2022)
    text = " ".join(str(block) for block in draft["sections"][2]["body"])
    assert "IMVO (*Corporate Sustainability Due Diligence Directive*, afgekort: CSDDD)" in text


def test_a_kamerstuk_whose_head_is_in_bold_is_read(tmp_path: Path) -> None:
    """The publication prints the chamber, the dossier and "Nr. 66 BRIEF VAN ..." in bold:
    the letter is read as a Kamerstuk, its number, date and dossier's title its own."""
    draft, _ = imported_draft(tmp_path, IMPORT / "libreoffice-kst-31288-66.pdf")
    assert draft["kamerstuk"] == "31 288, nr. 66"
    assert draft["date"] == dt.date(2009, 10, 7)
    assert draft["subject"] == "Hoger Onderwijs-, Onderzoek- en Wetenschapsbeleid"
    assert draft["signatory"]["name"] == "R. H. A. Plasterk"


def test_paragraphs_a_line_long_stay_apart(tmp_path: Path) -> None:
    """Most of the letter's paragraphs are a line long, so most steps from line to line are
    those between paragraphs: each paragraph stays one, and the list after them a list."""
    draft, _ = imported_draft(tmp_path, IMPORT / "libreoffice-kst-31288-66.pdf")
    body = draft["sections"][0]["body"]
    assert [block[:40] if isinstance(block, str) else "list" for block in body] == [
        "Op 18 september jl. heb ik u de concept-",
        "Inmiddels kan ik u ook de samenstelling ",
        "De commissie staat onder voorzitterschap",
        "De overige leden van de commissie zijn:",
        "list",
        "De commissie zal in februari 2010 haar a",
    ]
    assert len(body[4]["items"]) == 5


def test_a_footnote_call_after_a_full_stop_is_glued_to_it(tmp_path: Path) -> None:
    """The call in small type after "betalen.»." stands a little apart from the full stop, as
    its digit is set: it calls footnote 1 right there, with no space before it."""
    draft, _ = imported_draft(tmp_path, IMPORT / "libreoffice-kst-34775-A-62.pdf")
    assert "niemand wil het betalen.».[^nrc] Op 14 maart 2018" in draft["sections"][0]["body"][0]
    assert draft["footnotes"] == {
        "nrc": "NRC, 5 en 7 maart 2018, Aanhangsel Handelingen II 2017/18, nr. 1696.",
        "nrc-2": "NRC, 5 maart 2018.",
    }


def test_a_motion_whose_head_is_in_bold_is_read(tmp_path: Path) -> None:
    """The motion's PDF prints its head in bold ("Nr. 151 MOTIE VAN HET LID HALSEMA C.S."):
    the motion is read, its entry as the text of the motion gives it."""
    content = content_copy(tmp_path / "content")
    run = cli("import", IMPORT / "motions" / "libreoffice-kst-28336-151.pdf", "--content", content)
    assert run.returncode == 0, run.stderr
    assert motions(content)["halsema-28336-151"] == {
        "id": "halsema-28336-151",
        "submitters": ["Halsema", "Jense", "Kant", "Rouvoet", "Dijksma", "Lambrechts"],
        "kamerstuk": "28 336, nr. 151",
        "submitted": dt.date(2002, 6, 27),
        "considerations": [
            "overwegende, dat Kamerleden en fracties optimaal gebruik dienen te kunnen maken van "
            "het parlementaire instrumentarium;",
            "overwegende, dat nu veranderingen in de werkwijze van de Kamer, voorstellen voor "
            "toevoegingen aan de parlementaire agenda en verzoeken om onderzoek kunnen worden "
            "geblokkeerd door een parlementaire meerderheid;",
        ],
        "request": "verzoekt het Presidium te komen met voorstellen voor wijziging van de "
        "werkwijze waardoor minderheidsbesluitvorming ten aanzien van de bovengenoemde "
        "onderwerpen mogelijk wordt",
    }


def test_a_word_hyphenated_where_two_vowels_meet_is_whole(tmp_path: Path) -> None:
    """The word processor hyphenates "Eustatius" between its vowels ("Eustati-" / "us."): the
    word is joined whole, as Dutch writes "i" and "u" together; only vowels that would read as
    one sound ("zee-egel") keep a hyphen where they meet."""
    draft, notes = imported_draft(tmp_path, IMPORT / "libreoffice-kst-31568-100.pdf")
    (paragraph,) = draft["sections"][0]["body"]
    assert "het functioneren van het bestuur op Sint Eustatius. Zijn schrijven" in paragraph
    assert "Eustati-us" not in notes


def test_a_quote_mark_before_a_letter_with_a_descender_stays_on_its_line(tmp_path: Path) -> None:
    """A quote mark's ink stands high above the line, a "g"'s below it ("'grote"): the two
    stand on one baseline all the same, so the quoted words stay in their sentence."""
    draft, _ = imported_draft(tmp_path, IMPORT / "libreoffice-2018-11-13-letter.pdf")
    (paragraph,) = draft["sections"][2]["body"]
    assert "activiteiten. Onder 'grote bedrijven' vallen bedrijven met meer dan 500" in paragraph


def test_a_paragraph_a_page_break_cuts_before_a_capital_is_one(tmp_path: Path) -> None:
    """The page ends on a full line, "... op het gebied van", and the next page, after its
    header, goes on "IMVO binnen de EU.": the two lines are no heading but one paragraph."""
    draft, _ = imported_draft(tmp_path, IMPORT / "libreoffice-2018-11-13-letter.pdf")
    assert [s.get("heading") for s in draft["sections"]] == [
        None,
        "Inzet extra financiële middelen BHOS-nota",
        "Indicator 90 procent",
        "Ontwikkelingen Europa",
    ]
    assert any(
        "verdere stappen op het gebied van IMVO binnen de EU. Tevens" in paragraph
        for paragraph in draft["sections"][3]["body"]
    )


def test_digits_set_close_in_a_serif_font_stay_one_number(tmp_path: Path) -> None:
    """Another producer (reportlab, in Times) sets the footer's code "kst-21501-33-1129":
    the ink of two "1"s stands as far apart as two words do, yet the code is one, the page's
    furniture, and nothing of it ("129") is left in the annex after the signatures."""
    draft, _ = imported_draft(tmp_path, IMPORT / "reportlab-kst-21501-33-1129.pdf")
    assert draft["kamerstuk"] == "21 501-33, nr. 1129"
    (section,) = draft["annex"]
    assert len(section["body"]) == 2
    assert "129" not in section["body"]


#: A real letter as its ministry published it: the PDF Microsoft Word made.
REAL_WORD = IMPORT / "word-2023-02-03-letter.pdf"


def test_a_real_ministrys_letterhead_gives_its_sender_and_addressee(tmp_path: Path) -> None:
    """The ministry's name in the wordmark over three lines, the addressee's block with the
    Kamer's own postbus ("De voorzitter van de Tweede Kamer", its V small), and no
    directorate in the column: each field gets what the letterhead gives, and only that."""
    draft, notes = imported_draft(tmp_path, REAL_WORD)
    assert draft["sender"]["ministry"] == "Ministerie van Infrastructuur en Waterstaat"
    assert draft["sender"]["directorate"] == "onbekend"  # the letterhead gives none
    assert draft["sender"]["postal_address"] == ["Postbus 20901", "2500 EX Den Haag"]
    assert draft["addressee"]["lines"] == [
        "De voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Postbus 20018",
        "2500 EA DEN HAAG",
    ]
    assert draft["references"]["ours"] == ["IENW/BSK-2023/33017"]
    assert (draft["date"], draft["signatory"]["name"]) == (
        dt.date(2023, 2, 3),
        "drs. V.L.W.A. Heijnen",
    )
    assert "the letterhead gives no directorate" in notes


def test_a_small_digit_on_the_line_is_the_words_not_a_footnote_call(tmp_path: Path) -> None:
    """Word sets the 2 of "CO2" smaller, on the line; a footnote's call it raises. The 2
    stays in the word, and the calls are the letter's six footnotes (two in its annex),
    each called once."""
    draft, notes = imported_draft(tmp_path, REAL_WORD)
    sections = [*draft["sections"], *draft.get("annex", [])]
    text = yaml.safe_dump(sections, allow_unicode=True, width=10_000)
    assert text.count("CO2-") == 3 and " CO-" not in text and "CO<sup>" not in text
    assert len(draft["footnotes"]) == 6
    assert [len(re.findall(rf"\[\^{key}\]", text)) for key in draft["footnotes"]] == [1] * 6
    assert "called a second time" not in notes


def test_the_bullets_word_sets_in_its_symbol_font_make_a_list(tmp_path: Path) -> None:
    """Word sets a list's bullets in its Symbol font, a character of the font's own (U+F0B7)
    apart from the item's text: the annex's ten measures are a list, not a table's cells
    with a character no font of ours has."""
    draft, notes = imported_draft(tmp_path, REAL_WORD)
    (annex,) = draft["annex"]
    (listed,) = [part["items"] for part in annex["body"] if isinstance(part, dict)]
    assert len(listed) == 10
    assert listed[1] == "Opschalingsregeling Circulaire Economie (volgens systematiek SDE++);"
    assert "\uf0b7" not in yaml.safe_dump(draft, allow_unicode=True) and "table" not in notes


#: A real letter as its ministry published it: the PDF Acrobat's PDFMaker made of Word's.
REAL_ACROBAT = IMPORT / "acrobat-2023-05-30-letter.pdf"


def test_a_pdf_that_scales_its_type_reads_as_one_that_sizes_it(tmp_path: Path) -> None:
    """Acrobat writes every font at size 1 and scales the text to its size: the lines are
    the letter's lines, its paragraphs paragraphs, its column the reference column (its
    address labels no directorate), and the signature that gives the name above the post
    ("M.A.M. Adriaansens" over "Minister van Economische Zaken en Klimaat") is read."""
    draft, notes = imported_draft(tmp_path, REAL_ACROBAT)
    sender = draft["sender"]
    assert sender["ministry"] == "Ministerie van Economische Zaken en Klimaat"
    assert sender["directorate"] == "Directoraat-generaal Bedrijfsleven & Innovatie"
    assert (sender["visiting_address"], sender["postal_address"]) == (
        ["Bezuidenhoutseweg 73", "2594 AC Den Haag"],
        ["Postbus 20401", "2500 EK Den Haag"],
    )
    assert draft["addressee"]["lines"] == [
        "De Voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Prinses Irenestraat 6",
        "2595 BD DEN HAAG",
    ]
    assert draft["references"]["ours"] == ["DGBI \u2013 I&K/ 26844711"]
    assert draft["signatory"] == {
        "title": "De Minister van Economische Zaken en Klimaat,",
        "name": "M.A.M. Adriaansens",
    }
    first = draft["sections"][0]["body"][0]
    assert first.startswith("We staan voor grote maatschappelijke uitdagingen. De omslag")
    assert first.endswith("periode 2024-2027, dat eind dit jaar gepresenteerd zal worden.")
    text = yaml.safe_dump(draft["sections"], allow_unicode=True, width=10_000)
    assert "kenmerk" not in text and "found no signature" not in notes
    # words in italics in brackets keep their closing star; it is no older paper's call "*)"
    assert "(*one health*)" in text and "footnote * is called" not in notes


def test_the_reference_column_on_later_pages_stays_out_of_the_text(tmp_path: Path) -> None:
    """Later pages print the column's reference ("DGBI / 26844711", shorter than the first
    page's) in smaller type level with a line of the text, a few points right of its end:
    it is the column's, not a word of that line, and the same reference as the first page's."""
    draft, _ = imported_draft(tmp_path, REAL_ACROBAT)
    text = yaml.safe_dump(draft, allow_unicode=True, width=10_000)
    assert "26844711" not in text.replace(draft["references"]["ours"][0], "")
    assert draft["references"]["ours"] == ["DGBI \u2013 I&K/ 26844711"]
    assert "geven nadere richting aan de inzet op de missies." in text
    assert "zonder de voedselvoorziening in gevaar te brengen" in text


#: Four pages of a real letter as its ministry published it (Word), copied unchanged.
REAL_WORD_EXCERPT = IMPORT / "word-2022-11-25-letter-excerpt.pdf"


def test_a_footnotes_number_alone_on_its_line_is_its_call(tmp_path: Path) -> None:
    """Footnote 21's number stands alone on its line, above its address: it is that
    footnote's, not a part of footnote 20's address ("https://www.klimaatakkoord.nl/21")
    with footnote 21 lost. An address broken over three lines, the last one "ning" alone,
    is one address."""
    draft, notes = imported_draft(tmp_path, REAL_WORD_EXCERPT)
    footnotes = draft["footnotes"]
    assert footnotes["klimaatakkoord"] == "https://www.klimaatakkoord.nl/"
    assert footnotes["hdsr-eindrapportage"].startswith("https://www.hdsr.nl/publish/pages/")
    assert "maaiveld[^hdsr-eindrapportage]. Een peil" in yaml.safe_dump(
        draft["sections"], allow_unicode=True, width=10_000
    )
    assert footnotes["noord-holland-omgevingsverordening"] == (
        "https://www.noord-holland.nl/Onderwerpen/Ruimtelijke_inrichting/Projecten/"
        "Omgevingswet/Omgevingsverordening"
    )
    assert "not found" not in notes


def test_an_address_broken_inside_a_querys_figures_is_one_address(tmp_path: Path) -> None:
    """The motion's address breaks inside its document number ("did=2022D222" over
    "49; hieruit: ..."): the number is whole, and the text goes on after it."""
    draft, _ = imported_draft(tmp_path, REAL_WORD)
    assert draft["footnotes"]["tweedekamer-detail"].startswith(
        "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845&did=2022D22249;"
        " hieruit: \u2018verzoekt de regering"
    )


#: Two pages of a real letter as its ministry published it (Word), copied unchanged.
REAL_FIGURE_EXCERPT = IMPORT / "word-2022-12-22-letter-excerpt.pdf"


def test_a_figures_labels_are_left_out_of_the_text_with_a_note(tmp_path: Path) -> None:
    """The second page draws an organogram whose boxes hold 30 short lines in small type,
    side by side. They made 15 list items of the letter ("Leden: deskundigen uit de Leden:
    idem") and broke the paragraphs and the heading around them; they are left out, and a
    note says on which page the figure is and quotes its first labels."""
    draft, notes = imported_draft(tmp_path, REAL_FIGURE_EXCERPT)
    (note,) = [line for line in notes.splitlines() if "figure" in line]
    assert note.startswith(
        f"{REAL_FIGURE_EXCERPT}, page 2: the page has a figure (its 30 labels in small type: "
        "'Begeleidingscommissie met', 'onafhankelijk voorzitter (Dhr. W.', 'Informeren/', "
        "'Coördinatiegroep', ...)"
    )
    text = yaml.safe_dump(draft, allow_unicode=True, width=10_000)
    assert "Leden: idem" not in text and "Bijsturen" not in text
    heading = "1.2 Blootstelling van platformmedewerkers aan ultrafijn stof en andere stoffen"
    assert f"heading: {heading}\n" in text
    assert (
        "taskforce. Inmiddels is deze sectorbrede taskforce Stoffen volop actief en kent "
        "meerdere onderdelen (zie figuur 1). De taskforce richt zich niet alleen op ultrafijn "
        "stof, maar ook op andere stoffen afkomstig van vliegtuigmotoren."
    ) in text


def test_an_annex_titled_bijlage_keeps_its_title(tmp_path: Path) -> None:
    """The annex after the signature is titled "Bijlage: Mogelijke aanvullende maatregelen op
    het NPCE": a title, not the reference column's label "Bijlage(n)" repeated on a later
    page, which is left out."""
    draft, _ = imported_draft(tmp_path, REAL_WORD)
    (annex,) = draft["annex"]
    assert annex["heading"] == "Bijlage: Mogelijke aanvullende maatregelen op het NPCE"
    assert annex["body"][0].startswith("In het Nationaal Programma Circulaire Economie")


def test_headings_numbered_by_parts_nest_by_their_numbers(tmp_path: Path) -> None:
    """The letter numbers its headings "1." and "1.1", "1.2", in bold, with plain headings
    under them: "1.1" and "1.2" are sections of "1.", and the plain headings sections of the
    numbered one before them. The figure's caption, in italics between two paragraphs, is no
    heading: it stays the paragraph it is, in emphasis."""
    draft, notes = imported_draft(tmp_path, REAL_FIGURE_EXCERPT)

    def tree(sections: list[dict[str, Any]]) -> list[Any]:
        return [(s.get("heading"), tree(s.get("sections", []))) for s in sections]

    assert tree(draft["sections"])[1:] == [
        (
            "1. Ultrafijn stof",
            [
                (
                    "1.1 Blootstelling van de omgeving van luchthavens aan ultrafijn stof van "
                    "de luchtvaart",
                    [
                        ("Kennisopbouw over emissie en effecten van ultrafijn stof", []),
                        ("Cumulatie", []),
                    ],
                ),
                (
                    "1.2 Blootstelling van platformmedewerkers aan ultrafijn stof en andere "
                    "stoffen",
                    [("Gecoördineerde aanpak door de sector", [])],
                ),
            ],
        )
    ]
    assert "nested by their numbers ('1.2' under '1.')" in notes
    (aanpak,) = draft["sections"][1]["sections"][1]["sections"]
    assert "*Figuur 1. Organogram taskforce Stoffen*" in aanpak["body"]


def test_a_heading_in_italics_ending_in_a_colon_is_a_heading_without_its_stars(
    tmp_path: Path,
) -> None:
    """ "Energietransitie:" in italics heads the first of the missions, as "Circulaire
    Economie" in italics heads the next: both are sections of "Herijking missies", in bold,
    and no heading keeps the stars of its emphasis ("*Energietransitie:*"); the note on the
    headings says they were nested so."""
    draft, notes = imported_draft(tmp_path, REAL_ACROBAT)
    (herijking,) = [s for s in draft["sections"] if s.get("heading") == "Herijking missies"]
    assert [s["heading"] for s in herijking["sections"]] == [
        "Energietransitie:",
        "Circulaire Economie",
        "Gezondheid en zorg",
        "Landbouw, Water en Voedsel",
        "Veiligheid",
    ]
    assert "heading: '*" not in yaml.safe_dump(draft, allow_unicode=True)
    assert (
        f"{REAL_ACROBAT}, page 1: the text has no heading markup; 9 short lines between "
        "paragraphs were taken for headings, nested by their type (those in italics under the "
        "bold or plain one before them): check them and their levels\n"
    ) in notes


def test_a_space_the_pdf_leaves_out_in_a_justified_line_is_read(tmp_path: Path) -> None:
    """Word sets some words of a justified line apart without a space character, the gap
    narrower than the other lines' spaces ("CO2-uitstoot" and "van", "watersysteem," and
    "om"): wider than half a space of the line's type, it is a word's space."""
    draft, _ = imported_draft(tmp_path, REAL_WORD_EXCERPT)
    text = " ".join(yaml.safe_dump(draft["sections"], allow_unicode=True, width=10_000).split())
    assert "een reductie van de CO2-uitstoot van 1 Mton CO2-eq in 2030" in text
    assert "de mogelijkheden van het nationaal watersysteem, om het bodem- en watersysteem" in text


def test_notes_and_the_drafts_evidence_name_a_pdfs_pages(tmp_path: Path) -> None:
    """A PDF has pages, not lines: each note names the page it is about ("..., page 4:
    'Hoogachtend,' left out"), and so does the draft where it quotes a sentence for a
    proposal ("# from page 2: ..."), never a line of the text read from it."""
    content = content_copy(tmp_path / "content")
    run = cli("import", REAL_WORD_EXCERPT, "--content", content)
    assert run.returncode == 0, run.stderr
    notes = run.stderr.splitlines()
    closing = "'Hoogachtend,' left out: the letter template has no closing formula"
    assert f"{REAL_WORD_EXCERPT}, page 4: {closing}" in notes
    assert all(note.startswith(f"{REAL_WORD_EXCERPT}, page ") for note in notes)
    draft = Path(run.stdout.removeprefix("wrote ").strip()).read_text(encoding="utf-8")
    assert '# from page 2: "In aanvulling op structurerende keuze 18' in draft
    assert "from line" not in draft


def test_numbered_lead_ins_to_lists_are_alike_whether_or_not_they_end_in_a_colon(
    tmp_path: Path,
) -> None:
    """Under "Maatregelen" the letter numbers four lead-ins to lists, "1: Vermindering gebruik
    grondstoffen:", "2: Substitutie", "3: Levensduurverlenging:", "4: Hoogwaardige
    verwerking": the two without a colon are lead-ins as the others are, not headings that
    cut the section in three."""
    draft, notes = imported_draft(tmp_path, REAL_WORD)
    headings = [s.get("heading") for s in draft["sections"]]
    assert "2: Substitutie" not in headings and "4: Hoogwaardige verwerking" not in headings
    (maatregelen,) = [s for s in draft["sections"] if s.get("heading") == "Maatregelen"]
    lead_ins = [b for b in maatregelen["body"] if isinstance(b, str) and re.match(r"\d: ", b)]
    assert lead_ins == [
        "1: Vermindering gebruik grondstoffen:",
        "2: Substitutie",
        "3: Levensduurverlenging:",
        "4: Hoogwaardige verwerking",
    ]
    assert "9 short lines between paragraphs were taken for headings" in notes


def test_headings_numbered_with_a_colon_stay_headings_beside_a_series_of_lead_ins(
    tmp_path: Path,
) -> None:
    """A letter (made up, in a ministry's layout) numbers its headings "1: Aanleiding", "2:
    Maatregelen", and under the second a series of lead-ins to lists, "1: Minder
    grondstoffen:", "2: Langer gebruik": the lead-ins are one series, the headings another,
    which has no lead-in ending in a colon, so they stay the letter's headings."""
    source = tmp_path / "brief.txt"
    source.write_text(
        "Ministerie van Infrastructuur en Waterstaat\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n"
        "2500 EA Den Haag\n\nDatum 3 februari 2025\nBetreft Voortgang circulaire economie\n\n"
        "Geachte voorzitter,\n\n"
        "Met deze brief informeer ik u over de voortgang van de circulaire economie.\n\n"
        "1: Aanleiding\n\n"
        "Het kabinet wil het gebruik van grondstoffen in 2030 halveren.\n\n"
        "2: Maatregelen\n\n"
        "Het kabinet neemt maatregelen langs twee lijnen.\n\n"
        "1: Minder grondstoffen:\n\n"
        "• minder verpakkingen;\n• minder wegwerpartikelen.\n\n"
        "2: Langer gebruik\n\n"
        "• reparatie van apparaten;\n• hergebruik van meubels.\n\n"
        "Over de uitvoering informeer ik u voor de zomer.\n\n"
        "De Staatssecretaris van Infrastructuur en Waterstaat,\n\nV.L.W.A. Jansen\n",
        encoding="utf-8",
    )
    draft, _ = imported_draft(tmp_path, source)
    sections = {s.get("heading"): s for s in draft["sections"]}
    assert list(sections) == [None, "1: Aanleiding", "2: Maatregelen"]
    lead_ins = [b for b in sections["2: Maatregelen"]["body"] if isinstance(b, str)]
    assert lead_ins[1:3] == ["1: Minder grondstoffen:", "2: Langer gebruik"]
