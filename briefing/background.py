"""What the preview does behind the page: watch for saves, and rebuild the PDFs.

The :class:`Watcher` looks at the content and the templates twenty times a second (the size
and modification time of every file: a few hundred ``stat`` calls, no extra library) and
calls back on every change, saying whether a template changed. The :class:`Builder` rebuilds
the PDFs as ``build`` would, through :func:`briefing.build.build` under the output folder's
lock, in a process of its own at a lower priority, so that rendering PDFs never holds up the
page; saves during a build are built together once it ends, and a build that finds the
folder locked by another is tried again a little later.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from pathlib import Path

from briefing.errors import BriefingError, LockedError
from briefing.layout import templates_dir

#: Seconds between two looks at the files.
INTERVAL = 0.05
#: Seconds before a build that found the output folder locked is tried again.
RETRY = 2.0
#: Size and modification time of every file under a folder, by path.
Stamps = dict[str, tuple[int, int]]


def stamps(root: Path, ignore: Path | None = None) -> Stamps:
    """The size and modification time of every file under ``root``, except under ``ignore``."""
    found: Stamps = {}
    folders = [str(root)]
    skip = os.path.realpath(ignore) if ignore is not None else None
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:  # removed while we looked
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    if skip is None or os.path.realpath(entry.path) != skip:
                        folders.append(entry.path)
                elif entry.is_file():
                    stat = entry.stat()
                    found[entry.path] = (stat.st_size, stat.st_mtime_ns)
            except OSError:
                continue
    return found


class Watcher:
    """Calls ``changed(templates)`` after every change under the content or the templates
    (but not under ``ignore``, the output folder, were it inside the content)."""

    def __init__(
        self,
        content: Path,
        changed: Callable[[bool], object],
        ignore: Path | None = None,
        say: Callable[[str], None] = print,
    ) -> None:
        self.roots = (content, templates_dir())
        self.changed, self.ignore, self.say = changed, ignore, say
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="watcher", daemon=True)

    def start(self) -> None:
        """Start watching."""
        self._thread.start()

    def stop(self) -> None:
        """Stop watching."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        seen = [stamps(root, self.ignore) for root in self.roots]
        while not self._stop.wait(INTERVAL):
            now = [stamps(root, self.ignore) for root in self.roots]
            if now != seen:
                templates = now[1] != seen[1]
                seen = now
                try:
                    self.changed(templates)
                except Exception as exc:  # a fault of the preview: said, and watching goes on
                    self.say(f"preview: internal error: {type(exc).__name__}: {exc}")


def _build(content: Path, out: Path) -> None:
    """Build the PDFs (in the builder's process) and say how it went; exit 3 when locked."""
    from briefing.build import build

    os.nice(5)
    try:
        report = build(content, out)
    except LockedError as exc:
        print(f"PDFs: {exc}; trying again shortly", file=sys.stderr, flush=True)
        sys.exit(LockedError.exit_status)
    except BriefingError as exc:
        print(f"PDFs: {exc}", file=sys.stderr, flush=True)
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        sys.exit(130)
    for line in report.lines():
        print(f"PDFs: {line}", file=sys.stderr, flush=True)


class Builder:
    """Rebuilds the PDFs in the background: now, and again after every :meth:`request`."""

    def __init__(self, content: Path, out: Path, say: Callable[[str], None]) -> None:
        self.content, self.out, self.say = content, out, say
        self._wanted = threading.Event()
        self._wanted.set()  # bring the PDFs up to date at the start
        self._stop = threading.Event()
        self._process: BaseProcess | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="builder", daemon=True)

    def start(self) -> None:
        """Start building when asked."""
        self._thread.start()

    def request(self) -> None:
        """Build again, as soon as the build under way (if any) has ended."""
        self._wanted.set()

    def stop(self) -> None:
        """Stop, ending a build under way (the next build finishes its work)."""
        self._stop.set()
        self._wanted.set()
        with self._lock:
            process = self._process
        if process is not None and process.is_alive():
            process.terminate()
            process.join()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        context = multiprocessing.get_context("spawn")
        while True:
            self._wanted.wait()
            if self._stop.is_set():
                return
            self._wanted.clear()
            process = context.Process(target=_build, args=(self.content, self.out), name="pdfs")
            with self._lock:
                if self._stop.is_set():
                    return
                process.start()
                self._process = process
            process.join()
            if process.exitcode == LockedError.exit_status and not self._stop.wait(RETRY):
                self._wanted.set()
