"""``briefing import`` on the record of a debate (Handelingen): each motion read out in it
whose number the chair gives ("Zij krijgt nr. 30 (32563).") becomes an entry, the submitters
as the chair names them, a motion changed in the debate with the one it replaces; a motion the
copy gives no number is left out and said so.

The samples are real pages, as copied (``fixtures/import/handelingen/SOURCES.txt``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import FIXTURES, cli
from tests.importing import content_copy, motions

RECORDS = FIXTURES / "import" / "handelingen"
#: The note on a motion of a record, which does not print the day of the sitting.
NO_DAY = (
    "the file does not give the day motion {} was submitted ('Voorgesteld <date>'); until its "
    "entry has 'submitted: YYYY-MM-DD', or 'briefing kamer link' finds its record, no dossier "
    "or register shows it"
)


def test_the_motions_of_a_debate_record_are_imported_with_the_number_the_chair_gives(
    tmp_path: Path,
) -> None:
    """The chair says who proposed each motion and which number it gets: the first motion
    becomes 'graus-32563-30', verbatim; the second, whose number the copy no longer holds,
    is left out with a note on its line, and the import still succeeds."""
    content = content_copy(tmp_path / "content")
    sample = RECORDS / "h-tk-20122013-86-11.txt"
    run = cli("import", sample, "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion graus-32563-30\n"
    assert run.stderr == (
        f"{sample}:33: the record gives the motion no number (the chair's 'Zij krijgt nr. 30 "
        "(32563).' is not under it); not imported: import its own publication "
        "(kst-<dossier>-<nr>)\n"
        f"{sample}:29: {NO_DAY.format('32 563, nr. 30')}\n"
    )
    motion = motions(content)["graus-32563-30"]
    assert motion["submitters"] == ["Graus"]
    assert motion["kamerstuk"] == "32 563, nr. 30"
    assert "submitted" not in motion
    considerations = motion["considerations"]
    assert len(considerations) == 3
    assert considerations[0] == (
        "constaterende dat in de Flora- en faunawet (artikel 2, lid 1) zorgplicht is opgenomen "
        "voor de in het wild levende dieren en planten voor hun directe leefomgeving;"
    )
    assert motion["request"] == (
        "verzoekt de regering, tot strenge controle op naleving van de zorgplicht van "
        "Staatsbosbeheer en Natuurmonumenten als omschreven in de voornoemde Flora- en faunawet"
    )
    assert cli("check", "--content", content).returncode == 0


def test_a_motion_changed_in_the_debate_replaces_the_one_it_names(tmp_path: Path) -> None:
    """'De motie-Gesthuizen/Sjoerdsma (32317, nr. 347) is in die zin gewijzigd dat zij thans
    luidt:', then 'Zij krijgt nr. 348, was nr. 347 (32317).': nr. 348 by both members,
    replacing nr. 347."""
    content = content_copy(tmp_path / "content")
    sample = FIXTURES / "import" / "motions" / "h-tk-20152016-11-8.txt"
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stderr) == (0, f"{sample}:33: {NO_DAY.format('32 317, nr. 348')}\n")
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion gesthuizen-32317-348\n"
    motion = motions(content)["gesthuizen-32317-348"]
    assert motion["submitters"] == ["Gesthuizen", "Sjoerdsma"]
    assert (motion["kamerstuk"], motion["replaces"]) == ("32 317, nr. 348", "32 317, nr. 347")
    assert len(motion["considerations"]) == 2
    assert str(motion["request"]).startswith("verzoekt de regering om direct met de bewoners")
    assert str(motion["request"]).endswith("over de aantallen op te vangen vluchtelingen")


def test_a_motion_changed_before_the_votes_replaces_the_one_the_chair_names_above_it(
    tmp_path: Path,
) -> None:
    """1996: 'De motie-Verspaget (25000-XI, nr. 22) is in die zin gewijzigd, dat zij thans
    luidt:', then 'Zij krijgt nr. 41 (25000-XI).' without 'was nr. 22': nr. 41 by its six
    members replaces nr. 22, though the record is that of the votes."""
    content = content_copy(tmp_path / "content")
    sample = RECORDS / "h-vv-19961997-2191-2192.txt"
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stderr) == (
        0,
        f"{sample}:39: {NO_DAY.format('25 000-XI, nr. 41')}\n",
    )
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion verspaget-25000-xi-41\n"
    motion = motions(content)["verspaget-25000-xi-41"]
    assert (motion["kamerstuk"], motion["replaces"]) == ("25 000-XI, nr. 41", "25 000-XI, nr. 22")
    assert motion["submitters"] == [
        "Verspaget",
        "Klein Molekamp",
        "Augusteijn-Esser",
        "M.B. Vos",
        "Stellingwerf",
        "Van Middelkoop",
    ]
    assert str(motion["request"]).endswith(
        "gekoppeld aan een duurzaam beheer van de rest van het areaal"
    )


def test_the_points_of_a_request_are_read_without_the_pages_bullet_before_their_dash(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl prints a list as '• -iedereen recht heeft ...': each point is
    one dash in the request, not a dash and then the list's own."""
    content = content_copy(tmp_path / "content")
    run = cli("import", RECORDS / "h-tk-20182019-33-4.txt", "--content", content)
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion beckerman-33529-537\n"
    motion = motions(content)["beckerman-33529-537"]
    assert motion["submitters"] == ["Beckerman", "Nijboer", "Akerboom", "Van der Lee"]
    assert motion["request"] == (
        "verzoekt de regering te regelen dat: \u2013 iedereen recht heeft op inspectie op "
        "korte termijn; \u2013 iedereen met een versterkingsadvies of opname recht heeft op "
        "aanpak van de woning"
    )


def test_a_record_that_gives_its_motion_no_number_is_refused_saying_so(tmp_path: Path) -> None:
    """A copy of the record that stops before the chair gives the changed motion its number
    holds no motion to import: refused as a motion of a debate's record, nothing written."""
    content = content_copy(tmp_path / "content")
    before = (content / "motions.yaml").read_bytes()
    sample = RECORDS / "h-tk-20042005-4283.txt"
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr.startswith(
        f"briefing: error: {sample}:19: this is a motion as the record of a debate "
        "(Handelingen) prints it, without the number, title and date of its Kamerstuk; "
    )
    assert (content / "motions.yaml").read_bytes() == before


def refused(tmp_path: Path, sample: Path) -> str:
    """The error ``briefing import`` gives for ``sample``, which it refuses writing nothing."""
    content = content_copy(tmp_path / "content")
    before = (content / "motions.yaml").read_bytes()
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert "Traceback" not in run.stderr
    assert (content / "motions.yaml").read_bytes() == before
    return run.stderr


def test_the_record_of_votes_on_motions_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    """'Aan de orde zijn de stemmingen over 32 moties, ...' lists motions by number only: the
    refusal says it is the record of the votes, not that the layout is unknown."""
    sample = RECORDS / "h-tk-19961997-3369.txt"
    assert refused(tmp_path, sample).startswith(
        f"briefing: error: {sample}:6: this is the record of the votes on motions ('Aan de "
        "orde zijn de stemmingen over 32 moties, ingediend in het notaoverleg ...'), which "
        "names the motions and their numbers but not their text; import each motion's own "
        "publication (kst-<dossier>-<nr>); the importer reads "
    )


def test_a_debate_record_without_a_numbered_motion_is_refused_saying_what_it_is(
    tmp_path: Path,
) -> None:
    """A debate whose copy stops inside the motion read out (1996), a sitting's business that
    names motions by number only, and tweedekamer.nl's record of a sitting are refused as the
    record of a debate, quoting its head or its first speaker."""
    for name, line, speaker in (
        ("h-tk-19961997-3365.txt", 5, "De heer Hofstra (VVD):"),
        ("h-tk-20162017-97-8.txt", 4, "Tweede Kamer der Staten-Generaal2016-2017nr. 97, item 8"),
        (
            "tk-plenair-verslag-2022-2023-103.txt",
            1,
            "Plenair verslag Tweede Kamer, 103e vergadering",
        ),
    ):
        sample = RECORDS / name
        assert refused(tmp_path / name, sample).startswith(
            f"briefing: error: {sample}:{line}: this is the record of a debate (Handelingen: "
            f"'{speaker}'), which holds no motion read out in full with the number the chair "
            "gives it ('Zij krijgt nr. 30 (32563).'); import each motion's own publication "
            "(kst-<dossier>-<nr>); the importer reads "
        )


def test_a_motion_without_a_day_is_warned_of_until_it_has_one(tmp_path: Path) -> None:
    """The motion a debate's record gives has no day, so no dossier or register can show it:
    `check` says so at its entry; once its day is added, the register has it."""
    content = content_copy(tmp_path / "content")
    assert cli("import", RECORDS / "h-tk-20122013-86-11.txt", "--content", content).returncode == 0
    checked = cli("check", "--content", content)
    registry = content / "motions.yaml"
    line = registry.read_text(encoding="utf-8").splitlines().index("  - id: graus-32563-30") + 1
    assert (
        f"{registry}:{line}:5: motions[7]: warning: motion 'graus-32563-30' has no day: no "
        "'submitted' or 'adopted', no record in kamer.yaml and no letter reporting on it, so no "
        "dossier or register shows it; add 'submitted: YYYY-MM-DD' (the day it was submitted)\n"
    ) in checked.stderr
    assert checked.stderr.endswith("0 errors, 4 warnings\n")

    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace(
            "  - id: graus-32563-30\n", "  - id: graus-32563-30\n    submitted: 2013-04-25\n"
        ),
        encoding="utf-8",
    )
    assert cli("check", "--content", content).stderr.endswith("0 errors, 3 warnings\n")
    export = cli(
        "export", "--content", content, "--date", "2022-04-30", "--out", tmp_path / "r.csv"
    )
    assert export.stdout == f"wrote {tmp_path / 'r.csv'} (13 rows)\n"
    assert "graus-32563-30" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


#: A record of a debate in the official XML, in the shape officielebekendmakingen.nl gives
#: its h-tk-...xml (a 'handelingen' with its 'agendapunt', speakers' turns and the motions
#: read out), before 2011 under a root 'handeling'. Made up: no real file was found.
RECORD_XML = {
    "h-tk-20122013-86-11.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie>\n  <metadata>\n'
        b'    <meta name="OVERHEIDop.externMetadataRecord" scheme="" '
        b'content="https://zoek.officielebekendmakingen.nl/h-tk-20122013-86-11/metadata.xml"/>\n'
        b"  </metadata>\n  <handelingen>\n    <agendapunt>\n      <spreekbeurt>\n"
        b"        <tekst><al>Voorzitter. Ik dien de volgende moties in.</al></tekst>\n"
        b"      </spreekbeurt>\n    </agendapunt>\n  </handelingen>\n</officiele-publicatie>\n",
        6,
    ),
    "h-tk-19961997-3365-3369.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<handeling>\n  <spreker><wie><naam>Hofstra'
        b"</naam></wie><al>Voorzitter!</al></spreker>\n</handeling>\n",
        2,
    ),
}


def test_a_debate_record_as_xml_is_refused_saying_what_it_is_and_what_to_import(
    tmp_path: Path,
) -> None:
    """The Handelingen as XML are not read: the refusal says the file is the record of a
    debate (not that it is no Kamerstuk) and what to import instead, at its 'handelingen'."""
    for name, (data, line) in RECORD_XML.items():
        sample = tmp_path / name
        sample.write_bytes(data)
        assert refused(tmp_path / f"{name}.content", sample) == (
            f"briefing: error: {sample}:{line}: this XML is the record of a debate (Handelingen, "
            "officielebekendmakingen.nl's h-tk-...), which the importer does not read as XML; "
            "import the record as text (its page on zoek.officielebekendmakingen.nl or "
            "tweedekamer.nl, copied: the motions read out in it with the number the chair gives "
            "them are added), or each motion's own publication (kst-<dossier>-<nr>.xml)\n"
        )


def test_the_day_of_the_sitting_a_record_prints_is_its_motions_submitted_day(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl prints the day of the sitting under its head ('Donderdag 6 juli 2023'),
    berthub.eu the day of the verbatim record ('Stenogram' / 'Nummer: 2025D02657, datum:
    2025-01-23'): the motions read out are submitted that day, so each entry has it and no
    note says the day is missing. Each record is the head of one real record and the debate
    of another (2013) joined: the day is not that motion's own."""
    debate = (RECORDS / "h-tk-20122013-86-11.txt").read_text(encoding="utf-8")
    for head, day in (
        ("tk-plenair-verslag-2022-2023-103.txt", dt.date(2023, 7, 6)),
        ("berthub-2025D02657.txt", dt.date(2025, 1, 23)),
    ):
        sample = tmp_path / head
        sample.write_text((RECORDS / head).read_text(encoding="utf-8") + "\n" + debate, "utf-8")
        content = content_copy(tmp_path / f"{head}.content")
        run = cli("import", sample, "--content", content)
        assert run.returncode == 0, run.stderr
        assert run.stdout == f"wrote {content / 'motions.yaml'}: motion graus-32563-30\n"
        assert "submitted" not in run.stderr
        assert motions(content)["graus-32563-30"]["submitted"] == day
        assert cli("check", "--content", content).stderr.endswith("0 errors, 3 warnings\n")


def test_the_chairs_words_broken_over_lines_with_members_named_by_initials(
    tmp_path: Path,
) -> None:
    """A PDF's text breaks the chair's words over lines and the chair names members who share
    a surname with their initials ('M.B. Vos'); the sitting's day is in its title line. The
    record is the real one (``h-tk-20122013-86-11.txt``) with its chair's words and title
    line made up in that shape."""
    debate = (RECORDS / "h-tk-20122013-86-11.txt").read_text(encoding="utf-8")
    chair = debate.index("Deze motie is voorgesteld door het lid Graus.")
    end = debate.index("Zij krijgt nr. 30 (32563).") + len("Zij krijgt nr. 30 (32563).")
    sample = tmp_path / "record.txt"
    sample.write_text(
        "Tweede Kamer, 86e vergadering, woensdag 15 mei 2013\n\n"
        + debate[:chair]
        + "Deze motie is voorgesteld door de leden M.B. Vos,\nVan der Staaij en Omtzigt. Naar"
        " mij blijkt, wordt de\nindiening ervan voldoende ondersteund.\n\nZij krijgt nr. 30\n"
        "(32563).\n" + debate[end:],
        encoding="utf-8",
    )
    content = content_copy(tmp_path / "content")
    run = cli("import", sample, "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion m-b-vos-32563-30\n"
    motion = motions(content)["m-b-vos-32563-30"]
    assert motion["submitters"] == ["M.B. Vos", "Van der Staaij", "Omtzigt"]
    assert motion["submitted"] == dt.date(2013, 5, 15)
