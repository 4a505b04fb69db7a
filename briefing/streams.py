"""Standard input and output where a command takes a file: ``-`` stands for them.

``import -`` and ``kamer load -`` read what is piped in; ``export --out -`` writes to what
it is piped into. Messages name them ``<stdin>`` and ``<stdout>``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefing.errors import BriefingError, UsageError

#: The file argument that stands for standard input or output.
DASH = Path("-")
#: How messages name standard input and output.
STDIN_NAME = Path("<stdin>")
STDOUT_NAME = Path("<stdout>")


def read_once(paths: list[Path]) -> None:
    """Refuse standard input given more than once: after the first, it gives nothing."""
    if paths.count(DASH) > 1:
        raise UsageError(f"'{DASH}' (standard input) can be read once; give it once")


def read_stdin(what: str, limit: int | None = None) -> bytes:
    """What standard input gives, up to ``limit`` bytes and one more (so that the caller can
    tell it is too much); ``what`` says what to pipe into it when it is closed."""
    if sys.stdin is None:  # closed by the shell: ... - <&-
        raise BriefingError(f"{STDIN_NAME} is closed; pipe {what} into it")
    try:
        return sys.stdin.buffer.read(-1 if limit is None else limit + 1)
    except OSError as exc:
        raise BriefingError(f"cannot read {STDIN_NAME}: {exc.strerror or exc}") from None


def write_stdout(data: bytes, what: str) -> None:
    """Write ``data`` to standard output; a reader that stops early (``| head``) is said,
    naming ``what`` was written."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would fail again flushing it at exit: what is left goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise BriefingError(
            f"{what} was not read to its end: the command it went to stopped reading"
        ) from None
