"""The reference column of a ministry's letter as the text of its PDF gives it, and its
repeats: the head's column (directorate, addresses, references) is what the conversion prints
again on later pages, in the body and in an annex after the signature, where it is removed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from briefing.importing.debris import link_text
from briefing.importing.letterhead import LABEL_RE, date_line, is_label
from briefing.importing.page_feet import PAGE_RE
from briefing.importing.parsed import Head
from briefing.importing.text import SourceLine, collapse, strip_markup

#: The lines of an address and what the column prints with it: a street and number, a
#: postcode, a Postbus, the country, the website.
STREET_RE = re.compile(r"^[A-Z][^\d,;:]{1,60}\s\d{1,5}[a-zA-Z]?(?:\s?[-\u2013]\s?\d{1,5})?$")
POSTCODE_RE = re.compile(r"^\d{4}\s?[A-Z]{2}\b")
POSTBUS_RE = re.compile(r"^Postbus\s+\d+")
COUNTRY_RE = re.compile(r"^(?:Nederland|The Netherlands|Netherlands)$")
WEBSITE_RE = re.compile(r"^(?:www\.|https?://)\S+$")
#: A reference as the column prints it: one code, without spaces ("BZDOC-1235421577-13"), or
#: codes joined by slashes or dashes ("DGBI / 26844711", "DGBI \u2013 I&K/ 26844711").
_REFERENCE_RE = re.compile(r"^\S{1,60}$|^(?=.{1,60}$)\S+(?:\s*[/\u2013-]\s*\S+)+$")
#: The figures of a reference, by which two spellings of it are the same reference.
_FIGURES_RE = re.compile(r"\d{4,}")
#: A word of a reference: capitals, figures, "&", slashes and dashes ("DGBI", "I&K/", "/").
_REFERENCE_WORD_RE = re.compile(r"^[A-Z0-9&/\u2013-]+$")
#: An annex's title, which starts as the column's label does: "Bijlage: <title>", "Bijlage 2:
#: <title>" (the column prints "Bijlage(n)" with a count, a dash or nothing beside it).
_ANNEX_TITLE_RE = re.compile(r"^Bijlage(?:\s+\d+)?\s*:\s*(?!geen\b)[A-Za-z]", re.IGNORECASE)
#: How similar a line must be to a line of the sender column to count as its repeat.
_SIMILAR = 0.8


def plain(text: str) -> str:
    """``text`` as the head reads it: without markup and links, its spaces collapsed."""
    return collapse(link_text(strip_markup(text)))


def paragraphs(lines: list[SourceLine]) -> Iterator[list[SourceLine]]:
    """The runs of lines that blank lines part."""
    current: list[SourceLine] = []
    for line in lines:
        if plain(line.text):
            current.append(line)
        elif current:
            yield current
            current = []
    if current:
        yield current


@dataclass
class Column:
    """The sender column as the head gives it, to recognise its repeats in the body."""

    lines: list[str] = field(default_factory=list)
    spellings: Counter[str] = field(default_factory=Counter)
    directorate_line: int = 0

    def is_column_line(self, text: str, values: set[str], date: dt.date | None) -> bool:
        """Whether a body line repeats the column: a label, a reference, the letter's
        ``date`` on its own (not a line of the text that ends in a date, "november 2023."),
        a column line."""
        if _ANNEX_TITLE_RE.match(text):  # "Bijlage: Mogelijke aanvullende maatregelen"
            return False
        if LABEL_RE.match(text) or is_label(text) or PAGE_RE.match(text) or text in values:
            return True
        if date is not None and date_line(text) == date:
            return True
        return len(text) >= 4 and any(_similar(text, known) for known in self.lines)

    def remove_repeats(
        self, body: list[SourceLine], head: Head, notes: list[str]
    ) -> list[SourceLine]:
        """``body`` with the column's repeats blanked out; later references go to ``head``.

        A repeat is a paragraph of column lines, or a run of them at the start or end of a
        paragraph (where the conversion glued the column to the text).
        """
        values = {*head.ours, *([head.yours] if head.yours else [])}
        kept = list(body)
        position = {id(line): i for i, line in enumerate(body)}
        for paragraph in paragraphs(body):
            texts = [plain(line.text) for line in paragraph]
            debris = [
                self.is_column_line(text, values, head.date) or is_value(texts, i)
                for i, text in enumerate(texts)
            ]
            first = next((i for i, d in enumerate(debris) if not d), len(texts))
            last = next((i for i in range(len(texts) - 1, -1, -1) if not debris[i]), -1)
            removed = [i for i in range(len(texts)) if i < first or i > last]
            if not removed:
                continue
            self._take_references(texts, paragraph, head)
            if first == len(texts):
                directorate = [t for t in texts if not LABEL_RE.match(t) and t not in values]
                if directorate and not any(is_value(texts, i) for i in range(len(texts))):
                    self.spellings[" ".join(directorate)] += 1
            for index in removed:
                line = paragraph[index]
                kept[position[id(line)]] = SourceLine(line.number, "")
        self._choose_spelling(head, notes)
        return [_without_glued_reference(line, head.ours) for line in kept]

    def _take_references(self, texts: list[str], paragraph: list[SourceLine], head: Head) -> None:
        label = ""
        for index, text in enumerate(texts):
            match = LABEL_RE.match(text)
            if match:
                label = match[1].lower()
            elif (
                is_value(texts, index)
                and label.startswith(("onze", "ons"))
                and not any(_same_reference(text, known) for known in head.ours)
            ):
                head.ours.append(text)
                head.lines.setdefault("references.ours", paragraph[index].number)

    def _choose_spelling(self, head: Head, notes: list[str]) -> None:
        if not head.directorate or not self.spellings:
            return
        counts = self.spellings + Counter({head.directorate: 1})
        spelling, count = counts.most_common(1)[0]
        if spelling != head.directorate and count > 1:
            notes.append(
                f"line {self.directorate_line}: the head writes the directorate "
                f"'{head.directorate}', the column on later pages '{spelling}' "
                f"({self.spellings[spelling]} times); the draft uses '{spelling}'"
            )
            head.review["sender.directorate"] = (
                f"the head writes '{head.directorate}'; the later pages write this"
            )
            head.directorate = spelling


def _without_glued_reference(line: SourceLine, references: list[str]) -> SourceLine:
    """``line`` without one of the letter's ``references`` that the conversion glued to its
    end, as a later page's column prints it ("... zonder de voedselvoorziening in DGBI /
    26844711"): the words at its end in capitals, figures, slashes and dashes, with a
    reference's figures."""
    words = line.text.split()
    start = len(words)
    while start > 1 and _REFERENCE_WORD_RE.match(words[start - 1]):
        start -= 1
    tail = " ".join(words[start:])
    if start == len(words) or not _FIGURES_RE.search(tail):
        return line
    if not any(_same_reference(tail, known) for known in references):
        return line
    return SourceLine(line.number, " ".join(words[:start]), line.cells)


def _same_reference(text: str, known: str) -> bool:
    """Whether ``text`` is the reference ``known``, perhaps shortened as a later page's
    column prints it ("DGBI / 26844711" for "DGBI \u2013 I&K/ 26844711")."""
    figures = _FIGURES_RE.findall(text)
    return text == known or (bool(figures) and figures == _FIGURES_RE.findall(known))


def _similar(text: str, known: str) -> bool:
    """Whether ``text`` is ``known`` as a later page repeats it (the cheap bounds first)."""
    matcher = difflib.SequenceMatcher(None, text, known)
    return (
        matcher.real_quick_ratio() >= _SIMILAR
        and matcher.quick_ratio() >= _SIMILAR
        and matcher.ratio() >= _SIMILAR
    )


def is_value(texts: list[str], index: int) -> bool:
    """Whether ``texts[index]`` is a reference under a reference label just above it."""
    if not _REFERENCE_RE.match(texts[index]):
        return False
    for before in reversed(texts[:index]):
        match = LABEL_RE.match(before)
        if match:
            label = match[1].lower()
            return ("referentie" in label or "kenmerk" in label) and not match[2]
        if not _REFERENCE_RE.match(before):
            return False
    return False


def is_address(text: str) -> bool:
    """Whether ``text`` is a line of the sender's addresses: a street, a postcode, a Postbus,
    the country or the website."""
    return bool(
        STREET_RE.match(text)
        or POSTCODE_RE.match(text)
        or POSTBUS_RE.match(text)
        or COUNTRY_RE.match(text)
        or WEBSITE_RE.match(text)
    )
