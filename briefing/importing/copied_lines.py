"""The lines of text that a browser's "select all, copy" of a web page gives, made as the page is
read (:mod:`.web_page` reads the page and says where its text, its blocks and its cells are).

Text runs on in its line; a block's edge asks for line breaks, and the most asked for between
two texts is given (a paragraph a blank line, a list's item one break); a ``<br>`` ends the line.
A table gives a line a row, as Chrome's and Firefox's copy do: its cells on that line, each
after the first behind a tab (which the text readers take for a space, as in a copied text),
and whatever a cell holds in blocks of its own (paragraphs, line breaks) runs on in the row.
Each line keeps the number of the line of the HTML where its text starts; a line of a list
inside a list's item is indented, as far as its list is deep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.importing.text import SourceLine


@dataclass
class CopiedLines:
    """The lines a copy gives, made as the page is read: text runs on in its line, a block
    asks for line breaks (the most asked for between two texts is given), ``<br>`` is one,
    a table's row is a line of its cells."""

    lines: list[SourceLine] = field(default_factory=list)
    text: str = ""
    number: int = 0
    breaks: int = 0
    space: bool = False
    #: For each table being read (the innermost last): how many cells of its row have begun.
    rows: list[int] = field(default_factory=list)
    #: The spaces before a line of a list inside a list's item (from its first text on).
    indent: int = 0
    spaces: int = 0

    def add(self, text: str, number: int, spaced: bool = True) -> None:
        """Text of an inline run, from line ``number`` of the HTML."""
        trailing = spaced and text[-1:] == " "
        if spaced:
            self.space = self.space or text[:1] == " "
            text = text.strip(" ")
            if not text:
                return
        self._apply(number)
        if not self.text:
            self.number, self.spaces = number, self.indent
        elif self.space:
            self.text += " "
        self.text += text
        self.space = trailing

    def block(self, breaks: int) -> None:
        """A block's edge: at least ``breaks`` line breaks before the next text; in a table's
        row, a space (the row stays one line)."""
        if self.in_row:
            self.space = bool(self.text)
            return
        if self.lines or self.text:
            self.breaks = max(self.breaks, breaks)
        self.space = False

    def newline(self, number: int) -> None:
        """A ``<br>``: this line ends here (in a table's row, a space)."""
        if self.in_row:
            self.space = bool(self.text)
            return
        self._apply(number)
        self._end(number)

    @property
    def in_row(self) -> bool:
        """Whether a table's cell is being read."""
        return any(self.rows)

    def table(self, starts: bool) -> None:
        """A table starts or ends: its rows are lines of their own."""
        if starts:
            self.rows.append(0)
        elif self.rows:
            self.rows.pop()
        self.block(1)

    def row(self) -> None:
        """A table's row starts or ends: it is a line of its own."""
        if self.rows:
            self.rows[-1] = 0
        self.block(1)

    def cell(self, number: int) -> None:
        """A table's cell starts, at line ``number`` of the HTML: after the row's first cell,
        a tab parts it from the cell before."""
        if not self.rows:
            self.block(1)  # a cell outside a table, as a block
            return
        if self.rows[-1]:
            self.space = False
            self.add("\t", number, spaced=False)
        else:
            self.block(1)
        self.rows[-1] += 1

    def finish(self) -> list[SourceLine]:
        """All lines, the last one ended."""
        if self.text:
            self._end(self.number)
        return self.lines

    def _apply(self, number: int) -> None:
        for _ in range(self.breaks):
            self._end(number)
        self.breaks = 0

    def _end(self, number: int) -> None:
        text = " " * self.spaces + self.text if self.text else ""
        self.lines.append(SourceLine(self.number if self.text else number, text))
        self.text, self.space = "", False
