"""``briefing kamer load``: saved OData JSON into the store, every file or none."""

from __future__ import annotations

from pathlib import Path

from briefing.kamer.counts import Counts
from briefing.kamer.odata import read_file
from briefing.kamer.store import writing
from briefing.streams import read_once


def load_files(paths: list[Path], store_path: Path) -> Counts:
    """Store the records of every file (``-``: standard input) in one transaction: when any
    file is not OData JSON of entities the store keeps, nothing is stored."""
    read_once(paths)
    counts = Counts()
    with writing(store_path) as store:
        for path in paths:
            counts.add(store.write(read_file(path).records))
    return counts
