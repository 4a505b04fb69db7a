"""The view of a letter: its sections and its annex's flattened in reading order, inline
markup rendered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from briefing.dates import dutch_date
from briefing.index import Index
from briefing.inline import FootnoteRenderer, render_inline
from briefing.layout import section_anchor
from briefing.model import Letter, Section
from briefing.plan import Output
from briefing.section_body import BulletList
from briefing.views.links import Pages
from briefing.walk import iter_sections


@dataclass(frozen=True)
class SectionView:
    """One section as printed: heading level (1-3), anchor, heading and body blocks."""

    anchor: str
    level: int
    heading: Markup | None
    blocks: Blocks


@dataclass(frozen=True)
class LetterView:
    """Everything the letter template prints."""

    letter: Letter
    date: str
    sections: list[SectionView]
    #: What the letter sends after its signature, printed from a new page.
    annex: list[SectionView]


@dataclass(frozen=True)
class ItemView:
    """A list's item as printed: its text, and the list under it (if any)."""

    text: Markup
    items: ListView | None


@dataclass(frozen=True)
class ListView:
    """A list as printed: its items, with a bullet each, unless every item gives its own
    number or letter ("1. Ultrafijn stof", "a) de regio Noord"), as a numbered list does."""

    items: list[ItemView]
    numbered: bool


#: A section's body as printed: paragraphs and lists.
Blocks = list[Markup | ListView]
#: An item's own number or letter: "1.", "2)", "a.", "b)", "iv.", "(3)".
_NUMBER_RE = re.compile(r"^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s")


class Footnotes:
    """The footnote calls of one document, rendered in its reading order.

    A footnote's first call is the footnote itself, floated to the page's foot, where the
    page numbers it (the stylesheet's ``footnote`` counter, in reading order). A later call of
    the same footnote, as a letter may make ("een afschrift¹ ... treft u bijgaand aan¹"), is
    the number that footnote got, counted here in the same order, followed by the footnote's
    text again for screens, where a footnote stands in the text at its call (the PDF's
    stylesheets leave that text out).
    """

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}

    def renderer(self, letter: Letter) -> FootnoteRenderer:
        """Turns a footnote call of ``letter`` into its footnote, or its number once called."""

        def footnote(footnote_id: str) -> Markup:
            key = (letter.id, footnote_id)
            text = render_inline(letter.footnotes[footnote_id])
            if key in self.numbers:
                return Markup(
                    '<sup class="footnote-again">{}</sup><span class="footnote-repeat">{}</span>'
                ).format(self.numbers[key], text)
            self.numbers[key] = len(self.numbers) + 1
            return Markup('<span class="footnote">{}</span>').format(text)

        return footnote


def body_blocks(section: Section, footnote: FootnoteRenderer) -> Blocks:
    """A section's body as the letter prints it, footnotes included."""
    return [
        _items(list(block.items), footnote)
        if isinstance(block, BulletList)
        else render_inline(block, footnote)
        for block in section.body
    ]


def _items(items: list[Any], footnote: FootnoteRenderer) -> ListView:
    """A list as printed, each item with the list under it."""
    texts = [item if isinstance(item, str) else item.text for item in items]
    return ListView(
        [
            ItemView(render_inline(item, footnote), None)
            if isinstance(item, str)
            else ItemView(render_inline(item.text, footnote), _items(list(item.items), footnote))
            for item in items
        ],
        all(_NUMBER_RE.match(text) for text in texts),
    )


def letter_view(index: Index, output: Output, pages: Pages) -> LetterView:
    """The view of one letter, its sections and its annex's flattened in reading order."""
    letter = index.letter(output.key).letter
    footnote = Footnotes().renderer(letter)
    return LetterView(
        letter,
        dutch_date(letter.date),
        _section_views(letter.sections, footnote),
        _section_views(letter.annex, footnote),
    )


def _section_views(sections: list[Section], footnote: FootnoteRenderer) -> list[SectionView]:
    views = []
    for section, _path, level in iter_sections(sections):
        heading = render_inline(section.heading, footnote) if section.heading else None
        blocks = body_blocks(section, footnote)  # after the heading, as they are read
        views.append(SectionView(section_anchor(section.id), min(level, 3), heading, blocks))
    return views
