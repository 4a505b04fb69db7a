"""A table among a PDF page's lines, read by where its characters stand: each row one line
whose cells a tab parts, as a browser's copy gives a table (see :mod:`.tables`).

A table is a run of two lines or more in the text's column, one under the other, each of
two parts or more that wide gaps set apart, whose parts start (or, for figures set to the
right, end) where the parts of the other lines do: the table's columns. Rules drawn round
the cells play no part; the characters' places alone say where a column starts. In the run:

- a line with a part under one column or a few, each inside its column, goes on the row
  above it: a cell that wraps onto a second line (its hyphenated word joined again);
- where the rows stand further apart than the lines of a wrapped cell (a ruled table's
  cells have room round their text), that step alone says where a row starts;
- a cell may stand close to the next one (a cell as wide as its column): the columns found
  in the other lines part them.

What is not a table stays as it was: a single line with a wide gap, a justified paragraph
(its spaces all stretched alike), the letterhead's labels with their values beside them
("Datum", "Betreft"), two signatures side by side, a list whose items stand apart from
their bullets or numbers, footnotes after their numbers; and a short line right under the
last row, where a paragraph after the table would start, unless the first column's cells
wrap and the cell above is full.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from briefing.importing.closing import TITLE_RE
from briefing.importing.letterhead import HEAD_LABEL_RE
from briefing.importing.pdf_lines import Char, Line

#: Parts of a line further apart than this (in font sizes) may be a table's cells.
_CELL_GAP = 0.6
#: A gap wider than this (in font sizes) between two characters is a space.
_SPACE = 0.15
#: A line whose spaces differ no more than this (the widest to the narrowest) is justified.
_JUSTIFIED = 1.3
#: How far (in points) the starts (or ends) of a column's parts may differ.
_ALIGNED = 1.5
#: A table's lines are at most this many font sizes apart.
_ROW_STEP = 2.6
#: A wrapped cell's next line is at most this many font sizes below, while the table has no
#: line's step of its own to go by (under its first line).
_LINE_STEP = 1.6
#: A step this much larger than the smallest in the table starts a new row.
_ROW_SPACED = 1.15
#: A first cell that is a bullet or a number alone: a list's item or a footnote, not a row.
_MARKER_RE = re.compile(r"^(?:[-\u2022\u25aa\u25cf\u00b7\u2013*]|\(?(?:\d{1,3}|[a-zA-Z])[.)]?)$")


@dataclass
class _Part:
    """A run of a line's characters that no wide gap parts."""

    chars: list[Char]

    @property
    def left(self) -> float:
        return self.chars[0].left

    @property
    def right(self) -> float:
        return max(c.right for c in self.chars)


@dataclass
class _Row:
    """A line of the text's column (its parts on one baseline joined) and its parts."""

    chars: list[Char]
    base: float
    size: float
    parts: list[_Part]


def table_rows(lines: list[Line], left: float, right: float) -> list[Line]:
    """The ``lines`` of a page with each table's rows in place of the lines they hold, a
    row a line with its cells; ``left`` and ``right`` are the edges of the text's column (a
    line beyond it, the reference column, is not a table's)."""
    inside = [
        line
        for line in lines
        if left - line.size < line.left < right and not line.bullet and not line.cells
    ]
    kept = list(lines)
    for number, run in enumerate(_runs(_baselines(inside)), start=1):
        columns = _columns(run)
        if len(columns) < 2 or not _is_table(run):
            continue
        taken = {id(c) for row in run for c in row.chars}
        kept = [line for line in kept if id(line.chars[0]) not in taken]
        kept += _table(run, columns, number)
    return kept


def _baselines(lines: list[Line]) -> list[_Row]:
    """The lines on one baseline joined, from the top of the page down."""
    rows: list[_Row] = []
    for line in sorted(lines, key=lambda item: (-item.base, item.left)):
        if rows and abs(rows[-1].base - line.base) < 0.3 * line.size:
            rows[-1].chars = sorted([*rows[-1].chars, *line.chars], key=lambda c: c.left)
        else:
            rows.append(_Row(list(line.chars), line.base, line.size, []))
    for row in rows:
        row.parts = _parts(row.chars, row.size)
    return rows


def _parts(chars: list[Char], size: float) -> list[_Part]:
    """The line's parts that gaps wider than a word's space part; none for a justified line,
    whose word spaces are all stretched alike (a table's row has narrow spaces in its cells
    and wide gaps between them)."""
    visible = [char for char in chars if char.text.strip()]
    gaps = [b.room[0] - a.room[1] for a, b in itertools.pairwise(visible)]
    spaces = [gap for gap in gaps if gap > _SPACE * size]
    if len(spaces) >= 3 and max(spaces) <= _JUSTIFIED * min(spaces):
        return [_Part(visible)] if visible else []
    parts: list[_Part] = []
    for char, gap in zip(visible, [0.0, *gaps], strict=True):
        if parts and gap < _CELL_GAP * size:
            parts[-1].chars.append(char)
        else:
            parts.append(_Part([char]))
    return parts


def _runs(rows: list[_Row]) -> list[list[_Row]]:
    """Runs of lines, each line of two parts or more, or under the columns of the lines of
    two parts above it, each a short step below the one before."""
    runs: list[list[_Row]] = []
    current: list[_Row] = []
    for row in rows:
        if current and _fits(current, row):
            current.append(row)
            continue
        if sum(len(r.parts) >= 2 for r in current) >= 2:
            runs.append(_trimmed(current))
        current = [row] if len(row.parts) >= 2 else []
    if sum(len(r.parts) >= 2 for r in current) >= 2:
        runs.append(_trimmed(current))
    return runs


def _trimmed(run: list[_Row]) -> list[_Row]:
    """The run without the lines of one part at its end that are the text after the table,
    not a cell's next line."""
    while len(run[-1].parts) < 2 and not (
        _under_columns(run[:-1], run[-1]) and _wraps(run[:-1], run[-1].parts[0])
    ):
        run = run[:-1]
    return run


def _fits(run: list[_Row], row: _Row) -> bool:
    above = run[-1]
    step = above.base - row.base
    if not 0 < step <= _ROW_STEP * row.size or abs(row.size - above.size) > 0.15 * above.size:
        return False
    columns = _columns(run, support=1)
    matched = [part for part in row.parts if _column_of(part, columns) is not None]
    if len(row.parts) >= 2 and len(matched) >= 2:
        return True
    # a wrapped cell's next line stands a line's step below, not a row's or a paragraph's
    steps = [a.base - b.base for a, b in itertools.pairwise(run)]
    line_step = min(steps) if steps else _LINE_STEP * row.size
    return step <= _ROW_SPACED * line_step and _under_columns(run, row)


def _wraps(run: list[_Row], part: _Part) -> bool:
    """Whether ``part``, alone on the line under the run, is the next line of a cell of the
    run's last line, not a paragraph after the table: where it starts in the first column (as
    a paragraph does), only if the first column's cells wrap elsewhere in the run too and the
    cell's line above is full (the first word of ``part`` would not have fitted beside it in
    the widest of the column's lines)."""
    starts = sorted(min(p.left for p in column) for column in _columns(run, support=1))
    if len(starts) < 2 or part.left > starts[0] + _ALIGNED:
        return True
    first = [[c for c in row.chars if c.left < starts[1] - _ALIGNED] for row in run]
    wrapped = any(
        len(row.parts) < len(starts) and chars and chars[0].left < starts[0] + _ALIGNED
        for row, chars in zip(run[1:], first[1:], strict=True)
    )
    if not wrapped or not first[-1]:
        return False
    word = part.chars[0].right
    for before, char in itertools.pairwise(part.chars):
        if char.room[0] - before.room[1] > 0.2 * char.size:
            break
        word = char.right
    limit = max(c.right for chars in first for c in chars)
    space = 0.25 * part.chars[0].size
    return max(c.right for c in first[-1]) + space + (word - part.left) > limit


def _under_columns(run: list[_Row], row: _Row) -> bool:
    """Whether each part of ``row`` starts where a column does and ends before the next."""
    columns = _columns(run)
    starts = sorted(min(p.left for p in column) for column in columns)
    for part in row.parts:
        index = _column_of(part, columns)
        if index is None:
            return False
        start = min(p.left for p in columns[index])
        after = [s for s in starts if s > start + _ALIGNED]
        if after and part.right > after[0]:
            return False
    return bool(row.parts)


def _column_of(part: _Part, columns: list[list[_Part]]) -> int | None:
    for index, column in enumerate(columns):
        if any(
            abs(part.left - p.left) < _ALIGNED or abs(part.right - p.right) < _ALIGNED
            for p in column
        ):
            return index
    return None


def _columns(run: list[_Row], support: int = 2) -> list[list[_Part]]:
    """The columns of the run's lines of two parts or more: parts that start (or end) where
    another line's part does; a column fewer lines than ``support`` have is not one."""
    columns: list[list[_Part]] = []
    for row in run:
        if len(row.parts) < 2:
            continue
        for part in row.parts:
            index = _column_of(part, columns)
            if index is None:
                columns.append([part])
            else:
                columns[index].append(part)
    found = [column for column in columns if len(column) >= support]
    return sorted(found, key=lambda column: min(p.left for p in column))


def _is_table(run: list[_Row]) -> bool:
    """Whether the run is a table, not the letterhead's labels beside their values, nor two
    signatures side by side, nor a list or footnotes after their bullets or numbers."""
    firsts = [_words(row.parts[0].chars) for row in run if len(row.parts) >= 2]
    if any(HEAD_LABEL_RE.match(first) for first in firsts):
        return False
    cells = [part for row in run if len(row.parts) >= 2 for part in row.parts]
    if any(TITLE_RE.match(_words(part.chars)) for part in cells):
        return False
    return not all(_MARKER_RE.match(first) for first in firsts)


def _table(run: list[_Row], columns: list[list[_Part]], number: int) -> list[Line]:
    """The run's rows, the lines of a wrapped cell joined into it."""
    starts = [min(p.left for p in column) for column in columns]
    steps = [a.base - b.base for a, b in itertools.pairwise(run)]
    spaced = max(steps) > _ROW_SPACED * min(steps)
    rows: list[Line] = []
    for index, row in enumerate(run):
        cells = _cells(row, starts)
        if spaced:
            new = index == 0 or steps[index - 1] > _ROW_SPACED * min(steps)
        else:
            new = index == 0 or all(cells)
        if new:
            rows.append(
                Line(
                    list(row.chars), cells=[[cell] if cell else [] for cell in cells], table=number
                )
            )
            continue
        for kept, more in zip(rows[-1].cells, cells, strict=True):
            if more:
                kept.append(more)
    return rows


def _cells(row: _Row, starts: list[float]) -> list[list[Char]]:
    """The characters of ``row`` by the column they stand in, a word at a time: a word that
    starts a little before a column and runs across its start (a head set otherwise than
    the figures under it) is that column's."""
    cells: list[list[Char]] = [[] for _ in starts]
    for word in _split_words(row.chars):
        index = max(
            [i for i, start in enumerate(starts) if word[0].left >= start - _ALIGNED] or [0]
        )
        if index + 1 < len(starts) and max(c.right for c in word) > starts[index + 1]:
            index += 1
        cells[index] += word
    return [cell if any(c.text.strip() for c in cell) else [] for cell in cells]


def _split_words(chars: list[Char]) -> list[list[Char]]:
    """``chars`` as words: runs that no space parts, each with the spaces after it."""
    words: list[list[Char]] = []
    for char in chars:
        space = not char.text.strip()
        if words and (space or _same_word(words[-1][-1], char)):
            words[-1].append(char)
        elif not space:
            words.append([char])
    return words


def _same_word(before: Char, char: Char) -> bool:
    """Whether ``char`` goes on the word ``before`` ends: no space between them."""
    return bool(before.text.strip()) and char.room[0] - before.room[1] <= _SPACE * char.size


def joined_cell(lines: list[str]) -> str:
    """The text of a cell from the texts of its lines: a word hyphenated at a line's end
    joined again ("inko-", "mend"), a compound's hyphen kept ("EU-", "landen")."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith("-") and text[-2:-1].islower() and line[:1].islower():
            text = text[:-1] + line
        elif text.endswith("-"):
            text += line
        else:
            text += " " + line
    return text


def _words(chars: list[Char]) -> str:
    """The text of ``chars``, a space where they stand apart."""
    text = ""
    previous: Char | None = None
    for char in chars:
        if previous is not None and char.room[0] - previous.room[1] > 0.2 * char.size:
            text += " "
        text += char.text
        previous = char
    return " ".join(text.split())
