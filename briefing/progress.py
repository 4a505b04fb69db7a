"""Show a build's progress: a bar that redraws itself on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from typing import TextIO

BAR_WIDTH = 30


class Progress:
    """Receives a build's events (see :func:`briefing.build.build`) and shows them."""

    def __init__(self, stream: TextIO | None = None, bar: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.bar = self.stream.isatty() if bar is None else bar
        self.total = 0
        self.count = 0

    def start(self, total: int) -> None:
        """The build is about to render ``total`` documents."""
        self.total, self.count = total, 0

    def done(self, name: str, what: str) -> None:
        """One document was rendered (``what`` is 'rebuilt') or failed ('failed')."""
        self.count += 1
        if not self.bar:
            # In one write, the line's end with it: a stop (Ctrl-C) while it is written leaves
            # the line whole or not begun, never open for the stop's own line to run on from.
            self.stream.write(f"{what} {name}\n")
            self.stream.flush()
            return
        total = max(self.total, self.count)
        filled = BAR_WIDTH * self.count // total
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.count}/{total} {name}"
        print(f"\r\x1b[K{line}", end="", file=self.stream, flush=True)

    def finish(self) -> None:
        """Clear the bar, so the closing line stands alone."""
        if self.bar and self.count:
            print("\r\x1b[K", end="", file=self.stream, flush=True)
