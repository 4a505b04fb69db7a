"""Reading the labelled fields of a letter's letterhead: "Datum", "Betreft", "Ons kenmerk" ...

A ministry's letterhead prints each field after its label ("Datum 13 november 2018"), under
it ("Datum" over "11 februari 2005"), or side by side with others on one line ("Datum 28
oktober 2009 Uw kenmerk 18106 Onderwerp kamervragen"). Older letterheads write the labels in
lower case ("datum", "ons kenmerk", "uw brief van") and the date in figures ("19-10-2001").
The text of a PDF converted in reading order (poppler's ``pdftotext`` without ``-layout``)
prints two such fields' labels one under the other and their values under those ("Datum" /
"Betreft", a blank line, "7 april 2022" / "Opvolging ..."): they are paired again.
"Uw brief van" gives the date of the letter this one answers, which is not a reference: only
a kenmerk written beside it is. A news site's copy may print the letter's date on a line of
its own ("Den Haag, 12 maart 2003"), without a label.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.errors import BriefingError
from briefing.importing.parsed import Head
from briefing.importing.text import (
    SourceLine,
    collapse,
    date_text,
    parse_letterhead_date,
    strip_markup,
)
from briefing.streams import Origin

_LABELS = (
    r"Datum|Betreft|Onderwerp|Onze [Rr]eferentie|Uw [Rr]eferentie|Ons [Kk]enmerk|"
    r"Uw [Kk]enmerk|Uw brief(?: van)?|Bijlage(?:\(n\)|n)?|Kopie aan|"
    r"Contactpersoon|Doorkiesnummer|Pagina"
)
#: A label as the letterhead prints it, and the value after it on its line.
LABEL_RE = re.compile(rf"^({_LABELS})(?=\s|:|$):?\s*(.*)$")
#: The same in any case, as the letterhead (not the body) may print it ("datum", "onderwerp"),
#: and "Kenmerk" alone, which in the body is a word ("Kenmerk van deze aanpak is ...").
HEAD_LABEL_RE = re.compile(rf"^({_LABELS}|Kenmerk)(?=\s|:|$):?\s*(.*)$", re.IGNORECASE)
#: Where the next field starts on a line that prints them side by side.
_NEXT_LABEL_RE = re.compile(
    r"\s+(?=(?:Datum|Betreft|Onderwerp|(?:Onze|Uw) [Rr]eferentie|(?:Ons|Uw) [Kk]enmerk|"
    r"Uw brief van|Bijlage(?:\(n\)|n)|Doorkiesnummer)\s)"
)
#: A label with no value glued to the end of the field before it, as the text of a PDF
#: runs the next row's label onto a long value ("... 2001/8002 doorkiesnummer").
_TRAILING_LABEL_RE = re.compile(
    r"\s+(?:doorkiesnummer|bijlagen?|uw brief van|uw kenmerk|ons kenmerk|datum)\s*:?$"
)
#: The sender's contact printed beside a field, as the text of a PDF joins the letterhead's
#: second column to the first ("Kenmerk DIE/447/02 Telefoon 070-3485005", "Bijlage(n) -
#: E-mail die@minbuza.nl", "Datum 21 september 2002 Auteur G.A. Beschoor Plug").
_CONTACT_END_RE = re.compile(
    r"\s+((?:Telefoon|Fax|Doorkiesnummer)\s+\+?[\d(][\d\s()./-]{5,}"
    r"|E-?mail\s+\S+@\S+"
    r"|(?:Auteur|Inlichtingen|Behandeld door|Contactpersoon)\s+"
    r"[A-Z][\w.\u2019'-]*(?:\s+[\w.\u2019'-]+){0,4})$"
)
#: A reference code at the end of a line: capitals, then parts after slashes ("TRCJZ/2004/6243").
_CODE_END_RE = re.compile(r"\s([A-Z]{2,}[A-Z0-9]*(?:/[A-Za-z0-9]+){2,})$")
#: What a "Uw brief van" field may write around the kenmerk beside its date.
_YOURS_WORDS_RE = re.compile(r"\b(?:van|kenmerk|nr\.?|nummer)\b|[(),:;]", re.IGNORECASE)
#: A place before a date on a line of its own: "Den Haag,", "'s-Gravenhage", "Brussel," (another
#: place with its comma, so that a word such as "Vastgesteld" is no place).
_PLACE_RE = re.compile(
    r"^(?:(?:Den Haag|[\u2019']s-Gravenhage),?|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?,)$"
)


def is_label(text: str) -> bool:
    """Whether ``text`` is a label of the letterhead with no value beside it, in any case."""
    match = HEAD_LABEL_RE.match(text)
    return match is not None and not match[2].strip()


def labels_paired(paragraphs: list[list[SourceLine]]) -> list[list[SourceLine]]:
    """The head's ``paragraphs``, where a paragraph of two or more labels without values is
    followed by a paragraph of their values, as one paragraph of "label value" lines.

    The values pair with the labels in order, a date with "Datum"; lines beyond the labels'
    count continue the last one's value (a subject wrapped). Where they do not pair so
    (fewer values, a label among them, no date where "Datum" stands), nothing changes.
    """
    out: list[list[SourceLine]] = []
    index = 0
    while index < len(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else []
        paired = _paired(paragraphs[index], following)
        out.append(paired or paragraphs[index])
        index += 2 if paired else 1
    return out


def _paired(labels: list[SourceLine], values: list[SourceLine]) -> list[SourceLine] | None:
    names = [collapse(strip_markup(line.text)) for line in labels]
    texts = [collapse(strip_markup(line.text)) for line in values]
    if len(names) < 2 or not all(is_label(name) for name in names) or len(texts) < len(names):
        return None
    if any(HEAD_LABEL_RE.match(text) for text in texts):
        return None
    for name, text in zip(names, texts, strict=False):
        if (name.lower() == "datum") != (date_line(text) is not None):
            return None
    return [
        SourceLine(line.number, f"{names[i]} {text}" if i < len(names) else text)
        for i, (line, text) in enumerate(zip(values, texts, strict=True))
    ]


def date_line(text: str) -> dt.date | None:
    """The date a line gives when it holds nothing else, or a place before it ("Den Haag,
    12 maart 2003", "12 maart 2003", "19-10-2001"); else None."""
    match = date_text(text)
    if match is None or text[match.end() :].strip() not in ("", "."):
        return None
    before = text[: match.start()].strip()
    if before and not _PLACE_RE.match(before):
        return None
    return parse_letterhead_date(match[0])


def read_labels(
    paragraph: list[SourceLine],
    texts: list[str],
    head: Head,
    notes: list[str],
    path: Origin,
) -> list[tuple[dt.date, SourceLine]]:
    """Read the labelled fields of a paragraph of the letterhead into ``head``. A label's
    value stands after it on its line or on the lines under it; a dash is an empty field.
    Dates on lines of their own that no label heads are returned, with their lines."""
    label: str | None = None
    waiting = False  # a label stood alone: its value is on the next line
    dated: list[tuple[dt.date, SourceLine]] = []
    empty_ours = False  # "ons kenmerk" with no value under it
    fields = [
        (line, part)
        for i, line in enumerate(paragraph)
        for part in _fields(_without_contact(texts[i], line, notes))
    ]
    for line, text in fields:
        match = HEAD_LABEL_RE.match(text)
        if match:
            empty_ours = empty_ours or (waiting and _is_ours(label))
            label, value = match[1].lower(), _TRAILING_LABEL_RE.sub("", match[2].strip())
            waiting = not value
        elif not waiting and (day := date_line(text)) is not None:
            dated.append((day, line))
            continue
        elif label is None:
            notes.append(f"line {line.number}: left out of the head: '{text}'")
            continue
        else:
            value, waiting = _TRAILING_LABEL_RE.sub("", text), False
        if not value or value in ("-", "\u2013", "\u2014"):
            continue
        if label == "datum" and head.date is None:
            _read_date(value, line, head, path)
        else:
            _label_value(label, value, line, head, notes)
    if empty_ours and not head.ours:
        _ours_beside_subject(head, notes)
    return dated


def _without_contact(text: str, line: SourceLine, notes: list[str]) -> str:
    """``text`` without the sender's contact printed beside a labelled field, noted as left
    out (the model has no field for it)."""
    match = _CONTACT_END_RE.search(text)
    if match is None or not HEAD_LABEL_RE.match(text[: match.start()]):
        return text
    notes.append(f"line {line.number}: left out of the head: '{match[1]}' (the sender's contact)")
    return text[: match.start()]


def _is_ours(label: str | None) -> bool:
    return label is not None and (label.startswith(("onze", "ons")) or label == "kenmerk")


def _ours_beside_subject(head: Head, notes: list[str]) -> None:
    """Take the reference that ends the subject as ours when "ons kenmerk" has no value: the
    text of a PDF puts the column's value on the subject's line beside it ("... faunawet
    (Kamerstuk 29 446) TRCJZ/2004/6243")."""
    code = _CODE_END_RE.search(head.subject or "")
    if code is None:
        return
    head.subject = (head.subject or "")[: code.start()].rstrip()
    head.ours.append(code[1])
    head.lines["references.ours"] = head.lines.get("subject", 1)
    head.review["references.ours"] = (
        "'ons kenmerk' is empty in the letterhead; this code ended the subject's line"
    )
    notes.append(
        f"line {head.lines['references.ours']}: '{code[1]}' at the end of the subject is read "
        "as 'ons kenmerk', which the letterhead leaves empty (the text of a PDF puts that "
        "column's value beside the subject): check it"
    )


def _fields(text: str) -> list[str]:
    """A letterhead's line of fields side by side ("Datum 28 oktober 2009 Uw kenmerk 18106
    Onderwerp kamervragen") split, unless a label lacks its value, comes twice or no date.
    A subject runs to the end of its line: "Betreft Nieuwe Datum 12 maart 2025" is one
    subject, not a subject and a date."""
    parts = _NEXT_LABEL_RE.split(text)
    subject = next(
        (
            index
            for index, part in enumerate(parts)
            if (match := LABEL_RE.match(part)) and match[1] in ("Betreft", "Onderwerp")
        ),
        None,
    )
    if subject is not None:
        parts = [*parts[:subject], " ".join(parts[subject:])]
    matches = [LABEL_RE.match(part) for part in parts]
    labels = [match[1].lower() for match in matches if match and match[2].strip()]
    dates = [match[2] for match in matches if match and match[1] == "Datum"]
    if len(set(labels)) < len(parts) or None in map(parse_letterhead_date, dates):
        return [text]
    return parts


def _read_date(value: str, line: SourceLine, head: Head, path: Origin) -> None:
    date = parse_letterhead_date(value)
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
    elif label.startswith(("onze", "ons")) or label == "kenmerk":
        head.ours.append(value)
        head.lines.setdefault("references.ours", line.number)
    elif label.startswith("uw brief") and date_text(value):
        _their_letter(value, line, head, notes)
    elif label.startswith("uw"):
        _yours(value, line, head, notes)
    elif label.startswith("bijlage"):
        head.attachments.append(value)
    else:
        notes.append(f"line {line.number}: '{value}' ({label}) left out: the model has no field")


def _their_letter(value: str, line: SourceLine, head: Head, notes: list[str]) -> None:
    """ "Uw brief van 24 december 2004": the date of the letter this one answers, which the
    model has no field for, and the kenmerk written beside it, if any ("van 12 maart 2004,
    kenmerk 2004Z04567"), which is the Kamer's reference."""
    match = date_text(value)
    assert match is not None
    rest = value[: match.start()] + " " + value[match.end() :]
    kenmerk = " ".join(_YOURS_WORDS_RE.sub(" ", rest).split())
    printed = f"Uw brief van {match[0]}"
    if any(c.isdigit() for c in kenmerk):  # a kenmerk has figures; "met kenmerk" alone is none
        notes.append(
            f"line {line.number}: '{printed}' left out: the date of the letter this one "
            f"answers is no reference and the model has no field for it; its kenmerk "
            f"'{kenmerk}' is references.yours"
        )
        _yours(kenmerk, line, head, notes)
        return
    notes.append(
        f"line {line.number}: '{printed}' left out: the date of the letter this one answers "
        "is no reference and the model has no field for it; if that letter has a kenmerk, "
        "write it in references.yours"
    )


def _yours(value: str, line: SourceLine, head: Head, notes: list[str]) -> None:
    if head.yours is None:
        head.yours = value
        head.lines["references.yours"] = line.number
    else:
        notes.append(f"line {line.number}: a second 'Uw referentie' ('{value}') left out")
