"""A PDF viewer's copy of a ministry's letter: what "select all, copy" in Chrome's or Edge's
viewer (PDFium's text) gives, pasted into a text file; other viewers were not tried.

Such a copy gives each page's text in the order the page's content was drawn, with no blank
line anywhere: the page's body first, then the letterhead's parts, out of place. The
ministry's name and the list's bullets (alone on their lines, apart from their items), the
footnotes, then the reference column (directorate, addresses, "Onze referentie" ...,
"Pagina 1 van 4") come after the body's text on every page, after the signature on the last;
a word processor's PDF gives the column after "Pagina N van M", in the middle of a sentence.
The first column is taken back above the salutation, where the head is read; its repeats
and the ministry's name are taken out of the body; the lone bullets go back before the items
they mark where these can be told (else out, with a note); the footnotes at a page's foot
and the numbers glued to the words that call them are marked as the PDF raises them.
"""

from __future__ import annotations

import re

from briefing.importing.letterhead import LABEL_RE, date_line, is_label
from briefing.importing.page_feet import PAGE_RE, footnotes_set_apart, parts
from briefing.importing.reference_column import is_address, is_value, plain
from briefing.importing.text import LONE_BULLETS, SourceLine
from briefing.model import UNKNOWN

#: The bullets a list prints: a glyph marks an item alone too (a list of one item, or a
#: list's items on a new page); a dash only beside others.
_GLYPHS = "".join(LONE_BULLETS)
_GLYPH_RE = re.compile(f"^[{_GLYPHS}]$")
_BULLET_RE = re.compile(f"^[{_GLYPHS}\u2013-]$")
#: A line of the directorate's name: short, not a sentence's end, no figure or bullet first.
_DIRECTORATE_RE = re.compile(r"^[A-Za-z][^.:;,!?]{0,44}$")
#: A line that goes on after a footnote's mark ("gepresenteerd.1", " In de stuurgroep"):
#: the copy breaks the line after a raised figure.
_AFTER_MARK_RE = re.compile(r"^(?: \S|[.,;:)])")
#: A label's value on the line under it: short, not a sentence.
_VALUE_RE = re.compile(r"^[^.:;!?]{1,40}$")
#: The ministry's name as the letterhead prints it, its second line if it wraps.
_MINISTRY_RE = re.compile(r"^Ministerie van\s")
_MINISTRY_GOES_ON_RE = re.compile(r"(?:\ben|,)$")


def is_viewer_copy(lines: list[SourceLine]) -> bool:
    """Whether ``lines`` are a viewer's copy: a page's "Pagina N van M" beside a line of the
    reference column, and no blank line among them."""
    texts = [plain(line.text) for line in lines]
    while texts and not texts[-1]:
        texts.pop()
    if not texts or not all(texts):
        return False
    return any(
        PAGE_RE.match(text) and _column_beside(texts, index) for index, text in enumerate(texts)
    )


def _column_beside(texts: list[str], index: int) -> bool:
    near = texts[max(0, index - 1) : index + 2]
    return any(LABEL_RE.match(t) or is_address(t) or t == UNKNOWN for t in near)


def head_taken_back(lines: list[SourceLine], salutation: int, notes: list[str]) -> list[SourceLine]:
    """The copy's ``lines`` with the first page's column (and the ministry's name) above the
    ``salutation`` in blocks of their own, the columns' repeats and the ministry's name out
    of the body, the lone bullets before the items they mark (or out, with a note), and
    lines broken after a footnote's mark joined."""
    lines = _marks_joined(lines)
    texts = [plain(line.text) for line in lines]
    taken: set[int] = set()
    blocks: list[list[int]] = []
    for index, text in enumerate(texts):
        if index > salutation and PAGE_RE.match(text):
            block = _column_around(texts, index, blocks[0] if blocks else None)
            blocks.append(block)
            taken.update(block)
    ministry = _ministry(texts, salutation)
    taken.update(ministry)
    bullets = _lone_bullets(texts, salutation)
    taken.update(bullets)
    lines = _bullets_given_back(lines, texts, bullets, taken, notes)
    lines = footnotes_set_apart(lines, texts, [b[0] for b in blocks], taken, salutation, notes)
    blank = SourceLine(lines[salutation].number, "")
    head = [*lines[:salutation], blank]
    if ministry:
        name = " ".join(texts[i] for i in ministry)
        head += [SourceLine(lines[ministry[0]].number, name), blank]
    if blocks:
        head += [lines[i] for i in blocks[0] if not PAGE_RE.match(texts[i])]
        head += [*_later_references(lines, texts, blocks), blank]
    rest = [
        part
        for i, line in enumerate(lines)
        if i >= salutation and i not in taken
        for part in parts(line)
    ]
    return head + rest


def _later_references(
    lines: list[SourceLine], texts: list[str], blocks: list[list[int]]
) -> list[SourceLine]:
    """The references ("Onze referentie") that only a later page's column gives, under their
    label, to be read with the head's as the letter's."""
    known = {texts[i] for i in blocks[0]}
    found: list[SourceLine] = []
    for block in blocks[1:]:
        column = [texts[i] for i in block]
        for at, index in enumerate(block):
            label = next((t for t in reversed(column[:at]) if LABEL_RE.match(t)), "")
            if (
                is_value(column, at)
                and label.lower().startswith(("onze", "ons"))
                and column[at] not in known
            ):
                known.add(column[at])
                found += [SourceLine(lines[index].number, label), lines[index]]
    return found


def _marks_joined(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` where a line broken after a footnote's raised figure goes on: the rest of
    the line is put back after the figure ("brief1" + "." is "brief1.")."""
    out: list[SourceLine] = []
    for line in lines:
        if out and out[-1].text.rstrip()[-1:].isdigit() and _AFTER_MARK_RE.match(line.text):
            last = out[-1]
            out[-1] = SourceLine(last.number, last.text.rstrip() + line.text, last.cells)
        else:
            out.append(line)
    return out


def _column_around(texts: list[str], page: int, first: list[int] | None) -> list[int]:
    """The indexes of the column printed with the page's ``page`` line: its lines before it
    (the order of a letter built in the house style) or after it (a word processor's)."""
    known = {texts[i] for i in first} if first else set()
    start = page
    while start > 0 and _in_column(texts, start - 1, known, first is None):
        start -= 1
    end = page + 1
    while end < len(texts) and _in_column(texts, end, known, first is None):
        end += 1
    return list(range(start, end))


def _in_column(texts: list[str], index: int, known: set[str], first: bool) -> bool:
    """Whether ``texts[index]`` belongs to a page's column: a label, a reference under its
    label, an address, the date under "Datum", a line the ``first`` page's column has, or
    (that column's) the directorate's name above the addresses."""
    text = texts[index]
    if LABEL_RE.match(text) or is_address(text) or text == UNKNOWN or text in known:
        return True
    before = texts[max(0, index - 8) : index + 1]
    if is_value(before, len(before) - 1) or (date_line(text) and before[-2:-1] == ["Datum"]):
        return True
    if len(before) > 1 and is_label(before[-2]) and _VALUE_RE.match(text):
        return True
    if not first or not _DIRECTORATE_RE.match(text) or _MINISTRY_RE.match(text):
        return False
    # the directorate's name: at most three lines, right above the addresses or labels
    below = texts[index + 1 : index + 4]
    return any(is_address(t) or LABEL_RE.match(t) for t in below)


def _ministry(texts: list[str], salutation: int) -> list[int]:
    """The indexes of the ministry's name after the salutation, as the copy puts it after
    the first page's text (on one line, or two where it wraps)."""
    for index in range(salutation + 1, len(texts)):
        if _MINISTRY_RE.match(texts[index]) and not texts[index].endswith("."):
            if _MINISTRY_GOES_ON_RE.search(texts[index]) and index + 1 < len(texts):
                return [index, index + 1]
            return [index]
    return []


def _lone_bullets(texts: list[str], salutation: int) -> list[int]:
    """The indexes of bullets alone on their lines in a run after the page's text, apart
    from the items they mark."""
    return [
        index
        for index in range(salutation + 1, len(texts))
        if _BULLET_RE.match(texts[index])
        and (
            _GLYPH_RE.match(texts[index])
            or any(
                _BULLET_RE.match(t) for t in texts[index - 1 : index] + texts[index + 1 : index + 2]
            )
        )
    ]


def _bullets_given_back(
    lines: list[SourceLine],
    texts: list[str],
    bullets: list[int],
    taken: set[int],
    notes: list[str],
) -> list[SourceLine]:
    """``lines`` with each run of lone ``bullets`` put before the items it marks: the
    lines after a list's lead (a line that ends with ":") and after each item's end ("," or
    ";"), in the page's text before the run, when there are as many as bullets. A run
    that cannot be matched so is left out, with a note."""
    out = list(lines)
    runs: list[list[int]] = []
    for index in bullets:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    page_start = 0
    for run in runs:
        page = [i for i in range(page_start, run[0]) if i not in taken]
        # a list that goes on from the page before, whose text ended with an item or the lead
        last = next((i for i in reversed(range(page[0])) if i not in taken), None) if page else None
        goes_on = page_start > 0 and last is not None and texts[last].endswith((",", ";", ":"))
        starts = _item_starts(texts, page, len(run), goes_on)
        if starts is None:
            alone = f"{len(run)} bullets alone on their lines" if run[1:] else "a bullet alone"
            notes.append(
                f"line {lines[run[0]].number}: {alone} (a PDF viewer's copy gives a list's "
                "bullets after the page's text) left out: the copy does not say which lines they "
                "mark; mark the list's items with '• '"
            )
        for start in starts or []:
            line = out[start]
            out[start] = SourceLine(line.number, f"• {line.text.lstrip()}", line.cells)
        page_start = run[-1] + 1
    return out


def _item_starts(texts: list[str], page: list[int], count: int, goes_on: bool) -> list[int] | None:
    """The indexes (in ``page``) of a list's ``count`` items after the list's lead (a line
    that ends with ":" or "?"), or from the page's first line where a list ``goes_on`` from
    the page before, each starting with a capital or as the first does: the first item's
    line and each line after an item's "," or ";" up to the first sentence's end; or, where
    the list runs to the page's end, each line after a short line that ends a sentence."""
    full = max((len(texts[i]) for i in page), default=0)
    leads = [
        at + 1
        for at, index in enumerate(page)
        if texts[index].endswith((":", "?")) and at + 1 < len(page)
    ]
    for first_item in leads + ([0] if goes_on and page else []):
        items = page[first_item:]
        first = texts[items[0]].split()[0]
        starting = [
            after
            for after in items[1:]
            if (word := texts[after].split()[0]) == first or word[0].isupper()
        ]
        punctuated = [items[0]]
        for after in starting:
            if any(texts[i].endswith((".", ":", "!", "?")) for i in range(punctuated[-1], after)):
                break
            if texts[after - 1].endswith((",", ";")):
                punctuated.append(after)
        if len(punctuated) == count:
            return punctuated
        sentences = [items[0]] + [
            after
            for after in starting
            if texts[after - 1].endswith((".", "!", "?")) and len(texts[after - 1]) < 0.8 * full
        ]
        if len(sentences) == count:
            return sentences
    return None
