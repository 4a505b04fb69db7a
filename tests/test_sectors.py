"""The sector summaries and their overview: what they say, in what order, where they link."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from briefing.corpus import load_corpus
from briefing.dates import dutch_date
from briefing.layout import templates_dir
from briefing.write import write_pdf
from tests.conftest import (
    CONTENT,
    cli,
    destination_page,
    html_of,
    normalise,
    page_texts,
    tables,
    text_of,
)

LETTER_2018 = "2018-11-13-voortgang-imvo-beleid"
LETTER_2022 = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
SECTOR_IDS = list(load_corpus(CONTENT).sectors)
LETTER_FILES = sorted((CONTENT / "letters").glob("*.yaml"))

FIGURES_TABLE = "Kerncijfer | Waarde | Stand per | Soort | Bron"
EVENTS_TABLE = "Stand | Datum | Toelichting | Gemeld in"
OVERVIEW_TABLE = "Sector of thema | Stand | Ondertekend | Laatste ontwikkeling | Open punten"


def summary(built: Path, sector_id: str) -> Path:
    return built / "sectors" / f"{sector_id}.pdf"


def links(pdf: Path) -> list[tuple[str, str]]:
    """(target, text under the link) of every external link."""
    out = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            for link in page.hyperlinks:
                box = (link["x0"], link["top"], link["x1"], link["bottom"])
                out.append((link["uri"], normalise(page.crop(box).extract_text() or "")))
    return out


def test_every_sector_and_theme_has_a_summary_with_its_names(built: Path) -> None:
    corpus = load_corpus(CONTENT)
    written = {p.stem for p in (built / "sectors").glob("*.pdf")}
    assert written == {*SECTOR_IDS, "overzicht"}
    for sector in corpus.sectors.values():
        text = text_of(summary(built, sector.id))
        assert text.startswith("Ministerie van Buitenlandse Zaken Sectoroverzicht"), sector.id
        assert sector.name in text, sector.id
        if sector.full_name:
            assert sector.full_name in text, sector.id
        # A summary stands as of the latest letter that names the sector.
        naming = [path for path in LETTER_FILES if re.search(rf"\b{sector.id}\b", path.read_text())]
        latest = dutch_date(dt.date.fromisoformat(naming[-1].name[:10]))
        assert f"Stand per {latest}" in text, sector.id
        count = f"{len(naming)} Kamerbrie{'f' if len(naming) == 1 else 'ven'}"
        assert f"Bronnen {count} tot en met {latest}" in text, sector.id
        kind = "IMVO-convenant" if sector.kind == "convenant" else "thema"
        assert f"Soort {kind}" in text, sector.id


def test_textile_passages_come_from_both_letters_in_date_order(built: Path) -> None:
    text = text_of(summary(built, "kleding-textiel"))
    passages = text[text.index("Wat de brieven zeggen") :]
    from_2018 = passages.find("Sinds de start van het convenant in 2016 steeg het aantal")
    from_2022 = passages.find("een soepele overgang geboden kan worden naar de ondersteuning")
    assert from_2018 != -1 and from_2022 != -1
    assert from_2018 < from_2022
    # Each passage is headed by its source: letter date, page and section heading.
    sources = re.findall(r"brief (\d+ \w+ \d{4}), p\. \d+ · ", passages)
    assert sources[0] == "13 november 2018" and sources[-1] == "7 april 2022"
    assert sources == sorted(sources, key=["13 november 2018", "7 april 2022"].index)
    assert "brief 13 november 2018, p. 2 · Kleding- en textielsector" in passages
    assert "brief 7 april 2022, p. 3 · Actief tegengaan misstanden op de werkvloer" in passages


def test_textile_figures_all_shown_with_the_date_they_held(built: Path) -> None:
    rows = [row[:4] for row in tables(summary(built, "kleding-textiel"))[FIGURES_TABLE]]
    market = "marktdekking in de Nederlandse kledingbranche"
    assert rows == [
        ["deelnemende merken", "56 merken", "2016", "stand"],
        ["deelnemende merken", "79 merken", "13 november 2018", "stand"],
        [f"{market} (circa)", "45 %", "13 november 2018", "stand"],
        [market, "50 %", "eind 2018", "doel"],
    ]


def test_status_history_with_dates_and_the_letter_that_reported_it(built: Path) -> None:
    textile = tables(summary(built, "kleding-textiel"))[EVENTS_TABLE]
    assert textile == [
        ["ondertekend", "juli 2016", "Het eerste IMVO-convenant.", "brief 13 november 2018, p. 1"]
    ]
    gold = tables(summary(built, "goud"))[EVENTS_TABLE]
    assert [row[:2] for row in gold] == [["ondertekend", "datum niet genoemd"]]
    stone = tables(summary(built, "natuursteen"))[EVENTS_TABLE]
    assert stone[0][0] == "onderhandeling" and "Belgische partijen" in stone[0][2]
    assert "Een thema heeft geen convenantstatus." in text_of(summary(built, "cacao"))


def test_parts_and_the_sector_they_belong_to_name_each_other(built: Path) -> None:
    tomatoes = summary(built, "tomatenketen")
    assert "Onderdeel van Voedingsmiddelen" in text_of(tomatoes)
    assert ("voedingsmiddelen.pdf", "Voedingsmiddelen") in links(tomatoes)
    food = summary(built, "voedingsmiddelen")
    assert "Onderdelen Italiaanse tomatenketen" in text_of(food)
    assert ("tomatenketen.pdf", "Italiaanse tomatenketen") in links(food)


def test_motions_commitments_and_milestones_of_the_sector(built: Path) -> None:
    textile = tables(summary(built, "kleding-textiel"))
    motion = textile["Motie | Verzoek | Stand | Opvolging"]
    assert [row[0] for row in motion] == ["Amhaouch (CDA) Kamerstuk 35 925-XVII, nr. 33"]
    assert motion[0][2] == "in uitvoering"
    milestones = textile["Wanneer | Wat | Stand | Bron"]
    assert [(row[0], row[2]) for row in milestones] == [
        ("eind 2018", "verstreken"),
        ("begin 2019", "verstreken"),
        ("2019", "verstreken"),
    ]
    commitment = tables(summary(built, "tomatenketen"))[
        "Toezegging | Gedaan | Termijn | Stand | Nakoming"
    ]
    assert commitment[0][1:4] == ["AO IMVO 3 maart 2020", "geen", "voldaan"]


def test_footnotes_of_a_passage_stand_on_the_page_that_calls_them(built: Path) -> None:
    pages = page_texts(summary(built, "tomatenketen"))
    calls = [n for n, page in enumerate(pages) if "gepresenteerd.1" in normalise(page.full)]
    assert calls, "the footnote call is missing"
    small = normalise(pages[calls[0]].small)
    assert "https://www.cbl.nl/app/uploads/2022/01/Actieplan-2022" in small


def test_overview_lists_every_sector_with_status_signing_and_open_points(built: Path) -> None:
    corpus = load_corpus(CONTENT)
    overview = built / "sectors" / "overzicht.pdf"
    text = text_of(overview)
    assert text.startswith("Ministerie van Buitenlandse Zaken Overzicht sectoren")
    assert "Stand per 7 april 2022" in text
    rows = tables(overview)[OVERVIEW_TABLE]
    names = [sector.name for sector in corpus.sectors.values()]
    assert len(rows) == len(names)
    for row, name in zip(rows, names, strict=True):
        assert row[0].startswith(name), (row[0], name)
    by_name = {row[0]: row for row in rows}
    textile = by_name["Kleding en textiel Convenant Duurzame Kleding en Textiel"]
    assert textile[1:3] == ["ondertekend", "juli 2016"]
    assert "Motie: Amhaouch (Kamerstuk 35 925-XVII, nr. 33) in uitvoering" in textile[4]
    wind = by_name["Windenergie IMVO-convenant in de windenergiesector"]
    assert wind[1:3] == ["verkenning", "—"]
    assert wind[3].startswith("Het proces zit in de verkennende fase.")
    # A milestone past on the summary's date (signing in 2018) is no longer open.
    flowers = by_name["Sierteelt IMVO-convenant van de sierteeltsector"]
    assert flowers[1] == "onderhandeling" and flowers[4] == "—"


def test_overview_names_link_to_each_summary(built: Path) -> None:
    overview = built / "sectors" / "overzicht.pdf"
    corpus = load_corpus(CONTENT)
    targets = {target: label for target, label in links(overview)}
    for sector in corpus.sectors.values():
        href = f"{sector.id}.pdf"
        assert href in targets, sector.id
        assert (overview.parent / href).is_file()


@pytest.mark.parametrize("sector_id", SECTOR_IDS)
def test_summary_links_reach_the_cited_letter_section_and_page(built: Path, sector_id: str) -> None:
    pdf = summary(built, sector_id)
    letter_links = [link for link in links(pdf) if link[0].startswith("../letters/")]
    assert letter_links, "every sector is mentioned in a letter, so it cites one"
    for target, label in letter_links:
        match = re.fullmatch(r"\.\./letters/([\w-]+)\.pdf#(s-[\w-]+)", target)
        assert match, target
        letter = pdf.parent / match[0].split("#")[0]
        assert letter.is_file(), target
        reader = pypdf.PdfReader(letter)
        destinations = reader.named_destinations
        assert match[2] in destinations, target
        cited = re.search(r"p\. (\d+)", label)
        assert cited, label
        assert int(cited[1]) == destination_page(reader, destinations[match[2]])


def test_a_sector_no_letter_mentions_gets_a_summary_saying_so(
    content_copy: Path, tmp_path: Path
) -> None:
    registry = content_copy / "sectors.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "\n  - id: elektronica\n    kind: convenant\n    name: Elektronica\n",
        encoding="utf-8",
    )
    assert not load_corpus(content_copy).errors
    target = tmp_path / "elektronica.pdf"
    write_pdf(html_of(content_copy, "sectors/elektronica.pdf"), target, templates_dir())
    text = text_of(target)
    assert "Sectoroverzicht Elektronica" in text
    assert "Bronnen nog geen Kamerbrief" in text
    assert "Nog geen brief meldt de stand van dit convenant." in text
    assert "Nog geen brief noemt Elektronica." in text


def test_overview_on_an_earlier_date_shows_the_milestones_still_ahead(
    content_copy: Path, tmp_path: Path
) -> None:
    (content_copy / "letters" / f"{LETTER_2022}.yaml").unlink()
    target = tmp_path / "overzicht.pdf"
    write_pdf(html_of(content_copy, "sectors/overzicht.pdf"), target, templates_dir())
    assert "Stand per 13 november 2018" in text_of(target)
    rows = {row[0].split(" Convenant")[0]: row for row in tables(target)[OVERVIEW_TABLE]}
    textile = rows["Kleding en textiel"][4]
    assert "Mijlpaal: eind 2018: Doelstelling van 50 procent marktdekking" in textile
    assert "binnen 3 maanden" in textile
    # Only the 2018 letter counts: the 2022 follow-up of this motion is not known yet.
    assert "Motie: Amhaouch (Kamerstuk 35 925-XVII, nr. 33)" not in textile


def test_a_status_given_in_a_section_about_other_sectors_is_the_latest_development(
    content_copy: Path, tmp_path: Path
) -> None:
    """The 2022 letter's introduction, about the tomato chain, gives the gold covenant's
    status as ended, without a note: the overview gives that status, and the introduction
    as the latest development, as it does for a passage about the sector."""
    letter = content_copy / "letters" / f"{LETTER_2022}.yaml"
    text = letter.read_text(encoding="utf-8")
    given = "    sectors: [tomatenketen]\n"
    assert text.count(given) == 1
    events = "    sector_events:\n      - sector: goud\n        status: beëindigd\n"
    letter.write_text(text.replace(given, given + events), encoding="utf-8")
    assert not load_corpus(content_copy).errors
    target = tmp_path / "overzicht.pdf"
    write_pdf(html_of(content_copy, "sectors/overzicht.pdf"), target, templates_dir())
    [gold] = [row for row in tables(target)[OVERVIEW_TABLE] if row[0].startswith("Goud ")]
    assert gold[1] == "beëindigd"
    assert gold[3].startswith("De brief volgt vier toezeggingen op") and "7 april 2022" in gold[3]


def test_a_footnote_called_again_prints_the_number_it_got(content_copy: Path, out: Path) -> None:
    """A letter may call a footnote twice ("een afschrift¹ ... treft u bijgaand aan¹"): it is
    printed once, at its first call, and its number stands at the second; the footnote after
    it is numbered on. A sector summary numbers them through its passages: the 2018 letter's
    (1), then the 2022 letter's (2), whose second call prints 2, and the one after it (3)."""
    letters = content_copy / "letters"
    path = letters / f"{LETTER_2018}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "        motions: [van-laar-26485-224]\n",
            "        motions: [van-laar-26485-224]\n        sectors: [tomatenketen]\n",
            1,
        ),
        encoding="utf-8",
    )
    path = letters / f"{LETTER_2022}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "door de diverse partijen.",
        "door de diverse partijen.[^cbl-actieplan] Zie ook het verslag.[^verslag]",
        1,
    )
    path.write_text(text + "  verslag: Het verslag van de stuurgroep.\n", encoding="utf-8")
    done = cli("build", "--content", content_copy, "--out", out)
    assert done.returncode == 0, done.stderr

    def text_of_pdf(pdf: Path) -> tuple[str, str]:
        pages = page_texts(pdf)
        return (
            normalise(" ".join(page.full for page in pages)),
            normalise(" ".join(page.small for page in pages)),
        )

    full, small = text_of_pdf(out / "letters" / f"{LETTER_2022}.pdf")
    assert "voor zijn leden gepresenteerd.1 In de stuurgroep" in full
    assert "door de diverse partijen.1 Zie ook het verslag.2" in full
    assert small.count("https://www.cbl.nl/") == 1
    assert "2 Het verslag van de stuurgroep." in small
    full, small = text_of_pdf(summary(out, "tomatenketen"))
    assert "over de IMVO-convenanten.1 Het toezicht" in full
    assert "gepresenteerd.2 In de stuurgroep" in full
    assert "door de diverse partijen.2 Zie ook het verslag.3" in full
    assert small.count("https://www.cbl.nl/") == 1
    assert "3 Het verslag van de stuurgroep." in small
