"""Reading a file to import: bytes to numbered lines of text, or a clear error.

The importer reads a letter or a motion as text (converted from the PDF, or copied from a
web page), as the PDF itself (:mod:`.pdf_text`), as the official XML (:mod:`.official_xml`)
or as the web page saved from a browser (:mod:`.web_page`; saved as one file,
:mod:`.mhtml`), whose text is then read as a copy of the page is; a file given by its web
address is fetched first (:mod:`.download`).
Whatever is wrong with the file itself (it cannot be read, is not UTF-8, is empty, is far
too large) is reported here, naming the file and, where it makes sense, the line.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError
from briefing.importing.download import download
from briefing.importing.items import unmarked_items
from briefing.importing.mhtml import looks_like_mhtml, saved_page
from briefing.importing.official_xml import looks_like_xml, read_xml
from briefing.importing.pdf_text import is_pdf, pdf_text
from briefing.importing.tables import tab_cells
from briefing.importing.text import LONE_BULLETS, SourceLine
from briefing.importing.viewer_copy import is_viewer_copy
from briefing.importing.web_page import looks_like_html, page_lines
from briefing.streams import DASH, STDIN_NAME, Origin, WebAddress, read_stdin

#: A letter's text is a few dozen kilobytes, its PDF a few hundred; a file this large is neither.
MAX_BYTES = 20_000_000

#: Characters that are not text (control characters, and what YAML cannot hold); a
#: converter leaves them behind, a letter never means them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
#: Characters a copy carries along that a reader never sees: a soft hyphen (where a word may
#: break; at a line's end, where it did), zero-width spaces and joiners, direction marks.
#: Left in, they part a word from itself ("ver\u00adzoekt" is not "verzoekt").
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]")
#: A soft hyphen at a line's end: the word was broken there, as with a hyphen.
_LINE_END_SOFT_HYPHEN = re.compile("\u00ad(?=[ \t]*\n)")
#: Ligatures a PDF's text gives as one character ("\ufb01" for "fi"), and the bullets a word
#: processor sets in its symbol fonts, which a copy gives as private characters.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
        "\uf0b7": "\u2022",
        "\uf0a7": "\u25aa",
    }
)
#: What Windows-1252 text does not hold: a NUL (a binary file, UTF-16 without its mark), or
#: a character of UTF-8 of two, three or four bytes (a UTF-8 file with a stray byte).
_NOT_WINDOWS_1252 = re.compile(
    rb"\x00|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: How a zip file begins, as a Word document (``.docx``) does.
_ZIP = b"PK\x03\x04"
#: Characters Python or YAML take for line breaks besides ``\n``. Editors count lines at
#: ``\n`` only, so these become spaces, keeping line numbers as an editor shows them; a form
#: feed (the page break of text converted from a PDF) simply goes.
_ODD_BREAKS = re.compile("[\x1c\x1d\x1e\x85\u2028\u2029]")


#: A line or a run of lines of the text that a message names ("line 12", "lines 12-20").
_NAMED_LINE_RE = re.compile(r"\bline (\d+)\b")
_NAMED_LINES_RE = re.compile(r"\blines (\d+)-(\d+)\b")


@dataclass(frozen=True)
class Source:
    """A file to import: what it is (``text``, ``pdf``, ``xml`` or ``html``) and its lines of
    text."""

    path: Origin
    kind: str
    lines: list[SourceLine]
    #: Notes of the file's reader for the user ("line N: ..."): what its lines cannot say,
    #: for the letter they are, and for the motion they are.
    notes: list[str] = field(default_factory=list)
    motion_notes: list[str] = field(default_factory=list)
    #: Whether the file says the lines after the signature are an annex (the official XML's
    #: ``bijlage``), however short.
    annex: bool = False
    #: For a PDF, the page each line of its text is on (line N on ``pages[N - 1]``): a PDF
    #: has pages, not lines, so messages name the page.
    pages: tuple[int, ...] = ()

    @property
    def first_line(self) -> int:
        """The number of the file's first line with text (1 when none has any)."""
        return next((line.number for line in self.lines if line.text.strip()), 1)

    def located(self, message: str) -> str:
        """``message`` ("path:12: ... on lines 12-20") with, for a PDF, the pages for the
        lines of its text: "path, page 3: ... on pages 3-4"."""
        if not self.pages:
            return message
        match = re.match(rf"^{re.escape(str(self.path))}:(\d+): ", message)
        if match is not None:
            message = f"{self.path}, page {self._page(int(match[1]))}: {message[match.end() :]}"
        message = _NAMED_LINES_RE.sub(lambda m: self._pages(int(m[1]), int(m[2])), message)
        return _NAMED_LINE_RE.sub(lambda m: f"page {self._page(int(m[1]))}", message)

    def _pages(self, first: int, last: int) -> str:
        start, end = self._page(first), self._page(last)
        return f"page {start}" if start == end else f"pages {start}-{end}"

    def _page(self, line: int) -> int:
        return self.pages[min(max(line, 1), len(self.pages)) - 1]


def read_source(path: Origin) -> Source:
    """The lines of the text, PDF, XML or HTML file at ``path`` (``-``: what standard
    input gives; a :class:`WebAddress`: what is fetched from it), or a
    :class:`BriefingError`."""
    if path == DASH:  # pbpaste | briefing import -
        path, raw = STDIN_NAME, _checked(read_stdin("a letter or a motion", MAX_BYTES), STDIN_NAME)
    elif isinstance(path, WebAddress):
        raw = _checked(download(path, MAX_BYTES), path)
    else:
        raw = _read_bytes(path)
    if is_pdf(raw):
        read = pdf_text(raw, path)
        return Source(path, "pdf", text_lines(read.text), read.notes, read.notes, pages=read.pages)
    if looks_like_html(raw):
        return Source(path, "html", _cleaned(page_lines(raw, path)))
    if looks_like_mhtml(raw):
        page = saved_page(raw, path)
        lines = page_lines(page.html, path, page.charset)
        placed = [SourceLine(page.line(line.number), line.text, line.cells) for line in lines]
        return Source(path, "html", _cleaned(placed))
    if looks_like_xml(raw):
        xml = read_xml(raw, path)
        lines = [SourceLine(line.number, _as_text(line.text), line.cells) for line in xml.lines]
        return Source(path, "xml", lines, xml.notes, xml.motion_notes, xml.annex)
    text, notes = _decode(raw, path)
    return Source(path, "text", text_lines(text), notes, notes)


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise BriefingError(f"{path} is a folder; give a letter's or a motion's file") from None
    except FileNotFoundError:
        raise BriefingError(
            f"{path} does not exist; give a letter's or a motion's file (text, PDF, saved web "
            "page or XML)"
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BriefingError(f"cannot read {path}: {reason}") from None
    return _checked(raw, path)


def _checked(raw: bytes, path: Origin) -> bytes:
    """``raw``, read from ``path``, unless it is too large or empty."""
    if len(raw) > MAX_BYTES:
        raise BriefingError(
            f"{path} is larger than {MAX_BYTES:,} bytes; a letter or a motion is far smaller: "
            "is this the right file?"
        )
    if not raw.strip():
        raise BriefingError(
            f"{path} is empty; give the text of a letter or a motion (as text, PDF or the "
            "official XML)"
        )
    return raw


def _decode(raw: bytes, path: Origin) -> tuple[str, list[str]]:
    """The text of ``raw``, and a note when it was not UTF-8.

    Besides UTF-8 it reads what Windows saves: UTF-16 with its byte order mark (Notepad's
    and Word's "Unicode"), and Windows-1252 ("ANSI"), so the note asks to check the accented
    letters. A file that is UTF-8 but for a byte or two is not taken for Windows-1252: what
    is UTF-8 in it would come out garbled.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise BriefingError(
                f"{path}:1: the file begins as UTF-16 text but does not go on as it; save the "
                "text as UTF-8, or give the PDF or the official XML"
            ) from None
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        failed = (
            f"the file is not UTF-8 text, a PDF or XML (byte 0x{raw[exc.start]:02x} at line {line})"
        )
    try:
        text = None if _NOT_WINDOWS_1252.search(raw) else raw.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None and raw.startswith(_ZIP):
        raise BriefingError(
            f"{path}:1: this is a zip file, as a Word document (.docx) is, not a letter's or a "
            "motion's text, PDF or XML; save the document as PDF, or as text, and import that"
        )
    if text is None:
        raise BriefingError(
            f"{path}:{line}: {failed}; save the text as UTF-8, or give the PDF or the official XML"
        )
    return text, [
        f"line {line}: the file is not UTF-8 but Windows-1252 ('ANSI') text and is read as "
        "such; check the accented letters and the euro signs in what it gives (saved as UTF-8, "
        "the file is read as it is)"
    ]


def _cleaned(lines: list[SourceLine]) -> list[SourceLine]:
    """A web page's lines, without the characters that are not text, as a copy's are."""
    return [SourceLine(line.number, _as_text(line.text), _row(line.text)) for line in lines]


def text_lines(text: str) -> list[SourceLine]:
    """``text`` as numbered lines, without characters that are not text; a line whose cells
    tabs part keeps them beside its text (see :mod:`.tables`)."""
    if not text.strip():
        return [SourceLine(1, "")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_END_SOFT_HYPHEN.sub("-", text)
    lines = [
        SourceLine(number, _as_text(part), _row(part))
        for number, line in enumerate(text.split("\n"), start=1)
        for part in _hyphen_breaks(line)
    ]
    # A viewer's copy gives a list's bullets after the page's text, not before their items:
    # its reader puts them back (see viewer_copy). Other texts may have lost them (see items).
    return lines if is_viewer_copy(lines) else unmarked_items(_bullets_joined(lines))


def _hyphen_breaks(line: str) -> list[str]:
    """``line`` as the lines a PDF viewer's copy joined: PDFium gives a hyphen that ends a
    line as U+FFFE and runs the next line on after it ("IMVO\ufffeconvenanten")."""
    parts = line.split("\ufffe")
    last = [parts[-1]] if parts[-1] or len(parts) == 1 else []
    return [f"{part}-" for part in parts[:-1]] + last


def _bullets_joined(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with a bullet alone on its line put before the item's text under it, as the
    text of a PDF converted in reading order gives a bullet the PDF sets apart ("•", a
    blank line, "De toezegging om ..."); the bullet's line is left blank."""
    out = list(lines)
    for index, line in enumerate(lines):
        bullet = line.text.strip()
        if bullet not in LONE_BULLETS:
            continue
        after = next(
            (n for n in range(index + 1, min(index + 3, len(out))) if out[n].text.strip()), None
        )
        before = out[index - 1].text.strip() if index else ""
        if (
            after is not None
            and out[after].text.strip() not in LONE_BULLETS
            and before not in LONE_BULLETS
        ):
            item = out[after]
            out[after] = SourceLine(
                item.number, f"{LONE_BULLETS[bullet]} {item.text.lstrip()}", item.cells
            )
            out[index] = SourceLine(line.number, "")
    return out


def _row(line: str) -> tuple[str, ...]:
    """The cells of a table's row that a copy gives as a line, its cells parted by tabs."""
    return tuple(_as_text(cell) for cell in tab_cells(line))


def _as_text(text: str) -> str:
    """``text`` with odd line breaks and tabs as spaces, without form feeds and the other
    characters that are not text or not seen, its accented letters composed (as a Mac's
    copy may not have them) and its ligatures written out."""
    text = _ODD_BREAKS.sub(" ", text).replace("\t", " ").replace("\x0c", "")
    text = _INVISIBLE.sub("", _NOT_TEXT.sub("", text))
    return unicodedata.normalize("NFC", text).translate(_LIGATURES)
