"""Import letters and motions into the content: draft letter files and registry entries.

``import_files`` takes any number of files, each a minister's letter or a motion, as text
(converted from the PDF or copied from a web page), as the PDF itself, as the web page saved
from a browser or as the official XML of officielebekendmakingen.nl
(``kst-<dossier>-<nr>.xml``). A motion becomes an entry of
``motions.yaml``; a letter becomes ``letters/<date>-<slug>.yaml``, a draft in the style of
the hand-made letters, with the motions, commitments, debates, sectors, amounts and
milestones it mentions, and the status updates, sector events and figures it gives,
proposed with the sentences that support them. Nothing is overwritten: a letter whose file
exists is refused, unless its draft says it was imported from a file of this name (a stopped
run started again), which is skipped, as a motion the registry has is. Every note a person
should read is ``path:line: message``.

The steps live in modules named for them: :mod:`.source` reads a file (:mod:`.pdf_text`,
:mod:`.official_xml`, :mod:`.web_page`), :mod:`.motion_text` reads a motion and
:mod:`.registry` adds it; :mod:`.ministry_layout` and :mod:`.kamerstuk_layout` read a
letter's layouts, :mod:`.closing` finds its signature, :mod:`.body` its sections,
:mod:`.metadata` completes its head, :mod:`.references` and :mod:`.updates` propose what it
refers to and what it reports, and :mod:`.draft` writes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.corpus import load_corpus
from briefing.errors import BriefingError
from briefing.importing import (
    debate_record,
    kamerstuk_layout,
    ministry_layout,
    motion_text,
    unsupported,
)
from briefing.importing.body import read_body
from briefing.importing.draft import build_draft, check, imported_from, render, write_new
from briefing.importing.footnotes import signature_page_notes
from briefing.importing.metadata import complete
from briefing.importing.parsed import LetterText
from briefing.importing.references import propose
from briefing.importing.registry import Registry
from briefing.importing.source import Source, read_source
from briefing.importing.text import collapse, slugify
from briefing.importing.updates import propose_updates
from briefing.layout import LETTERS_DIR
from briefing.sources import Corpus
from briefing.streams import Origin, read_once
from briefing.types import Kamerstuk

__all__ = ["ImportResult", "import_files", "import_letter"]

#: The layouts the importer reads, as a user would recognise them.
LAYOUTS = (
    "a letter as the text of the ministry's PDF (letterhead with 'Datum' and 'Betreft', then "
    "'Geachte voorzitter,'), a letter or a motion as published as a Kamerstuk (on "
    "officielebekendmakingen.nl, tweedekamer.nl or rijksbegroting.nl: 'Nr. 308 BRIEF VAN DE "
    "MINISTER ...' and 'Den Haag, <date>', or 'Nr. 172 MOTIE VAN HET LID ...' and "
    "'Voorgesteld <date>'), as text, as the PDF, as the web page saved from a browser, or as "
    "the official XML (kst-<dossier>-<nr>.xml)"
)


@dataclass
class ImportResult:
    """What importing one file did: what it wrote, its notes, or why it failed."""

    source: Origin
    wrote: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    path: Path | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was imported (or, for a motion, was in the registry already)."""
        return self.error is None


def import_files(sources: Sequence[Origin], content: Path) -> list[ImportResult]:
    """Import every file in ``sources`` into the content folder ``content``, in order.

    Motions go first (all of them added to ``motions.yaml`` at once), so that a letter
    imported in the same call finds them. A file that fails does not stop the others.
    """
    if not content.is_dir():
        raise BriefingError(f"{content} is not a folder; give the content folder with --content")
    read_once(sources)
    results = {index: ImportResult(path) for index, path in enumerate(sources)}
    read: dict[int, Source] = {}
    for index, path in enumerate(sources):
        try:
            read[index] = read_source(path)
        except BriefingError as exc:
            results[index].error = str(exc)
    motions = {i: s for i, s in read.items() if _holds_motions(s)}
    if motions:
        _import_motions(motions, results, content)
    for index, source in read.items():
        if index in motions:
            continue
        try:
            _import_letter(source, content, results[index])
        except BriefingError as exc:
            results[index].error = source.located(str(exc))
    return [results[index] for index in range(len(sources))]


def import_letter(source: Origin, content: Path) -> ImportResult:
    """Import the one letter in ``source``; a :class:`BriefingError` when it cannot be."""
    (result,) = import_files([source], content)
    if result.error is not None:
        raise BriefingError(result.error)
    return result


def _import_motions(
    sources: dict[int, Source], results: dict[int, ImportResult], content: Path
) -> None:
    try:
        registry = Registry.open(content)
    except BriefingError as exc:
        for index in sources:
            results[index].error = str(exc)
        return
    added: dict[int, list[str]] = {}
    for index, source in sources.items():
        result = results[index]
        try:
            motions, left_out = _read_motions(source)
        except BriefingError as exc:
            result.error = source.located(str(exc))
            continue
        result.notes += [_located(source, note) for note in source.motion_notes + left_out]
        for motion in motions:
            try:
                motion_id = registry.add(motion, source.path)
            except BriefingError as exc:
                result.error = str(exc)
                continue
            result.notes += [_located(source, note) for note in motion.notes]
            if motion.submitted is None:
                result.notes.append(_located(source, _no_day(motion)))
            if motion_id is None:
                result.notes.append(
                    f"{source.path}:{motion.lines.get('title', 1)}: the motion Kamerstuk "
                    f"{motion.kamerstuk} is in {registry.path} already (id "
                    f"'{registry.existing(motion)}'); skipped, the entry is left as it is"
                )
            else:
                added.setdefault(index, []).append(motion_id)
    try:
        registry.write()
    except BriefingError as exc:  # the motions are not added; the letters still are
        for index in added:
            results[index].error = str(exc)
        return
    for index, motion_ids in added.items():
        results[index].wrote += [f"{registry.path}: motion {motion_id}" for motion_id in motion_ids]


def _no_day(motion: motion_text.MotionText) -> str:
    """The note on a motion whose file does not give the day it was submitted (a gewijzigde
    motie's paper, the record of a debate): without one it is in no dossier or register."""
    line = motion.lines.get("kamerstuk") or motion.lines.get("title", 1)
    return (
        f"line {line}: the file does not give the day motion {motion.kamerstuk} was submitted "
        "('Voorgesteld <date>'); until its entry has 'submitted: YYYY-MM-DD', or 'briefing "
        "kamer link' finds its record, no dossier or register shows it"
    )


def _holds_motions(source: Source) -> bool:
    """Whether the file is a motion's paper, or a debate's record with numbered motions."""
    return motion_text.recognise(source.lines) or debate_record.recognise(source.lines)


def _read_motions(source: Source) -> tuple[list[motion_text.MotionText], list[str]]:
    """The motions in the file and notes on any it leaves out: a motion's paper holds one,
    the record of a debate those the chair gave a number."""
    if motion_text.recognise(source.lines):
        if (found := unsupported.first_chamber_motion(source.lines)) is not None:
            raise BriefingError(
                f"{source.path}:{found[0]}: this is {found[1]}; the importer reads {LAYOUTS}"
            )
        return [motion_text.read_motion(source.lines, source.path)], []
    return debate_record.read_motions(source.lines, source.path)


def _import_letter(source: Source, content: Path, result: ImportResult) -> None:
    text = _read_layout(source)
    text.notes[:0] = source.notes
    if text.closing:
        text.closing.annexed = source.annex
    if text.closing and text.closing.after:  # the signature's page has its footnotes under it
        text.closing.after, page_notes = signature_page_notes(text.closing.after)
        text.footnotes += page_notes
    corpus = load_corpus(content)
    if corpus.errors:
        count = len(corpus.errors)
        text.notes.append(
            f"the content has {count} error{'s' if count > 1 else ''} ('briefing check' lists "
            f"{'them' if count > 1 else 'it'}): the draft was compared only with the files that "
            "could be read, so a letter with the same number in a broken file was not seen"
        )
    complete(text, corpus)
    head = text.head
    assert head.date is not None and head.subject is not None
    if (known := _known(text, corpus)) is not None:  # skipped if imported from this file
        number, path = known
        line = text.head.lines.get("kamerstuk", 1)
        if _imported_before(path, source, line, result):
            return
        raise BriefingError(
            f"{source.path}:{line}: {number} is in the content already, as {path}; nothing "
            "written (to import it again, remove that file first)"
        )
    letter_id = f"{head.date.isoformat()}-{slugify(head.subject, 69) or 'brief'}"
    target = content / LETTERS_DIR / f"{letter_id}.yaml"
    if target.exists() and _imported_before(target, source, source.first_line, result):
        return
    annex = text.closing.annex if text.closing else None
    body = read_body(text.body, text.footnotes, text.notes, annex)
    if not body.sections:
        raise BriefingError(
            f"{source.path}:{text.closing.title_line if text.closing else 1}: found no body "
            "text between the letter's head and its signature"
        )
    proposals = propose(body, head.date, corpus, text.notes)
    propose_updates(body, head.date, corpus)
    draft = build_draft(letter_id, head, body, proposals, source.located)
    layout = f"{text.layout}, from the saved web page" if source.kind == "html" else text.layout
    yaml_text = render(draft, source.path.name, layout)
    check(yaml_text, draft, source.path, content)  # raises if the draft would not be valid
    try:
        target.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
    write_new(target, yaml_text, source.path)
    result.path = target
    result.wrote.append(str(target))
    result.notes += [_located(source, note) for note in text.notes]


def _known(text: LetterText, corpus: Corpus) -> tuple[Kamerstuk, Path] | None:
    """The Kamerstuk number of the letter and the file of the content letter that has it (in
    its own file, or as the Kamer's records, ``kamer.yaml``, give it): that letter is this
    one. ``None`` when there is none."""
    if not text.head.kamerstuk:
        return None
    number = Kamerstuk.parse(text.head.kamerstuk)
    found = next((s for s in corpus.letters if corpus.kamerstuk_of(s.letter) == number), None)
    return None if found is None else (number, found.document.path)


def _imported_before(draft: Path, source: Source, line: int, result: ImportResult) -> bool:
    """Whether the letter's draft ``draft`` says it was imported from a file of this name (a
    run stopped before it was done, started again): then it is left as it is, edited or not,
    and ``result`` says so at the source's ``line``. Another publication of the letter, or a
    draft written otherwise, is not this file's."""
    if imported_from(draft) != collapse(source.path.name):
        return False
    result.path = draft
    result.notes.append(
        source.located(
            f"{source.path}:{line}: imported already, as {draft}, whose draft names this file; "
            "nothing written, the draft is left as it is (to import it again, remove that file "
            "first)"
        )
    )
    return True


def _read_layout(source: Source) -> LetterText:
    lines, path = source.lines, source.path
    if kamerstuk_layout.recognise(lines):
        return kamerstuk_layout.read(lines, path)
    if ministry_layout.recognise(lines):
        try:
            return ministry_layout.read(lines, path)
        except BriefingError:
            apart = unsupported.labels_apart(lines)  # why it found no date or subject
            if apart is None:
                raise
            raise BriefingError(
                f"{path}:{apart[0]}: this is {apart[1]}; the importer reads {LAYOUTS}"
            ) from None
    found = unsupported.what_it_is(lines)
    if found is not None:
        raise BriefingError(f"{path}:{found[0]}: this is {found[1]}; the importer reads {LAYOUTS}")
    raise BriefingError(
        f"{path}:{source.first_line}: this is neither a letter nor a motion in a layout the "
        f"importer reads; it reads {LAYOUTS}"
    )


_LINE_RE = re.compile(r"^line (\d+): ")


def _located(source: Source, note: str) -> str:
    """A note as ``path:line: message`` (a note without a line points at the file's start),
    in a PDF ``path, page N: message``."""
    if not note.startswith(f"{source.path}:"):
        match = _LINE_RE.match(note)
        if match:
            note = f"{source.path}:{match[1]}: {note[match.end() :]}"
        else:
            note = f"{source.path}:{source.first_line}: {note}"
    return source.located(note)
