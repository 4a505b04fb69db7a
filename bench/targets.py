"""The performance targets, each checked against the figures it is about.

A target whose size was not measured is reported as such, never as met.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.results import SizeResult

#: Sizes the targets are stated for.
SPEEDUP_SIZE, NOOP_SIZE, SMALL_SIZE, LARGE_SIZE = 100, 100, 50, 500
MAX_OVERHEAD = 1.10
MIN_SPEEDUP = 1.7
MAX_NOOP = 0.5
#: A rebuild may take the no-op check plus this much over rendering what it rebuilds.
MAX_ADDED_OVERHEAD = 1.10
MAX_PAGE_COST_GROWTH = 0.15
MAX_PEAK = 2**30
#: The longest dossier, annex included, at the large size.
MAX_DOSSIER_PAGES = 40


@dataclass(frozen=True)
class Verdict:
    """One target: what it asks, what was measured, and whether it was met (None: unknown)."""

    target: str
    measured: str
    met: bool | None

    @property
    def status(self) -> str:
        """``met``, ``not met`` or ``not measured``."""
        return {True: "met", False: "not met", None: "not measured"}[self.met]


def verdicts(results: dict[int, SizeResult]) -> list[Verdict]:
    """Every target with its measured value."""
    return [
        _overhead(results),
        _speedup(results),
        _noop(results),
        _added(results),
        _page_cost(results),
        _peak(results),
        _dossier(results),
    ]


def _overhead(results: dict[int, SizeResult]) -> Verdict:
    target = f"overhead ratio at --jobs 1 <= {MAX_OVERHEAD:.2f} (every size)"
    measured = [r for r in results.values() if r.raw]
    if not measured:
        return Verdict(target, "-", None)
    shown = ", ".join(f"N={r.letters}: {r.overhead:.2f}" for r in measured)
    return Verdict(target, shown, all(r.overhead <= MAX_OVERHEAD for r in measured))


def _speedup(results: dict[int, SizeResult]) -> Verdict:
    target = f"speed-up of --jobs 2 over --jobs 1 >= {MIN_SPEEDUP} at N={SPEEDUP_SIZE}"
    result = results.get(SPEEDUP_SIZE)
    if result is None or not result.speedup:
        return Verdict(target, "-", None)
    return Verdict(target, f"{result.speedup:.2f}", result.speedup >= MIN_SPEEDUP)


def _noop(results: dict[int, SizeResult]) -> Verdict:
    target = f"no-op rebuild < {MAX_NOOP} s at N={NOOP_SIZE}"
    result = results.get(NOOP_SIZE)
    if result is None or not result.noop:
        return Verdict(target, "-", None)
    return Verdict(
        target, f"{result.noop:.2f} s", result.noop < MAX_NOOP and not result.noop_rebuilt
    )


def _added(results: dict[int, SizeResult]) -> Verdict:
    target = (
        "one new letter: rebuilds only what it affects, in <= no-op + "
        f"{MAX_ADDED_OVERHEAD:.2f} x raw rendering of those (every size)"
    )
    measured = [r for r in results.values() if r.added_raw]
    if not measured:
        return Verdict(target, "-", None)
    shown = ", ".join(
        f"N={r.letters}: {len(r.added_rebuilt)}/{len(r.added_affected)} outputs, "
        f"{r.added:.2f} s vs {r.noop:.2f} + {MAX_ADDED_OVERHEAD:.2f} x {r.added_raw:.2f} s"
        for r in measured
    )
    met = all(
        sorted(r.added_rebuilt) == sorted(r.added_affected)
        and r.added <= r.noop + MAX_ADDED_OVERHEAD * r.added_raw
        for r in measured
    )
    return Verdict(target, shown, met)


def _page_cost(results: dict[int, SizeResult]) -> Verdict:
    target = (
        f"cost per page at N={LARGE_SIZE} within {MAX_PAGE_COST_GROWTH:.0%} of N={SMALL_SIZE} "
        "(--jobs 1)"
    )
    small, large = results.get(SMALL_SIZE), results.get(LARGE_SIZE)
    if small is None or large is None or not small.pages or not large.pages:
        return Verdict(target, "-", None)
    growth = large.seconds_per_page() / small.seconds_per_page() - 1
    shown = (
        f"{large.seconds_per_page() * 1000:.0f} vs {small.seconds_per_page() * 1000:.0f} ms/page "
        f"({growth:+.0%})"
    )
    if small.work_per_page and large.work_per_page:
        more = large.work_per_page / small.work_per_page - 1
        shown += f"; work per page {more:+.0%}"
    if small.work_per_line and large.work_per_line:
        more = large.work_per_line / small.work_per_line - 1
        shown += f", per line of text {more:+.0%}"
    return Verdict(target, shown, growth <= MAX_PAGE_COST_GROWTH)


def _peak(results: dict[int, SizeResult]) -> Verdict:
    target = f"peak memory < {MAX_PEAK // 2**20} MB at N={LARGE_SIZE} (--jobs 1 and 2)"
    large = results.get(LARGE_SIZE)
    if large is None or not large.peak_rss:
        return Verdict(target, "-", None)
    peak = max(large.peak_rss.values())
    return Verdict(target, f"{peak / 2**20:.0f} MB", peak < MAX_PEAK)


def _dossier(results: dict[int, SizeResult]) -> Verdict:
    target = f"longest dossier <= {MAX_DOSSIER_PAGES} pages (annex included) at N={LARGE_SIZE}"
    large = results.get(LARGE_SIZE)
    if large is None or not large.longest_dossier[1]:
        return Verdict(target, "-", None)
    name, pages = large.longest_dossier
    return Verdict(target, f"{pages} pages ({name})", pages <= MAX_DOSSIER_PAGES)
