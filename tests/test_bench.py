"""The benchmark's synthetic corpora are valid content: ``briefing check`` finds no errors."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import add_letter, generate
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
