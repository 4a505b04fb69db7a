"""``briefing import`` on the heads and signatures of more real letters: berthub.eu's page of
a letter printed from the ministry's document, officielebekendmakingen.nl's page of a paper
in a dossier being handled, two signatories side by side. Each test imports a small real
text and asserts the draft, the notes or the error a user gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.importing.closing import _two_names, find_closing
from briefing.importing.source import text_lines
from tests.conftest import CONTENT, FIXTURES, cli
from tests.importing import imported_draft

IMPORT = FIXTURES / "import"


def test_a_ministry_document_on_berthub_takes_its_date_subject_and_number_from_the_page(
    tmp_path: Path,
) -> None:
    """berthub.eu prints a letter from the ministry's .docx under its own head: no letterhead,
    "Geachte Voorzitter," first. The page's title is the subject, its "datum: 2024-12-19" the
    date (for review), "Onderdeel van kamerstukdossier 21501 32-1691" the Kamerstuk."""
    draft, notes = imported_draft(tmp_path, IMPORT / "berthub-2024D51302.excerpt.txt")
    assert draft["id"] == "2024-12-19-lvvn-inzet-in-de-eu"
    assert draft["date"].isoformat() == "2024-12-19"
    assert draft["subject"] == "LVVN-inzet in de EU"
    assert draft["kamerstuk"] == "21 501-32, nr. 1691"
    assert draft["salutation"] == "Geachte Voorzitter,"
    assert "found no date" not in notes
    for line in (5, 7, 10, 16):  # the title, the dossier's title, the kind, the date, the dossier
        assert f"berthub-2024D51302.excerpt.txt:{line}: left out of the head" not in notes


def test_a_ministry_letter_without_a_date_says_where_to_add_it(tmp_path: Path) -> None:
    """A letter's text without "Datum" above the salutation: the error names the salutation's
    line and the line to add above it; nothing is written."""
    source = tmp_path / "brief.txt"
    text = (IMPORT / "berthub-2024D51302.excerpt.txt").read_text(encoding="utf-8")
    source.write_text(text.replace("Nummer: 2024D51302, datum: 2024-12-19, ", ""), "utf-8")
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    run = cli("import", source, "--content", content)
    assert run.returncode == 1
    assert run.stderr == (
        f"briefing: error: {source}:25: found no date in the letterhead (the lines above "
        "'Geachte Voorzitter,'); add a line like 'Datum 13 november 2018' above that line\n"
    )
    assert run.stdout == ""


def test_a_paper_in_a_dossier_being_handled_takes_its_number_from_the_pages_table(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl's page of a paper in a dossier being handled prints no "Nr.
    342" line: the table above the paper gives the dossier and number, and the table's rows
    are not the letter's head."""
    draft, notes = imported_draft(tmp_path, IMPORT / "kst-31371-342.excerpt.txt")
    assert draft["id"] == "2010-06-11-onbekend"
    assert draft["date"].isoformat() == "2010-06-11"
    assert draft["kamerstuk"] == "31 371, nr. 342"
    assert draft["addressee"] == {
        "lines": ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"]
    }
    body = draft["sections"][0]["body"]
    assert body[0].startswith("De griffier van de commissie voor Financiën heeft mij")
    assert "'Tweede Kamer der Staten-Generaal | 2009-2010" not in notes
    assert "'Datum publicatie" not in notes
    assert "kst-31371-342.excerpt.txt:4: no subject in the text" in notes


def test_two_signatures_side_by_side_are_two_signatories(tmp_path: Path) -> None:
    """A copy that joins two signatures on one line ("De Minister van Buitenlandse Zaken, De
    Staatssecretaris voor Europese Zaken," over "Drs. M.J.M. Verhagen Drs. F.C.G.M.
    Timmermans") signs the letter twice: the first signatory, the second among the others."""
    lines = text_lines((IMPORT / "opennieuwsbank-2009-razeb.txt").read_text(encoding="utf-8"))
    closing = find_closing(lines[:11], 0)  # the letter, up to the names under the titles
    assert closing is not None
    assert (closing.title, closing.name) == (
        "De Minister van Buitenlandse Zaken,",
        "Drs. M.J.M. Verhagen",
    )
    assert (closing.title_line, closing.name_line) == (9, 11)
    assert closing.also == [
        ("De Staatssecretaris voor Europese Zaken,", "Drs. F.C.G.M. Timmermans")
    ]
    assert closing.review is None


def test_names_side_by_side_that_cannot_be_told_apart_are_kept_for_review() -> None:
    """Full names without initials split one way only are two names; "Carola Schouten Hanke
    Bruins Slot" splits two ways, and is kept whole for review."""
    assert _two_names("Piet Adema Christianne van der Wal") == (
        "Piet Adema",
        "Christianne van der Wal",
    )
    assert _two_names("Mr.dr. J.P. Balkenende Mr. J.W. Remkes") == (
        "Mr.dr. J.P. Balkenende",
        "Mr. J.W. Remkes",
    )
    assert _two_names("Carola Schouten Hanke Bruins Slot") is None


REFUSED = {
    "opennieuwsbank-2009-razeb.txt": (
        5,
        "this is a paper as a news site reprints it ('11-03-2009 | Kamerstuk | Nederlands "
        "Ministerie van Buitenlandse Zaken'), without the paper's number, addressee and "
        "letterhead; import the paper's own publication instead (officielebekendmakingen.nl's "
        "kst-<dossier>-<nr>, as text, PDF or XML, or the ministry's PDF); the importer reads ",
    ),
    "tk-2025D04328.excerpt.txt": (
        1,
        "this is a paper of answers to written questions (Kamervragen: 'Antwoord schriftelijke "
        "vragen : Antwoord op vragen van het lid Erkens over ...'), which is published in the "
        "Aanhangsel van de Handelingen, not as a letter; a letter that sends answers is "
        "imported with them as its annex; the importer reads ",
    ),
    "opennieuwsbank-2003-notitie.excerpt.txt": (
        7,
        "this is a letter whose letterhead prints its labels side by side, apart from their "
        "values ('Datum Kenmerk Onderwerp'), a layout the importer does not read; import the "
        "paper's own publication instead (officielebekendmakingen.nl's kst-<dossier>-<nr>, as "
        "text, PDF or XML, or the ministry's PDF); the importer reads ",
    ),
    "opennieuwsbank-2007-ocw.txt": (
        6,
        "this is a letter whose letterhead prints its labels side by side, apart from their "
        "values ('Den Haag Ons kenmerk Uw brief van Uw kenmerk 20 november 2007 ...'), a "
        "layout the importer does not read; import the paper's own publication instead "
        "(officielebekendmakingen.nl's kst-<dossier>-<nr>, as text, PDF or XML, or the "
        "ministry's PDF); the importer reads ",
    ),
    "opennieuwsbank-2008-venw.excerpt.txt": (
        11,
        "this is a letter whose letterhead prints its labels side by side, apart from their "
        "values ('Contactpersoon Doorkiesnummer'), a layout the importer does not read; ",
    ),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_copy_the_importer_does_not_read_is_refused_with_what_to_import_instead(
    tmp_path: Path, name: str
) -> None:
    """A news site's reprint, answers to written questions, or a letterhead with its labels
    side by side: refused with the line, what was found and what to import instead; nothing
    is written."""
    line, message = REFUSED[name]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    before = sorted(p.name for p in (content / "letters").iterdir())
    run = cli("import", IMPORT / name, "--content", content)
    assert run.returncode == 1
    assert run.stderr.startswith(f"briefing: error: {IMPORT / name}:{line}: {message}")
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert sorted(p.name for p in (content / "letters").iterdir()) == before


def test_a_letterheads_own_date_and_subject_win_over_the_pages(tmp_path: Path) -> None:
    """Where the text under berthub.eu's head has a letterhead of its own ("Datum", "Betreft"),
    the letter's subject and date are the letterhead's, not the page's title and its date."""
    source = tmp_path / "brief.txt"
    text = (IMPORT / "berthub-2024D51302.excerpt.txt").read_text(encoding="utf-8")
    letterhead = (
        "Datum 18 december 2024\nBetreft Inzet in de Europese Unie\n\n\nGeachte Voorzitter,"
    )
    source.write_text(text.replace("\n\nGeachte Voorzitter,", letterhead), "utf-8")
    draft, _ = imported_draft(tmp_path, source)
    assert draft["id"] == "2024-12-18-inzet-in-de-europese-unie"
    assert draft["subject"] == "Inzet in de Europese Unie"
    assert draft["kamerstuk"] == "21 501-32, nr. 1691"
    yaml_text = next((tmp_path / "content" / "letters").glob("2024-12-18-*.yaml")).read_text(
        "utf-8"
    )
    assert "the date berthub.eu gives" not in yaml_text


def test_a_letter_without_a_signature_proposes_the_headings_title_for_review(
    tmp_path: Path,
) -> None:
    """A copy that stops before the signature: the title is proposed from the paper's heading
    ("BRIEF VAN DE MINISTER VAN ..."), whole, with its comma; the review says where it comes
    from, not that the title may be cut short."""
    draft, _ = imported_draft(tmp_path, IMPORT / "tk-2022D17930.excerpt.txt")
    text = (tmp_path / "content" / "letters" / f"{draft['id']}.yaml").read_text(encoding="utf-8")
    assert (
        "signatory:\n"
        "  # TODO review: the text has no signature; this title is proposed from the paper's "
        "heading\n"
        "  title: De Minister van Volksgezondheid, Welzijn en Sport,\n"
    ) in text
    assert "does not end with a comma" not in text


@pytest.mark.parametrize(
    "name",
    [
        "berthub-2019D31926.excerpt.txt",
        "berthub-2023D47783.excerpt.txt",
        "berthub-2024D51302.excerpt.txt",
    ],
)
def test_berthubs_own_lines_around_the_paper_are_not_noted(tmp_path: Path, name: str) -> None:
    """The site's menu, the document's number and links, the case and activities the paper
    belongs to: the site's furniture, left out without a note each; what is left of the head
    (the dossier's title) is still noted."""
    _, notes = imported_draft(tmp_path, IMPORT / name)
    left_out = [line for line in notes.splitlines() if "left out of the head" in line]
    for furniture in ("Preview document", "Onderdeel van", "Directe link", "Nummer:", "] ["):
        assert not any(furniture in line for line in left_out), (furniture, left_out)
    assert len(left_out) <= 1
