"""The one exception family of the project, and the problems it carries.

Every problem a user can cause is a :class:`Problem` that points into a file
(``path:line:column: field.path: message``). Content problems are gathered and
raised together as :class:`ContentError`, so an author sees all of them in one run.
"""

from __future__ import annotations

import _thread
import contextlib
import re
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How serious a problem is: errors stop a build, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one content file."""

    path: Path
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {_one_line(self.field)}:" if self.field else ""
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{where}:{field} {prefix}{_one_line(self.message)}"

    def as_warning(self) -> Problem:
        """The same problem as a warning: said, but no error."""
        return replace(self, severity=Severity.WARNING)


#: Line breaks and other control characters, which would split or garble a problem's line.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """``text`` with control characters escaped, so that a problem is always one line."""
    return _CONTROL_RE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors, not warnings."""
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings_in(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are warnings."""
    return [p for p in problems if p.severity is Severity.WARNING]


class BriefingError(Exception):
    """Base of every error the user can cause; printed as one line, without traceback.

    Each kind carries the exit status the command line ends with, and the prefix of its
    line (``briefing: error: ...``).
    """

    exit_status = 1
    prefix = "error: "


class ContentError(BriefingError):
    """The content has one or more errors; each is a :class:`Problem`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(BriefingError):
    """A document could not be rendered (a template or the PDF writer failed)."""


class UsageError(BriefingError):
    """The command line was used wrongly."""

    exit_status = 2


class LockedError(BriefingError):
    """Another build holds the output folder."""

    exit_status = 3


class Interrupted(BriefingError):
    """The command was stopped (Ctrl-C or SIGTERM) before it finished; the message says what
    was done and what is left. The exit status is 128 plus the signal's number."""

    prefix = ""

    def __init__(self, message: str, signum: int = 2) -> None:
        super().__init__(message)
        self.exit_status = 128 + signum


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt, so that one path stops both."""

    signum = 15


def stop_signal(stop: KeyboardInterrupt) -> int:
    """The number of the signal that stopped the command: SIGTERM's or else SIGINT's."""
    return stop.signum if isinstance(stop, Terminated) else 2


#: How long a stop that a finalizer swallowed is put off before it comes again, in seconds.
_AGAIN = 0.01


def stop_again_later(unraisable: sys.UnraisableHookArgs) -> None:
    """A :data:`sys.unraisablehook` for a command and its rendering processes.

    A stop (Ctrl-C, SIGTERM) that came while an object was being finalized (a ``__del__``, a
    weak reference's callback) is swallowed there: Python prints it and goes on. Instead it
    comes again a moment later, from another thread, where it stops the command. Anything
    else is reported as Python does.
    """
    error = unraisable.exc_value
    if isinstance(error, KeyboardInterrupt):
        signum = stop_signal(error)
    elif isinstance(error, SystemExit) and error.code in (130, 143):  # a rendering process's
        signum = int(error.code) - 128
    else:
        sys.__unraisablehook__(unraisable)
        return
    again = threading.Timer(_AGAIN, _thread.interrupt_main, (signal.Signals(signum),))
    again.daemon = True
    with contextlib.suppress(RuntimeError):  # the interpreter is exiting: it stops anyway
        again.start()


@contextlib.contextmanager
def stops_deferred() -> Iterator[None]:
    """Inside the block, Ctrl-C and SIGTERM wait: when it is done, the first that came acts as
    it would have (in the main thread; elsewhere Python runs no signal handlers anyway).

    For work that must not be cut in the middle, such as a child process writing a file that
    the interrupted parent has already removed.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []

    def note(signum: int, frame: object) -> None:
        came.append(signum)

    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, note) for signum in stops}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if came:
            signal.raise_signal(came[0])
