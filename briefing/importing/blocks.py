"""Cutting a letter's body lines into blocks: paragraphs, list items, headings, footnotes.

A block is a run of lines that belong together, before it becomes a paragraph, a list's item
or a heading (:mod:`.body`). A line of markdown heading markup is a heading; a footnote's text
(a raised number, ``[^id]:``) a footnote; a list's item starts where :mod:`.items` says; the
rest runs on in its paragraph up to a blank line, or up to the next of a letter's numbered
paragraphs after a sentence's end; a numbered heading's line that ends short stands apart from
the paragraph under it. A short paragraph all in bold or emphasis is a heading. A table's row
(:mod:`.tables`) is a list's item of its own, its cells parted by " | "; a table's cells, as a
web page's copy gives them one a line between blank lines, become a list's items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importing.debris import SEPARATOR_RE, Hyphenation, clean_markup, link_text
from briefing.importing.footnotes import digits
from briefing.importing.items import (
    SUB_BULLET_RE,
    ends_item,
    item_level,
    item_text,
    marker,
    starts_item,
)
from briefing.importing.tables import Table
from briefing.importing.text import (
    SUPERSCRIPTS,
    TERMINAL_RE,
    SourceLine,
    collapse,
    ends_sentence,
    is_bold,
    is_emphasised,
    starts_lower,
    starts_upper,
    strip_markup,
)
from briefing.importing.wrapped import ends_short

HEADING_RE = re.compile(r"^#{1,6}\s+(\S.*)$")
_FOOTNOTE_DEF_RE = re.compile(
    rf"^(?:<sup>(\d{{1,3}})</sup>|([{SUPERSCRIPTS}]{{1,3}})|\[\^([^\]\s]{{1,40}})\]:|(\*{{1,3}})\))"
    r"\s*(\S.*)$"
)
#: A figure's or a table's caption: "Figuur 1. Organogram ...", "Tabel 2: Financiën".
_CAPTION_RE = re.compile(
    r"^(?:Figuur|Afbeelding|Grafiek|Tabel|Kader|Figure|Table)\s+\d{1,2}[a-z]?\s*[.:\u2013-]\s*\S",
    re.IGNORECASE,
)
#: A numbered paragraph's first line: "2. Ontwikkel een coherent pakket ...".
_NUMBERED_PARAGRAPH_RE = re.compile(r"^(\d{1,2})\.\s+[A-Z]")
#: A block numbered with a full stop or, as a series of lead-ins may be, a colon ("3:
#: Levensduurverlenging:").
_NUMBERED_BLOCK_RE = re.compile(r"^\d{1,2}[.:]\s+[A-Z]")
#: A short paragraph in bold or emphasis up to this length is a heading.
MAX_HEADING = 200
#: So many short lines in a row, each between blank lines, are a table's cells (at most so long).
_TABLE_CELLS = 8
_MAX_CELL = 60


@dataclass
class Block:
    """A run of body lines that belong together, before it becomes a paragraph or heading."""

    kind: str
    lines: list[SourceLine]
    mark: str = ""
    text: str = ""
    style: str = "plain"
    #: A table's row (an item): its cells.
    cells: tuple[str, ...] = ()
    #: An item's level: 0 in the list, 1 under an item, 2 under that (see :func:`item_level`).
    level: int = 0
    #: An item's kind of mark (see :func:`marker`) and the spaces before it.
    bullet: str = ""
    indent: int = 0

    @property
    def line(self) -> int:
        return self.lines[0].number


def cut_blocks(lines: list[SourceLine], room: float | None, tables: list[Table]) -> list[Block]:
    """The blocks of ``lines``, in order; ``room`` is the width a wrapped line fills (see
    :func:`.wrapped.line_room`), by which a list's item is told to end; each row of the
    ``tables`` among them an item of its own, and the line right above a table, after a
    sentence's end, a block of its own (its caption), also where no blank line parts it."""
    rows = {index: cells for table in tables for index, cells in table.rows.items()}
    #: The first rows: a line right above one, after a sentence's end, is the table's caption.
    starts = {min(table.rows) for table in tables}
    blocks: list[Block] = []
    current: Block | None = None
    previous = ""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text or SEPARATOR_RE.match(text):
            current, previous = None, ""
            continue
        if index in rows:
            blocks.append(Block("item", [line], cells=rows[index]))
            current, previous = None, text
            continue
        if HEADING_RE.match(text):
            blocks.append(Block("heading", [line]))
            current, previous = None, text
            continue
        if match := _FOOTNOTE_DEF_RE.match(text):
            mark = match[1] or (digits(match[2]) if match[2] else match[3] or match[4])
            current = Block("footnote", [SourceLine(line.number, match[5])], mark=mark)
            blocks.append(current)
        elif _starts_item(text, previous, current, blocks):
            last = blocks[-1] if blocks and blocks[-1].kind == "item" else None
            kept, number = item_text(text, last.mark if last else "")
            current = Block("item", [SourceLine(line.number, kept)], mark=number)
            current.bullet, current.indent = marker(text), len(line.text) - len(line.text.lstrip())
            current.level = _level(current, blocks)
            blocks.append(current)
        elif (
            current is None
            or (current.kind == "item" and ends_item(current.lines[-1].text, text, room))
            or _numbered_after_item(current, text, previous)
            or (index + 1 in starts and ends_sentence(previous))
            or _next_numbered_paragraph(text, previous, blocks)
            or _after_numbered_heading(current, text, room, blocks)
        ):
            current = Block("paragraph", [line])
            blocks.append(current)
        else:
            current.lines.append(line)
        previous = text
    return blocks


def _next_numbered_paragraph(text: str, previous: str, blocks: list[Block]) -> bool:
    """Whether the line starts the next of a letter's numbered paragraphs after a sentence's
    end ("2. Ontwikkel een coherent pakket ..." under a paragraph after "1. Stel concrete
    doelen op ..."), as a PDF's text gives them with no blank line between."""
    match = _NUMBERED_PARAGRAPH_RE.match(text)
    if match is None or not ends_sentence(previous):
        return False
    numbered = (
        _NUMBERED_PARAGRAPH_RE.match(block.lines[0].text.strip())
        for block in reversed(blocks)
        if block.kind == "paragraph"
    )
    last = next((found for found in numbered if found is not None), None)
    return last is not None and int(match[1]) == int(last[1]) + 1


def _numbered_after_item(current: Block, text: str, previous: str) -> bool:
    """Whether the line starts a numbered block of its own under a list's item that ends a
    sentence: a number the list does not go on with ("1. Ultrafijn stof" under "7.
    Bestuursovereenkomst ... NOVEX Schiphol.", a letter's first part under the list of its
    parts; "3: Levensduurverlenging:" under the last item of part 2), which no item's wrapped
    line starts with."""
    return (
        current.kind == "item"
        and ends_sentence(previous)
        and _NUMBERED_BLOCK_RE.match(text) is not None
    )


def _after_numbered_heading(
    current: Block, text: str, room: float | None, blocks: list[Block]
) -> bool:
    """Whether the line ``text`` follows a numbered heading in ``current``, a block of one
    line that a number starts and that ends no sentence, with no blank line between: one that
    ends short of the width ("2. Ontzwavelen van kerosine" over "Fossiele kerosine bevat
    ..."), or one whose number follows a heading's like it, however long ("7.
    Bestuursovereenkomst intenties samenwerking NOVEX Schipholregio" after "6. Emissies van
    ...")."""
    if current.kind != "paragraph" or len(current.lines) != 1 or room is None:
        return False
    heading = current.lines[0].text.strip()
    number = _NUMBERED_PARAGRAPH_RE.match(heading)
    if number is None or ends_sentence(heading) or not starts_upper(text):
        return False
    return ends_short(heading, text, room) or _numbered_heading_before(int(number[1]), blocks)


def _numbered_heading_before(number: int, blocks: list[Block]) -> bool:
    """Whether the numbered paragraph last before the last of ``blocks`` is numbered one less
    than ``number`` and reads as a heading: one line that ends no sentence."""
    for block in reversed(blocks[:-1]):
        found = _NUMBERED_PARAGRAPH_RE.match(block.lines[0].text.strip())
        if block.kind == "paragraph" and found is not None:
            line = block.lines[0].text.strip()
            return int(found[1]) == number - 1 and len(block.lines) == 1 and not ends_sentence(line)
    return False


def _level(item: Block, blocks: list[Block]) -> int:
    """The level of ``item`` in the list that the items at the end of ``blocks`` make (see
    :func:`item_level`); a table's rows are a list of their own."""
    above = _list_above(blocks)
    lead_in = bool(above) and above[-1].lines[-1].text.rstrip().endswith(":")
    marks = [(block.bullet, block.indent, block.level) for block in above]
    return item_level(item.bullet, item.indent, marks, lead_in)


def _list_above(blocks: list[Block]) -> list[Block]:
    """The items at the end of ``blocks``: the list a next item would join."""
    above: list[Block] = []
    for block in reversed(blocks):
        if block.kind != "item" or block.cells:
            break
        above.insert(0, block)
    return above


def _starts_item(text: str, previous: str, current: Block | None, blocks: list[Block]) -> bool:
    """Whether the line starts a list's item (see :func:`starts_item`), also as the next
    number of an item above the list under it; a sub-item's bullet ("o") only right under a
    list's item."""
    last = blocks[-1] if blocks else None
    if SUB_BULLET_RE.match(text):
        return last is not None and last.kind == "item" and not last.cells
    block = collapse(" ".join(line.text for line in last.lines)) if last else ""
    in_list = current is not None and (current.kind == "item" or _continues_item(current, blocks))
    numbers = [item.mark for item in reversed(_list_above(blocks))] or [""]
    return any(starts_item(text, previous, block, in_list, number) for number in numbers)


def _continues_item(current: Block, blocks: list[Block]) -> bool:
    """Whether ``current``, a paragraph that starts in lower case right after a list's item, is
    that item's text going on after a blank line that a page break's debris or the end of the
    column beside it left in the text."""
    before = blocks[-2] if len(blocks) > 1 and blocks[-1] is current else None
    return (
        current.kind == "paragraph"
        and before is not None
        and before.kind == "item"
        and starts_lower(current.lines[0].text.strip())
    )


def clean(block: Block, hyphenation: Hyphenation) -> None:
    """Give ``block`` its text: its lines joined (hyphenated words joined again) and its
    markup taken out; a heading's style, and a short paragraph all in bold or emphasis made
    a heading."""
    raw = hyphenation.join_all(line.text for line in block.lines)
    if block.cells:
        block.text = " | ".join(clean_markup(cell) for cell in block.cells)
    elif block.kind == "heading":
        raw = HEADING_RE.sub(r"\1", raw.strip())
        block.style = "bold" if is_bold(raw) else "emphasis" if is_emphasised(raw) else "plain"
        block.text = clean_markup(strip_markup(raw))
    elif block.kind == "paragraph" and len(block.lines) <= 2 and _styled(raw) and not caption(raw):
        block.kind, block.style = "heading", "bold" if is_bold(raw) else "emphasis"
        block.text = clean_markup(strip_markup(raw))
    else:
        block.text = clean_markup(raw)


def caption(text: str) -> bool:
    """Whether ``text`` is a figure's or a table's caption ("Figuur 1. Organogram ..."),
    which stays a paragraph under what it captions, however it is set."""
    return bool(_CAPTION_RE.match(strip_markup(text).strip()))


def _styled(text: str) -> bool:
    """A short paragraph all in bold or emphasis, without a full stop: a heading."""
    plain = collapse(link_text(strip_markup(text)))
    if not plain or len(plain) > MAX_HEADING or ends_sentence(plain):
        return False
    return is_bold(text) or is_emphasised(text)


def table_cells(blocks: list[Block], notes: list[str]) -> None:
    """A table's cells as a web page's copy gives them (short lines between blank lines, none
    ending a sentence) become a list's items after the first (its caption), and a note."""
    run: list[Block] = []
    for block in [*blocks, None]:
        text = block.text if block and block.kind == "paragraph" and len(block.lines) == 1 else ""
        if block and text and len(text) <= _MAX_CELL and not TERMINAL_RE.search(text):
            run.append(block)
            continue
        if len(run) >= _TABLE_CELLS:
            for cell in run[1:]:
                cell.kind = "item"
            notes.append(
                f"line {run[0].line}: lines {run[0].line}-{run[-1].line} are {len(run)} short "
                "lines in a row, as a table copied from a web page gives its cells: the draft "
                "has them as a list; lay the table out in the text"
            )
        run = []
