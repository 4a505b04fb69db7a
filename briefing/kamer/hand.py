"""Facts a person wrote in ``kamer.yaml`` against the Kamer's records.

``link`` refreshes the facts on where a record stands (a model's ``STATE``: a motion's
appreciation and decision, a debate's day and status, a commitment's status, deadline, newest
version and fulfilling letters) from the records, and remembers in the store what it wrote
from them. A fact the file gives otherwise than ``link`` last wrote was written by a person: it
stands. Where the records say otherwise, ``link`` keeps it and reports it at its line with
the records' word, as ``check`` does while the store is there; where they say nothing of it,
it stands unreported. A fact ``link`` wrote and no person touched follows the records, also
when they no longer give it. A store that holds nothing of what ``link`` wrote into the file
(a new one) cannot tell the two apart: the records' word is taken where they give one, and
each fact it replaces is reported with the file's word, so that a person's can be written
again. A motion's decision, its votes, day and earlier decisions are one fact: one of them
written by hand keeps them together; so are a commitment's newer versions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from briefing.errors import Problem
from briefing.kamer.facts import LINKS, KamerFacts
from briefing.loading import Document

#: A motion's decision: what the records give of one Besluit (with the gewijzigde motie that
#: took it, where one replaced the motion, and the decisions before it), kept or replaced
#: together.
DECISION = (
    "decision",
    "result",
    "votes_for",
    "votes_against",
    "voted_on",
    "decided_by",
    "replaced_by",
    "earlier",
)


#: A commitment's newer versions in the register: the newest and the versions before it,
#: kept or replaced together.
VERSIONS = ("changed_by", "changed_on", "earlier")


@dataclass(frozen=True)
class Contradiction:
    """A fact as the file gives it and as the records give it."""

    field: str
    written: Any
    records: Any
    #: Whether the file's word is kept (written by a person), or the records' taken.
    kept: bool = True


def remembered(linked: str | None) -> dict[tuple[str, str], BaseModel] | None:
    """What ``link`` last wrote from the records into a file, as the store keeps it (JSON),
    by kind and item; ``None`` when the store holds nothing of it (or holds it in the form of
    another version of the model), so that no fact can be told to be a person's."""
    if linked is None:
        return None
    try:
        facts = KamerFacts.model_validate_json(linked)
    except ValueError:
        return None
    return {
        (kind, str(getattr(entry, kind))): entry
        for kind, (attr, _) in LINKS.items()
        for entry in getattr(facts, attr)
    }


def _given(value: Any) -> bool:
    return value is not None and value != []


def _groups(model: type[BaseModel]) -> Iterator[tuple[str, ...]]:
    """The facts on where a record stands, each alone but a motion's decision and a
    commitment's versions."""
    state = sorted(getattr(model, "STATE", frozenset()))
    groups = [group for group in (DECISION, VERSIONS) if group[0] in state]
    yield from groups
    yield from ((name,) for name in state if not any(name in group for group in groups))


def settle(
    written: BaseModel, before: BaseModel | None, records: BaseModel, known: bool = True
) -> tuple[dict[str, Any], list[Contradiction]]:
    """The facts on where a record stands to write, from the file's entry (``written``),
    what ``link`` last wrote from the records (``before``; ``known`` when the store holds
    what it wrote into the file at all) and what the records say now; and where the file's
    word and the records' differ: kept (a person's) or replaced (the store cannot tell)."""
    facts: dict[str, Any] = {}
    found: list[Contradiction] = []
    for group in _groups(type(records)):
        mine = {name: getattr(written, name) for name in group}
        theirs = {name: getattr(records, name) for name in group}
        clash = [
            Contradiction(name, mine[name], theirs[name], kept=known)
            for name in group
            if _given(mine[name]) and _given(theirs[name]) and mine[name] != theirs[name]
        ]
        untouched = before is not None and all(getattr(before, n) == mine[n] for n in group)
        if not known:  # the records' word where they give one
            facts.update(theirs if any(_given(value) for value in theirs.values()) else mine)
            found += clash
        elif untouched or not any(_given(value) for value in mine.values()):
            facts.update(theirs)
        elif clash:
            facts.update(mine)
            found += clash
        else:
            facts.update({n: theirs[n] if _given(theirs[n]) else mine[n] for n in group})
    return facts, found


def shown(value: Any) -> str:
    """A fact in a message: a day as ``2018-04-10``, fulfilling letters by number."""
    if isinstance(value, list):
        return ", ".join(str(getattr(item, "document", item)) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def warning(
    document: Document, where: tuple[str, int], found: Contradiction, record: str
) -> Problem:
    """A warning at the fact in ``kamer.yaml``: what it says, what ``record`` says, and
    what ``link`` does with it."""
    said = f"'{shown(found.written)}' as written here, but the Kamer's records ({record}) say "
    if found.kept:
        message = (
            f"{said}'{shown(found.records)}'; 'briefing kamer link' keeps what a person wrote: "
            "remove the line and link again to take the records' word"
        )
    else:
        message = (
            f"{said}'{shown(found.records)}'; the store holds nothing of what 'briefing kamer "
            "link' wrote here, so it takes the records' word: write this again if a person "
            "wrote it"
        )
    problem = document.problem((*where, found.field), message)
    return problem.as_warning()
