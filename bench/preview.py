"""``python -m bench.preview``: from saving a letter's paragraph to the open page showing it.

It writes a synthetic corpus (100 letters unless told), builds its PDFs, starts ``briefing
serve`` on it as a user does and opens a letter's page in headless Chromium (the
distribution's, as the tests drive it). Then it saves the letter again and again, each time
with a new word in a paragraph, and takes the time from just before the file is written to
the first frame the page draws with the new word (the page notes it with the browser's
clock, the same clock as this process's). Two series: with the machine quiet (each save
waits for the background build of the PDFs that the one before started), and one save a
second while those builds run. For the quiet series it also gives the time until the
letter's PDF was written again by the background build.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bench import machine
from bench.corpus import generate

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGUMENTS = [
    "--no-sandbox",
    "--headless",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Notes, in the page, the browser's time of the first frame that shows ``token``.
_NOTE_WHEN_SHOWN = """token => {
  window.shownAt = null;
  const check = () => {
    if (!document.body || !document.body.textContent.includes(token)) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.shownAt = Date.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  check();
}"""
#: Seconds any one wait may take before the bench gives up.
PATIENCE = 300


@dataclass
class Series:
    """The milliseconds from each save to the page showing it (and to the letter's PDF)."""

    name: str
    page_ms: list[float]
    pdf_ms: list[float]

    def summary(self) -> dict[str, float]:
        """Median, quartiles, fastest and slowest."""
        values = sorted(self.page_ms)
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        return {"median": median, "q1": q1, "q3": q3, "min": values[0], "max": values[-1]}


class _Lines(threading.Thread):
    """Collects what the server prints on standard error, line by line."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: queue.Queue[str] = queue.Queue()

    def run(self) -> None:
        for line in self.stream:
            self.lines.put(line.rstrip("\n"))

    def built(self) -> str:
        """Wait for the closing line of the next background build of the PDFs."""
        while True:
            line = self.lines.get(timeout=PATIENCE)
            if re.match(r"PDFs: \d+ rebuilt", line):
                return line


def _edited(text: str, token: str) -> str:
    """The letter's text with ``token`` after the first three words of its first paragraph."""
    new, count = re.subn(
        r"(?m)(^\s+body:\n\s+- (?:>-\n\s+)?\S+ \S+ \S+)", rf"\1 {token}", text, count=1
    )
    assert count == 1, "no paragraph found"
    return new


def _series(
    name: str, edits: int, quiet: bool, letter: Path, pdf: Path, page: Page, server: _Lines
) -> Series:
    original = letter.read_text(encoding="utf-8")
    series = Series(name, [], [])
    try:
        for number in range(edits):
            token = f"bewerking{name}{number}"
            page.evaluate(_NOTE_WHEN_SHOWN, token)
            saved = time.time() * 1000
            letter.write_text(_edited(original, token), encoding="utf-8")
            page.wait_for_function("window.shownAt !== null", timeout=PATIENCE * 1000)
            series.page_ms.append(page.evaluate("window.shownAt") - saved)
            if quiet:
                server.built()
                series.pdf_ms.append(pdf.stat().st_mtime_ns / 1e6 - saved)
            else:
                time.sleep(1)
    finally:
        letter.write_text(original, encoding="utf-8")
    return series


def measure(letters: int, edits: int, seed: int, root: Path) -> list[Series]:
    """Build a corpus under ``root``, serve it, and time ``edits`` saves in each series."""
    from playwright.sync_api import sync_playwright

    content, out = root / "content", root / "out"
    paths = generate(content, letters, seed)
    command = [sys.executable, "-m", "briefing"]
    where = ["--content", str(content), "--out", str(out)]
    subprocess.run([*command, "build", *where, "--jobs", "2"], check=True, capture_output=True)
    letter = paths[len(paths) // 2]
    pdf = out / "letters" / f"{letter.stem}.pdf"
    process = subprocess.Popen(
        [*command, "serve", *where, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        url = process.stdout.readline().split()[1]
        server = _Lines(process.stderr)
        server.start()
        server.built()  # the first build finds everything up to date
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
            page = browser.new_context(bypass_csp=True).new_page()
            page.goto(f"{url}letters/{letter.stem}.html")
            quiet = _series("quiet", edits, True, letter, pdf, page, server)
            busy = _series("busy", edits, False, letter, pdf, page, server)
            browser.close()
        return [quiet, busy]
    finally:
        process.terminate()
        process.wait(timeout=PATIENCE)


def _report(letters: int, results: list[Series]) -> str:
    lines = [
        f"From saving a letter's paragraph to the open page showing it, {letters} letters:",
        "",
        "| series | saves | median | middle half | fastest | slowest | letter's PDF (median) |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for series in results:
        s = series.summary()
        pdf = f"{statistics.median(series.pdf_ms) / 1000:.2f} s" if series.pdf_ms else "-"
        lines.append(
            f"| {series.name} | {len(series.page_ms)} | {s['median']:.0f} ms | "
            f"{s['q1']:.0f} to {s['q3']:.0f} ms | {s['min']:.0f} ms | {s['max']:.0f} ms | {pdf} |"
        )
    quiet = results[0].summary()["median"]
    verdict = "met" if quiet < 300 else "not met"
    lines += ["", f"target: median under 300 ms with the machine quiet: {quiet:.0f} ms, {verdict}"]
    lines += ["", *(f"{what}: {value}" for what, value in machine.description())]
    lines.append(f"load average: {machine.load()}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the preview's benchmark and print its figures."""
    options = argparse.ArgumentParser(prog="python -m bench.preview", description=__doc__)
    options.add_argument("--letters", type=int, default=100, help="letters in the corpus")
    options.add_argument("--edits", type=int, default=20, help="saves in each series")
    options.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpus")
    options.add_argument("--json", type=Path, help="also write the figures to this file")
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        results = measure(args.letters, args.edits, args.seed, Path(folder))
    print(_report(args.letters, results))
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
