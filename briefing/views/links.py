"""Where a report's rows come from: the letter, section and page, as printed and as a link.

Every row of a report points back to the letter section it came from. Links are
relative, from a report in ``OUT/briefings/`` or ``OUT/sectors/`` to the letter PDFs
in ``OUT/letters/``, and name the section's destination in that PDF. The page numbers
come from the letters' PDFs; each letter whose pages a report prints is noted.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from briefing.dates import dutch_date
from briefing.index.sectors import Development
from briefing.index.state import Place
from briefing.layout import letter_href
from briefing.reads import note_pages
from briefing.views.format import inline

#: Page of each anchor in each letter's PDF: letter id -> anchor -> page number.
PageMap = dict[str, dict[str, int]]


@dataclass(frozen=True)
class Pages:
    """The letters' page maps, noting each letter whose pages are looked up."""

    maps: PageMap

    def page(self, letter_id: str, anchor: str) -> int | None:
        """The page of ``anchor`` in the letter's PDF, if known."""
        note_pages(letter_id)
        return self.maps.get(letter_id, {}).get(anchor)


@dataclass(frozen=True)
class SourceLink:
    """A reference to a letter section, as printed and as a link."""

    letter_date: str
    section: Markup
    page: int | None
    href: str

    @property
    def label(self) -> str:
        """Short form for table cells: ``brief 13 november 2018, p. 3``."""
        page = f", p. {self.page}" if self.page else ""
        return f"brief {self.letter_date}{page}"


@dataclass(frozen=True)
class Point:
    """A line of text with the letter section it comes from."""

    text: Markup
    source: SourceLink


def section_title(place: Place) -> Markup:
    """The section's heading as safe HTML; the opening paragraphs are called 'Inleiding'."""
    heading = place.section.heading
    return inline(heading) if heading else Markup("Inleiding")


def source_link(place: Place, pages: Pages) -> SourceLink:
    """Where ``place`` is: letter date, section heading, page in the letter's PDF, link."""
    letter = place.source.letter
    return SourceLink(
        dutch_date(letter.date),
        section_title(place),
        pages.page(letter.id, place.anchor),
        letter_href(letter.id, place.anchor),
    )


def development_point(development: Development | None, pages: Pages) -> Point | None:
    """A sector's latest development as printed: its text, or else its section's heading."""
    if development is None:
        return None
    link = source_link(development.place, pages)
    text = inline(development.text) if development.text else link.section
    return Point(text, link)
