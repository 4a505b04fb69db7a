"""Where the paragraphs end in a text printed as wrapped lines with no blank line between them.

tweedekamer.nl prints a letter that way: every line wrapped at about one width, nothing
between paragraphs or around headings (or, in some letters, a line of spaces between some
paragraphs but none after a heading). A line wrapped there is full (the next word did not
fit), so a line that ends well short of the width ends its paragraph, or is a heading.
"""

from __future__ import annotations

import re
import statistics

from briefing.importing.text import SourceLine, ends_sentence, starts_upper

#: A line shorter than this share of the width the lines wrap at (with the next word added)
#: ends a paragraph; at least this many wrapped lines must tell the width.
_SHORT_LINE = 0.9
_WRAPPED_ENOUGH = 3
#: A run of this many lines without a blank one is more than a paragraph: the text parts its
#: blocks by blank lines but not its paragraphs (a PDF's text in reading order).
_LONG_RUN = 12
#: No site wraps a line this long: a text with no blank line that holds most of its words
#: in such lines gives each paragraph on a line of its own.
_UNWRAPPED = 200
#: Words that open a sentence and that no wrapped line of one starts with in capitals.
_OPENERS = frozenset(
    "De Het Een Dit Deze Dat Die Wij We Ik Er Daarnaast Daarom Ook".split()  # noqa: SIM905
)
#: A list's item: after a bullet or a dash, numbered ("1. De aanpak in de opvang") or
#: lettered ("a. Eindhoven Airport").
ITEM_RE = re.compile(r"^(?:[-\u2022\u25aa\u00b7\u2013*]|\d{1,2}[.)]|[a-z][.)])\s+\S")


def paragraph_ends(
    lines: list[SourceLine], annex: list[SourceLine] | None = None
) -> list[SourceLine]:
    """``lines`` with a blank line after each line that ends a paragraph or a heading where
    the text has no blank line; unchanged when too few wrapped lines tell the width by (the
    lines of an ``annex`` after the signature, wrapped alike, count too).

    A line of white space is a blank line, and those before and after the text do not count.
    In a text without one, a line ends its paragraph when it ends well short of the width,
    with room to spare for the next line's first word; when it ends a sentence and a heading
    follows (one or two lines without a full stop, the last of them short); and when it ends
    a sentence and is longer than every wrapped line (the site leaves text that a template
    filled in unwrapped); a text that holds most of its words in lines longer than any site
    wraps gives each paragraph and heading on a line of its own. In a text with blank lines,
    these end the paragraphs, and only a heading that a paragraph follows without one is set
    apart (at a run's start, or after a list whose last item ends short), as is a line that
    repeats an item of an outline listed earlier (a part's heading); but where a run is so long
    that it holds more than a paragraph, the text parts its blocks, not its paragraphs (a PDF's
    text in reading order), and in each of its runs, long or short, a short line that ends a
    sentence ends a paragraph, and so do the headings after it, outside lists. The width is the
    median length of the lines that end no sentence, are not the last before a blank line and
    start no list's item.
    """
    texts = [line.text.strip() for line in lines]
    runs = _runs(texts)
    wrapped = _wrapped_lengths(texts) + _wrapped_lengths(
        [line.text.strip() for line in annex or []]
    )
    if len(runs) == 1 and _unwrapped(texts):
        ends = set(range(runs[0][0], runs[0][1] - 1))  # each line a paragraph or a heading
    elif len(wrapped) < _WRAPPED_ENOUGH:
        return lines
    elif len(runs) == 1:
        room, widest = _SHORT_LINE * statistics.median(wrapped), max(wrapped)
        start, end = runs[0]
        ends = {start + i for i in _ends(texts[start:end], room, widest)}
    else:
        room = _SHORT_LINE * statistics.median(wrapped)
        ends = {start + i for start, end in runs for i in _heading_ends(texts[start:end], room)}
        if any(end - start >= _LONG_RUN for start, end in runs):
            ends |= {
                start + i for start, end in runs for i in _sentence_ends(texts[start:end], room)
            }
    ends |= _outline_headings(texts)
    if not ends:
        return lines
    spaced: list[SourceLine] = []
    for index, line in enumerate(lines):
        spaced.append(line)
        if index in ends:
            spaced.append(SourceLine(line.number, ""))
    return spaced


def _outline_headings(texts: list[str]) -> set[int]:
    """The lines that repeat an item of an outline listed earlier, with a line after them:
    the headings of the parts it lists ("a. Eindhoven Airport" above its first paragraph)."""
    listed: set[str] = set()
    found: set[int] = set()
    for index, text in enumerate(texts):
        if not ITEM_RE.match(text):
            continue
        topic = text.rstrip(":")
        if topic in listed and index + 1 < len(texts) and texts[index + 1]:
            found.add(index)
        listed.add(topic)
    return found


def _unwrapped(texts: list[str]) -> bool:
    """Whether most of the text is in lines longer than any site wraps."""
    long = sum(len(text) for text in texts if len(text) > _UNWRAPPED)
    return long * 2 > sum(len(text) for text in texts)


def line_room(lines: list[SourceLine]) -> float | None:
    """The length under which a line of ``lines`` (with the next word) ends short of the width
    the lines wrap at; ``None`` when too few lines are wrapped to tell, as in a web page's copy
    that gives each paragraph on one line."""
    wrapped = _wrapped_lengths([line.text.strip() for line in lines])
    return _SHORT_LINE * statistics.median(wrapped) if len(wrapped) >= _WRAPPED_ENOUGH else None


def ends_short(text: str, following: str, room: float | None) -> bool:
    """Whether the line ``text`` ends well short of the width, with room for the first word of
    ``following``: then it ends its paragraph, and no page break cut it (so too in a text whose
    lines are not wrapped)."""
    words = following.split()
    return room is None or len(text.strip()) + 1 + len(words[0] if words else "") < room


def _wrapped_lengths(texts: list[str]) -> list[int]:
    """The lengths of the lines that end no sentence, are not the last before a blank and
    start no list's item (an outline's items end short without a full stop)."""
    return [
        len(texts[index])
        for start, end in _runs(texts)
        for index in range(start, end - 1)
        if not ends_sentence(texts[index]) and not ITEM_RE.match(texts[index])
    ]


def _runs(texts: list[str]) -> list[tuple[int, int]]:
    """The runs of non-blank lines in ``texts``, as (start, end) indexes."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, text in enumerate([*texts, ""]):
        if text and start is None:
            start = index
        elif not text and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _short(texts: list[str], room: float) -> list[bool]:
    """Which lines of a run end well short of the width, with room for the next one's first
    word (the run's last line is not counted)."""
    after = [*texts[1:], ""]
    return [
        bool(n) and len(t) + 1 + len(n.split()[0]) < room for t, n in zip(texts, after, strict=True)
    ]


def _ends(texts: list[str], room: float, widest: int) -> list[int]:
    """The indexes of the lines of a run (``texts``, none blank) that end a paragraph."""
    short = _short(texts, room)
    ends: list[int] = []
    for index, text in enumerate(texts[:-1]):
        sentence_ends = ends_sentence(text)
        heading_next = _heading_at(texts, short, index + 1) is not None
        if short[index] or (sentence_ends and (len(text) > widest or heading_next)):
            ends.append(index)
    return ends


def _sentence_ends(texts: list[str], room: float) -> list[int]:
    """The indexes of the lines of a run (``texts``) that end a paragraph: a line that ends
    a sentence, neither it nor the next a list's item, where it is short or a heading follows
    it, and the headings after it."""
    short = _short(texts, room)
    ends: list[int] = []
    for index, text in enumerate(texts[:-1]):
        listed = ITEM_RE.match(text) or ITEM_RE.match(texts[index + 1])
        if listed or not ends_sentence(text):
            continue
        headings = _headings_at(texts, short, index + 1)
        if short[index] or headings:
            ends.append(index)
            ends += [end for end in headings if end < len(texts) - 1]
    return ends


def _heading_ends(texts: list[str], room: float) -> list[int]:
    """The last lines of the headings that a paragraph follows without a blank line: those
    that start a run, or come right after a list's last item (a short line)."""
    short = _short(texts, room)
    starts = [0] + [
        index
        for index in range(1, len(texts))
        if ITEM_RE.match(texts[index - 1]) and short[index - 1] and not ITEM_RE.match(texts[index])
    ]
    return [end for start in starts for end in _headings_at(texts, short, start)]


def _headings_at(texts: list[str], short: list[bool], start: int) -> list[int]:
    """Where the headings that start at ``texts[start]`` end: the heading there and each that
    follows it right under, as a part's heading, its subheading and the one under that may
    stand ("1.1 Voldoende en schoon (zoet)water", "Problematiek", "Minder water, meer
    vraag"); one after another does not end with a colon (a list's lead-in)."""
    ends: list[int] = []
    end = _heading_at(texts, short, start)
    while end is not None:
        ends.append(end)
        end = _heading_at(texts, short, end + 1)
        if end is not None and texts[end].endswith(":"):
            break
    return ends


def _heading_at(texts: list[str], short: list[bool], start: int) -> int | None:
    """Where the heading that starts at ``texts[start]`` ends: one or two lines that start with
    a capital and end no sentence, the last of them short, or one such line, however long,
    over a line that opens a sentence; ``None`` when none starts there."""
    if start >= len(texts) or not starts_upper(texts[start]):
        return None
    for end in (start, start + 1):
        if end >= len(texts) or ends_sentence(texts[end]):
            return None
        if short[end] or (end == start and _opens_sentence(texts[end + 1 :])):
            return end
    return None


def _opens_sentence(after: list[str]) -> bool:
    """Whether the first of the lines ``after`` a line opens a sentence, as no line of a
    sentence wrapped over lines does: with an article, a pronoun or a conjunction in
    capitals, the next word in lower case ("De missies en de uitwerking ...")."""
    words = after[0].split()[:2] if after else []
    return len(words) == 2 and words[0] in _OPENERS and words[1][:1].islower()
