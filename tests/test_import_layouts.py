"""``briefing import`` on the layouts the sites print a Kamerstuk in, and on papers it does not
read: each test imports a small real excerpt and asserts the draft or the message a user gets."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CONTENT, FIXTURES, cli
from tests.importing import imported_draft

IMPORT = FIXTURES / "import"
RIJKSBEGROTING_LETTER = IMPORT / "rijksbegroting-kst244019.txt"
REAL_LETTERS = Path(__file__).resolve().parents[2] / "shared" / "real-letters"


def test_a_letter_as_rijksbegroting_nl_prints_it_is_named_for_its_dossier_not_the_pages_links(
    tmp_path: Path,
) -> None:
    """The page's links above the paper ("Direct naar (in deze pagina): ...", "Download PDF")
    are the site's, not the letter's: the dossier's title under them is the proposed subject."""
    draft, notes = imported_draft(tmp_path, RIJKSBEGROTING_LETTER)
    assert draft["id"] == "2018-04-03-vaststelling-begroting-infrastructuurfonds-2018"
    assert draft["subject"] == "Vaststelling begroting Infrastructuurfonds 2018"
    assert draft["kamerstuk"] == "34 775-A, nr. 62"
    assert "Direct naar" not in notes and "Download PDF" not in notes
    assert "left out of the head" not in notes


def test_the_footnotes_rijksbegroting_nl_prints_as_noot_n_are_the_letters(tmp_path: Path) -> None:
    """rijksbegroting.nl prints each footnote after the signature as "Noot 1: ...": they are the
    letter's footnotes, called where the text has "betalen.».1" and "CS»2"."""
    draft, notes = imported_draft(tmp_path, RIJKSBEGROTING_LETTER)
    assert draft["footnotes"] == {
        "nrc": "NRC, 5 en 7 maart 2018, Aanhangsel Handelingen II 2017/18, nr. 1696.",
        "nrc-2": "NRC, 5 maart 2018.",
    }
    first = draft["sections"][0]["body"][0]
    assert "niemand wil het betalen.».[^nrc] Op 14 maart" in first
    assert first.endswith("«NS waarschuwt voor verbouwing Amsterdam CS»[^nrc-2].")
    assert "Noot" not in notes and "footnote" not in notes


def refusal(tmp_path: Path, source: Path) -> str:
    """The one line ``briefing import`` prints when it refuses ``source``; it exits 1."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    run = cli("import", source, "--content", content)
    assert run.returncode == 1
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.endswith(
        "as the web page saved from a browser, or as the official XML (kst-<dossier>-<nr>.xml)"
    )
    return line


def test_an_eerste_kamer_motion_is_refused_as_one_saying_why(tmp_path: Path) -> None:
    """The Eerste Kamer numbers its papers with letters ("A MOTIE VAN ..."): the refusal says
    that this is a motion of the Eerste Kamer, at its title, and why it is not imported."""
    source = IMPORT / "kst-33750-A.excerpt.txt"
    assert refusal(tmp_path, source).startswith(
        f"briefing: error: {source}:8: this is a motion of the Eerste Kamer ('A MOTIE VAN HET "
        "LID DE GRAAFF C.S.'), numbered with a letter; motions.yaml holds the motions of the "
        "Tweede Kamer, numbered as its records number them ('35 300, nr. 12'), so an Eerste "
        "Kamer motion is not imported; the importer reads a letter as the text of the "
        "ministry's PDF"
    )


def test_an_eerste_kamer_motion_is_refused_as_one_from_its_pdf_text_and_official_xml(
    tmp_path: Path,
) -> None:
    """The Eerste Kamer's motion Schalk c.s. (35 300, L) as its page prints it, as a PDF's text
    prints it (its letter on a line of its own above 'MOTIE VAN ...', made from the page) and
    in the official XML's structure (printed 'Nr. L MOTIE VAN ...'; synthetic, see SOURCES):
    each is refused as a motion of the Eerste Kamer, at its title, not as a paper without a
    number or a site's copy."""
    page = IMPORT / "motions" / "kst-35300-L.txt"
    pdf_text = tmp_path / "kst-35300-L.pdf.txt"
    text = page.read_text(encoding="utf-8")
    pdf_text.write_text(text.replace("\nL MOTIE VAN", "\nL\nMOTIE VAN"), encoding="utf-8")
    xml = IMPORT / "motions" / "kst-35300-L.synthetic.xml"
    why = (
        "this is a motion of the Eerste Kamer ('L MOTIE VAN HET LID SCHALK C.S.'), numbered with "
        "a letter; motions.yaml holds the motions of the Tweede Kamer, numbered as its records "
        "number them ('35 300, nr. 12'), so an Eerste Kamer motion is not imported; the importer "
        "reads a letter as the text of the ministry's PDF"
    )
    for number, (source, line) in enumerate(((page, 8), (pdf_text, 8), (xml, 16))):
        found = refusal(tmp_path / str(number), source)
        assert found.startswith(f"briefing: error: {source}:{line}: {why}"), found


def test_a_list_of_questions_and_answers_is_refused_by_its_kind(tmp_path: Path) -> None:
    """A Tweede Kamer paper of another kind under "Nr. 214 ..." is named by its kind."""
    source = IMPORT / "tk-2022D35259.excerpt.txt"
    assert refusal(tmp_path, source).startswith(
        f"briefing: error: {source}:3: this is a Kamerstuk of another kind ('LIJST VAN VRAGEN EN "
        "ANTWOORDEN'), not a letter or a motion; the importer reads a letter as the text of the "
        "ministry's PDF"
    )


def test_a_minister_without_a_ministry_of_their_own_signs_for_the_one_they_sit_in(
    tmp_path: Path,
) -> None:
    """'De Minister voor Medische Zorg' has no ministry in the title; the draft's sender is
    the ministry the post sits in, not 'onbekend'."""
    letter = REAL_LETTERS / "2020-09-18-kst-35537-3-uitstel-reactie-initiatiefnota-veldman.txt"
    draft, _ = imported_draft(tmp_path, letter)
    signatory, sender = draft["signatory"], draft["sender"]
    assert isinstance(signatory, dict) and isinstance(sender, dict)
    assert signatory["title"] == "De Minister voor Medische Zorg,"
    assert sender["ministry"] == "Ministerie van Volksgezondheid, Welzijn en Sport"
