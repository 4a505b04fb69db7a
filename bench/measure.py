"""Run a command in a fresh process and measure it: wall time, peak memory, pages written.

Peak memory is the largest resident set of the process and its descendants, as the kernel
reports it when the process is reaped (``os.wait4``), and, where ``/proc`` allows it, the
largest sum of the resident sets of the whole process tree sampled while it runs (what
two rendering processes use together).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Run:
    """What one run of a command took and said."""

    seconds: float
    #: Processor time (user and system) of the process and its descendants.
    cpu: float
    #: Peak memory of the process tree, in bytes.
    peak_rss: int
    returncode: int
    stdout: str
    stderr: str

    def check(self) -> Run:
        """This run, or an error with its output when it failed."""
        if self.returncode != 0:
            raise RuntimeError(f"exit status {self.returncode}:\n{self.stdout}\n{self.stderr}")
        return self


def _tree_rss(pid: int) -> int:
    """The summed resident memory of ``pid`` and its descendants, from ``/proc``."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            fields = text[text.rindex(")") + 2 :].split()
            child = int(stat.parent.name)
            parents[child] = int(fields[1])
            rss[child] = int(fields[21]) * _PAGE
        except (OSError, ValueError, IndexError):
            continue
    tree, todo = set(), [pid]
    while todo:
        current = todo.pop()
        tree.add(current)
        todo += [c for c, p in parents.items() if p == current and c not in tree]
    return sum(rss.get(p, 0) for p in tree)


class _Sampler(threading.Thread):
    """Samples the resident memory of a process tree until told to stop."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, _tree_rss(self.pid))


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``command`` to its end in a new process; time it and measure its memory."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=cwd)
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in KiB on Linux, in bytes on macOS.
        scale = 1 if sys.platform == "darwin" else 1024
        peak = max(usage.ru_maxrss * scale, sampler.peak)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, cpu, peak, process.returncode, out.read(), err.read())


def briefing(*args: str, python: str = sys.executable) -> list[str]:
    """The command line of ``python -m briefing ARGS``."""
    return [python, "-m", "briefing", *args]


def count_pages(out: Path) -> dict[str, int]:
    """The number of pages of every PDF under ``out``, by path relative to it."""
    from pypdf import PdfReader

    return {
        path.relative_to(out).as_posix(): len(PdfReader(path).pages)
        for path in sorted(out.rglob("*.pdf"))
    }


def rebuilt(run: Run) -> list[str]:
    """The outputs a build says it rendered (one ``rebuilt NAME`` line each)."""
    return [
        line.split(" ", 1)[1] for line in run.stderr.splitlines() if line.startswith("rebuilt ")
    ]
