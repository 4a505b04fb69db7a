"""``briefing kamer link``: match the content's letters, motions, debates and commitments to
the Kamer's records, and write what was found into ``content/kamer.yaml``.

Every link already in the file is kept (its other facts are refreshed from the store, a
fact the records do not give standing as a person wrote it, see :meth:`_Linker._put`; a
link whose record is not in the store is reported and its entry kept as it was). Items
without a link are looked up (:mod:`briefing.kamer.match`): a match is added and printed with
its evidence; ambiguities, near records and items not found are printed and get no entry.
A record is linked to one item at most: a match whose record the file links to another item
is ambiguous, and of two items matching one record the one that fits it better is linked and
the other is ambiguous (both, when they fit equally well), the report naming both.
The records carry a dossier's title, not its number: the titles of the linked motions, whose
Kamerstuk numbers the content gives, number the letters of the same dossiers. ``kamer.yaml``
is written with the comments a person wrote in it kept in their places
(:mod:`briefing.kamer.comments`), and the facts taken from the records are remembered in the
store, so that the next run tells a fact a person wrote from one it wrote
(:mod:`briefing.kamer.hand`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from briefing.atomic import replace_with
from briefing.errors import BriefingError
from briefing.kamer import match
from briefing.kamer.comments import Comment, read_comments
from briefing.kamer.content import read_content
from briefing.kamer.facts import FACTS_FILE, LINKS, KamerFacts
from briefing.kamer.facts_file import HEADER, plain, read_facts, write_facts
from briefing.kamer.hand import remembered, settle, warning
from briefing.kamer.item_facts import dossier_titles, record_facts
from briefing.kamer.memory import recalled, remember
from briefing.kamer.report import Report, describe
from briefing.kamer.store import Row, Store, open_store, writing
from briefing.loading import Document, load_document

#: The kind (``Soort``) of Zaak a content letter or motion is.
ZAAK_KINDS = {"letter": "Brief regering", "motion": "Motie"}

#: The entity of the records each kind of content item links to.
_ENTITIES = {"debate": "Activiteit", "motion": "Zaak", "letter": "Zaak", "commitment": "Toezegging"}
#: Per kind of content item: the list in ``kamer.yaml``, the entity it links to and the
#: field holding the link. In the order ``link`` handles them.
KINDS = {
    kind: (LINKS[kind][0], _ENTITIES[kind], LINKS[kind][1])
    for kind in ("debate", "motion", "letter", "commitment")
}


def link(content: Path, store_path: Path) -> Report:
    """Link the content under ``content`` to the records in the store at ``store_path``,
    write ``content/kamer.yaml`` and return the report."""
    items = read_content(content)
    path = content / FACTS_FILE
    old = read_facts(path)
    comments = read_comments(path.read_text(encoding="utf-8"), HEADER) if path.exists() else []
    report = Report(path)
    store = open_store(store_path, write=False)
    try:
        linker = _Linker(store, report, old)
        document = load_document(path)[0] if path.exists() else None
        linker.before(recalled(store, path), document)
        facts = linker.run(
            {
                "debate": items.debates,
                "motion": items.motions,
                "letter": items.letters,
                "commitment": items.commitments,
            }
        )
    finally:
        store.close()
    _write(path, facts, comments, store_path, linker.written())
    return report


def _write(
    path: Path, facts: KamerFacts, comments: list[Comment], store_path: Path, memory: str
) -> None:
    """Write ``kamer.yaml`` and what ``link`` took from the records into the store, both or
    neither: the store's memory first, uncommitted (a store that cannot be written to stops
    here), then the file, then the commit; a commit that fails puts the file back as it was."""
    before = path.read_bytes() if path.exists() else None
    wrote = False
    try:
        with writing(store_path) as store:
            remember(store, path, memory)
            try:
                write_facts(path, facts, comments)
            except OSError as exc:
                raise BriefingError(
                    f"{path}: cannot be written ({exc.strerror or exc}); make it and its folder "
                    "writable and link again"
                ) from None
            wrote = True
    except BriefingError as exc:
        if wrote:
            if before is None:
                path.unlink(missing_ok=True)
            else:
                replace_with(path, before)
        raise BriefingError(f"{exc}; nothing was written, {path} is as it was") from None


class _Linker:
    """One run of ``link``: the store, the report, the entries as they were and will be."""

    def __init__(self, store: Store, report: Report, old: KamerFacts) -> None:
        self.store = store
        self.report = report
        self.old: dict[str, dict[str, Any]] = {}
        for kind, (attr, _, _) in KINDS.items():
            self.old[kind] = {getattr(e, kind): e for e in getattr(old, attr)}
        self.new: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        self.titles: dict[str, str] = {}
        self.refused = old.refused
        #: What link last wrote from the records, per kind and item, and what it writes now.
        self.last: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        self.theirs: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        self.document: Document | None = None
        #: Whether the store holds what link last wrote into the file.
        self.known = False
        self.places: dict[tuple[str, str], tuple[str, int]] = {
            (kind, getattr(e, kind)): (attr, i)
            for kind, (attr, _, _) in KINDS.items()
            for i, e in enumerate(getattr(old, attr))
        }

    def before(self, linked: str | None, document: Document | None) -> None:
        """What ``link`` last wrote from the records into the file (JSON), if known, and
        the file's document, for the places of its facts."""
        self.document = document
        last = remembered(linked)
        self.known = last is not None
        for (kind, item), entry in (last or {}).items():
            self.last[kind][item] = self.theirs[kind][item] = entry

    def written(self) -> str:
        """The facts ``link`` wrote from the records alone, as JSON, to remember."""
        return json.dumps(
            {
                attr: [
                    plain(self.theirs[kind][k])
                    for k in sorted(self.new[kind])
                    if k in self.theirs[kind]
                ]
                for kind, (attr, _, _) in KINDS.items()
            },
            default=str,
        )

    def run(self, items: dict[str, dict[str, Any]]) -> KamerFacts:
        """Link every kind in turn; the facts to write."""
        store = self.store
        debates = self._link("debate", items["debate"], lambda d: match.find_debate(store, d))
        for debate, row in debates.items():
            self._put("debate", debate, record_facts(store, "debate", debate, row, self.titles))
        motions = items["motion"]
        self._learn(motions, self._quietly(motions))
        found = self._link("motion", motions, lambda m: match.find_motion(store, m, self.titles))
        self._learn(motions, found)
        for motion, row in found.items():
            self._put("motion", motion, record_facts(store, "motion", motion, row, self.titles))
        letters = self._link(
            "letter", items["letter"], lambda letter: match.find_letter(store, letter, self.titles)
        )
        for letter, row in letters.items():
            self._put("letter", letter, record_facts(store, "letter", letter, row, self.titles))
        numbered = {str(f.kamerstuk): f.letter for f in self.new["letter"].values() if f.kamerstuk}
        debated = {d: f.activiteit for d, f in self.new["debate"].items()}
        commitments = self._link(
            "commitment",
            items["commitment"],
            lambda c: match.find_commitment(store, c, debated.get(c.debate)),
        )
        for commitment, row in commitments.items():
            facts = record_facts(store, "commitment", commitment, row, self.titles, numbered)
            self._put("commitment", commitment, facts)
        return KamerFacts(
            **{
                attr: [self.new[kind][key] for key in sorted(self.new[kind])]
                for kind, (attr, _, _) in KINDS.items()
            },
            refused=self.refused,
        )

    def _put(self, kind: str, item: str, facts: BaseModel) -> None:
        """Enter an item's facts from the records. Where they say nothing of a fact, what
        the file said before (a fact a person added) stands; a fact on where the record
        stands (its model's ``STATE``) follows the records unless a person wrote it, and
        one that contradicts them is reported (:func:`settle`). When the file's entry has
        another subject (its link was corrected by hand), its facts are the other record's."""
        self.theirs[kind][item] = facts
        entry = self.old[kind].get(item)
        if entry is not None and same_subject(entry, facts):
            state: frozenset[str] = getattr(type(facts), "STATE", frozenset())
            kept = {name: value for name, value in plain(entry).items() if name not in state}
            link_field = KINDS[kind][2]
            last = self.last[kind].get(item)
            if last is not None and getattr(last, link_field) != getattr(entry, link_field):
                last = None  # the link was corrected since: what link wrote was another's
            settled, found = settle(entry, last, facts, self.known)
            record = f"{KINDS[kind][1]} {getattr(entry, link_field)}"
            for contradiction in found:
                self.report.by_hand += contradiction.kept
                if self.document is not None:
                    where = self.places[(kind, item)]
                    problem = warning(self.document, where, contradiction, record)
                    verb = "by hand" if contradiction.kept else "replaced"
                    self.report.lines.append(f"{verb} {kind} {item}: {problem}")
            merged = plain(facts.model_copy(update=settled))
            facts = type(facts).model_validate({**kept, **merged})
        self.new[kind][item] = facts

    def _record(self, kind: str, entry: Any) -> Row | None:
        """The record an entry of the file links to, if the store has it."""
        _, entity, link_field = KINDS[kind]
        rows = self.store.find("by_nummer", getattr(entry, link_field), entity)
        return rows[0] if rows else None

    def _quietly(self, motions: dict[str, Any]) -> dict[str, Row]:
        """Motions linked in the file or matched without knowing any dossier title."""
        rows = {}
        for motion in motions:
            entry = self.old["motion"].get(motion)
            if entry is not None:
                row = self._record("motion", entry)
                row = None if row is None or wrong_kind("motion", row) else row
            else:
                found = match.find_motion(self.store, motions[motion], {})
                found = self._unrefused("motion", motion, found)
                row = found.record if found.status == "match" else None
            if row is not None:
                rows[motion] = row
        return rows

    def _learn(self, motions: dict[str, Any], rows: dict[str, Row]) -> None:
        """Learn the dossier titles of the linked motions (:func:`dossier_titles`)."""
        self.titles = dossier_titles(motions, rows)

    def _link(
        self, kind: str, items: dict[str, Any], find: Callable[[Any], match.Found]
    ) -> dict[str, Row]:
        """Each item's record: its link in the file, else what ``find`` matches; reported."""
        rows: dict[str, Row] = {}
        for item in sorted(self.old[kind].keys() - items.keys()):
            self.new[kind][item] = self.old[kind][item]
            self.report.lines.append(
                f"kept {kind} {item}: not in the content; its entry is kept as it was (remove it "
                "if the item is gone)"
            )
        found = {
            item: self._unrefused(kind, item, find(items[item]))
            for item in sorted(items.keys() - self.old[kind].keys())
        }
        for item in sorted(items):
            entry = self.old[kind].get(item)
            if entry is None:
                row = self._found(kind, item, self._contested(kind, item, found))
            elif (row := self._record(kind, entry)) is not None and wrong_kind(kind, row):
                self.new[kind][item] = entry
                self.report.counts["wrong kind"] += 1
                self.report.lines.append(
                    f"wrong kind {kind} {item}: {describe(row)} is {wrong_kind(kind, row)}; its "
                    f"entry is kept as it was: correct the link in {self.report.path}"
                )
                row = None
            elif row is not None:
                self.report.counts["kept"] += 1
                self.report.lines.append(f"kept {kind} {item} → {describe(row)}")
            else:
                self.new[kind][item] = entry
                self._unfound(kind, item, entry)
            if row is not None:
                self.report.linked[kind] += 1
                rows[item] = row
        return rows

    def _unfound(self, kind: str, item: str, entry: Any) -> None:
        """Report a link in the file whose record the store has not, or has as removed by
        the Kamer (``Verwijderd``: its facts no longer stand)."""
        _, entity, link_field = KINDS[kind]
        number = getattr(entry, link_field)
        removed = self.store.find("removed", number, entity)
        if removed:
            self.report.counts["removed"] += 1
            self.report.lines.append(
                f"removed {kind} {item}: the Kamer removed {entity} {number} from its records "
                f"(Verwijderd, changed {removed[0].changed[:10]}); its entry is kept as it was: "
                f"correct the link in {self.report.path} or remove the entry"
            )
            return
        self.report.counts["not in store"] += 1
        self.report.lines.append(
            f"not in store {kind} {item}: {entity} {number} is not in the store; its entry is "
            "kept as it was"
        )

    def _unrefused(self, kind: str, item: str, found: match.Found) -> match.Found:
        """What was found for ``item`` without the records the file refuses it: a match
        refused is none; of an ambiguity, the one record left is the match."""
        refused = {r.record for r in self.refused if (r.kind, r.item) == (kind, item)}
        kept = tuple(row for row in found.candidates if row.nummer not in refused)
        if len(kept) == len(found.candidates):
            return found
        why = f"{self.report.path} refuses {', '.join(sorted(refused))}"
        if found.status == "ambiguous" and len(kept) == 1:
            return match.Found("match", f"{found.evidence}; {why}", kept, found.score)
        if kept:
            return match.Found(found.status, found.evidence, kept, found.score)
        return match.Found("refused", f"{found.evidence}; {why}")

    def _contested(self, kind: str, item: str, found: dict[str, match.Found]) -> match.Found:
        """What was found for ``item``, unless its match is another item's record: linked to
        it in the file, or matching it better (then ambiguous, naming the other)."""
        own = found[item]
        if own.status != "match":
            return own
        nummer = own.record.nummer
        _, _, link_field = KINDS[kind]
        held = [i for i, e in self.old[kind].items() if getattr(e, link_field) == nummer]
        if held:
            why = f"it fits a record that {self.report.path} links to {kind} {held[0]}"
            return match.Found("ambiguous", why, own.candidates)
        rivals = {
            i: f.score
            for i, f in found.items()
            if i != item and f.status == "match" and f.record.nummer == nummer
        }
        if not rivals or own.score > max(rivals.values()):
            return own
        other, score = max(rivals.items(), key=lambda rival: rival[1])
        why = (
            f"it and {kind} {other} fit one record equally well ({own.score:.0%})"
            if score == own.score
            else f"it and {kind} {other} fit one record, {other} better ({score:.0%} against "
            f"{own.score:.0%})"
        )
        return match.Found("ambiguous", why, own.candidates)

    def _found(self, kind: str, item: str, found: match.Found) -> Row | None:
        """Report what a lookup found; the record when it is a match."""
        lines, counts = self.report.lines, self.report.counts
        candidates = "; ".join(describe(r) for r in found.candidates)
        if found.status == "match":
            counts["linked"] += 1
            lines.append(f"linked {kind} {item} → {describe(found.record)}: {found.evidence}")
            return found.record
        if found.status == "ambiguous":
            counts["ambiguous"] += 1
            lines.append(
                f"ambiguous {kind} {item}: {found.evidence}: {candidates}; add the right one to "
                f"{self.report.path} by hand"
            )
        elif found.status == "near":
            counts["near"] += 1
            lines.append(
                f"near {kind} {item}: {candidates}: {found.evidence}; if it is the same, add it "
                f"to {self.report.path} by hand"
            )
        elif found.status == "refused":
            counts["refused"] += 1
            lines.append(f"refused {kind} {item}: {found.evidence}; not linked")
        else:
            counts["not found"] += 1
            lines.append(f"not found {kind} {item}: {found.evidence}")
        return None


def same_subject(old: BaseModel, new: BaseModel) -> bool:
    """Whether an entry of the file and the record's facts speak of the same thing: their
    subjects (a commitment's text) agree, or one of them has none."""
    name = "text" if "text" in type(new).model_fields else "subject"
    before, now = getattr(old, name, None), getattr(new, name, None)
    return before is None or now is None or before == now


def wrong_kind(kind: str, row: Row) -> str | None:
    """Why the record a file's link names cannot be a content ``kind``'s (a motion linked
    to a government letter); None when it can be."""
    wanted = ZAAK_KINDS.get(kind)
    if wanted is None or row.kind == wanted:
        return None
    return f"not a {wanted}"
