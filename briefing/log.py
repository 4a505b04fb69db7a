"""What the command line tells the user, and where: the logging policy.

- **Errors** are what the user must fix before the output can be right: content that does
  not validate, a template that does not compile, a file that cannot be written, a folder
  that holds no content. Each is one line naming the file, the line and the field
  (``path:line:column: field: message``, or ``briefing: error: ...`` where there is no
  file), on standard error, and the command exits non-zero. Nothing half done is kept.
- **Warnings** are what is doubtful but usable: facts in the content that contradict each
  other, a sector named but not attached, CSS that WeasyPrint ignores. Each is one line
  ``path:line:column: warning: ...`` on standard error; they do not change the exit status,
  unless ``--strict`` makes them errors.
- **Progress** is what is being done: a bar on a terminal, else one line per document, on
  standard error; the closing summary goes to standard output.
- **Debug**: a traceback only with ``--debug``.

WeasyPrint reports through the ``weasyprint`` logger; :func:`captured` turns what it says
into warnings at the stylesheet and line it names, so that nothing it ignores is swallowed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: WeasyPrint's word for a character no font has a glyph for: ``.notdef glyph rendered for
#: Unicode string unsupported by fonts: "x" (U+1F1F3)``.
_NO_GLYPH_RE = re.compile(r"\.notdef glyph rendered\b.*\(U\+(?P<code>[0-9A-F]{4,6})\)$")
#: WeasyPrint's own messages: ``Ignored `colr: red` at 3:5, unknown property.``
_AT_RE = re.compile(r"^(?P<what>.*?) at (?P<line>\d+):(?P<column>\d+)(?:[,:] ?(?P<why>.*))?$")


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def captured() -> Iterator[list[str]]:
    """Collect what WeasyPrint warns about inside the block (its messages, in order).

    Blocks may nest (a stylesheet parsed while a document is written): the innermost one
    takes the messages, so that each is reported once, at the file it is about.
    """
    logger = logging.getLogger("weasyprint")
    outer = [handler for handler in logger.handlers if isinstance(handler, _Collector)]
    collector = _Collector()
    for handler in outer:
        logger.removeHandler(handler)
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        for handler in outer:
            logger.addHandler(handler)


def warning_at(where: str, message: str) -> str:
    """A WeasyPrint message about the file ``where`` as a warning line; its ``at L:C`` becomes
    the line and column: ``templates/letter.css:3:5: warning: Ignored `colr: red`: unknown
    property.``"""
    match = _AT_RE.match(message.strip())
    if match is None:
        return f"{where}: warning: {message.strip()}"
    why = f": {match['why']}" if match["why"] else ""
    return f"{where}:{match['line']}:{match['column']}: warning: {match['what']}{why}"


def no_glyph_at(message: str, files: Iterable[Path]) -> str | None:
    """WeasyPrint's ``message`` about a character no font has, as a warning at its first
    place in the content ``files`` the document was made from; ``None`` for another
    message, or a character none of them holds as it stands."""
    match = _NO_GLYPH_RE.search(message.strip())
    if match is None:
        return None
    character = chr(int(match["code"], 16))
    for path in sorted(files):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            continue
        at = text.find(character)
        if at >= 0:
            line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
            return (
                f"{path}:{line}:{column}: warning: no font has a glyph for '{character}' "
                f"(U+{match['code']}): the PDF shows an empty box in its place; write it "
                "otherwise, or leave it out"
            )
    return None
