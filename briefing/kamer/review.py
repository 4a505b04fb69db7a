"""What ``check`` says of ``kamer.yaml`` where the store of the Kamer's records is there: the
facts a person wrote that the records contradict, at their lines, as ``link`` reports them
(:mod:`briefing.kamer.hand`), with the records' facts made as ``link`` makes them
(:func:`briefing.kamer.link.record_facts`). Nothing is written."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import ContentError, Problem
from briefing.kamer.content import read_motions
from briefing.kamer.facts_file import read_facts
from briefing.kamer.hand import remembered, settle, warning
from briefing.kamer.item_facts import dossier_titles, record_facts
from briefing.kamer.link import KINDS, same_subject, wrong_kind
from briefing.kamer.memory import recalled
from briefing.kamer.store import open_store
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
    motions = read_motions(path.parent)
    document = load_document(path)[0]
    store = open_store(store_path, write=False)
    try:
        last = remembered(recalled(store, path))
        letters = {str(f.kamerstuk): f.letter for f in facts.letters if f.kamerstuk}
        linked = {
            (kind, index): rows[0]
            for kind, (attr, entity, link_field) in KINDS.items()
            for index, entry in enumerate(getattr(facts, attr))
            if (rows := store.find("by_nummer", getattr(entry, link_field), entity))
            and not wrong_kind(kind, rows[0])
        }
        titles = dossier_titles(
            motions,
            {str(facts.motions[i].motion): row for (k, i), row in linked.items() if k == "motion"},
        )
        found = []
        for (kind, index), row in linked.items():
            attr, entity, link_field = KINDS[kind]
            entry = getattr(facts, attr)[index]
            item = str(getattr(entry, kind))
            records = record_facts(store, kind, item, row, titles, letters)
            if not same_subject(entry, records):
                continue
            before = (last or {}).get((kind, item))
            if before is not None and getattr(before, link_field) != row.nummer:
                before = None
            record = f"{entity} {row.nummer}"
            found += [
                warning(document, (attr, index), contradiction, record)
                for contradiction in settle(entry, before, records, last is not None)[1]
            ]
        return found
    finally:
        store.close()
