"""The text of a PDF, as the importer reads it: lines and blocks from PDFium, or a clear error.

pypdfium2 (PDFium, the PDF engine of Chromium) gives every character of a page with its box,
font and size, in a few milliseconds a page. From those the text is laid out as the text
readers of the layouts expect it:

- characters on one baseline, close together, make a line, and so do the parts of a line
  that a tab sets apart inside the text's column; a column beside the text (the letter's
  reference column, in a frame or not) stays apart;
- lines in one column, one line-spacing apart, make a block; blocks are separated by a
  blank line, the column's beside the text first, then the text's from top to bottom;
- a line in bold becomes ``**...**`` and one in italics ``*...*``, as the converted text
  marks headings, and so do the words in bold or italics inside a line; small raised digits
  (a footnote call) become ``<sup>1</sup>``, and a line in small type that starts with a
  number (the footnote at the page's foot) ``<sup>1</sup> ...``;
- a list's bullet, printed apart or before the item's text, becomes "• " before its line;
- a table's row becomes a line of its cells parted by tabs, as a copy gives it, a wrapped
  cell's lines joined (:mod:`.pdf_tables`);
- the page numbers ("Pagina 1 van 4") go, and so do a figure's labels (:mod:`.pdf_figures`),
  with a note.

A PDF without a text layer (a scan) has no text to read: that is said, not guessed at.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.importing.pdf_figures import figure_labels, figure_note
from briefing.importing.pdf_lines import Char, Line
from briefing.importing.pdf_tables import joined_cell, table_rows

#: A PDF starts with this (a few bytes of rubbish may come first).
MAGIC = b"%PDF-"
#: Fewer letters than this on every page: the PDF holds images of pages, not text.
_MIN_LETTERS = 20
_PAGE_RE = re.compile(r"^\s*Pagina \d+ van \d+\s*$")
#: What PDFium gives for a hyphen at the end of a line (a soft or a generated one), and for
#: the bullets a word processor sets in its symbol fonts (Symbol's dot, Wingdings' square).
_HYPHENS = {0x02: "-", 0xAD: "-", 0xFFFE: "-", 0xF0B7: "\u2022", 0xF0A7: "\u25aa"}
_BULLETS = "\u2022\u25aa\u25cf\u00b7\u2013-"
#: Characters this far apart (in font sizes) are in different columns.
_COLUMN_GAP = 2.5
#: Lines further apart than this many line-spacings start a new block.
_BLOCK_GAP = 1.35
#: Type smaller than this share of the page's body text: a footnote or a footnote call.
_SMALL = 0.85
#: A footnote call stands at least this share of its line's type above the line's baseline.
_RAISED = 0.15
#: Smaller type this share of the line's type below its baseline: a subscript or another column.
_LOWERED = 0.05
#: A subscript stands closer than this share of its line's type to the letter before it.
_APART = 0.4


def is_pdf(raw: bytes) -> bool:
    """Whether ``raw`` is a PDF file (its signature within the first kilobyte)."""
    return MAGIC in raw[:1024]


def pdf_text(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """The text of the PDF in ``raw`` and notes on what it leaves out ("line N: ..."); a
    :class:`BriefingError` for a scan or a broken file."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(raw)
        pages = [_page_lines(document[index]) for index in range(len(document))]
    except pdfium.PdfiumError as exc:
        protected = "password" in str(exc).lower() or "security" in str(exc).lower()
        if protected:
            raise BriefingError(
                f"{path}: the PDF is protected with a password; save it without the "
                "protection, or give the letter's text"
            ) from None
        raise BriefingError(
            f"{path}: cannot read the PDF ({exc}): is the file complete? Download it again, "
            "or give the text or the official XML"
        ) from None
    letters = [sum(c.text.isalpha() for line in page for c in line.chars) for page in pages]
    if not any(count >= _MIN_LETTERS for count in letters):
        raise BriefingError(
            f"{path}: the PDF has no text layer (it is a scan: images of pages); run text "
            "recognition (OCR) on it first, or give the letter's text or the official XML"
        )
    everything = [line for page in pages for line in page]
    margin = _text_column(everything)
    body = Counter(line.size for line in everything).most_common(1)[0][0]
    text: list[str] = []
    notes: list[str] = []
    for number, page in enumerate(pages, 1):
        rows = table_rows(page, *margin)
        labels = figure_labels(rows, margin, body)
        if labels:
            labels.sort(key=lambda label: (-label.base, label.left))
            words = [_text(label, body, marked=False) for label in labels]
            notes.append(figure_note(len(text) + 1, number, [word for word in words if word]))
            rows = [line for line in rows if all(line is not label for label in labels)]
        for block in _blocks(_tabs_joined(rows, margin), margin[1]):
            if block:
                text += [*block, ""]
    return "\n".join(text[:-1]) + "\n", notes


def _page_lines(page: Any) -> list[Line]:
    """The lines of one page, each a run of characters on one baseline in one column."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    font = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    lines: list[Line] = []
    current = Line()
    broken = False
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if pdfium_c.FPDFText_IsGenerated(textpage, index):
            broken = broken or (code in (10, 13) and bool(current.chars))
            continue
        left, _bottom, right, _top = textpage.get_charbox(index)
        # the room the character takes on its line beside its ink (two "1"s in a serif font
        # stand as far apart in ink as two words), and the baseline it stands on, not the foot
        # of its ink: a quote mark's ink stands high above it, a "g"'s below
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(box))
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
        pdfium_c.FPDFText_GetFontInfo(textpage, index, font, 128, ctypes.byref(flags))
        name = font.value.decode("latin-1").lower()
        char = Char(
            _HYPHENS.get(code) or (chr(code) if 0 < code < 0x110000 else ""),
            left,
            right,
            y.value,
            _size(textpage, index, matrix),
            "bold" in name or "black" in name or "heavy" in name,
            "italic" in name or "oblique" in name,
            (box.left, box.right),
        )
        if char.text in ("\r", "\n", ""):
            continue
        if current.chars and (_breaks(current, char) or (broken and not _goes_on(current, char))):
            lines.append(current)
            current = Line()
        broken = False
        current.chars.append(char)
    if current.chars:
        lines.append(current)
    return _bulleted([line for line in lines if any(c.text.strip() for c in line.chars)])


def _text_column(lines: list[Line]) -> tuple[float, float]:
    """Where the text's column starts and ends: the left edge most lines in the text's size
    start at, and the right edge of the furthest of them."""
    if not lines:
        return 0.0, 0.0
    body = Counter(line.size for line in lines).most_common(1)[0][0]
    left = Counter(round(line.left) for line in lines if line.size == body).most_common(1)[0][0]
    return left, max(line.right for line in lines if abs(line.left - left) < body)


def _tabs_joined(page: list[Line], margin: tuple[float, float]) -> list[Line]:
    """The page with the parts of a line that a tab set apart joined again ("Datum", tab,
    "7 april 2022"): on one baseline, the second part starting inside the text's column; a
    part that starts beyond it (the reference column a word processor sets in a frame beside
    the text) stays apart."""
    left, right = margin
    kept: list[Line] = []
    for line in sorted(page, key=lambda item: (-item.base, item.left)):
        before = kept[-1] if kept else None
        if (
            before is not None
            and abs(before.base - line.base) < 0.3 * line.size
            and left - line.size < before.left < line.left < right
            and line.right <= right + line.size
            and not line.bullet
            and not (line.cells or before.cells)
        ):
            kept[-1] = Line(before.chars + line.chars, before.bullet)
        else:
            kept.append(line)
    return kept


def _bulleted(lines: list[Line]) -> list[Line]:
    """The lines without the bullets that stand apart, each line a bullet marks (on its
    baseline, right of it) marked as a list's item."""
    markers = [line for line in lines if _marker(line)]
    kept = [line for line in lines if not _marker(line)]
    for marker in markers:
        marked = [
            line
            for line in kept
            if abs(line.base - marker.base) < 0.5 * line.size and line.left > marker.right
        ]
        if marked:
            min(marked, key=lambda line: line.left).bullet = True
    return kept


def _size(textpage: Any, index: int, matrix: Any) -> float:
    """The size the character is set in, in points: its font's size as the text's matrix
    scales it (Acrobat writes every font at size 1 and scales the text to 9 points)."""
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFText_GetFontSize(textpage, index) or 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix)):
        size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
    return size


def _marker(line: Line) -> bool:
    """Whether the line is a list's bullet alone."""
    text = "".join(c.text for c in line.chars).strip()
    return len(text) == 1 and text in _BULLETS


def _breaks(line: Line, char: Char) -> bool:
    """Whether ``char`` starts a new line: another baseline, or far to the side."""
    last = line.chars[-1]
    size = max(last.size, char.size)
    if char.size >= _SMALL * last.size and abs(char.base - last.base) > 0.5 * size:
        # after a raised call the line goes on to its right; the reference column's
        # small label above a line of the text, ending right of where it starts, does not
        small_raised = last.size < _SMALL * char.size and char.base < last.base
        small_raised = small_raised and char.left > last.left
        return not small_raised
    lowered = char.size < _SMALL * last.size and char.base < last.base - _LOWERED * last.size
    if lowered and char.left - last.right > _APART * last.size:
        # a subscript ("CO2") follows its letter; smaller type lower down and a space away
        # is the reference column beside the text, level with a line of it
        return True
    return char.left < last.left - size or char.left - last.right > _COLUMN_GAP * size


def _goes_on(line: Line, char: Char) -> bool:
    """Whether ``char``, after a line break PDFium put in, goes on the line all the same: on
    its baseline, right after its last character (the full stop after a footnote's call)."""
    last = next((c for c in reversed(line.chars) if c.size >= _SMALL * char.size), None)
    if last is None:
        return False
    gap = char.left - line.chars[-1].right
    return abs(char.base - last.base) < 0.2 * char.size and -0.1 * char.size < gap < char.size


def _blocks(lines: list[Line], right: float) -> list[list[str]]:
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
        [_text(line, body) for line in _numbers_joined(block, body, right)] for block in blocks
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
    small = line.size < _SMALL * body and line.left < right and not line.cells
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
    same_style = _style(above) == _style(line) or line.size < _SMALL * body
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


def _text(line: Line, body: float, marked: bool = True) -> str:
    """The line's text with footnote calls and marks as ``<sup>n</sup>``, in its style
    (``marked``); a table's row as its cells, a tab between them."""
    if line.cells:
        return "\t".join(
            joined_cell([_text(Line(chars), body, marked=False) for chars in cell])
            for cell in line.cells
        )
    parts: list[str] = []
    previous: Char | None = None
    marks = _inline_marks(line) if marked and not _style(line) else {}
    for index, char in enumerate(line.chars):
        # a word's space measured in the larger type: a call in small type after a full stop
        # stands a little apart, as its digit's side bearing sets it
        apart = previous is not None and char.room[0] - previous.room[1] > 0.2 * max(
            char.size, previous.size
        )
        if apart and (not parts or not parts[-1].endswith(" ")):
            parts.append(" ")
        # a call is raised; a small digit on the line (the 2 of CO2) is the word's
        small = char.size < _SMALL * line.size and char.text.isdigit()
        small = small and char.base - line.base > _RAISED * line.size
        opening, closing = marks.get(index, ("", ""))
        parts.append(opening + (f"<sup>{char.text}</sup>" if small else char.text) + closing)
        previous = char
    text = " ".join("".join(parts).replace("</sup><sup>", "").split())
    if text.strip(_BULLETS + " ") == "":
        return ""
    if line.bullet or text[:1] in "\u2022\u25aa\u25cf":
        text = "\u2022 " + re.sub(r"^[\u2022\u25aa\u25cf]\s*", "", text)
    mark = re.match(r"^(\d{1,3})\s+(\S.*)$", text)
    if line.size < _SMALL * body and mark:
        return f"<sup>{mark[1]}</sup> {mark[2]}"
    style = _style(line) if marked else ""
    if style == "bold":
        return f"**{text}**"
    if style == "italic":
        return f"*{text}*"
    return text
