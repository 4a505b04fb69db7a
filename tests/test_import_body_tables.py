"""``briefing import`` of a letter with a table in its body, one row a line: a browser's copy
gives each row a line of its cells parted by tabs (a saved page is read the same way), a text
converted from a PDF with its layout kept parts them by runs of spaces. The draft has the table
as the official XML's table gives it: a list, each row an item with its cells parted by " | ",
and a note to lay the table out. The letter is the real Kamerstuk 26 488, nr. 72 (see
``fixtures/import/README.md``); the table put into it here is made up."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import CONTENT, FIXTURES, cli

IMPORT = FIXTURES / "import"
#: The paragraph of the letter the table follows.
BEFORE = "worden beide documenten u vertrouwelijk aangeboden."
ROWS = [
    ["Stap", "Wanneer"],
    ["Ondertekening amendement", "juni 2008"],
    ["Openbaarmaking MoU", "na ondertekening"],
]
ITEMS = [
    "Stap | Wanneer",
    "Ondertekening amendement | juni 2008",
    "Openbaarmaking MoU | na ondertekening",
]


def _letter(tmp_path: Path, table: str, name: str = "brief.txt") -> Path:
    """The letter's copied text with ``table`` after the paragraph it follows."""
    text = (IMPORT / "kst-26488-72.txt").read_text(encoding="utf-8")
    assert BEFORE + "\n" in text
    path = tmp_path / name
    path.write_text(text.replace(BEFORE + "\n", f"{BEFORE}\n\n{table}\n"), encoding="utf-8")
    return path


def _page(tmp_path: Path) -> Path:
    """The letter's saved page with the table, its caption a paragraph, after the paragraph."""
    page = (IMPORT / "web-pages" / "kst-26488-72.html").read_text(encoding="utf-8")
    rows = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in ROWS)
    table = f"<p>Tabel 1 Planning</p>\n<table>\n<tbody>\n{rows}\n</tbody>\n</table>"
    assert BEFORE + "</p>\n" in page
    path = tmp_path / "brief.html"
    path.write_text(page.replace(BEFORE + "</p>\n", f"{BEFORE}</p>\n{table}\n"), encoding="utf-8")
    return path


def _imported(tmp_path: Path, source: Path) -> tuple[dict, str]:
    """The draft that importing ``source`` alone writes, and its notes (the file as SOURCE)."""
    content = tmp_path / f"content-{source.name}"
    shutil.copytree(CONTENT, content)
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = Path(run.stdout.removeprefix("wrote ").strip())
    return yaml.safe_load(draft.read_text(encoding="utf-8")), run.stderr.replace(
        str(source), "SOURCE"
    )


def _lists(draft: dict) -> list[list[str]]:
    return [
        block["items"]
        for section in draft["sections"]
        for block in section["body"]
        if isinstance(block, dict)
    ]


def test_a_tables_rows_copied_with_tabs_are_a_list_with_a_note(tmp_path: Path) -> None:
    """A browser's copy: the caption a line, then each row a line of its cells parted by tabs;
    the caption heads the table, as the XML's caption does, and the text after it goes on."""
    rows = "\n".join("\t".join(row) for row in ROWS)
    source = _letter(tmp_path, f"Tabel 1 Planning\n{rows}")
    draft, notes = _imported(tmp_path, source)
    assert _lists(draft) == [ITEMS]
    assert [s.get("heading") for s in draft["sections"]] == [None, "Tabel 1 Planning"]
    first = source.read_text(encoding="utf-8").split("\n").index("Stap\tWanneer") + 1
    assert (
        f"SOURCE:{first}: the table on lines {first}-{first + 2} is in the draft as a list, each "
        "of its 3 rows an item with its cells parted by ' | '; lay the table out in the text"
    ) in notes.splitlines()


def test_a_saved_pages_table_is_the_same_list_with_the_htmls_lines(tmp_path: Path) -> None:
    """The saved page gives the rows as the copy does: the same draft, and a note with the
    lines of the HTML where the rows are."""
    rows = "\n".join("\t".join(row) for row in ROWS)
    from_text, _ = _imported(tmp_path, _letter(tmp_path, f"Tabel 1 Planning\n{rows}"))
    page = _page(tmp_path)
    from_page, notes = _imported(tmp_path, page)
    assert _lists(from_page) == [ITEMS]
    assert from_page["sections"] == from_text["sections"]
    first = (
        page.read_text(encoding="utf-8").split("\n").index("<tr><td>Stap</td><td>Wanneer</td></tr>")
        + 1
    )
    assert (
        f"SOURCE:{first}: the table on lines {first}-{first + 2} is in the draft as a list, each "
        "of its 3 rows an item with its cells parted by ' | '; lay the table out in the text"
    ) in notes.splitlines()


def test_a_tables_rows_parted_by_runs_of_spaces_are_a_list_to_check(tmp_path: Path) -> None:
    """Text converted from a PDF with its layout kept: the cells stand apart by runs of
    spaces; three rows or more with as many cells are a table, and the note asks to check
    where each cell ends."""
    rows = "\n".join(f"{row[0]:<30}{row[1]}" for row in ROWS)
    source = _letter(tmp_path, f"Tabel 1 Planning\n\n{rows}")
    draft, notes = _imported(tmp_path, source)
    assert _lists(draft) == [ITEMS]
    first = source.read_text(encoding="utf-8").split("\n").index(f"{'Stap':<30}Wanneer") + 1
    assert (
        f"SOURCE:{first}: the table on lines {first}-{first + 2} is in the draft as a list, each "
        "of its 3 rows an item with its cells parted by ' | ' (its cells told apart by the runs "
        "of spaces between them: check where each ends); lay the table out in the text"
    ) in notes.splitlines()


def test_a_lists_items_after_a_tab_stay_items_beside_a_table(tmp_path: Path) -> None:
    """A list copied from a word processor, a tab after each bullet or number, is a list, not
    a table; a lone line with a tab is a paragraph; the table beside them is a table."""
    rows = "\n".join("\t".join(row) for row in ROWS)
    listed = "Wij doen het volgende:\n•\tondertekenen;\n•\topenbaar maken."
    numbered = "Daarna:\n1.\tevalueren;\n2.\trapporteren."
    lone = "Voorbehoud\tonder voorbehoud van de Raad."
    source = _letter(tmp_path, f"{listed}\n\n{numbered}\n\n{lone}\n\nTabel 1 Planning\n{rows}")
    draft, notes = _imported(tmp_path, source)
    assert _lists(draft) == [
        ["ondertekenen;", "openbaar maken."],
        ["1. evalueren;", "2. rapporteren."],
        ITEMS,
    ]
    paragraphs = [b for s in draft["sections"] for b in s["body"] if isinstance(b, str)]
    assert "Voorbehoud onder voorbehoud van de Raad." in paragraphs
    assert notes.count("lay the table out") == 1


def test_a_footnote_called_in_a_tables_cell_stays_in_its_row(tmp_path: Path) -> None:
    """The call glued to a cell's last word ("MoU1", as a copy gives a raised number) becomes
    the footnote's call in that cell; the row stays in the table."""
    rows = "\n".join("\t".join(row) for row in ROWS).replace("MoU\t", "MoU1\t")
    source = _letter(tmp_path, f"Tabel 1 Planning\n{rows}")
    source.write_text(source.read_text(encoding="utf-8").replace("aan1 het", "aan het"))
    draft, notes = _imported(tmp_path, source)
    call = "[^ter-vertrouwelijke-inzage-gelegd]"
    assert _lists(draft) == [[*ITEMS[:2], f"Openbaarmaking MoU{call} | na ondertekening"]]
    assert "of its 3 rows" in notes


def test_a_tables_caption_in_a_copy_without_blank_lines_heads_the_table(tmp_path: Path) -> None:
    """tweedekamer.nl prints no blank line between paragraphs (the real Kamerstuk 34 700, nr.
    65, copied from it): the caption right above the first row, after a sentence's end, is
    not the paragraph's last words but the table's heading; the text after the table goes on
    as a paragraph of its own."""
    text = (IMPORT / "tk-2019D37354.txt").read_text(encoding="utf-8")
    end = "en dit zal blijven doen.\n"
    rows = "Stap\tWanneer\nAdvies\tfebruari 2019\nBesluit\tmaart 2019\n"
    after = (
        "Na het besluit informeer ik uw Kamer over de stappen die het kabinet daarna zet, en\n"
        "over de planning daarvan.\n"
    )
    source = tmp_path / "brief.txt"
    source.write_text(text.replace(end, f"{end}Tabel 1 Planning\n{rows}{after}"), encoding="utf-8")
    draft, _ = _imported(tmp_path, source)
    assert draft["sections"][0]["body"][-1].endswith(end.strip())
    assert draft["sections"][1]["heading"] == "Tabel 1 Planning"
    items = ["Stap | Wanneer", "Advies | februari 2019", "Besluit | maart 2019"]
    assert draft["sections"][1]["body"] == [{"items": items}, " ".join(after.split())]
