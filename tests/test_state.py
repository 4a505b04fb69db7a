"""The state of play on a date, and the warnings about doubtful content, without rendering."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.errors import Problem
from briefing.index import Index
from briefing.index.findings import content_warnings, findings_on
from briefing.index.state import Timing, add_months, state_on, timing
from briefing.sources import Corpus
from briefing.types import FuzzyDate
from tests.conftest import CONTENT

AO_2018 = dt.date(2018, 11, 14)
AFTER_2022 = dt.date(2022, 4, 30)
MOTIONS_2018 = {"van-laar-26485-224", "diks-26485-273", "bouali-26485-280", "amhaouch-34952-7"}
#: Submitted on 4 April 2018 (the Kamer's records): known then, though no letter named it yet.
BECKER = "becker-26485-277"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CONTENT)


def warnings(corpus: Corpus) -> list[Problem]:
    """What ``check`` warns about today."""
    return content_warnings(corpus, Index(corpus).findings(dt.date.today()))


def test_before_the_2022_letter_only_the_2018_letter_counts(corpus: Corpus) -> None:
    state = state_on(corpus, AO_2018)
    assert [s.letter.date for s in state.letters] == [dt.date(2018, 11, 13)]
    assert set(state.motions) == MOTIONS_2018 | {BECKER}
    assert not state.motions[BECKER].mentions and state.motions[BECKER].status == "aangenomen"
    # Commitments made after the date do not exist yet; the one made in June 2018 does.
    assert list(state.commitments) == ["oeso-onderzoek-impact-gepaste-zorgvuldigheid"]
    assert "tomatenketen" not in state.sectors
    assert all(m.place.date <= AO_2018 for m in state.milestones)


def test_after_the_2022_letter_its_follow_ups_count(corpus: Corpus) -> None:
    state = state_on(corpus, AFTER_2022)
    assert set(state.motions) == MOTIONS_2018 | {
        "van-der-lee-35570-71",
        "becker-26485-277",
        "amhaouch-35925-xvii-33",
    }
    assert state.motions["becker-26485-277"].status == "uitgevoerd"
    assert {c: s.status for c, s in state.commitments.items()} == {
        "oeso-onderzoek-impact-gepaste-zorgvuldigheid": "deels voldaan",
        "tomatensector-vervolgaanpak": "voldaan",
        "gesprek-financiele-instellingen-defensie": "voldaan",
        "overgang-convenanten-sectorale-samenwerking": "voldaan",
        "technische-briefing-sectorale-samenwerking": "voldaan",
    }


def test_between_the_letters_a_new_commitment_is_open(corpus: Corpus) -> None:
    state = state_on(corpus, dt.date(2020, 3, 10))
    tomato = state.commitments["tomatensector-vervolgaanpak"]
    assert tomato.status == "openstaand" and not tomato.updates
    assert "technische-briefing-sectorale-samenwerking" not in state.commitments


def test_sector_history_and_figures(corpus: Corpus) -> None:
    textile = state_on(corpus, AFTER_2022).sectors["kleding-textiel"]
    assert textile.status == "ondertekend"
    assert textile.signed is not None and str(textile.signed.fact.date) == "juli 2016"
    values = [(f.fact.label, int(f.fact.value), f.fact.target) for f in textile.figures]
    assert ("deelnemende merken", 56, False) in values
    assert ("deelnemende merken", 79, False) in values
    latest = {(f.fact.label, f.fact.target): int(f.fact.value) for f in textile.key_figures}
    assert latest[("deelnemende merken", False)] == 79
    assert [p.date.year for p in textile.passages] == sorted(p.date.year for p in textile.passages)
    assert {p.date.year for p in textile.passages} == {2018, 2022}


def test_milestones_are_sorted_by_their_period(corpus: Corpus) -> None:
    starts = [m.fact.due.start for m in state_on(corpus, AFTER_2022).milestones]
    assert starts == sorted(starts) and len(starts) > 10


@pytest.mark.parametrize(
    ("due", "on", "expected"),
    [
        ("najaar 2019", "2020-01-01", Timing.PAST),
        ("eind 2018", "2018-11-14", Timing.SOON),
        ("begin 2019", "2018-11-14", Timing.SOON),
        ("voorjaar 2019", "2018-11-14", Timing.LATER),
        ("2023", "2022-04-30", Timing.LATER),
        ("zomer 2022", "2022-04-30", Timing.SOON),
        ("2018-11-13", "2018-11-14", Timing.PAST),
    ],
)
def test_milestone_timing(due: str, on: str, expected: Timing) -> None:
    assert timing(FuzzyDate.parse(due), dt.date.fromisoformat(on)) is expected


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2018, 11, 14), 3) == dt.date(2019, 2, 14)
    assert add_months(dt.date(2019, 11, 30), 3) == dt.date(2020, 2, 29)


def test_the_inconsistencies_in_the_letters_are_found(corpus: Corpus) -> None:
    texts = [f.text for f in Index(corpus).findings_on(AFTER_2022)]
    assert any("17 februari 2021" in t and "25 november 2021" in t for t in texts)
    assert any("Becker" in t and "zaterdag 14 april 2018" in t for t in texts)
    # The Kamer's agenda has the technical briefing a year later than the letter says.
    assert any(
        "noemt 17 februari 2021 als datum van de technische briefing" in t
        and "(activiteit 2021A08488) was die op 17 februari 2022" in t
        for t in texts
    )
    assert len(texts) == 3
    # Neither is known on the day of the 2018 debate.
    assert findings_on(corpus, state_on(corpus, AO_2018), AO_2018) == []


def test_check_prints_the_inconsistencies_as_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(CONTENT)]) == 0
    err = capsys.readouterr().err
    assert "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml:181:9: " in err
    assert "fulfilled_on: warning: commitment 'technische-briefing-sectorale-samenwerking'" in err
    assert "motions.yaml:27:5: motions[2].adopted: warning: motion 'becker-26485-277'" in err
    assert "0 errors, 3 warnings" in err


def test_a_period_is_said_as_a_period_in_the_points_of_attention(content_copy: Path) -> None:
    """A day fulfilled or due given as a period reads as one, in Dutch and in the warning."""
    letters = content_copy / "letters"
    later = letters / "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
    text = later.read_text(encoding="utf-8")
    later.write_text(text.replace("fulfilled_on: 17 februari 2021", "fulfilled_on: voorjaar 2021"))
    letter = letters / "2018-11-13-voortgang-imvo-beleid.yaml"
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("due: eind 2018", "due: voor de zomer 2018", 1))
    corpus = load_corpus(content_copy)
    texts = [f.text for f in Index(corpus).findings_on(AFTER_2022)]
    assert any(
        "nagekomen in de periode 'voorjaar 2021', vóórdat zij op 25 november 2021 werd gedaan" in t
        for t in texts
    )
    assert any("aan met als moment 'voor de zomer 2018', dat al voorbij was." in t for t in texts)
    found = [p.message for p in warnings(corpus)]
    assert any(
        "'technische-briefing-sectorale-samenwerking' was fulfilled in 'voorjaar 2021' according "
        "to this letter, before it was made on 2021-11-25" in m
        for m in found
    )


def test_a_section_naming_a_sector_it_does_not_list_gets_a_warning(content_copy: Path) -> None:
    letter = content_copy / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    text = letter.read_text(encoding="utf-8")
    attached = "    sectors: [kinderarbeid, leefbaar-loon, cacao, kolen-colombia]\n"
    assert attached in text
    letter.write_text(text.replace(attached, "    sectors: [kinderarbeid, leefbaar-loon]\n"))
    found = [str(p) for p in warnings(load_corpus(content_copy))]
    mentions = [w for w in found if "the section does not list it" in w]
    assert len(mentions) == 2
    assert all(":37:9: sections[0].body[1]: warning: names " in w for w in mentions)
    assert any("'cacaosector' (sector 'cacao')" in w for w in mentions)
    assert any("'Colombia' (sector 'kolen-colombia')" in w for w in mentions)


def test_the_bundled_letters_list_every_sector_they_name(corpus: Corpus) -> None:
    assert not [p for p in warnings(corpus) if "does not list it" in p.message]


def test_a_status_that_goes_back_and_an_overdue_deadline_are_pointed_out(
    content_copy: Path,
) -> None:
    commitments = content_copy / "commitments.yaml"
    text = commitments.read_text(encoding="utf-8")
    made_by = "    debate: notaoverleg-bhos-2018-06-28\n"
    commitments.write_text(text.replace(made_by, made_by + "    deadline: najaar 2019\n", 1))
    letter = (
        content_copy / "letters" / "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
    )
    text = letter.read_text(encoding="utf-8")
    anchor = "    commitment_updates:\n      - commitment: tomatensector-vervolgaanpak\n"
    assert anchor in text
    letter.write_text(
        text.replace(
            anchor,
            anchor.replace(
                "commitment_updates:\n",
                "commitment_updates:\n      - commitment: oeso-onderzoek-impact-gepaste-"
                "zorgvuldigheid\n        status: openstaand\n",
            ),
        )
    )
    corpus = load_corpus(content_copy)
    assert not corpus.errors
    found = [str(p) for p in warnings(corpus)]
    assert any(
        "commitment_updates[0].status: warning: status of "
        "'oeso-onderzoek-impact-gepaste-zorgvuldigheid' goes back from 'deels voldaan' to "
        "'openstaand'" in w
        for w in found
    )
    index = Index(corpus)
    attention = [f.text for f in index.findings_on(AFTER_2022)]
    assert any(
        "gaat in de brief van 7 april 2022 terug van 'deels voldaan'" in t for t in attention
    )
    assert any("(najaar 2019) is verstreken; de stand is 'openstaand'" in t for t in attention)
    # Before the deadline has passed, it is not a point of attention.
    early = [f.text for f in index.findings_on(AO_2018)]
    assert not any("verstreken" in t for t in early)
    # check says so too, at the deadline in the registry.
    assert any(
        "commitments.yaml:9:5: commitments[0].deadline: warning: commitment "
        "'oeso-onderzoek-impact-gepaste-zorgvuldigheid' was due najaar 2019 and is still "
        "'openstaand' on " in w
        for w in found
    )
