"""Write a synthetic corpus of N letters in the format of ``content/``, and add a letter to it.

The same seed gives the same files. Every corpus passes ``briefing check`` without errors.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from bench.letters import LetterWriter, letter_days
from bench.registries import Registries, Span, make_registries

_SCHEMA = "# yaml-language-server: $schema={}schemas/{}.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Writes every value out in full: content files may not use anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(path: Path, data: Any, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = "../" if path.parent.name == "letters" else ""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(_SCHEMA.format(prefix, schema) + body, encoding="utf-8")


def generate(root: Path, letters: int, seed: int = 1) -> list[Path]:
    """Write registries and ``letters`` letters under ``root``; return the letters' files."""
    rng = random.Random(f"{seed}-{letters}")
    registries = make_registries(letters, rng)
    _write(root / "sectors.yaml", {"sectors": registries.sectors}, "sectors")
    _write(root / "debates.yaml", {"debates": registries.debates}, "debates")
    _write(root / "motions.yaml", {"motions": registries.motions}, "motions")
    _write(root / "commitments.yaml", {"commitments": registries.commitments}, "commitments")
    writer = LetterWriter(registries, rng)
    paths = []
    for day, debate in letter_days(letters, registries, rng):
        letter = writer.letter(day, debate)
        path = root / "letters" / f"{letter['id']}.yaml"
        _write(path, letter, "letter")
        paths.append(path)
    return paths


def add_letter(root: Path, seed: int = 1, sectors: int = 2) -> tuple[Path, list[str]]:
    """Add one letter, a week after the latest, about ``sectors`` sectors.

    It names no motion, commitment or debate, so what it affects is its own PDF, the
    summaries of its sectors and the overview, and the summaries that a motion or commitment
    dated in that week adds to. Returns its file and the sectors' ids.
    """
    rng = random.Random(f"{seed}-extra")
    registries = Registries(Span(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
    registries.sectors = yaml.safe_load((root / "sectors.yaml").read_text(encoding="utf-8"))[
        "sectors"
    ]
    latest = max(dt.date.fromisoformat(p.name[:10]) for p in (root / "letters").glob("*.yaml"))
    day = latest + dt.timedelta(days=7)
    chosen = rng.sample([s["id"] for s in registries.sectors], sectors)
    writer = LetterWriter(registries, rng)
    letter = writer.letter(day, None, sectors=chosen, facts=False)
    path = root / "letters" / f"{letter['id']}.yaml"
    _write(path, letter, "letter")
    return path, chosen
