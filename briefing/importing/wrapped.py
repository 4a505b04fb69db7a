"""Where the paragraphs end in a text printed as wrapped lines with no blank line between them.

tweedekamer.nl prints a letter that way: every line wrapped at about one width, nothing
between paragraphs or around headings. A line wrapped there is full (the next word did not
fit), so a line that ends well short of the width ends its paragraph, or is a heading.
"""

from __future__ import annotations

import statistics

from briefing.importing.text import TERMINAL_RE, SourceLine, starts_upper

#: A line shorter than this share of the width the lines wrap at (with the next word added)
#: ends a paragraph; at least this many wrapped lines must tell the width.
_SHORT_LINE = 0.9
_WRAPPED_ENOUGH = 3


def paragraph_ends(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with a blank line after each line that ends a paragraph; unchanged when they
    hold a blank line already, or too few wrapped lines to tell the width by.

    A line ends its paragraph when it ends well short of the width, with room to spare for
    the next line's first word; when it ends a sentence and a heading follows (one or two
    lines without a full stop, the last of them short); and when it ends a sentence and is
    longer than every wrapped line (the site leaves text that a template filled in unwrapped).
    The width is the median length of the lines that end no sentence.
    """
    texts = [line.text.strip() for line in lines]
    if not texts or not all(texts):
        return lines
    wrapped = [len(text) for text in texts[:-1] if not TERMINAL_RE.search(text)]
    if len(wrapped) < _WRAPPED_ENOUGH:
        return lines
    room, widest = _SHORT_LINE * statistics.median(wrapped), max(wrapped)
    after = [*texts[1:], ""]
    short = [
        bool(n) and len(t) + 1 + len(n.split()[0]) < room for t, n in zip(texts, after, strict=True)
    ]
    spaced: list[SourceLine] = []
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        spaced.append(line)
        if not after[index]:
            continue
        ends_sentence = TERMINAL_RE.search(text) is not None
        heading_next = _heading_at(texts, short, index + 1)
        if short[index] or (ends_sentence and (len(text) > widest or heading_next)):
            spaced.append(SourceLine(line.number, ""))
    return spaced


def _heading_at(texts: list[str], short: list[bool], start: int) -> bool:
    """Whether a heading starts at ``texts[start]``: one or two lines that start with a capital
    and end no sentence, the last of them short."""
    if start >= len(texts) or not starts_upper(texts[start]):
        return False
    for end in (start, start + 1):
        if end >= len(texts) or TERMINAL_RE.search(texts[end]):
            return False
        if short[end]:
            return True
    return False
