"""The figures measured for one corpus size, and the ratios derived from them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SizeResult:
    """Everything measured on one synthetic corpus of ``letters`` letters."""

    letters: int
    outputs: int = 0
    pages: int = 0
    #: Full build (``--force``) wall time by number of jobs.
    full: dict[int, float] = field(default_factory=dict)
    #: Its processor time (all processes), by number of jobs.
    full_cpu: dict[int, float] = field(default_factory=dict)
    #: Peak memory of the full build's process tree, in bytes, by number of jobs.
    peak_rss: dict[int, int] = field(default_factory=dict)
    #: Raw WeasyPrint rendering the same documents in one fresh process.
    raw: float = 0.0
    raw_cpu: float = 0.0
    #: Build with nothing changed.
    noop: float = 0.0
    noop_rebuilt: int = 0
    #: Build after adding one letter, what it rendered and what that letter affects.
    added: float = 0.0
    added_rebuilt: list[str] = field(default_factory=list)
    added_affected: list[str] = field(default_factory=list)
    #: Raw WeasyPrint rendering only the documents that build rendered.
    added_raw: float = 0.0
    #: By kind of document (letters, briefings, sectors): documents, pages, raw seconds.
    kinds: dict[str, tuple[int, int, float]] = field(default_factory=dict)
    #: By kind of document: pages, WeasyPrint's Python calls and lines of text of a sample
    #: (bench.work).
    work: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    #: The longest document and its pages.
    longest: tuple[str, int] = ("", 0)
    #: The longest debate dossier and its pages.
    longest_dossier: tuple[str, int] = ("", 0)
    #: Load average when the measurements started and ended (other work on the machine).
    load: tuple[str, str] = ("", "")

    def pages_per_second(self, jobs: int) -> float:
        """Pages of the full build per second of wall time."""
        return self.pages / self.full[jobs] if self.full.get(jobs) else 0.0

    def seconds_per_page(self, jobs: int = 1) -> float:
        """Wall time of the full build per page."""
        return self.full[jobs] / self.pages if self.pages else 0.0

    @property
    def overhead(self) -> float:
        """Full build time at one job over raw WeasyPrint's time for the same documents."""
        return self.full[1] / self.raw if self.raw else 0.0

    @property
    def overhead_cpu(self) -> float:
        """The same ratio in processor time, which other work on the machine hardly changes."""
        return self.full_cpu[1] / self.raw_cpu if self.raw_cpu else 0.0

    @property
    def speedup(self) -> float:
        """Full build time at one job over the time at two."""
        return self.full[1] / self.full[2] if self.full.get(2) else 0.0

    def calls_per_page(self, kind: str) -> float:
        """WeasyPrint's Python calls per page of the sampled documents of ``kind``."""
        pages, calls, _ = self.work.get(kind, (0, 0, 0))
        return calls / pages if pages else 0.0

    def lines_per_page(self, kind: str) -> float:
        """Lines of text per page of the sampled documents of ``kind``."""
        pages, _, lines = self.work.get(kind, (0, 0, 0))
        return lines / pages if pages else 0.0

    @property
    def work_per_page(self) -> float:
        """Calls per page of the whole build: each kind's, weighed by its pages in the build."""
        weighed = [(pages, self.calls_per_page(kind)) for kind, (_, pages, _) in self.kinds.items()]
        total = sum(pages for pages, per_page in weighed if per_page)
        return sum(pages * per_page for pages, per_page in weighed) / total if total else 0.0

    @property
    def work_per_line(self) -> float:
        """Calls per line of text of the whole build: each kind's calls and lines per page,
        weighed by its pages in the build."""
        kinds = [(pages, kind) for kind, (_, pages, _) in self.kinds.items() if kind in self.work]
        lines = sum(pages * self.lines_per_page(kind) for pages, kind in kinds)
        calls = sum(pages * self.calls_per_page(kind) for pages, kind in kinds)
        return calls / lines if lines else 0.0
