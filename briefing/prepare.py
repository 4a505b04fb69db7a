"""A briefing on any date, for a debate or on its own, made as a build makes its briefings.

It goes through the same stages (index, plan, render, write) under the same lock, into the
output folder's ``briefings/``, where its links to ``../letters/`` work. The letters' page
numbers come from the build record where it is fresh for a letter; only letters without a
fresh record are laid out (not written) to learn them.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

from briefing.corpus import load_corpus
from briefing.errors import (
    ContentError,
    Interrupted,
    Problem,
    RenderError,
    UsageError,
    stop_signal,
    warnings_in,
)
from briefing.index import Index
from briefing.index.findings import content_warnings
from briefing.layout import (
    LETTERS_DIR,
    NOTES_DIR,
    REGISTRY_FILES,
    letter_pdf,
    require_apart,
    require_content,
    templates_dir,
)
from briefing.lock import locked
from briefing.model import Debate
from briefing.plan import Kind, Output, dossier, prepared_path
from briefing.record import Inputs, Record
from briefing.render import render
from briefing.settings import load_settings
from briefing.views.links import PageMap
from briefing.workers import Context, Job, make


@dataclass(frozen=True)
class Prepared:
    """The briefing written, the warnings about it (the content it was made from, and what
    WeasyPrint warned about), and the errors in the lines to take of other debates, which it
    left aside."""

    path: Path
    warnings: tuple[str, ...] = ()
    apart: tuple[Problem, ...] = ()


#: How far after the latest letter a briefing's date may be without a warning (a year).
FAR_AHEAD_DAYS = 366


def prepare(
    content: Path, out: Path, date: dt.date | None = None, debate_id: str | None = None
) -> Prepared:
    """Write the briefing on ``date`` (for a debate, if given) into ``out``; say where, and
    warn of what ``check`` warns of in the content it was made from, of what WeasyPrint
    warned about, and of a date far beyond the latest letter.

    ``date`` defaults to the debate's day. The file is
    ``out/briefings/<debate id or 'stand-van-zaken'>-<date>.pdf``.
    """
    require_content(content)
    require_apart(content, out)
    settings = load_settings(content)
    corpus = load_corpus(content)
    stopping, apart = corpus.errors_for(debate_id)
    if stopping:
        raise ContentError(corpus.errors)
    index = Index(corpus)
    debate = find_debate(index, debate_id, content)
    day = date or (debate.date if debate else None)
    if day is None:
        raise UsageError("give the date of the briefing, or a debate to take it from")
    output = dossier(index, day, debate, prepared_path(day, debate))
    if not output.letters and debate is None:
        first = index.letters[0].letter.date.isoformat() if index.letters else None
        hint = f"; the first letter is dated {first}" if first else ""
        raise UsageError(f"no letters dated on or before {day.isoformat()}{hint}")
    context = Context(index, settings, templates_dir())
    target = out / output.path
    before = _identity(target)
    try:
        with locked(out):
            pages = _pages(index, context, out, output)
            done = make(Job(output, pages, target), context)
        if done.error is not None:
            raise RenderError(f"{target}: {done.error}")
        rendering = done.rendered.warnings if done.rendered else ()
        warnings = (
            *_far_ahead(index, day),
            *_content_warnings(index, output, day, debate_id),
            *rendering,
        )
    except KeyboardInterrupt as stop:  # written or not: the file is whole or as it was
        said = "no briefing was written"
        if _identity(target) != before:
            said = f"the briefing was already written to {target}"
        raise Interrupted(f"interrupted: {said}", stop_signal(stop)) from None
    return Prepared(target, warnings, tuple(sorted(apart)))


def _identity(path: Path) -> tuple[int, int, int] | None:
    """What tells a file from the one that replaces it (None when there is none, or no
    way to see it: the command reports that as it would without)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_mtime_ns


def _content_warnings(
    index: Index, output: Output, day: dt.date, debate_id: str | None
) -> list[str]:
    """The warnings ``check`` gives about the files the briefing read: the letters it draws
    on, the registries and the debate's lines to take; what is overdue as on its day."""
    corpus = index.corpus
    letters = {s.path for s in corpus.letters if s.letter.id in output.letters}

    def read(path: Path) -> bool:
        if path.parent == corpus.root / LETTERS_DIR:
            return path in letters
        if path.parent == corpus.root / NOTES_DIR:
            return debate_id in corpus.debates_of(path)
        return True

    found = warnings_in(corpus.problems)
    found += content_warnings(corpus, index.findings_on(day))
    return [str(p) for p in sorted(set(found)) if read(p.path)]


def _far_ahead(index: Index, day: dt.date) -> list[str]:
    """A warning when ``day`` is more than a year after the latest letter: the briefing then
    counts ages and deadlines as on that day, from letters that say nothing of that time."""
    latest = max((s.letter.date for s in index.letters), default=None)
    if latest is None or (day - latest).days <= FAR_AHEAD_DAYS:
        return []
    return [
        f"briefing: warning: {day.isoformat()} is more than a year after the latest letter "
        f"({latest.isoformat()}): the briefing counts open points' ages and deadlines as on "
        f"{day.isoformat()}, from what the letters said up to {latest.isoformat()}; check the date"
    ]


def find_debate(index: Index, debate_id: str | None, content: Path) -> Debate | None:
    """The debate with ``debate_id`` (None for None); a usage error that suggests the nearest
    id."""
    if debate_id is None:
        return None
    if debate_id not in index.debates:
        close = difflib.get_close_matches(debate_id, list(index.debates), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see debates.yaml"
        raise UsageError(f"no debate '{debate_id}' in {content / REGISTRY_FILES['debate']}; {hint}")
    return index.debates[debate_id]


def _pages(index: Index, context: Context, out: Path, output: Output) -> PageMap:
    """The page maps of the letters ``output`` draws on: recorded where fresh, else laid out."""
    from briefing.write import layout_anchors

    record = Record.read(out)
    inputs = Inputs(record, index.corpus.root, record.content_digests(index.corpus.root), index)
    pages: PageMap = {}
    for letter_id in output.letters:
        path = letter_pdf(letter_id)
        entry = record.outputs.get(path)
        if (
            entry is not None
            and record.digest(out / path) == entry.pdf
            and inputs.unchanged(entry.inputs)
        ):
            pages[letter_id] = entry.anchors
        else:
            letter = Output(Kind.LETTER, letter_id, path, None, (), 0)
            html, _ = render(letter, index, context.settings, {})
            pages[letter_id] = layout_anchors(html, context.templates)
    return pages
