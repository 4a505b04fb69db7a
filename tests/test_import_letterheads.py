"""``briefing import`` on letterheads of older and plainer layouts: labels in lower case and a
date in figures, "Uw brief van" with the date of the letter answered, a date on a line of its
own, a subject holding a label's word, and a sender outside the ministries. Each test imports a
text and asserts the draft, the notes or the error a user gets."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CONTENT, FIXTURES, cli
from tests.importing import imported_draft

IMPORT = FIXTURES / "import"
BRIEFHOOFD = IMPORT / "opennieuwsbank-2005-briefhoofd.excerpt.txt"


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    """The 2005 letter's text with ``old`` written as ``new`` (a made-up variant of a real
    letterhead, for a case no real sample at hand shows)."""
    text = BRIEFHOOFD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_uw_brief_van_with_a_date_is_no_reference(tmp_path: Path) -> None:
    """ "Uw brief van" over "24 december 2004" gives the date of the letter this one answers:
    not a reference, so the draft has no references.yours, and a note says it was left out."""
    draft, notes = imported_draft(tmp_path, BRIEFHOOFD)
    assert "yours" not in draft["references"]
    assert (
        "opennieuwsbank-2005-briefhoofd.excerpt.txt:12: 'Uw brief van 24 december 2004' left "
        "out: the date of the letter this one answers is no reference and the model has no "
        "field for it; if that letter has a kenmerk, write it in references.yours"
    ) in notes


def test_uw_brief_van_keeps_the_kenmerk_written_beside_the_date(tmp_path: Path) -> None:
    """ "Uw brief van 24 december 2004, kenmerk 2004Z24183": the kenmerk is the Kamer's
    reference, the date is left out with a note."""
    source = _variant(tmp_path, "24 december 2004", "24 december 2004, kenmerk 2004Z24183")
    draft, notes = imported_draft(tmp_path, source)
    assert draft["references"]["yours"] == "2004Z24183"
    assert "its kenmerk '2004Z24183' is references.yours" in notes


def test_uw_brief_van_with_words_but_no_kenmerk_gives_no_reference(tmp_path: Path) -> None:
    """ "Uw brief van 24 december 2004 met kenmerk", the kenmerk itself missing: the words
    are no reference, so the draft has no references.yours."""
    source = _variant(tmp_path, "24 december 2004", "24 december 2004 met kenmerk")
    draft, notes = imported_draft(tmp_path, source)
    assert "yours" not in draft["references"]
    assert "if that letter has a kenmerk, write it in references.yours" in notes


def test_a_letterhead_with_labels_in_lower_case_and_a_date_in_figures_is_read(
    tmp_path: Path,
) -> None:
    """An LNV letter of 2001 prints its labels in lower case ("ons kenmerk", "datum",
    "onderwerp"), the date in figures ("03-09-2001") and the addressee as "De Voorzitter van
    de Tweede Kamer ..."; the next row's label runs onto the subject ("... doorkiesnummer").
    All of it is read, the repeat of the column on the next page is no body text, and the
    signature's title over two lines is the title."""
    source = IMPORT / "nieuwsbank-2001-lnv-kleine-letters.excerpt.txt"
    draft, notes = imported_draft(tmp_path, source)
    assert str(draft["date"]) == "2001-09-03"
    assert draft["subject"] == (
        "Kamervragen inzake ontwerp-besluit zand- en lössgronden Trcnr. 2001/8002"
    )
    assert draft["references"]["ours"] == ["TRCJZ/2001/12592"]
    assert draft["sender"]["ministry"] == "Ministerie van Landbouw, Natuurbeheer en Visserij"
    assert draft["addressee"]["lines"][0] == (
        "De Voorzitter van de Tweede Kamer der Staten-Generaal"
    )
    body = draft["sections"][0]["body"]
    assert "03-09-2001" not in str(body) and "kenmerk" not in str(body)
    assert body[1] == "1. Ja."
    assert draft["signatory"] == {
        "title": "De minister van Landbouw, Natuurbeheer en Visserij,",
        "name": "mr. L.J. Brinkhorst",
    }
    assert "left out of the head" not in notes


def test_a_date_on_a_line_of_its_own_is_the_letters_date(tmp_path: Path) -> None:
    """A copy that prints the letter's date on a line of its own, without the label ("Den
    Haag, 11 februari 2005" above the subject): that is the letter's date."""
    source = _variant(tmp_path, "Datum\n11 februari 2005\n", "Den Haag, 11 februari 2005\n")
    draft, notes = imported_draft(tmp_path, source)
    assert str(draft["date"]) == "2005-02-11"
    assert "found no date" not in notes


def test_lines_of_different_dates_without_a_label_give_no_date(tmp_path: Path) -> None:
    """Two lines of different dates and no "Datum": which is the letter's is not clear, so
    nothing is written and the error names both lines."""
    source = _variant(
        tmp_path, "Datum\n11 februari 2005\n", "11 februari 2005\nContactpersoon\n-\n3 maart 2005\n"
    )
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    before = sorted((content / "letters").iterdir())
    run = cli("import", source, "--content", content)
    assert run.returncode == 1, run.stderr
    assert (
        "variant.txt:3: the letterhead gives no 'Datum' and its lines give different dates "
        "(line 3 '11 februari 2005', line 6 '3 maart 2005')"
    ) in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted((content / "letters").iterdir()) == before


def test_a_subject_holding_a_label_and_a_date_is_one_subject(tmp_path: Path) -> None:
    """ "Onderwerp Nieuwe Datum 12 maart 2025" is a subject, not a subject ("Nieuwe") and a
    second date printed beside it: the subject runs to the end of its line."""
    source = _variant(
        tmp_path,
        "Onderwerp\nImplementatiewet EG-kaderrichtlijn water (Kamerstukken I 28808, A)",
        "Onderwerp Nieuwe Datum 12 maart 2025",
    )
    draft, notes = imported_draft(tmp_path, source)
    assert draft["subject"] == "Nieuwe Datum 12 maart 2025"
    assert str(draft["date"]) == "2005-02-11"
    assert "(datum) left out" not in notes


def test_an_informateurs_letter_says_to_fill_in_the_sender(tmp_path: Path) -> None:
    """The informateur's letter of 2017 names no ministry, nor does its signatory's title:
    the draft's sender.ministry is "onbekend" with a comment, and a note says what to fill in."""
    draft, notes = imported_draft(tmp_path, IMPORT / "kst-34700-19.excerpt.txt")
    assert draft["sender"]["ministry"] == "onbekend"
    assert draft["signatory"]["title"] == "De Informateur,"
    assert (
        "kst-34700-19.excerpt.txt:12: sender.ministry is 'onbekend': neither the letterhead nor "
        "the signatory's title ('De Informateur,') names a ministry; fill in who sent the letter"
    ) in notes
    written = next((tmp_path / "content" / "letters").glob("2017-05-29-*.yaml"))
    assert "names a\n  #   ministry: fill in who sent the letter" in written.read_text(
        encoding="utf-8"
    )


def test_a_letter_without_a_signature_says_that_nothing_names_the_sender(tmp_path: Path) -> None:
    """A copy that stops before the signature (Kamerstuk 31 371, nr. 342) names no ministry
    anywhere: the note says so, without quoting the placeholder as a title."""
    _, notes = imported_draft(tmp_path, IMPORT / "kst-31371-342.excerpt.txt")
    assert (
        "kst-31371-342.excerpt.txt:12: sender.ministry is 'onbekend': neither the letterhead nor "
        "a signature names a ministry; fill in who sent the letter"
    ) in notes


def test_an_informateurs_letter_on_tweedekamer_nl_is_read_with_its_title_and_signature(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl puts "Brief informateur : <title>" above the informateurs' letter of
    2021, whose heading calls a footnote ("BRIEF VAN DE INFORMATEURS1") and whose signature
    is "De informateurs, J.W. Remkes" over "W. Koolmees": the title is the subject, each
    informateur signs (the second as co-signatory), and the footnote's number is no part of a
    title."""
    draft, notes = imported_draft(tmp_path, IMPORT / "tk-2021D41978.txt")
    assert draft["subject"] == (
        "Brief van de informateurs over de bijeenkomsten op landgoed De Zwaluwenberg"
    )
    assert draft["signatory"] == {"title": "De informateur,", "name": "J.W. Remkes"}
    assert draft["cosignatories"] == [{"title": "De informateur,", "name": "W. Koolmees"}]
    assert "found no signature" not in notes
    assert "left out after the signature" not in notes
    assert "Informateurs1" not in notes
    assert "tk-2021D41978.txt:6: sender.ministry is 'onbekend'" in notes


def test_a_signature_in_capitals_is_not_taken_for_an_eerste_kamer_paper(tmp_path: Path) -> None:
    """A news site's copy of a Defensie letter of 2008 without a salutation has the signature
    "DE MINISTER VAN DEFENSIE": the refusal says the layout is not read, not that this is a
    paper of the Eerste Kamer numbered with letters ("DE")."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    run = cli("import", IMPORT / "opennieuwsbank-2008-defensie.excerpt.txt", "--content", content)
    assert run.returncode == 1, run.stderr
    assert "Eerste Kamer" not in run.stderr
    assert "this is neither a letter nor a motion in a layout the importer reads" in run.stderr


def test_the_ministry_of_a_minister_without_one_of_his_own_is_proposed(tmp_path: Path) -> None:
    """The Minister voor Grote Steden- en Integratiebeleid (2000) sat in the ministry of
    Binnenlandse Zaken, the Minister-President's ministry is Algemene Zaken, and a heading
    naming "DE STAATSSECRETARIS VAN ONDERWIJS, CULTUUR EN WETENSCHAP EN VAN DE MINISTER VOOR
    ..." (2005) gives the first sender's: the draft names those, and no note says the ministry
    is unknown."""
    cases = {
        "kst-27400-VII-6.excerpt.txt": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "tk-2019D37354.txt": "Ministerie van Algemene Zaken",
        "kst-29800-VIII-209.excerpt.txt": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    }
    for index, (name, ministry) in enumerate(cases.items()):
        draft, notes = imported_draft(tmp_path / str(index), IMPORT / name)
        assert draft["sender"]["ministry"] == ministry
        assert "sender.ministry is 'onbekend'" not in notes


def test_a_letter_as_parlementairemonitor_prints_it_takes_its_title_from_the_sites_details(
    tmp_path: Path,
) -> None:
    """parlementairemonitor.nl prints its details above the paper: "Officiële titel
    <dossier>; Brief regering; <title>" gives the subject, the other details are the site's,
    and the dossier's title stands under its number after a blank line."""
    source = IMPORT / "parlementairemonitor-33820-2.excerpt.txt"
    draft, notes = imported_draft(tmp_path, source)
    assert draft["subject"] == "Kabinetsreactie op het rapport evaluatie Wiv 2002"
    assert draft["kamerstuk"] == "33 820, nr. 2"
    assert str(draft["date"]) == "2014-03-11"
    assert "left out of the head" not in notes


def test_a_date_line_beside_the_labelled_date_is_left_out_with_a_note(tmp_path: Path) -> None:
    """Where "Datum" gives the letter's date, a line of another date ("Brussel, 3 maart
    2005") is not the letter's: the labelled date stands, and the line is noted as left out."""
    source = _variant(tmp_path, "Contactpersoon\n", "Brussel, 3 maart 2005\nContactpersoon\n")
    draft, notes = imported_draft(tmp_path, source)
    assert str(draft["date"]) == "2005-02-11"
    assert "variant.txt:1: left out of the head: 'Brussel, 3 maart 2005'" in notes


def test_a_reference_printed_beside_the_subject_is_ours_when_ons_kenmerk_is_empty(
    tmp_path: Path,
) -> None:
    """The text of an LNV letter's PDF of 2004 leaves "ons kenmerk:" empty and prints its
    value at the end of the subject's second line ("(Kamerstuk 29 446) TRCJZ/2004/6243"): the
    code is the letter's reference, for review, not part of its subject; "datum: 29-11-2004"
    is its date."""
    source = IMPORT / "opennieuwsbank-2004-lnv-kenmerk.excerpt.txt"
    draft, notes = imported_draft(tmp_path, source)
    assert str(draft["date"]) == "2004-11-29"
    assert (
        draft["subject"]
        == "Feitelijke vragen amvb artikel 75 Flora- en faunawet (Kamerstuk 29 446)"
    )
    assert draft["references"]["ours"] == ["TRCJZ/2004/6243"]
    assert "'TRCJZ/2004/6243' at the end of the subject is read as 'ons kenmerk'" in notes
