"""The benchmark's synthetic corpora are valid content, and its work per page is a count."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench import work
from bench.corpus import add_letter, generate
from bench.measure import count_pages
from briefing.build import build
from tests.conftest import cli


def test_a_generated_corpus_passes_check(tmp_path: Path) -> None:
    content = tmp_path / "content"
    letters = generate(content, 3, seed=7)
    added, sectors = add_letter(content, seed=7)
    assert len(letters) == 3 and added.exists() and len(sectors) == 2

    done = cli("check", "--content", content)

    assert done.returncode == 0, done.stderr
    # Four registries and four letters, all valid, and nothing doubtful either.
    assert done.stderr.strip().endswith("8 files checked: 0 errors, 0 warnings"), done.stderr


def test_the_work_per_page_is_counted_the_same_every_time(tmp_path: Path) -> None:
    """The bench's work per page is a count, not a time: two counts of the same documents
    agree to within 0.1 % (times on this machine differ by 10 to 30 %), the pages counted
    are the PDFs' pages and the lines of text they hold are counted the same both times."""
    content, out = tmp_path / "content", tmp_path / "out"
    generate(content, 3, seed=7)
    assert build(content, out).ok
    command = [sys.executable, "-m", "bench.work", str(content), str(out), "1"]
    root = Path(__file__).resolve().parent.parent
    runs = [
        subprocess.run(command, capture_output=True, check=True, text=True, cwd=root) for _ in "ab"
    ]
    first, second = (json.loads(run.stdout) for run in runs)
    for kind, figures in first.items():
        assert {**second[kind], "calls": 0} == {**figures, "calls": 0}
        assert abs(second[kind]["calls"] - figures["calls"]) <= figures["calls"] / 1000

    pages = count_pages(out)
    names = work.planned(content)
    assert sorted(first) == ["briefings", "letters", "sectors"]
    for kind, figures in first.items():
        of_kind = [name for name in names if name.startswith(f"{kind}/")]
        assert figures["documents"] == 1 and figures["of"] == len(of_kind)
        assert figures["pages"] == pages[of_kind[0]]
        assert figures["calls"] > 10_000 * figures["pages"]
        assert 10 * figures["pages"] < figures["lines"] < 150 * figures["pages"]
