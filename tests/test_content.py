"""The bundled content: complete registries, typed facts, and a self-documenting model."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel

from briefing import model, section_body
from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.errors import ContentError
from briefing.inline import render_inline
from briefing.model import Letter, Section
from briefing.settings import Settings, load_settings
from briefing.sources import Corpus
from briefing.types import FuzzyDate, Kamerstuk
from briefing.walk import iter_sections
from tests.conftest import CONTENT


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    loaded = load_corpus(CONTENT)
    assert not loaded.problems
    return loaded


def _all_sections(corpus: Corpus) -> Iterator[tuple[Letter, Section]]:
    for source in corpus.letters:
        for section, _path, _level in iter_sections(source.letter.sections):
            yield source.letter, section


def test_every_model_field_is_described() -> None:
    models: list[type[BaseModel]] = [
        value
        for module in (model, section_body)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
    ]
    assert len(models) > 15
    models.append(Settings)
    for cls in models:
        for name, info in cls.model_fields.items():
            assert info.description, f"{cls.__name__}.{name} has no description"
        assert cls.model_config.get("extra") == "forbid", cls.__name__


def test_letters_in_date_order_with_their_debate(corpus: Corpus) -> None:
    letters = [source.letter for source in corpus.letters]
    assert [letter.date.isoformat() for letter in letters] == ["2018-11-13", "2022-04-07"]
    assert letters[0].debate == "ao-imvo-2018-11-14"


def test_every_registry_entry_is_spoken_about_in_a_letter(corpus: Corpus) -> None:
    mentioned: dict[str, set[str]] = {"motion": set(), "commitment": set(), "sector": set()}
    for _letter, section in _all_sections(corpus):
        mentioned["motion"] |= set(section.motions)
        mentioned["commitment"] |= set(section.commitments)
        mentioned["sector"] |= set(section.sectors)
    assert mentioned["motion"] == set(corpus.motions)
    assert mentioned["commitment"] == set(corpus.commitments)
    assert mentioned["sector"] == set(corpus.sectors)


def test_the_four_motions_of_2018_and_the_follow_ups_of_2022(corpus: Corpus) -> None:
    by_letter: dict[str, set[str]] = {}
    for letter, section in _all_sections(corpus):
        by_letter.setdefault(letter.id[:4], set()).update(u.motion for u in section.motion_updates)
    assert by_letter["2018"] == {
        "van-laar-26485-224",
        "bouali-26485-280",
        "amhaouch-34952-7",
        "diks-26485-273",
    }
    assert {"van-der-lee-35570-71", "becker-26485-277"} <= by_letter["2022"]


def test_amounts_and_milestones_are_typed(corpus: Corpus) -> None:
    amounts = [a for _l, s in _all_sections(corpus) for a in s.amounts]
    assert any(a.euros == Decimal(8_300_000) and a.year == 2019 for a in amounts)
    yearly = {a.year: a.euros for a in amounts if a.instrument.startswith("IMVO-convenanten")}
    assert yearly == {
        2018: Decimal(7_000_000),
        2019: Decimal(7_000_000),
        2020: Decimal(6_000_000),
        2021: Decimal(6_000_000),
        2022: Decimal(3_000_000),
    }
    milestones = {m.due.text: m for _l, s in _all_sections(corpus) for m in s.milestones}
    assert {"najaar 2019", "begin 2019", "eerste helft van 2019", "zomer 2022"} <= set(milestones)
    autumn = milestones["najaar 2019"].due
    assert (autumn.start.isoformat(), autumn.end.isoformat()) == ("2019-09-01", "2019-11-30")


def test_textile_figures(corpus: Corpus) -> None:
    figures = [
        f for _l, s in _all_sections(corpus) for f in s.figures if f.sector == "kleding-textiel"
    ]
    values = {(f.value, f.target) for f in figures}
    assert {(Decimal(56), False), (Decimal(79), False), (Decimal(45), False)} <= values
    assert (Decimal(50), True) in values


def test_settings_reject_css_injection(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_text('font_family: "x; } body { display: none"\n')
    with pytest.raises(ContentError) as error:
        load_settings(tmp_path)
    assert "settings.yaml:1:1: font_family:" in str(error.value)
    (tmp_path / "settings.yaml").write_text("emblem: ../../etc/beeldmerk.svg\n")
    with pytest.raises(ContentError):
        load_settings(tmp_path)
    (tmp_path / "settings.yaml").write_text("font_family: RO Sans\n")
    assert load_settings(tmp_path).font_family == "RO Sans"


def test_a_missing_emblem_is_an_error_that_check_reports(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_copy / "settings.yaml").write_text("\nemblem: beeldmerk.svg\n")
    assert main(["check", "--content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert "settings.yaml:2:1: emblem: no file 'beeldmerk.svg' in " in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("written", "number", "link"),
    [
        ("35 000 XVII, nr. 34", "Kamerstuk 35 000-XVII, nr. 34", "kst-35000-XVII-34"),
        ("35000 XVII, nr. 34", "Kamerstuk 35 000-XVII, nr. 34", "kst-35000-XVII-34"),
        ("36 600 B, nr. 9", "Kamerstuk 36 600-B, nr. 9", "kst-36600-B-9"),
        ("35 925-XVII, nr. 33", "Kamerstuk 35 925-XVII, nr. 33", "kst-35925-XVII-33"),
    ],
)
def test_a_budget_chapter_cited_after_a_space_is_the_same_kamerstuk(
    written: str, number: str, link: str
) -> None:
    """Letters cite budget chapters as '35 000 XVII, nr. 34' as often as '35 000-XVII, nr.
    34': the same paper, numbered and linked the same way in the text of a letter."""
    assert str(Kamerstuk.parse(written)) == number
    html = str(render_inline(f"zoals gemeld (Kamerstuk {written})."))
    assert html == (
        f'zoals gemeld (<a class="kst" href="https://zoek.officielebekendmakingen.nl/{link}.html">'
        f"Kamerstuk {written}</a>)."
    )


def test_two_letters_with_one_kamerstuk_number_are_an_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Kamerstuk is one letter: the second file that carries its number is refused where
    the number stands, and the first one stays in the content."""
    minimal = (Path(__file__).parent / "bad_inputs" / "_minimal-letter.yaml").read_text()
    for day in ("01", "02"):
        letter = minimal.replace("2030-01-01", f"2030-01-{day}") + "kamerstuk: 35 537, nr. 3\n"
        letter = letter.replace(f"date: 2030-01-{day}", f"date: 2025-01-{day}")  # before today
        (content_copy / "letters" / f"2030-01-{day}-test.yaml").write_text(letter)
    assert main(["check", "--content", str(content_copy)]) == 1
    first, second = (content_copy / "letters" / f"2030-01-{day}-test.yaml" for day in ("01", "02"))
    line = second.read_text().splitlines().index("kamerstuk: 35 537, nr. 3") + 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": warning: " not in line]
    assert errors == [
        f"{second}:{line}:1: kamerstuk: Kamerstuk 35 537, nr. 3 is also the letter "
        f"'2030-01-01-test' ({first}); a Kamerstuk is one letter: keep one of the two files "
        "(the same letter imported twice?)",
        "10 files checked: 1 error, 3 warnings",
    ]
    assert "2030-01-01-test" in {s.letter.id for s in load_corpus(content_copy).letters}


def test_a_letter_with_the_number_the_kamer_gives_another_letter_is_an_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """kamer.yaml links the 2018 letter to the Kamer's record of 26 485, nr. 293; a letter
    file that carries that number too is the same letter twice, or the link is wrong."""
    minimal = (Path(__file__).parent / "bad_inputs" / "_minimal-letter.yaml").read_text()
    added = content_copy / "letters" / "2030-01-01-test.yaml"
    dated = minimal.replace("date: 2030-01-01", "date: 2025-01-01")  # before today
    added.write_text(dated + "kamerstuk: 26 485, nr. 293\n")
    assert main(["check", "--content", str(content_copy)]) == 1
    kamer = content_copy / "kamer.yaml"
    line = kamer.read_text().splitlines().index("  kamerstuk: 26 485, nr. 293") + 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": warning: " not in line]
    assert errors[0] == (
        f"{kamer}:{line}:3: letters[0].kamerstuk: Kamerstuk 26 485, nr. 293 is the letter "
        f"'2030-01-01-test' ({added}); the Kamer's record linked to "
        "'2018-11-13-voortgang-imvo-beleid' cannot be it too: a Kamerstuk is one letter (the "
        "same letter twice in the content, or a wrong link)"
    )
    assert errors[1].endswith(" checked: 1 error, 3 warnings")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("najaar 2019", "2019-09-01", "2019-11-30"),
        ("het najaar van 2019", "2019-09-01", "2019-11-30"),
        ("eerste helft van 2019", "2019-01-01", "2019-06-30"),
        ("begin 2019", "2019-01-01", "2019-03-31"),
        ("december 2019", "2019-12-01", "2019-12-31"),
        ("29 juni 2018", "2018-06-29", "2018-06-29"),
        ("in 2023", "2023-01-01", "2023-12-31"),
        ("voor de zomer 2022", "2022-01-01", "2022-06-30"),
        ("vóór het zomerreces van 2022", "2022-01-01", "2022-06-30"),
        ("na de zomer 2022", "2022-09-01", "2022-11-30"),
        ("Q3 2021", "2021-07-01", "2021-09-30"),
        ("het derde kwartaal van 2021", "2021-07-01", "2021-09-30"),
        ("4e kwartaal 2021", "2021-10-01", "2021-12-31"),
        ("uiterlijk eind 2022", "2022-10-01", "2022-12-31"),
        ("uiterlijk maart 2022", "2022-03-01", "2022-03-31"),
    ],
)
def test_fuzzy_dates_bound_the_period_they_name(text: str, start: str, end: str) -> None:
    parsed = FuzzyDate.parse(text)
    assert (parsed.start.isoformat(), parsed.end.isoformat(), str(parsed)) == (start, end, text)


def test_an_unknown_fuzzy_date_says_what_is_accepted() -> None:
    with pytest.raises(ValueError, match=r"'laat 2019' is not a date .* 'najaar 2019'"):
        FuzzyDate.parse("laat 2019")
