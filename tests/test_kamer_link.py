"""``briefing kamer link`` on the bundled content against the real records: the facts it
writes, what it reports, and the links a person added by hand."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.cli import main
from briefing.kamer.facts_file import read_facts
from briefing.kamer.load import load_files
from tests.conftest import cli, text_of
from tests.test_kamer_data import FIXTURES, no_live_service, real_files, real_records

__all__ = ["no_live_service"]  # the autouse fixture: no test reaches the live service

HAND_LINKED = """\
debates:
  - debate: technische-briefing-sectorale-samenwerking
    activiteit: 2021A08488
  - debate: begroting-bhos-2021-11-25
    activiteit: 2021A07684
    committee: de plenaire vergadering
motions:
  - motion: amhaouch-35925-xvii-33
    zaak: 2021Z99999
    kamerstuk: 35 925-XVII, nr. 33
"""


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Every real record, and two commitments in the register's shape."""
    path = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json"], path)
    return path


@pytest.fixture
def content(content_copy: Path) -> Path:
    """The bundled letters with registries of their own (the technical briefing on the day
    the 2022 letter gives it, as before review) and no kamer.yaml, so that the tests do not
    depend on how the bundled content grows."""
    (content_copy / "kamer.yaml").unlink(missing_ok=True)
    shutil.rmtree(content_copy / "qa")
    for name in ("debates.yaml", "motions.yaml"):
        shutil.copy(FIXTURES / name, content_copy / name)
    return content_copy


def link(content: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run ``briefing kamer link``; its lines of output."""
    status = main(["kamer", "link", "--content", str(content), "--store", str(store)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    return out.splitlines()


def edit(path: Path, old: str, new: str) -> Path:
    """Replace ``old`` by ``new`` in the file at ``path``; return the path."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "kamer.yaml"
    }


def test_link_gives_the_letters_motions_and_debates_their_records(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    others = digests(content)
    lines = link(content, store, capsys)
    facts = read_facts(content / "kamer.yaml")

    letters = {f.letter: (f.zaak, str(f.kamerstuk)) for f in facts.letters}
    assert letters == {
        "2018-11-13-voortgang-imvo-beleid": ("2018Z20898", "Kamerstuk 26 485, nr. 293"),
        "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid": (
            "2022Z06842",
            "Kamerstuk 26 485, nr. 395",
        ),
    }
    motions = {str(f.motion): f for f in facts.motions}
    assert {m: f.zaak for m, f in motions.items()} == {
        "becker-26485-277": "2018Z06147",
        "bouali-26485-280": "2018Z06150",
        "diks-26485-273": "2018Z06142",
        "van-der-lee-35570-71": "2021Z10407",
        "van-laar-26485-224": "2016Z16046",
    }
    assert str(motions["becker-26485-277"].submitted) == "2018-04-04"
    assert motions["becker-26485-277"].appreciation is None  # before 1 April 2019
    assert motions["van-der-lee-35570-71"].appreciation == "Oordeel Kamer"
    debates = {f.debate: (f.activiteit, str(f.date), f.status) for f in facts.debates}
    assert debates == {
        "ao-imvo-2018-11-14": ("2018A02240", "2018-11-14", "Uitgevoerd"),
        "ao-imvo-2020-03-03": ("2020A00790", "2020-03-03", "Uitgevoerd"),
        "begroting-bhos-2021-11-25": ("2021A07684", "2021-11-25", "Uitgevoerd"),
        "notaoverleg-bhos-2018-06-28": ("2018A02057", "2018-06-28", "Uitgevoerd"),
    }
    commitments = {str(f.commitment): f for f in facts.commitments}
    briefing = commitments["technische-briefing-sectorale-samenwerking"]
    assert (briefing.toezegging, briefing.status, str(briefing.deadline)) == (
        "TZ202111-101",
        "Afgedaan",
        "2022-03-31",
    )
    assert [(f.document, f.letter) for f in briefing.fulfilled_by] == [
        ("2022D13866", "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid")
    ]
    transition = commitments["overgang-convenanten-sectorale-samenwerking"]
    assert (transition.toezegging, transition.status, transition.deadline) == (
        "TZ202111-102",
        "Openstaand",
        None,  # DatumNakoming 0001-01-01: no deadline
    )
    assert digests(content) == others  # no other content file is touched

    assert (
        "linked letter 2018-11-13-voortgang-imvo-beleid → Zaak 2018Z20898 (Brief regering, "
        "2018-11-13, 'Voortgang IMVO-beleid'): the only Brief regering registered on "
        "2018-11-13, with the same subject"
    ) in lines
    assert (
        "linked motion becker-26485-277 → Zaak 2018Z06147 (Motie, 2018-04-04, 'Motie van het "
        "lid Becker c.s. over het actief tegengaan van misstan...'): volgnummer 277, first "
        "submitter Becker, dossier 'Maatschappelijk verantwoord ondernemen' (that of 26485)"
    ) in lines
    assert lines[-1] == (
        "linked 13 of 20 content items (2 letters, 5 motions, 4 debates, 2 commitments; 0 kept, "
        f"13 new); 1 ambiguous, 1 near, 5 not found; wrote {content / 'kamer.yaml'}"
    )


def test_link_reports_a_near_record_and_an_ambiguity_and_links_neither(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = link(content, store, capsys)
    path = content / "kamer.yaml"
    assert (
        "near debate technische-briefing-sectorale-samenwerking: Activiteit 2021A08488 "
        "(Technische briefing, 2022-02-17, 'IMVO sectorale samenwerking', Uitgevoerd): the same "
        f"kind and subject, but not on 2021-02-17; if it is the same, add it to {path} by hand"
    ) in lines
    assert (
        "ambiguous motion amhaouch-34952-7: 2 records fit (volgnummer 7, first submitter "
        "Amhaouch): Zaak 2017Z08382 (Motie, 2017-06-15, 'Motie van het lid Amhaouch c.s. over "
        "het zichtbaar maken van de res...'); Zaak 2018Z12844 (Motie, 2018-06-28, 'Motie van "
        "het lid Amhaouch over bindende afspraken met de cacao pro...'); add the right one to "
        f"{path} by hand"
    ) in lines
    assert "not found debate ao-jemen-2020-03-04: no algemeen overleg on 2020-03-04" in lines
    facts = read_facts(path)
    assert "technische-briefing-sectorale-samenwerking" not in {f.debate for f in facts.debates}
    assert "amhaouch-34952-7" not in {f.motion for f in facts.motions}


def test_link_writes_the_same_file_and_report_every_time(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for path in content.rglob("*"):
        target = other / path.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file():
            target.write_bytes(path.read_bytes())
    first = link(content, store, capsys)
    second = link(other, store, capsys)
    assert (content / "kamer.yaml").read_bytes() == (other / "kamer.yaml").read_bytes()
    assert [line.replace(str(other), str(content)) for line in second] == first
    again = link(content, store, capsys)  # every link is now in the file, and kept
    assert (content / "kamer.yaml").read_bytes() == (other / "kamer.yaml").read_bytes()
    assert sum(line.startswith("kept ") for line in again) == 13


def test_link_keeps_the_links_a_person_added(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content / "kamer.yaml").write_text(HAND_LINKED, encoding="utf-8")
    lines = link(content, store, capsys)
    facts = read_facts(content / "kamer.yaml")
    debates = {str(f.debate): f for f in facts.debates}
    briefing = debates["technische-briefing-sectorale-samenwerking"]
    assert (briefing.activiteit, str(briefing.date), briefing.kind) == (
        "2021A08488",
        "2022-02-17",
        "Technische briefing",
    )
    budget = debates["begroting-bhos-2021-11-25"]  # the records name no committee
    assert (budget.committee, budget.kind) == (
        "de plenaire vergadering",
        "Plenair debat (wetgeving)",
    )
    motions = {str(f.motion): f for f in facts.motions}
    assert motions["amhaouch-35925-xvii-33"].zaak == "2021Z99999"  # kept as it was
    assert (
        "kept debate technische-briefing-sectorale-samenwerking → Activiteit 2021A08488 "
        "(Technische briefing, 2022-02-17, 'IMVO sectorale samenwerking', Uitgevoerd)"
    ) in lines
    assert (
        "not in store motion amhaouch-35925-xvii-33: Zaak 2021Z99999 is not in the store; its "
        "entry is kept as it was"
    ) in lines


def test_the_written_file_is_readable_content(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link(content, store, capsys)
    text = (content / "kamer.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/kamer.schema.json\n")
    data = yaml.safe_load(text)
    assert list(data) == ["letters", "motions", "debates", "commitments"]
    assert data["motions"][0] == {
        "motion": "becker-26485-277",
        "zaak": "2018Z06147",
        "kamerstuk": "26 485, nr. 277",
        "subject": "Motie van het lid Becker c.s. over het actief tegengaan van misstanden op de "
        "werkvloer",
        "submitted": __import__("datetime").date(2018, 4, 4),
    }
    assert main(["check", "--content", str(content)]) == 0


def test_a_wrong_kamer_file_is_reported_where_it_is_wrong_and_left_alone(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content / "kamer.yaml"
    text = HAND_LINKED.replace("2021A08488", "2021-A-8488")
    path.write_text(text, encoding="utf-8")
    status = main(["kamer", "link", "--content", str(content), "--store", str(store)])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"{path}:3:5: debates[0].activiteit: '2021-A-8488' is not of the form this field "
        "takes; write it like '2018A02240'"
    ]
    assert path.read_text(encoding="utf-8") == text


def test_link_refuses_content_with_errors(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    motions = edit(content / "motions.yaml", "kamerstuk: 26 485, nr. 224", "kamerstuk: 26485-224")
    status = main(["kamer", "link", "--content", str(content), "--store", str(store)])
    _, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines() == [
        f"{motions}:6:5: motions[0].kamerstuk: '26485-224' is not a Kamerstuk number; write it "
        "like '26 485, nr. 224' or '35 925-XVII, nr. 33'"
    ]
    assert not (content / "kamer.yaml").exists()


def test_a_warning_in_the_content_does_not_stop_link(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text cut off by a comment is warned of by ``check``; ``link`` reads on."""
    edit(content / "motions.yaml", "id: van-laar-26485-224", "id: van-laar-26485-224  #eerste")
    assert any("van-laar-26485-224" in line for line in link(content, store, capsys))
    assert (content / "kamer.yaml").is_file()


def test_a_letter_whose_header_is_wrong_is_reported_where_it_is_wrong(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = content / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    edit(letter, "date: 2018-11-13", "date: 2018-11-31")
    status = main(["kamer", "link", "--content", str(content), "--store", str(store)])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [  # as 'briefing check' says it
        f"{letter}:3:1: date: '2018-11-31' is no day in the calendar: month 11 of 2018 has 30 "
        "days; write an existing day as YYYY-MM-DD"
    ]
    assert not (content / "kamer.yaml").exists()


def test_a_letter_in_flow_style_is_read_the_same(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = link(content, store, capsys)
    (content / "kamer.yaml").unlink()
    letter = content / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    data = yaml.safe_load(letter.read_text(encoding="utf-8"))
    letter.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    assert link(content, store, capsys) == first


COMMENTED = """\
# yaml-language-server: $schema=schemas/kamer.schema.json
# Reviewed by the IMVO team.
debates:
  # Checked with the griffie on 3 March.
  - debate: technische-briefing-sectorale-samenwerking
    activiteit: 2021A08488  # the briefing, not the debate
  - debate: begroting-bhos-2021-11-25
    # The records name no committee; ours:
    committee: de plenaire vergadering
    activiteit: 2021A07684
motions:
  - motion: amhaouch-35925-xvii-33
    zaak: 2021Z99999
    kamerstuk: 35 925-XVII, nr. 33
    subject: >-  # shortened by hand
      Motie Amhaouch
# Left to do: the commitments.
"""


def test_link_keeps_the_comments_a_person_wrote(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content / "kamer.yaml").write_text(COMMENTED, encoding="utf-8")
    link(content, store, capsys)
    text = (content / "kamer.yaml").read_text(encoding="utf-8")
    assert text.count("# yaml-language-server") == 1  # the header is written anew
    assert "refresh the other facts.\n# Reviewed by the IMVO team.\nletters:\n" in text
    assert (
        "# Checked with the griffie on 3 March.\n"
        "- debate: technische-briefing-sectorale-samenwerking\n"
        "  activiteit: 2021A08488  # the briefing, not the debate\n"
    ) in text
    assert (
        "  # The records name no committee; ours:\n  committee: de plenaire vergadering\n"
    ) in text
    assert "  subject: Motie Amhaouch  # shortened by hand\n" in text
    assert text.endswith("# Left to do: the commitments.\n")
    assert main(["check", "--content", str(content)]) == 0
    capsys.readouterr()
    link(content, store, capsys)  # and once more: the same file
    assert (content / "kamer.yaml").read_text(encoding="utf-8") == text


VOORTGANG = "letters/2018-11-13-voortgang-imvo-beleid.yaml"
GHANA = "2018-11-13-kabinetsreactie-aiv-advies"
SECOND_BRIEFING = """
  - id: technische-briefing-convenanten-2
    text: >-
      Een technische briefing over de IMVO-convenanten organiseren voor de Kamer.
    debate: begroting-bhos-2021-11-25
    made_by: Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking
"""


def test_a_second_letter_of_the_day_on_another_subject_is_near_and_gets_no_kamerstuk(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (content / VOORTGANG).read_text(encoding="utf-8")
    text = text.replace("id: 2018-11-13-voortgang-imvo-beleid", f"id: {GHANA}").replace(
        "subject: Voortgang IMVO-beleid", "subject: Kabinetsreactie op het AIV-advies over Ghana"
    )
    (content / f"letters/{GHANA}.yaml").write_text(text, encoding="utf-8")
    lines = link(content, store, capsys)
    path = content / "kamer.yaml"
    assert (
        f"near letter {GHANA}: Zaak 2018Z20898 (Brief regering, 2018-11-13, 'Voortgang "
        "IMVO-beleid'): the only Brief regering registered on 2018-11-13, but about 'Voortgang "
        "IMVO-beleid', not 'Kabinetsreactie op het AIV-advies over Ghana'; if it is the same, "
        f"add it to {path} by hand"
    ) in lines
    assert {f.letter: f.zaak for f in read_facts(path).letters} == {
        "2018-11-13-voortgang-imvo-beleid": "2018Z20898",
        "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid": "2022Z06842",
    }
    out = tmp_path / "out"
    done = cli("prepare", "--content", content, "--out", out, "--debate", "ao-imvo-2018-11-14")
    assert done.returncode == 0, done.stderr
    dossier = text_of(out / "briefings/ao-imvo-2018-11-14-2018-11-14.pdf").replace(" ", "")
    assert "VoortgangIMVO-beleid(brief13november2018,Kamerstuk26485,nr.293)" in dossier
    assert "AIV-adviesoverGhana(brief13november2018)" in dossier  # in the list of letters
    assert "AIV-adviesoverGhana—13november2018" in dossier  # in the table: no Kamerstuk
    assert "Ghana(brief13november2018,Kamerstuk" not in dossier


def test_a_letter_with_its_own_kamerstuk_number_is_found_by_it(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An imported letter gives its Kamerstuk number: that finds its record, whatever other
    letters the day has; a number the records lack is said, and nothing is linked."""
    edit(content / VOORTGANG, "\ndebate: ", "\nkamerstuk: 26 485, nr. 293\ndebate: ")
    text = (content / VOORTGANG).read_text(encoding="utf-8")
    text = text.replace("id: 2018-11-13-voortgang-imvo-beleid", f"id: {GHANA}")
    text = text.replace("nr. 293", "nr. 999")
    (content / f"letters/{GHANA}.yaml").write_text(text, encoding="utf-8")
    lines = link(content, store, capsys)
    assert [line for line in lines if " letter 2018-11-13-" in line] == [
        f"not found letter {GHANA}: no Brief regering is Kamerstuk 26 485, nr. 999",
        "linked letter 2018-11-13-voortgang-imvo-beleid → Zaak 2018Z20898 (Brief regering, "
        "2018-11-13, 'Voortgang IMVO-beleid'): Kamerstuk 26 485, nr. 293",
    ]
    facts = {f.letter: f.zaak for f in read_facts(content / "kamer.yaml").letters}
    assert facts["2018-11-13-voortgang-imvo-beleid"] == "2018Z20898" and GHANA not in facts


def test_two_commitments_that_fit_one_record_link_it_to_the_closer_one(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (content / "commitments.yaml").open("a", encoding="utf-8") as file:
        file.write(SECOND_BRIEFING)
    lines = link(content, store, capsys)
    path = content / "kamer.yaml"
    record = (
        "Toezegging TZ202111-101 (2021-11-26, 'De minister zegt toe een technische briefing te "
        "organiseren over de...')"
    )
    assert (
        "ambiguous commitment technische-briefing-convenanten-2: it and commitment "
        "technische-briefing-sectorale-samenwerking fit one record, "
        "technische-briefing-sectorale-samenwerking better (100% against 67%): "
        f"{record}; add the right one to {path} by hand"
    ) in lines
    linked: dict[str, str] = {f.commitment: f.toezegging for f in read_facts(path).commitments}
    assert linked["technische-briefing-sectorale-samenwerking"] == "TZ202111-101"
    assert "technische-briefing-convenanten-2" not in linked


def test_a_record_linked_in_the_file_is_not_linked_to_another_item_too(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (content / "commitments.yaml").open("a", encoding="utf-8") as file:
        file.write(SECOND_BRIEFING)
    path = content / "kamer.yaml"
    path.write_text(
        "commitments:\n"
        "  - commitment: technische-briefing-convenanten-2\n"
        "    toezegging: TZ202111-101\n",
        encoding="utf-8",
    )
    lines = link(content, store, capsys)
    assert any(
        line.startswith(
            "ambiguous commitment technische-briefing-sectorale-samenwerking: it fits a record "
            f"that {path} links to commitment technische-briefing-convenanten-2: Toezegging "
            "TZ202111-101 ("
        )
        for line in lines
    )
    linked: dict[str, str] = {f.commitment: f.toezegging for f in read_facts(path).commitments}
    assert linked["technische-briefing-convenanten-2"] == "TZ202111-101"
    assert "technische-briefing-sectorale-samenwerking" not in linked


def test_check_warns_where_two_entries_name_one_record(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (content / "commitments.yaml").open("a", encoding="utf-8") as file:
        file.write(SECOND_BRIEFING)
    path = content / "kamer.yaml"
    path.write_text(
        "commitments:\n"
        "  - commitment: technische-briefing-convenanten-2\n"
        "    toezegging: TZ202111-101\n"
        "  - commitment: technische-briefing-sectorale-samenwerking\n"
        "    toezegging: TZ202111-101\n",
        encoding="utf-8",
    )
    assert main(["check", "--content", str(content)]) == 0
    warnings = [w for w in capsys.readouterr().err.splitlines() if "kamer.yaml" in w]
    assert warnings == [
        f"{path}:5:5: commitments[1].toezegging: warning: toezegging TZ202111-101 is linked to "
        "commitment 'technische-briefing-convenanten-2' too: one record is one content item; "
        "keep the link of the item it is"
    ]


@pytest.mark.parametrize("together", [True, False], ids=["one load", "two loads"])
def test_an_expanded_copy_of_a_stored_record_gives_it_its_dossier(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], together: bool
) -> None:
    zaak = next(r for r in real_records("imvo-zaak.json") if r["Nummer"] == "2018Z12844")
    dossier = {
        "Id": "3c2d7f3e-0000-4000-8000-000000034952",
        "Titel": zaak["Titel"],
        "Nummer": 34952,
        "Toevoeging": None,
        "HoogsteVolgnummer": 250,
        "GewijzigdOp": zaak["GewijzigdOp"],
        "Verwijderd": False,
    }
    expanded = tmp_path / "expanded.json"
    expanded.write_text(json.dumps([{**zaak, "Kamerstukdossier": [dossier]}]), encoding="utf-8")
    store = tmp_path / "kamer.sqlite"
    if together:
        load_files([*real_files(), FIXTURES / "toezegging.json", expanded], store)
    else:
        load_files([*real_files(), FIXTURES / "toezegging.json"], store)
        assert load_files([expanded], store).unchanged["Zaak"] == 1
    lines = link(content, store, capsys)
    assert (
        "linked motion amhaouch-34952-7 → Zaak 2018Z12844 (Motie, 2018-06-28, 'Motie van het lid "
        "Amhaouch over bindende afspraken met de cacao pro...'): Kamerstuk 34 952, nr. 7 in the "
        "records"
    ) in lines


def entry(content: Path, kind: str, item: str) -> dict[str, Any]:
    """The entry of ``item`` in the list ``kind`` of kamer.yaml, as plain data."""
    data = yaml.safe_load((content / "kamer.yaml").read_text(encoding="utf-8"))
    return next(e for e in data[kind] if e[kind.removesuffix("s")] == item)


def test_a_link_corrected_by_hand_takes_none_of_the_other_records_facts(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link(content, store, capsys)
    assert entry(content, "motions", "van-der-lee-35570-71")["appreciation"] == "Oordeel Kamer"
    text = (content / "kamer.yaml").read_text(encoding="utf-8")
    wrong = text.replace("zaak: 2021Z10407", "zaak: 2016Z16046")  # Van Laar's motion
    (content / "kamer.yaml").write_text(wrong, encoding="utf-8")
    link(content, store, capsys)
    assert entry(content, "motions", "van-der-lee-35570-71") == {
        "motion": "van-der-lee-35570-71",
        "zaak": "2016Z16046",
        "subject": "Motie van het lid Van Laar over het toezicht op de imvo-convenanten",
        "submitted": __import__("datetime").date(2016, 9, 6),
    }  # neither Van der Lee's number nor 'Oordeel Kamer' is left


def test_the_registers_later_word_replaces_what_it_said_before(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link(content, store, capsys)
    met = entry(content, "commitments", "technische-briefing-sectorale-samenwerking")
    assert (met["status"], str(met["deadline"]), len(met["fulfilled_by"])) == (
        "Afgedaan",
        "2022-03-31",
        1,
    )
    load_files([FIXTURES / "toezegging-reopened.json"], store)
    link(content, store, capsys)
    reopened = entry(content, "commitments", "technische-briefing-sectorale-samenwerking")
    assert reopened["status"] == "Openstaand"
    assert "deadline" not in reopened and "fulfilled_by" not in reopened


def test_a_motion_linked_by_hand_to_a_letters_record_is_reported_and_left_as_it_was(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link(content, store, capsys)
    before = entry(content, "motions", "diks-26485-273")
    text = (content / "kamer.yaml").read_text(encoding="utf-8")
    (content / "kamer.yaml").write_text(
        text.replace("zaak: 2018Z06142", "zaak: 2018Z20898"), encoding="utf-8"
    )
    lines = link(content, store, capsys)
    assert (
        "wrong kind motion diks-26485-273: Zaak 2018Z20898 (Brief regering, 2018-11-13, "
        "'Voortgang IMVO-beleid') is not a Motie; its entry is kept as it was: correct the link "
        f"in {content / 'kamer.yaml'}"
    ) in lines
    assert lines[-1].endswith(f"not found, 1 of the wrong kind; wrote {content / 'kamer.yaml'}")
    assert entry(content, "motions", "diks-26485-273") == {**before, "zaak": "2018Z20898"}


def add_debate_of_2_december_2021(content: Path, debate: str, title: str, committee: str) -> None:
    """Add to the content's debates a commissiedebat on the day the Kamer held one on IMVO."""
    debates = content / "debates.yaml"
    entry = (
        f"\n  - id: {debate}\n    kind: commissiedebat\n    title: {title}\n"
        f"    date: 2021-12-02\n    committee: {committee}\n"
    )
    debates.write_text(debates.read_text(encoding="utf-8") + entry, encoding="utf-8")


def test_a_debate_of_the_day_held_by_another_committee_is_near(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The agenda's commissiedebat IMVO of 2 December 2021 is held by the committee for
    Buitenlandse Handel en Ontwikkelingssamenwerking; a debate the content gives to another
    committee on that day is not linked to it, but the record is shown as near."""
    add_debate_of_2_december_2021(
        content,
        "commissiedebat-imvo-2021-12-02",
        "Commissiedebat Internationaal Maatschappelijk Verantwoord Ondernemen",
        "Vaste commissie voor Buitenlandse Zaken",
    )
    lines = link(content, store, capsys)
    assert (
        "near debate commissiedebat-imvo-2021-12-02: Activiteit 2021A06572 (Commissiedebat, "
        "2021-12-02, 'Internationaal Maatschappelijk Verantwoord Ondernemen', Uitgevoerd); "
        "Activiteit 2021A01901 (Commissiedebat, 2021-10-27, 'Internationaal Maatschappelijk "
        "Verantwoord Ondernemen (verplaats na...', Verplaatst): the same kind and subject, but "
        "not on 2021-12-02 or of another committee than the Vaste commissie voor Buitenlandse "
        "Zaken; if it is the same, add it to "
        f"{content / 'kamer.yaml'} by hand"
    ) in lines
    facts = read_facts(content / "kamer.yaml")
    assert "commissiedebat-imvo-2021-12-02" not in {f.debate for f in facts.debates}


def test_the_one_debate_of_the_day_on_another_subject_is_near_not_linked(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A commissiedebat the content has on 2 December 2021, when the committee held the one
    on IMVO: the only one of the day, of the kind and committee, but about something else."""
    add_debate_of_2_december_2021(
        content,
        "commissiedebat-handelsbeleid-2021-12-02",
        "Commissiedebat Handelsbeleid en economische diplomatie",
        "Vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    )
    lines = link(content, store, capsys)
    assert (
        "near debate commissiedebat-handelsbeleid-2021-12-02: Activiteit 2021A06572 "
        "(Commissiedebat, 2021-12-02, 'Internationaal Maatschappelijk Verantwoord Ondernemen', "
        "Uitgevoerd): the only commissiedebat on 2021-12-02 of the Vaste commissie voor "
        "Buitenlandse Handel en Ontwikkelingssamenwerking, but about 'Internationaal "
        "Maatschappelijk Verantwoord Ondernemen', not 'Commissiedebat Handelsbeleid en "
        f"economische diplomatie'; if it is the same, add it to {content / 'kamer.yaml'} by hand"
    ) in lines
    facts = read_facts(content / "kamer.yaml")
    assert "commissiedebat-handelsbeleid-2021-12-02" not in {f.debate for f in facts.debates}


def test_a_fact_written_by_hand_against_the_records_is_kept_and_reported(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Motion 26 485, nr. 277 was adopted ('Aangenomen.'), and the register has the technical
    briefing's commitment 'Afgedaan'. A person writes 'verworpen' and 'Deels Afgedaan' into
    kamer.yaml: link keeps both, says at each line what the records say, and so does check
    while the store is there; when the register later reopens the commitment, the person's
    word still stands and the report gives the register's new one."""
    load_files([FIXTURES / "zaak-besluit-handopsteken.json"], store)
    link(content, store, capsys)
    path = content / "kamer.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  result: aangenomen\n", "  result: verworpen\n", 1)
    path.write_text(text.replace("  status: Afgedaan\n", "  status: Deels Afgedaan\n", 1))
    lines = text.splitlines()
    result = lines.index("  result: verworpen") + 1
    status = lines.index("  status: Afgedaan") + 1
    motion = f"{path}:{result}:3: motions[0].result: warning: 'verworpen' as written here, but"
    commitment = (
        f"{path}:{status}:3: commitments[1].status: warning: 'Deels Afgedaan' as written here, "
        "but the Kamer's records (Toezegging TZ202111-101) say 'Afgedaan'; 'briefing kamer "
        "link' keeps what a person wrote: remove the line and link again to take the records' "
        "word"
    )
    out = link(content, store, capsys)
    assert (
        f"by hand motion becker-26485-277: {motion} the Kamer's records (Zaak 2018Z06147) "
        "say 'aangenomen'; 'briefing kamer link' keeps what a person wrote: remove the line "
        "and link again to take the records' word" in out
    )
    assert f"by hand commitment technische-briefing-sectorale-samenwerking: {commitment}" in out
    assert ", 2 facts written by hand against the records; wrote" in out[-1]
    becker = entry(content, "motions", "becker-26485-277")
    assert (becker["decision"], becker["result"]) == ("Aangenomen.", "verworpen")
    met = entry(content, "commitments", "technische-briefing-sectorale-samenwerking")
    assert met["status"] == "Deels Afgedaan"
    assert main(["check", "--content", str(content), "--store", str(store)]) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert any(w.startswith(motion) for w in warnings) and commitment in warnings
    load_files([FIXTURES / "toezegging-reopened.json"], store)
    out = link(content, store, capsys)
    assert any(
        "'Deels Afgedaan' as written here, but" in line and "say 'Openstaand'" in line
        for line in out
    )
    assert (
        entry(content, "commitments", "technische-briefing-sectorale-samenwerking")["status"]
        == "Deels Afgedaan"
    )
    fresh = store.with_name("fresh.sqlite")  # a store that knows nothing of this file
    load_files([*real_files(), FIXTURES / "toezegging.json"], fresh)
    out = link(content, fresh, capsys)
    assert (
        f"replaced commitment technische-briefing-sectorale-samenwerking: {path}:{status}:3: "
        "commitments[1].status: warning: 'Deels Afgedaan' as written here, but the Kamer's "
        "records (Toezegging TZ202111-101) say 'Afgedaan'; the store holds nothing of what "
        "'briefing kamer link' wrote here, so it takes the records' word: write this again if "
        "a person wrote it"
    ) in out
    replaced = entry(content, "commitments", "technische-briefing-sectorale-samenwerking")
    assert replaced["status"] == "Afgedaan"


def test_a_fulfilling_letter_the_register_names_by_its_number_is_kept(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The register gives the letter that fulfilled a commitment as text, the document's
    number ('KamerbriefNakoming': '2022D13866'), not as a related record: the entry names it
    all the same, by its number where the store does not have the document."""
    store = tmp_path / "nakoming.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging-nakoming-tekst.json"], store)
    link(content, store, capsys)
    met = entry(content, "commitments", "technische-briefing-sectorale-samenwerking")
    assert (met["status"], met["fulfilled_by"]) == ("Afgedaan", [{"document": "2022D13866"}])


def test_a_commitment_is_found_by_what_it_promises_not_by_the_registers_formula(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The register writes who promises and to whom before the promise ("De minister voor
    Buitenlandse Handel en Ontwikkelingssamenwerking zegt de Kamer toe ..."), a letter only the
    promise: the words are compared without that formula, so a short commitment is linked
    to the long record of the same promise."""
    records = json.loads((FIXTURES / "toezegging.json").read_text(encoding="utf-8"))
    briefing = "De minister zegt toe een technische briefing"
    for record in records["value"]:
        if record["Tekst"].startswith(briefing):
            record["Tekst"] = record["Tekst"].replace(
                briefing,
                "De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking zegt de Kamer "
                "toe een technische briefing",
            )
    register = tmp_path / "toezegging.json"
    register.write_text(json.dumps(records), encoding="utf-8")
    store = tmp_path / "formula.sqlite"
    load_files([*real_files(), register], store)
    commitments = content / "commitments.yaml"
    text = commitments.read_text(encoding="utf-8")
    short = "Een technische briefing organiseren over de IMVO-convenanten."
    old = "Een technische briefing organiseren over IMVO-convenanten en sectorale samenwerking."
    assert old in text
    commitments.write_text(text.replace(old, short), encoding="utf-8")
    lines = link(content, store, capsys)
    assert any(
        line.startswith(
            "linked commitment technische-briefing-sectorale-samenwerking → Toezegging "
            "TZ202111-101 ("
        )
        and line.endswith("in words that resemble its text (75%)")
        for line in lines
    ), lines
