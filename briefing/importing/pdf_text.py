"""The text of a PDF, as the importer reads it: pdfminer.six's layout analysis, or a clear error.

pdfminer.six keeps a page's blocks apart with a blank line, as the text readers of the layouts
expect (a paragraph, the reference column, a footnote); a label and its value on one line stay
together ("Datum 13 november 2018"). A PDF without a text layer (a scan) has no text to read:
that is said, not guessed at. Bullets, which the extraction puts on lines of their own, go.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from briefing.errors import BriefingError

#: A PDF starts with this (a few bytes of rubbish may come first).
MAGIC = b"%PDF-"
#: How far apart two letters on one line may be (in letter widths) and still be one line: wide
#: enough for a label and its value ("Datum" and the date), too narrow to join the columns.
_CHAR_MARGIN = 6.0
#: Fewer letters than this on every page: the PDF holds images of pages, not text.
_MIN_LETTERS = 20
_BULLET_LINE_RE = re.compile(r"^\s*[\u2022\u25aa\u00b7\u2013-]\s*$")
#: The page number the ministry's letters print at the foot of every page.
_PAGE_RE = re.compile(r"^\s*Pagina \d+ van \d+\s*$")
_TERMINAL_RE = re.compile(r"[.,;:!?\-]$")
#: A line shorter than this share of the text's width, with room for the next word: a heading.
_HEADING_SHARE = 0.9
#: A line at least this share of the text's width: a paragraph's, not a column's or a list's.
_PROSE_SHARE = 0.6


def is_pdf(raw: bytes) -> bool:
    """Whether ``raw`` is a PDF file (its signature within the first kilobyte)."""
    return MAGIC in raw[:1024]


def pdf_text(raw: bytes, path: Path) -> str:
    """The text of the PDF in ``raw``; a :class:`BriefingError` for a scan or a broken file."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(raw), laparams=LAParams(char_margin=_CHAR_MARGIN))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise BriefingError(
            f"{path}: the PDF is protected with a password; save it without the protection, "
            "or give the letter's text"
        ) from None
    except Exception as exc:  # pdfminer raises many kinds of errors on a damaged file
        raise BriefingError(
            f"{path}: cannot read the PDF ({type(exc).__name__}): is the file complete? "
            "Download it again, or give the letter's text"
        ) from None
    pages = text.split("\x0c")
    if not any(sum(char.isalpha() for char in page) >= _MIN_LETTERS for page in pages):
        raise BriefingError(
            f"{path}: the PDF has no text layer (it is a scan: images of pages); run text "
            "recognition (OCR) on it first, or give the letter's text or the official XML"
        )
    lines = text.replace("\x0c", "\n").split("\n")
    lines = ["" if _BULLET_LINE_RE.match(line) or _PAGE_RE.match(line) else line for line in lines]
    return "\n".join(_headings_apart(lines))


def _headings_apart(lines: list[str]) -> list[str]:
    """A blank line after a heading that the extraction put right above its paragraph.

    The PDF's bold is lost; what gives a heading away is a first line that stops well short
    of the text's width (the next word would have fitted) without a full stop, followed by a
    line that starts with a capital.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return lines
    width = lengths[int(len(lengths) * 0.95)]
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        text = line.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not text or not following or not following[0].isupper() or _TERMINAL_RE.search(text):
            continue
        position = next((n for n in (1, 2) if index < n or not lines[index - n].strip()), 3)
        if position > 2:  # only the first two lines of a block can be a heading
            continue
        room = len(text) + 1 + len(following.split()[0]) < _HEADING_SHARE * width
        if room and len(following) >= _PROSE_SHARE * width:  # a heading above a paragraph
            out.append("")
    return out
