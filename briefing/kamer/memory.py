"""What ``briefing kamer link`` remembers in the store of what it wrote from the records into
each ``kamer.yaml``, so that the next run tells a fact a person wrote from one it wrote
(:mod:`briefing.kamer.hand`).

A ``kamer.yaml`` is named by its path from the store's project: the folder holding
``.briefing/``, where the store is by default, else the store's own folder. A project moved
or copied whole, content and store (another checkout, a colleague's machine), keeps the
memory, and two content folders that use one store are two files. A content folder moved on
its own, away from where the store remembers it, is known by its memory being the only one
whose file is gone: it takes that memory over. A store of an earlier version, which named
each file by its absolute path, is read as well.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.kamer.store import DEFAULT_STORE, LINKED, Store


def file_key(store: Store, file: Path) -> str:
    """How the store names ``file`` (a ``kamer.yaml``): its path from the store's project,
    with ``/``."""
    project = _project(store)
    try:
        return Path(os.path.relpath(file.resolve(), project)).as_posix()
    except ValueError:  # on another drive than the store (Windows): no path between them
        return str(file.resolve())


def recalled(store: Store, file: Path) -> str | None:
    """The facts (JSON) ``link`` last wrote from the records into ``file``, if the store
    holds them."""
    sql = "SELECT name FROM sqlite_master WHERE name = 'linked'"
    if store.execute(sql).fetchone() is None:  # a store made before links were kept
        return None
    key = _key_of(store, file)
    if key is None:
        return None
    row = store.execute("SELECT facts FROM linked WHERE file = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def remember(store: Store, file: Path, facts: str) -> None:
    """Keep the facts ``link`` wrote from the records into ``file`` (inside the store's
    transaction), under its name; a memory it took over is kept under that name now."""
    store.execute(LINKED)
    before = _key_of(store, file)
    if before is not None:
        store.execute("DELETE FROM linked WHERE file = ?", (before,))
    store.execute("INSERT OR REPLACE INTO linked VALUES (?, ?)", (file_key(store, file), facts))


def _project(store: Store) -> Path:
    folder = store.path.resolve().parent
    return folder.parent if folder.name == DEFAULT_STORE.parent.name else folder


def _key_of(store: Store, file: Path) -> str | None:
    """The name of ``file``'s memory: its own, the absolute path an earlier version kept it
    by, else that of the one memory whose file is gone (the content folder moved)."""
    keys = [str(row[0]) for row in store.execute("SELECT file FROM linked").fetchall()]
    for key in (file_key(store, file), str(file.resolve())):
        if key in keys:
            return key
    project = _project(store)
    gone = [key for key in keys if not (project / key).is_file()]
    return gone[0] if len(gone) == 1 else None
