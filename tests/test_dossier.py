"""The debate dossiers a user gets: what they say on their date, part by part, read from the PDFs.

The dossier of the AO of 14 November 2018 comes from the shared build; the others are made
with ``prepare`` into a copy of it, as a user would before a debate.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import pdfplumber
import pypdf
import pytest
import yaml

from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.export import COLUMNS
from briefing.prepare import prepare
from tests.conftest import CONTENT, destination_page, normalise, tables, text_of

AO_2018 = "ao-imvo-2018-11-14"
DEBATE_2021 = "commissiedebat-imvo-2021-12-02"
LETTER_2018 = "2018-11-13-voortgang-imvo-beleid"
LETTER_2022 = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
#: The IMVO debates of 2018-2022 on the Kamer's agenda, all in the bundled content.
IMVO_DEBATES = [
    "ao-imvo-2018-03-06",
    AO_2018,
    "ao-imvo-2019-06-20",
    "ao-imvo-2020-03-03",
    "notaoverleg-imvo-2020-12-08",
    DEBATE_2021,
]
#: Words that only the 2022 letter says.
ONLY_IN_2022 = ["Van der Lee", "35 570", "tomaten", "7 april 2022", "17 februari 2021"]
PART_HEADING_SIZE = 14
OPEN_TABLE = "Wat | Sinds | Open | Termijn | Stand"
ANNEX_TABLE = "Omschrijving | Vindplaats | Stand van zaken"
CHANGES_TABLE = "Motie of toezegging | Stand | Bron"
SUBMITTED_TABLE = "Motie | Stand | Bron"
MADE_TABLE = "Toezegging | Stand | Bron"
PARTIES_TABLE = "Fractie | Motie of toezegging | Stand | Bron"
MILESTONES_TABLE = "Wanneer | Wat | Sector | Stand | Bron"
#: The annex's milestones, without their sectors.
LATER_TABLE = "Wanneer | Wat | Stand | Bron"
AMOUNTS_TABLE = "Instrument | Jaar | Bedrag | Bron"
SECTORS_TABLE = "Sector of thema | Stand | Ondertekend | Laatste ontwikkeling"
SOURCES_TABLE = "Datum | Kamerbrief | Kamerstuk"


@pytest.fixture(scope="module")
def made(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared build, to prepare dossiers in beside its letters."""
    out = tmp_path_factory.mktemp("dossiers") / "out"
    shutil.copytree(built, out)
    return out


@pytest.fixture(scope="module")
def dossier_2018(built: Path) -> Path:
    return built / "briefings" / f"{AO_2018}.pdf"


@pytest.fixture(scope="module")
def dossier_2021(made: Path) -> Path:
    return prepare(CONTENT, made, debate_id=DEBATE_2021).path


@pytest.fixture(scope="module")
def state_2022(made: Path) -> Path:
    """The state of play on 30 April 2022, after both letters."""
    return prepare(CONTENT, made, dt.date(2022, 4, 30)).path


def part_heading_pages(pdf: Path) -> dict[str, int]:
    """Page (1-based) of every part heading, found by its size."""
    found: dict[str, int] = {}
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            big = page.filter(
                lambda o: o.get("object_type") != "char" or round(o["size"]) == PART_HEADING_SIZE
            )
            for line in (big.extract_text() or "").splitlines():
                found.setdefault(line.strip(), number)
    return found


def glance(pdf: Path) -> dict[str, int]:
    """The counts on the page at a glance, by label."""
    table = next(rows for header, rows in tables(pdf).items() if header.endswith("| Aantal"))
    return {label: int(value) for label, value in table}


MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


def dutch_day(text: str) -> dt.date:
    """The last date written the Dutch way in ``text``: '..., 28 juni 2018'."""
    day, month, year = re.findall(r"(\d{1,2}) ([a-z]+) (\d{4})", text)[-1]
    return dt.date(int(year), MONTHS.index(month) + 1, int(day))


def between(text: str, start: str, end: str) -> str:
    """The text from ``start`` up to ``end`` (or the end); empty without ``start``."""
    if start not in text:
        return ""
    part = text.rsplit(start, 1)[1]  # the last: the part's own heading, not the contents' entry
    return part.split(end, 1)[0] if end in part else part


# ------------------------------------------------------------------------- what gets made


def test_build_writes_a_dossier_for_each_debate_with_letters_on_its_agenda(built: Path) -> None:
    assert sorted(p.name for p in (built / "briefings").glob("*.pdf")) == [f"{AO_2018}.pdf"]


def test_prepare_makes_the_dossier_of_every_imvo_debate(
    made: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = load_corpus(CONTENT)
    for debate_id in IMVO_DEBATES:
        args = ["prepare", "--content", str(CONTENT), "--debate", debate_id, "--out", str(made)]
        assert main(args) == 0, capsys.readouterr().err
        debate = corpus.debates[debate_id]
        target = made / "briefings" / f"{debate_id}-{debate.date.isoformat()}.pdf"
        assert capsys.readouterr().out == f"wrote {target}\n"
        first = pypdf.PdfReader(target).pages[0].extract_text()
        assert debate.title.split(" (")[0] in normalise(first)
    # The one before any letter still has its register, from the day each motion was submitted.
    early = text_of(made / "briefings" / "ao-imvo-2018-03-06-2018-03-06.pdf")
    assert "Motie Van Laar (PvdA)" in early and "Bouali" not in early


# ------------------------------------------------------------------------------ the parts


def test_the_parts_in_order_after_the_page_at_a_glance(dossier_2018: Path) -> None:
    headings = part_heading_pages(dossier_2018)
    order = [
        "In één oogopslag",
        "Agenda",
        "Sinds het vorige debat",
        "Openstaand",
        "Per fractie",
        "Kernboodschap en vragen",
        "Sectoren",
        "Mijlpalen",
        "Financiën",
        "Bijlage: moties en toezeggingen",
        "Bronnen",
    ]
    assert [h for h in headings if h in order] == order
    assert headings["In één oogopslag"] == 2  # right after the cover, before the contents
    cover = text_of(dossier_2018).split("In één oogopslag")[0]
    for fact in ["Dossier algemeen overleg", "Vorig debat", "6 maart 2018", "Agenda 1 Kamerbrief"]:
        assert fact in cover


def test_the_counts_at_a_glance_are_the_rows_they_count(
    dossier_2018: Path, dossier_2021: Path
) -> None:
    for pdf in (dossier_2018, dossier_2021):
        counts, found = glance(pdf), tables(pdf)
        assert list(counts)[:3] == [  # the overdue as part of the open, not beside them
            "Openstaande toezeggingen",
            "waarvan over de termijn",
            "Moties nog niet uitgevoerd",
        ]
        open_rows = found[OPEN_TABLE]
        assert counts["waarvan over de termijn"] == sum(
            row[4] == "termijn verstreken" for row in open_rows
        )
        assert counts["Openstaande toezeggingen"] == sum(
            row[0].startswith("Toezegging") for row in open_rows
        )
        assert counts["Moties nog niet uitgevoerd"] == sum(
            row[0].startswith("Motie") for row in open_rows
        )
        since = between(text_of(pdf), "Wat er veranderde sinds", "Openstaand")
        letters = len(
            re.findall(r"\(brief \d+ \w+ \d{4}", between(since, "Nieuwe brieven", "Gewijzigde"))
        )
        changes = sum(len(found.get(h, [])) for h in (CHANGES_TABLE, SUBMITTED_TABLE, MADE_TABLE))
        assert counts["Wijzigingen sinds het vorige debat"] == letters + changes
    assert glance(dossier_2018)["Moties nog niet uitgevoerd"] == 4


def test_nothing_after_the_debate_appears(dossier_2018: Path) -> None:
    text = text_of(dossier_2018)
    for later in ONLY_IN_2022:
        assert later not in text
    # Becker c.s. was submitted on 4 April 2018: it is in the register, as not yet reported on.
    assert "Motie Becker c.s. (VVD)" in text


def test_since_the_previous_debate_the_changes_in_the_content(
    content_copy: Path, tmp_path: Path
) -> None:
    """A letter between the AO of June 2019 and that of March 2020 changes two statuses."""
    (content_copy / "letters" / "2020-02-20-voortgang.yaml").write_text(
        LETTER_2020, encoding="utf-8"
    )
    pdf = prepare(content_copy, tmp_path / "out", debate_id="ao-imvo-2020-03-03").path
    found = tables(pdf)
    changes = {row[0]: row[1] for row in found[CHANGES_TABLE]}
    assert changes == {
        "Motie Van Laar (Kamerstuk 26 485, nr. 224)": "uitgevoerd",
        "Toezegging: Een onderzoek van de OESO financieren over de relatie tussen gepaste "
        "zorgvuldigheid door bedrijven en de …": "voldaan",
    }
    assert SUBMITTED_TABLE not in found and MADE_TABLE not in found
    since = between(text_of(pdf), "Wat er veranderde sinds", "Openstaand")
    assert "AO Internationaal Maatschappelijk Verantwoord Ondernemen (IMVO), 20 juni 2019" in since
    assert re.search(r"• Voortgang na het AO van juni 2019 ?\(brief 20 februari 2020\)", since)
    assert glance(pdf)["Wijzigingen sinds het vorige debat"] == 3


LETTER_2020 = (CONTENT / "letters" / f"{LETTER_2018}.yaml").read_text(encoding="utf-8")
LETTER_2020 = (
    (
        LETTER_2020.split("sections:")[0]
        .replace(f"id: {LETTER_2018}", "id: 2020-02-20-voortgang")
        .replace("date: 2018-11-13", "date: 2020-02-20")
        .replace("subject: Voortgang IMVO-beleid", "subject: Voortgang na het AO van juni 2019")
        .replace("debate: ao-imvo-2018-11-14", "debate: ao-imvo-2020-03-03")
    )
    + """sections:
  - id: opvolging
    body:
      - De motie Van Laar is uitgevoerd en het OESO-onderzoek is gefinancierd.
    motion_updates:
      - motion: van-laar-26485-224
        status: uitgevoerd
    commitment_updates:
      - commitment: oeso-onderzoek-impact-gepaste-zorgvuldigheid
        status: voldaan
"""
)


def test_overdue_commitments_come_first(content_copy: Path, tmp_path: Path) -> None:
    commitments = content_copy / "commitments.yaml"
    text = commitments.read_text(encoding="utf-8")
    made = "    debate: ao-jemen-2020-03-04\n"
    assert made in text
    commitments.write_text(text.replace(made, made + "    deadline: 2021-01-01\n"))
    pdf = prepare(content_copy, tmp_path / "out", debate_id=DEBATE_2021).path
    rows = tables(pdf)[OPEN_TABLE]
    assert rows[0][0].startswith("Toezegging: Het gesprek voortzetten met financiële")
    assert rows[0][3] == "1 januari 2021" and rows[0][4] == "termijn verstreken"
    assert all(row[4] != "termijn verstreken" for row in rows[1:])
    days = [dutch_day(row[1]) for row in rows[1:]]
    assert days == sorted(days) and len(days) >= 8
    assert rows[1][0].startswith("Motie Van Laar")  # the oldest: 6 September 2016
    assert glance(pdf)["waarvan over de termijn"] == 1


#: Motions submitted before the debate of 2 December 2021: one the Kamer adopted after it, one
#: it never voted on.
VOTED_LATER = """
  - id: thijssen-26485-390
    submitters:
      - {name: Thijssen, party: PvdA}
    kamerstuk: 26 485, nr. 390
    submitted: 2021-11-25
    adopted: 2021-12-07
    request: Verzoekt de regering een tijdpad voor IMVO-wetgeving te sturen.

  - id: van-haga-26485-391
    submitters:
      - {name: Van Haga, party: Groep Van Haga}
    kamerstuk: 26 485, nr. 391
    submitted: 2021-11-30
    request: Verzoekt de regering geen nationale kop op Europese IMVO-wetgeving te zetten.
"""


def test_a_motion_not_yet_adopted_on_the_date_is_submitted(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    motions = content_copy / "motions.yaml"
    motions.write_text(motions.read_text(encoding="utf-8") + VOTED_LATER, encoding="utf-8")
    pdf = prepare(content_copy, tmp_path / "out", debate_id=DEBATE_2021).path
    found = tables(pdf)
    for name in ("Motie Thijssen", "Motie Van Haga"):
        assert not [r for r in found[OPEN_TABLE] if r[0].startswith(name)]  # not to carry out
        assert [r[1] for r in found[SUBMITTED_TABLE] if r[0].startswith(name)] == ["ingediend"]
        assert [r[2] for r in found[PARTIES_TABLE] if r[1].startswith(name)] == ["ingediend"]
        annex = [r[2] for r in found[ANNEX_TABLE] if r[0].startswith(name)]
        assert len(annex) == 1 and annex[0].startswith("ingediend op ")
    target = tmp_path / "register.csv"
    args = ["export", "--content", str(content_copy), "--debate", DEBATE_2021]
    assert main([*args, "--out", str(target)]) == 0
    capsys.readouterr()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = {row["id"]: row for row in csv.DictReader(stream)}
    assert (rows["thijssen-26485-390"]["stand"], rows["thijssen-26485-390"]["stand sinds"]) == (
        "ingediend",
        "2021-11-25",
    )
    assert rows["van-haga-26485-391"]["stand"] == "ingediend"
    later = prepare(content_copy, tmp_path / "out", date=dt.date(2021, 12, 7)).path
    assert [r[4] for r in tables(later)[OPEN_TABLE] if r[0].startswith("Motie Thijssen")] == [
        "aangenomen"
    ]


def test_a_deadline_is_never_broken_inside_a_word(content_copy: Path, tmp_path: Path) -> None:
    commitments = content_copy / "commitments.yaml"
    text = commitments.read_text(encoding="utf-8")
    made = "    debate: ao-jemen-2020-03-04\n"
    commitments.write_text(text.replace(made, made + "    deadline: 2021-09-30\n"))
    pdf = prepare(content_copy, tmp_path / "out", debate_id=DEBATE_2021).path
    assert tables(pdf)[OPEN_TABLE][0][3] == "30 september 2021"


def test_per_party_the_motions_of_its_members(dossier_2018: Path) -> None:
    rows = tables(dossier_2018)[PARTIES_TABLE]
    parties = {row[0]: row[1] for row in rows if row[0]}
    assert parties["GroenLinks"] == "Motie Diks (Kamerstuk 26 485, nr. 273)"
    assert (
        parties["ChristenUnie"] == parties["D66"] == "Motie Bouali c.s. (Kamerstuk 26 485, nr. 280)"
    )
    assert list(parties) == sorted(parties, key=str.lower)


def test_motions_of_an_unknown_party_come_last_under_their_own_name(
    content_copy: Path, tmp_path: Path
) -> None:
    """A motion whose submitter's party neither the content nor the Kamer's records give (an
    imported motion before 'briefing kamer link') is still in the part, under 'Fractie
    onbekend', after the parties."""
    (content_copy / "kamer.yaml").unlink()
    motions = content_copy / "motions.yaml"
    text = motions.read_text(encoding="utf-8")
    motions.write_text(text.replace("{name: Van Laar, party: PvdA}", "{name: Van Laar}"))
    pdf = prepare(content_copy, tmp_path / "out", debate_id=AO_2018).path
    rows = tables(pdf)[PARTIES_TABLE]
    names = [row[0] for row in rows if row[0]]
    assert names[-1] == "Fractie onbekend" and "PvdA" not in names
    assert names[:-1] == sorted(names[:-1], key=str.lower)
    unknown = rows[[row[0] for row in rows].index("Fractie onbekend") :]
    assert unknown == [
        ["Fractie onbekend", "Motie Van Laar (Kamerstuk 26 485, nr. 224)", "in uitvoering",
         "brief 13 november 2018, p. 2"],
    ]  # fmt: skip


def test_per_party_only_what_is_open_or_changed_the_rest_in_the_annex(
    dossier_2021: Path,
) -> None:
    found = tables(dossier_2021)
    rows = found[PARTIES_TABLE]
    groenlinks = rows[[row[0] for row in rows].index("GroenLinks") :][:2]
    # Diks's motion was carried out in 2018, long before the previous debate (8 December 2020).
    assert groenlinks == [
        ["GroenLinks", "Motie Van der Lee c.s. (Kamerstuk 35 570, nr. 71)", "aangenomen",
         "nog niet gemeld"],
        ["", "en 1 andere: zie de bijlage", "", ""],
    ]  # fmt: skip
    assert not any("Diks" in cell for row in rows for cell in row)
    assert any(row[0].startswith("Motie Diks (GroenLinks)") for row in found[ANNEX_TABLE])


def test_lines_to_take_and_questions_cite_their_letter_sections(dossier_2018: Path) -> None:
    text = between(text_of(dossier_2018), "Kernboodschap en vragen", "Sectoren")
    assert "Vraag: Indien gevraagd: wat hebben de convenanten al opgeleverd" in text
    assert "Antwoord: Daarvoor is het nog te vroeg" in text
    assert "brief 13 november 2018, p. 1" in text


def test_a_mistake_in_the_questions_is_reported_at_its_place(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = content_copy / "qa" / f"{AO_2018}.yaml"
    text = notes.read_text(encoding="utf-8")
    cited = "        sources: [2018-11-13-voortgang-imvo-beleid#indicator-90-procent]\n"
    assert cited in text
    notes.write_text(text.replace(cited, cited.replace("indicator-90", "indicator-99")))
    assert main(["check", "--content", str(content_copy)]) == 1
    line = text.splitlines().index(cited.rstrip("\n")) + 1
    assert (
        f"{notes}:{line}:19: themes[1].questions[0].sources[0]: letter "
        "'2018-11-13-voortgang-imvo-beleid' has no section with id 'indicator-99-procent'"
    ) in capsys.readouterr().err
    notes.write_text(text.replace(cited, ""))
    assert main(["check", "--content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert re.search(
        rf"{re.escape(str(notes))}:\d+:\d+: themes\[1\]\.questions\[0\]\.sources: ", err
    )


def test_a_mistake_in_another_debates_questions_does_not_stop_a_dossier(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = content_copy / "qa" / f"{AO_2018}.yaml"
    text = notes.read_text(encoding="utf-8")
    cited = "        sources: [2018-11-13-voortgang-imvo-beleid#indicator-90-procent]\n"
    notes.write_text(text.replace(cited, cited.replace("indicator-90", "indicator-99")))
    line = text.splitlines().index(cited.rstrip("\n")) + 1
    problem = (
        f"{notes}:{line}:19: themes[1].questions[0].sources[0]: letter "
        "'2018-11-13-voortgang-imvo-beleid' has no section with id 'indicator-99-procent'\n"
    )
    aside = problem + "1 error in lines to take and questions this document does not use\n"
    out, content = tmp_path / "out", ["--content", str(content_copy)]
    assert main(["prepare", *content, "--out", str(out), "--debate", DEBATE_2021]) == 1
    pdf = out / "briefings" / f"{DEBATE_2021}-2021-12-02.pdf"
    assert capsys.readouterr()[:2] == (f"wrote {pdf}\n", aside)
    assert "Openstaand" in text_of(pdf)
    register = tmp_path / "register.csv"
    assert main(["export", *content, "--debate", DEBATE_2021, "--out", str(register)]) == 1
    assert capsys.readouterr()[:2] == (f"wrote {register} (11 rows)\n", aside)
    assert main(["prepare", *content, "--out", str(out), "--debate", AO_2018]) == 1
    assert capsys.readouterr()[:2] == ("", problem)
    assert not (out / "briefings" / f"{AO_2018}-2018-11-14.pdf").exists()


# ---------------------------------------------------------------- the annex and the export


def test_the_annex_rows_are_the_export_rows(
    dossier_2021: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annex = tables(dossier_2021)[ANNEX_TABLE]
    target = tmp_path / "register.csv"
    args = ["export", "--content", str(CONTENT), "--debate", DEBATE_2021, "--out", str(target)]
    assert main(args) == 0
    assert capsys.readouterr().out == f"wrote {target} ({len(annex)} rows)\n"
    with target.open(encoding="utf-8-sig", newline="") as stream:
        exported = list(csv.reader(stream))
    assert exported[0] == COLUMNS
    assert len(exported) - 1 == len(annex) == 11
    for row, entry in zip(annex, exported[1:], strict=True):
        assert row[0].startswith("Motie" if entry[1] == "motie" else "Toezegging")
        if entry[1] == "motie":
            assert entry[2] == f"Kamerstuk {row[1].split(';')[0]}"  # the Kamerstuk number
        assert entry[9] in row[2] or row[2].startswith(entry[9])  # the status word


# ----------------------------------------------------------------- text, links and layout


def test_key_points_come_from_the_content(dossier_2018: Path) -> None:
    letter = next(s.letter for s in load_corpus(CONTENT).letters if s.letter.id == LETTER_2018)
    text = text_of(dossier_2018)
    points = [normalise(p.replace("*", "")) for s in letter.sections for p in s.summary]
    assert points
    assert [p for p in points if p not in text] == []


def test_money_and_milestones(dossier_2018: Path, state_2022: Path) -> None:
    amounts = [row[:3] for row in tables(dossier_2018)[AMOUNTS_TABLE]]
    assert ["Fonds Verantwoorde Productie", "2019", "8,3 miljoen euro"] in amounts
    assert ["IMVO-convenanten", "vanaf 2022, structureel", "3 miljoen euro"] in amounts
    timings = {(row[0], row[1][:30]): row[3] for row in tables(dossier_2018)[MILESTONES_TABLE]}
    assert timings[("eind 2018", "Doelstelling van 50 procent ma")] == "binnen 3 maanden"
    annex = {(row[0], row[1][:30]): row[2] for row in tables(dossier_2018)[LATER_TABLE]}
    assert annex[("2023", "Ambitie: 90 procent van de gro")] == "later"
    later = {(row[0], row[1][:30]): row[3] for row in tables(state_2022)[MILESTONES_TABLE]}
    assert later[("zomer 2022", "Nieuw instrument voor sectoral")] == "binnen 3 maanden"
    # Overdue by more than a year: neither in the body nor in the annex of 2022.
    assert ("najaar 2019", "Start van de evaluatie van het") not in later


def _links(pdf: Path) -> list[tuple[int, str, str]]:
    """(page, target, text under the link) of every external link."""
    out = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            for link in page.hyperlinks:
                box = (link["x0"], link["top"], link["x1"], link["bottom"])
                out.append((number, link["uri"], page.crop(box).extract_text()))
    return out


def test_each_sector_links_to_its_summary(built: Path, dossier_2018: Path) -> None:
    """The sectors part has a row for every sector and theme the 2018 letter reports on, and
    each name links to that sector's summary, which the build made."""
    names = [row[0] for row in tables(dossier_2018)[SECTORS_TABLE]]
    labels: dict[str, list[str]] = {}  # a name on two lines is a link on each
    for _page, target, label in _links(dossier_2018):
        if target.startswith("../sectors/"):
            labels.setdefault(target, []).append(label)
    linked = {normalise(" ".join(parts)): target for target, parts in labels.items()}
    assert len(names) == 17
    assert sorted(linked) == sorted(names)
    assert linked["Hout (duurzaam bosbeheer)"] == "../sectors/hout.pdf"
    for target in linked.values():
        assert (built / "briefings" / target).resolve().is_file(), target


def test_rows_link_to_the_letter_section_and_page_they_cite(built: Path, state_2022: Path) -> None:
    letter_links = [link for link in _links(state_2022) if link[1].startswith("../letters/")]
    assert len(letter_links) > 30
    destinations: dict[str, dict[str, int]] = {}
    for letter in (LETTER_2018, LETTER_2022):
        reader = pypdf.PdfReader(built / "letters" / f"{letter}.pdf")
        destinations[letter] = {
            name: destination_page(reader, dest) for name, dest in reader.named_destinations.items()
        }
    for _page, target, label in letter_links:
        match = re.fullmatch(r"\.\./letters/([\w-]+)\.pdf(?:#(s-[\w-]+))?", target)
        assert match, target
        letter, anchor = match[1], match[2]
        if anchor:
            assert anchor in destinations[letter], target
            cited = re.search(r"p\. (\d+)", label)
            assert cited, label
            assert int(cited[1]) == destinations[letter][anchor], (label, target)


def test_letters_carry_their_kamerstuk_numbers_from_the_kamer(state_2022: Path) -> None:
    sources = {row[1]: row[2] for row in tables(state_2022)[SOURCES_TABLE]}
    assert sources == {
        "Voortgang IMVO-beleid": "Kamerstuk 26 485, nr. 293",
        "Opvolging moties en toezeggingen IMVO-beleid": "Kamerstuk 26 485, nr. 395",
    }
    targets = {target for _page, target, _label in _links(state_2022)}
    assert "https://zoek.officielebekendmakingen.nl/kst-26485-395.html" in targets


def test_points_of_attention_with_the_kamer(state_2022: Path) -> None:
    text = between(text_of(state_2022), "Aandachtspunten", "Bronnen")
    assert "nagekomen op 17 februari 2021, vóórdat zij op 25 november 2021 werd gedaan" in text
    assert (
        "volgens de agenda van de Kamer (activiteit 2021A08488) was die op 17 februari 2022" in text
    )
    assert "Volgens de Kamer is zij op 4 april 2018 ingediend (zaak 2018Z06147)" in text


def test_table_of_contents_pages_are_the_pages_of_the_headings(dossier_2018: Path) -> None:
    with pdfplumber.open(dossier_2018) as document:
        toc = document.pages[2].extract_text()
    entries = dict(re.findall(r"^([\w :ë]+?)\.{3,}\s*(\d+)$", toc, re.MULTILINE))
    headings = part_heading_pages(dossier_2018)
    assert len(entries) >= 9
    assert {title: int(page) for title, page in entries.items()} == {
        title: headings[title] for title in entries
    }


def test_metadata_and_pages(dossier_2018: Path) -> None:
    reader = pypdf.PdfReader(dossier_2018)
    assert reader.metadata is not None
    assert (
        reader.metadata.title == "AO Internationaal Maatschappelijk Verantwoord Ondernemen (IMVO)"
    )
    assert reader.metadata.author == "Ministerie van Buitenlandse Zaken"
    assert reader.root_object["/Lang"] == "nl"
    assert {tuple(round(float(v)) for v in p.mediabox) for p in reader.pages} == {(0, 0, 595, 842)}
    last = reader.pages[-1].extract_text()
    assert f"Pagina {len(reader.pages)} van {len(reader.pages)}" in last


def test_prepare_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prepare", "--content", str(CONTENT), "--date", "2017-01-01"]) == 2
    assert capsys.readouterr().err == (
        "briefing: error: no letters dated on or before 2017-01-01; the first letter is dated "
        "2018-11-13\n"
    )
    assert main(["prepare", "--content", str(CONTENT), "--debate", "ao-imvo-2018"]) == 2
    assert capsys.readouterr().err == (
        f"briefing: error: no debate 'ao-imvo-2018' in {CONTENT / 'debates.yaml'}; "
        "did you mean 'ao-imvo-2018-11-14'?\n"
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["prepare", "--date", "2022-13-01"])
    assert exit_info.value.code == 2
    message = "'2022-13-01' has no month 13; a month is 01 to 12 in YYYY-MM-DD"
    assert message in capsys.readouterr().err


def test_a_letter_without_key_points_is_said_on_the_agenda_and_warned_of(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A letter whose sections have no 'summary' (an imported draft, before the author
    writes them) stands on the agenda with a line that says so, not as a bare heading; and
    check warns at the letter's sections, as prepare does for a dossier that draws on it."""
    path = content_copy / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    path.write_text(yaml.safe_dump(_without_summaries(yaml.safe_load(path.read_text("utf-8")))))
    assert main(["check", "--content", str(content_copy)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    sections = lines.index("sections:") + 1
    warning = (
        f"{path}:{sections}:1: sections: warning: no section has a 'summary': a dossier lists "
        "this letter on its agenda without key points; write the key points of its main "
        "sections under 'summary'"
    )
    assert warning in capsys.readouterr().err.splitlines()
    out = tmp_path / "out"
    args = ["prepare", "--content", str(content_copy), "--out", str(out), "--debate"]
    assert main([*args, AO_2018]) == 0
    pdf = out / "briefings" / f"{AO_2018}-2018-11-14.pdf"
    assert capsys.readouterr()[:2] == (f"wrote {pdf}\n", f"{warning}\n")
    # A dossier of a day before the letter does not draw on it, and is not warned of it.
    assert main([*args, "ao-imvo-2018-03-06"]) == 0
    assert capsys.readouterr().err == ""
    agenda = text_of(pdf).split(" Agenda Voortgang IMVO-beleid", 1)[1]
    assert agenda.startswith(
        "(brief 13 november 2018, Kamerstuk 26 485, nr. 293) Voor deze brief zijn geen "
        "kernpunten vastgelegd; zie de brief zelf."
    )


def _without_summaries(node: object) -> object:
    """A letter's data with every 'summary' left out."""
    if isinstance(node, dict):
        return {key: _without_summaries(value) for key, value in node.items() if key != "summary"}
    if isinstance(node, list):
        return [_without_summaries(item) for item in node]
    return node
