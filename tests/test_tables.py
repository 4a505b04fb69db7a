"""The tables of the dossiers and sector summaries: each column as wide as the template makes
it, whatever a cell holds stays inside it, whole words only, and a status cell is marked in
the colour of its word."""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest

from briefing.index.state import Submitted, Timing
from briefing.model import CommitmentStatus, MotionStatus, SectorStatus
from briefing.record import Record
from briefing.views.format import status_view
from tests.conftest import CONTENT, html_of, pdf_pages, tables

#: The colour of the tables' grid lines (#cccccc), as pdfplumber reports it.
GRID = (0.8, 0.8, 0.8)
#: Text is never nearer a grid line than this, in points: the cells' padding is 3.4 pt or
#: more, so anything closer has run out of its cell.
CLEARANCE = 1.0
#: Elements that part the words before and after them; the others join.
BLOCKS = frozenset(
    {"br", "p", "td", "th", "tr", "li", "ul", "ol", "div", "h1", "h2", "h3", "table"}
)
#: Reports with every kind of table: status words, letters' references, amounts.
REPORTS = [
    "briefings/ao-imvo-2018-11-14.pdf",
    "sectors/overzicht.pdf",
    "sectors/kleding-textiel.pdf",
]


def report_pdfs(built: Path) -> list[Path]:
    return sorted((built / "briefings").glob("*.pdf")) + sorted((built / "sectors").glob("*.pdf"))


def test_no_text_touches_or_crosses_a_grid_line(built: Path) -> None:
    reports = report_pdfs(built)
    assert len(reports) >= 20
    over = []
    for pdf in reports:
        for number, page in enumerate(pdf_pages(pdf), 1):
            lines = [
                e for e in page.edges if e["orientation"] == "v" and e.get("stroking_color") == GRID
            ]
            for char in page.chars:
                if not char["text"].strip():
                    continue
                for line in lines:
                    beside = char["top"] < line["bottom"] and char["bottom"] > line["top"]
                    near = char["x0"] - CLEARANCE < line["x0"] < char["x1"] + CLEARANCE
                    if beside and near:
                        over.append(f"{pdf.relative_to(built)} p. {number}: {char['text']!r}")
                        break
    assert not over, over[:10]


class _Words(HTMLParser):
    """The words of an HTML page as a reader sees them: inline elements join, blocks part."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_words(html: str) -> set[str]:
    """The words of ``html``, and every word ending in a hyphen joined to the next, as the
    PDF's text reads when a line ends at that hyphen ("land- en" at a line's end: "land-en")."""
    parser = _Words()
    parser.feed(html)
    words = "".join(parser.text).split()
    return set(words) | {a + b for a, b in pairwise(words) if a.endswith("-")}


@pytest.mark.parametrize("name", REPORTS)
def test_every_word_in_a_table_is_whole(built: Path, name: str) -> None:
    pages = {path: entry.anchors for path, entry in Record.read(built).outputs.items()}
    letters = {
        Path(path).stem: anchors for path, anchors in pages.items() if path.startswith("letters/")
    }
    words = html_words(html_of(CONTENT, name, letters))
    found = tables(built / name)
    assert found
    cut = {
        word
        for rows in found.values()
        for row in rows
        for cell in row
        for word in cell.split()
        if word not in words
    }
    headers = {word for header in found for word in header.replace("|", " ").split()} - words
    assert not cut | headers, sorted(cut | headers)


#: The house style's status colours, as pdfplumber reports them, by tone; open is the grid's.
TONE_COLOURS = {
    "done": (0.224, 0.529, 0.047),  # #39870c
    "partly": (1.0, 0.714, 0.071),  # #ffb612
    "overdue": (0.835, 0.169, 0.118),  # #d52b1e
    "open": GRID,
}
#: Every status word a table can show, with its tone.
STATUS_WORDS = {
    view.word: view.tone
    for kind in (Submitted, MotionStatus, CommitmentStatus, SectorStatus, Timing)
    for view in map(status_view, kind)
}


@pytest.mark.parametrize("name", REPORTS)
def test_a_status_cell_is_marked_in_the_colour_of_its_word(built: Path, name: str) -> None:
    marked: list[tuple[str, str]] = []
    for page in pdf_pages(built / name):
        stripes = [
            line
            for line in page.lines
            if line["x0"] == line["x1"] and line["linewidth"] > 2 and line["stroking_color"]
        ]
        for stripe in stripes:
            first_line = page.crop(
                (stripe["x0"], stripe["top"], page.width, stripe["top"] + 14)
            ).extract_text()
            word = next(
                w for w in sorted(STATUS_WORDS, key=len, reverse=True) if first_line.startswith(w)
            )
            colour = tuple(round(c, 3) for c in stripe["stroking_color"])
            marked.append((word, next(t for t, c in TONE_COLOURS.items() if c == colour)))
    assert marked
    assert [(word, tone) for word, tone in marked if STATUS_WORDS[word] != tone] == []
    statuses = sum(
        1
        for header, rows in tables(built / name).items()
        if "Stand" in header.split(" | ")
        for row in rows
        if row[header.split(" | ").index("Stand")] in STATUS_WORDS
    )
    assert len(marked) >= statuses > 0
