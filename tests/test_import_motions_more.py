"""``briefing import`` on motions as more of their publishers print them: tweedekamer.nl's
signatories block under the names, a debate closed "tot de orde van de nacht", rijksbegroting.nl's
line of dossier, number and title, a PDF's date and "De Kamer," on one line, a web page's
links after the names, and the official XML of a gewijzigde motie naming its submitters in its
title only ("THIJSSEN C.S."); older pages' footnote under the names and "van oordeel".

The samples are real pages, as copied (``fixtures/import/motions/SOURCES.txt``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES, cli
from tests.importing import content_copy, motions

MOTIONS = FIXTURES / "import" / "motions"


def imported(tmp_path: Path, sample: Path, motion_id: str) -> dict[str, Any]:
    """The entry that importing ``sample`` alone adds, after a clean import."""
    content = content_copy(tmp_path / "content")
    run = cli("import", sample, "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion {motion_id}\n"
    assert run.stderr == ""
    check = cli("check", "--content", content)
    assert check.returncode == 0, check.stderr
    return motions(content)[motion_id]


def test_tweedekamer_nl_signatories_block_is_no_submitter(tmp_path: Path) -> None:
    """tweedekamer.nl prints 'Ondertekenaars', 'Eerste ondertekenaar' and the member's full
    name and office under the names: the submitters are the names above that block."""
    motion = imported(tmp_path, MOTIONS / "tk-2021D37132.txt", "markuszower-32317-717")
    assert motion["submitters"] == ["Markuszower"]
    assert motion["kamerstuk"] == "32 317, nr. 717"
    assert motion["request"] == "verzoekt de regering, deze uitspraken opnieuw tot de hare te maken"


def test_a_motion_closed_tot_de_orde_van_de_nacht_ends_there(tmp_path: Path) -> None:
    """A motion submitted in a night sitting may close 'en gaat over tot de orde van de
    nacht.': the request ends before it, and the name under it is the submitter."""
    motion = imported(tmp_path, MOTIONS / "tk-2021D33604.txt", "jansen-27925-829")
    assert motion["request"] == (
        "roept de regering op, een moratorium in te stellen op asielaanvragen"
    )
    assert motion["submitters"] == ["Jansen"]
    assert motion["submitted"] == dt.date(2021, 9, 15)
    assert len(motion["considerations"]) == 4


def test_rijksbegroting_nl_line_of_dossier_number_and_title(tmp_path: Path) -> None:
    """rijksbegroting.nl prints '35095 8 MOTIE VAN HET LID LEIJTEN': dossier, number, title."""
    motion = imported(tmp_path, MOTIONS / "rijksbegroting-kst255917.txt", "leijten-35095-8")
    assert (motion["kamerstuk"], motion["submitted"]) == ("35 095, nr. 8", dt.date(2018, 12, 19))
    assert motion["submitters"] == ["Leijten"]
    assert len(motion["considerations"]) == 3
    assert str(motion["request"]).startswith("verzoekt de regering, mogelijk te maken dat")


def test_date_and_de_kamer_on_one_line_and_a_page_after_the_names(tmp_path: Path) -> None:
    """A PDF's text may join 'Voorgesteld 18 maart 2020 De Kamer,'; the page around the
    motion goes on after the names with its own headings, which are no submitters."""
    motion = imported(
        tmp_path, MOTIONS / "parlementairemonitor-kst-25295-151.txt", "wilders-25295-151"
    )
    assert motion["submitters"] == ["Wilders", "Baudet"]
    assert (motion["kamerstuk"], motion["submitted"]) == ("25 295, nr. 151", dt.date(2020, 3, 18))
    assert "considerations" not in motion
    assert str(motion["request"]).startswith("verzoekt de regering, een lockdown voor heel")
    assert str(motion["request"]).endswith("nieuwe besmettingen tegen te gaan")


def test_a_comma_after_a_name_keeps_the_name_a_submitter(tmp_path: Path) -> None:
    """The official XML sometimes prints a name with a comma after it ('Stoffer,'): it is still
    the first submitter, and gives the entry its id."""
    motion = imported(tmp_path, MOTIONS / "kst-36410-XII-57.xml", "stoffer-36410-xii-57")
    assert motion["submitters"] == ["Stoffer", "Grinwis", "Kostić"]
    assert motion["kamerstuk"] == "36 410-XII, nr. 57"


def test_a_page_heading_in_sentence_case_is_not_the_title(tmp_path: Path) -> None:
    """berthub.eu/tkconv heads the page 'Motie van de leden Ploumen en Paternotte over ...' and
    prints the paper under it: the title is the one in capitals, under its number."""
    motion = imported(tmp_path, MOTIONS / "berthub-2022D09067.txt", "ploumen-35992-12")
    assert motion["submitters"] == ["Ploumen", "Paternotte"]
    assert (motion["kamerstuk"], motion["submitted"]) == ("35 992, nr. 12", dt.date(2022, 3, 9))
    assert motion["request"] == (
        "verzoekt het Presidium voorstellen uit te werken om periodiek te vergaderen op locaties "
        "gespreid over het land"
    )


def test_the_title_gives_the_submitters_with_c_s_as_written(tmp_path: Path) -> None:
    """'GEWIJZIGDE MOTIE VAN HET LID THIJSSEN C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR.
    617' with no names under the text: the submitter is 'Thijssen c.s.', the id
    'thijssen-21501-30-620', and it replaces nr. 617."""
    content = content_copy(tmp_path / "content")
    sample = MOTIONS / "kst-21501-30-620.xml"
    run = cli("import", sample, "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion thijssen-21501-30-620\n"
    assert run.stderr == (
        f"{sample}:18: the names of the submitters are not under the text; taken from the "
        "title: Thijssen c.s.\n"
    )
    motion = motions(content)["thijssen-21501-30-620"]
    assert motion["submitters"] == ["Thijssen c.s."]
    assert (motion["kamerstuk"], motion["replaces"]) == ("21 501-30, nr. 620", "21 501-30, nr. 617")


def test_a_footnote_under_the_names_is_no_submitter(tmp_path: Path) -> None:
    """officielebekendmakingen.nl's page of 2002 prints a footnote under the names ('XNoot',
    '1', 'I.v.m. herziening van de ondertekening.'): its heading is no submitter."""
    motion = imported(tmp_path, MOTIONS / "kst-28336-151.txt", "halsema-28336-151")
    assert motion["submitters"] == ["Halsema", "Jense", "Kant", "Rouvoet", "Dijksma", "Lambrechts"]
    assert motion["submitted"] == dt.date(2002, 6, 27)


def test_van_oordeel_is_a_consideration_not_the_request(tmp_path: Path) -> None:
    """'van oordeel, dat ...' gives the Kamer's reasons, as 'van mening' does: the request of
    this 2002 motion is 'dringt er bij de regering op aan, ...' alone."""
    motion = imported(tmp_path, MOTIONS / "kst-28600-VII-11.txt", "te-veldhuis-28600-vii-11")
    assert motion["submitters"] == ["Te Veldhuis", "Rehwinkel"]
    assert motion["kamerstuk"] == "28 600-VII, nr. 11"
    assert str(motion["considerations"][1]).startswith(
        "van oordeel, dat op dit terrein zo veel mogelijk moet worden samengewerkt"
    )
    assert motion["request"] == "dringt er bij de regering op aan, deze inspanningen te verrichten"


def test_a_consideration_opening_with_any_present_participle_is_not_the_request(
    tmp_path: Path,
) -> None:
    """A consideration may open with any present participle ("betreurende dat", "signalerende
    dat", "wijzende op", "herinnerende aan", "uitgaande van", "vaststellend, dat"; real
    motions open so, as "appreciërende dat" in the one read out in h-tk-20162017-39-39): it is
    a consideration also right above the request, and also where the clause before it ends
    with a comma; a line of a clause that starts with a participle ("voorafgaande ook", as a
    PDF's text may break the real clause) is no clause. The motions are made up after the real
    one (``kst-28600-VII-11.txt``), its second clause opened otherwise and its first broken
    over lines: no real motion with such a clause right above its request was found."""
    real = (MOTIONS / "kst-28600-VII-11.txt").read_text(encoding="utf-8")
    second = "dat op dit terrein zo veel mogelijk moet worden samengewerkt"
    openings = {
        21: ("betreurende, dat", ";"),
        22: ("signalerende dat", ";"),
        23: ("wijzende op het feit", ";"),
        24: ("herinnerende aan de afspraak", ";"),
        25: ("uitgaande van het gegeven", ";"),
        26: ("vaststellend, dat", ","),
        27: ("onderkennende dat", ","),
    }
    samples = []
    for number, (opening, end) in openings.items():  # each its own number, all in one import
        page = (
            real.replace("nr. 11\n", f"nr. {number}\n", 1)
            .replace(f"van oordeel, {second}", f"{opening} {second}")
            .replace("per brief;", f"per brief{end}")
            .replace("en dat daaraan voorafgaande ook", "en dat daaraan\nvoorafgaande ook")
        )
        sample = tmp_path / f"kst-28600-VII-{number}.txt"
        sample.write_text(page, encoding="utf-8")
        samples.append(sample)
    content = content_copy(tmp_path / "content")
    run = cli("import", *samples, "--content", content)
    assert (run.returncode, run.stderr) == (0, "")
    assert cli("check", "--content", content).returncode == 0
    entries = motions(content)
    for number, (opening, end) in openings.items():
        motion = entries[f"te-veldhuis-28600-vii-{number}"]
        considerations = [str(text) for text in motion["considerations"]]
        assert len(considerations) == 2, considerations
        assert considerations[0].endswith(f"per brief{end}")
        assert "te maken en dat daaraan voorafgaande ook andere" in considerations[0]
        assert considerations[1].startswith(f"{opening} {second}")
        assert motion["request"] == (
            "dringt er bij de regering op aan, deze inspanningen te verrichten"
        )


def test_a_listed_opening_starts_a_consideration_after_a_clause_without_its_semicolon(
    tmp_path: Path,
) -> None:
    """Where the clause before lacks its closing mark (the official XML may leave it out), an
    opening real motions use often starts the next consideration also when no "dat" follows
    it ("kennisnemende van"), as it did before any participle opened one. The motion is the
    real one (``kst-28600-VII-11.txt``), its first clause's semicolon taken away and its
    second clause opened so."""
    real = (MOTIONS / "kst-28600-VII-11.txt").read_text(encoding="utf-8")
    page = real.replace("per brief;", "per brief").replace(
        "van oordeel, dat op dit terrein", "kennisnemende van de wens dat op dit terrein"
    )
    sample = tmp_path / "kst-28600-VII-11.txt"
    sample.write_text(page, encoding="utf-8")
    motion = imported(tmp_path, sample, "te-veldhuis-28600-vii-11")
    considerations = [str(text) for text in motion["considerations"]]
    assert len(considerations) == 2, considerations
    assert considerations[0].endswith("per telefoon en/of per brief")
    assert considerations[1].startswith("kennisnemende van de wens dat op dit terrein")


def test_a_name_holding_a_bracket_is_written_in_quotes(tmp_path: Path) -> None:
    """A submitter's name is written in a list of the form [a, b], where a bracket or a comma
    would end it: such a name is put in quotes, and the registry reads back as written."""
    text = (MOTIONS / "kst-28336-151.txt").read_text(encoding="utf-8")
    sample = tmp_path / "kst-28336-151.txt"
    sample.write_text(text.replace("Halsema", "Hal]sema").replace("HALSEMA", "HAL]SEMA"))
    content = content_copy(tmp_path / "content")
    run = cli("import", sample, "--content", content)
    wrote = f"wrote {content / 'motions.yaml'}: motion hal-sema-28336-151\n"
    assert (run.returncode, run.stdout) == (0, wrote)
    assert "    submitters: ['Hal]sema c.s.']\n" in (content / "motions.yaml").read_text()
    assert motions(content)["hal-sema-28336-151"]["submitters"] == ["Hal]sema c.s."]
    assert cli("check", "--content", content).returncode == 0


def test_a_name_too_long_for_the_registry_is_refused_in_the_words_of_check(
    tmp_path: Path,
) -> None:
    """A motion whose submitter's name is longer than a name may be is refused, saying which
    field and why as 'briefing check' would; motions.yaml is left as it was."""
    text = (MOTIONS / "kst-28336-151.txt").read_text(encoding="utf-8")
    long_name = "Halsema" + "x" * 300
    sample = tmp_path / "kst-28336-151.txt"
    sample.write_text(text.replace("HALSEMA", long_name.upper()).replace("Halsema", long_name))
    content = content_copy(tmp_path / "content")
    before = (content / "motions.yaml").read_bytes()
    run = cli("import", sample, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr.splitlines()[-1] == (
        f"briefing: error: {sample}:5: the motion cannot be held as a registry entry: "
        "submitters[0].name: the text has 312 characters, more than the 200 that fit here; "
        f"shorten it (got '{long_name[:57]}...')"
    )
    assert (content / "motions.yaml").read_bytes() == before
