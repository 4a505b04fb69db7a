"""Headings in a letter's body: which short blocks are headings, where the text has no
heading markup, and the level of each.

Without markup, a short line without a full stop (or a short question) between two
paragraphs is a heading; a numbered one ("1. Inleiding", "II. Overige onderwerpen") keeps
its number, unless it follows a colon (then it is a list's first item); a figure's or a
table's caption is none, nor is a lead-in to a list numbered with a colon ("2: Substitutie")
where another of its series ends with a colon ("1: Vermindering gebruik grondstoffen:").
The markup, or a heading's look, gives its level: bold headings above plain ones above
headings in emphasis, as a letter's PDF prints them. Where the
headings are numbered by parts ("1.", "1.2"), the numbers give their levels, and a heading
without a number goes under the numbered one before it, unless it closes the letter ("Tot
slot") or follows parts written to one pattern with a heading none of them has. A part's
number that a PDF's text sets on a line of its own ("1.2") is put before its title first. A
topic that an item of an outline listed with what it is about ("Energietransitie: Nederland
klimaatneutraal in 2050;") heads its part, also on a line of its own with its colon, and
such parts go under the heading before the first of them.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.importing.blocks import MAX_HEADING, Block, caption
from briefing.importing.text import (
    SourceLine,
    ends_sentence,
    is_bold,
    is_emphasised,
    sentences,
    starts_upper,
    strip_markup,
)
from briefing.importing.wrapped import ends_short

#: The most words an outline's item gives its topic in, before the colon.
_TOPIC_WORDS = 6
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
#: A number with a colon in front of a block: "2: Substitutie".
_COLON_NUMBER_RE = re.compile(r"^(\d{1,2}):\s+\S")
#: A lettered item or subheading ("a. Bestuurlijke afspraken ...", "b) de ..."): it starts
#: in lower case, yet starts a block of its own.
LETTERED_RE = re.compile(r"^[a-z][.)]\s+(?=\S)")


#: A heading's number by its parts alone on its line, as a PDF's text in reading order may set
#: it apart from its title ("1.2", a blank line, "Blootstelling van platformmedewerkers ...").
_LONE_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+$")
#: The lines after a lone number in which its title is looked for: blank ones only between,
#: where the debris of a page break (its head, the reference column) was.
_TITLE_WITHIN = 12


def numbers_joined(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with a heading's number by its parts that stands alone on its line put before
    its title, the next line with text when only blank lines part them (also where a page
    break's debris was taken out) and it starts with a capital; the number's line is left
    blank."""
    out = list(lines)
    for index, line in enumerate(lines):
        if not _LONE_NUMBER_RE.match(line.text.strip()):
            continue
        after = range(index + 1, min(index + 1 + _TITLE_WITHIN, len(out)))
        title = next((n for n in after if out[n].text.strip()), None)
        if title is None or not starts_upper(out[title].text.strip()):
            continue
        out[title] = SourceLine(
            out[title].number, f"{line.text.strip()} {out[title].text.lstrip()}", out[title].cells
        )
        out[index] = SourceLine(line.number, "")
    return out


#: Words no title ends with, that a wrapped line may: articles, conjunctions and prepositions
#: that never close a Dutch sentence ("Leden: deskundigen uit de" over the rest of its box).
_OPEN_ENDS = frozenset(
    "de het een en of van voor met te bij naar tot als dat die der den".split()  # noqa: SIM905
)


def _heading_like(block: Block) -> bool:
    """Whether a block reads like a heading: one or two lines, one sentence without a final
    full stop (or a short question), starting with a capital (after its number, when it is
    numbered), not a line in brackets ("(Beleidsdebat)" under a Council's agenda item), nor
    one that ends with a word no title ends with."""
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
        and text.split()[-1].lower() not in _OPEN_ENDS
    )


def _numbered_lead_ins(blocks: list[Block]) -> set[int]:
    """The blocks of the series of lead-ins to lists that the text numbers with a colon ("1:
    Vermindering gebruik grondstoffen:", "2: Substitutie"), by index: in a series (numbered
    1, 2, 3 ...) where one ends with a colon, as a list's lead-in does, the others, which a
    letter may print without it, are no headings either."""
    series: list[list[int]] = []
    last = 0
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or not (match := _COLON_NUMBER_RE.match(block.text)):
            continue
        number = int(match[1])
        if not series or number != last + 1:
            series.append([])
        series[-1].append(index)
        last = number
    return {
        index for run in series if any(blocks[i].text.endswith(":") for i in run) for index in run
    }


def _outline_topics(blocks: list[Block]) -> set[str]:
    """The topics of the items of a list that outlines the parts after it, each item a topic
    and what it is about ("Energietransitie: Nederland klimaatneutraal in 2050;"), at most
    six words before the colon; a part may start with its topic on a line of its own,
    with the colon ("Energietransitie:")."""
    topics: set[str] = set()
    for block in blocks:
        topic, colon, about = block.text.partition(":")
        if block.kind == "item" and colon and about.strip() and len(topic.split()) <= _TOPIC_WORDS:
            topics.add(_topic(topic))
    return topics


def _topic(text: str) -> str:
    """A topic as an outline's item and its part's heading may each print it: without the
    colon, in lower case, "&" as "en" ("Gezondheid & Zorg", "Gezondheid en zorg")."""
    return " ".join(text.rstrip(":").replace("&", " en ").lower().split())


def _question(text: str) -> bool:
    return text.endswith("?") and len(text) <= _MAX_QUESTION


def find_headings(blocks: list[Block], marked: bool, room: float | None) -> None:
    """Mark short lines between paragraphs as headings, when the text has no heading markup:
    after a paragraph's end, a heading or a list (whose items need no full stop); a question
    only where a paragraph follows and no heading ("Vraag 1") is just above it; not two lines
    whose second is wrapped full (a paragraph that a page break cut, the rest after it)."""
    if marked:
        return
    lead_ins = _numbered_lead_ins(blocks)
    topics = _outline_topics(blocks)
    for index, block in enumerate(blocks):
        if block.kind == "paragraph" and block.text.endswith(":") and _topic(block.text) in topics:
            block.kind = "heading"  # a part's heading, as an item listed it ("Energietransitie:")
            continue
        if not _heading_like(block) or caption(block.text):
            continue
        if index in lead_ins:
            continue  # one of a series of lead-ins to lists ("2: Substitutie")
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
            or bool(LETTERED_RE.match(after.text))
        )
        if before_ends and after_starts:
            block.kind = "heading"
            if is_bold(block.text) or is_emphasised(block.text):  # "*Energietransitie:*"
                block.style = "bold" if is_bold(block.text) else "emphasis"
                block.text = strip_markup(block.text)


def heading_levels(blocks: list[Block], marked: bool) -> dict[int, int]:
    """The level of each heading (by its index in ``blocks``): by its number where the
    letter numbers its headings by parts ("1.", "1.2", "1.2.1"), else by its style; where
    the text has no heading markup, the parts of the topics an outline listed (see
    :func:`_outline_topics`) go under the heading before the first of them."""
    headings = {index: block for index, block in enumerate(blocks) if block.kind == "heading"}
    if not marked and _numbered(blocks):
        return _numbered_levels(headings)
    styles = [s for s in _STYLES if any(b.style == s for b in headings.values())]
    topics = set() if marked else _outline_topics(blocks)
    levels: dict[int, int] = {}
    previous = 0
    parent: int | None = None  # the level of the heading the listed topics' parts go under
    for index, block in headings.items():
        wanted = styles.index(block.style) + 1 if marked or block.style != "plain" else 1
        if block.style == "plain" and _topic(block.text) in topics:
            parent = previous if parent is None else parent
            wanted = parent + 1
        elif parent is not None and wanted <= parent:
            parent = None
        levels[index] = previous = min(wanted, previous + 1, 3)
    return levels


def _numbered_levels(headings: dict[int, Block]) -> dict[int, int]:
    """The levels of headings numbered by parts: a number's parts give its level ("1.2" is
    under "1."). A heading without a number in the numbered headings' style goes under the
    numbered one before it ("Problematiek" under "1.1"), one in another style under the
    heading before it in that style ("Kennisopbouw ..." under "1.1", "Minder water, meer
    vraag" under "Problematiek"); a closing heading ("Tot slot") is at the top."""
    depths = {index: _depth(block.text) for index, block in headings.items()}
    style = _numbered_style(headings, depths)
    after_parts = _after_parts(headings)
    levels: dict[int, int] = {}
    previous = numbered_above = styled_above = 0
    for index, block in headings.items():
        if depths[index]:
            wanted = numbered_above = min(depths[index], previous + 1)
        elif index == after_parts:  # at the top, as the unnumbered headings before "1." are
            wanted, numbered_above = 1, 0
        elif _CLOSING_RE.match(block.text):
            wanted = numbered_above = 1
        elif block.style == style:
            wanted = numbered_above + 1
        else:  # under the heading before it in the numbered headings' style
            wanted = styled_above + 1
        levels[index] = previous = min(wanted, previous + 1, 3)
        if block.style == style:
            styled_above = previous
    return levels


def _numbered_style(headings: dict[int, Block], depths: dict[int, int]) -> str:
    """The style most numbered headings are in ("bold")."""
    numbered = Counter(headings[index].style for index, depth in depths.items() if depth)
    return numbered.most_common(1)[0][0]


def _after_parts(headings: dict[int, Block]) -> int | None:
    """The heading that follows the numbered parts rather than ends the last of them, if any.

    Where the parts are written to one pattern, each under the same headings in the numbered
    headings' style and ending with the same one ("Problematiek", ..., "Consequenties"), the
    first heading in that style after the last part's ending heading that no part has
    ("Samen werken aan realisatie") is about the letter as a whole, not about that part.
    """
    depths = {index: _depth(block.text) for index, block in headings.items()}
    style = _numbered_style(headings, depths)
    parts: list[list[int]] = []  # per numbered heading, the unnumbered ones in its style
    for index, block in headings.items():
        if depths[index]:
            parts.append([])
        elif parts and block.style == style:
            parts[-1].append(index)
    *earlier, last = [part for part in parts if part] or [[]]
    endings = {_key(headings[part[-1]]) for part in earlier}
    if len(earlier) < 2 or len(endings) != 1:
        return None
    ending, shared = endings.pop(), {_key(headings[i]) for part in earlier for i in part}
    keys = [_key(headings[index]) for index in last]
    if ending not in keys:
        return None
    after = keys.index(ending) + 1
    return next((last[i] for i in range(after, len(last)) if keys[i] not in shared), None)


def _key(block: Block) -> str:
    return block.text.casefold()


def _numbered(blocks: list[Block]) -> bool:
    """Whether the letter numbers its headings by parts: one of them at least "1.2"."""
    return any(block.kind == "heading" and _depth(block.text) > 1 for block in blocks)


def _depth(text: str) -> int:
    """How many parts a heading's number has ("1." one, "1.2" two); 0 without a number."""
    match = _HEADING_PARTS_RE.match(text)
    return len(match[1].split(".")) if match else 0


def note_unmarked_headings(
    blocks: list[Block], marked: bool, nested: bool, notes: list[str]
) -> None:
    """Say, once, that headings were told by their look in a text without heading markup,
    and how they were nested (``nested``: whether any section has sections)."""
    headings = [b for b in blocks if b.kind == "heading"]
    if not marked and len(headings) > 1:
        if _numbered(blocks):
            how = (
                "nested by their numbers ('1.2' under '1.'), the others under the numbered "
                f"heading before them{_after_parts_said(blocks)}: check them and their levels"
            )
        elif nested:
            topics = _outline_topics(blocks)
            listed = [h.text for h in headings if h.style == "plain" and _topic(h.text) in topics]
            styled = (
                "nested by their type (those in italics under the bold or plain one before them)"
            )
            outlined = (
                f"the parts of the topics a list outlined ('{listed[0]}', ...) nested under the "
                "heading before the first of them"
                if listed
                else ""
            )
            if outlined and any(h.style != "plain" for h in headings):
                outlined = f"{styled}, and {outlined}"
            how = f"{outlined or styled}: check them and their levels"
        else:
            how = (
                "all at the top level: check them, and nest subsections where the letter nests them"
            )
        notes.append(
            f"line {headings[0].line}: the text has no heading markup; {len(headings)} short "
            f"lines between paragraphs were taken for headings, {how}"
        )


def _after_parts_said(blocks: list[Block]) -> str:
    """What the note says of a heading set at the top after parts written to one pattern."""
    headings = {index: block for index, block in enumerate(blocks) if block.kind == "heading"}
    after = _after_parts(headings)
    if after is None:
        return ""
    return (
        f", but '{headings[after].text}', which follows the parts and is none of theirs, at the top"
    )
