"""The text of a PDF, as the importer reads it: lines and blocks from PDFium, or a clear error.

pypdfium2 (PDFium, the PDF engine of Chromium) gives every character of a page with its box,
font and size, in a few milliseconds a page. From those the text is laid out as the text
readers of the layouts expect it:

- characters on one baseline, close together, make a line, and so do the parts of a line
  that a tab sets apart inside the text's column; a column beside the text (the letter's
  reference column, in a frame or not) stays apart;
- lines in one column, one line-spacing apart, make a block; blocks are separated by a
  blank line, the column's beside the text first, then the text's from top to bottom
  (:mod:`.pdf_blocks`);
- a line in bold becomes ``**...**`` and one in italics ``*...*``, as the converted text
  marks headings, and so do the words in bold or italics inside a line; small raised digits
  (a footnote call) become ``<sup>1</sup>``, and a line in small type that starts with a
  number (the footnote at the page's foot) ``<sup>1</sup> ...``, as does a lone number in
  small type over the footnote's first line;
- a list's bullet, printed apart or before the item's text, becomes "• " before its line;
- a table's row becomes a line of its cells parted by tabs, as a copy gives it, a wrapped
  cell's lines joined (:mod:`.pdf_tables`);
- the page numbers ("Pagina 1 van 4") go, and so do a figure's labels (:mod:`.pdf_figures`),
  with a note.

A PDF without a text layer (a scan) has no text to read: that is said, not guessed at.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from briefing.errors import BriefingError
from briefing.importing.pdf_blocks import line_text, page_blocks
from briefing.importing.pdf_figures import figure_labels, figure_note
from briefing.importing.pdf_lines import BULLETS, SMALL, Char, Line
from briefing.importing.pdf_tables import table_rows
from briefing.streams import Origin

#: A PDF starts with this (a few bytes of rubbish may come first).
MAGIC = b"%PDF-"
#: Fewer letters than this on every page: the PDF holds images of pages, not text.
_MIN_LETTERS = 20
#: What PDFium gives for a hyphen at the end of a line (a soft or a generated one), and for
#: the bullets a word processor sets in its symbol fonts (Symbol's dot, Wingdings' square).
_HYPHENS = {0x02: "-", 0xAD: "-", 0xFFFE: "-", 0xF0B7: "\u2022", 0xF0A7: "\u25aa"}
#: Characters this far apart (in font sizes) are in different columns.
_COLUMN_GAP = 2.5
#: Smaller type this share of the line's type below its baseline: a subscript or another column.
_LOWERED = 0.05
#: A subscript stands closer than this share of its line's type to the letter before it.
_APART = 0.4


def is_pdf(raw: bytes) -> bool:
    """Whether ``raw`` is a PDF file (its signature within the first kilobyte)."""
    return MAGIC in raw[:1024]


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF, the page each of its lines is on, and notes on what it leaves out
    ("line N: ...")."""

    text: str
    #: Line N of the text is on page ``pages[N - 1]``.
    pages: tuple[int, ...]
    notes: list[str]


def pdf_text(raw: bytes, path: Origin) -> PdfText:
    """The text of the PDF in ``raw``; a :class:`BriefingError` for a scan or a broken file."""
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
    page_of: list[int] = []
    notes: list[str] = []
    for number, page in enumerate(pages, 1):
        rows, note = _figure_left_out(table_rows(page, *margin), margin, body, len(text) + 1)
        notes += [note] if note else []
        for block in page_blocks(_tabs_joined(rows, margin), margin[1]):
            if block:
                text += [*block, ""]
                page_of += [number] * (len(block) + 1)
    return PdfText("\n".join(text[:-1]) + "\n", tuple(page_of), notes)


def _figure_left_out(
    rows: list[Line], margin: tuple[float, float], body: float, line: int
) -> tuple[list[Line], str | None]:
    """A page's ``rows`` without the labels of a figure on it, and the note that says so
    (at text ``line``, the page's first); the rows as they are where it has none."""
    labels = figure_labels(rows, margin, body)
    if not labels:
        return rows, None
    labels.sort(key=lambda label: (-label.base, label.left))
    words = [line_text(label, body, marked=False) for label in labels]
    kept = [row for row in rows if all(row is not label for label in labels)]
    return kept, figure_note(line, [word for word in words if word])


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
    return len(text) == 1 and text in BULLETS


def _breaks(line: Line, char: Char) -> bool:
    """Whether ``char`` starts a new line: another baseline, or far to the side."""
    last = line.chars[-1]
    size = max(last.size, char.size)
    if char.size >= SMALL * last.size and abs(char.base - last.base) > 0.5 * size:
        # after a raised call the line goes on to its right; the reference column's
        # small label above a line of the text, ending right of where it starts, does not
        small_raised = last.size < SMALL * char.size and char.base < last.base
        small_raised = small_raised and char.left > last.left
        return not small_raised
    lowered = char.size < SMALL * last.size and char.base < last.base - _LOWERED * last.size
    if lowered and char.left - last.right > _APART * last.size:
        # a subscript ("CO2") follows its letter; smaller type lower down and a space away
        # is the reference column beside the text, level with a line of it
        return True
    return char.left < last.left - size or char.left - last.right > _COLUMN_GAP * size


def _goes_on(line: Line, char: Char) -> bool:
    """Whether ``char``, after a line break PDFium put in, goes on the line all the same: on
    its baseline, right after its last character (the full stop after a footnote's call)."""
    last = next((c for c in reversed(line.chars) if c.size >= SMALL * char.size), None)
    if last is None:
        return False
    gap = char.left - line.chars[-1].right
    return abs(char.base - last.base) < 0.2 * char.size and -0.1 * char.size < gap < char.size
