"""The preparation briefings a user gets: what they say on their date, contents, links, layout."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.prepare import prepare
from tests.conftest import CONTENT, normalise, tables, text_of

AO_2018 = "ao-imvo-2018-11-14"
LETTER_2018 = "2018-11-13-voortgang-imvo-beleid"
LETTER_2022 = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
MOTIONS_2018 = {
    "Van Laar": "Kamerstuk 26 485, nr. 224",
    "Diks": "Kamerstuk 26 485, nr. 273",
    "Bouali c.s.": "Kamerstuk 26 485, nr. 280",
    "Amhaouch": "Kamerstuk 34 952, nr. 7",
}
#: Words that only the 2022 letter says.
ONLY_IN_2022 = ["Becker", "Van der Lee", "35 570", "tomaten", "7 april 2022", "17 februari 2021"]
#: Size of part headings (h1) in points.
PART_HEADING_SIZE = 14


@pytest.fixture(scope="module")
def briefing_2018(built: Path) -> Path:
    return built / "briefings" / f"{AO_2018}.pdf"


@pytest.fixture(scope="module")
def briefing_2022(built: Path) -> Path:
    """The state of play on 30 April 2022, written beside the built letters."""
    return prepare(CONTENT, built, dt.date(2022, 4, 30))


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


MOTIONS_TABLE = "Motie | Verzoek | Stand | Opvolging"
COMMITMENTS_TABLE = "Toezegging | Gedaan | Termijn | Stand | Nakoming"
SECTORS_TABLE = "Sector of thema | Stand | Ondertekend | Laatste ontwikkeling | Kerncijfers"
MILESTONES_TABLE = "Wanneer | Wat | Sector | Stand | Bron"
AMOUNTS_TABLE = "Instrument | Jaar | Bedrag | Toelichting | Bron"


def test_build_writes_a_briefing_for_each_debate_with_letters(built: Path) -> None:
    assert sorted(p.name for p in (built / "briefings").glob("ao-*.pdf")) == [f"{AO_2018}.pdf"]


def test_the_2018_briefing_shows_the_four_motions_and_nothing_later(briefing_2018: Path) -> None:
    motions = tables(briefing_2018)[MOTIONS_TABLE]
    assert [row[0] for row in motions] == [f"{s} {k}" for s, k in MOTIONS_2018.items()]
    statuses = {row[0].split(" Kamerstuk")[0]: row[2] for row in motions}
    assert statuses == {
        "Van Laar": "in uitvoering",
        "Diks": "uitgevoerd",
        "Bouali c.s.": "in uitvoering",
        "Amhaouch": "in uitvoering",
    }
    commitments = tables(briefing_2018)[COMMITMENTS_TABLE]
    assert len(commitments) == 1 and commitments[0][3] == "deels voldaan"
    text = text_of(briefing_2018)
    for later in ONLY_IN_2022:
        assert later not in text
    assert "AO-voorbereiding" in text and "14 november 2018" in text


def test_a_briefing_after_2022_shows_the_follow_ups(briefing_2022: Path) -> None:
    found = tables(briefing_2022)
    motions = {row[0]: row for row in found[MOTIONS_TABLE]}
    becker = motions["Becker c.s. Kamerstuk 26 485, nr. 277 aangenomen 14 april 2018"]
    assert becker[2] == "uitgevoerd" and "brief 7 april 2022, p. 3" in becker[3]
    assert "Van der Lee Kamerstuk 35 570, nr. 71 aangenomen 10 juni 2021" in motions
    assert len(motions) == 7
    commitments = found[COMMITMENTS_TABLE]
    assert [row[3] for row in commitments].count("voldaan") == 4
    briefing = next(row for row in commitments if row[0].startswith("Een technische briefing"))
    assert briefing[1].startswith("Begrotingsbehandeling Buitenlandse Handel")
    assert briefing[1].endswith("2022 25 november 2021")
    assert "brief 7 april 2022" in briefing[4]


def test_every_part_and_the_cover(briefing_2018: Path) -> None:
    headings = part_heading_pages(briefing_2018)
    parts = ["Kern", "Moties", "Toezeggingen", "Sectoren", "Mijlpalen", "Financiën", "Bronnen"]
    assert [h for h in headings if h in [*parts, "Aandachtspunten"]] == parts
    cover = text_of(briefing_2018).split("Inhoud")[0]
    for fact in ["AO-voorbereiding", "Debat", "Commissie", "Vaste commissie voor Buitenlandse"]:
        assert fact in cover


def test_points_of_attention_only_when_there_are_some(briefing_2022: Path) -> None:
    assert "Aandachtspunten" in part_heading_pages(briefing_2022)
    text = text_of(briefing_2022)
    assert "nagekomen op 17 februari 2021, vóórdat zij op 25 november 2021 werd gedaan" in text
    assert "aangenomen op zaterdag 14 april 2018" in text


def test_table_of_contents_pages_are_the_pages_of_the_headings(
    briefing_2018: Path, briefing_2022: Path
) -> None:
    for pdf in (briefing_2018, briefing_2022):
        with pdfplumber.open(pdf) as document:
            toc = document.pages[1].extract_text()
        entries = dict(re.findall(r"^(\w+)\.{3,}\s*(\d+)$", toc, re.MULTILINE))
        headings = part_heading_pages(pdf)
        assert len(entries) >= 7
        assert {title: int(page) for title, page in entries.items()} == {
            title: headings[title] for title in entries
        }


def test_key_points_come_from_the_content(briefing_2018: Path) -> None:
    corpus = load_corpus(CONTENT)
    letter = next(s.letter for s in corpus.letters if s.letter.id == LETTER_2018)
    text = text_of(briefing_2018)
    points = [
        normalise(point.replace("*", ""))
        for section in letter.sections
        for point in section.summary
    ]
    assert points
    assert [p for p in points if p not in text] == []


def test_money_in_dutch_and_milestones_marked(briefing_2018: Path, briefing_2022: Path) -> None:
    amounts = [row[:3] for row in tables(briefing_2018)[AMOUNTS_TABLE]]
    assert ["Fonds Verantwoorde Productie", "2019", "8,3 miljoen euro"] in amounts
    assert ["IMVO-convenanten", "vanaf 2022, structureel", "3 miljoen euro"] in amounts
    assert ["Transitional justice-mechanisme Colombia", "—", "2,5 miljoen euro"] in amounts
    timings = {(row[0], row[1][:30]): row[3] for row in tables(briefing_2018)[MILESTONES_TABLE]}
    assert timings[("eind 2018", "Doelstelling van 50 procent ma")] == "binnen 3 maanden"
    assert timings[("2023", "Ambitie: 90 procent van de gro")] == "later"
    assert "verstreken" not in timings.values()
    later = {(row[0], row[1][:30]): row[3] for row in tables(briefing_2022)[MILESTONES_TABLE]}
    assert later[("najaar 2019", "Start van de evaluatie van het")] == "verstreken"
    assert later[("zomer 2022", "Nieuw instrument voor sectoral")] == "binnen 3 maanden"
    dues = [row[0] for row in tables(briefing_2022)[MILESTONES_TABLE]]
    assert dues.index("december 2018") < dues.index("begin 2019") < dues.index("zomer 2022")


def _links(pdf: Path) -> list[tuple[int, str, str]]:
    """(page, target, text under the link) of every external link."""
    out = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            for link in page.hyperlinks:
                box = (link["x0"], link["top"], link["x1"], link["bottom"])
                out.append((number, link["uri"], page.crop(box).extract_text()))
    return out


def test_rows_link_to_the_letter_section_and_page_they_cite(
    built: Path, briefing_2022: Path
) -> None:
    letter_links = [link for link in _links(briefing_2022) if link[1].startswith("../letters/")]
    assert len(letter_links) > 40
    destinations: dict[str, dict[str, int]] = {}
    for letter in (LETTER_2018, LETTER_2022):
        reader = pypdf.PdfReader(built / "letters" / f"{letter}.pdf")
        destinations[letter] = {
            name: reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()
        }
    for _page, target, label in letter_links:
        match = re.fullmatch(r"\.\./letters/([\w-]+)\.pdf(?:#(s-[\w-]+))?", target)
        assert match, target
        letter, anchor = match[1], match[2]
        assert (built / "letters" / f"{letter}.pdf").is_file()
        if anchor:
            assert anchor in destinations[letter], target
            cited = re.search(r"p\. (\d+)", label)
            assert cited, label
            assert int(cited[1]) == destinations[letter][anchor], (label, target)


def test_kamerstuk_links_and_internal_links(briefing_2018: Path) -> None:
    targets = {target for _page, target, _label in _links(briefing_2018)}
    assert "https://zoek.officielebekendmakingen.nl/kst-26485-224.html" in targets
    assert "https://zoek.officielebekendmakingen.nl/kst-34952-7.html" in targets
    reader = pypdf.PdfReader(briefing_2018)
    internal = {
        annot.get_object()["/Dest"]
        for annot in reader.pages[1]["/Annots"]
        if "/Dest" in annot.get_object()
    }
    assert {"kern", "moties", "bronnen"} <= set(internal)
    assert internal <= set(reader.named_destinations)


def test_table_headers_repeat_on_every_page_a_table_spans(briefing_2022: Path) -> None:
    with pdfplumber.open(briefing_2022) as document:
        headers = [
            [" | ".join(normalise(c or "") for c in t[0]) for t in page.extract_tables()]
            for page in document.pages
        ]
    sector_pages = [n for n, page in enumerate(headers) if SECTORS_TABLE in page]
    assert len(sector_pages) >= 2
    # All 18 sectors are rows of tables that carry the header on their page.
    assert len(tables(briefing_2022)[SECTORS_TABLE]) == 18


def test_metadata_and_pages(briefing_2018: Path) -> None:
    reader = pypdf.PdfReader(briefing_2018)
    title = "AO Internationaal Maatschappelijk Verantwoord Ondernemen (IMVO)"
    assert reader.metadata.title == title
    assert reader.metadata.author == "Ministerie van Buitenlandse Zaken"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    boxes = {tuple(round(float(v)) for v in page.mediabox) for page in reader.pages}
    assert boxes == {(0, 0, 595, 842)}
    last = reader.pages[-1].extract_text()
    assert f"Pagina {len(reader.pages)} van {len(reader.pages)}" in last


def test_prepare_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["prepare", "--content", str(CONTENT), "--debate", AO_2018, "--out", str(tmp_path)]
    assert main(args) == 0
    target = tmp_path / "briefings" / f"{AO_2018}-2018-11-14.pdf"
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert "AO-voorbereiding" in text_of(target)
    assert main(["prepare", "--content", str(CONTENT), "--date", "2017-01-01"]) == 1
    assert "no letters dated on or before 2017-01-01; the first letter is dated 2018-11-13" in (
        capsys.readouterr().err
    )
    assert main(["prepare", "--content", str(CONTENT), "--debate", "ao-imvo-2018"]) == 1
    assert "did you mean 'ao-imvo-2018-11-14'?" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["prepare", "--date", "2022-13-01"])
    assert exit_info.value.code == 2
    assert "'2022-13-01' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
