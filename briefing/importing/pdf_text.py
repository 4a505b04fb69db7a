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
    lines = [line for line in text.replace("\x0c", "\n").split("\n")]
    return "\n".join("" if _BULLET_LINE_RE.match(line) else line for line in lines)
