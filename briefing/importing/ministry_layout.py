"""Reading text converted from the PDF of a letter as the ministry sent it.

Such a text starts with the letterhead: the address block ("Aan de Voorzitter van de
Tweede Kamer ..."), the reference column (ministry, directorate, addresses, "Onze
referentie", "Uw referentie", "Bijlage(n)"), "Datum" and "Betreft". The body starts at the
salutation ("Geachte voorzitter,") and ends at the signature. The conversion repeats the
reference column inside the body wherever a page began; those repeats are removed here,
and a reference that only a later page's column gives is kept as one of the letter's.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError
from briefing.importing.closing import find_closing, missing_closing
from briefing.importing.debris import link_text
from briefing.importing.parsed import Head, LetterText
from briefing.importing.site_head import document_head, fill_missing, is_page_line
from briefing.importing.text import SourceLine, collapse, parse_dutch_date, strip_markup

LAYOUT = "text of the letter's PDF"
#: berthub.eu prints a letter from the ministry's document under its own head.
SITE_LAYOUT = "ministry's document as berthub.eu prints it"

_SALUTATION_RE = re.compile(r"^(?:Zeer\s+)?[Gg]eachte\s+\S.*$")
_LABEL_RE = re.compile(
    r"^(Datum|Betreft|Onderwerp|Onze [Rr]eferentie|Uw [Rr]eferentie|Ons [Kk]enmerk|"
    r"Uw [Kk]enmerk|Uw brief(?: van)?|Bijlage(?:\(n\)|n)?|Kopie aan|Contactpersoon|"
    r"Doorkiesnummer|Pagina)(?=\s|:|$):?\s*(.*)$"
)
_STREET_RE = re.compile(r"^[A-Z][^\d,;:]{1,60}\s\d{1,5}[a-zA-Z]?(?:\s?[-\u2013]\s?\d{1,5})?$")
_POSTCODE_RE = re.compile(r"^\d{4}\s?[A-Z]{2}\b")
_POSTBUS_RE = re.compile(r"^Postbus\s+\d+")
_COUNTRY_RE = re.compile(r"^(?:Nederland|The Netherlands|Netherlands)$")
_WEBSITE_RE = re.compile(r"^(?:www\.|https?://)\S+$")
_PAGE_RE = re.compile(r"^Pagina\s+\d+\s+van\s+\d+$")
#: A reference as the column prints it: one code, without spaces ("BZDOC-1235421577-13").
_REFERENCE_RE = re.compile(r"^\S{1,60}$")
#: A line that ends with one of these words continues on the next ("Aan de Voorzitter van de").
_CONTINUES_RE = re.compile(r"\b(?:van|de|der|den|het|en|voor|aan|te)$")
#: Where the next field starts on a line that prints them side by side.
_NEXT_LABEL_RE = re.compile(
    r"\s+(?=(?:Datum|Betreft|Onderwerp|(?:Onze|Uw) [Rr]eferentie|(?:Ons|Uw) [Kk]enmerk|"
    r"Uw brief van|Bijlage(?:\(n\)|n)|Doorkiesnummer)\s)"
)
#: How similar a line must be to a line of the sender column to count as its repeat.
_SIMILAR = 0.8


def recognise(lines: list[SourceLine]) -> bool:
    """Whether the text has a salutation, as a letter's PDF does."""
    return _salutation(lines) is not None


def _salutation(lines: list[SourceLine]) -> int | None:
    for index, line in enumerate(lines[:400]):
        if _SALUTATION_RE.match(_plain(line.text)):
            return index
    return None


def _plain(text: str) -> str:
    return collapse(link_text(strip_markup(text)))


def _paragraphs(lines: list[SourceLine]) -> Iterator[list[SourceLine]]:
    current: list[SourceLine] = []
    for line in lines:
        if _plain(line.text):
            current.append(line)
        elif current:
            yield current
            current = []
    if current:
        yield current


def read(lines: list[SourceLine], path: Path) -> LetterText:
    """The letter in ``lines``: head, body lines (column repeats removed) and notes."""
    salutation = _salutation(lines)
    if salutation is None:
        raise BriefingError(f"{path}: found no salutation such as 'Geachte voorzitter,'")
    lines, salutation = _column_before_salutation(lines, salutation)
    head = Head()
    text = LetterText(LAYOUT, head, [])
    site = Head()
    read_by_site = document_head(lines[:salutation], site)
    text.layout = SITE_LAYOUT if read_by_site else LAYOUT
    above = [line for line in lines[:salutation] if line.number not in read_by_site]
    column = _read_head(above, lines[salutation], head, text.notes, path, site)
    head.salutation = _plain(lines[salutation].text)
    head.lines["salutation"] = lines[salutation].number
    closing = find_closing(lines, salutation + 1)
    if closing is None:
        body = lines[salutation + 1 :]
        closing = missing_closing(body, None, text.notes)
        closing.start += salutation + 1
    text.closing = closing
    text.body = column.remove_repeats(lines[salutation + 1 : closing.start], head, text.notes)
    return text


def _column_before_salutation(
    lines: list[SourceLine], salutation: int
) -> tuple[list[SourceLine], int]:
    """The lines with the first page's reference column moved above the salutation.

    The text of a PDF gives the column where its blocks fall on the page, often after the
    first paragraphs; the head is read from the lines above the salutation.
    """
    head_texts = [_plain(line.text) for line in lines[:salutation]]
    if any(_POSTBUS_RE.match(t) or t.startswith(("Onze ", "Ons ")) for t in head_texts):
        return lines, salutation
    end = next(
        (i for i in range(salutation, len(lines)) if _PAGE_RE.match(_plain(lines[i].text))),
        min(len(lines), salutation + 120),
    )
    moved: list[SourceLine] = []
    kept = list(lines[: salutation + 1])
    paragraphs = list(_paragraphs(lines[salutation + 1 : end]))
    for index, paragraph in enumerate(paragraphs):
        texts = [_plain(line.text) for line in paragraph]
        following = (
            [_plain(line.text) for line in paragraphs[index + 1]]
            if index + 1 < len(paragraphs)
            else []
        )
        column = any(_is_address(t) or _LABEL_RE.match(t) for t in texts)
        directorate = len(texts) <= 3 and not any(t.endswith((".", ":", ";")) for t in texts)
        if column or (directorate and any(_is_address(t) for t in following)):
            moved += [*paragraph, SourceLine(paragraph[-1].number, "")]
        else:
            kept += [*paragraph, SourceLine(paragraph[-1].number, "")]
    if not moved:
        return lines, salutation
    head = kept[:salutation] + moved
    return head + kept[salutation:] + list(lines[end:]), len(head)


@dataclass
class _Column:
    """The sender column as the head gives it, to recognise its repeats in the body."""

    lines: list[str] = field(default_factory=list)
    spellings: Counter[str] = field(default_factory=Counter)
    directorate_line: int = 0

    def is_column_line(self, text: str, values: set[str]) -> bool:
        """Whether a body line repeats the column: a label, a reference, a column line."""
        if _LABEL_RE.match(text) or _PAGE_RE.match(text) or text in values:
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
        for paragraph in _paragraphs(body):
            texts = [_plain(line.text) for line in paragraph]
            debris = [
                self.is_column_line(text, values) or _is_value(texts, i)
                for i, text in enumerate(texts)
            ]
            first = next((i for i, d in enumerate(debris) if not d), len(texts))
            last = next((i for i in range(len(texts) - 1, -1, -1) if not debris[i]), -1)
            removed = [i for i in range(len(texts)) if i < first or i > last]
            if not removed:
                continue
            self._take_references(texts, paragraph, head)
            if first == len(texts):
                directorate = [t for t in texts if not _LABEL_RE.match(t) and t not in values]
                if directorate and not any(_is_value(texts, i) for i in range(len(texts))):
                    self.spellings[" ".join(directorate)] += 1
            for index in removed:
                line = paragraph[index]
                kept[position[id(line)]] = SourceLine(line.number, "")
        self._choose_spelling(head, notes)
        return kept

    def _take_references(self, texts: list[str], paragraph: list[SourceLine], head: Head) -> None:
        label = ""
        for index, text in enumerate(texts):
            match = _LABEL_RE.match(text)
            if match:
                label = match[1].lower()
            elif (
                _is_value(texts, index)
                and label.startswith(("onze", "ons"))
                and text not in head.ours
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


def _similar(text: str, known: str) -> bool:
    """Whether ``text`` is ``known`` as a later page repeats it (the cheap bounds first)."""
    matcher = difflib.SequenceMatcher(None, text, known)
    return (
        matcher.real_quick_ratio() >= _SIMILAR
        and matcher.quick_ratio() >= _SIMILAR
        and matcher.ratio() >= _SIMILAR
    )


def _read_head(
    lines: list[SourceLine],
    salutation: SourceLine,
    head: Head,
    notes: list[str],
    path: Path,
    site: Head,
) -> _Column:
    """The letterhead's fields from the ``lines`` above the ``salutation``, what it lacks
    from the ``site``'s head; a :class:`BriefingError` when neither gives a date or a
    subject."""
    column = _Column()
    for paragraph in _paragraphs(lines):
        texts = [_plain(line.text) for line in paragraph]
        if texts[0].startswith("Aan "):
            _read_addressee(texts, head)
            head.lines["addressee"] = paragraph[0].number
        elif any(_LABEL_RE.match(t) for t in texts):
            _read_labels(paragraph, texts, head, notes, path)
        elif len(texts) == 1 and texts[0].startswith("Ministerie van"):
            head.ministry = texts[0]
            head.lines["sender.ministry"] = paragraph[0].number
            column.lines.append(texts[0])
        elif any(_is_address(t) for t in texts) or paragraph[0].text.lstrip().startswith("**"):
            _read_sender(paragraph, texts, head, column)
        elif not is_page_line(texts[0]):
            notes.append(f"line {paragraph[0].number}: left out of the head: '{texts[0]}'")
    fill_missing(head, site)
    missing = (
        f"{path}:{salutation.number}: found no {{}} in the letterhead (the lines above "
        f"'{_plain(salutation.text)}'); add a line like '{{}}' above that line"
    )
    if head.date is None:
        raise BriefingError(missing.format("date", "Datum 13 november 2018"))
    if not head.subject:
        raise BriefingError(missing.format("subject", "Betreft Voortgang IMVO-beleid"))
    return column


def _is_value(texts: list[str], index: int) -> bool:
    """Whether ``texts[index]`` is a reference under a reference label just above it."""
    if not _REFERENCE_RE.match(texts[index]):
        return False
    for before in reversed(texts[:index]):
        match = _LABEL_RE.match(before)
        if match:
            label = match[1].lower()
            return ("referentie" in label or "kenmerk" in label) and not match[2]
        if not _REFERENCE_RE.match(before):
            return False
    return False


def _is_address(text: str) -> bool:
    return bool(
        _STREET_RE.match(text)
        or _POSTCODE_RE.match(text)
        or _POSTBUS_RE.match(text)
        or _COUNTRY_RE.match(text)
        or _WEBSITE_RE.match(text)
    )


def _read_addressee(texts: list[str], head: Head) -> None:
    joined: list[str] = []
    for text in texts:
        if joined and _CONTINUES_RE.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    head.addressee = joined


def _read_sender(
    paragraph: list[SourceLine], texts: list[str], head: Head, column: _Column
) -> None:
    directorate: list[str] = []
    postal = False
    for line, text in zip(paragraph, texts, strict=True):
        column.lines.append(text)
        if text.startswith("Ministerie van") and not directorate and head.ministry is None:
            head.ministry = text
            head.lines["sender.ministry"] = line.number
        elif _POSTBUS_RE.match(text):
            postal = True
            head.postal_address.append(text)
        elif _COUNTRY_RE.match(text):
            head.country = text
        elif _WEBSITE_RE.match(text):
            head.website = text
        elif _STREET_RE.match(text) or _POSTCODE_RE.match(text):
            (head.postal_address if postal else head.visiting_address).append(text)
        elif not head.visiting_address and not postal:
            directorate.append(text)
            column.directorate_line = column.directorate_line or line.number
    if directorate:
        head.directorate = " ".join(directorate)
        head.lines["sender.directorate"] = column.directorate_line
    head.lines["sender"] = paragraph[0].number


def _read_labels(
    paragraph: list[SourceLine], texts: list[str], head: Head, notes: list[str], path: Path
) -> None:
    """The labelled fields of a paragraph of the letterhead. A label's value stands after it
    on its line or, in a letterhead that prints the labels apart, on the lines under it
    ("Datum" over "11 februari 2005"); a dash is an empty field."""
    label: str | None = None
    fields = [(line, part) for i, line in enumerate(paragraph) for part in _fields(texts[i])]
    for line, text in fields:
        match = _LABEL_RE.match(text)
        if match:
            label, value = match[1].lower(), match[2].strip()
        elif label is None:
            notes.append(f"line {line.number}: left out of the head: '{text}'")
            continue
        else:
            value = text
        if not value or value in ("-", "\u2013", "\u2014"):
            continue
        if label == "datum" and head.date is None:
            _read_date(value, line, head, path)
        else:
            _label_value(label, value, line, head, notes)


def _fields(text: str) -> list[str]:
    """A letterhead's line of fields side by side ("Datum 28 oktober 2009 Uw kenmerk 18106
    Onderwerp kamervragen") split, unless a label lacks its value, comes twice or no date."""
    parts = _NEXT_LABEL_RE.split(text)
    matches = [_LABEL_RE.match(part) for part in parts]
    labels = [match[1].lower() for match in matches if match and match[2].strip()]
    dates = [match[2] for match in matches if match and match[1] == "Datum"]
    if len(set(labels)) < len(parts) or None in map(parse_dutch_date, dates):
        return [text]
    return parts


def _read_date(value: str, line: SourceLine, head: Head, path: Path) -> None:
    date = parse_dutch_date(value)
    if date is None:
        raise BriefingError(
            f"{path}:{line.number}: 'Datum {value}' does not give an existing date; write it "
            "like 'Datum 13 november 2018'"
        )
    head.date = date
    head.lines["date"] = line.number


def _label_value(label: str, value: str, line: SourceLine, head: Head, notes: list[str]) -> None:
    if label in ("betreft", "onderwerp"):
        head.subject = f"{head.subject} {value}" if head.subject else value
        head.lines.setdefault("subject", line.number)
    elif label.startswith(("onze", "ons")):
        head.ours.append(value)
        head.lines.setdefault("references.ours", line.number)
    elif label.startswith("uw"):
        if head.yours is None:
            head.yours = value
            head.lines["references.yours"] = line.number
        else:
            notes.append(f"line {line.number}: a second 'Uw referentie' ('{value}') left out")
    elif label.startswith("bijlage"):
        head.attachments.append(value)
    else:
        notes.append(f"line {line.number}: '{value}' ({label}) left out: the model has no field")
