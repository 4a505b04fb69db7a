"""``briefing import`` on more layouts of real letters: a signature with an annex after it,
a site's title longer than a subject holds, lettered items, openkamer.org's page head. Each
test imports a small real text and asserts the draft or the notes a user gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.layout import REGISTRY_FILES
from tests.conftest import CONTENT, FIXTURES, cli, normalise, page_texts
from tests.importing import imported_draft

IMPORT = FIXTURES / "import"


def test_a_geannoteerde_agenda_after_the_signature_is_the_letters_annex(tmp_path: Path) -> None:
    """tweedekamer.nl prints the letter, both signatures and then the geannoteerde agenda it
    sends, without blank lines: the letter ends at the signature, and the agenda is its annex,
    under its numbered heading, its paragraphs told apart as the body's; a note says so once."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2025D22432.excerpt.txt")
    assert draft["signatory"] == {
        "title": "De Minister van Infrastructuur en Waterstaat,",
        "name": "B. Madlener",
    }
    (section,) = draft["sections"]
    assert section["body"] == [
        "Hierbij ontvangt u de geannoteerde agenda van de Transportraad van 5 juni a.s. te "
        "Luxemburg, mede namens de Minister van Justitie en Veiligheid.",
        "De inhoud van deze geannoteerde agenda geeft de meest recente stand van zaken weer. Er "
        "is nog geen officiële agenda voor deze Transportraad gepubliceerd. Mocht de formele "
        "agenda op belangrijke punten anders zijn, dan wordt u hierover nader geïnformeerd.",
    ]
    (agenda,) = draft["annex"]
    assert (agenda["id"], agenda["heading"]) == ("i-geannoteerde-agenda", "I. Geannoteerde agenda")
    assert len(agenda["body"]) == 2
    assert agenda["body"][0] == (
        "De formele agenda van de Transportraad op 5 juni a.s. is nog niet bekendgemaakt door "
        "het Pools voorzitterschap. Het voorzitterschap streeft er naar verwachting naar om tot "
        "een politiek akkoord komen op de eerste lezing van de Verordening passagiersrechten in "
        "de luchtvaart en de Verordening inzake aansprakelijkheid van luchtvervoerders. Naar "
        "verwachting zal het voorzitterschap tevens een voortgangsverslag presenteren over de "
        "herziening van de richtlijn Gewichten en Afmetingen. Verder wordt een eerste "
        "beleidsdebat verwacht over het al door de Europese Commissie (hierna: Commissie) "
        "gepresenteerde Roadworthiness Package."
    )
    assert agenda["body"][1].startswith("Daarnaast zal het voorzitterschap naar verwachting")
    assert "found no signature" not in notes
    assert draft["cosignatories"] == [
        {"title": "De Staatssecretaris van Infrastructuur en Waterstaat,", "name": "Ch.A. Jansen"}
    ]
    assert "also signed" not in notes
    assert (
        "tk-2025D22432.excerpt.txt:16: read lines 16-29 after the signature as the letter's "
        "annex (from 'I. Geannoteerde agenda' to 'verwacht, onder andere over de voorbereiding "
        "voor de ...', what the letter sends in the same paper, such as a geannoteerde agenda or "
        "answers to questions): check where it starts"
    ) in notes
    assert notes.count("after the signature") == 1


@pytest.mark.parametrize("end", ["", "\n", "\n\n"], ids=["as given", "newline", "blank line"])
def test_a_footnote_called_in_the_annex_is_the_letters(tmp_path: Path, end: str) -> None:
    """The geannoteerde agenda after the signature calls a footnote ("EMSA1"), which
    tweedekamer.nl prints at the end of the paper: the annex calls the letter's footnote,
    however the saved copy ends."""
    source = tmp_path / "tk-2025D22432.noot.txt"
    text = (IMPORT / source.name).read_text(encoding="utf-8")
    source.write_text(text.rstrip("\n") + end, encoding="utf-8")
    draft, notes = imported_draft(tmp_path, source)
    assert draft["footnotes"] == {
        "europees-agentschap-voor-maritieme": (
            "Europees Agentschap voor maritieme veiligheid (European Maritime Safety Agency)"
        )
    }
    assert (
        "oprichtingsverordening EMSA[^europees-agentschap-voor-maritieme], de Richtlijn"
        in (draft["annex"][0]["body"][1])
    )
    assert "[^" not in str(draft["sections"])
    assert "footnote" not in notes.replace(str(tmp_path), "")


def test_an_imported_annex_is_printed_after_the_signature_from_a_new_page(
    tmp_path: Path,
) -> None:
    """Imported, then built: the letter's PDF prints the geannoteerde agenda's heading and text
    after the signatory's name, on a later page."""
    content = tmp_path / "content"
    (content / "letters").mkdir(parents=True)
    for name in REGISTRY_FILES.values():
        shutil.copyfile(CONTENT / name, content / name)
    imported = cli("import", IMPORT / "tk-2025D22432.excerpt.txt", "--content", content)
    assert imported.returncode == 0, imported.stderr
    built = cli("build", "--content", content, "--out", tmp_path / "out")
    assert built.returncode == 0, built.stdout + built.stderr
    (pdf,) = (tmp_path / "out" / "letters").glob("*.pdf")
    pages = [normalise(page.body) for page in page_texts(pdf)]
    signed = [i for i, text in enumerate(pages) if "B. Madlener" in text]
    annex = [i for i, text in enumerate(pages) if "I. Geannoteerde agenda" in text]
    assert signed and annex and annex[0] > signed[-1], (signed, annex)
    assert "gepresenteerde Roadworthiness Package." in pages[annex[0]]
    assert "Roadworthiness" not in " ".join(pages[: annex[0]])


def test_answers_after_a_signature_on_one_line_are_the_letters_annex(tmp_path: Path) -> None:
    """ "De Minister van ..., W. Koolmees" on one line, then "Vragen n.a.v. ...", "Vraag 1",
    "Antwoord 1": the letter ends at the signature; the answers are its annex, the line before
    the first heading a section of the annex."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2021D26975.excerpt.txt")
    assert draft["signatory"] == {
        "title": "De Minister van Sociale Zaken en Werkgelegenheid,",
        "name": "W. Koolmees",
    }
    (section,) = draft["sections"]
    assert section["body"] == [
        "Hierbij zend ik u de antwoorden op de vragen over het jaarverslag SZW 2020 (Kamerstuk "
        "35 830 XV, nr. 1), gesteld door de leden van de vaste commissie voor Sociale Zaken en "
        "Werkgelegenheid naar aanleiding van het onderzoek door de rapporteurs De Kort en Kat."
    ]
    annex = draft["annex"]
    assert [(s["id"], s.get("heading")) for s in annex] == [
        ("bijlage", None),
        ("vraag-1", "Vraag 1"),
        ("antwoord-1", "Antwoord 1"),
    ]
    assert annex[0]["body"] == ["Vragen n.a.v. onderzoek door de Rekenkamer:"]
    assert annex[1]["body"] == [
        "Welke acties onderneemt de Minister om het financieel beheer van de inkopen en van de "
        "Rijksschoonmaakorganisatie zodanig nog meer te verbeteren en wanneer zal het niet meer "
        "worden aangemerkt als onvolkomenheid?"
    ]
    assert len(annex[2]["body"]) == 2
    assert "found no signature" not in notes
    assert "read lines 10-28 after the signature as the letter's annex (from 'Vragen n.a.v." in (
        notes
    )
    assert "excerpt.txt:10: no blank line between paragraphs" in notes


def test_a_few_paragraphs_after_the_signature_are_an_annex_with_its_proposals(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl's copy gives each paragraph on one line: four lines after
    the signatures, two of them paragraphs of sentences, are an annex (not the page's debris
    noted line by line); its number is proposed, to review, at the annex's section."""
    source = IMPORT / "kst-21501-02-911.excerpt.txt"
    draft, notes = imported_draft(tmp_path, source)
    assert [s.get("heading") for s in draft["annex"]] == [
        "Geannoteerde agenda van de Raad Algemene Zaken en Externe Betrekkingen (RAZEB) van 27 "
        "en 28 juli 2009",
        "Algemene zaken",
    ]
    assert draft["annex"][1]["body"][1].startswith("Ten tweede zal het voorzitterschap")
    assert draft["annex"][1]["figures"] == []
    assert "left out after the signature" not in notes
    assert f"{source}:21: read lines 21-27 after the signature as the letter's annex" in notes
    written = next((tmp_path / "content" / "letters").glob("2009-07-02-*.yaml")).read_text()
    annex = written[written.index("\nannex:\n") :]
    assert (
        "    # TODO review: a number in the text: keep it if it is a key figure, and write its\n"
        "    # label\n"
        '    # from line 25: "Stockholm heeft zes kernprioriteiten geïdentificeerd."\n'
    ) in annex


def test_a_site_title_longer_than_a_subject_holds_is_cut_at_a_word_and_kept_whole_in_a_comment(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl's title ("Brief regering : Reactie op het verzoek van het lid Asscher,
    ...") has 203 characters; a subject holds 200: the draft is written, with the subject cut
    at a word and the whole title in the review comment above it."""
    source = IMPORT / "tk-2019D37354.txt"
    draft, notes = imported_draft(tmp_path, source)
    whole = source.read_text(encoding="utf-8").splitlines()[0].removeprefix("Brief regering : ")
    assert len(whole) == 203
    assert draft["subject"] == (
        "Reactie op het verzoek van het lid Asscher, gedaan tijdens de Regeling van "
        "Werkzaamheden van 24 september 2019, over de onduidelijkheid of de coalitie nog over "
        "een meerderheid in de Tweede Kamer\u2026"
    )
    assert draft["signatory"] == {
        "title": "De Minister-President, Minister van Algemene Zaken,",
        "name": "M. Rutte",
    }
    assert (
        "tk-2019D37354.txt:1: the subject has 203 characters, more than the 200 a subject "
        "holds; the draft has it cut at a word"
    ) in notes
    written = next((tmp_path / "content" / "letters").glob("2019-09-25-*.yaml"))
    comment = " ".join(
        line.strip().lstrip("#").strip()
        for line in written.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    assert f"reads: '{whole}'" in comment


def test_a_numbered_heading_over_a_lettered_subheading_is_a_heading_not_glued_to_it(
    tmp_path: Path,
) -> None:
    """ "2. Uitkomsten tussentijdse evaluatie" with "a. Bestuurlijke afspraken ..." under it:
    the lettered block starts in lower case, yet it starts a block of its own, so the numbered
    line is a heading and the lettered one is not joined to it or to what follows."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2018D55739.excerpt.txt")
    headings = [section.get("heading") for section in draft["sections"]]
    assert headings == ["1. Inleiding", "2. Uitkomsten tussentijdse evaluatie"]
    assert draft["sections"][1]["body"] == [
        "a. Bestuurlijke afspraken tussen SZW en VNG, kansrijk opgroeien alle kinderen in "
        "Nederland over de extra middelen voor gemeenten (€ 85 mln.)",
        "Bureau Bartels heeft de bestuu",
    ]
    assert draft["sections"][0]["body"][-1]["items"][-1].endswith(
        "€ 1 mln. voor projecten in Caribisch Nederland."
    )


def test_openkamer_orgs_head_gives_the_dossier_by_the_papers_address(tmp_path: Path) -> None:
    """openkamer.org prints "Nr. 62 BRIEF VAN ..." without the dossier above it, but its head
    names the paper's address ("Bron: .../kst-35300-XIV-62.html"): that gives the Kamerstuk
    number. The notes quote the head's lines as printed, and say there is no dossier's title
    to propose as the subject rather than call 'onbekend' one."""
    draft, notes = imported_draft(tmp_path, IMPORT / "openkamer-35300-XIV-62.txt")
    assert draft["kamerstuk"] == "35 300-XIV, nr. 62"
    assert str(draft["date"]) == "2019-11-21"
    assert draft["signatory"] == {
        "title": "De Minister van Landbouw, Natuur en Voedselkwaliteit,",
        "name": "C.J. Schouten",
    }
    assert "found no dossier number" not in notes
    assert (
        "openkamer-35300-XIV-62.txt:4: left out of the head: "
        "'Bron: https://zoek.officielebekendmakingen.nl/kst-35300-XIV-62.html'"
    ) in notes
    assert (
        "openkamer-35300-XIV-62.txt:7: no subject in the text, nor a dossier's title to "
        "propose; the subject is 'onbekend': write the letter's subject"
    ) in notes
    assert "(the dossier's title)" not in notes


def test_openkamer_orgs_title_above_the_paper_is_the_subject(tmp_path: Path) -> None:
    """openkamer.org's whole head: "Kamerstuk 34300-VII-60", the paper's title under it, and
    "Dossier: ...": the title is the subject, as tweedekamer.nl's "Brief regering : ..." is,
    and neither is noted as left out."""
    draft, notes = imported_draft(tmp_path, IMPORT / "openkamer-34300-VII-60.excerpt.txt")
    assert draft["subject"] == (
        'Kabinetsreactie op het advies van de Raad voor het openbaar bestuur "Hoe hoort het '
        'eigenlijk? Passend contact tussen overheid en burger"'
    )
    assert (
        draft["id"]
        == "2016-03-09-kabinetsreactie-op-het-advies-van-de-raad-voor-het-openbaar-bestuur"
    )
    assert draft["kamerstuk"] == "34 300-VII, nr. 60"
    assert "no subject in the text" not in notes
    assert "Kabinetsreactie" not in notes and "Dossier:" not in notes


def test_a_second_dossier_with_its_letter_on_the_next_line_is_noted_whole(tmp_path: Path) -> None:
    """tweedekamer.nl prints "36 600" and, on the next line, "C Vaststelling van de
    begrotingsstaat van het provinciefonds ...": one dossier the letter is also filed under."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2024D36854.excerpt.txt")
    assert draft["kamerstuk"] == "36 600-B, nr. 9"
    assert (
        "tk-2024D36854.excerpt.txt:3: also filed under dossier '36 600 C Vaststelling van de "
        "begrotingsstaat van het provinciefonds voor het jaar 2025'\n"
    ) in notes
    assert "left out of the head" not in notes


def test_a_letter_of_two_senders_without_its_signature_proposes_the_first_and_its_ministry(
    tmp_path: Path,
) -> None:
    """ "BRIEF VAN DE MINISTER VAN KLIMAAT EN GROENE GROEI EN DE STAATSSECRETARIS VAN
    INFRASTRUCTUUR EN WATERSTAAT" (over two lines), and the text ends before the signature:
    the proposed signatory is the first sender, not both run together, and the ministry is
    the first sender's, not 'Ministerie van Klimaat en Groene Groei en De Staatssecretaris ...'."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2025D31003.excerpt.txt")
    assert draft["signatory"]["title"] == "De Minister van Klimaat en Groene Groei,"
    assert draft["sender"]["ministry"] == "Ministerie van Klimaat en Groene Groei"
    assert "found no signature at the end of the letter" in notes


def test_a_letter_of_two_ministers_without_its_signature_proposes_the_first(tmp_path: Path) -> None:
    """ "BRIEF VAN DE MINISTERS VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSHULP EN VAN
    BUITENLANDSE ZAKEN": the first minister, whose post sits in Buitenlandse Zaken."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2025D11923.excerpt.txt")
    assert draft["signatory"]["title"] == (
        "De Minister voor Buitenlandse Handel en Ontwikkelingshulp,"
    )
    assert draft["sender"]["ministry"] == "Ministerie van Buitenlandse Zaken"


def test_berthub_eus_title_above_the_dossier_and_kind_is_the_subject(tmp_path: Path) -> None:
    """berthub.eu prints the paper's title, its dossier's title and "Brief regering", each on a
    line: the title is the subject, not the dossier's; the letter, signed above the
    geannoteerde agenda, is whole, and the agenda (a heading and a paragraph a line) is its
    annex."""
    draft, notes = imported_draft(tmp_path, IMPORT / "berthub-2023D47783.excerpt.txt")
    assert (
        draft["subject"]
        == "Geannoteerde agenda voor de Raad Buitenlandse Zaken van 11 december 2023"
    )
    assert draft["kamerstuk"] == "21 501-02, nr. 2790"
    assert draft["signatory"] == {
        "title": "De Minister van Buitenlandse Zaken,",
        "name": "H.G.J. Bruins Slot",
    }
    assert draft["sections"][0]["body"] == [
        "Hierbij bied ik u de geannoteerde agenda aan voor de Raad Buitenlandse Zaken van "
        "11 december 2023."
    ]
    assert "no subject in the text" not in notes
    assert "left out of the head: 'Geannoteerde agenda" not in notes
    assert [s["heading"] for s in draft["annex"]] == [
        "GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN 11 DECEMBER 2023",
        "Russische agressie tegen Oekraïne",
    ]
    assert draft["annex"][0]["body"][0].startswith("Op maandag 11 december a.s. vindt de Raad")
    assert "left out after the signature" not in notes


def test_berthub_eus_chamber_and_year_in_table_cells_are_page_furniture(tmp_path: Path) -> None:
    """ "Tweede Kamer der Staten-Generaal | 2 |" and "Vergaderjaar 2018-2019 |", as berthub.eu
    prints the paper's top, are the page's, not lines left out of the head."""
    draft, notes = imported_draft(tmp_path, IMPORT / "berthub-2019D31926.excerpt.txt")
    assert draft["subject"] == (
        "Reactie op de initiatiefnota van het lid Dik-Faber over Verbinding boer(in)-burger, "
        "voedsel dichtbij"
    )
    assert draft["kamerstuk"] == "35 068, nr. 4"
    assert "Staten-Generaal |" not in notes and "Vergaderjaar" not in notes


def test_a_tables_cells_copied_one_a_line_are_a_list_not_headings(tmp_path: Path) -> None:
    """officielebekendmakingen.nl's table, as a copy of the page gives it, is one cell a line
    between blank lines ("RAZ", "RBZ", "20 maart 2018", "Aanwezig", ...): the cells are a list
    under the table's caption, not headings of empty sections and not one run-on paragraph,
    and a note says where they are."""
    draft, notes = imported_draft(tmp_path, IMPORT / "kst-21501-02-2072.excerpt.txt")
    headings = [section.get("heading") for section in draft["sections"]]
    assert headings == [None, "Aanwezigheid RAZ en RBZ 2018 (sinds aantreden op 12 maart)"]
    (cells,) = draft["sections"][1]["body"]
    assert cells["items"][:6] == [
        "RAZ",
        "RBZ",
        "20 maart 2018",
        "RAZ + RAZ artikel 50",
        "Afgemeld i.v.m. inkomend Officieel Bezoek Jordanië",
        "19 maart 2018",
    ]
    assert len(cells["items"]) == 42
    assert (
        "kst-21501-02-2072.excerpt.txt:15: lines 15-99 are 43 short lines in a row, as a table "
        "copied from a web page gives its cells: the draft has them as a list"
    ) in notes
