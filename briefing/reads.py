"""What a document read while its HTML was made, noted as it is read, not predicted.

While the render stage makes one document's HTML it opens a :func:`reading` block. Inside
it, the index notes every content file whose facts it hands out and every question it
answers about the corpus as a whole (which letters fall before a date, which letters speak
of a sector), the templates note each template Jinja2 loads, and the page maps note each
letter whose page numbers are printed. The build record keeps these, so a document is made
again exactly when something it read changed, as Lektor does. Outside a block nothing is
noted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Reads:
    """Everything one document read: plain data, so it crosses process boundaries."""

    #: Content files whose facts were used.
    files: set[Path] = field(default_factory=set)
    #: Questions about the whole corpus, each with the digest of its answer.
    queries: dict[str, str] = field(default_factory=dict)
    #: Templates loaded, by name in the templates folder.
    templates: set[str] = field(default_factory=set)
    #: Letters whose page numbers were printed.
    pages: set[str] = field(default_factory=set)


_CURRENT: ContextVar[Reads | None] = ContextVar("reads", default=None)


@contextmanager
def reading() -> Iterator[Reads]:
    """Note what is read inside the block into the :class:`Reads` it yields."""
    reads = Reads()
    token = _CURRENT.set(reads)
    try:
        yield reads
    finally:
        _CURRENT.reset(token)


def note_files(*paths: Path) -> None:
    """Content files whose facts are being used."""
    reads = _CURRENT.get()
    if reads is not None:
        reads.files.update(paths)


def note_query(key: str, digest: str) -> None:
    """A question about the corpus as a whole (see :mod:`briefing.index`), with its answer."""
    reads = _CURRENT.get()
    if reads is not None:
        reads.queries[key] = digest


def note_template(name: str) -> None:
    """A template loaded by name."""
    reads = _CURRENT.get()
    if reads is not None:
        reads.templates.add(name)


def note_pages(letter_id: str) -> None:
    """A letter whose page numbers are printed."""
    reads = _CURRENT.get()
    if reads is not None:
        reads.pages.add(letter_id)
