"""A list's items among a letter's body lines: where an item starts and where it ends.

A line after a bullet that only a list prints ("•", "▪") is an item wherever it stands, also
after a question; after a dash, at the start of a block, after a colon or in a list (a wrapped
line may start with a dash); after a number ("1. De aanpak in de opvang"), under a lead-in that
ends in a colon or as the next number of a numbered list, so that a numbered heading ("1.
Inleiding") after a paragraph stays a heading; after a letter ("a. Eindhoven Airport") under a
line that ends in a colon or as the next letter in a list. An item goes on over the lines
after it, unless its last line ends short of the width and the next starts a sentence: then a
heading or a paragraph follows the list.

A PDF's text in reading order may have lost a list's bullets altogether; a list still shows
where a lead-in that ends in a colon has three or more items under it, each starting with a
capital on a line of its own, every one but the last ending in a semicolon and the last in a
full stop; so do such items after a bulleted one that ends in a semicolon, where only the
last items lost theirs (:func:`unmarked_items`).
"""

from __future__ import annotations

import re

from briefing.importing.text import SourceLine, starts_lower
from briefing.importing.wrapped import ITEM_RE, ends_short

BULLET_RE = re.compile(r"^(?:[-\u2022\u25aa\u00b7\u2013]|\*(?=\s))\s+(?=\S)")
#: A bullet that only a list prints (not a dash, which a wrapped line may start with).
_SURE_BULLET_RE = re.compile(r"^[\u2022\u25aa\u00b7\u25e6]\s+(?=\S)")
#: A sub-item's bullet ("o", a word processor's second-level bullet; "◦", a browser's): an
#: item only in a list.
SUB_BULLET_RE = re.compile(r"^[o\u25e6]\s+(?=\S)")
#: The fewest items a list whose bullets were lost has: two can be a sentence's two halves.
_UNMARKED_ITEMS = 3
#: The most lines such an item wraps over.
_UNMARKED_ITEM_LINES = 3
#: How such an item ends, when another follows it.
_ITEM_ENDS = (";", "; en", "; of")
#: A numbered list's item ("1. De aanpak in de opvang;", "2) ..."): its number.
_NUMBERED_RE = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
#: A lettered item, under a lead-in or a numbered item that ends in a colon ("1. Regionale
#: luchthavens:" over "a. Rotterdam The Hague Airport", "b. Eindhoven Airport"): its letter.
_LETTERED_RE = re.compile(r"^([a-z])[.)]\s+(?=\S)")


def starts_item(text: str, previous: str, block: str, in_list: bool, last_number: str) -> bool:
    """Whether the line ``text`` starts a list's item: ``previous`` is the line before it
    (empty after a blank line), ``block`` the text of the block before it, ``in_list`` whether
    the line before is an item's and ``last_number`` the number of the item before it, if that
    is numbered."""
    if _SURE_BULLET_RE.match(text):
        return True
    if BULLET_RE.match(text):
        return not previous or previous.endswith(":") or in_list
    number = _NUMBERED_RE.match(text) or _LETTERED_RE.match(text)
    if number is None or not block:
        return False
    if number[1].isdigit():
        figures = _figures(last_number)
        following = bool(figures) and int(number[1]) == int(figures) + 1
    else:
        letter = last_number[len(_figures(last_number)) :]
        following = in_list and letter != "" and ord(number[1]) == ord(letter) + 1
    return (previous or block).endswith(":") or following


def _figures(number: str) -> str:
    """The figures a list's item number starts with: "2" of "2" and of "2b"."""
    return re.match(r"\d*", number)[0]  # type: ignore[index]


def item_text(text: str, last_number: str = "") -> tuple[str, str]:
    """The item's text (without its bullet; a numbered or lettered item's with its number or
    letter) and its number (empty for a bulleted item; a lettered item's after that of the
    numbered item it is under, ``last_number``: "1a"); a sub-item's bullet before a number or
    letter ("◦ 2. ...", as a list inside an item is read from a page or the XML) goes."""
    sub = SUB_BULLET_RE.match(text)
    if sub and (_NUMBERED_RE.match(text[sub.end() :]) or _LETTERED_RE.match(text[sub.end() :])):
        text = text[sub.end() :]
    number = _NUMBERED_RE.match(text)
    if number:
        return text, number[1]
    letter = _LETTERED_RE.match(text)
    if letter:
        return text, _figures(last_number) + letter[1]
    return (BULLET_RE if BULLET_RE.match(text) else SUB_BULLET_RE).sub("", text), ""


def marker(text: str) -> str:
    """The kind of mark an item's line ``text`` starts with: "1" for a number, "a" for a
    letter, "o" for a sub-item's bullet, else the bullet itself (a bullet, a dash)."""
    if _NUMBERED_RE.match(text):
        return "1"
    if _LETTERED_RE.match(text):
        return "a"
    if SUB_BULLET_RE.match(text):
        return "o"
    return text[:1]


#: How deep a list nests under the section's list.
MAX_LEVEL = 2


def item_level(mark: str, indent: int, above: list[tuple[str, int, int]], lead_in: bool) -> int:
    """The level of an item (0 for the list's own, 1 for one under an item, 2 under that), from its
    ``mark`` (see :func:`marker`) and ``indent`` (the spaces before it) and the items ``above``
    it in its list, as (mark, indent, level); ``lead_in`` says whether the item right above ends
    in a colon. An item indented further than the one above stands under it, where its mark
    differs or that item ends in a colon (a copy may indent a list's next item as it indents a
    wrapped line), and one indented less returns to the level indented so; at the same indent,
    the mark of the item above keeps its level, the mark of a level open above returns to that
    level, and another mark goes one level down after a colon, or where it is a sub-item's own
    ("o", a letter under a number)."""
    if not above:
        return 0
    last_mark, last_indent, last_level = above[-1]
    opened: dict[int, tuple[str, int]] = {}
    for item_mark, item_indent, level in above:
        opened = {k: v for k, v in opened.items() if k < level}
        opened[level] = (item_mark, item_indent)
    if indent > last_indent + 1 and (mark != last_mark or lead_in):
        return min(last_level + 1, MAX_LEVEL)
    if indent < last_indent - 1:
        return max((k for k, (_, i) in opened.items() if i <= indent + 1), default=0)
    if mark == last_mark:
        return last_level
    same = [k for k, (m, _) in opened.items() if m == mark]
    if same:
        return min(same)
    under = mark == "o" or (mark == "a" and last_mark == "1")
    if lead_in or under:
        return min(last_level + 1, MAX_LEVEL)
    return last_level


def ends_item(last_line: str, text: str, room: float | None) -> bool:
    """Whether the line ``text`` after an item whose last line is ``last_line`` starts a block
    of its own: the item's line ends short of the width, and ``text`` does not go on in lower
    case."""
    return not starts_lower(text) and ends_short(last_line, text, room)


def unmarked_items(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with a bullet put before each item of a list that lost its bullets: under a
    line that ends in a colon, three or more items, each on lines of its own that start with
    a capital (the item's first) or go on in lower case or with a figure ("2050."), every
    item but the last ending in a semicolon ("; en", "; of") and the last in a full stop; so
    too the items so printed after an item with its bullet or dash that ends in a semicolon,
    where the conversion lost the bullets of a list's last items only."""
    texts = [line.text.strip() for line in lines]
    bullets: dict[int, str] = {}  # each item's first line: the bullet it gets
    for index, text in enumerate(texts):
        if text.endswith(":") and not ITEM_RE.match(text):
            bullets.update(
                dict.fromkeys(_unmarked_list(texts, index + 1, _UNMARKED_ITEMS), "\u2022")
            )
        elif text.endswith(_ITEM_ENDS) and (above := _bulleted_item(texts, index)) is not None:
            bullets.update(dict.fromkeys(_unmarked_list(texts, index + 1, 1), texts[above][0]))
    out = list(lines)
    for index, bullet in bullets.items():
        line = out[index]
        indent = line.text[: len(line.text) - len(line.text.lstrip())]
        out[index] = SourceLine(line.number, f"{indent}{bullet} {line.text.lstrip()}", line.cells)
    return out


def _unmarked_list(texts: list[str], start: int, fewest: int) -> list[int]:
    """The first lines of the items of a list without bullets that starts at ``texts[start]``
    (see :func:`unmarked_items`); none where no such list of at least ``fewest`` items starts
    there."""
    items: list[int] = []
    at = start
    while at < len(texts) and texts[at][:1].isupper() and not ITEM_RE.match(texts[at]):
        end = at
        while (
            not texts[end].endswith((*_ITEM_ENDS, "."))
            and end + 1 - at < _UNMARKED_ITEM_LINES
            and _goes_on(texts[end + 1 :])
        ):
            end += 1
        if texts[end].endswith(_ITEM_ENDS):
            items.append(at)
            at = end + 1
        elif texts[end].endswith("."):
            items.append(at)
            return items if len(items) >= fewest else []
        else:
            return []
    return []


def _bulleted_item(texts: list[str], end: int) -> int | None:
    """The first line of the item marked with a bullet or a dash whose last line is
    ``texts[end]``: that line, or one at most two lines above it that the lines after go on
    from; ``None`` when ``texts[end]`` ends no such item."""
    for start in range(end, max(end - _UNMARKED_ITEM_LINES, -1), -1):
        if BULLET_RE.match(texts[start]):
            return start
        if not _goes_on(texts[start:]):
            return None
    return None


def _goes_on(after: list[str]) -> bool:
    """Whether the first of the lines ``after`` an item's line goes on with that item: in
    lower case, or with a figure."""
    return bool(after) and (after[0][:1].islower() or after[0][:1].isdigit())
