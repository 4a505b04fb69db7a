"""Rebuild on every save: watch the content and templates, and build when a file changes.

Polls file sizes and modification times twice a second, which needs no extra library and
works on every file system; a build only renders what the change affects.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from briefing.layout import templates_dir

#: A snapshot of a tree: every file's size and modification time.
Snapshot = dict[str, tuple[int, int]]


def snapshot(*roots: Path) -> Snapshot:
    """The size and modification time of every file under ``roots``."""
    found: Snapshot = {}
    for root in roots:
        for path in root.rglob("*"):
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
    interval: float = 0.5,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Call ``rebuild`` now and after every change under ``content`` or the templates.

    Runs until interrupted, or until ``keep_going`` returns False.
    """
    roots = (content, templates_dir())
    seen = snapshot(*roots)
    rebuild()
    while keep_going():
        time.sleep(interval)
        now = snapshot(*roots)
        if now != seen:
            seen = now
            rebuild()
