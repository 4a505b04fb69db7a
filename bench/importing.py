"""``python -m bench.importing``: how well and how fast ``briefing import`` works on real material.

Three tables:

- **Proposals**: the two source letters are imported into the bundled content without their
  hand-made letters; the updates the drafts propose (motion and commitment updates, sector
  events, figures) are compared with the hand-made letters', which are the truth: precision
  and recall per kind. An entry written commented out is not a proposal that counts; the
  figures, which are all proposed commented out, are counted as they are written.
- **Real material**: the share of the real letters and motions in ``../shared`` that import,
  and for the motions whose text and XML are both there, whether the two give the same
  number, submitters, date, considerations and request.
- **Speed**: one ``briefing import`` of the 400 motions in the official XML, and of each real
  letter, each in a fresh process, as a user runs them.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SOURCES = ROOT / "tests" / "fixtures" / "source-letters"
SHARED = ROOT.parent / "shared"
LETTERS = [
    "2018-11-13-voortgang-imvo-beleid",
    "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid",
]
KINDS = ("motion_updates", "commitment_updates", "sector_events", "figures")
#: The aims for status updates.
AIMS = {"motion_updates": (0.9, 0.8), "commitment_updates": (0.9, 0.8)}
_COMMENTED_FIGURE_RE = re.compile(r"#\s+- label: .*\n\s*#\s+value: (\S+)")


@dataclass
class Score:
    """Proposals against the truth, for one kind of update."""

    truth: set[tuple[Any, ...]] = field(default_factory=set)
    proposed: set[tuple[Any, ...]] = field(default_factory=set)

    @property
    def right(self) -> int:
        return len(self.truth & self.proposed)

    @property
    def precision(self) -> float:
        return self.right / len(self.proposed) if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / len(self.truth) if self.truth else 1.0


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``briefing`` as a user runs it, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def fresh_content(target: Path, *without: str) -> Path:
    """A copy of the bundled content without the given letters."""
    shutil.copytree(CONTENT, target)
    for letter_id in without:
        (target / "letters" / f"{letter_id}.yaml").unlink()
    return target


def _keys(letter_id: str, kind: str, entries: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = set()
    for entry in entries:
        if kind == "motion_updates":
            keys.add((letter_id, entry["motion"], entry["status"]))
        elif kind == "commitment_updates":
            keys.add((letter_id, entry["commitment"], entry["status"], entry.get("fulfilled_on")))
        elif kind == "sector_events":
            keys.add((letter_id, entry["sector"], entry["status"], entry.get("date")))
        else:
            keys.add((letter_id, float(entry["value"])))
    return keys


def _entries(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for section in data.get("sections") or []:
        found += section.get(kind) or []
        found += _entries(section, kind)
    return found


def evaluate(work: Path) -> dict[str, Score]:
    """Import the two source letters into ``work`` and score the drafts' proposals."""
    content = fresh_content(work / "content", *LETTERS)
    run = cli("import", *(SOURCES / f"{letter}.md" for letter in LETTERS), "--content", content)
    if run.returncode != 0:
        raise RuntimeError(f"the import failed: {run.stderr}")
    scores = {kind: Score() for kind in KINDS}
    for letter_id in LETTERS:
        truth = yaml.safe_load((CONTENT / "letters" / f"{letter_id}.yaml").read_text("utf-8"))
        text = (content / "letters" / f"{letter_id}.yaml").read_text("utf-8")
        draft = yaml.safe_load(text)
        for kind in KINDS:
            scores[kind].truth |= _keys(letter_id, kind, _entries(truth, kind))
            scores[kind].proposed |= _keys(letter_id, kind, _entries(draft, kind))
        scores["figures"].proposed |= {
            (letter_id, float(value)) for value in _COMMENTED_FIGURE_RE.findall(text)
        }
    return scores


def proposals_table(scores: dict[str, Score]) -> list[str]:
    """The precision and recall table, in Markdown."""
    rows = [
        "| kind | in the hand-made letters | proposed | right | precision | recall | aim |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    for kind, score in scores.items():
        aim = AIMS.get(kind)
        verdict = "-"
        if aim:
            met = score.precision >= aim[0] and score.recall >= aim[1]
            verdict = f"precision {aim[0]}, recall {aim[1]}: {'met' if met else 'not met'}"
        rows.append(
            f"| {kind} | {len(score.truth)} | {len(score.proposed)} | {score.right} | "
            f"{score.precision:.2f} | {score.recall:.2f} | {verdict} |"
        )
    return rows


def real_material(work: Path) -> list[str]:
    """Which real letters and motions import, and whether text and XML agree."""
    rows = ["| material | files | imported | checked |", "|---|--:|--:|---|"]
    letters = sorted((SHARED / "real-letters").glob("*.txt"))
    done = 0
    for index, letter in enumerate(letters):
        content = fresh_content(work / f"letter-{index}")
        done += cli("import", letter, "--content", content).returncode == 0
    rows.append(f"| real letters | {len(letters)} | {done} | draft passes check |")
    xml = sorted((SHARED / "kamer-open-data" / "motions-xml").glob("*.xml"))
    texts = sorted((SHARED / "kamer-open-data" / "motions-text").glob("*.txt"))
    for name, files in (("motions, official XML", xml), ("motions, PDF text", texts)):
        content = fresh_content(work / name.replace(" ", "-").replace(",", ""))
        run = cli("import", *files, "--content", content)
        wrote = run.stdout.count("wrote ")
        check = cli("check", "--content", content)
        checked = "check passes" if check.returncode == 0 else "CHECK FAILS"
        rows.append(f"| {name} | {len(files)} | {wrote} | {checked} |")
    same = _text_equals_xml(texts)
    rows.append(
        f"| motions in both forms | {len(texts)} | {same} | number, submitters, date, "
        "considerations and request equal |"
    )
    return rows


def _text_equals_xml(texts: list[Path]) -> int:
    from briefing.importing.motion_text import read_motion
    from briefing.importing.source import read_source

    same = 0
    for text in texts:
        xml = text.parent.parent / "motions-xml" / f"{text.stem}.xml"
        a = read_motion(read_source(text).lines, text)
        b = read_motion(read_source(xml).lines, xml)
        fields = ("kamerstuk", "submitters", "submitted", "considerations", "request")
        same += all(getattr(a, f) == getattr(b, f) for f in fields)
    return same


def speed(work: Path, repeat: int) -> list[str]:
    """Seconds per ``briefing import`` call (the fastest of ``repeat``), a fresh process each."""
    rows = ["| import | files | seconds | CPU seconds | target |", "|---|--:|--:|--:|---|"]
    xml = sorted((SHARED / "kamer-open-data" / "motions-xml").glob("*.xml"))
    wall, cpu = _fastest(work / "speed-motions", repeat, (), xml)
    rows.append(
        f"| 400 motions (XML) in one call | {len(xml)} | {wall:.2f} | {cpu:.2f} | under 15 s |"
    )
    fixtures = ROOT / "tests" / "fixtures" / "import"
    letters = [SOURCES / f"{LETTERS[1]}.md", *sorted((SHARED / "real-letters").glob("*.txt"))]
    letters += [fixtures / "2022-04-07-letter.pdf", fixtures / "kst-26485-395.xml"]
    for index, letter in enumerate(letters):
        wall, cpu = _fastest(work / f"speed-letter-{index}", repeat, LETTERS, [letter])
        rows.append(f"| letter `{letter.name}` | 1 | {wall:.2f} | {cpu:.2f} | under 1 s |")
    return rows


def _fastest(
    folder: Path, repeat: int, without: tuple[str, ...] | list[str], files: list[Path]
) -> tuple[float, float]:
    """The fastest run's wall-clock seconds, and its processor seconds (user and system)."""
    times = []
    for attempt in range(repeat):
        content = fresh_content(folder / str(attempt), *without)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run = cli("import", *files, "--content", content)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        times.append((wall, cpu))
        if run.returncode != 0:
            raise RuntimeError(f"briefing import {files[0]} failed: {run.stderr}")
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Print the three tables."""
    parser = argparse.ArgumentParser(prog="python -m bench.importing", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="keep the fastest of N runs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("\n".join(proposals_table(evaluate(work / "eval"))), end="\n\n")
        print("\n".join(real_material(work / "real")), end="\n\n")
        print("\n".join(speed(work / "speed", max(1, args.repeat))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
