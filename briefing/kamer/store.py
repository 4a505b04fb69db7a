"""The local store of the Kamer's records: one SQLite file (default ``.briefing/kamer.sqlite``).

One table holds every record (its entity, id, ``GewijzigdOp``, own fields as JSON, and the
columns ``link`` looks records up by, each indexed); another the relations between records.
A record replaces the stored one only when its ``GewijzigdOp`` is newer, so loading the same
records twice changes nothing. Each load or sync is one transaction: when it fails, the
store is left as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.kamer.counts import Counts
from briefing.kamer.odata import CHANGES, REPLACES, Record

DEFAULT_STORE = Path(".briefing") / "kamer.sqlite"
#: Marks a file as this store (``PRAGMA application_id``): "KAMR".
APPLICATION_ID = 0x4B414D52
SCHEMA_VERSION = 1
#: Seconds to wait for another process that holds the store before giving up.
LOCK_TIMEOUT = 2.0
#: Memory for SQLite's page cache, in KiB: lookups and inserts in a large store hit it.
CACHE_KIB = 128 * 1024
_SQLITE_HEADER = b"SQLite format 3\x00"
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

#: What ``link`` last wrote from the records into each ``kamer.yaml``
#: (:mod:`briefing.kamer.memory`). Made when first needed.
LINKED = "CREATE TABLE IF NOT EXISTS linked (file TEXT PRIMARY KEY, facts TEXT NOT NULL)"
_SCHEMA = f"""
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
CREATE TABLE record (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    changed TEXT NOT NULL,
    deleted INTEGER NOT NULL,
    nummer TEXT,
    kind TEXT,
    day TEXT,
    volgnummer INTEGER,
    dossier TEXT,
    activiteit TEXT,
    data TEXT NOT NULL
);
CREATE INDEX record_nummer ON record (nummer);
CREATE INDEX record_kamerstuk ON record (entity, volgnummer, dossier);
CREATE INDEX record_day ON record (entity, day);
CREATE INDEX record_activiteit ON record (activiteit);
CREATE TABLE relation (
    source TEXT NOT NULL,
    name TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (source, name, target)
) WITHOUT ROWID;
CREATE INDEX relation_target ON relation (target, name);
CREATE TABLE sync (query TEXT PRIMARY KEY, since TEXT NOT NULL);
{LINKED};
"""
_COLUMNS = "id, entity, changed, deleted, nummer, kind, day, volgnummer, dossier, activiteit, data"
_UPSERT = f"""
INSERT INTO record ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    entity = excluded.entity, changed = excluded.changed, deleted = excluded.deleted,
    nummer = excluded.nummer, kind = excluded.kind, day = excluded.day,
    volgnummer = excluded.volgnummer, dossier = coalesce(excluded.dossier, record.dossier),
    activiteit = coalesce(excluded.activiteit, record.activiteit), data = excluded.data
WHERE excluded.changed > record.changed
"""
#: What a copy with the same ``GewijzigdOp`` adds to a stored record: what it lacks.
_FILL = """
UPDATE record SET dossier = coalesce(dossier, ?), activiteit = coalesce(activiteit, ?)
WHERE id = ? AND changed = ?
"""
_LIVE = f"SELECT {_COLUMNS} FROM record WHERE deleted = 0"
#: Every lookup ``link`` makes; a test checks that each one uses an index.
QUERIES = {
    "by_nummer": f"{_LIVE} AND nummer = ? AND entity = ?",
    "removed": f"SELECT {_COLUMNS} FROM record WHERE deleted = 1 AND nummer = ? AND entity = ?",
    "by_kamerstuk": f"{_LIVE} AND entity = ? AND volgnummer = ? AND dossier IS ?",
    "on_day": f"{_LIVE} AND entity = ? AND day = ?",
    "between": f"{_LIVE} AND entity = ? AND day BETWEEN ? AND ? ORDER BY day, nummer",
    "of_activiteit": f"{_LIVE} AND activiteit = ? AND entity = 'Toezegging'",
    "related": f"SELECT r.{_COLUMNS.replace(', ', ', r.')} FROM relation AS l "
    "JOIN record AS r ON r.id = l.target WHERE l.source = ? AND l.name = ? AND r.deleted = 0",
    "replacing": f"SELECT r.{_COLUMNS.replace(', ', ', r.')} FROM relation AS l "
    f"JOIN record AS r ON r.id = l.source WHERE l.target = ? AND l.name = '{REPLACES}' "
    "AND r.deleted = 0",
    "changing": f"SELECT r.{_COLUMNS.replace(', ', ', r.')} FROM relation AS l "
    f"JOIN record AS r ON r.id = l.source WHERE l.target = ? AND l.name = '{CHANGES}' "
    "AND r.deleted = 0",
}


@dataclass(frozen=True)
class Row:
    """A stored record, as ``link`` reads it; its fields are decoded when first asked for."""

    id: str
    entity: str
    changed: str
    nummer: str | None
    kind: str | None
    day: str | None
    volgnummer: int | None
    dossier: str | None
    activiteit: str | None
    text: str = field(repr=False)

    @cached_property
    def data(self) -> dict[str, Any]:
        """The record's own fields."""
        return dict(json.loads(self.text))

    @classmethod
    def of(cls, row: tuple[Any, ...]) -> Row:
        """A row of ``SELECT {_COLUMNS}``."""
        ident, entity, changed, _deleted, nummer, kind, day, volgnummer, dossier, act, text = row
        return cls(ident, entity, changed, nummer, kind, day, volgnummer, dossier, act, text)


class Store:
    """An open store; use :func:`open_store`."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection
        #: ``GewijzigdOp`` of each record written in the current transaction: a record
        #: expanded on every page (a dossier) is written and counted once.
        self._written: dict[str, str] = {}

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything in it is stored, or nothing is."""
        self.execute("BEGIN IMMEDIATE")
        self._written.clear()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        finally:
            self._written.clear()
        self.execute("COMMIT")

    def write(self, records: Iterable[Record]) -> Counts:
        """Store ``records`` (inside :meth:`transaction`): each replaces the stored record of
        its id when its ``GewijzigdOp`` is newer; a copy with the same ``GewijzigdOp`` fills
        in the dossier and activity the stored one lacks (an expanded copy of a record stored
        without its relations). Returns what was new, updated, unchanged, removed."""
        newest: dict[str, Record] = {}
        edges: set[tuple[str, str, str]] = set()
        same: list[Record] = []
        for record in records:
            edges.update(record.edges)
            written = self._written.get(record.id, "")
            if written >= record.changed:
                same += [record] if written == record.changed else []
                continue
            if record.id not in newest or record.changed > newest[record.id].changed:
                newest[record.id] = record
        self._written.update((ident, record.changed) for ident, record in newest.items())
        stored = self._changed(list(newest))
        counts = Counts()
        rows = []
        for record in newest.values():
            before = stored.get(record.id)
            if before is not None and before >= record.changed:
                counts.unchanged[record.entity] += 1
                same += [record] if before == record.changed else []
                continue
            if record.deleted:
                counts.removed[record.entity] += 1
            else:
                (counts.new if before is None else counts.updated)[record.entity] += 1
            rows.append(_row(record))
            if before is not None:
                self._execute_many(
                    "DELETE FROM relation WHERE source = ? AND name = ?",
                    [(record.id, name) for name in record.complete],
                )
        self._execute_many(_UPSERT, rows)
        self._execute_many(
            _FILL,
            [(r.dossier, r.activiteit, r.id, r.changed) for r in same if r.dossier or r.activiteit],
        )
        self._execute_many("INSERT OR IGNORE INTO relation VALUES (?, ?, ?)", sorted(edges))
        return counts

    def _changed(self, ids: list[str]) -> dict[str, str]:
        """The stored ``GewijzigdOp`` of each of ``ids`` that is stored."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, changed FROM record WHERE id IN ({marks})"
            found.update(self.execute(sql, chunk).fetchall())
        return found

    def find(self, query: str, *args: Any) -> list[Row]:
        """The records a query of :data:`QUERIES` finds: live ones (not removed), but for
        ``removed``."""
        return [Row.of(row) for row in self.execute(QUERIES[query], args).fetchall()]

    def since(self, query: str) -> str | None:
        """The newest ``GewijzigdOp`` a complete sync of ``query`` has seen."""
        row = self.execute("SELECT since FROM sync WHERE query = ?", (query,)).fetchone()
        return row[0] if row else None

    def set_since(self, query: str, since: str) -> None:
        """Remember that a sync of ``query`` has seen everything up to ``since``."""
        self.execute("INSERT OR REPLACE INTO sync VALUES (?, ?)", (query, since))

    def execute(self, sql: str, args: Iterable[Any] = ()) -> sqlite3.Cursor:
        """Run one SQL statement; an SQLite error is a :class:`BriefingError` naming the
        store and what to do."""
        try:
            return self.connection.execute(sql, tuple(args))
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None

    def _execute_many(self, sql: str, rows: list[Any]) -> None:
        try:
            self.connection.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None


def _row(record: Record) -> tuple[Any, ...]:
    data = _ENCODER.encode(record.fields)
    return (
        record.id,
        record.entity,
        record.changed,
        int(record.deleted),
        record.nummer,
        record.kind,
        record.day,
        record.volgnummer,
        record.dossier,
        record.activiteit,
        data,
    )


def _store_error(path: Path, exc: sqlite3.Error) -> BriefingError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return BriefingError(
            f"{path}: the store is locked by another process (a sync or load still running?); "
            "try again when it has finished"
        )
    if "not a database" in text or "malformed" in text:
        return BriefingError(f"{path}: not a Kamer store: the file is not an SQLite database")
    if "readonly" in text or "read-only" in text:
        return BriefingError(
            f"{path}: the store cannot be written to ({text}): make the file and its folder "
            "writable, or give another --store"
        )
    return BriefingError(f"{path}: the store failed: {text}")


def open_store(path: Path, *, write: bool) -> Store:
    """Open the store at ``path``; for writing, create it (and its folder) when missing.

    A file that is not SQLite, an SQLite database of something else, a store of another
    version and a locked store are each a :class:`BriefingError` naming the file.
    """
    exists = path.is_file()
    if path.exists() and not exists:
        raise BriefingError(f"{path}: not a Kamer store: it is a folder; give a file")
    if not exists and not write:
        raise BriefingError(
            f"{path}: there is no Kamer store here; fill one with 'briefing kamer sync' or "
            "'briefing kamer load' first, or give --store"
        )
    if exists:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
        if header and header != _SQLITE_HEADER:
            raise BriefingError(f"{path}: not a Kamer store: the file is not an SQLite database")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BriefingError(f"{path.parent}: cannot make the store's folder: {exc}") from None
    target = str(path) if write else f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(
            target, timeout=LOCK_TIMEOUT, isolation_level=None, uri=not write
        )
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from None
    store = Store(path, connection)
    try:
        store.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        _check_schema(store, write)
    except BaseException:
        store.close()
        raise
    return store


def _check_schema(store: Store, write: bool) -> None:
    """Create the tables in a new store; refuse a database that is not this store."""
    app, version = (
        store.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version")
    )
    tables = store.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app == 0 and tables == 0 and write:
        with store.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    store.execute(statement)
        return
    if app != APPLICATION_ID:
        raise BriefingError(
            f"{store.path}: not a Kamer store: an SQLite database of something else; give "
            "another --store"
        )
    if version != SCHEMA_VERSION:
        raise BriefingError(
            f"{store.path}: a Kamer store of another version of briefing ({version}, this one "
            f"reads {SCHEMA_VERSION}); remove it and sync or load again"
        )


@contextmanager
def writing(path: Path) -> Iterator[Store]:
    """The store at ``path`` (made if missing) in one write transaction. When anything fails,
    the transaction is rolled back, and a store made here is removed again."""
    made = not path.exists()
    store = open_store(path, write=True)
    try:
        with store.transaction():
            yield store
    except BaseException:
        store.close()
        if made:
            path.unlink(missing_ok=True)
        raise
    store.close()
