"""``python -m bench.kamer``: the Kamer's records at scale.

Writes a synthetic corpus (500 letters by default, :mod:`bench.corpus`) and 250,000 Zaak
records in the real ones' shape, among them the records of the corpus's letters, motions,
debates and commitments (:mod:`bench.kamer_records`), saved as OData pages of 250. Then,
each in a fresh process with the real command line: ``briefing kamer load`` of every page
into a new store, a second load of the same pages (which changes nothing), and ``briefing
kamer link`` of the corpus against the store, which must link every item. Prints the
figures and a verdict on each target.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from bench import machine, measure
from bench.corpus import generate
from bench.kamer_records import write_pages

#: Targets: a store of 250,000 Zaak records loads in under a minute; link takes under 2 s.
MAX_LOAD, MAX_LINK = 60.0, 2.0


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _briefing(*args: str) -> measure.Run:
    return measure.run(measure.briefing(*args, python=sys.executable)).check()


def run(letters: int, zaken: int, activities: int, seed: int, repeat: int, work: Path) -> list[str]:
    """Measure under ``work``; the report's lines."""
    content, pages, store = work / "content", work / "pages", work / "kamer.sqlite"
    generate(content, letters, seed)
    files = write_pages(pages, content, zaken, activities, seed)
    size = sum(f.stat().st_size for f in files)
    _say(f"{len(files)} pages written ({size / 1e6:.0f} MB)")
    load = _briefing("kamer", "load", *map(str, files), "--store", str(store))
    _say(f"load: {load.seconds:.1f} s: {load.stdout.strip()}")
    again = _briefing("kamer", "load", *map(str, files), "--store", str(store))
    _say(f"load again: {again.seconds:.1f} s: {again.stdout.strip()}")
    links = []
    for _ in range(repeat):
        (content / "kamer.yaml").unlink(missing_ok=True)
        links.append(_briefing("kamer", "link", "--content", str(content), "--store", str(store)))
        _say(f"link: {links[-1].seconds:.2f} s")
    link = min(links, key=lambda r: r.seconds)
    summary = link.stdout.splitlines()[-1]
    return [
        *(f"{key}: {value}" for key, value in machine.description()),
        "",
        "| Zaak records | records | pages | load | load again | store | peak memory | link |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|",
        f"| {zaken:,} | {_records(load.stdout):,} | {len(files):,} ({size / 1e6:.0f} MB) | "
        f"{load.seconds:.1f} s | {again.seconds:.1f} s | {store.stat().st_size / 1e6:.0f} MB | "
        f"{load.peak_rss / 2**20:.0f} MB | {link.seconds:.2f} s |",
        "",
        f"link: {summary.split('; wrote ')[0]}",
        f"load of {zaken:,} Zaak records under {MAX_LOAD:.0f} s: {load.seconds:.1f} s, "
        + ("met" if load.seconds < MAX_LOAD else "not met"),
        f"link of {letters} letters under {MAX_LINK:.0f} s: {link.seconds:.2f} s, "
        + ("met" if link.seconds < MAX_LINK else "not met"),
    ]


def _records(summary: str) -> int:
    match = re.match(r"loaded ([\d,]+) records", summary)
    return int(match[1].replace(",", "")) if match else 0


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print its figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.kamer", description=__doc__)
    parser.add_argument("--letters", type=int, default=500, help="letters of the corpus (500)")
    parser.add_argument("--zaken", type=int, default=250_000, help="Zaak records (250,000)")
    parser.add_argument(
        "--activities", type=int, default=20_000, help="Activiteit records (20,000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of corpus and records (1)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of link; the fastest counts (3)"
    )
    parser.add_argument("--keep", type=Path, help="keep the corpus, pages and store in this folder")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        lines = run(args.letters, args.zaken, args.activities, args.seed, args.repeat, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-kamer-") as tmp:
            lines = run(
                args.letters, args.zaken, args.activities, args.seed, args.repeat, Path(tmp)
            )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
