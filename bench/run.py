"""The benchmark: generate corpora, build them with the real command line, print the figures.

For each size N it writes a synthetic corpus into a temporary folder and checks it, then
builds it from scratch at ``--jobs 1`` and ``--jobs 2``, renders the same documents with
raw WeasyPrint, counts the work per page of a sample of each kind of document
(:mod:`bench.work`), builds again with nothing changed, adds one letter and builds again.
Every build is a fresh ``python -m briefing build`` process. Pages are counted after the
timing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from bench import machine, measure, raw, report
from bench.corpus import add_letter, generate
from bench.results import SizeResult
from bench.targets import verdicts

DEFAULT_SIZES = (10, 50, 100, 500)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _checked(content: Path, python: str) -> None:
    """Stop unless the generated corpus passes ``briefing check`` without errors."""
    done = measure.run(measure.briefing("check", "--content", str(content), python=python))
    summary = (done.stdout + done.stderr).strip().splitlines()[-1:]
    if done.returncode != 0 or not summary or " 0 errors" not in summary[0]:
        raise RuntimeError(f"the generated corpus has errors:\n{done.stdout}{done.stderr}")


def _build(content: Path, out: Path, python: str, *extra: str) -> measure.Run:
    args = ["build", "--content", str(content), "--out", str(out), *extra]
    return measure.run(measure.briefing(*args, python=python)).check()


def _raw(
    content: Path, recorded: Path, out: Path, python: str, names: list[str]
) -> tuple[float, float, dict[str, float]]:
    """Wall and processor seconds raw WeasyPrint takes for the documents (all if no names),
    and the seconds for each document."""
    command = [python, "-m", "bench.raw", str(content), str(recorded), str(out), *names]
    done = measure.run(command, cwd=Path(__file__).resolve().parent.parent).check()
    figures = json.loads(done.stdout)
    shutil.rmtree(out, ignore_errors=True)
    return float(figures["seconds"]), float(figures["cpu"]), figures["documents"]


def _work(content: Path, recorded: Path, python: str) -> dict[str, tuple[int, int, int]]:
    """Pages, lines of text and WeasyPrint's Python calls of a sample of each kind."""
    command = [python, "-m", "bench.work", str(content), str(recorded)]
    done = measure.run(command, cwd=Path(__file__).resolve().parent.parent).check()
    figures = json.loads(done.stdout).items()
    return {kind: (f["pages"], f["calls"], f["lines"]) for kind, f in figures}


def _by_kind(pages: dict[str, int], seconds: dict[str, float]) -> dict[str, tuple[int, int, float]]:
    """Documents, pages and raw seconds per kind of document (the output's folder)."""
    kinds: dict[str, tuple[int, int, float]] = {}
    for name, count in pages.items():
        kind = name.split("/", 1)[0]
        documents, total, spent = kinds.get(kind, (0, 0, 0.0))
        kinds[kind] = (documents + 1, total + count, spent + seconds.get(name, 0.0))
    return kinds


def measure_size(
    letters: int, seed: int, jobs: list[int], repeat: int, python: str, work: Path
) -> SizeResult:
    """Every figure for one corpus of ``letters`` letters, measured under ``work``.

    Full builds and raw rendering are run ``repeat`` times, taking turns, and the fastest
    run of each counts: other work on the machine only ever adds time.
    """
    result = SizeResult(letters, load=(machine.load(), ""))
    content = work / "content"
    generate(content, letters, seed)
    _checked(content, python)
    _say(f"N={letters}: corpus written and checked")
    main = work / "out"
    for turn in range(repeat):
        for count in jobs:
            out = main if count == 1 else work / f"out-jobs-{count}"
            done = _build(content, out, python, "--force", "--jobs", str(count))
            if count not in result.full or done.seconds < result.full[count]:
                result.full[count], result.full_cpu[count] = done.seconds, done.cpu
            result.peak_rss[count] = max(result.peak_rss.get(count, 0), done.peak_rss)
            _say(f"N={letters}: full build at --jobs {count}: {done.seconds:.1f} s")
            if count != 1:
                shutil.rmtree(out)
        if turn == 0:
            pages = measure.count_pages(main)
            result.outputs, result.pages = len(pages), sum(pages.values())
            result.longest = max(pages.items(), key=lambda item: item[1], default=("", 0))
            dossiers = [item for item in pages.items() if item[0].startswith("briefings/")]
            result.longest_dossier = max(dossiers, key=lambda item: item[1], default=("", 0))
        seconds, cpu, each = _raw(content, main, work / "raw", python, [])
        if not result.raw or seconds < result.raw:
            result.raw, result.raw_cpu = seconds, cpu
            result.kinds = _by_kind(pages, each)
        _say(f"N={letters}: raw WeasyPrint: {seconds:.1f} s")
    result.work = _work(content, main, python)  # counted, not timed: once is enough
    _say(f"N={letters}: work per page: {result.work_per_page / 1000:.0f} thousand calls")
    done = _build(content, main, python, "--jobs", "1")
    result.noop, result.noop_rebuilt = done.seconds, len(measure.rebuilt(done))
    _say(f"N={letters}: no-op rebuild: {done.seconds:.2f} s")
    # What the letter affects: the documents whose HTML it changes (its own PDF, its sectors'
    # summaries and the overview, and any summary its later date brings news into).
    before = dict(raw.documents(content, None, set()))
    add_letter(content, seed)
    after = dict(raw.documents(content, None, set()))
    result.added_affected = sorted(name for name, html in after.items() if before.get(name) != html)
    done = _build(content, main, python, "--jobs", "1")
    result.added, result.added_rebuilt = done.seconds, sorted(measure.rebuilt(done))
    result.added_raw, _, _ = _raw(content, main, work / "raw", python, result.added_rebuilt)
    _say(
        f"N={letters}: one letter added: {done.seconds:.2f} s, {len(result.added_rebuilt)} rebuilt"
    )
    result.load = (result.load[0], machine.load())
    return result


def _sizes(text: str) -> list[int]:
    if not re.fullmatch(r"[1-9]\d*(,[1-9]\d*)*", text):
        raise argparse.ArgumentTypeError("give numbers from 1 up, separated by commas, e.g. 10,100")
    return [int(n) for n in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    """Run the bench; print the machine, the tables and the targets."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help=f"numbers of letters, comma-separated (default: {','.join(map(str, DEFAULT_SIZES))})",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the corpora (default: 1)")
    parser.add_argument(
        "--jobs", type=_sizes, default=[1, 2], help="job counts of the full builds (default: 1,2)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run full builds and raw rendering this many times, keep the fastest (default: 1)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    parser.add_argument(
        "--keep", type=Path, help="keep each corpus and its outputs under this folder"
    )
    args = parser.parse_args(argv)
    if 1 not in args.jobs:
        parser.error("--jobs must include 1: the overhead ratio and rebuilds are taken there")
    jobs = sorted(set(args.jobs))
    results = []
    for letters in args.sizes:
        if args.keep:
            work = args.keep / f"n{letters}"
            work.mkdir(parents=True, exist_ok=False)
            results.append(
                measure_size(letters, args.seed, jobs, args.repeat, sys.executable, work)
            )
        else:
            with tempfile.TemporaryDirectory(prefix=f"briefing-bench-n{letters}-") as tmp:
                results.append(
                    measure_size(letters, args.seed, jobs, args.repeat, sys.executable, Path(tmp))
                )
    by_size = {r.letters: r for r in results}
    lines = ["Machine:", *report.machine(machine.description()), ""]
    lines += ["Full builds:", "", *report.full_builds(results), ""]
    lines += ["Rebuilds and memory:", "", *report.rebuilds(results), ""]
    lines += ["Pages by kind of document (raw WeasyPrint):", "", *report.kinds(results), ""]
    lines += ["Targets:", "", *report.targets(verdicts(by_size))]
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n")
    return 0
