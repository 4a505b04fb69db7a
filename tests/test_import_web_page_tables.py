"""``briefing import`` on a saved web page with a table: a row is one line of its cells, parted
by tabs, as a browser's copy gives it, so that the page imports as the copied text does, and
officielebekendmakingen.nl's number table above a paper gives the paper's number."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

import yaml

from briefing.importing.source import read_source
from tests.conftest import CONTENT, FIXTURES, cli

IMPORT = FIXTURES / "import"


def _as_page(text: str) -> str:
    """``text`` as a saved page, a line of the text on the same line of the HTML: a run of lines
    a paragraph, its lines parted by ``<br>``; a line the copy shows as a table's row ("a | b
    |") a row of cells; the bars under a table's head row ("---|---|") are no text of the page."""
    out = ["<!DOCTYPE html><html><body>"]
    opened = ""
    for line in text.split("\n"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set(line.strip()) == {"-", "|"}:
            out.append("")
            continue
        if line.rstrip().endswith("|") and len(cells) > 1:
            start = "" if opened == "table" else f"</{opened}><table>" if opened else "<table>"
            cells_html = "".join(f"<td>{escape(cell)}</td>" for cell in cells)
            out.append(f"{start}<tr>{cells_html}</tr>")
            opened = "table"
        elif not line.strip():
            out.append(f"</{opened}>" if opened else "")
            opened = ""
        else:
            start = "<br>" if opened == "p" else f"</{opened}><p>" if opened else "<p>"
            out.append(start + escape(line))
            opened = "p"
    out.append((f"</{opened}>" if opened else "") + "</body></html>")
    return out[0] + "\n".join(out[1:])


def _imported(tmp_path: Path, source: Path, name: str) -> tuple[str, str]:
    """The draft that importing ``source`` alone writes (without its first comment, which names
    the file) and the notes, with the file's name as SOURCE."""
    content = tmp_path / name
    shutil.copytree(CONTENT, content)
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = Path(run.stdout.removeprefix("wrote ").strip())
    lines = draft.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Draft imported from"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("#   "))
    return "\n".join(lines[:start] + lines[end:]), run.stderr.replace(str(source), "SOURCE")


def test_a_tables_row_is_one_line_of_its_cells_parted_by_tabs(tmp_path: Path) -> None:
    """As Chrome's and Firefox's copy give a table: its caption a line, each row a line of its
    cells, the cells after the first behind a tab (a space to the text readers, as in a copied
    text); a cell's own paragraphs and line breaks run on in its row, a cell left open ends at
    the next, and the text after the table starts a line of its own."""
    page = tmp_path / "tabel.html"
    page.write_text(
        "<!DOCTYPE html><body><p>Voor de tabel.</p><table><caption>Planning</caption>"
        "<thead><tr><th>Datum</th><th>Raad</th></tr></thead>"
        "<tbody><tr><td><p>20 maart</p><p>2018</p></td><td>RAZ<br>artikel 50</td></tr>"
        "<tr><td>16 april 2018<td>RBZ</tr></tbody></table>Na de tabel.</body>",
        encoding="utf-8",
    )
    assert [line.text for line in read_source(page).lines] == [
        "Voor de tabel.",
        "",
        "Planning",
        "Datum Raad",
        "20 maart 2018 RAZ artikel 50",
        "16 april 2018 RBZ",
        "Na de tabel.",
    ]


def test_a_paper_in_a_dossier_being_handled_takes_its_number_from_the_pages_table(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl's page of Kamerstuk 31 371, nr. 342, a paper in a dossier
    being handled, prints no "Nr. 342" line: the table above the paper ("Tweede Kamer der
    Staten-Generaal | 2009-2010 | 31371 nr. 342") gives its number. Saved as a page, the
    table's row is one line, as in the copied text: the draft is the text's, Kamerstuk and
    all."""
    text = IMPORT / "kst-31371-342.excerpt.txt"
    page = tmp_path / "kst-31371-342.html"
    page.write_text(_as_page(text.read_text(encoding="utf-8")), encoding="utf-8")
    from_page, notes = _imported(tmp_path, page, "page")
    from_text, _ = _imported(tmp_path, text, "text")
    assert from_page == from_text
    assert yaml.safe_load(from_page)["kamerstuk"] == "31 371, nr. 342"
    assert "SOURCE:4: no subject in the text" in notes
    assert "Staten-Generaal" not in notes and "Datum publicatie" not in notes


def test_the_chamber_and_year_in_a_pages_table_cells_are_page_furniture(tmp_path: Path) -> None:
    """berthub.eu prints the chamber and the paper's page number as a table's row ("Tweede
    Kamer der Staten-Generaal | 2 |"): saved as a page, the row is the page's furniture, as in
    the copied text, not a line of the head left out with a note."""
    text = IMPORT / "berthub-2019D31926.excerpt.txt"
    page = tmp_path / "2019D31926.html"
    page.write_text(_as_page(text.read_text(encoding="utf-8")), encoding="utf-8")
    from_page, notes = _imported(tmp_path, page, "page")
    from_text, text_notes = _imported(tmp_path, text, "text")
    assert (from_page, notes) == (from_text, text_notes)
    assert yaml.safe_load(from_page)["kamerstuk"] == "35 068, nr. 4"
    assert "left out of the head: '2'" not in notes
