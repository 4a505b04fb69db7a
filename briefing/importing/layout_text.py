"""Text converted from a letter's PDF with its layout kept (poppler's ``pdftotext -layout``).

Such a text sets the reference column beside the letter's text, on the same lines, after a
run of spaces: "De voorzitter van de Tweede Kamer      Ministerie van". The column starts
at one position on every page; the page's number ("Pagina 2 van 9") stands at its foot,
further right. Here the column is taken apart from the text, so that the text reads as
a conversion in reading order gives it: the first page's column above the salutation, as
the letterhead, and each later page's after its number, as a repeat that is left out.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.importing.page_feet import PAGE_RE
from briefing.importing.text import SourceLine, collapse

#: A run of spaces wide enough to part two columns, before the text it parts.
_GAP_RE = re.compile(r"(?:^|(?<=\S)) {3,}(?=\S)")
#: How many lines must start at one position for it to be the column's.
_AT_LEAST = 4
#: How many lines apart two of the column's lines are in different blocks.
_APART = 4
#: How far left of the column's position its text may start (a later page may set it a few
#: places further left), and how far right (a page's number, set flush right).
_LEFT, _RIGHT = 8, 40


def columns_apart(lines: list[SourceLine], salutation: re.Pattern[str]) -> list[SourceLine]:
    """``lines`` with the reference column beside the text taken out of the text's lines:
    the first page's in a block above the first line that matches ``salutation`` (at the
    end without one), each later page's after its number. Lines with no column beside them
    are returned as they are."""
    at = _column_start(lines)
    if at is None:
        return lines
    text: list[SourceLine] = []
    column: list[SourceLine] = []
    first_page: list[SourceLine] | None = None
    for line in lines:
        left, right = _split(line, at)
        if left is not None:
            text.append(left)
        if right is None:
            continue
        if PAGE_RE.match(collapse(right.text)):
            if first_page is None:
                first_page, column = column, []
                text.append(right)
            else:
                text += [right, SourceLine(right.number, ""), *column, SourceLine(right.number, "")]
                column = []
            continue
        if column and right.number - column[-1].number > _APART:
            column.append(SourceLine(right.number, ""))  # another block: a figure's labels
        column.append(right)
    if first_page is None:
        first_page, column = column, []
    text += column
    at_salutation = next(
        (i for i, line in enumerate(text) if salutation.match(collapse(line.text))), len(text)
    )
    number = text[at_salutation].number if at_salutation < len(text) else 0
    blank = SourceLine(number, "")
    return [*text[:at_salutation], blank, *first_page, blank, *text[at_salutation:]]


def _column_start(lines: list[SourceLine]) -> int | None:
    """The position where the column's lines start, where enough of them do, right of the
    middle of the widest line."""
    width = max((len(line.text.rstrip()) for line in lines), default=0)
    starts: Counter[int] = Counter()
    for line in lines:
        gaps = list(_GAP_RE.finditer(line.text.rstrip()))
        if gaps and gaps[-1].end() > width / 2:
            starts[gaps[-1].end()] += 1
    if not starts:
        return None
    at, count = starts.most_common(1)[0]
    return at if count >= _AT_LEAST else None


def _split(line: SourceLine, at: int) -> tuple[SourceLine | None, SourceLine | None]:
    """The text's part of ``line`` and the column's (each ``None`` where it has none)."""
    raw = line.text.rstrip()
    gap = next((g for g in _GAP_RE.finditer(raw) if at - _LEFT <= g.end() <= at + _RIGHT), None)
    if gap is None:
        return SourceLine(line.number, raw, line.cells), None
    left = raw[: gap.start()]
    right = SourceLine(line.number, raw[gap.end() :].strip())
    return (SourceLine(line.number, left, line.cells) if left.strip() else None), right
