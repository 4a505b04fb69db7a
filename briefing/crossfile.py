"""Rules across content files: every reference names an entry that exists, and the files that
name letters (the Kamer's facts, a debate's agenda, a debate's questions) name letters that exist.

An entry or letter that is itself broken is reported once, where it is, not again where it is
named.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing.debate_notes import DebateNotes
from briefing.errors import Problem, Severity, errors_in
from briefing.kamer.facts import LINKS, KamerFacts
from briefing.layout import KAMER_FILE, NOTES_DIR, REGISTRY_FILES, yaml_files
from briefing.loading import Document, NodePath, format_path, load_document
from briefing.sources import Corpus, KamerSource, LetterSource, NotesSource
from briefing.types import Ref
from briefing.validation import validate
from briefing.walk import iter_values, letter_sections


def references(model: Any, base: NodePath) -> Iterator[tuple[NodePath, Ref]]:
    """Every reference to a registry entry in a model tree, with its path."""
    for path, value in iter_values(model, base):
        if isinstance(value, Ref):
            yield path, value


def reference_problems(
    references: Iterable[tuple[NodePath, Ref]], document: Document, corpus: Corpus
) -> Iterator[Problem]:
    for path, value in references:
        registry = corpus.registries[value.kind]
        if value in registry or (value.kind, value) in corpus.invalid_ids:
            continue
        file_name = corpus.root / REGISTRY_FILES[value.kind]
        if value.kind in corpus.unreadable:
            # One problem per file, not one per reference: the cause is in the registry.
            if (document.path, value.kind) not in corpus.told_unreadable:
                corpus.told_unreadable.add((document.path, value.kind))
                yield document.problem(
                    path,
                    f"refers to {value.kind} '{value}' (and maybe more), but "
                    f"{corpus.unreadable[value.kind]}",
                    format_path(path),
                )
            continue
        close = difflib.get_close_matches(value, list(registry), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; add it to {file_name}"
        yield document.problem(
            path, f"no {value.kind} with id '{value}' in {file_name}{hint}", format_path(path)
        )


def _unknown_letter(
    document: Document, node_path: NodePath, letter_id: str, letters: set[str]
) -> Problem:
    close = difflib.get_close_matches(letter_id, sorted(letters), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return document.problem(node_path, f"no letter with id '{letter_id}' in letters/{hint}")


def check_agendas(corpus: Corpus, letters: set[str]) -> None:
    """A debate's agenda names letters that exist."""
    for entry in corpus.registries["debate"].values():
        for index, letter_id in enumerate(entry.model.agenda):
            if letter_id not in letters and ("letter", letter_id) not in corpus.invalid_ids:
                node_path = (*entry.node_path, "agenda", index)
                corpus.problems.append(
                    _unknown_letter(entry.document, node_path, letter_id, letters)
                )


def load_kamer(root: Path, corpus: Corpus, letters: set[str]) -> None:
    """Read the Kamer's facts, if any; their ids must name content that exists."""
    path = root / KAMER_FILE
    if not path.exists():
        return
    corpus.files.append(path)
    document, problems = load_document(path)
    corpus.problems += problems
    if document.data is None:
        return
    facts, more = validate(document, KamerFacts, document.data)
    corpus.problems += more
    if facts is None:
        return
    corpus.problems += reference_problems(references(facts, ()), document, corpus)
    letter_ids: list[tuple[NodePath, str]] = [
        (("letters", i, "letter"), f.letter) for i, f in enumerate(facts.letters)
    ]
    letter_ids += [
        (("commitments", i, "fulfilled_by", j, "letter"), by.letter)
        for i, c in enumerate(facts.commitments)
        for j, by in enumerate(c.fulfilled_by)
        if by.letter is not None
    ]
    corpus.problems += [
        _unknown_letter(document, node_path, letter_id, letters)
        for node_path, letter_id in letter_ids
        if letter_id not in letters and ("letter", letter_id) not in corpus.invalid_ids
    ]
    corpus.problems += list(_shared_links(facts, document))
    numbered = {s.letter.kamerstuk: s for s in corpus.letters if s.letter.kamerstuk}
    for index, fact in enumerate(facts.letters):
        other = numbered.get(fact.kamerstuk) if fact.kamerstuk else None
        if other is not None and other.letter.id != fact.letter:
            corpus.problems.append(
                document.problem(
                    ("letters", index, "kamerstuk"),
                    f"{fact.kamerstuk} is the letter '{other.letter.id}' ({other.document.path}); "
                    f"the Kamer's record linked to '{fact.letter}' cannot be it too: a Kamerstuk "
                    "is one letter (the same letter twice in the content, or a wrong link)",
                )
            )
    corpus.kamer = KamerSource(facts, document)


def _shared_links(facts: KamerFacts, document: Document) -> Iterator[Problem]:
    """A warning at every entry that names a record an earlier entry names: one record is
    one content item."""
    first: dict[str, tuple[str, str]] = {}
    for item, (attr, link) in LINKS.items():
        for index, entry in enumerate(getattr(facts, attr)):
            nummer = getattr(entry, link)
            if nummer in first:
                kind, other = first[nummer]
                yield replace(
                    document.problem(
                        (attr, index, link),
                        f"{link} {nummer} is linked to {kind} '{other}' too: one record is one "
                        f"content item; keep the link of the item it is",
                    ),
                    severity=Severity.WARNING,
                )
            else:
                first[nummer] = (item, str(getattr(entry, item)))


def load_notes(root: Path, corpus: Corpus, letters: dict[str, LetterSource]) -> None:
    """Read each debate's lines to take and questions; each cites sections that exist in
    letters sent by the debate's day."""
    for path in yaml_files(root / NOTES_DIR):
        corpus.files.append(path)
        document, problems = load_document(path)
        if document.data is not None:
            notes, more = validate(document, DebateNotes, document.data)
            problems += more
            if notes is not None:
                problems += reference_problems(references(notes, ()), document, corpus)
                problems += _notes_problems(notes, document, letters, corpus)
                if not errors_in(problems):
                    corpus.notes[notes.debate] = NotesSource(notes, document)
        corpus.problems += problems


def _notes_problems(
    notes: DebateNotes, document: Document, letters: dict[str, LetterSource], corpus: Corpus
) -> list[Problem]:
    problems = []
    if notes.debate != document.path.stem:
        corpus.notes_about[document.path] = notes.debate
        problems.append(
            document.problem(
                ("debate",),
                f"the file is named '{document.path.name}' but is about debate "
                f"'{notes.debate}'; name it '{notes.debate}.yaml'",
            )
        )
    debate = corpus.debates.get(notes.debate)
    for path, value in iter_values(notes):
        if path[-2:-1] != ("sources",):
            continue
        letter_id, _, section_id = str(value).partition("#")
        source = letters.get(letter_id)
        if ("letter", letter_id) in corpus.invalid_ids:
            continue
        if source is None:
            problems.append(_unknown_letter(document, path, letter_id, set(letters)))
        elif not any(s.id == section_id for s, _, _ in letter_sections(source.letter)):
            problems.append(
                document.problem(
                    path, f"letter '{letter_id}' has no section with id '{section_id}'"
                )
            )
        elif debate is not None and source.letter.date > debate.date:
            problems.append(
                document.problem(
                    path,
                    f"letter '{letter_id}' is dated {source.letter.date.isoformat()}, after the "
                    f"debate ({debate.date.isoformat()}); cite a letter sent by then",
                )
            )
    return problems
