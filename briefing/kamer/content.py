"""What ``briefing kamer link`` reads of the content: the registries of motions, debates and
commitments, and of each letter its id, date, subject and Kamerstuk number.

Reading every letter in full, as ``check`` does, takes seconds for a few hundred letters;
``link`` needs four fields of each, which are read with libyaml's event parser and validated
with the content model's own types. An error in what ``link`` reads is reported as ``check``
reports it (``path:line:column: field: message``), and ``link`` writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from briefing.errors import ContentError, Problem, errors_in
from briefing.fields import FileId, Line, Model
from briefing.layout import LETTERS_DIR, yaml_files
from briefing.loading import Document, NodePath, load_document
from briefing.model import Commitment, Debate, Motion
from briefing.types import Kamerstuk
from briefing.validation import validate

#: The registries link reads: kind, file, model.
REGISTRIES: dict[str, tuple[str, type[BaseModel]]] = {
    "motion": ("motions.yaml", Motion),
    "debate": ("debates.yaml", Debate),
    "commitment": ("commitments.yaml", Commitment),
}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Reads every scalar as text, as the content's own loader does for dates.
_TEXT_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NULLS = ("", "~", "null", "Null", "NULL")
#: A header field at the margin, with the indented lines that continue its value.
_FIELD_RE = re.compile(r"^(id|date|subject|kamerstuk):.*(?:\n[ \t]+.*)*", re.MULTILINE)


class LetterHeader(Model):
    """The fields of a letter that link matches on."""

    id: FileId = Field(description="The letter's id.")
    date: dt.date = Field(description="Its date.")
    subject: Line = Field(description="Its subject (Betreft).")
    kamerstuk: Kamerstuk | None = Field(None, description="Its Kamerstuk number, if given.")


@dataclass
class Content:
    """The content items link looks up, by id."""

    letters: dict[str, LetterHeader] = field(default_factory=dict)
    motions: dict[str, Motion] = field(default_factory=dict)
    debates: dict[str, Debate] = field(default_factory=dict)
    commitments: dict[str, Commitment] = field(default_factory=dict)


def read_content(root: Path) -> Content:
    """The registries and letter headers under ``root``; a :class:`ContentError` with every
    problem found in them."""
    content, problems = Content(), []
    for kind, (name, model) in REGISTRIES.items():
        entries, more = _registry(root / name, model)
        setattr(content, f"{kind}s", entries)
        problems += more
    for path in yaml_files(root / LETTERS_DIR):
        header, more = _letter_header(path)
        if header is not None:
            content.letters[header.id] = header
        problems += more
    if problems:
        raise ContentError(problems)
    return content


def read_motions(root: Path) -> dict[str, Motion]:
    """The valid entries of the motions registry under ``root``, by id; what is wrong in it
    is ``check``'s to report."""
    return _registry(root / REGISTRIES["motion"][0], Motion)[0]


def _registry(path: Path, model: type[BaseModel]) -> tuple[dict[str, Any], list[Problem]]:
    if not path.exists():
        return {}, []
    document, problems = load_document(path)
    problems = errors_in(problems)
    key = path.stem
    data = document.data
    if problems or not isinstance(data, dict) or not isinstance(data.get(key), list):
        problems = problems or [document.problem((), f"expected one key '{key}' holding a list")]
        return {}, problems
    entries = {}
    for index, item in enumerate(data[key]):
        entry, more = validate(document, model, item, (key, index))
        problems += more
        if entry is not None:
            entries[entry.id] = entry
    return entries, problems


def _letter_header(path: Path) -> tuple[LetterHeader | None, list[Problem]]:
    """The letter's header fields, with the position of each, as text (the model decides
    what a valid value is).

    In a file whose top level is a block mapping, as content files are, each field is a line
    at the margin with its indented continuation; those few lines are parsed alone. Other
    files are read event by event.
    """
    try:
        text = path.read_text(encoding="utf-8")
        found = _by_lines(text)
        if not {"id", "date", "subject"} <= found.keys():
            found = _by_events(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line, column = _position(getattr(exc, "problem_mark", None))
        message = f"cannot be read ({' '.join(str(exc).split())}); run 'briefing check'"
        return None, [Problem(path, line, column, "", message)]
    data = {key: value for key, (value, _) in found.items() if value not in _NULLS}
    positions: dict[NodePath, tuple[int, int]] = {(k,): where for k, (_, where) in found.items()}
    return validate(Document(path, data, positions), LetterHeader, data)


def _by_lines(text: str) -> dict[str, tuple[str, tuple[int, int]]]:
    """Each header field at the margin: its value as text and its position."""
    found: dict[str, tuple[str, tuple[int, int]]] = {}
    for match in _FIELD_RE.finditer(text):
        value = yaml.load(match[0], Loader=_TEXT_LOADER)
        if match[1] not in found and isinstance(value, dict) and isinstance(value[match[1]], str):
            found[match[1]] = (value[match[1]], (text.count("\n", 0, match.start()) + 1, 1))
    return found


def _by_events(text: str) -> dict[str, tuple[str, tuple[int, int]]]:
    """Each header field of the top-level mapping: its value as text and its position."""
    wanted = set(LetterHeader.model_fields)
    found: dict[str, tuple[str, tuple[int, int]]] = {}
    depth, key = 0, None
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            key = None if depth == 2 else key  # a nested value: its key is done
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and depth == 1:
            if key is None:
                key = event.value
                continue
            if key in wanted and key not in found:
                found[key] = (event.value, _position(event.start_mark))
            key = None
    return found


def _position(mark: Any) -> tuple[int, int]:
    """A YAML mark as a 1-based (line, column); the file's start without one."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
