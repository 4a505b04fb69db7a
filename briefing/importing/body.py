"""Turning a letter's body lines into sections: paragraphs, lists, headings and footnotes.

The lines come from a layout reader with that layout's debris taken out; :mod:`.blocks` cuts
them into blocks. Here these become paragraphs (joined across hard line breaks, words
hyphenated across lines joined again, a paragraph that a page break cut in two joined again),
lists (their items found by :mod:`.items`) and headings; the footnotes' texts become the
letter's ``footnotes`` and their calls ``[^id]``. The annex a letter sends after its signature
is read by the same rules into sections of its own.

Headings, and their levels, are found by :mod:`.headings`. A lettered block ("a.
Bestuurlijke afspraken ...") starts a paragraph of its own.
"""

from __future__ import annotations

from briefing.importing.blocks import Block, clean, cut_blocks, table_cells
from briefing.importing.debris import Hyphenation
from briefing.importing.footnotes import Footnotes, note_glued_calls, place_footnotes
from briefing.importing.headings import (
    LETTERED_RE,
    find_headings,
    heading_levels,
    note_unmarked_headings,
    numbers_joined,
)
from briefing.importing.parsed import Body, DraftSection, FootnoteText, ItemList, Paragraph
from briefing.importing.pdf_figures import figure_note, labels_above_captions
from briefing.importing.tables import find_tables
from briefing.importing.text import (
    SourceLine,
    collapse,
    ends_sentence,
    slugify,
    starts_lower,
    starts_upper,
    unique_id,
)
from briefing.importing.wrapped import ends_short, line_room, paragraph_ends

INTRO_ID = "inleiding"
#: The id of the annex's section before its first heading.
ANNEX_ID = "bijlage"
#: What no paragraph ends with: a text ending so goes on in the next block, however short.
_GOES_ON = (",", "-", "\u2013", "(")


def read_body(
    lines: list[SourceLine],
    footnotes: list[FootnoteText],
    notes: list[str],
    annex: list[SourceLine] | None = None,
) -> Body:
    """The sections and footnotes of the body in ``lines`` and of the ``annex`` the letter
    sends after its signature; what it left out goes to ``notes``. The annex is read by the
    same rules into sections of its own: the signature parts it from the body, so no paragraph
    goes on from one into the other; both call the footnotes, wherever these are printed."""
    lines, annex = numbers_joined(lines), numbers_joined(annex or [])
    room = line_room([*lines, *annex])
    lines, annex = _without_figures(lines, room, notes), _without_figures(annex, room, notes)
    texts = [line.text for line in [*lines, *annex]]
    hyphenation = Hyphenation.of(texts + [f.text for f in footnotes])
    spaced = [paragraph_ends(lines, annex), paragraph_ends(annex, lines) if annex else []]
    parted = zip((lines, annex), spaced, strict=True)
    unspaced = [part for part, read in parted if len(read) > len(part)]
    if unspaced:
        notes.append(
            f"line {unspaced[0][0].number}: no blank line between paragraphs (as tweedekamer.nl "
            "prints a letter, or a PDF's text in reading order gives it): paragraphs and headings "
            "were told apart by where lines end short; compare them with the publication"
        )
    tables = [find_tables(part) for part in spaced]
    notes += [table.note() for found in tables for table in found]
    parts = [cut_blocks(part, room, found) for part, found in zip(spaced, tables, strict=True)]
    marked = any(block.kind == "heading" for part in parts for block in part)
    notes_found = Footnotes()
    for footnote in footnotes:
        notes_found.texts[footnote.mark] = footnote
    taken: set[str] = set()
    read = []
    for part, intro in zip(parts, (INTRO_ID, ANNEX_ID), strict=True):
        kept = _kept(part, hyphenation, notes_found, notes)
        find_headings(kept, marked, room)
        joined = _join_continuations(kept, hyphenation, room)
        read.append((joined, _sections(joined, marked, taken, intro)))
    nested = any(section.sections for _, sections in read for section in sections)
    note_unmarked_headings([b for joined, _ in read for b in joined], marked, nested, notes)
    body = Body(read[0][1], read[1][1])
    place_footnotes(body, notes_found, notes)
    note_glued_calls(body, notes_found, notes)
    body.sections = _without_empty(body.sections)
    body.annex = _without_empty(body.annex)
    if hyphenation.guessed:
        shown = ", ".join(f"'{word}'" for word in hyphenation.guessed[:6])
        more = f" and {len(hyphenation.guessed) - 6} more" if len(hyphenation.guessed) > 6 else ""
        notes.append(
            f"words hyphenated at a line end were joined without another spelling in the "
            f"letter to go by: {shown}{more}; check them"
        )
    return body


def _without_figures(
    lines: list[SourceLine], room: float | None, notes: list[str]
) -> list[SourceLine]:
    """``lines`` with the labels of each figure above its caption left out (blank), with a
    note (see :func:`.pdf_figures.labels_above_captions`)."""
    if room is None:
        return lines
    out = list(lines)
    for labels in labels_above_captions([line.text for line in lines], room):
        texts = [lines[index].text.strip() for index in labels]
        notes.append(figure_note(lines[labels[0]].number, texts, "above its caption"))
        for index in labels:
            out[index] = SourceLine(lines[index].number, "")
    return out


def _kept(
    blocks: list[Block], hyphenation: Hyphenation, found: Footnotes, notes: list[str]
) -> list[Block]:
    """The blocks with text, cleaned, a table's cells as a list's items; the footnotes among
    them go to ``found``."""
    kept: list[Block] = []
    for block in blocks:
        clean(block, hyphenation)
        if block.kind == "footnote":
            found.texts[block.mark] = FootnoteText(block.mark, block.text, block.line)
        elif block.text:
            kept.append(block)
    table_cells(kept, notes)
    return kept


def _join_continuations(
    blocks: list[Block], hyphenation: Hyphenation, room: float | None
) -> list[Block]:
    """Join a paragraph that a page break (or the debris in it) cut in two: the next block
    starts in lower case, or the last ends no sentence on a line wrapped full (a line ending
    short of the width ends its paragraph, unless it ends in a comma or a dash; a web page's
    copy is not cut by pages), unless the last is a lettered line ("a. Eindhoven Airport",
    a subheading) and the next starts with a capital."""
    joined: list[Block] = []
    for block in blocks:
        last = joined[-1] if joined else None
        if block.kind == "paragraph" and last and last.kind != "heading" and not last.cells:
            subheading = bool(LETTERED_RE.match(last.text)) and len(last.lines) == 1
            continues = not LETTERED_RE.match(block.text) and (
                starts_lower(block.text)
                or (
                    last.kind == "paragraph"
                    and not ends_sentence(last.text)
                    and not (subheading and starts_upper(block.text))
                    and (
                        last.text.endswith(_GOES_ON)
                        or not ends_short(last.lines[-1].text, block.lines[0].text, room)
                    )
                )
            )
            if continues:
                last.text = collapse(hyphenation.join(last.text, block.text))
                last.lines += block.lines
                continue
        joined.append(block)
    return joined


def _sections(blocks: list[Block], marked: bool, taken: set[str], intro: str) -> list[DraftSection]:
    """The sections the blocks make, under their headings (the text before the first heading
    a section ``intro`` without one), with ids not in ``taken`` (which get them)."""
    top: list[DraftSection] = []
    stack: list[DraftSection] = []
    levels = heading_levels(blocks, marked)
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            level = levels[index]
            while stack and stack[-1].level >= level:
                stack.pop()
            section_id = unique_id(slugify(block.text) or "sectie", taken)
            section = DraftSection(section_id, block.text, level, block.line)
            (stack[-1].sections if stack else top).append(section)
            stack.append(section)
            continue
        if not stack:
            section = DraftSection(unique_id(intro, taken), None, 1, block.line)
            top.append(section)
            stack.append(section)
        paragraph = Paragraph(block.text, block.lines)
        current = stack[-1]
        if block.kind == "item":
            last = current.body[-1] if current.body else None
            if isinstance(last, ItemList) and bool(blocks[index - 1].cells) == bool(block.cells):
                _under(last.items, block.level).append(paragraph)
            else:
                current.body.append(ItemList([paragraph]))
        else:
            current.body.append(paragraph)
    return top


def _under(items: list[Paragraph], level: int) -> list[Paragraph]:
    """The list that an item of ``level`` goes in: under the last item of the level above."""
    while level > 0 and items:
        items, level = items[-1].items, level - 1
    return items


def _with_text(items: list[Paragraph]) -> list[Paragraph]:
    """The items that have text, each with the items under it that have text; those under an
    item left empty take its place."""
    kept = []
    for item in items:
        item.items = _with_text(item.items)
        kept += [item] if item.text.strip() else item.items
    return kept


def _without_empty(sections: list[DraftSection]) -> list[DraftSection]:
    """The sections without paragraphs left empty (a call was all they held), and without
    sections left with neither heading nor text."""
    kept = []
    for section in sections:
        blocks: list[Paragraph | ItemList] = []
        for block in section.body:
            if isinstance(block, ItemList):
                block.items = _with_text(block.items)
                if block.items:
                    blocks.append(block)
            elif block.text.strip():
                blocks.append(block)
        section.body = blocks
        section.sections = _without_empty(section.sections)
        if section.heading or section.body or section.sections:
            kept.append(section)
    return kept
