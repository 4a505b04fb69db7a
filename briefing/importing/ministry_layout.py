"""Reading text converted from the PDF of a letter as the ministry sent it.

Such a text starts with the letterhead: the address block ("Aan de Voorzitter van de
Tweede Kamer ..."), the reference column (ministry, directorate, addresses, "Onze
referentie", "Uw referentie", "Bijlage(n)"), "Datum" and "Betreft". The body starts at the
salutation ("Geachte voorzitter,") and ends at the signature. The conversion repeats the
reference column inside the body, and inside an annex after the signature, wherever a page
began; those repeats are removed (:mod:`.reference_column`), and a reference that only a
later page's column gives is kept as one of the letter's. A PDF viewer's copy of the letter
(:mod:`.viewer_copy`) gives the column after each page's text; it is taken back first.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.errors import BriefingError
from briefing.importing.closing import find_closing, missing_closing
from briefing.importing.layout_text import columns_apart
from briefing.importing.letterhead import (
    HEAD_LABEL_RE,
    LABEL_RE,
    date_line,
    labels_paired,
    read_labels,
)
from briefing.importing.page_feet import PAGE_RE, footnotes_set_apart, parts
from briefing.importing.parsed import Head, LetterText
from briefing.importing.reference_column import (
    COUNTRY_RE,
    POSTBUS_RE,
    POSTCODE_RE,
    STREET_RE,
    WEBSITE_RE,
    Column,
    is_address,
    paragraphs,
    plain,
)
from briefing.importing.site_head import document_head, fill_missing, is_page_line
from briefing.importing.spacing import letters_joined
from briefing.importing.text import SourceLine
from briefing.importing.viewer_copy import head_taken_back, is_viewer_copy
from briefing.model import UNKNOWN
from briefing.streams import Origin

LAYOUT = "text of the letter's PDF"
#: berthub.eu prints a letter from the ministry's document under its own head.
SITE_LAYOUT = "ministry's document as berthub.eu prints it"

#: The addressee's first line: "Aan de Voorzitter ...", older letterheads "De Voorzitter van
#: de Tweede Kamer der Staten-Generaal" (its address under it).
_ADDRESSEE_RE = re.compile(r"^(?:Aan\s|(?:De\s+)?[Vv]oorzitter van de (?:Tweede|Eerste) Kamer\b)")
_SALUTATION_RE = re.compile(r"^(?:Zeer\s+)?[Gg]eachte\s+\S.*$")
#: The return address the house style prints small above the addressee ("> Retouradres
#: Postbus 20061 2500 EB Den Haag"), with the postcode that parts its two lines.
_RETURN_RE = re.compile(r"^>?\s*Retouradres:?\s*(.*?)(?:\s+(\d{4}\s?[A-Z]{2}\s.*))?$")
#: A line that ends with one of these words continues on the next ("Aan de Voorzitter van de").
#: The labels some ministries print above their addresses in the column.
_ADDRESS_LABEL_RE = re.compile(r"^(?:Bezoekadres|Postadres|Bezoek- en postadres)$", re.IGNORECASE)
_CONTINUES_RE = re.compile(r"\b(?:van|de|der|den|het|en|voor|aan|te)$")


def recognise(lines: list[SourceLine]) -> bool:
    """Whether the text has a salutation, as a letter's PDF does."""
    return _salutation(lines) is not None


def _salutation(lines: list[SourceLine]) -> int | None:
    for index, line in enumerate(lines[:400]):
        if _SALUTATION_RE.match(plain(line.text)):
            return index
    return None


def read(lines: list[SourceLine], path: Origin) -> LetterText:
    """The letter in ``lines``: head, body lines (column repeats removed) and notes."""
    lines = letters_joined(columns_apart(lines, _SALUTATION_RE))
    salutation = _salutation(lines)
    if salutation is None:
        raise BriefingError(f"{path}: found no salutation such as 'Geachte voorzitter,'")
    notes: list[str] = []
    lines, salutation = _column_before_salutation(lines, salutation, notes)
    lines = _footnotes_marked(lines, salutation, notes)
    head = Head()
    text = LetterText(LAYOUT, head, [], notes=notes)
    site = Head()
    read_by_site = document_head(lines[:salutation], site)
    text.layout = SITE_LAYOUT if read_by_site else LAYOUT
    above = [line for i, line in enumerate(lines[:salutation]) if i not in read_by_site]
    column = _read_head(above, lines[salutation], head, text.notes, path, site)
    head.salutation = plain(lines[salutation].text)
    head.lines["salutation"] = lines[salutation].number
    closing = find_closing(lines, salutation + 1)
    if closing is None:
        body = lines[salutation + 1 :]
        closing = missing_closing(body, [], text.notes)
        closing.start += salutation + 1
    text.closing = closing
    body = lines[salutation + 1 : closing.start]
    after = closing.after or []
    # The annex after the signature has the column on its pages as the body has.
    kept = column.remove_repeats([*body, SourceLine(0, ""), *after], head, text.notes)
    text.body = kept[: len(body)]
    if after:
        closing.after = kept[len(body) + 1 :]
    return text


def _footnotes_marked(
    lines: list[SourceLine], salutation: int, notes: list[str]
) -> list[SourceLine]:
    """``lines`` with the footnotes at the foot of each page after the ``salutation`` (above
    its number, "Pagina 2 van 4") marked as footnotes, with their calls, and the page's
    number left out."""
    texts = [plain(line.text) for line in lines]
    ends = [i for i in range(salutation + 1, len(texts)) if PAGE_RE.match(texts[i])]
    marked = footnotes_set_apart(lines, texts, ends, set(), salutation, notes)
    for end in ends:  # the page's number, read: no signature's name nor paragraph's end
        marked[end] = SourceLine(marked[end].number, "")
    return [part for line in marked for part in parts(line)]


def _column_before_salutation(
    lines: list[SourceLine], salutation: int, notes: list[str]
) -> tuple[list[SourceLine], int]:
    """The lines with the first page's reference column moved above the salutation.

    The text of a PDF gives the column where its blocks fall on the page, often after the
    first paragraphs; a PDF viewer's copy after the page's whole text (see
    :mod:`.viewer_copy`); the head is read from the lines above the salutation.
    """
    if is_viewer_copy(lines):
        lines = head_taken_back(lines, salutation, notes)
        # the addressee as a block of its own, apart from the ministry's name above it
        lines = [
            new
            for line in lines
            for new in (
                [SourceLine(line.number, ""), line]
                if _ADDRESSEE_RE.match(plain(line.text))
                else [line]
            )
        ]
        salutation = next(
            i for i, line in enumerate(lines) if _SALUTATION_RE.match(plain(line.text))
        )
    head_texts = [plain(line.text) for line in lines[:salutation]]
    if any(POSTBUS_RE.match(t) or t.lower().startswith(("onze ", "ons ")) for t in head_texts):
        return lines, salutation
    end = next(
        (i for i in range(salutation, len(lines)) if PAGE_RE.match(plain(lines[i].text))),
        min(len(lines), salutation + 120),
    )
    moved: list[SourceLine] = []
    kept = list(lines[: salutation + 1])
    parts = list(paragraphs(lines[salutation + 1 : end]))
    for index, paragraph in enumerate(parts):
        texts = [plain(line.text) for line in paragraph]
        following = (
            [plain(line.text) for line in parts[index + 1]] if index + 1 < len(parts) else []
        )
        column = any(is_address(t) or LABEL_RE.match(t) for t in texts)
        if column or (_column_top(texts) and any(is_address(t) for t in following)):
            moved += [*paragraph, SourceLine(paragraph[-1].number, "")]
        else:
            kept += [*paragraph, SourceLine(paragraph[-1].number, "")]
    if not moved:
        return lines, salutation
    head = kept[:salutation] + moved
    return head + kept[salutation:] + list(lines[end:]), len(head)


def _read_head(
    lines: list[SourceLine],
    salutation: SourceLine,
    head: Head,
    notes: list[str],
    path: Origin,
    site: Head,
) -> Column:
    """The letterhead's fields from the ``lines`` above the ``salutation``, what it lacks
    from the ``site``'s head; a :class:`BriefingError` when neither gives a date or a
    subject."""
    column = Column()
    dated: list[tuple[dt.date, SourceLine]] = []
    returned: list[str] = []
    for paragraph in labels_paired(list(paragraphs(lines))):
        texts = [plain(line.text) for line in paragraph]
        under_return = len(paragraph)
        paragraph, texts = _without_return_address(paragraph, texts, returned)
        under_return -= len(paragraph)
        if not paragraph:
            continue
        labelled = next((i for i, t in enumerate(texts) if HEAD_LABEL_RE.match(t)), None)
        if labelled is None:
            paragraph, texts = _without_dates(paragraph, texts, dated)
            if not paragraph:
                continue
        if (
            labelled
            and not _ADDRESSEE_RE.match(texts[0])
            and any(is_address(t) or t == UNKNOWN for t in texts[:labelled])
        ):
            # the sender's block with the column's first label under it, no blank line between
            _read_sender(paragraph[:labelled], texts[:labelled], head, column)
            paragraph, texts, labelled = paragraph[labelled:], texts[labelled:], 0
        if _ADDRESSEE_RE.match(texts[0]):
            _read_addressee(texts[:labelled], head)
            head.lines["addressee"] = paragraph[0].number
            if labelled is not None:
                paragraph, texts = paragraph[labelled:], texts[labelled:]
        if labelled is not None:
            dated += read_labels(paragraph, texts, head, notes, path)
        elif _ADDRESSEE_RE.match(texts[0]):
            continue
        elif len(texts) == 1 and texts[0].startswith("Ministerie van"):
            head.ministry = texts[0]
            head.lines["sender.ministry"] = paragraph[0].number
            column.lines.append(texts[0])
        elif any(is_address(t) for t in texts) or paragraph[0].text.lstrip().startswith("**"):
            _read_sender(paragraph, texts, head, column)
        elif under_return and _column_top(texts):
            # the column's first block, which a text in reading order gives under the return
            # address: the ministry's directorate ("Directoraat-generaal" / "Bedrijfsleven & ...")
            _read_sender(paragraph, texts, head, column)
        elif not is_page_line(texts[0]):
            notes.append(f"line {paragraph[0].number}: left out of the head: '{texts[0]}'")
    if not head.postal_address and returned:
        head.postal_address = [line for line in returned if line]
        head.lines.setdefault("sender", head.lines.get("addressee", salutation.number))
    if head.date is None and dated:
        _date_of_lines(dated, head, path)
    for day, line in dated:
        if day != head.date:
            notes.append(f"line {line.number}: left out of the head: '{plain(line.text)}'")
    fill_missing(head, site)
    missing = (
        f"{path}:{salutation.number}: found no {{}} in the letterhead (the lines above "
        f"'{plain(salutation.text)}'); add a line like '{{}}' above that line"
    )
    if head.date is None:
        raise BriefingError(missing.format("date", "Datum 13 november 2018"))
    if not head.subject:
        raise BriefingError(missing.format("subject", "Betreft Voortgang IMVO-beleid"))
    return column


def _column_top(texts: list[str]) -> bool:
    """Whether the lines read as the top of the reference column: a few short lines that end
    no sentence, as a directorate's name is printed."""
    return len(texts) <= 3 and not any(t.endswith((".", ":", ";")) for t in texts)


def _without_return_address(
    paragraph: list[SourceLine], texts: list[str], returned: list[str]
) -> tuple[list[SourceLine], list[str]]:
    """The paragraph without the return address above the addressee, whose lines go to
    ``returned``: the sender's postal address, where the column gives none."""
    kept = []
    for line, text in zip(paragraph, texts, strict=True):
        match = _RETURN_RE.match(text)
        if match:
            returned[:] = [match[1], match[2] or ""]
        else:
            kept.append((line, text))
    return [line for line, _ in kept], [text for _, text in kept]


def _without_dates(
    paragraph: list[SourceLine], texts: list[str], dated: list[tuple[dt.date, SourceLine]]
) -> tuple[list[SourceLine], list[str]]:
    """The paragraph without its lines that give only a date (added to ``dated``)."""
    kept = [(line, text) for line, text in zip(paragraph, texts, strict=True)]
    for line, text in list(kept):
        day = date_line(text)
        if day is not None:
            dated.append((day, line))
            kept.remove((line, text))
    return [line for line, _ in kept], [text for _, text in kept]


def _date_of_lines(dated: list[tuple[dt.date, SourceLine]], head: Head, path: Origin) -> None:
    """The letter's date from lines that give only a date ("Den Haag, 12 maart 2003"), as a
    copy without the letterhead's labels prints it: when they all give the same day."""
    days = sorted({day for day, _ in dated})
    if len(days) > 1:
        found = ", ".join(f"line {line.number} '{plain(line.text)}'" for _, line in dated)
        raise BriefingError(
            f"{path}:{dated[0][1].number}: the letterhead gives no 'Datum' and its lines give "
            f"different dates ({found}); add a line like 'Datum 13 november 2018' with the "
            "letter's date above the salutation"
        )
    head.date = days[0]
    head.lines["date"] = dated[-1][1].number


def _read_addressee(texts: list[str], head: Head) -> None:
    joined: list[str] = []
    for text in texts:
        if joined and _CONTINUES_RE.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    head.addressee = joined


def _read_sender(paragraph: list[SourceLine], texts: list[str], head: Head, column: Column) -> None:
    directorate: list[str] = []
    postal = False
    named = False  # the ministry's name goes on on the next line ("Ministerie van" / ...)
    for line, text in zip(paragraph, texts, strict=True):
        column.lines.append(text)
        if text == UNKNOWN:  # a field our own build printed as not known: no value
            continue
        if _ADDRESS_LABEL_RE.match(text):  # "Bezoekadres", "Postadres": what follows is one
            postal = postal or text.lower().startswith("post")
        elif named and head.ministry is not None and not is_address(text):
            head.ministry = f"{head.ministry} {text}"
            named = bool(_CONTINUES_RE.search(text))
        elif text.startswith("Ministerie van") and not directorate and head.ministry is None:
            head.ministry = text
            head.lines["sender.ministry"] = line.number
            named = bool(_CONTINUES_RE.search(text))
        elif POSTBUS_RE.match(text):
            postal = True
            head.postal_address.append(text)
        elif COUNTRY_RE.match(text):
            head.country = text
        elif WEBSITE_RE.match(text):
            head.website = text
        elif STREET_RE.match(text) or POSTCODE_RE.match(text):
            (head.postal_address if postal else head.visiting_address).append(text)
        elif not head.visiting_address and not postal:
            directorate.append(text)
            column.directorate_line = column.directorate_line or line.number
    if directorate:
        head.directorate = " ".join(directorate)
        head.lines["sender.directorate"] = column.directorate_line
    head.lines["sender"] = paragraph[0].number
