"""The records' facts of a content item, made one way for ``briefing kamer link``, which
writes them into ``kamer.yaml``, and ``briefing check --store``, which compares them with what
the file says: a record that does not give its dossier's number takes the one its dossier's
title stands for, as the content's linked motions tell it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from briefing.kamer.records import (
    clean,
    commitment_facts,
    debate_facts,
    dossier_of,
    letter_facts,
    motion_facts,
)
from briefing.kamer.store import Row, Store


def dossier_titles(motions: Mapping[str, Any], rows: Mapping[str, Row]) -> dict[str, str]:
    """The dossier each dossier title (a record's ``Titel``) stands for, learned from the
    records ``rows`` of the content's ``motions`` linked to them: the record's own dossier,
    else that of the motion's Kamerstuk number; a title two dossiers share stands for none."""
    dossiers: dict[str, set[str]] = defaultdict(set)
    for motion, row in rows.items():
        if motion in motions and (title := clean(row.data.get("Titel"))):
            dossiers[title].add(row.dossier or dossier_of(motions[motion].kamerstuk))
    return {title: next(iter(d)) for title, d in dossiers.items() if len(d) == 1}


def record_facts(
    store: Store,
    kind: str,
    item: str,
    row: Row,
    titles: Mapping[str, str],
    letters: Mapping[str, str] | None = None,
) -> BaseModel:
    """The records' facts of a content item of ``kind``, as ``link`` writes them and
    ``check --store`` compares them: a record without its dossier takes the one its title
    stands for (``titles``, see :func:`dossier_titles`), which finds the gewijzigde motie
    that replaced a motion; ``letters`` maps a Kamerstuk number to the content letter that
    has it (a commitment's fulfilling letters)."""
    dossier = titles.get(clean(row.data.get("Titel")) or "")
    if kind == "motion":
        return motion_facts(store, item, row, dossier)
    if kind == "letter":
        return letter_facts(item, row, dossier)
    if kind == "debate":
        return debate_facts(store, item, row)
    return commitment_facts(store, item, row, letters or {})
