"""``briefing import`` of a letter's PDF with a table in its body: the rows are read by where
their characters stand, as a copy gives them (a row a line, its cells parted by tabs), so the
draft has the table as a list, each row an item with its cells parted by " | ", and a note to
lay the table out. The letter and its table are the real Kamerstuk 21 501-02, nr. 2072, set as
a ruled table in the typeset layout (LibreOffice; reportlab), and as a table without rules in
the ministry's layout with its reference column (see ``fixtures/import/README.md``). The same
letter, laid out here by WeasyPrint, also shows what is no table nor figure (a header in small
type) and how headings in italics nest."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import CONTENT, FIXTURES, cli

IMPORT = FIXTURES / "import"
CAPTION = "Aanwezigheid RAZ en RBZ 2018 (sinds aantreden op 12 maart)"
#: The table's rows as the draft lists them; in the PDFs the long cells wrap over two or
#: three lines, some hyphenated ("inko-" / "mend", "Prins-" / "jesdag").
ITEMS = [
    "RAZ | Aanwezigheid | RBZ | Aanwezigheid",
    "20 maart 2018 RAZ + RAZ artikel 50 | Afgemeld i.v.m. inkomend Officieel Bezoek Jordanië "
    "| 19 maart 2018 | Aanwezig",
    "17 april 2018 | Aanwezig | 16 april 2018 | Aanwezig",
    "14 mei 2018 RAZ + RAZ artikel 50 | Aanwezig | 28 mei 2018 | Aanwezig",
    "26 juni 2018 RAZ + RAZ artikel 50 | Aanwezig | 25 juni 2018 | Aanwezig",
    "20 juli 2018 RAZ artikel 50 | Afgemeld i.v.m. zomerverlof | 16 juli 2018 | Aanwezig",
    "18 september 2018 RAZ + RAZ artikel 50 | Afgemeld i.v.m. Prinsjesdag "
    "| 30-31 augustus 2018 Gymnich | Aanwezig",
    "16 oktober 2018 RAZ + RAZ artikel 50 | Aanwezig | 15 oktober 2018 "
    "| Afgemeld vanwege bezoek Chinese premier",
    "12 november 2018 RAZ + RAZ artikel 50 | Aanwezig | 19 november 2018 | Aanwezig",
]


def _imported(tmp_path: Path, source: Path) -> tuple[dict, list[str]]:
    """The draft that importing ``source`` alone writes, and its notes (the file as SOURCE)."""
    content = tmp_path / f"content-{source.name}"
    shutil.copytree(CONTENT, content)
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = Path(run.stdout.removeprefix("wrote ").strip())
    notes = run.stderr.replace(str(source), "SOURCE").splitlines()
    return yaml.safe_load(draft.read_text(encoding="utf-8")), notes


def _note(page: int) -> str:
    """The note on the table, which names its page (a PDF has pages, not lines)."""
    return (
        f"SOURCE, page {page}: the table on page {page} is in the draft as a list, each of "
        "its 9 rows an item with its cells parted by ' | '; lay the table out in the text"
    )


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("libreoffice-kst-21501-02-2072.pdf", 1),
        ("reportlab-kst-21501-02-2072.pdf", 1),
        ("libreoffice-2019-10-10-letter.pdf", 1),
    ],
)
def test_a_tables_rows_in_a_pdf_are_the_list_a_copy_gives(
    tmp_path: Path, name: str, page: int
) -> None:
    """Ruled or not, each row is an item, a wrapped cell's lines joined into its cell; the
    caption above heads the table; the paragraphs before it are those of the letter's text."""
    draft, notes = _imported(tmp_path, IMPORT / name)
    copy, _ = _imported(tmp_path, IMPORT / "kst-21501-02-2072.excerpt.txt")
    assert draft["sections"][0]["body"] == copy["sections"][0]["body"]
    assert [s.get("heading") for s in draft["sections"]] == [None, CAPTION]
    assert draft["sections"][1]["body"] == [{"items": ITEMS}]
    assert _note(page) in notes
    assert sum("the table on page" in note for note in notes) == 1


def test_the_letterheads_labels_beside_a_table_stay_the_letterhead(tmp_path: Path) -> None:
    """In the ministry's layout "Datum" and "Betreft" stand beside their values as a table's
    cells would; they are read as the letterhead, not as a table."""
    draft, notes = _imported(tmp_path, IMPORT / "libreoffice-2019-10-10-letter.pdf")
    assert str(draft["date"]) == "2019-10-10"
    assert draft["subject"] == "Raad Algemene Zaken en Raad Buitenlandse Zaken"
    assert draft["signatory"]["title"] == "De Minister van Buitenlandse Zaken,"
    assert sum("the table on page" in note for note in notes) == 1


#: Kamerstuk 26 488, nr. 72 (real; ``fixtures/import/kst-26488-72.txt``) up to its signature,
#: its footnote's call left out; the table is put after the paragraph ``BEFORE``.
LETTER = IMPORT / "kst-26488-72.txt"
BEFORE = "worden beide documenten u vertrouwelijk aangeboden."
#: A real table with figures set to the right and a head that wraps in every column: "Tabel 2
#: Ondergrenzen confrom RBV" of the 2019 second supplementary budget of Sociale Zaken en
#: Werkgelegenheid (https://www.rijksfinancien.nl/memorie-van-toelichting/2019/2SUPP/XV/onderdeel/277720).
BUDGET_CAPTION = "Tabel 2 Ondergrenzen confrom RBV"
BUDGET = [
    [
        "Omvang begrotingsartikel (stand ontwerp-begroting) in € miljoen",
        "Beleidsmatige mutaties (ondergrens in € miljoen)",
        "Technische mutaties (ondergrens in € miljoen)",
    ],
    ["< 50", "1", "2"],
    ["=> 50 en < 200", "2", "4"],
    ["=> 200 < 1000", "5", "10"],
    ["=> 1000", "10", "20"],
]
_CSS = (
    "@page { size: A4; margin: 2.5cm 5cm 2.5cm 2.5cm }"
    "body { font: 10pt 'Liberation Sans', sans-serif; line-height: 1.35 }"
    "p { margin: 0 0 0.8em } td { vertical-align: top; padding: 0 0.3cm 0.1cm 0 }"
    ".figure { text-align: right }"
)


def _letter_lines() -> list[str]:
    text = LETTER.read_text(encoding="utf-8").replace("aan1 het", "aan het")
    return text[: text.index("XNoot")].strip().split("\n")


def _pdf(tmp_path: Path, inserted: str, signature: str = "", css: str = "") -> Path:
    """The letter as a PDF (WeasyPrint), each of its lines a paragraph, ``inserted`` (HTML)
    after the paragraph ending in ``BEFORE``, ``signature`` (HTML) in place of its own, in
    the layout of ``_CSS`` and ``css``."""
    from weasyprint import HTML

    paragraphs = []
    for line in _letter_lines():
        if signature and line.startswith("De staatssecretaris"):
            paragraphs.append(signature)
            break
        if line.strip():
            paragraphs.append(f"<p>{html.escape(line)}</p>")
        if line.endswith(BEFORE):
            paragraphs.append(inserted)
    path = tmp_path / "brief.pdf"
    HTML(string=f"<style>{_CSS}{css}</style>" + "".join(paragraphs)).write_pdf(path)
    return path


def _copy(tmp_path: Path, rows: list[list[str]], caption: str) -> Path:
    """The letter's text as a copy gives it, the table's rows a line each, tabs between cells."""
    lines = []
    for line in _letter_lines():
        lines.append(line)
        if line.endswith(BEFORE):
            lines += ["", caption, *("\t".join(row) for row in rows)]
    path = tmp_path / "brief.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _table_html(rows: list[list[str]]) -> str:
    cells = [
        "".join(
            f'<td class="{"figure" if index else ""}">{html.escape(cell)}</td>'
            for index, cell in enumerate(row)
        )
        for row in rows
    ]
    return "<table>" + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>"


def test_a_tables_figures_set_to_the_right_are_cells_of_their_columns(tmp_path: Path) -> None:
    """Figures set to the right of their column (their ends in line, not their starts) and a
    head whose cells wrap over three lines: the draft has the table as the copy gives it."""
    table = f"<p>{BUDGET_CAPTION}</p>{_table_html(BUDGET)}"
    draft, notes = _imported(tmp_path, _pdf(tmp_path, table))
    copy, _ = _imported(tmp_path, _copy(tmp_path, BUDGET, BUDGET_CAPTION))
    assert draft["sections"] == copy["sections"]
    assert draft["sections"][1]["body"] == [
        {"items": [" | ".join(row) for row in BUDGET]},
    ]
    assert sum("the table on page" in note for note in notes) == 1


def test_the_line_right_under_a_tables_last_row_is_not_its_cell(tmp_path: Path) -> None:
    """Rows a line each, as far apart as a cell's lines would be, and the signature's title
    right under the last row, where the first column starts: it is not the last row's first
    cell going on, but the signature."""
    rows = BUDGET[1:]
    css = (
        "td { padding: 0 0.3cm 0 0 } table { margin: 0; width: 100% } p { margin: 0 }"
        "td:first-child { width: 60% }"
    )
    draft, notes = _imported(tmp_path, _pdf(tmp_path, _table_html(rows), css=css))
    assert sum("the table on page" in note for note in notes) == 1
    items = [b["items"] for s in draft["sections"] for b in s["body"] if isinstance(b, dict)]
    assert items == [[" | ".join(row) for row in rows]]
    assert draft["signatory"] == {
        "title": "De staatssecretaris van Defensie,",
        "name": "J. G. de Vries",
    }


def test_signatures_side_by_side_are_no_table(tmp_path: Path) -> None:
    """Two signatures side by side, their titles on a line and their names on the next, stand
    in columns as a table's cells do; they stay the letter's signatures (the names of the
    real letter of 11 March 2009 in ``opennieuwsbank-2009-razeb.txt``)."""
    signatures = (
        '<table style="width: 100%"><tr><td>De Minister van BZ,</td>'
        "<td>De Staatssecretaris van EZ,</td></tr>"
        "<tr><td>M.J.M. Verhagen</td><td>F.C.G.M. Timmermans</td></tr></table>"
    )
    draft, notes = _imported(tmp_path, _pdf(tmp_path, "", signatures))
    assert not any("the table on page" in note for note in notes)
    assert [b for s in draft["sections"] for b in s["body"] if isinstance(b, dict)] == []
    assert draft["signatory"] == {"title": "De Minister van BZ,", "name": "M.J.M. Verhagen"}
    assert draft["cosignatories"] == [
        {"title": "De Staatssecretaris van EZ,", "name": "F.C.G.M. Timmermans"}
    ]


def test_a_header_in_small_type_is_no_figure(tmp_path: Path) -> None:
    """Each page's header, in small type above the text, stands in three parts side by side
    on one line: it is no figure's labels, and no note says it is."""
    css = (
        "@page { @top-left { content: 'Tweede Kamer'; font: 6pt 'Liberation Sans' }"
        " @top-center { content: 'Kamerstuk 21 501-02'; font: 6pt 'Liberation Sans' }"
        " @top-right { content: 'nr. 2072'; font: 6pt 'Liberation Sans' } }"
    )
    draft, notes = _imported(tmp_path, _pdf(tmp_path, "", css=css))
    assert not [note for note in notes if "figure" in note]
    copy, _ = _imported(tmp_path, _copy(tmp_path, [], ""))
    assert draft["sections"][0]["body"][0] == copy["sections"][0]["body"][0]


def test_headings_in_italics_after_a_closing_heading_are_its_sections(tmp_path: Path) -> None:
    """Headings numbered by parts in bold, then "Tot slot" in bold with two headings in
    italics under it: "Tot slot" is at the top, and both italic headings are its sections,
    side by side, the second not under the first."""
    parts = "".join(
        f"<p>{heading}</p><p>{html.escape(text)}</p>"
        for heading, text in [
            ("<b>1. Eerste deel</b>", "Het kabinet zet de aanpak voort."),
            ("<b>1.1 Een onderdeel</b>", "De Kamer ontvangt een rapportage."),
            ("<b>Tot slot</b>", "Twee punten vragen nog aandacht."),
            ("<i>Planning</i>", "De evaluatie volgt in het voorjaar."),
            ("<i>Financiering</i>", "De middelen zijn gereserveerd."),
        ]
    )
    draft, _ = _imported(tmp_path, _pdf(tmp_path, parts))

    def tree(sections: list[dict]) -> list:
        return [(s.get("heading"), tree(s.get("sections", []))) for s in sections]

    assert tree(draft["sections"])[-2:] == [
        ("1. Eerste deel", [("1.1 Een onderdeel", [])]),
        ("Tot slot", [("Planning", []), ("Financiering", [])]),
    ]
