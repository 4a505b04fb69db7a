"""``briefing import`` on motions as more sites print them: tweedekamer.nl's block of
submitters ("Indieners") under the names, and openkamer.org's page, which gives the dossier
only in the publication's address after the text.

The samples are real pages, as copied (``fixtures/import/motion-pages/SOURCES.txt``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import FIXTURES, cli
from tests.importing import content_copy
from tests.test_import_motions_more import imported

PAGES = FIXTURES / "import" / "motion-pages"


def test_tweedekamer_nl_indieners_block_is_no_submitter(tmp_path: Path) -> None:
    """tweedekamer.nl prints 'Indieners', '-', 'Indiener' and the member's full name and
    office under the names: the submitters are the names above that block."""
    motion = imported(tmp_path, PAGES / "tk-2025D43279.txt", "kouwenhoven-36800-ix-19")
    assert motion["submitters"] == ["Kouwenhoven"]
    assert motion["kamerstuk"] == "36 800-IX, nr. 19"
    assert motion["submitted"] == dt.date(2025, 10, 2)
    assert str(motion["request"]).endswith(
        "ter versterking van de financiële functie van de Tweede Kamer"
    )


def test_openkamer_page_takes_the_dossier_from_the_publication_address(tmp_path: Path) -> None:
    """openkamer.org prints the vote and the parties above 'Nr. 11 MOTIE VAN HET LID ...',
    no dossier; the address of the publication after the text ('Bron: .../kst-36042-11.html')
    gives it. Both requests of a motion with two 'verzoekt' are its request."""
    motion = imported(tmp_path, PAGES / "openkamer-stemming-36042-11.txt", "tielen-36042-11")
    assert motion["kamerstuk"] == "36 042, nr. 11"
    assert motion["submitters"] == ["Tielen"]
    assert motion["submitted"] == dt.date(2022, 4, 11)
    assert len(motion["considerations"]) == 3
    assert motion["request"] == (
        "verzoekt de regering de Kamer met spoed de uitwerking voor een overbruggingswet te doen "
        "toekomen in een hoofdlijnenbrief en deze wet zo snel mogelijk, doch uiterlijk vóór 1 "
        "september, aan de Kamer te zenden; verzoekt de regering tevens een "
        "proportionaliteitstoets uit te voeren en een onderbouwing van de effectiviteit van "
        "maatregelen te geven"
    )


def test_a_party_sites_copy_of_a_motion_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    """A party's site copies a motion under its own heading ('Motie Van Raan/Laçin over ...',
    'Motie Thieme: ...'), without the Kamerstuk's number, title and date: it is refused as
    such, with what to import instead, not as the record of a debate nor for a missing
    number, and nothing is written."""
    content = content_copy(tmp_path / "content")
    before = (content / "motions.yaml").read_bytes()
    for name in (
        "partijvoordedieren-motie-van-raan-lacin.txt",
        "partijvoordedieren-motie-thieme.txt",
    ):
        sample = PAGES / name
        run = cli("import", sample, "--content", content)
        assert (run.returncode, run.stdout) == (1, "")
        assert run.stderr.startswith(
            f"briefing: error: {sample}:6: this is a motion's text as a site copies it (a "
            "party's, a news site's), without the number, title and date of its Kamerstuk; "
            "import the motion's own publication (kst-<dossier>-<nr>, 'Nr. 30 MOTIE VAN HET "
            "LID ...') instead; the importer reads "
        ), run.stderr
        assert "Traceback" not in run.stderr
    assert (content / "motions.yaml").read_bytes() == before


def test_a_copy_that_stops_inside_the_motion_is_refused_as_not_whole(tmp_path: Path) -> None:
    """A page copied up to the middle of the considerations has neither the request nor 'en
    gaat over tot de orde van de dag.': it is refused at its last line as a copy that is not
    whole, not for a missing request, and nothing is written."""
    content = content_copy(tmp_path / "content")
    before = (content / "motions.yaml").read_bytes()
    sample = PAGES / "berthub-2025D03540.txt"
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"briefing: error: {sample}:44: the motion's text stops before its request and 'en gaat "
        "over tot de orde van de dag.': the copy is not whole; import the whole paper (as text, "
        "PDF or XML)\n"
    )
    assert (content / "motions.yaml").read_bytes() == before


def test_an_amendment_copied_without_its_title_is_refused_as_an_amendment(tmp_path: Path) -> None:
    """A party's site copies an amendment under its own heading, without 'Nr. 8 AMENDEMENT
    ...': its opening 'De ondergetekende stelt het volgende amendement voor:' says what it is."""
    content = content_copy(tmp_path / "content")
    sample = PAGES / "partijvoordedieren-amendement-ouwehand.txt"
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr.startswith(
        f"briefing: error: {sample}:8: this is an amendment ('De ondergetekende stelt het "
        "volgende amendement voor:'), not a letter or a motion; the importer reads "
    ), run.stderr
    assert not list((content / "letters").glob("*ouwehand*"))


def test_openkamer_names_on_one_line_are_split_as_its_full_names_allow(tmp_path: Path) -> None:
    """openkamer.org prints the names under a motion on one line ("Tielen Van Haga") and the
    submitters' full names in 'Indiener(s):': the line becomes the names it is made of; where
    that line names one member, the title's names ('MOTIE VAN DE LEDEN TIELEN EN VAN HAGA')
    do. A name that is one submitter's ('Van der Staaij') stays whole. The pages are made up
    after the real one (``openkamer-stemming-36042-11.txt``), with a second submitter: no real
    page with several was found."""
    real = (PAGES / "openkamer-stemming-36042-11.txt").read_text(encoding="utf-8")
    tielen = "Judith Tielen (VVD)"
    for names, indieners, title, expected in (
        (
            "Tielen Van Haga",
            f"{tielen}, Wybren van Haga (Groep Van Haga)",
            "",
            ["Tielen", "Van Haga"],
        ),
        ("Tielen Van Haga", tielen, "DE LEDEN TIELEN EN VAN HAGA", ["Tielen", "Van Haga"]),
        (
            "Van der Staaij",
            "Kees van der Staaij (SGP), Roelof Bisschop (SGP)",
            "",
            ["Van der Staaij"],
        ),
    ):
        page = (
            real.replace("van de dag.\n\nTielen\n", f"van de dag.\n\n{names}\n")
            .replace(f"Indiener(s): {tielen}", f"Indiener(s): {indieners}")
            .replace("MOTIE VAN HET LID TIELEN", f"MOTIE VAN {title or 'HET LID TIELEN'}")
        )
        folder = tmp_path / f"{len(indieners)}"
        folder.mkdir()
        sample = folder / "page.txt"
        sample.write_text(page, encoding="utf-8")
        motion_id = f"{expected[0].lower().replace(' ', '-')}-36042-11"
        assert imported(folder, sample, motion_id)["submitters"] == expected
