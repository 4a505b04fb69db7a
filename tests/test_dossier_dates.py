"""A debate's dossier prepared on other days than the debate's: what it says is what was known
on that day, and each part says plainly when nothing happened."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.prepare import prepare
from tests.conftest import CONTENT, normalise, page_texts, tables, text_of
from tests.test_dossier import (
    ANNEX_TABLE,
    AO_2018,
    CHANGES_TABLE,
    OPEN_TABLE,
    PARTIES_TABLE,
    SUBMITTED_TABLE,
    between,
    glance,
)

NOTHING_SINCE = (
    "Sindsdien is geen brief verstuurd, is de stand van geen motie of toezegging veranderd, "
    "is geen motie ingediend en is geen toezegging gedaan."
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dated") / "out"


def test_a_debate_still_to_come_on_the_date_is_not_the_previous_debate(out: Path) -> None:
    """On 12 November 2018 the AO of 14 November has not taken place: the dossier of the AO of
    June 2019 counts its changes from the AO of 6 March 2018."""
    pdf = prepare(CONTENT, out, dt.date(2018, 11, 12), "ao-imvo-2019-06-20").path
    text = text_of(pdf)
    assert "14 november 2018" not in text
    cover = " ".join(text.split())
    assert (
        "Vorig debat AO Internationaal Maatschappelijk Verantwoord Ondernemen (IMVO), 6 maart"
        in cover
    )
    since = between(text, "Wat er veranderde sinds", "Openstaand")
    assert "6 maart 2018." in since
    submitted = [row[0] for row in tables(pdf)[SUBMITTED_TABLE]]
    assert submitted == [
        "Motie Diks (Kamerstuk 26 485, nr. 273)",
        "Motie Becker c.s. (Kamerstuk 26 485, nr. 277)",
        "Motie Bouali c.s. (Kamerstuk 26 485, nr. 280)",
        "Motie Amhaouch (Kamerstuk 34 952, nr. 7)",
    ]
    assert glance(pdf)["Wijzigingen sinds het vorige debat"] == 5  # four motions, a commitment


def test_a_debate_with_nothing_new_since_the_previous_says_so(out: Path) -> None:
    """No letter was sent between the AO of June 2019 and that of March 2020."""
    pdf = prepare(CONTENT, out, debate_id="ao-imvo-2020-03-03").path
    text = text_of(pdf)
    since = between(text, "Wat er veranderde sinds", "Openstaand")
    assert "20 juni 2019." in since
    assert NOTHING_SINCE in " ".join(since.split())
    assert CHANGES_TABLE not in tables(pdf)
    assert glance(pdf)["Wijzigingen sinds het vorige debat"] == 0
    # The one line leaves the page to what is open, which follows it rather than a new page.
    pages = [normalise(page.full) for page in page_texts(pdf)]
    [page] = [p for p in pages if NOTHING_SINCE in p]
    assert "Eerst de toezeggingen waarvan de termijn verstreken is" in page


def test_a_party_whose_motions_are_only_submitted_has_none_called_settled(out: Path) -> None:
    """On 6 March 2018 motion Van Laar is only known as submitted: it is not 'afgedaan'."""
    pdf = prepare(CONTENT, out, debate_id="ao-imvo-2018-03-06").path
    rows = tables(pdf)[PARTIES_TABLE]
    assert [row[:2] for row in rows] == [["PvdA", "1 andere motie of toezegging: zie de bijlage"]]
    assert "afgedane" not in text_of(pdf)


def test_an_overdue_commitment_partly_met_says_both(content_copy: Path, tmp_path: Path) -> None:
    """The OESO commitment, partly met by the letter of November 2018, was due 'begin 2019':
    on 8 December 2020 it comes first, 29 months open, partly met and past its deadline."""
    commitments = content_copy / "commitments.yaml"
    text = commitments.read_text(encoding="utf-8")
    made = "    debate: notaoverleg-bhos-2018-06-28\n"
    commitments.write_text(text.replace(made, made + "    deadline: begin 2019\n"), "utf-8")
    pdf = prepare(content_copy, tmp_path / "out", debate_id="notaoverleg-imvo-2020-12-08").path
    first = tables(pdf)[OPEN_TABLE][0]
    assert first[0].startswith("Toezegging: Een onderzoek van de OESO financieren")
    assert first[2:] == ["29 maanden", "begin 2019", "deels voldaan, termijn verstreken"]
    assert glance(pdf)["waarvan over de termijn"] == 1


#: The Kamer's decisions of 10 April 2018: motion Diks adopted by a vote, motion Bouali c.s.
#: taken over by the government without one.
DECISIONS = {
    "  subject: Motie van het lid Diks over een verzoeningsdialoog\n": (
        "  result: Aangenomen\n  voted_on: 2018-04-10\n  votes_for: 80\n  votes_against: 70\n"
    ),
    "  subject: Motie van de leden Bouali en Voordewind over een Europese high-level": (
        "  result: Overgenomen\n  voted_on: 2018-04-10\n"
    ),
}


def test_a_motion_adopted_or_taken_over_by_the_kamer_stands_as_adopted_from_that_day(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kamer = content_copy / "kamer.yaml"
    text = kamer.read_text(encoding="utf-8")
    for subject, decision in DECISIONS.items():
        submitted = text.index("  submitted: 2018-04-04\n", text.index(subject)) + 24
        text = text[:submitted] + decision + text[submitted:]
    kamer.write_text(text, encoding="utf-8")
    pdf = prepare(content_copy, tmp_path / "out", dt.date(2018, 6, 1), AO_2018).path
    found = tables(pdf)
    open_points = [row[0].split(" (")[0] for row in found[OPEN_TABLE]]
    assert open_points == ["Motie Diks", "Motie Becker c.s.", "Motie Bouali c.s."]
    annex = {row[0].split(" (")[0]: row[2] for row in found[ANNEX_TABLE]}
    assert annex["Motie Diks"].startswith("aangenomen op 10 april 2018, nog niet gemeld")
    assert annex["Motie Bouali c.s."].startswith("aangenomen op 10 april 2018, nog niet gemeld")
    assert glance(pdf)["Moties nog niet uitgevoerd"] == 3
    target = tmp_path / "register.csv"
    args = ["export", "--content", str(content_copy), "--date", "2018-06-01"]
    assert main([*args, "--out", str(target)]) == 0
    capsys.readouterr()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = {row["id"]: row for row in csv.DictReader(stream)}
    for motion in ("diks-26485-273", "bouali-26485-280"):
        assert (rows[motion]["stand"], rows[motion]["stand sinds"]) == ("aangenomen", "2018-04-10")
    assert rows["bouali-26485-280"]["volgens de Kamer"] == "Overgenomen"
    before = prepare(content_copy, tmp_path / "out", dt.date(2018, 4, 9), AO_2018).path
    assert OPEN_TABLE not in tables(before)  # on the eve of the decisions, only submitted


def test_a_debate_the_kamer_moved_is_not_the_previous_debate(
    content_copy: Path, tmp_path: Path
) -> None:
    """Were the AO of 20 June 2019 moved on the Kamer's agenda, the AO of March 2020 would
    count its changes from the AO of 14 November 2018, the last one held."""
    kamer = content_copy / "kamer.yaml"
    text = kamer.read_text(encoding="utf-8")
    held = "- debate: ao-imvo-2019-06-20\n  activiteit: 2019A00284\n  date: 2019-06-20\n"
    assert held + "  status: Uitgevoerd\n" in text
    kamer.write_text(text.replace(held + "  status: Uitgevoerd\n", held + "  status: Verplaatst\n"))
    pdf = prepare(content_copy, tmp_path / "out", debate_id="ao-imvo-2020-03-03").path
    text = " ".join(text_of(pdf).split())
    held_last = "AO Internationaal Maatschappelijk Verantwoord Ondernemen (IMVO), 14 november 2018"
    cover = text.split("In één oogopslag")[0]
    assert f"Vorig debat {held_last}" in cover and "20 juni 2019" not in cover
    assert f"het vorige debat, {held_last}, is meer dan een jaar geleden" in text
    assert "verplaatst (activiteit 2019A00284)" in text  # the point of attention stays


def test_the_changes_of_one_letter_are_listed_in_the_order_the_letter_gives_them(
    out: Path,
) -> None:
    """The letter of 7 April 2022 reports on motions and commitments from its first page to
    its third: 'Gewijzigde stand' follows it page by page, not motions first, then
    commitments."""
    pdf = prepare(CONTENT, out, dt.date(2022, 4, 30), "commissiedebat-imvo-2021-12-02").path
    sources = [row[-1] for row in tables(pdf)[CHANGES_TABLE]]
    assert len(sources) == 7 and all(s.startswith("brief 7 april 2022, p. ") for s in sources)
    pages = [int(s.rsplit(" ", 1)[1]) for s in sources]
    assert pages == sorted(pages) == [1, 1, 2, 2, 3, 3, 3]


def test_an_open_point_of_unknown_date_comes_after_the_dated_ones(
    content_copy: Path, tmp_path: Path
) -> None:
    """Without the Kamer's records the content gives no day for three motions (Van Laar's,
    Bouali's, Amhaouch's): they are listed after every dated open point, not as the oldest."""
    (content_copy / "kamer.yaml").unlink()
    rows = tables(prepare(content_copy, tmp_path / "out", debate_id=AO_2018).path)[OPEN_TABLE]
    unknown = [row[1] == "onbekend" for row in rows]
    assert unknown == sorted(unknown) and 0 < sum(unknown) < len(rows)
    assert any(row[0].startswith("Motie Van Laar") and row[1] == "onbekend" for row in rows)


def test_a_date_far_beyond_the_latest_letter_is_warned_of(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["prepare", "--content", str(content_copy), "--out", str(out)]
    assert main([*args, "--date", "2999-12-31"]) == 0
    written, warned = capsys.readouterr()
    assert written == f"wrote {out / 'briefings' / 'stand-van-zaken-2999-12-31.pdf'}\n"
    far, *content = warned.splitlines()
    assert far == (
        "briefing: warning: 2999-12-31 is more than a year after the latest letter "
        "(2022-04-07): the briefing counts open points' ages and deadlines as on 2999-12-31, "
        "from what the letters said up to 2022-04-07; check the date"
    )
    assert content and all(f"{content_copy}/" in line for line in content)  # as check says
    assert main([*args, "--date", "2023-04-07"]) == 0  # a year on: no warning of the date
    assert "more than a year" not in capsys.readouterr().err


def test_a_milestone_at_the_calendar_s_end_is_still_ahead_on_a_date_near_it(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whether a milestone is due soon looks months ahead of the date; from the last months
    of the year 9999 that is past the calendar's end, which holds it."""
    letter = content_copy / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("due: najaar 2019", "due: eind 9999", 1), encoding="utf-8")
    out = tmp_path / "out"
    args = ["prepare", "--content", str(content_copy), "--out", str(out), "--date", "9999-11-01"]
    assert main(args) == 0
    pdf = out / "briefings" / "stand-van-zaken-9999-11-01.pdf"
    assert capsys.readouterr().out == f"wrote {pdf}\n"
    assert "eind 9999" in text_of(pdf)
