"""A PDF page's lines as blocks of text, as the importer's text readers expect them: lines
in one column, one line-spacing apart, make a block, and the blocks come in reading order,
the column's beside the text first, then the text's from top to bottom. A line in bold
becomes ``**...**`` and one in italics ``*...*``, and so do the words in bold or italics
inside a line; a footnote's call becomes ``<sup>1</sup>``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from briefing.importing.pdf_lines import BULLETS, SMALL, Char, Line
from briefing.importing.pdf_tables import joined_cell

_PAGE_RE = re.compile(r"^\s*Pagina \d+ van \d+\s*$")
#: Lines further apart than this many line-spacings start a new block.
_BLOCK_GAP = 1.35
#: Letters further apart than this share of their type, or than half a space in it, have a
#: word's space between them.
_SPACE = 0.2
_HALF = 0.5
#: A footnote call stands at least this share of its line's type above the line's baseline.
_RAISED = 0.15


def page_blocks(lines: list[Line], right: float) -> list[list[str]]:
    """The page's lines grouped into blocks, from the top of the page down; the blocks of a
    column beside the text (starting beyond its ``right`` edge: the reference column) first,
    so that they do not cut the text's paragraphs where they fall beside them."""
    if not lines:
        return []
    body = Counter(line.size for line in lines).most_common(1)[0][0]
    spacing = _Spacing.of(lines, body)
    blocks: list[list[Line]] = []
    for line in sorted(lines, key=lambda item: (-item.base, item.left)):
        home = next((b for b in reversed(blocks) if _continues(b[-1], line, spacing, body)), None)
        if home is None:
            blocks.append([line])
        else:
            home.append(line)
    blocks.sort(key=lambda block: (block[0].left < right, -block[0].base, block[0].left))
    texts = [
        [line_text(line, body) for line in _numbers_joined(block, body, right)] for block in blocks
    ]
    return [_one_mark([t for t in block if t and not _PAGE_RE.match(t)]) for block in texts]


def _numbers_joined(block: list[Line], body: float, right: float) -> list[Line]:
    """The block with a footnote's number that stands on a line of its own, in small type in
    the text's column, joined to the line below it, the footnote's first: it is that line's
    call, raised above it. (A number alone in the reference column, beyond ``right``, is a
    field's value: "Bijlage(n)", "3".)"""
    joined: list[Line] = []
    for line in block:
        above = joined[-1] if joined else None
        if above is not None and _lone_number(above, body, right) and not line.cells:
            joined[-1] = Line(above.chars + line.chars, line.bullet)
        else:
            joined.append(line)
    return joined


def _lone_number(line: Line, body: float, right: float) -> bool:
    text = "".join(c.text for c in line.chars).strip()
    small = line.size < SMALL * body and line.left < right and not line.cells
    return small and text.isdigit() and len(text) <= 3


def _one_mark(block: list[str]) -> list[str]:
    """A block whose lines are all in bold (or all in italics), a heading over two lines, as
    one span ("**... be-", "drijven**"): so the word hyphenated at the line's end is joined
    again as in the text's other lines."""
    for mark in ("**", "*"):
        if len(block) > 1 and all(
            t.startswith(mark) and t.endswith(mark) and t[len(mark) : len(mark) + 1] != "*"
            for t in block
        ):
            size = len(mark)
            inner = [t[size:-size] for t in block]
            return [mark + inner[0], *inner[1:-1], inner[-1] + mark]
    return block


@dataclass
class _Spacing:
    """The step from one line of a paragraph to the next, in the text's own size, for the
    lines that start where a given line starts: the letterhead's lines may be set closer
    than the body's, the lines after a tab ("Betreft", tab, the subject over two lines)
    closer than those at the margin."""

    body: float
    #: Where the upper line of two in a row starts, and the step down to the next.
    steps: list[tuple[float, int]]

    @classmethod
    def of(cls, lines: list[Line], body: float) -> _Spacing:
        return cls(
            body,
            [
                (a.left, round(a.base - b.base))
                for a, b in itertools.pairwise(lines)
                if a.size == b.size == body
                and 0 < a.base - b.base < 3 * body
                and abs(a.left - b.left) < body
            ],
        )

    def at(self, left: float) -> float:
        """The smallest step two pairs of lines starting at ``left`` take (give or take a
        point, as positions round); not the most common one: where most paragraphs are a
        line long, the step between paragraphs is."""
        steps = [step for start, step in self.steps if abs(start - left) < self.body]
        steps = steps or [step for _, step in self.steps]
        if not steps:
            return self.body * 1.3
        regular = [step for step in steps if sum(abs(step - s) <= 1 for s in steps) >= 2]
        return min(regular or steps)


def _continues(above: Line, line: Line, spacing: _Spacing, body: float) -> bool:
    """Whether ``line`` goes on the block whose last line is ``above``.

    In the text's own size a change of style (a heading in bold above its paragraph) starts
    a new block; in smaller type (the reference column's label and value) it does not.
    """
    if above.table and above.table == line.table:
        return True
    step = above.base - line.base
    overlaps = line.left < above.right and above.left < line.right
    same_style = _style(above) == _style(line) or line.size < SMALL * body
    return 0 < step <= _BLOCK_GAP * spacing.at(above.left) and overlaps and same_style


def _style(line: Line) -> str:
    letters = [c for c in line.chars if c.text.isalpha()]
    if letters and all(c.bold for c in letters):
        return "bold"
    if letters and all(c.italic for c in letters):
        return "italic"
    return ""


def _inline_marks(line: Line) -> dict[int, tuple[str, str]]:
    """The marks a run of words in bold or italics inside the line gets ("*Directive*,"): by
    the index of the run's first letter and of its last, "*" or "**" before and after."""
    styled = [
        (index, "**" if char.bold else "*" if char.italic else "")
        for index, char in enumerate(line.chars)
        if char.text.isalpha()
    ]
    marks: dict[int, tuple[str, str]] = {}
    for style, run in itertools.groupby(styled, key=lambda item: item[1]):
        indexes = [index for index, _ in run]
        if style:
            first, last = indexes[0], indexes[-1]
            marks[first] = (style, marks.get(first, ("", ""))[1])
            marks[last] = (marks.get(last, ("", ""))[0], style)
    return marks


def _space(line: Line) -> float:
    """Half the width of a space in the line's type, from its spaces (infinite without two):
    a gap that wide between two letters is a word's space that the PDF left out, setting the
    next word apart instead (as Word does in a justified line)."""
    widths = sorted(
        c.room[1] - c.room[0] for c in line.chars if c.text == " " and c.size == line.size
    )
    return widths[len(widths) // 2] * _HALF if len(widths) > 1 else math.inf


def line_text(line: Line, body: float, marked: bool = True) -> str:
    """The line's text with footnote calls and marks as ``<sup>n</sup>``, in its style
    (``marked``); a table's row as its cells, a tab between them."""
    if line.cells:
        return "\t".join(
            joined_cell([line_text(Line(chars), body, marked=False) for chars in cell])
            for cell in line.cells
        )
    parts: list[str] = []
    previous: Char | None = None
    marks = _inline_marks(line) if marked and not _style(line) else {}
    space = _space(line)
    for index, char in enumerate(line.chars):
        # a word's space measured in the larger type: a call in small type after a full stop
        # stands a little apart, as its digit's side bearing sets it
        apart = previous is not None and char.room[0] - previous.room[1] > min(
            _SPACE * max(char.size, previous.size), space
        )
        if apart and (not parts or not parts[-1].endswith(" ")):
            parts.append(" ")
        # a call is raised; a small digit on the line (the 2 of CO2) is the word's
        small = char.size < SMALL * line.size and char.text.isdigit()
        small = small and char.base - line.base > _RAISED * line.size
        opening, closing = marks.get(index, ("", ""))
        parts.append(opening + (f"<sup>{char.text}</sup>" if small else char.text) + closing)
        previous = char
    text = " ".join("".join(parts).replace("</sup><sup>", "").split())
    if text.strip(BULLETS + " ") == "":
        return ""
    if line.bullet or text[:1] in "\u2022\u25aa\u25cf":
        text = "\u2022 " + re.sub(r"^[\u2022\u25aa\u25cf]\s*", "", text)
    mark = re.match(r"^(\d{1,3})\s+(\S.*)$", text)
    if line.size < SMALL * body and mark:
        return f"<sup>{mark[1]}</sup> {mark[2]}"
    style = _style(line) if marked else ""
    if style == "bold":
        return f"**{text}**"
    if style == "italic":
        return f"*{text}*"
    return text
