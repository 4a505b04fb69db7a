"""One build at a time per output folder, on every platform, and no half-written files left.

The lock is taken with ``filelock``, which uses the platform's own call (``flock`` on Linux
and macOS, ``LockFileEx`` on Windows) and is released by the system when the process ends,
however it ends. The holder writes who it is beside the lock, so that a second build can say
so. A build also clears what an interrupted build left half written: temporary files,
never outputs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from briefing.atomic import PARTIAL_SUFFIX
from briefing.errors import BriefingError, LockedError, UsageError

LOCK_FILE = ".briefing-build.lock"
#: Who holds the lock: process id, machine, command and the time it started.
OWNER_FILE = ".briefing-build.owner"


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock, so two builds never write into it at once."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; give --out a folder, e.g. 'build'")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BriefingError(f"cannot create the output folder {out}: {reason}") from None
    lock = FileLock(out / LOCK_FILE, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise LockedError(f"{out} is locked by {_owner(out)}; wait for it to finish") from None
    except OSError as exc:
        raise BriefingError(f"cannot lock {out / LOCK_FILE}: {exc.strerror or exc}") from None
    try:
        _write_owner(out)
        yield
    finally:
        (out / OWNER_FILE).unlink(missing_ok=True)
        lock.release()


def _write_owner(out: Path) -> None:
    owner = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    (out / OWNER_FILE).write_text(json.dumps(owner), encoding="utf-8")


def _owner(out: Path) -> str:
    """Who holds the lock: ``process 1234 on host-a since 2026-11-28T10:00:00+01:00``."""
    try:
        owner = json.loads((out / OWNER_FILE).read_text(encoding="utf-8"))
        return f"process {owner['pid']} on {owner['host']} since {owner['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another build"


def remove_partials(out: Path) -> None:
    """Delete what an interrupted build left half written: temporary files, never outputs."""
    for partial in out.glob(f"*/.*{PARTIAL_SUFFIX}"):
        partial.unlink(missing_ok=True)
