"""Turning a letter's body lines into sections: paragraphs, lists, headings and footnotes.

The lines come from a layout reader with that layout's debris taken out; :mod:`.blocks` cuts
them into blocks. Here these become paragraphs (joined across hard line breaks, words
hyphenated across lines joined again, a paragraph that a page break cut in two joined again),
lists (their items found by :mod:`.items`) and headings; the footnotes' texts become the
letter's ``footnotes`` and their calls ``[^id]``. The annex a letter sends after its signature
is read by the same rules into sections of its own.

Headings are found by their markup where the text has it (markdown ``#``, bold or
emphasis), and the markup gives the level: bold headings above plain ones above headings
in emphasis, as a letter's PDF prints them. Without markup, a short line without a full
stop (or a short question) between two paragraphs is a heading, at the top level; a
numbered one ("1. Inleiding", "II. Overige onderwerpen") keeps its number, unless it
follows a colon (then it is a list's first item). Where the headings are numbered by parts
("1.", "1.2"), the numbers give their levels, and a heading without a number goes under the
numbered one before it. A lettered block ("a. Bestuurlijke
afspraken ...") starts a paragraph of its own.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.importing.blocks import (
    MAX_HEADING,
    Block,
    caption,
    clean,
    cut_blocks,
    table_cells,
)
from briefing.importing.debris import Hyphenation
from briefing.importing.footnotes import Footnotes, note_glued_calls, place_footnotes
from briefing.importing.parsed import Body, DraftSection, FootnoteText, ItemList, Paragraph
from briefing.importing.tables import find_tables
from briefing.importing.text import (
    SourceLine,
    collapse,
    ends_sentence,
    is_bold,
    is_emphasised,
    sentences,
    slugify,
    starts_lower,
    starts_upper,
    strip_markup,
    unique_id,
)
from briefing.importing.wrapped import ends_short, line_room, paragraph_ends

#: Heading styles from the top level down, as a letter's PDF prints them.
_STYLES = ["bold", "plain", "emphasis"]
#: A question up to this length may be a heading ("Wat is gepast gebruik?").
_MAX_QUESTION = 80
#: The number in front of a numbered heading: "1. Inleiding", "2.3 Financiering", and the
#: Roman numeral of a geannoteerde agenda's parts ("I. Geannoteerde agenda", "II. Overig").
_HEADING_NUMBER_RE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})\.)\s+(?=\S)"
)
#: A heading's number by its parts: "1.", "1.2", "1.2.1" (not a Roman numeral's).
_HEADING_PARTS_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")
#: A heading that closes a letter, at the top level whatever the headings before it.
_CLOSING_RE = re.compile(
    r"^(?:tot slot|ten ?slotte|afsluitend|afronding|slot|conclusies?)$", re.IGNORECASE
)
#: A lettered item or subheading ("a. Bestuurlijke afspraken ...", "b) de ..."): it starts
#: in lower case, yet starts a block of its own.
_LETTERED_RE = re.compile(r"^[a-z][.)]\s+(?=\S)")
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
    annex = annex or []
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
    room = line_room([*lines, *annex])
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
        _find_headings(kept, marked, room)
        joined = _join_continuations(kept, hyphenation, room)
        read.append((joined, _sections(joined, marked, taken, intro)))
    _note_unmarked_headings([b for joined, _ in read for b in joined], marked, notes)
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


def _heading_like(block: Block) -> bool:
    """Whether a block reads like a heading: one or two lines, one sentence without a final
    full stop (or a short question), starting with a capital (after its number, when it is
    numbered), not a line in brackets ("(Beleidsdebat)" under a Council's agenda item)."""
    text = block.text
    title = _HEADING_NUMBER_RE.sub("", text)
    return (
        block.kind == "paragraph"
        and len(block.lines) <= 2
        and 2 <= len(text) <= MAX_HEADING
        and (not ends_sentence(text) or _question(text))
        and not text.endswith((",", "-"))
        and len(sentences(title)) == 1
        and starts_upper(title)
        and "<sup>" not in text
        and not (text.startswith("(") and text.endswith(")"))  # a note under a heading
    )


def _question(text: str) -> bool:
    return text.endswith("?") and len(text) <= _MAX_QUESTION


def _find_headings(blocks: list[Block], marked: bool, room: float | None) -> None:
    """Mark short lines between paragraphs as headings, when the text has no heading markup:
    after a paragraph's end, a heading or a list (whose items need no full stop); a question
    only where a paragraph follows and no heading ("Vraag 1") is just above it; not two lines
    whose second is wrapped full (a paragraph that a page break cut, the rest after it)."""
    if marked:
        return
    for index, block in enumerate(blocks):
        if not _heading_like(block) or caption(block.text):
            continue
        before = blocks[index - 1] if index else None
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if after is None:
            continue
        if len(block.lines) > 1 and not ends_short(block.lines[-1].text, after.text, room):
            continue
        before_ends = (
            before is None or before.kind in ("heading", "item") or ends_sentence(before.text)
        )
        if _HEADING_NUMBER_RE.match(block.text) and before and before.text.endswith(":"):
            continue  # the first item of a numbered list
        if _question(block.text) and (
            after.kind != "paragraph" or (before is not None and before.kind == "heading")
        ):
            continue
        after_starts = (
            after.kind in ("item", "heading")
            or starts_upper(after.text)
            or bool(_LETTERED_RE.match(after.text))
        )
        if before_ends and after_starts:
            block.kind = "heading"
            if is_bold(block.text) or is_emphasised(block.text):  # "*Energietransitie:*"
                block.style = "bold" if is_bold(block.text) else "emphasis"
                block.text = strip_markup(block.text)


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
            subheading = bool(_LETTERED_RE.match(last.text)) and len(last.lines) == 1
            continues = not _LETTERED_RE.match(block.text) and (
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


def _levels(blocks: list[Block], marked: bool) -> dict[int, int]:
    """The level of each heading (by its index in ``blocks``): by its number where the
    letter numbers its headings by parts ("1.", "1.2", "1.2.1"), else by its style."""
    headings = {index: block for index, block in enumerate(blocks) if block.kind == "heading"}
    if not marked and _numbered(blocks):
        return _numbered_levels(headings)
    styles = [s for s in _STYLES if any(b.style == s for b in headings.values())]
    levels: dict[int, int] = {}
    previous = 0
    for index, block in headings.items():
        wanted = styles.index(block.style) + 1 if marked or block.style != "plain" else 1
        levels[index] = previous = min(wanted, previous + 1, 3)
    return levels


def _numbered_levels(headings: dict[int, Block]) -> dict[int, int]:
    """The levels of headings numbered by parts: a number's parts give its level ("1.2" is
    under "1."). A heading without a number goes under the numbered one before it, one level
    down in the numbered headings' style ("Problematiek" under "1.1"), two in another;
    a closing heading ("Tot slot") is at the top."""
    depths = {index: _depth(block.text) for index, block in headings.items()}
    numbered = Counter(headings[index].style for index, depth in depths.items() if depth)
    style = numbered.most_common(1)[0][0]
    levels: dict[int, int] = {}
    previous = above = 0
    for index, block in headings.items():
        if depths[index]:
            wanted = above = min(depths[index], previous + 1)
        elif _CLOSING_RE.match(block.text):
            wanted = above = 1
        else:
            wanted = above + (1 if block.style == style else 2)
        levels[index] = previous = min(wanted, previous + 1, 3)
    return levels


def _numbered(blocks: list[Block]) -> bool:
    """Whether the letter numbers its headings by parts: one of them at least "1.2"."""
    return any(block.kind == "heading" and _depth(block.text) > 1 for block in blocks)


def _depth(text: str) -> int:
    """How many parts a heading's number has ("1." one, "1.2" two); 0 without a number."""
    match = _HEADING_PARTS_RE.match(text)
    return len(match[1].split(".")) if match else 0


def _sections(blocks: list[Block], marked: bool, taken: set[str], intro: str) -> list[DraftSection]:
    """The sections the blocks make, under their headings (the text before the first heading
    a section ``intro`` without one), with ids not in ``taken`` (which get them)."""
    top: list[DraftSection] = []
    stack: list[DraftSection] = []
    levels = _levels(blocks, marked)
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


def _note_unmarked_headings(blocks: list[Block], marked: bool, notes: list[str]) -> None:
    """Say, once, that headings were told by their look in a text without heading markup."""
    headings = [b for b in blocks if b.kind == "heading"]
    if not marked and len(headings) > 1:
        nested = (
            "nested by their numbers ('1.2' under '1.'), the others under the numbered heading "
            "before them: check them and their levels"
            if _numbered(blocks)
            else "all at the top level: check them, and nest subsections where the letter "
            "nests them"
        )
        notes.append(
            f"line {headings[0].line}: the text has no heading markup; {len(headings)} short "
            f"lines between paragraphs were taken for headings, {nested}"
        )


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
