"""The Kamer's records against the letters: each contradiction is a warning of ``check`` at the
content's place and a point of attention in the briefing, in Dutch."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.index import Index
from briefing.kamer.facts import MotionFacts
from briefing.types import MotionRef
from tests.conftest import text_of

LETTER_2022 = "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
AFTER_2022 = dt.date(2022, 4, 30)


def with_facts(content: Path, old: str, new: str) -> Path:
    """``content`` with one text of its kamer.yaml replaced."""
    path = content / "kamer.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


def check(content: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The warnings ``briefing check`` prints."""
    assert main(["check", "--content", str(content)]) == 0
    return [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]


def attention(content: Path, on: dt.date = AFTER_2022) -> list[str]:
    """The briefing's points of attention on ``on``."""
    return [f.text for f in Index(load_corpus(content)).findings_on(on)]


def test_the_bundled_letters_against_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import CONTENT

    warnings = check(CONTENT, capsys)
    assert any(
        f"{LETTER_2022}:181:9: sections[2].commitment_updates[0].fulfilled_on: warning: this "
        "letter dates 'technische-briefing-sectorale-samenwerking' 2021-02-17; the Kamer's "
        "agenda has it on 2022-02-17 (activiteit 2021A08488)" in w
        for w in warnings
    )
    assert any(
        "motions.yaml:27:5: motions[2].adopted: warning: motion 'becker-26485-277' was adopted "
        "on a Saturday (2018-04-14), when the Kamer does not vote; the Kamer has it submitted "
        "on 2018-04-04" in w
        for w in warnings
    )
    texts = attention(CONTENT)
    assert any(
        "Volgens de Kamer is zij op 4 april 2018 ingediend (zaak 2018Z06147)." in t for t in texts
    )


def test_a_debate_moved_on_the_agenda(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_facts(
        content_copy,
        "  activiteit: 2020A00790\n  date: 2020-03-03\n  status: Uitgevoerd\n",
        "  activiteit: 2020A00790\n  date: 2020-03-03\n  status: Verplaatst\n"
        "  moved_to: 2020A01234\n",
    )
    assert any(
        "kamer.yaml:" in w
        and "debates[3].status: warning: debate 'ao-imvo-2020-03-03' is 'Verplaatst' on the "
        "Kamer's agenda (activiteit 2020A00790); it moved to 2020A01234"
        in w
        for w in check(content, capsys)
    )
    moved = (
        "'AO IMVO' van 3 maart 2020 is volgens de agenda van de Kamer verplaatst, naar "
        "activiteit 2020A01234 (activiteit 2020A00790)."
    )
    assert moved in attention(content)
    # Before its day, nothing is said about it.
    assert not any("verplaatst" in t for t in attention(content, dt.date(2019, 1, 1)))


def test_a_debate_the_agenda_has_on_another_day(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_facts(
        content_copy,
        "  activiteit: 2018A02240\n  date: 2018-11-14\n",
        "  activiteit: 2018A02240\n  date: 2018-11-15\n",
    )
    assert any(
        "debates.yaml:" in w
        and "debates[3].date: warning: debate 'ao-imvo-2018-11-14' is on 2018-11-14 here, but "
        "on 2018-11-15 on the Kamer's agenda (activiteit 2018A02240)"
        in w
        for w in check(content, capsys)
    )


def test_a_motion_adopted_before_it_was_submitted_or_off_the_vote(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_facts(
        content_copy,
        "  zaak: 2018Z06147\n  kamerstuk: 26 485, nr. 277\n",
        "  zaak: 2018Z06147\n  kamerstuk: 26 485, nr. 277\n  voted_on: 2018-04-10\n",
    )
    warnings = check(content, capsys)
    assert any(
        "motions.yaml:27:5: motions[2].adopted: warning: motion 'becker-26485-277' was adopted "
        "on 2018-04-14, but the Kamer voted on it on 2018-04-10 (zaak 2018Z06147)" in w
        for w in warnings
    )
    content = with_facts(content, "  submitted: 2018-04-04\n", "  submitted: 2018-04-20\n")
    assert any(
        "warning: motion 'becker-26485-277' was adopted on 2018-04-14, before the Kamer has it "
        "submitted (2018-04-20, zaak 2018Z06147)" in w
        for w in check(content, capsys)
    )
    assert any(
        "maar volgens de Kamer pas op 20 april 2018 ingediend." in t for t in attention(content)
    )


REJECTED = """  appreciation: Oordeel Kamer
  decision: Verworpen. (72-74)
  result: verworpen
  votes_for: 72
  votes_against: 74
  voted_on: 2021-06-10
"""


def test_a_motion_the_letters_call_adopted_that_the_kamer_rejected(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_facts(content_copy, "  appreciation: Oordeel Kamer\n", REJECTED)
    warnings = check(content, capsys)
    assert any(
        w.endswith(
            "motions.yaml:58:5: motions[5].adopted: warning: motion 'van-der-lee-35570-71' was "
            "adopted on 2021-06-10 according to the letters, but the Kamer has it verworpen on "
            "2021-06-10 (72 for, 74 against; zaak 2021Z10407); check which is right"
        )
        for w in warnings
    )
    expected = (
        "Motie Van der Lee c.s. (Kamerstuk 35 570, nr. 71, zaak 2021Z10407) is volgens de "
        "brieven aangenomen op 10 juni 2021, maar volgens de Kamer op 10 juni 2021 verworpen "
        "(72 voor, 74 tegen)."
    )
    assert expected in attention(content, dt.date(2021, 12, 2))  # before a letter mentions it
    assert expected in attention(content)
    withdrawn = with_facts(content, "  result: verworpen\n", "  result: ingetrokken\n")
    assert any("but the Kamer has it ingetrokken on" in w for w in check(withdrawn, capsys))


def test_a_motion_a_letter_reports_on_that_the_kamer_rejected(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_facts(
        content_copy,
        "high-levelbijeenkomst\n  submitted: 2018-04-04\n",
        "high-levelbijeenkomst\n  submitted: 2018-04-04\n  decision: Verworpen.\n"
        "  result: verworpen\n",
    )
    warnings = [w for w in check(content, capsys) if "bouali-26485-280" in w]
    assert len(warnings) == 1
    assert "letters/2018-11-13-voortgang-imvo-beleid.yaml:" in warnings[0]
    assert warnings[0].endswith(
        "warning: this letter reports on motion 'bouali-26485-280' as 'in uitvoering', but the "
        "Kamer has it verworpen (zaak 2018Z06150); check which motion is meant"
    )
    assert (
        "De brief van 13 november 2018 meldt de motie Bouali c.s. (Kamerstuk 26 485, nr. "
        "280, zaak 2018Z06150) als in uitvoering, maar volgens de Kamer is zij verworpen."
    ) in attention(content, dt.date(2018, 12, 1))


REGISTER = """commitments:
- commitment: technische-briefing-sectorale-samenwerking
  toezegging: TZ202111-101
  status: {briefing}
  deadline: 2022-03-31
- commitment: overgang-convenanten-sectorale-samenwerking
  toezegging: TZ202111-102
  status: {transition}
  deadline: 2022-01-31
"""


def with_register(content: Path, briefing: str, transition: str) -> Path:
    path = content / "kamer.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.endswith("commitments: []\n")
    register = REGISTER.format(briefing=briefing, transition=transition)
    path.write_text(text.removesuffix("commitments: []\n") + register, encoding="utf-8")
    return content


def test_a_commitment_the_letter_calls_met_that_the_register_has_open(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_register(content_copy, "Openstaand", "Openstaand")
    warnings = check(content, capsys)
    assert any(
        f"{LETTER_2022}:" in w
        and "commitment_updates[0].status: warning: this letter calls commitment "
        "'technische-briefing-sectorale-samenwerking' 'voldaan', but the Kamer's register "
        "(TZ202111-101) has it 'Openstaand'"
        in w
        for w in warnings
    )
    assert any(
        "het register van de Kamer (register TZ202111-101) heeft haar nog als Openstaand." in t
        for t in attention(content)
    )


def test_a_commitment_the_letter_calls_met_that_the_register_has_partly_met(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_register(content_copy, "Deels Afgedaan", "Openstaand")
    assert any(
        f"{LETTER_2022}:" in w
        and "commitment_updates[0].status: warning: this letter calls commitment "
        "'technische-briefing-sectorale-samenwerking' 'voldaan', but the Kamer's register "
        "(TZ202111-101) has it 'Deels Afgedaan'"
        in w
        for w in check(content, capsys)
    )
    assert any(
        "het register van de Kamer (register TZ202111-101) heeft haar nog als Deels Afgedaan." in t
        for t in attention(content)
    )


def test_a_commitment_the_register_has_met_that_the_letters_leave_open(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = content_copy / LETTER_2022
    text = letter.read_text(encoding="utf-8")
    update = (
        "      - commitment: overgang-convenanten-sectorale-samenwerking\n        status: voldaan\n"
    )
    assert update in text
    letter.write_text(text.replace(update, update.replace("voldaan", "openstaand")))
    content = with_register(content_copy, "Afgedaan", "Afgedaan")
    warnings = check(content, capsys)
    assert any(
        "kamer.yaml:" in w
        and "commitments[1].status: warning: the Kamer's register has commitment "
        "'overgang-convenanten-sectorale-samenwerking' 'Afgedaan', but the letters have it "
        "'openstaand'"
        in w
        for w in warnings
    )
    # Open past the register's deadline (31 January 2022): overdue, with the register's number.
    assert any(
        "commitments[1].deadline: warning: commitment "
        "'overgang-convenanten-sectorale-samenwerking' was due 2022-01-31 (register "
        "TZ202111-102) and is still 'openstaand'" in w
        for w in warnings
    )
    assert any(
        "(31 januari 2022, register TZ202111-102) is verstreken; de stand is 'openstaand'." in t
        for t in attention(content)
    )


MET_LATER = """commitments:
- commitment: technische-briefing-sectorale-samenwerking
  toezegging: TZ202111-101
  status: Afgedaan
  deadline: 2022-03-31
  fulfilled_by:
  - document: 2022D13866
    date: 2022-04-07
    kamerstuk: 26 485, nr. 395
    letter: 2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid
"""


def exported(content: Path, day: str, target: Path) -> dict[str, list[str]]:
    """The rows ``briefing export`` writes for ``day``, by id."""
    args = ["export", "--content", str(content), "--date", day, "--out", str(target)]
    assert main(args) == 0
    with target.open(encoding="utf-8-sig", newline="") as stream:
        return {row[0]: row for row in csv.reader(stream)}


def test_the_kamers_word_is_left_out_before_the_day_it_was_given(
    content_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = content_copy / "kamer.yaml"
    text = path.read_text(encoding="utf-8").removesuffix("commitments: []\n") + MET_LATER
    path.write_text(text, encoding="utf-8")
    content = with_facts(content_copy, "  appreciation: Oordeel Kamer\n", REJECTED)
    content = with_facts(content, "  voted_on: 2021-06-10\n", "  voted_on: 2021-06-15\n")
    before = exported(content, "2021-12-02", tmp_path / "before.csv")
    briefing = before["technische-briefing-sectorale-samenwerking"]
    assert (briefing[2], briefing[9], briefing[12]) == ("TZ202111-101", "openstaand", "")
    assert before["van-der-lee-35570-71"][12] == "verworpen, 72-74"
    assert exported(content, "2021-06-12", tmp_path / "vote.csv")["van-der-lee-35570-71"][12] == ""
    after = exported(content, "2022-04-30", tmp_path / "after.csv")
    assert after["technische-briefing-sectorale-samenwerking"][12] == "Afgedaan"
    assert after["van-der-lee-35570-71"][12] == "verworpen, 72-74"
    assert not any("verworpen" in t for t in attention(content, dt.date(2021, 6, 12)))
    out = tmp_path / "out"
    args = ["prepare", "--content", str(content), "--out", str(out)]
    assert main([*args, "--debate", "commissiedebat-imvo-2021-12-02"]) == 0
    dossier = text_of(out / "briefings/commissiedebat-imvo-2021-12-02-2021-12-02.pdf")
    assert "Kamer: Afgedaan" not in dossier and "Kamer: verworpen, 72-74" in dossier
    assert main([*args, "--date", "2022-04-30"]) == 0
    assert "Kamer: Afgedaan" in text_of(out / "briefings/stand-van-zaken-2022-04-30.pdf")


def test_the_decision_that_a_motion_was_submitted_is_no_vote(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Kamer's records give motion 26 485, nr. 277 the decision 'Ingediend' at the VAO
    of 4 April 2018 where it was submitted, and no vote: no decision or day of a vote in
    kamer.yaml, and no warning that the Kamer voted on it that day."""
    from briefing.kamer.facts_file import read_facts
    from briefing.kamer.load import load_files
    from tests.test_kamer_data import FIXTURES, real_files

    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "zaak-besluit-ingediend.json"], store)
    assert main(["kamer", "link", "--content", str(content_copy), "--store", str(store)]) == 0
    facts: dict[str, MotionFacts] = {
        f.motion: f for f in read_facts(content_copy / "kamer.yaml").motions
    }
    becker = facts["becker-26485-277"]
    assert (becker.decision, becker.result, becker.voted_on) == (None, None, None)
    capsys.readouterr()
    warnings = check(content_copy, capsys)
    assert not any("the Kamer voted on it" in w for w in warnings), warnings
    assert len(warnings) == 3


def test_a_commitment_the_register_has_as_not_kept(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The register closed both commitments as not kept (``Niet nagekomen``): neither met nor
    still open. The 2022 letter calls the technical briefing met: a warning at the letter;
    the transition, which the letter here leaves open: a warning at the register's status."""
    from briefing.kamer.load import load_files
    from tests.test_kamer_data import FIXTURES, real_files

    letter = content_copy / LETTER_2022
    text = letter.read_text(encoding="utf-8")
    update = (
        "      - commitment: overgang-convenanten-sectorale-samenwerking\n        status: voldaan\n"
    )
    letter.write_text(text.replace(update, update.replace("voldaan", "openstaand")))
    content = with_register(content_copy, "Openstaand", "Openstaand")
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging-niet-nagekomen.json"], store)
    assert main(["kamer", "link", "--content", str(content), "--store", str(store)]) == 0
    facts = (content / "kamer.yaml").read_text(encoding="utf-8")
    assert facts.count("  status: Niet nagekomen\n") == 2
    warnings = check(content, capsys)
    assert any(
        f"{LETTER_2022}:" in w
        and "commitment_updates[0].status: warning: this letter calls commitment "
        "'technische-briefing-sectorale-samenwerking' 'voldaan', but the Kamer's register "
        "(TZ202111-101) has it 'Niet nagekomen' (not kept)"
        in w
        for w in warnings
    )
    assert any(
        "kamer.yaml:" in w
        and "commitments[0].status: warning: the Kamer's register has commitment "
        "'overgang-convenanten-sectorale-samenwerking' 'Niet nagekomen' (closed as not kept), "
        "but the letters have it 'openstaand'"
        in w
        for w in warnings
    )
    texts = attention(content)
    assert any(
        t.startswith("De brief van 7 april 2022 meldt de toezegging 'Een technische briefing ")
        and t.endswith(
            "als voldaan; het register van de Kamer (register TZ202111-101) heeft haar als "
            "Niet nagekomen."
        )
        for t in texts
    )
    assert any(
        t.startswith("Het register van de Kamer (register TZ202111-102) heeft de toezegging")
        and t.endswith("als Niet nagekomen afgesloten; de brieven melden haar als openstaand.")
        for t in texts
    )


def test_a_decision_without_its_day_is_not_known_before_the_records_held_it(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Motion 26 485, nr. 277 served with its decision alone (``$expand=Besluit``): no agenda
    item, so no day of the vote. The day its record last changed (10 April 2018) is no vote
    day, but the decision existed by then: before it, the export (the rows of a dossier's
    annex, from the same state) leaves the Kamer's word out, as for a decision whose day is
    known."""
    from briefing.kamer.facts_file import read_facts
    from briefing.kamer.load import load_files
    from tests.test_kamer_data import FIXTURES

    store = tmp_path / "kamer.sqlite"
    load_files([FIXTURES / "zaak-besluit-handopsteken.json"], store)
    assert main(["kamer", "link", "--content", str(content_copy), "--store", str(store)]) == 0
    before = exported(content_copy, "2018-04-06", tmp_path / "before.csv")
    assert before["becker-26485-277"][12] == ""
    after = exported(content_copy, "2018-04-12", tmp_path / "after.csv")
    assert after["becker-26485-277"][12] == "aangenomen"
    (becker,) = [
        m for m in read_facts(content_copy / "kamer.yaml").motions if m.zaak == "2018Z06147"
    ]
    assert (becker.result, becker.voted_on, str(becker.decided_by)) == (
        "aangenomen",
        None,
        "2018-04-10",
    )
    assert "  decided_by: 2018-04-10\n" in (content_copy / "kamer.yaml").read_text(encoding="utf-8")


ALKAYA = """\
  - id: alkaya-26485-302
    submitters:
      - {name: Alkaya, party: SP}
      - {name: Van den Hul, party: PvdA}
    kamerstuk: 26 485, nr. 302
    request: Verzoekt de regering bedrijven uit te sluiten die de OESO-richtlijnen niet volgen.
"""
ALKAYA_FACTS = """\
- motion: alkaya-26485-302
  zaak: 2019Z00039
  kamerstuk: 26 485, nr. 302
  submitted: 2019-01-22
  decision: Aangenomen.
  result: aangenomen
"""


def test_a_decision_written_without_its_day_is_reported_where_it_stands(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decision added by hand to a motion no letter reports on and without 'adopted': with
    neither 'voted_on' nor 'decided_by' nothing places it in time, so it is never shown;
    check says so at the entry, with what to add."""
    motions = content_copy / "motions.yaml"
    motions.write_text(motions.read_text(encoding="utf-8") + ALKAYA, encoding="utf-8")
    with_facts(
        content_copy, "- motion: amhaouch-34952-7\n", ALKAYA_FACTS + "- motion: amhaouch-34952-7\n"
    )
    warnings = check(content_copy, capsys)
    assert (
        f"{content_copy / 'kamer.yaml'}:20:3: motions[0].decision: warning: the decision "
        "'Aangenomen.' on motion 'alkaya-26485-302' has no day, and no letter reports on the "
        "motion nor does motions.yaml give it 'adopted': no dossier or export shows it; add "
        "'voted_on: YYYY-MM-DD' (the day of the vote) or 'decided_by: YYYY-MM-DD' (a day by "
        "which the Kamer had decided) to this entry"
    ) in warnings
    assert len(warnings) == 4
    with_facts(
        content_copy, "  result: aangenomen\n", "  result: aangenomen\n  voted_on: 2019-01-29\n"
    )
    assert len(check(content_copy, capsys)) == 3


def test_a_motion_a_gewijzigde_motie_replaced_takes_the_vote_on_that_one(
    content_copy: Path, tmp_path: Path
) -> None:
    """Motion Bouali and Voordewind, 26 485, nr. 280, was replaced on 10 April 2018 by the
    gewijzigde motie nr. 287 ('(t.v.v. 26485-280)'), on which the Kamer voted that day; its
    own record has no vote. Its entry takes the vote on nr. 287 and says so (replaced_by),
    and the export gives the Kamer's word from that day on."""
    from briefing.kamer.facts_file import read_facts
    from briefing.kamer.load import load_files
    from tests.test_kamer_data import FIXTURES, real_files

    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "zaak-gewijzigde-motie.json"], store)
    assert main(["kamer", "link", "--content", str(content_copy), "--store", str(store)]) == 0
    facts: dict[str, MotionFacts] = {
        f.motion: f for f in read_facts(content_copy / "kamer.yaml").motions
    }
    bouali = facts["bouali-26485-280"]
    assert (bouali.zaak, bouali.decision, bouali.result, str(bouali.voted_on)) == (
        "2018Z06150",
        "Aangenomen.",
        "aangenomen",
        "2018-04-10",
    )
    assert str(bouali.replaced_by) == "Kamerstuk 26 485, nr. 287"
    assert "  replaced_by: 26 485, nr. 287\n" in (content_copy / "kamer.yaml").read_text(
        encoding="utf-8"
    )
    assert facts["diks-26485-273"].replaced_by is None  # its gewijzigde motie has no vote here
    assert (
        exported(content_copy, "2018-04-09", tmp_path / "before.csv")["bouali-26485-280"][12] == ""
    )
    after = exported(content_copy, "2018-04-12", tmp_path / "after.csv")
    assert after["bouali-26485-280"][12] == "aangenomen"


def test_a_motion_held_and_later_adopted_stands_as_held_in_between(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Motion 26 485, nr. 277 with two decisions, as the records give a motion held at one
    vote and adopted at a later one: 'Aangehouden.' on 10 April 2018, 'Aangenomen.' on 17
    April. The entry has the last and the earlier one; the export gives nothing before the
    hold, 'aangehouden' between, 'aangenomen' after, and no point of attention in between
    says the Kamer held what the content has adopted on a day still to come."""
    from briefing.kamer.facts_file import read_facts
    from briefing.kamer.load import load_files
    from tests.test_kamer_data import FIXTURES, real_files

    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "zaak-aangehouden-aangenomen.json"], store)
    assert main(["kamer", "link", "--content", str(content_copy), "--store", str(store)]) == 0
    becker = {f.motion: f for f in read_facts(content_copy / "kamer.yaml").motions}[
        MotionRef("becker-26485-277")
    ]
    assert (becker.result, str(becker.voted_on)) == ("aangenomen", "2018-04-17")
    assert [(e.result, str(e.voted_on)) for e in becker.earlier] == [("aangehouden", "2018-04-10")]
    words = [
        exported(content_copy, day, tmp_path / f"{day}.csv")["becker-26485-277"][12]
        for day in ("2018-04-09", "2018-04-12", "2018-04-18")
    ]
    assert words == ["", "aangehouden", "aangenomen"]
    assert not any("aangehouden" in t for t in attention(content_copy, dt.date(2018, 4, 12)))
    warnings = check(content_copy, capsys)
    assert any(
        "motions[2].adopted: warning: motion 'becker-26485-277' was adopted on 2018-04-14, but "
        "the Kamer voted on it on 2018-04-17 (zaak 2018Z06147)" in w
        for w in warnings
    )
