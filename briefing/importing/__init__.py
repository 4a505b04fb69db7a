"""Import a letter's text as a draft content file: metadata, sections, footnotes, references.

``import_letter`` reads text converted from the ministry's published PDF of a letter, or
a letter in the official publication layout of a Kamerstuk, and writes
``letters/<date>-<slug>.yaml`` in a content folder, in the style of the hand-made
letters. It removes the conversion's debris, proposes the motions, commitments, debates,
sectors, amounts and milestones each section refers to (reusing the content's ids and
marking uncertain proposals ``# TODO review:``), and never overwrites a file.

The steps live in modules named for them: :mod:`.source` reads the file,
:mod:`.ministry_layout` and :mod:`.kamerstuk_layout` read the two layouts,
:mod:`.debris` and :mod:`.closing` remove debris and find the signature, :mod:`.body`
builds the sections, :mod:`.metadata` completes the metadata, :mod:`.references` proposes
references, and :mod:`.draft` writes the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.corpus import load_corpus
from briefing.errors import BriefingError
from briefing.importing import kamerstuk_layout, ministry_layout
from briefing.importing.body import read_body
from briefing.importing.draft import build_draft, check, render, write_new
from briefing.importing.metadata import complete
from briefing.importing.parsed import LetterText
from briefing.importing.references import propose
from briefing.importing.source import SourceLine, read_source
from briefing.importing.text import slugify
from briefing.layout import LETTERS_DIR

__all__ = ["ImportResult", "import_letter"]


@dataclass
class ImportResult:
    """Where the draft went, and what the importer could not place or wants reviewed."""

    path: Path
    notes: list[str] = field(default_factory=list)


def import_letter(source: Path, content: Path) -> ImportResult:
    """Write a draft letter file under ``content/letters`` from the text in ``source``.

    Raises :class:`BriefingError` when the source cannot be read or is not recognisably a
    letter, and when the draft's file already exists. The result's notes say what the
    importer could not place, each with its line in the source.
    """
    if not content.is_dir():
        raise BriefingError(f"{content} is not a folder; give the content folder with --content")
    lines = read_source(source)
    text = _read_layout(lines, source)
    corpus = load_corpus(content)
    complete(text, corpus)
    head = text.head
    assert head.date is not None and head.subject is not None
    body = read_body(text.body, text.footnotes, text.notes)
    if not body.sections:
        raise BriefingError(
            f"{source}: found no body text between the letter's head and its signature (line "
            f"{text.closing.title_line if text.closing else 1})"
        )
    proposals = propose(body, head.date, corpus, text.notes)
    letter_id = f"{head.date.isoformat()}-{slugify(head.subject, 69) or 'brief'}"
    draft = build_draft(letter_id, head, body, proposals)
    yaml_text = render(draft, source.name, text.layout)
    check(yaml_text, draft, source, content)  # raises if the draft would not be valid
    target = content / LETTERS_DIR / f"{letter_id}.yaml"
    try:
        target.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
    write_new(target, yaml_text)
    return ImportResult(target, text.notes)


def _read_layout(lines: list[SourceLine], source: Path) -> LetterText:
    if kamerstuk_layout.recognise(lines):
        return kamerstuk_layout.read(lines, source)
    if ministry_layout.recognise(lines):
        return ministry_layout.read(lines, source)
    first = next((line for line in lines if line.text.strip()), lines[0])
    raise BriefingError(
        f"{source}:{first.number}: this does not look like a letter: found neither a salutation "
        "('Geachte voorzitter,') after a letterhead with 'Datum' and 'Betreft', as in the text of "
        "a letter's PDF, nor a heading 'Nr. 308 BRIEF VAN DE MINISTER ...' with 'Den Haag, "
        "<date>', as in a published Kamerstuk"
    )
