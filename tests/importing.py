"""What the import tests share: a copy of the bundled content to import into, the draft an
import writes there, and the motions' registry read back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import CONTENT, cli


def content_copy(target: Path, *without: str) -> Path:
    """A copy of the bundled content without the given letters, and without the files that
    name them (the Kamer's facts, a debate's questions)."""
    shutil.copytree(CONTENT, target)
    for letter_id in without:
        (target / "letters" / f"{letter_id}.yaml").unlink()
    if without:
        (target / "kamer.yaml").unlink()
        shutil.rmtree(target / "qa")
    return target


def imported_draft(tmp_path: Path, source: Path, *without: str) -> tuple[dict[str, Any], str]:
    """The draft that importing ``source`` into a copy of the content (without the letters
    ``without``) writes, and the notes; the import must succeed."""
    content = content_copy(tmp_path / "content", *without)
    before = set((content / "letters").iterdir())
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = set((content / "letters").iterdir()) - before
    return yaml.safe_load(written.read_text(encoding="utf-8")), run.stderr


def motions(content: Path) -> dict[str, dict[str, Any]]:
    """The entries of ``content``'s ``motions.yaml``, by id."""
    data = yaml.safe_load((content / "motions.yaml").read_text(encoding="utf-8"))
    return {m["id"]: m for m in data["motions"]}
