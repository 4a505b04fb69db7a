"""Reading a letter's text file: bytes to numbered lines, or a clear error.

The importer reads a text file that someone converted or copied from a published
letter. Whatever is wrong with the file itself (it cannot be read, is not UTF-8, is
empty, is far too large) is reported here, naming the file and, where it makes
sense, the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError

#: A letter's text is a few dozen kilobytes; anything this large is not a letter.
MAX_BYTES = 2_000_000

#: Characters that are not text (control characters, and what YAML cannot hold); a
#: converter leaves them behind, a letter never means them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
#: Characters Python or YAML take for line breaks besides ``\n``. Editors count lines at
#: ``\n`` only, so these become spaces, keeping line numbers as an editor shows them; a form
#: feed (the page break of text converted from a PDF) simply goes.
_ODD_BREAKS = re.compile("[\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class SourceLine:
    """One line of the source text, with its 1-based line number."""

    number: int
    text: str


def read_source(path: Path) -> list[SourceLine]:
    """The lines of the text file at ``path``, or a :class:`BriefingError` saying what is wrong."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise BriefingError(f"{path} is a folder; give the letter's text file") from None
    except FileNotFoundError:
        raise BriefingError(f"{path} does not exist; give the letter's text file") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BriefingError(f"cannot read {path}: {reason}") from None
    if len(raw) > MAX_BYTES:
        raise BriefingError(
            f"{path} is {len(raw):,} bytes; a letter's text is far smaller (at most "
            f"{MAX_BYTES:,} bytes are read): is this the right file?"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefingError(
            f"{path}:{line}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line "
            f"{line}); save the letter's text as UTF-8 (or export it again as text) and import "
            "that file"
        ) from None
    if not text.strip():
        raise BriefingError(
            f"{path} is empty; give the text of a letter (converted from its PDF, or the "
            "Kamerstuk as published)"
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _ODD_BREAKS.sub(" ", text).replace("\t", " ").replace("\x0c", "")
    text = _NOT_TEXT.sub("", text)
    return [SourceLine(number, line) for number, line in enumerate(text.split("\n"), start=1)]
