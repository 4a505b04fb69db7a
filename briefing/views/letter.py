"""The view of a letter: its sections flattened in reading order, inline markup rendered."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from briefing.corpus import LetterSource, iter_sections
from briefing.dates import dutch_date
from briefing.inline import FootnoteRenderer, render_inline
from briefing.model import BulletList, Letter


@dataclass(frozen=True)
class SectionView:
    """One section as printed: heading level (1-3), anchor, heading and body blocks."""

    anchor: str
    level: int
    heading: Markup | None
    blocks: list[Markup | list[Markup]]


@dataclass(frozen=True)
class LetterView:
    """Everything the letter template prints."""

    letter: Letter
    date: str
    sections: list[SectionView]


def _footnote_renderer(letter: Letter) -> FootnoteRenderer:
    def footnote(footnote_id: str) -> Markup:
        text = render_inline(letter.footnotes[footnote_id])
        return Markup('<span class="footnote">{}</span>').format(text)

    return footnote


def letter_view(source: LetterSource) -> LetterView:
    """The view of one letter, sections flattened in reading order."""
    letter = source.letter
    footnote = _footnote_renderer(letter)
    sections = []
    for section, _path, level in iter_sections(letter.sections):
        blocks: list[Markup | list[Markup]] = []
        for block in section.body:
            if isinstance(block, BulletList):
                blocks.append([render_inline(item, footnote) for item in block.items])
            else:
                blocks.append(render_inline(block, footnote))
        heading = render_inline(section.heading, footnote) if section.heading else None
        sections.append(SectionView(f"s-{section.id}", min(level, 3), heading, blocks))
    return LetterView(letter, dutch_date(letter.date), sections)
