"""What ``check`` says of ``kamer.yaml`` where the store of the Kamer's records is there: the
facts a person wrote that the records contradict, at their lines, as ``link`` reports them
(:mod:`briefing.kamer.hand`). Nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.errors import ContentError, Problem
from briefing.kamer.facts_file import read_facts
from briefing.kamer.hand import remembered, settle, warning
from briefing.kamer.link import KINDS, same_subject, wrong_kind
from briefing.kamer.records import commitment_facts, debate_facts, motion_facts
from briefing.kamer.store import Row, Store, open_store
from briefing.loading import load_document


def disagreements(path: Path, store_path: Path) -> list[Problem]:
    """A warning at every fact a person wrote in ``path`` (``kamer.yaml``) that the records
    in the store at ``store_path`` give otherwise; none when the file is missing or has
    errors (``check`` reports those)."""
    if not path.is_file():
        return []
    try:
        facts = read_facts(path)
    except ContentError:
        return []
    document = load_document(path)[0]
    store = open_store(store_path, write=False)
    try:
        last = remembered(store.linked(path.resolve()))
        letters = {str(f.kamerstuk): f.letter for f in facts.letters if f.kamerstuk}
        found = []
        for kind, (attr, entity, link_field) in KINDS.items():
            for index, entry in enumerate(getattr(facts, attr)):
                rows = store.find("by_nummer", getattr(entry, link_field), entity)
                if not rows or wrong_kind(kind, rows[0]):
                    continue
                records = _facts(store, kind, str(getattr(entry, kind)), rows[0], letters)
                if records is None or not same_subject(entry, records):
                    continue
                before = (last or {}).get((kind, str(getattr(entry, kind))))
                if before is not None and getattr(before, link_field) != rows[0].nummer:
                    before = None
                record = f"{entity} {rows[0].nummer}"
                found += [
                    warning(document, (attr, index), contradiction, record)
                    for contradiction in settle(entry, before, records, last is not None)[1]
                ]
        return found
    finally:
        store.close()


def _facts(store: Store, kind: str, item: str, row: Row, letters: dict[str, str]) -> Any:
    """The records' facts of an item of ``kind``; ``None`` for a letter (whose facts say
    nothing of where it stands)."""
    if kind == "motion":
        return motion_facts(store, item, row, None)
    if kind == "debate":
        return debate_facts(store, item, row)
    if kind == "commitment":
        return commitment_facts(store, item, row, letters)
    return None
