"""Where a command takes a file: a path, ``-`` for standard input or output, or a web address.

``import -`` and ``kamer load -`` read what is piped in; ``export --out -`` writes to what
it is piped into. Messages name them ``<stdin>`` and ``<stdout>``. ``import`` also takes the
web address of a paper, which messages name as it was given.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefing.errors import BriefingError, UsageError

#: The file argument that stands for standard input or output.
DASH = Path("-")
#: How messages name standard input and output.
STDIN_NAME = Path("<stdin>")
STDOUT_NAME = Path("<stdout>")


@dataclass(frozen=True)
class WebAddress:
    """A web address given where a file's path goes: shown as given, named by the last part
    of its path ("kst-28844-269.xml"), as a file is by its name."""

    address: str

    def __str__(self) -> str:
        return self.address

    @property
    def name(self) -> str:
        """The file's name the address gives, else its host's."""
        parts = urlsplit(self.address)
        return unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or parts.hostname or "download"


#: A file given by its path (``-``: standard input), or by its web address.
Origin = Path | WebAddress


def read_once(paths: Sequence[Origin]) -> None:
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
