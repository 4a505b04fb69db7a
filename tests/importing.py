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


#: The drafts imported in this process: the file's path, its bytes and the letters left out
#: of the content, with the draft's name and text and the notes.
_IMPORTED: dict[tuple[Path, bytes, tuple[str, ...]], tuple[str, str, str]] = {}


def imported_draft(tmp_path: Path, source: Path, *without: str) -> tuple[dict[str, Any], str]:
    """The draft that importing ``source`` into a copy of the content (without the letters
    ``without``) writes in ``tmp_path / "content"``, and the notes; the import must succeed.

    The same file imported into the same content gives the same draft, so each is imported
    once in a test process: later, the draft it wrote is written into the new copy."""
    content = content_copy(tmp_path / "content", *without)
    key = (source.resolve(), source.read_bytes(), without)
    if key in _IMPORTED:
        name, text, notes = _IMPORTED[key]
        (content / "letters" / name).write_text(text, encoding="utf-8")
        return yaml.safe_load(text), notes
    before = set((content / "letters").iterdir())
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = set((content / "letters").iterdir()) - before
    text = written.read_text(encoding="utf-8")
    if str(content) not in run.stderr:  # notes that name this copy are this copy's own
        _IMPORTED[key] = (written.name, text, run.stderr)
    return yaml.safe_load(text), run.stderr


def motions(content: Path) -> dict[str, dict[str, Any]]:
    """The entries of ``content``'s ``motions.yaml``, by id."""
    data = yaml.safe_load((content / "motions.yaml").read_text(encoding="utf-8"))
    return {m["id"]: m for m in data["motions"]}
