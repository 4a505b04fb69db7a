"""A table's rows among a letter's body lines, one row a line, and what the draft makes of them.

A browser's copy of a web page gives a table's row as one line, its cells parted by tabs (a
saved page is read the same way, :mod:`.copied_lines`); the text readers take a tab for a space,
so the reader of the file keeps the cells beside the line (``SourceLine.cells``). Text
converted from a PDF by a converter that keeps the layout parts the cells by runs of spaces.
Two lines in a row with cells parted by tabs, or three with the same number of short cells
parted by runs of three spaces or more, are a table (a blank line between two rows is allowed);
a line whose first cell is a list's bullet or number alone ("•", "1.", "a)") is a list's item,
not a row. The draft has the table as a list, each row an item with its cells parted by " | ",
as the official XML's table gives it, with a note to lay the table out.

What cannot be read so is left as it was: a table whose cells a copy runs together with single
spaces, and one whose cell wraps onto a line of its own in a converted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importing.text import SourceLine, collapse

#: A cell that is a list's bullet or number alone: the line is a list's item, not a row.
_MARKER_RE = re.compile(r"^(?:[-*\u2022\u25aa\u25cf\u00b7\u2013]|\(?(?:\d{1,2}|[a-z])[.)])$")
#: What parts the cells of a row in a converted text that keeps the layout.
_SPACES_RE = re.compile(r" {3,}")
#: Rows parted by runs of spaces: so many at least, each cell at most so long.
_SPACED_ROWS = 3
_MAX_SPACED_CELL = 60


@dataclass
class Table:
    """A run of body lines that are a table's rows: where it starts and ends, its rows' cells
    (by the index of their line), and whether runs of spaces parted the cells."""

    first: int
    last: int
    rows: dict[int, tuple[str, ...]]
    spaced: bool

    def note(self) -> str:
        """The note that asks the user to lay the table out."""
        how = (
            " (its cells told apart by the runs of spaces between them: check where each ends)"
            if self.spaced
            else ""
        )
        return (
            f"line {self.first}: the table on lines {self.first}-{self.last} is in the draft as "
            f"a list, each of its {len(self.rows)} rows an item with its cells parted by "
            f"' | '{how}; lay the table out in the text"
        )


def tab_cells(line: str) -> tuple[str, ...]:
    """The cells of a line of text whose cells a copy parted by tabs; none without two."""
    if "\t" not in line:
        return ()
    cells = [collapse(cell) for cell in line.split("\t")]
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells) if len(cells) >= 2 else ()


def find_tables(lines: list[SourceLine]) -> list[Table]:
    """The tables among ``lines``, one row a line."""
    tables: list[Table] = []
    run: dict[int, tuple[str, ...]] = {}
    spaced = False
    blank = 0
    for index, line in enumerate([*lines, SourceLine(0, "x")]):
        cells, by_spaces = _cells(line)
        if not line.text.strip() and run and blank == 0:
            blank += 1
            continue
        if cells and run and by_spaces == spaced and _fits(cells, run, spaced):
            run[index] = cells
        else:
            _add(tables, run, spaced, lines)
            run, spaced = ({index: cells}, by_spaces) if cells else ({}, False)
        blank = 0
    return tables


def _cells(line: SourceLine) -> tuple[tuple[str, ...], bool]:
    """The cells of ``line`` if it may be a table's row, and whether spaces parted them."""
    cells = line.cells
    spaced = False
    if not cells or collapse(" ".join(cells)) != collapse(line.text):
        parts = _SPACES_RE.split(line.text.strip())
        spaced = len(parts) >= 2 and all(0 < len(part) <= _MAX_SPACED_CELL for part in parts)
        cells = tuple(collapse(part) for part in parts) if spaced else ()
    if cells and _MARKER_RE.match(cells[0]):
        return (), False
    return cells, spaced


def _fits(cells: tuple[str, ...], run: dict[int, tuple[str, ...]], spaced: bool) -> bool:
    """Whether a row goes on the run: parted by spaces, only with as many cells as the others."""
    return not spaced or all(len(row) == len(cells) for row in run.values())


def _add(
    tables: list[Table], run: dict[int, tuple[str, ...]], spaced: bool, lines: list[SourceLine]
) -> None:
    if len(run) >= (_SPACED_ROWS if spaced else 2):
        first, last = lines[min(run)].number, lines[max(run)].number
        tables.append(Table(first, last, dict(run), spaced))
