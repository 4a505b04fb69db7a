"""A PDF page's characters and lines, as :mod:`.pdf_text` reads them from PDFium and
:mod:`.pdf_tables` finds a table among them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

#: Type smaller than this share of the page's body text: a footnote, a footnote's call, a
#: figure's label.
SMALL = 0.85
#: The characters a list's bullet is printed as.
BULLETS = "\u2022\u25aa\u25cf\u00b7\u2013-"


@dataclass
class Char:
    """A character of the page and where it stands."""

    text: str
    left: float
    right: float
    base: float
    size: float
    bold: bool
    italic: bool
    #: Where the room the character takes on its line starts and ends (its ink and the
    #: space its font sets beside it): what tells a word's space from the gap between glyphs.
    room: tuple[float, float] = (0.0, 0.0)


@dataclass
class Line:
    """A run of characters on one baseline; a table's row keeps its cells besides."""

    chars: list[Char] = field(default_factory=list)
    #: Whether a list's bullet stands before the line (printed apart, left of it).
    bullet: bool = False
    #: A table's row: its cells, each the characters of its lines (a wrapped cell has more
    #: than one); ``chars`` are then those of the row's first line.
    cells: list[list[list[Char]]] = field(default_factory=list)
    #: The table the row is in (rows of one table share it), for a row.
    table: int = 0

    # The properties are read once the line is complete.

    @cached_property
    def left(self) -> float:
        return min(c.left for c in self.chars)

    @cached_property
    def right(self) -> float:
        return max(c.right for c in self.chars)

    @cached_property
    def base(self) -> float:
        return Counter(round(c.base) for c in self.chars if c.text.strip()).most_common(1)[0][0]

    @cached_property
    def size(self) -> float:
        return Counter(round(c.size, 1) for c in self.chars if c.text.strip()).most_common(1)[0][0]
