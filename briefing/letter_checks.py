"""Rules within one letter that its model cannot state: its file is named after its id,
its section ids are unique, every footnote is called and defined, and footnote calls
stand only where they are printed with their footnotes; and warnings where a letter is not
finished: a value still the import's placeholder, the import's ``# TODO review:`` comments,
no section with key points."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import Problem, Severity
from briefing.inline import FOOTNOTE_RE, footnote_ids
from briefing.loading import Document, NodePath, format_path
from briefing.model import UNKNOWN
from briefing.sources import LetterSource
from briefing.types import ID_PATTERN, RESERVED_NAMES
from briefing.walk import iter_values, letter_sections, letter_texts


def _calls_footnotes(path: NodePath) -> bool:
    """True where a footnote call is printed with its footnote: a section's heading or body."""
    return "body" in path or path[-1:] == ("heading",) or path[:1] == ("footnotes",)


def misplaced_footnotes(model: Any, document: Document, base: NodePath) -> Iterator[Problem]:
    """Footnote calls in texts other than a section's heading and body, where they would
    silently vanish (briefings and summaries print those texts without footnotes)."""
    for path, value in iter_values(model, base):
        if not isinstance(value, str) or _calls_footnotes(path[len(base) :]):
            continue
        for match in FOOTNOTE_RE.finditer(value):
            yield document.problem(
                path,
                f"the footnote call {match[0]} can only stand in a section's heading or body; "
                "this text is printed without footnotes, so move the call to the body",
                format_path(path),
            )


def _valid_file_name(path: Path) -> bool:
    return re.fullmatch(ID_PATTERN, path.stem) is not None and path.stem not in RESERVED_NAMES


#: The comment the import writes above what it proposes and a person should check.
_REVIEW_RE = re.compile(rb"^[ \t]*# ?TODO review:", re.MULTILINE)
#: libyaml's scanner where PyYAML has it, many times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def letter_problems(source: LetterSource, raw: bytes) -> list[Problem]:
    """Every problem of one letter, whose file holds ``raw``, that its model does not catch."""
    letter, document = source.letter, source.document
    problems = list(misplaced_footnotes(letter, document, ()))
    problems += _file_name_problems(source)
    problems += _section_id_problems(source)
    problems += _footnote_problems(source)
    problems += _placeholders(source)
    problems += _no_summary(source)
    problems += _reviews_left(source.document, raw)
    return problems


def _no_summary(source: LetterSource) -> list[Problem]:
    """A warning when no section has key points: a dossier would list the letter bare."""
    if any(section.summary for section, _, _ in letter_sections(source.letter)):
        return []
    problem = source.document.problem(
        ("sections",),
        "no section has a 'summary': a dossier lists this letter on its agenda without key "
        "points; write the key points of its main sections under 'summary'",
    )
    return [problem.as_warning()]


def _reviews_left(document: Document, raw: bytes) -> list[Problem]:
    """One warning at the first ``# TODO review:`` comment, counting them all."""
    found = _review_comments(raw)
    if not found:
        return []
    line, column = found[0]
    if len(found) == 1:
        message = "a 'TODO review' comment of the import is still here: check what it proposes"
    else:
        message = (
            f"{len(found)} 'TODO review' comments of the import are still in the file, the "
            "first here: check what each proposes"
        )
    message += ", then delete the comment"
    return [Problem(document.path, line, column, "", message, Severity.WARNING)]


def _review_comments(raw: bytes) -> list[tuple[int, int]]:
    """The line and column (from 1) of every ``# TODO review:`` comment in ``raw``; a line
    of a text written over lines (``|``, ``>``, in quotes) that reads so is the text's."""
    # The pattern matches from a line's start, in ASCII up to the '#'.
    found = [(raw.count(b"\n", 0, m.start()), m[0].index(b"#")) for m in _REVIEW_RE.finditer(raw)]
    if not found:  # a finished letter: no need to read the YAML's tokens
        return []
    try:
        tokens = list(yaml.scan(raw, Loader=_LOADER))
    except yaml.YAMLError:  # what libyaml reads otherwise (a tab, say)
        tokens = list(yaml.scan(raw, Loader=yaml.SafeLoader))
    texts = [
        ((t.start_mark.line, t.start_mark.column), (t.end_mark.line, t.end_mark.column))
        for t in tokens
        if isinstance(t, yaml.ScalarToken)
    ]
    return [
        (line + 1, column + 1)
        for line, column in found
        if not any(start < (line, column) < end for start, end in texts)
    ]


def _placeholders(source: LetterSource) -> Iterator[Problem]:
    """A warning at each value that is still the placeholder the import wrote where its
    source did not say: the letter's PDF would print it."""
    for path, value in iter_values(source.letter):
        if value == UNKNOWN:
            problem = source.document.problem(
                path,
                f"still '{UNKNOWN}', the import's placeholder where its source does not say; "
                "the PDF prints it as it stands: fill in the real value",
            )
            yield problem.as_warning()


def _file_name_problems(source: LetterSource) -> list[Problem]:
    """A letter's file is named after its id."""
    letter, document = source.letter, source.document
    if not _valid_file_name(document.path):
        return [
            document.problem(
                (),
                f"the file name '{document.path.name}' is not a valid letter id; name the file "
                f"after the letter's id, '{letter.id}.yaml' (lower-case letters, digits and "
                "hyphens)",
                "",
            )
        ]
    if letter.id != document.path.stem:
        return [
            document.problem(
                ("id",),
                f"id '{letter.id}' differs from the file name; rename one to match "
                f"'{document.path.stem}'",
            )
        ]
    return []


def _section_id_problems(source: LetterSource) -> Iterator[Problem]:
    """Section ids are unique within a letter: links to sections use them."""
    document = source.document
    seen: dict[str, NodePath] = {}
    for section, path, _level in letter_sections(source.letter):
        if section.id in seen:
            line, _ = document.position((*seen[section.id], "id"))
            yield document.problem(
                (*path, "id"), f"duplicate section id '{section.id}'; already used on line {line}"
            )
        seen.setdefault(section.id, path)


def _footnote_problems(source: LetterSource) -> Iterator[Problem]:
    """Every footnote is called, and every call has its footnote; a footnote may be called
    again (the PDF prints it at its first call, and its number at the others)."""
    letter, document = source.letter, source.document
    called: dict[str, NodePath] = {}
    for text_path, text in letter_texts(letter):
        for footnote in footnote_ids(text):
            if footnote not in letter.footnotes:
                yield document.problem(
                    text_path,
                    f"footnote [^{footnote}] is called but not defined; add it under 'footnotes'",
                )
            called.setdefault(footnote, text_path)
    for footnote in letter.footnotes:
        if footnote not in called:
            yield document.problem(
                ("footnotes", footnote),
                f"footnote '{footnote}' is defined but never called; call it as "
                f"[^{footnote}] or remove it",
            )
        elif footnote_ids(letter.footnotes[footnote]):
            yield document.problem(("footnotes", footnote), "footnotes cannot call footnotes")
