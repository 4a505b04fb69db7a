"""The bench's tables, in Markdown so they can go into the README as they are."""

from __future__ import annotations

from bench.results import SizeResult
from bench.targets import Verdict

_MB = 2**20


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|"] + [
        line(r) for r in rows
    ]


def full_builds(results: list[SizeResult]) -> list[str]:
    """Full builds: wall time and pages per second at one and two jobs, raw WeasyPrint."""
    header = [
        "letters", "outputs", "pages", "--jobs 1", "pages/s", "--jobs 2", "pages/s",
        "speed-up", "raw WeasyPrint", "overhead", "overhead (CPU)",
    ]  # fmt: skip
    rows = [
        [
            str(r.letters),
            str(r.outputs),
            str(r.pages),
            f"{r.full[1]:.1f} s",
            f"{r.pages_per_second(1):.1f}",
            f"{r.full[2]:.1f} s" if 2 in r.full else "-",
            f"{r.pages_per_second(2):.1f}" if 2 in r.full else "-",
            f"{r.speedup:.2f}" if 2 in r.full else "-",
            f"{r.raw:.1f} s",
            f"{r.overhead:.3f}",
            f"{r.overhead_cpu:.3f}",
        ]
        for r in results
    ]
    return _table(header, rows)


def rebuilds(results: list[SizeResult]) -> list[str]:
    """Rebuilds and memory: no-op, one new letter, peak memory of the full builds."""
    header = [
        "letters", "no-op", "+1 letter", "rendered", "raw of those", "peak --jobs 1",
        "peak --jobs 2", "load",
    ]  # fmt: skip
    rows = [
        [
            str(r.letters),
            f"{r.noop:.2f} s",
            f"{r.added:.2f} s",
            f"{len(r.added_rebuilt)} of {len(r.added_affected)} affected",
            f"{r.added_raw:.2f} s",
            f"{r.peak_rss.get(1, 0) / _MB:.0f} MB",
            f"{r.peak_rss.get(2, 0) / _MB:.0f} MB" if 2 in r.peak_rss else "-",
            f"{r.load[0]} → {r.load[1]}",
        ]
        for r in results
    ]
    return _table(header, rows)


def kinds(results: list[SizeResult]) -> list[str]:
    """Per kind of document: how many, their pages, raw WeasyPrint's time and work per page."""
    header = [
        "letters", "kind", "documents", "pages", "raw ms/page", "thousand calls/page",
        "lines/page", "calls/line", "longest document",
    ]  # fmt: skip
    rows = []
    for r in results:
        for kind, (documents, pages, seconds) in sorted(r.kinds.items()):
            longest = f"{r.longest[1]} pages" if r.longest[0].startswith(f"{kind}/") else ""
            per_page = f"{1000 * seconds / pages:.0f}" if pages else "-"
            calls = r.calls_per_page(kind)
            lines = r.lines_per_page(kind)
            work = f"{calls / 1000:.0f}" if calls else "-"
            density = f"{lines:.0f}" if lines else "-"
            per_line = f"{calls / lines:.0f}" if lines else "-"
            row = [str(r.letters), kind, str(documents), str(pages), per_page, work, density]
            rows.append([*row, per_line, longest])
    return _table(header, rows)


def targets(verdicts: list[Verdict]) -> list[str]:
    """Each target, its measured value, met or not."""
    return _table(
        ["target", "measured", "status"], [[v.target, v.measured, v.status] for v in verdicts]
    )


def machine(pairs: list[tuple[str, str]]) -> list[str]:
    """The machine and software the figures were taken on."""
    return [f"- {what}: {value}" for what, value in pairs]
