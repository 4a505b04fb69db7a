"""The letter PDFs a user gets: complete text, Kamerbrief layout, metadata, links."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DictionaryObject, StreamObject

from tests.conftest import (
    FIXTURES,
    LETTER_IDS,
    assert_every_sentence_in,
    cli,
    normalise,
    page_texts,
)

SOURCES = sorted((FIXTURES / "source-letters").glob("*.md"))


def pdf_path(built: Path, letter_id: str) -> Path:
    return built / "letters" / f"{letter_id}.pdf"


def test_every_letter_is_built(built: Path) -> None:
    assert [s.stem for s in SOURCES] == LETTER_IDS
    for letter_id in LETTER_IDS:
        assert pdf_path(built, letter_id).stat().st_size > 10_000


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem[:10])
def test_every_sentence_of_the_source_is_in_the_pdf(built: Path, source: Path) -> None:
    assert_every_sentence_in(source, pdf_path(built, source.stem))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem[:10])
def test_no_conversion_debris_in_the_body(built: Path, source: Path) -> None:
    body = normalise(" ".join(p.body for p in page_texts(pdf_path(built, source.stem))))
    assert "Marktordering" not in body
    assert "Onze referentie" not in body and "Onze Referentie" not in body
    assert "**" not in body and "<sup>" not in body


def test_footnotes_stand_on_the_page_that_calls_them(built: Path) -> None:
    # (letter, words just before the call, start of the footnote)
    cases = [
        ("2018-11-13-voortgang-imvo-beleid", "over de IMVO-convenanten.", "SER IMVO-convenanten"),
        (
            "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid",
            "actieplan voor zijn leden gepresenteerd.",
            "https://www.cbl.nl/",
        ),
    ]
    for letter_id, call, footnote in cases:
        pages = page_texts(pdf_path(built, letter_id))
        call_pages = [i for i, p in enumerate(pages) if call in normalise(p.body)]
        note_pages = [i for i, p in enumerate(pages) if footnote in normalise(p.small)]
        assert call_pages and call_pages == note_pages, (letter_id, call_pages, note_pages)
        # The footnote is numbered 1 (numbered per letter).
        assert f"1 {footnote}" in normalise(pages[note_pages[0]].small)


def test_letterhead_reference_column_and_page_numbers(built: Path) -> None:
    letter_id = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    path = pdf_path(built, letter_id)
    pages = page_texts(path)
    assert len(pages) >= 3
    first = normalise(pages[0].full)
    for expected in (
        "Ministerie van Buitenlandse Zaken",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Prinses Irenestraat 6",
        "Datum 7 april 2022",
        "Betreft Opvolging moties en toezeggingen IMVO-beleid",
        "Geachte voorzitter,",
        "Postbus 20061",
        "Uw referentie",
        "T/25112021/IMH-3",
        "Bijlage(n)",
    ):
        assert expected in first, expected
    for number, page in enumerate(pages, start=1):
        text = normalise(page.full)
        assert f"Pagina {number} van {len(pages)}" in text
        assert "Onze referentie" in text and "BZDOC-1235421577-13" in text
        assert "Marktordening" in text
    later = normalise(pages[1].full)
    assert "Postbus 20061" not in later and "Uw referentie" not in later
    closing = normalise(pages[-1].body)
    title = "De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,"
    assert closing.endswith(f"{title} Liesje Schreinemacher")


def test_pages_are_a4_and_the_emblem_is_centred(built: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf_path(built, LETTER_IDS[0])) as pdf:
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == (595, 842)
        first = pdf.pages[0]
        # The placeholder ribbon: lintblauw, 13 mm wide, touching the top edge, centred.
        ribbons = [r for r in first.rects if r["non_stroking_color"] and r["top"] < 1]
        assert ribbons, "no ribbon at the top of page 1"
        mm = 72 / 25.4
        ribbon = ribbons[0]
        assert ribbon["x0"] / mm == pytest.approx(98.5, abs=0.3)
        assert ribbon["x1"] / mm == pytest.approx(111.5, abs=0.3)
        assert ribbon["bottom"] / mm == pytest.approx(37.125, abs=0.3)
        assert not [r for r in pdf.pages[1].rects if r["top"] < 1]


def test_pdf_metadata_language_and_tagging(built: Path) -> None:
    for letter_id, subject in (
        ("2018-11-13-voortgang-imvo-beleid", "Voortgang IMVO-beleid"),
        (
            "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid",
            "Opvolging moties en toezeggingen IMVO-beleid",
        ),
    ):
        reader = pypdf.PdfReader(pdf_path(built, letter_id))
        assert reader.metadata is not None
        assert reader.metadata.title == subject
        assert reader.metadata.author == "Ministerie van Buitenlandse Zaken"
        root = reader.root_object
        assert root["/Lang"] == "nl"
        mark_info = root["/MarkInfo"]
        assert isinstance(mark_info, DictionaryObject)
        assert bool(mark_info["/Marked"])
        assert "/StructTreeRoot" in root
        metadata = root["/Metadata"]
        assert isinstance(metadata, StreamObject)
        xmp = metadata.get_data().decode()
        assert re.search(r"pdfuaid:part[^0-9]*1", xmp), "not marked as PDF/UA-1"


def _outline_titles(outline: list) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += _outline_titles(item)
        else:
            titles.append(item.title)
    return titles


def test_bookmarks_follow_the_headings(built: Path) -> None:
    reader = pypdf.PdfReader(pdf_path(built, "2018-11-13-voortgang-imvo-beleid"))
    titles = _outline_titles(reader.outline)
    assert titles[:3] == [
        "Voortgang IMVO-convenanten",
        "Monitoring IMVO-convenanten",
        "Implementatie IMVO-convenanten",
    ]
    assert "Kleding- en textielsector" in titles
    assert "Verzoeningsdialoog Colombia" in titles
    # Nesting: the sector headings sit below "Implementatie IMVO-convenanten".
    assert isinstance(reader.outline[1], list)


def _links(path: Path) -> set[str]:
    reader = pypdf.PdfReader(path)
    uris = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    return uris


def test_kamerstuk_citations_and_links_are_clickable(built: Path) -> None:
    links_2018 = _links(pdf_path(built, "2018-11-13-voortgang-imvo-beleid"))
    base = "https://zoek.officielebekendmakingen.nl/"
    for paper in ("kst-26485-224", "kst-26485-280", "kst-34952-7", "kst-26485-273"):
        assert f"{base}{paper}.html" in links_2018
    assert "http://www.imvoconvenanten.nl" in links_2018
    links_2022 = _links(pdf_path(built, "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"))
    assert f"{base}kst-35925-XVII-33.html" in links_2022
    assert f"{base}kst-35570-71.html" in links_2022
    assert any(link.startswith("https://www.cbl.nl/") for link in links_2022)


def test_dutch_dates(built: Path) -> None:
    first = normalise(page_texts(pdf_path(built, LETTER_IDS[0]))[0].full)
    assert "Datum 13 november 2018" in first


ANNEX = """annex:
  - id: overzicht-moties
    heading: Overzicht moties
    body:
      - De motie-Diks over de verzoeningsdialoog is uitgevoerd.[^overzicht]
    motions: [diks-26485-273]
    motion_updates:
      - motion: diks-26485-273
        status: uitgevoerd
    sections:
      - id: overzicht-toelichting
        heading: Toelichting
        body:
          - Het overzicht geeft de stand van zaken op 1 april 2022.
"""


def test_an_annex_sent_in_the_same_paper_follows_the_signature_and_counts(
    content_copy: Path, tmp_path: Path, out: Path
) -> None:
    """A letter's annex (here an overview of motions) is printed after the signature, from a
    page of its own, with its footnote and bookmarks; the status it gives is the register's."""
    letter_id = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    path = content_copy / "letters" / f"{letter_id}.yaml"
    text = path.read_text(encoding="utf-8").replace("\nfootnotes:", f"\n{ANNEX}footnotes:", 1)
    path.write_text(text + "  overzicht: Zie het overzicht van de stand van zaken.\n", "utf-8")
    done = cli("build", "--content", content_copy, "--out", out)
    assert done.returncode == 0, done.stderr

    pages = [normalise(p.body) for p in page_texts(pdf_path(out, letter_id))]
    signed = [i for i, body in enumerate(pages) if "Liesje Schreinemacher" in body]
    annex = [i for i, body in enumerate(pages) if "Overzicht moties" in body]
    assert signed and annex == [signed[-1] + 1] == [len(pages) - 1]
    last = pages[-1]
    assert last.startswith("Overzicht moties De motie-Diks over de verzoeningsdialoog")
    assert last.index("Toelichting") < last.index("stand van zaken op 1 april 2022")
    small = normalise(page_texts(pdf_path(out, letter_id))[-1].small)
    assert small.endswith("2 Zie het overzicht van de stand van zaken.")  # numbered on
    titles = _outline_titles(pypdf.PdfReader(pdf_path(out, letter_id)).outline)
    assert titles[-2:] == ["Overzicht moties", "Toelichting"]

    done = cli(
        "export", "--content", content_copy, "--date", "2022-04-30", "--out", tmp_path / "r.csv"
    )
    assert done.returncode == 0, done.stderr
    row = next(r for r in (tmp_path / "r.csv").read_text("utf-8-sig").splitlines() if "diks" in r)
    assert ',uitgevoerd,2022-04-07,"brief 7 april 2022, Overzicht moties",' in row
