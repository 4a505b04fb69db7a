"""``briefing import`` on the text of a letter's PDF as poppler's ``pdftotext`` gives it: without
options, in reading order (the letterhead's labels printed apart from their values, a list's
bullets on lines of their own), and with ``-layout`` (the reference column beside the text).
The draft's head, lists and footnotes are those the PDF itself gives, also for a real
ministry's letter whose font the conversion spaces ("P agina 1 van 7")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.importing import imported_draft
from tests.test_import_pdf_producers import LETTER_2022, REAL_WORD
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
    such a long run, a short line that ends a sentence ends its paragraph, and so does a
    full one that a heading follows (a short line that ends no sentence before a paragraph:
    "Actief tegengaan misstanden op de werkvloer"), as the PDF prints them. (A paragraph
    whose last line is full cannot be told from the next; the text gives no sign of its
    end.)"""
    text = "2022-04-07-letter.pdftotext.txt"
    draft, _ = imported_draft(tmp_path / "text", IMPORT / text, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / CONVERTED[text], LETTER_2022)
    headings = [section["heading"] for section in draft["sections"][1:]]
    assert headings == [
        "Vervolgstappen na afloop looptijd IMVO-convenanten",
        "Technische briefing sectorale samenwerking",
        "Gesprek met financiële instellingen over investeringen in wapen producerende bedrijven",
        "Vervolgaanpak misstanden tomatensector",
        "Actief tegengaan misstanden op de werkvloer",
    ]
    assert set(headings) < {section["heading"] for section in from_pdf["sections"][1:]}
    assert draft["sections"][1]["body"][0].startswith("Tijdens de begrotingsbehandeling")
    assert draft["sections"][0]["body"][-1].endswith("tegengaan van misstanden op de werkvloer.")
    assert draft["sections"][5]["body"][0].startswith("Uw Kamer heeft op 14 april 2018")


def _bodies(sections: list[dict[str, Any]]) -> list[str]:
    """The text of every part of ``sections``' bodies and of the sections under them."""
    found: list[str] = []
    for section in sections:
        found += [str(part) for part in section.get("body", [])]
        found += _bodies(section.get("sections", []))
    return found


def _letter(folder: Path, date: str, subject: str, lines: list[str]) -> Path:
    """A letter of Infrastructuur en Waterstaat whose body is ``lines``, as a PDF's text gives
    them, in a head and a signature made up, as ``folder / "brief.txt"``."""
    source = folder / "brief.txt"
    source.write_text(
        "Ministerie van Infrastructuur en Waterstaat\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n"
        f"2500 EA Den Haag\n\nDatum {date}\nBetreft {subject}\n\nGeachte voorzitter,\n\n"
        + "\n".join(lines)
        + "\nDe Minister van Infrastructuur en Waterstaat,\n\nM.G.J. Harbers\n",
        encoding="utf-8",
    )
    return source


def _water_page(tmp_path: Path, page: list[str]) -> dict[str, Any]:
    """The draft of the water letter of 25 November 2022 whose body is ``page``, a page of it as
    its PDF's text gives it, in a head and a signature made up."""
    source = _letter(tmp_path, "25 november 2022", "Water en Bodem sturend", page)
    return imported_draft(tmp_path / "content", source)[0]


def _calls(draft: dict[str, Any]) -> dict[str, str]:
    """Each footnote's text, by the words before its call in the draft's body."""
    body = " ".join(_bodies([*draft["sections"], *draft.get("annex", [])]))
    return {
        " ".join(body.split(f"[^{key}]")[0].split()[-3:]): text
        for key, text in draft.get("footnotes", {}).items()
    }


def test_the_footnote_at_a_pages_foot_is_the_letters(tmp_path: Path) -> None:
    """Page 3 ends with "1 https://www.cbl.nl/..." above "Pagina 3 van 4", and the text calls
    it "gepresenteerd.1": the draft has the footnote, called where the PDF calls it."""
    text = "2022-04-07-letter.pdftotext.txt"
    draft, notes = imported_draft(tmp_path / "text", IMPORT / text, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / CONVERTED[text], LETTER_2022)
    assert list(_calls(draft)) == list(_calls(from_pdf)) == ["zijn leden gepresenteerd."]
    # the conversion joins the address broken after "-de-" as a word ("deimpact")
    (text,), (printed,) = _calls(draft).values(), _calls(from_pdf).values()
    assert text == printed.replace("-de-impact", "-deimpact")
    assert "footnote" not in notes


def test_the_column_beside_a_laid_out_text_is_the_letterhead(tmp_path: Path) -> None:
    """``pdftotext -layout`` sets the reference column beside the address and the text, on
    the same lines: the draft's head is the PDF's (the reference "T/25112021/IMH-3" beside
    "Betreft" is not in the subject), the column is in no paragraph, the footnote is there."""
    layout = IMPORT / "2022-04-07-letter.layout.txt"
    draft, _ = imported_draft(tmp_path / "text", layout, LETTER_2022)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "2022-04-07-letter.pdf", LETTER_2022)
    assert _head(draft) == _head(from_pdf)
    assert draft["subject"] == "Opvolging moties en toezeggingen IMVO-beleid"
    assert list(_calls(draft)) == list(_calls(from_pdf)) == ["zijn leden gepresenteerd."]
    body = str(draft["sections"])
    assert "Onze referentie" not in body and "BZDOC" not in body and "Pagina" not in body


@pytest.mark.parametrize("kind", ["pdftotext", "layout"])
def test_a_real_letters_text_keeps_its_footnotes_and_loses_its_page_numbers(
    tmp_path: Path, kind: str
) -> None:
    """The real letter of 3 February 2023, converted in reading order and laid out: its
    font's letters set apart give "P agina 2 van 7" at each page's foot, "Inf rastructuur",
    "2 5 15 XP D en Haag", "I E NW/BSK-2023/33017" and "die a ls bijlage", its footnotes'
    numbers stand on lines of their own, its calls after a space ("grondstoffen 1."). The
    head is the PDF's; no page number is left in the text, and the spaced words are whole
    again; the footnotes are the PDF's, all six called after the same words (in reading
    order, page 7 gives footnote 5's text first, then footnote 6's number and text, then "5"),
    and a note asks to check the calls."""
    draft, notes = imported_draft(tmp_path / "text", IMPORT / f"word-2023-02-03-letter.{kind}.txt")
    from_pdf, _ = imported_draft(tmp_path / "pdf", REAL_WORD)
    assert _head(draft) == _head(from_pdf)
    assert draft["sender"]["ministry"] == "Ministerie van Infrastructuur en Waterstaat"
    assert draft["references"]["ours"] == ["IENW/BSK-2023/33017"]
    assert "agina" not in str(draft) and " a ls " not in str(draft)
    assert "gedragsstrategie, die als bijlage is toegevoegd." in str(draft)
    found, expected = _calls(draft), _calls(from_pdf)
    assert len(expected) == 6
    assert found.items() <= expected.items()
    assert len(found) == 6
    assert (
        ": the calls of 2 footnotes stood apart from the words before them, as a conversion may "
        "set a raised number ('voor onze grondstoffen 1. Versnellen'); taken as calls: check "
        "them against the PDF"
    ) in notes


def test_two_words_whose_joining_is_a_word_stay_two(tmp_path: Path) -> None:
    """A letter (made up) that writes "aan bod", "mens en dier" and "er op" beside "aanbod",
    "mensen" and "erop" keeps each as it is written; only "w ater", whose "w" is no word, is
    joined, as the conversion of a PDF spaces it."""
    source = tmp_path / "brief.txt"
    source.write_text(
        "Ministerie van Infrastructuur en Waterstaat\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n"
        "2500 EA Den Haag\n\nDatum 3 februari 2025\nBetreft Voortgang waterbeleid\n\n"
        "Geachte voorzitter,\n\n"
        "In deze brief komen drie onderwerpen aan bod. Het aanbod van zoet water is beperkt.\n\n"
        "De gezondheid van mens en dier staat voorop. Meer mensen letten er op, en wij "
        "letten erop dat het w ater schoon blijft.\n\n"
        "De Staatssecretaris van Infrastructuur en Waterstaat,\n\nV.L.W.A. Jansen\n",
        encoding="utf-8",
    )
    draft, _ = imported_draft(tmp_path, source)
    body = " ".join(str(part) for part in draft["sections"][0]["body"])
    assert "komen drie onderwerpen aan bod." in body and "Het aanbod van zoet water" in body
    assert "van mens en dier" in body and "letten er op, en wij letten erop dat het water" in body


def test_a_page_number_between_the_signatures_lines_is_no_name(tmp_path: Path) -> None:
    """The signature's title ends page 1 and its name ("onbekend", as the letter's draft left
    it) starts page 2: "Pagina 1 van 2" stands between them in the text, and is not taken for
    the name."""
    text = IMPORT / "libreoffice-2019-10-10-letter.pdftotext.txt"
    draft, _ = imported_draft(tmp_path, text)
    assert draft["signatory"] == {
        "title": "De Minister van Buitenlandse Zaken,",
        "name": "onbekend",
    }
    assert "Pagina" not in str(draft)


def test_a_number_in_a_sentence_is_no_footnotes_call(tmp_path: Path) -> None:
    """Page 22 of the real water letter, laid out, calls footnote 20 after a space
    ("conform het Klimaatakkoord 20 en op") and also says "tussen de 20 tot 40 cm" and
    "van 40 naar 20 cm" further down: the call is the first, as the PDF's import has it, and
    the numbers of the sentences stay as they are."""
    excerpt = IMPORT / "word-2022-11-25-letter-excerpt"
    draft, _ = imported_draft(tmp_path / "text", excerpt.with_suffix(".layout.txt"))
    from_pdf, _ = imported_draft(tmp_path / "pdf", excerpt.with_suffix(".pdf"))
    text = " ".join(str(draft["sections"]).split())
    assert "conform het Klimaatakkoord[^klimaatakkoord] en op minimalisatie" in text
    assert "tussen de 20 tot 40 cm onder" in text and "van 40 naar 20 cm onder" in text
    assert draft["footnotes"] == from_pdf["footnotes"]


def _paragraphs(sections: list[dict[str, Any]]) -> list[str]:
    """Every paragraph of ``sections`` and of the sections under them, in order."""
    found: list[str] = []
    for section in sections:
        body = section.get("body", [])
        found += [" ".join(part.split()) for part in body if isinstance(part, str)]
        found += _paragraphs(section.get("sections", []))
    return found


@pytest.mark.parametrize(
    "source",
    ["word-2023-02-03-letter.pdftotext.txt", "word-2023-02-03-letter.layout.txt"],
)
def test_numbered_paragraphs_without_a_blank_line_between_stay_apart(
    tmp_path: Path, source: str
) -> None:
    """The real letter of 3 February 2023 gives four recommendations, each a numbered paragraph
    ("2. Ontwikkel een coherent pakket ...") right under the paragraph before, with no blank
    line between: each starts a paragraph of its own, as in the PDF's import, and no paragraph
    ends with the next one's number ("... te maken. 3.")."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", REAL_WORD)
    numbered = [p for p in _paragraphs(draft["sections"]) if p[:2] in ("2.", "3.", "4.")]
    assert [p[:30] for p in numbered] == [
        "2. Ontwikkel een coherent pakk",
        "3. Versterk de governance incl",
        "4. Zet in op een kabinetsbrede",
    ]
    assert set(numbered) <= set(_paragraphs(from_pdf["sections"]))
    assert not any(p.endswith((" 2.", " 3.", " 4.")) for p in _paragraphs(draft["sections"]))


@pytest.mark.parametrize(
    "source",
    ["word-2023-02-03-letter.pdftotext.txt", "word-2023-02-03-letter.layout.txt"],
)
def test_a_heading_in_a_short_run_of_a_pdfs_text_heads_its_section(
    tmp_path: Path, source: str
) -> None:
    """The real letter of 3 February 2023 parts its page's blocks by blank lines, not its
    paragraphs: some runs between blank lines are long. In a short run too, a short line that
    ends a sentence ends its paragraph, and the short line after it that ends none ("Het
    Nationaal Programma Circulaire Economie 2023-2030 (NPCE)") heads a section, as in the
    PDF's import; before, both ran into the paragraph around them."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", REAL_WORD)
    heading = "Het Nationaal Programma Circulaire Economie 2023-2030 (NPCE)"
    headings = [section.get("heading") for section in draft["sections"]]
    assert heading in headings
    assert heading in [section.get("heading") for section in from_pdf["sections"]]
    before = draft["sections"][headings.index(heading) - 1]["body"]
    assert before[-1].endswith("om de doelen daadwerkelijk te realiseren.")
    after = draft["sections"][headings.index(heading)]["body"]
    assert after[0].startswith("In het NPCE zijn concrete doelen voor geselecteerde")
    assert not any(heading in part for part in _bodies(draft["sections"]))


def test_numbered_choices_in_a_pdf_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    """Page 22 of the real water letter sets its numbered choices ("26. We minimaliseren de
    aanvoer van gebiedsvreemd water.") under the one before without space between: each is a
    paragraph of its own, as the letter prints it."""
    draft, _ = imported_draft(tmp_path, IMPORT / "word-2022-11-25-letter-excerpt.pdf")
    paragraphs = _paragraphs(draft["sections"])
    starts = [p.split(" ")[0] for p in paragraphs if p[:2].isdigit()]
    assert starts == ["25.", "26.", "27."]
    assert not any(p.endswith((" 26.", " 27.")) for p in paragraphs)


def _emissions_sections(tmp_path: Path, run: list[str]) -> dict[str, list[str]]:
    """The paragraphs of each section of the emissions letter whose body is ``run`` after an
    opening paragraph, by heading (the opening's section by ""), its head made up."""
    opening = "Hierbij informeer ik uw Kamer over de emissies van de luchtvaart.\n"
    source = _letter(tmp_path, "22 december 2022", "Emissies luchtvaart", [opening, *run, ""])
    draft, _ = imported_draft(tmp_path / "content", source)
    return {s.get("heading", ""): _paragraphs([s]) for s in draft["sections"]}


def test_a_numbered_heading_in_a_run_of_lines_heads_its_section(tmp_path: Path) -> None:
    """The real emissions letter of 22 December 2022 in reading order (an excerpt, its head
    and opening made up): "2. Ontzwavelen van kerosine" stands between the sentence that ends
    part 1 and the first line of part 2, with no blank line around it. It heads its section,
    and neither paragraph takes it in."""
    run = [
        "1. Ultrafijn stof",
        "Onder het vorige kopje is beschreven hoe de sector bezig is met het verminderen",
        "van de blootstelling van medewerkers aan ultrafijn stof. De Nederlandse",
        "arbeidsinspectie voert een onderzoek uit naar de arbeidsomstandigheden op de",
        "platforms. De verwachting is dat de inspectie begin 2023 zal rapporteren.",
        "2. Ontzwavelen van kerosine",
        "Fossiele kerosine bevat onder meer zwavel. Die zwavel is een belangrijke bron van",
        "het ontstaan van ultrafijn stof bij de verbranding van de kerosine. Ontzwavelen",
        "van kerosine zou daarom de emissie van ultrafijn stof kunnen verminderen.",
        "Partijen gaven aan ontzwaveling te zien als kortetermijnoplossing totdat duurzame",
        "brandstoffen op grote schaal beschikbaar komen, maar vragen aandacht voor de",
        "additionele kosten die ontzwaveling met zich meebrengt. De duurzame brandstoffen",
        "bevatten doorgaans geen zwavel en weinig aromatische koolwaterstoffen.",
    ]
    sections = _emissions_sections(tmp_path, run)
    assert list(sections) == ["", "1. Ultrafijn stof", "2. Ontzwavelen van kerosine"]
    assert sections["1. Ultrafijn stof"][-1].endswith("begin 2023 zal rapporteren.")
    assert sections["2. Ontzwavelen van kerosine"][0].startswith("Fossiele kerosine bevat")


def _headings(sections: list[dict[str, Any]], depth: int = 0) -> list[tuple[int, str]]:
    """Every heading of ``sections`` and of the sections under them, with its depth."""
    found: list[tuple[int, str]] = []
    for section in sections:
        if section.get("heading"):
            found.append((depth, " ".join(section["heading"].split())))
        found += _headings(section.get("sections", []), depth + 1)
    return found


def test_a_headings_number_on_a_line_of_its_own_heads_its_title(tmp_path: Path) -> None:
    """In reading order, the real emissions letter sets its parts' numbers apart: "1.1" on a
    line of its own over its title, "1.2" at the end of the paragraph before it, its title
    after the page break's reference column; the list of the letter's parts runs on into the
    first part's heading, "1. Ultrafijn stof". Each number heads its title, nested under "1."
    as in the PDF's import; before, "1.1" was a heading without a title and "1.2" ended a
    paragraph."""
    text = IMPORT / "word-2022-12-22-letter-excerpt.pdftotext.txt"
    draft, _ = imported_draft(tmp_path / "text", text)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "word-2022-12-22-letter-excerpt.pdf")
    headings = _headings(draft["sections"])
    assert headings == _headings(from_pdf["sections"])
    assert headings[:2] == [
        (0, "1. Ultrafijn stof"),
        (
            1,
            "1.1 Blootstelling van de omgeving van luchthavens aan ultrafijn stof van de "
            "luchtvaart",
        ),
    ]
    part = "1.2 Blootstelling van platformmedewerkers aan ultrafijn stof en andere stoffen"
    assert (1, part) in headings
    assert (2, "Cumulatie") in headings
    paragraphs = _paragraphs(draft["sections"])
    assert not any(p.endswith(("1.2", "1.1")) for p in paragraphs)
    items = [
        str(item)
        for part in draft["sections"][0]["body"]
        if isinstance(part, dict)
        for item in part["items"]
    ]
    assert items[-1] == "7. Bestuursovereenkomst intenties samenwerking NOVEX Schiphol."


@pytest.mark.parametrize(
    "source",
    ["word-2022-11-25-letter-excerpt.pdftotext.txt", "word-2022-11-25-letter-excerpt.layout.txt"],
)
def test_headings_right_under_one_another_each_head_a_section(tmp_path: Path, source: str) -> None:
    """The real water letter sets a part's heading, its subheading and the one under that
    right under one another, with no blank line between ("3.2 Verziltende kustgebieden",
    "Problematiek", "Stijgende zeespiegel, lagere rivierafvoeren en bodemdaling", then the
    text). Each heads a section, as in the PDF's import, and the first paragraph starts with
    the text; before, the paragraph started with the headings after the first."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "word-2022-11-25-letter-excerpt.pdf")
    headings = [heading for _, heading in _headings(draft["sections"])]
    chain = ["Problematiek", "Stijgende zeespiegel, lagere rivierafvoeren en bodemdaling"]
    assert chain[1] in headings and headings[headings.index(chain[1]) - 1] == chain[0]
    assert set(chain) <= {heading for _, heading in _headings(from_pdf["sections"])}
    assert "Vertragen bodemdaling en reductie CO2-emissies" in headings
    paragraphs = _paragraphs(draft["sections"])
    assert any(p.startswith("Op dit moment heeft 14% van het Nederlandse") for p in paragraphs)
    assert any(p.startswith("We willen het laagveenlandschap in de toekomst") for p in paragraphs)
    assert not any(p.startswith(("Problematiek", "Stijgende", "Vertragen")) for p in paragraphs)


def test_a_numbered_heading_as_long_as_a_line_after_another_heads_its_section(
    tmp_path: Path,
) -> None:
    """The real emissions letter's part 7 has a heading as long as a wrapped line ("7.
    Bestuursovereenkomst intenties samenwerking NOVEX Schipholregio"), right under the last
    sentence of part 6 and over the first of its own, in reading order. It follows part 6's
    heading, numbered one less and a heading too: it heads its section, and the paragraph
    under it starts with its first sentence."""
    run = [
        "6. Emissies van 440.000 vliegtuigbewegingen op Schiphol",
        "Op 24 juni 2022 heeft het kabinet besloten om het jaarlijks aantal toegestane",
        "vluchten op Schiphol te reduceren van 500.000 naar 440.000",
        "vliegtuigbewegingen.",
        "Minder vluchten leiden in beginsel tot minder emissies. Dit is echter wel",
        "afhankelijk van het type vliegtuigen dat wordt ingezet en de wijze waarop wordt",
        "gevlogen. Het ministerie van IenW laat daarom voor verschillende scenario\u2019s in",
        "kaart brengen wat de effecten van de capaciteitsreductie zijn op de emissies van",
        "verschillende stoffen. De vermindering van het aantal vluchten is een eerste",
        "stap.",
        "7. Bestuursovereenkomst intenties samenwerking NOVEX Schipholregio",
        "Zoals in de tweede voortgangsbrief van het IenW Programma Omgeving",
        "Luchthaven Schiphol is opgenomen, wordt in de NOVEX Schipholregio",
        "samengewerkt door Rijk en regio om de leefomgevingskwaliteit in de",
        "Schipholregio te verbeteren.",
    ]
    sections = _emissions_sections(tmp_path, run)
    seven = "7. Bestuursovereenkomst intenties samenwerking NOVEX Schipholregio"
    assert list(sections) == ["", "6. Emissies van 440.000 vliegtuigbewegingen op Schiphol", seven]
    assert sections[seven][0].startswith("Zoals in de tweede voortgangsbrief")


def test_a_real_pages_footnotes_in_reading_order_are_paired_with_their_numbers(
    tmp_path: Path,
) -> None:
    """The real water letter's excerpt in reading order: page 22 gives the numbers "20" and
    "21" over two texts parted by a blank line (the second a web address over two lines), then
    "22" over its text; page 24 gives footnote 24's address before its number. Each note gets
    its own text, called after the words the PDF's import calls it after, and no number or
    piece of an address is left in the text. (The conversion itself joins "noord-" and
    "holland" where the address breaks, and drops a hyphen in "_-_def".)"""
    excerpt = IMPORT / "word-2022-11-25-letter-excerpt"
    draft, _ = imported_draft(tmp_path / "text", excerpt.with_suffix(".pdftotext.txt"))
    from_pdf, _ = imported_draft(tmp_path / "pdf", excerpt.with_suffix(".pdf"))
    notes, expected = draft["footnotes"], from_pdf["footnotes"]
    assert len(notes) == len(expected) == 4
    for key in ("klimaatakkoord", "hdsr-eindrapportage"):
        assert notes[key] == expected[key]
    assert notes["rli-advies"] == expected["rli-advies"].replace("_-_", "__")
    assert notes["noordholland-omgevingsverordening"] == expected[
        "noord-holland-omgevingsverordening"
    ].replace("noord-holland", "noordholland")
    text = " ".join(str(draft["sections"]).split())
    for called in (
        "conform het Klimaatakkoord[^klimaatakkoord] en op",
        "40 cm onder maaiveld[^hdsr-eindrapportage]. Een peil",
        "methaan en lachgas[^rli-advies]. Dit",
        "plan zijn opgenomen.[^noordholland-omgevingsverordening]",
    ):
        assert called in text
    assert "enproef_spengen" not in text and "'ning'" not in text and "'24'" not in text


def test_a_figure_at_the_end_of_a_web_address_is_no_call(tmp_path: Path) -> None:
    """Page 2 of the real water letter in reading order (its head made up, and footnote 1's
    number, last on the page, left out): footnote 1's three web addresses stay in the text,
    the second of them ending "...klimaatadaptatie-spoor-2" on a line of its own, above "2"
    and its text. The call of footnote 2 is the one after "de heer Remkes", not the figure
    that ends the address."""
    page = [
        "Uitgangspunten",
        "We hanteren een aantal uitgangspunten om 'w ater en bodem sturend' vorm te",
        "geven. Met deze uitgangspunten volgen we de adviezen van de Deltacommissaris 1",
        "en die van de heer Remkes 2. De Deltacommissaris beveelt aan voldoende ruimte",
        "te reserveren voor waterveiligheid, te zorgen voor voldoende zoetwater,",
        "strategische grondwatervoorraden te beschermen, ruimtelijke adaptatie,",
        "meerlaagsveiligheid en transitie van het landelijk gebied. De Deltacommissaris",
        "benadrukt daarbij dat de tijd van vrijblijvendheid voorbij is. De heer Remkes geeft",
        "aan per direct te starten met ruimte maken voor nieuwe ontwikkelingen, een",
        "langjarig perspectief te bieden voor het landelijk gebied en om deze transitie",
        "gebiedsgericht te realiseren, waarbij water en bodem leidend zijn bij ruimtelijke",
        "keuzes.",
        "",
        "https://www.deltaprogramma.nl/documenten/publicaties/2021/09/01/adviesbriefwoningbouw-en-klimaatadaptatie",
        "https://www.deltaprogramma.nl/deltacommissaris/documenten/publicaties/2021/12/06/brie",
        "fadvies-deltacommissaris-woningbouw-en-klimaatadaptatie-spoor-2",
        "https://www.deltaprogramma.nl/documenten/publicaties/2022/04/11/adviesbrief-maakwerk-van-klimaatadaptatie",
        "2",
        "https://www.rijksoverheid.nl/documenten/rapporten/2022/10/05/wat-wel-kan",
        "",
        "P agina 2 van 32",
    ]
    page.append("Dit brengt ons tot de volgende uitgangspunten.\n")
    draft = _water_page(tmp_path, page)
    assert draft["footnotes"] == {
        "rijksoverheid-rapporten": "https://www.rijksoverheid.nl/documenten/rapporten/2022/10/05/"
        "wat-wel-kan"
    }
    text = " ".join(str(draft["sections"]).split())
    assert "de heer Remkes[^rijksoverheid-rapporten]. De" in text
    assert "klimaatadaptatie-spoor-2 https://" in text


def test_a_figure_glued_to_a_word_with_a_slash_is_a_call(tmp_path: Path) -> None:
    """A made-up page calls its footnote glued to "werkgevers/werknemers": a word with a
    slash is no web address, and the figure after it is the footnote's call."""
    page = [
        "De afspraken gelden voor alle werkgevers/werknemers1 in de sector. Zij worden dit",
        "jaar uitgewerkt in een convenant, dat wij samen met de partijen opstellen, en",
        "daarna jaarlijks geëvalueerd door een onafhankelijke commissie van deskundigen.",
        "",
        "1 Kamerstukken II 2021/22, 26485, nr. 390.",
        "",
        "P agina 1 van 2",
        "Het convenant wordt in het voorjaar ondertekend.\n",
    ]
    source = _letter(tmp_path, "25 november 2022", "Convenant", page)
    draft, _ = imported_draft(tmp_path / "content", source)
    assert list(draft["footnotes"].values()) == ["Kamerstukken II 2021/22, 26485, nr. 390."]
    key = next(iter(draft["footnotes"]))
    assert f"werkgevers/werknemers[^{key}] in de sector" in " ".join(_bodies(draft["sections"]))


def test_a_footnotes_number_under_its_web_address_is_paired_with_it(tmp_path: Path) -> None:
    """Page 9 of the real water letter in reading order (its head made up): footnote 13's web
    address follows the page's last line of text with no blank line between, and its number
    stands under it, last before the page's number. The address is footnote 13, called after
    "van de economie", and neither it nor its number is left in the text."""
    page = [
        "De doelstelling van het Deltaprogramma Zoetwater is dat Nederland in 2050",
        "weerbaar is tegen watertekorten. Voor het hoofdwatersysteem is de ambitie om",
        "weerbaar te zijn tegen een droogte die eens in de 20 jaar voorkomt bij een",
        "scenario van grote klimaatverandering en sterke groei van de economie 13. Met de",
        "strategie Klimaatbestendige Zoetwatervoorziening Hoofdwatersysteem en het",
        "programma Integraal Riviermanagement geven we hier invulling aan. Nieuwe",
        "klimaatscenario's, die volgend jaar verwacht worden, gaan mogelijk gevolgen",
        "hebben voor de bovenstaande ambities.",
        "Conform het NWP, de Deltabeslissing Zoetwater en de NOVI, vangen we",
        "watertekort conform de volgende voorkeursvolgorde op:",
        "a. bij de ruimtelijke inrichting en het landgebruik rekening houden met",
        "waterbeschikbaarheid en grondwaterpeil condities;",
        "b. zuiniger omgaan met water;",
        "c. water beter vasthouden; vasthouden doen we zowel mogelijk in de bodem die",
        "als spons het water opneemt; extremen vangen we op in bergingen;",
        "d. water slim verdelen;",
        "e. (rest)schade accepteren.",
        "IJsselmeer als nationale zoetwaterbuffer",
        "Klimaatverandering maakt dat we in de toekomst, als gevolg van droogte, hoge",
        "rivierafvoeren en zeespiegelstijging een grotere zoetwaterbuffer en meer",
        "bergingscapaciteit nodig hebben in het IJsselmeergebied. Hiervoor is op lange",
        "termijn mogelijk ook een hoger peil noodzakelijk. We weten nog niet wat er",
        "wanneer nodig is, maar de richting is wel duidelijk: we hebben ruimte nodig voor",
        "meer water in het IJsselmeer, Markermeer en de randmeren.",
        "Om het waterbergend vermogen in het IJsselmeergebied niet substantieel te",
        "verkleinen, is het aantal hectares dat per gemeente mag worden benut voor",
        "nieuwe bebouwing en landaanwinning buitendijks reeds gemaximeerd. Dit is",
        "vastgelegd in het Barro. Provincies en gemeenten zien hierop toe. Het Rijk zal",
        "komende jaren in overleg met de regio het beleid rond buitendijkse",
        "ontwikkelingen in het IJsselmeergebied actualiseren en daar de huidige",
        "https://www.deltaprogramma.nl/documenten/publicaties/2021/09/21/dp2022-ddeltaplan-zoetwater-2022-2027",
        "13",
        "",
        "P agina 9 van 32",
    ]
    page.append("regels aanscherpen.\n")
    draft = _water_page(tmp_path, page)
    ((key, note),) = draft["footnotes"].items()
    assert note == (
        "https://www.deltaprogramma.nl/documenten/publicaties/2021/09/21/"
        "dp2022-ddeltaplan-zoetwater-2022-2027"
    )
    text = " ".join(str(draft["sections"]).split())
    assert f"sterke groei van de economie[^{key}]. Met de" in text
    assert "deltaprogramma.nl" not in text and " 13 " not in text
    assert "daar de huidige regels aanscherpen." in text


def test_a_pages_first_footnotes_given_before_their_numbers_are_paired_with_them(
    tmp_path: Path,
) -> None:
    """Page 6 of the real emissions letter in reading order (its head made up, the reference
    column left out): the page's foot gives the texts of footnotes 8 and 9 first, then "10"
    over its text, then "8" and "9". Each note gets its own text, called after the words the
    PDF's import calls it after, and none is left in the text."""
    page = [
        "Zoals aangegeven in de Kamerbrief van 3 maart 2020 8 ligt de mondiale",
        "zwavelnorm voor luchtvaart op 0,3%. De kerosine op de West-Europese markt ligt",
        "in de praktijk ruim onder de mondiale standaard. De nationale ruimte om",
        "kwaliteitseisen voor kerosine te stellen, lijkt beperkt. Ook is dit praktisch",
        "onwerkbaar in een zeer internationale markt met grootschalig,",
        "grensoverschrijdend transport door onder meer buisleidingen. Als een raffinaderij",
        "in Nederland investeringen doet om zwavel en/of aromaten te reduceren, is in een",
        "internationale markt niet op voorhand te zeggen wat het effect is op de getankte",
        "brandstof op Nederlandse luchthavens. De baten voor de luchtkwaliteit in",
        "Nederland en het klimaat zijn dus onzeker en de kans is aanwezig dat de",
        "investeringen in de raffinaderij niet kunnen worden doorgerekend aan afnemers.",
        "",
        "Sinds het Commissiedebat van 16 juni 2022 over verduurzaming luchtvaart zijn de",
        "onderhandelingen van het fit-for-55 pakket, waaronder de voorgestelde"
        " ReFuelEUverordening, voortgezet. Nederland heeft expliciete"
        " tekstvoorstellen gedaan om in",
        "de ReFuelEU-verordening voor het eerst monitoring van kerosinesamenstelling",
        "wettelijk vast te leggen, ook met het doel o m hier op termijn meer op te sturen in",
        "Europees verband. De verwachting is ook dat de Europese Commissie via de",
        "verordening door het Parlement zal worden opgeroepen op korte termijn een",
        "effectbeoordeling te doen naar de mogelijkheden en kosten en baten van een",
        "eigen Europese kwaliteitseis voor fossiele kerosine.",
        "De meest kansrijke route is, naast primair in te blijven zetten op het gebruik van",
        "duurzame luchtvaartbrandstof, een aanscherping van de mondiale kwaliteitseisen,",
        "om zoveel mogelijk milieuvoordeel met geringe concurrentienadelen te realiseren.",
        "De organisatie met de grootste impact op de kerosine in Nederland is de",
        "standaardenorganisatie ASTM International. Hierin heeft de Nederlandse overheid",
        "geen rol. Voor overheden is het belangrijkste platform de"
        " VNburgerluchtvaartorganisatie ICAO. Het ministerie zal de kerosinekwaliteit daarom",
        "actief in ICAO-verband agenderen. Aanvullend zal met nationale stakeholders en",
        "gelijkgestemde (Europese en andere) overheden nader worden verkend hoe dit",
        "dossier mondiaal verder kan worden gebracht.",
        "3. Emissie van zeer zorgwekkende stoffen (ZZS)",
        "In antwoord op Kamervragen in maart 2022 9 en tijdens het Commissiedebat",
        "Verduurzaming luchtvaart van 16 juni 2022 10 is aan de vaste commissie",
        "toegezegd dat de Kamer wordt geïnformeerd over de noodzaak van het nemen",
        "van beleidsmaatregelen om de uitstoot van ZZS door de luchtvaart te beperken.",
        "Daartoe zou eerst onderzoek worden uitgevoerd naar de uitstoot van ZZS door de",
        "luchtvaart en de daaruit volgende concentraties rond Nederlandse luchthavens van",
        "nationale betekenis.",
        "Het streven was om de hiervoor genoemde informatie in de tweede helft van 2022",
        "aan de Kamer te sturen. Gelet op grote drukte bij onderzoekspartijen heeft het",
        "onderzoek helaas vertraging opgelopen.",
        "",
        "Kamerstukken II 2019/20, 31936, nr. 726",
        "Kamerstukken II 2021/22, Aanhangsel, 2050",
        "10",
        "Kamerstukken II 2021/22, 31936, nr. 989",
        "8",
        "9",
        "",
        "P agina 6 van 9",
    ]
    source = _letter(tmp_path, "22 december 2022", "Emissies luchtvaart", page)
    draft, _ = imported_draft(tmp_path / "content", source)
    assert _calls(draft) == {
        "3 maart 2020": "Kamerstukken II 2019/20, 31936, nr. 726",
        "in maart 2022": "Kamerstukken II 2021/22, Aanhangsel, 2050",
        "16 juni 2022": "Kamerstukken II 2021/22, 31936, nr. 989",
    }
    assert "Kamerstukken II" not in str(draft["sections"])


@pytest.mark.parametrize(("kind", "found"), [("layout", 15), ("pdftotext", 14)])
def test_a_real_letters_fifteen_footnotes_are_called_where_the_pdf_calls_them(
    tmp_path: Path, kind: str, found: int
) -> None:
    """The real letter of 30 May 2023 (Acrobat's PDF), laid out and in reading order: page 4
    gives five footnotes over fourteen lines, each number on a line of its own above its text;
    footnote 8 is called after a word in brackets ("(NPCE) 8 zijn") and footnote 1 after a
    date's "jl." ("van 11 november jl. 1, heb ik"). All fifteen are found laid out, fourteen
    in reading order, each called after the words the PDF's import calls it after."""
    source = IMPORT / f"acrobat-2023-05-30-letter.{kind}.txt"
    draft, _ = imported_draft(tmp_path / "text", source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "acrobat-2023-05-30-letter.pdf")
    calls, expected = _calls(draft), _calls(from_pdf)
    assert len(expected) == 15
    assert len(calls) == found
    assert calls.keys() <= expected.keys()
    assert "Circulaire Economie (NPCE)" in calls and "11 november jl." in calls


def test_a_pages_only_footnotes_given_before_their_numbers_are_paired_with_them(
    tmp_path: Path,
) -> None:
    """Page 21 of the real water letter in reading order (its head made up): after a heading
    and a blank line, the texts of footnotes 18 and 19 stand a line each, then "18" and "19"
    last. Each gets its text, called where the PDF calls it, and none is left in the text."""
    page = [
        "In het landelijke laagveengebied (ca 85% van alle veengronden) daalt de bodem.",
        "Dat komt door zetting, inklinking en veenoxidatie, waarbij inklinking en",
        "veenoxidatie vooral veroorzaakt worden door ontwatering. De ontwatering wordt",
        "met name veroorzaakt door de huidige peilbesluiten. Oxidatie (verbranding) van",
        "veengrond leidt tot uitstoot van broeikasgassen18. Dit wordt versterkt als grasland",
        "wordt gescheurd en er andere gewassen op worden geteeld. Bodemdaling leidt tot",
        "extra beheerkosten van infrastructuur, rioleringen en openbare ruimte, maar ook",
        "tot schade aan funderingen. De kosten kunnen tot 2050 oplopen tot 2 miljard 19.",
        "Bodemdaling leidt ook tot verdroging van hoger gelegen natuurgebieden en tot",
        "een verslechtering van de waterkwaliteit. Tot slot neemt met name in de diepe",
        "(grotendeels ontveende) polders op termijn het risico op verzilting en",
        "overstromingen toe.",
        "",
        "Structurerende keuzes",
        "",
        "4,7 megaton CO 2-equivalenten per jaar: https://edepot.wur.nl/138952",
        "https://www.pbl.nl/sites/default/files/downloads/pbl-2016-dalende-bodems-stijgendekosten-1064.pdf",
        "18",
        "19",
        "",
        "P agina 21 van 32",
    ]
    page.append("Laagveengebieden\n")
    draft = _water_page(tmp_path, page)
    notes = list(draft["footnotes"].values())
    assert notes == [
        "4,7 megaton CO2-equivalenten per jaar: https://edepot.wur.nl/138952",
        "https://www.pbl.nl/sites/default/files/downloads/"
        "pbl-2016-dalende-bodems-stijgendekosten-1064.pdf",
    ]
    assert set(_calls(draft)) == {"uitstoot van broeikasgassen", "tot 2 miljard"}
    assert "edepot" not in str(draft["sections"]) and "18 19" not in str(draft["sections"])


@pytest.mark.parametrize("kind", ["layout", "pdftotext"])
def test_the_column_a_real_letter_repeats_on_every_page_is_left_out_of_its_text(
    tmp_path: Path, kind: str
) -> None:
    """The real letter of 30 May 2023 prints its directorate at the top of its reference
    column, and on every later page the directorate again and its reference, "DGBI /
    26844711", which the conversion sets among the text ("... zonder de voedselvoorziening
    in DGBI / 26844711" / "gevaar te brengen"); in reading order the directorate comes under
    the return address, before the addressee. The directorate is the sender's, as in the
    PDF's import, and neither it nor the reference stands in the text; before, both stood
    in paragraphs and headings, and the directorate was 'onbekend'."""
    source = IMPORT / f"acrobat-2023-05-30-letter.{kind}.txt"
    draft, notes = imported_draft(tmp_path / "text", source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "acrobat-2023-05-30-letter.pdf")
    directorate = "Directoraat-generaal Bedrijfsleven & Innovatie"
    assert draft["sender"]["directorate"] == from_pdf["sender"]["directorate"] == directorate
    assert "left out of the head" not in notes
    text = " ".join(_bodies(draft["sections"]))
    assert "Directoraat-generaal" not in text and "Bedrijfsleven & Innovatie" not in text
    assert "26844711" not in text
    assert "zonder de voedselvoorziening in gevaar te brengen" in " ".join(text.split())
    headings = [heading for _, heading in _headings(draft["sections"])]
    assert not any("Directoraat" in heading or "Bedrijfsleven" in heading for heading in headings)


def _items(sections: list[dict[str, Any]]) -> list[str]:
    """Every list item of ``sections`` and of the sections under them, nested ones too."""

    def under(items: list[Any]) -> list[str]:
        found: list[str] = []
        for item in items:
            text = item if isinstance(item, str) else item["text"]
            found.append(" ".join(text.split()))
            found += [] if isinstance(item, str) else under(item.get("items", []))
        return found

    found: list[str] = []
    for section in sections:
        for part in section.get("body", []):
            found += under(part["items"]) if isinstance(part, dict) else []
        found += _items(section.get("sections", []))
    return found


def _list_after(sections: list[dict[str, Any]], lead_in: str) -> list[str]:
    """The items of the list right after the paragraph of ``sections`` that ends with
    ``lead_in`` (none when a paragraph follows it)."""
    for section in sections:
        body = section.get("body", [])
        for part, after in zip(body, [*body[1:], None], strict=True):
            if isinstance(part, str) and " ".join(part.split()).endswith(lead_in):
                return (
                    [" ".join(i.split()) for i in after["items"]] if isinstance(after, dict) else []
                )
        if found := _list_after(section.get("sections", []), lead_in):
            return found
    return []


def test_a_list_whose_bullets_the_conversion_lost_is_a_list(tmp_path: Path) -> None:
    """The real letter of 30 May 2023 in reading order: the conversion drops the bullets of
    two of its lists, the four missions under "De missies voor energietransitie luiden:" and
    the six under "De titels van de missies zijn:", each on lines of its own, every one but
    the last ending with a semicolon, and the dashes of the last three of the five under "De
    volgende missies horen hierbij:". They are lists with the PDF's items; before, each
    item without its bullet was a paragraph, and three of the six ran together in one."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / "acrobat-2023-05-30-letter.pdftotext.txt")
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "acrobat-2023-05-30-letter.pdf")
    energy = _list_after(draft["sections"], "De missies voor energietransitie luiden:")
    land = _list_after(draft["sections"], "De titels van de missies zijn:")
    assert energy == _list_after(from_pdf["sections"], "De missies voor energietransitie luiden:")
    assert land == _list_after(from_pdf["sections"], "De titels van de missies zijn:")
    assert len(energy) == 4 and energy[2] == (
        "Een klimaatneutrale industrie met hergebruik van grondstoffen en producten in 2050;"
    )
    assert len(land) == 6 and land[-1] == "Veilige en weerbare delta."
    health = _list_after(draft["sections"], "De volgende missies horen hierbij:")
    assert health == _list_after(from_pdf["sections"], "De volgende missies horen hierbij:")
    assert len(health) == 5 and health[-1].startswith("In 2035 is de bevolking beter beschermd")


@pytest.mark.parametrize("kind", ["layout", "pdftotext"])
def test_the_topics_an_outline_listed_head_their_parts_under_its_section(
    tmp_path: Path, kind: str
) -> None:
    """The real letter of 30 May 2023 lists its five missions under "Herijking missies" as
    "Energietransitie: Nederland klimaatneutraal in 2050;", "Gezondheid & Zorg: ...", ...,
    then heads a part for each: the first "Energietransitie:" on a line of its own, with the
    colon a list's lead-in ends with, the others without it ("Gezondheid en zorg"). Each
    heads its part under "Herijking missies", as in the PDF's import, and the note says why;
    before, "Energietransitie:" was a paragraph and the other four stood at the top."""
    draft, notes = imported_draft(
        tmp_path / "text", IMPORT / f"acrobat-2023-05-30-letter.{kind}.txt"
    )
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "acrobat-2023-05-30-letter.pdf")
    missions = [
        (1, "Energietransitie:"),
        (1, "Circulaire Economie"),
        (1, "Gezondheid en zorg"),
        (1, "Landbouw, Water en Voedsel"),
        (1, "Veiligheid"),
    ]
    headings = _headings(draft["sections"])
    start = headings.index((0, "Herijking missies")) + 1
    assert headings[start : start + 5] == missions
    assert all(mission in _headings(from_pdf["sections"]) for mission in missions)
    assert "Energietransitie:" not in _paragraphs(draft["sections"])
    assert (
        "the parts of the topics a list outlined ('Energietransitie:', ...) nested under the "
        "heading before the first of them" in notes
    )


@pytest.mark.parametrize("kind", ["layout", "pdftotext"])
def test_a_heading_as_long_as_a_wrapped_line_heads_the_sentence_opened_under_it(
    tmp_path: Path, kind: str
) -> None:
    """The real letter of 30 May 2023 heads its last part "Vervolg: van missies naar Kennis-
    en Innovatieagenda's en -Convenant", a line nearly as long as a wrapped one, over "De
    missies en de uitwerking daarvan ...", a line no sentence wrapped over lines starts
    with. It heads its part, as in the PDF's import; before, it opened the paragraph."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / f"acrobat-2023-05-30-letter.{kind}.txt")
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "acrobat-2023-05-30-letter.pdf")
    heading = (0, "Vervolg: van missies naar Kennis- en Innovatieagenda\u2019s en -Convenant")
    assert heading in _headings(from_pdf["sections"])
    assert _headings(draft["sections"])[-1] == heading
    assert any(p.startswith("De missies en de uitwerking") for p in _paragraphs(draft["sections"]))


def test_a_dash_after_a_list_item_cut_by_a_page_break_starts_the_next_item(
    tmp_path: Path,
) -> None:
    """The real water letter, laid out: the conversion cuts a list's item with a blank line
    where the reference column beside it ends ("... via het ruimtelijke plan" / a blank line /
    "zijn opgenomen."), and the next item's dash stands right under the item's last line.
    That dash starts an item of its own, as in the PDF's import; before, the item ran on into
    it (" ... zijn opgenomen. - In het kader van het NPLG ...")."""
    source = IMPORT / "word-2022-11-25-letter-excerpt.layout.txt"
    draft, _ = imported_draft(tmp_path / "text", source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "word-2022-11-25-letter-excerpt.pdf")
    items, pdf_items = _items(draft["sections"]), _items(from_pdf["sections"])
    nplg = "In het kader van het NPLG worden bestuurlijke afspraken met de decentrale overheden"
    assert any(item.startswith(nplg) for item in items)
    assert any(item.startswith(nplg) for item in pdf_items)
    assert not any(" - In het kader" in item for item in items)


@pytest.mark.parametrize(
    "source",
    ["word-2022-11-25-letter-excerpt.pdftotext.txt", "word-2022-11-25-letter-excerpt.layout.txt"],
)
def test_a_figure_the_pdf_sets_small_is_the_words_again(tmp_path: Path, source: str) -> None:
    """The conversion sets the small 2 of "CO2" apart from its letters ("de CO 2-uitstoot van
    1 Mton CO 2-eq"); the draft writes "CO2" as the PDF's import does."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "word-2022-11-25-letter-excerpt.pdf")
    text, pdf_text = (
        " ".join(_paragraphs(draft["sections"])),
        " ".join(_bodies(from_pdf["sections"])),
    )
    sentence = "gericht op een reductie van de CO2-uitstoot van 1 Mton CO2-eq in 2030"
    assert sentence in text and sentence in " ".join(pdf_text.split())
    assert "CO 2" not in text


def test_an_ordinal_and_a_thousands_point_set_apart_are_joined_again(tmp_path: Path) -> None:
    """Real lines of the water and emissions letters as the conversion gives them: the raised
    "e" of "7e" and the thousands' point of "3.000" stand apart ("het 7 e Actieprogramma",
    "boven de 3 .000 voet"); the draft writes them as the letters print them."""
    lines = [
        "Voor nutriënten uit agrarische bronnen zijn de maatregelen van het 7 e",
        "Actieprogramma Nitraatrichtlijn leidend. In 2019 heeft de Kamer opgeroepen om",
        "ook de uitstoot van stikstofoxiden boven de 3 .000 voet inzichtelijk te maken.",
        "",
    ]
    source = _letter(tmp_path, "22 december 2022", "Emissies luchtvaart", lines)
    draft, _ = imported_draft(tmp_path / "content", source)
    text = " ".join(_paragraphs(draft["sections"]))
    assert "van het 7e Actieprogramma Nitraatrichtlijn leidend." in text
    assert "boven de 3.000 voet inzichtelijk" in text


def test_a_footnotes_number_between_the_two_lines_of_its_address_is_paired_with_both(
    tmp_path: Path,
) -> None:
    """Page 28 of the real water letter, laid out (its head made up): footnote 25 is a web
    address over two lines, and the conversion sets its number between them (the address's
    start, "25", a blank line, its rest). The whole address is footnote 25, called after "het
    fonds", and neither part is left in the text; before, the address's start stood in the
    paragraph and the note was its rest alone."""
    page = [
        "De maatregelen gericht op de realisatie van de doelen van de KRW en de",
        "doelen van Natura 2000 (tegengaan van verdroging) en de aanvoer van",
        "water naar veengebieden voor peilverhoging (en daarmee reductie",
        "broeikasgassen) vallen binnen de voorlopige afbakening van het fonds25. Dat geldt",
        "ook voor het faciliteren van de omslag van ondernemers naar extensieve",
        "landbouw door het opkopen van grond, afwaardering en verpachting. Ook",
        "onderdeel van het fonds zijn additionele middelen voor de KRW, zoals",
        "aangekondigd in het Coalitieakkoord. Met deze inzet kan gecombineerd",
        "resultaat worden geboekt op alle vier de doelstellingen omtrent natuur,",
        "stikstof, water en klimaat en kan tegelijkertijd ingezet worden op",
        "extensivering van de landbouw, agrarisch",
        "",
        "",
        " https://wetgevingskalender.overheid.nl/regeling/WGK014001/documenten/Raad%20van%",
        "25",
        "",
        "20State/Adviesaanvraag%20aanhangig%20bij%20Raad%20van%20State/1",
        "",
        "P agina 28 van 32",
        "natuurbeheer of natuurontwikkeling afhankelijk van de mogelijkheden in",
        "specifieke gebieden.",
        "",
    ]
    draft = _water_page(tmp_path, page)
    ((key, note),) = draft["footnotes"].items()
    assert note == (
        "https://wetgevingskalender.overheid.nl/regeling/WGK014001/documenten/"
        "Raad%20van%20State/Adviesaanvraag%20aanhangig%20bij%20Raad%20van%20State/1"
    )
    text = " ".join(" ".join(_bodies(draft["sections"])).split())
    assert f"de voorlopige afbakening van het fonds[^{key}]. Dat geldt" in text
    assert "agrarisch natuurbeheer of natuurontwikkeling" in text
    assert "https://wetgevingskalender" not in text and "20State" not in text


@pytest.mark.parametrize(
    "source",
    ["word-2023-02-03-letter.pdftotext.txt", "word-2023-02-03-letter.layout.txt"],
)
def test_a_lead_in_numbered_with_a_colon_under_a_list_stands_apart(
    tmp_path: Path, source: str
) -> None:
    """The real letter of 3 February 2023 numbers the lead-ins of its lists with a colon ("3:
    Levensduurverlenging:") and sets one right under the last item of the list before, with
    no blank line between. It is a paragraph of its own, as in the PDF's import, and its
    series stays one of paragraphs ("4: Hoogwaardige verwerking" no heading); before, the
    item ran on into it ("... biobased bouw. 3: Levensduurverlenging:")."""
    draft, _ = imported_draft(tmp_path / "text", IMPORT / source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", REAL_WORD)
    lead_ins = ["3: Levensduurverlenging:", "4: Hoogwaardige verwerking"]
    assert set(lead_ins) <= set(_paragraphs(draft["sections"]))
    assert set(lead_ins) <= set(_paragraphs(from_pdf["sections"]))
    assert not any(item.endswith("Levensduurverlenging:") for item in _items(draft["sections"]))
    assert lead_ins[1] not in [heading for _, heading in _headings(draft["sections"])]


def test_a_figures_labels_above_its_caption_are_left_out_with_a_note(tmp_path: Path) -> None:
    """Page 3 of the real emissions letter draws an organogram; in reading order the
    conversion gives its boxes' labels as short lines right under the paragraph before it and
    over its caption ("Begeleidingscommissie met", "onafhankelijk voorzitter (Dhr. W.", ...,
    "Figuur 1. Organogram taskforce Stoffen"). They are left out of the text, as the PDF's
    import leaves them out, with a note that quotes them; the caption and the paragraphs
    around it stay as they are. Before, they were a list of 22 items and paragraphs."""
    source = IMPORT / "word-2022-12-22-letter-excerpt.pdftotext.txt"
    draft, notes = imported_draft(tmp_path / "text", source)
    from_pdf, _ = imported_draft(tmp_path / "pdf", IMPORT / "word-2022-12-22-letter-excerpt.pdf")
    caption = "Figuur 1. Organogram taskforce Stoffen"
    for sections in (draft["sections"], from_pdf["sections"]):
        paragraphs = [p.strip("*") for p in _paragraphs(sections)]
        at = paragraphs.index(caption)
        assert paragraphs[at - 1].endswith("ook op andere stoffen afkomstig van vliegtuigmotoren.")
        assert paragraphs[at + 1].startswith("De begeleidingscommissie binnen de taskforce")
    assert not any("Leden:" in part for part in _bodies(draft["sections"]))
    assert "its 29 labels above its caption: 'Begeleidingscommissie met'" in notes
    assert ":93: the page has a figure" in notes
