"""Rebuild on every save: watch the content and templates, and build when a file changes.

Polls file sizes and modification times twice a second, which needs no extra library and
works on every file system. A change is built once the files have stood still for one poll,
so that a file being saved is never read half written; a build only renders what the change
affects. The output folder (and its lock) are never watched, even inside the content folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from briefing.layout import templates_dir

#: A snapshot of a tree: every file's size and modification time.
Snapshot = dict[str, tuple[int, int]]


def snapshot(*roots: Path, ignore: Path | None = None) -> Snapshot:
    """The size and modification time of every file under ``roots``, outside ``ignore``."""
    skip = ignore.resolve() if ignore is not None else None
    found: Snapshot = {}
    for root in roots:
        for path in root.rglob("*"):
            if skip is not None and path.resolve().is_relative_to(skip):
                continue
            try:
                stat = path.stat()
            except OSError:  # removed while we looked
                continue
            if path.is_file():
                found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def watch(
    content: Path,
    rebuild: Callable[[], None],
    *,
    ignore: Path | None = None,
    interval: float = 0.5,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Call ``rebuild`` now and after every change under ``content`` or the templates.

    Files under ``ignore`` (the output folder) are not watched. Runs until interrupted, or
    until ``keep_going`` returns False.
    """
    roots = (content, templates_dir())
    seen = snapshot(*roots, ignore=ignore)
    rebuild()
    while keep_going():
        time.sleep(interval)
        now = snapshot(*roots, ignore=ignore)
        if now == seen:
            continue
        while True:  # wait until the saving is over
            time.sleep(interval)
            settled = snapshot(*roots, ignore=ignore)
            if settled == now:
                break
            now = settled
        seen = now
        rebuild()
