"""Adding imported motions to the registry ``motions.yaml``: appended, never changed or doubled.

A motion becomes an entry in the style of the hand-made ones (submitters in brackets, long
texts as folded block scalars), validated by the content model before anything is written.
A motion whose id or Kamerstuk number the registry already has is skipped and said so. All
motions of one import are appended at once, as text after the file's last entry (its
comments stay as they are), through a temporary file renamed into place.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from briefing.errors import BriefingError
from briefing.importing.motion_text import MotionText
from briefing.importing.text import slugify
from briefing.importing.yaml_text import yaml_lines
from briefing.loading import load_document
from briefing.model import Motion
from briefing.streams import Origin
from briefing.types import Kamerstuk
from briefing.validation import described

#: libyaml's loader where PyYAML has it: the check reads the whole file back.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: The line the entries go under (a comment may follow it).
_MOTIONS_LINE = re.compile(r"(?m)^motions:[ \t]*(?:#.*)?$")

FILE_NAME = "motions.yaml"
_HEADER = [
    "# yaml-language-server: $schema=schemas/motions.schema.json",
    "# Motions (moties) the letters follow up. What a letter says of them is in the letter.",
    "motions:",
]


def motion_id(motion: MotionText) -> str:
    """The entry's id: the first submitter and the number, ``beckerman-29325-172``."""
    first = motion.submitters[0] if motion.submitters else ""
    return id_of_motion(first, motion.dossier, motion.suffix, motion.number)


def id_of_motion(first: str, dossier: str, suffix: str | None, number: int) -> str:
    """The id of a motion by its first submitter (``Beckerman c.s.``) and its number, as its
    entry gets it: ``beckerman-29325-172``; ``motie-...`` without a submitter."""
    name = slugify(re.sub(r"\s+c\.s\.$", "", first), 40) or "motie"
    return f"{name}-{dossier}{f'-{suffix.lower()}' if suffix else ''}-{number}"


def entry(motion: MotionText) -> dict[str, Any]:
    """The registry entry of ``motion``, in the key order of the hand-made entries."""
    data: dict[str, Any] = {
        "id": motion_id(motion),
        "submitters": motion.submitters,
        "kamerstuk": motion.kamerstuk,
    }
    if motion.submitted:
        data["submitted"] = motion.submitted
    if motion.considerations:
        data["considerations"] = motion.considerations
    data["request"] = motion.request
    if motion.replaced:
        data["replaces"] = motion.replaced
    return data


def _blank(path: Path) -> bool:
    """Whether the file at ``path`` holds nothing but white space."""
    try:
        return not path.read_bytes().strip()
    except OSError:
        return False  # reading it again says why it cannot be read


@dataclass
class Registry:
    """The motions of ``motions.yaml`` (ids and numbers), and the entries to append to it."""

    path: Path
    ids: set[str]
    numbers: dict[tuple[str, str | None, int], str]
    pending: list[dict[str, Any]]

    @classmethod
    def open(cls, content: Path) -> Registry:
        """The registry in the content folder ``content`` (empty when there is none yet)."""
        path = content / FILE_NAME
        ids: set[str] = set()
        numbers: dict[tuple[str, str | None, int], str] = {}
        if path.is_file() and not _blank(path):  # an empty file is filled in
            document, problems = load_document(path)
            if document.data is None:
                raise BriefingError(
                    f"{problems[0]}; so no motion can be added to it: mend it first "
                    "('briefing check' shows every problem)"
                )
            data = document.data
            for item in data.get("motions") or [] if isinstance(data, dict) else []:
                if isinstance(item, dict) and "id" in item:
                    ids.add(str(item["id"]))
                    number = _number(str(item.get("kamerstuk", "")))
                    if number:
                        numbers[number] = str(item["id"])
        return cls(path, ids, numbers, [])

    def add(self, motion: MotionText, source: Origin) -> str | None:
        """Queue ``motion``; its id, or ``None`` when the registry has it (by id or number)."""
        data = entry(motion)
        try:
            Motion.model_validate(data)
        except ValidationError as exc:
            raise BriefingError(
                f"{source}:{motion.lines.get('title', 1)}: the motion cannot be held as a "
                f"registry entry: {described(Motion, exc.errors()[0])}"
            ) from None
        number = _number(motion.kamerstuk)
        if data["id"] in self.ids or number in self.numbers:
            return None
        self.ids.add(data["id"])
        if number:
            self.numbers[number] = data["id"]
        self.pending.append(data)
        return str(data["id"])

    def existing(self, motion: MotionText) -> str:
        """The id under which the registry already has ``motion`` (by id or by number)."""
        number = _number(motion.kamerstuk)
        return self.numbers.get(number, motion_id(motion)) if number else motion_id(motion)

    def write(self) -> None:
        """Append the queued entries to the file, atomically; nothing when none are queued."""
        if not self.pending:
            return
        try:
            raw = self.path.read_bytes() if self.path.is_file() else b""
            text = raw.decode("utf-8").replace("\r\n", "\n")
        except (OSError, UnicodeError) as exc:
            message = f"{self.path}:1: cannot read it again to add the motions ({exc})"
            raise BriefingError(message) from None
        newline = "\r\n" if b"\r\n" in raw else "\n"  # as the file has them
        if not text.strip():
            text = "\n".join(_HEADER) + "\n"
        text = re.sub(r"(?m)^motions:[ \t]*\[\][ \t]*(#.*)?$", r"motions: \1", text)
        line = _MOTIONS_LINE.search(text)
        if line is None:
            inline = re.search(r"(?m)^motions:.*$", text)
            raise BriefingError(
                f"{self.path}:{_line_of(text, inline.start())}: motions: the list is written on "
                "one line; write it one '- id: ...' entry after the other, so that motions can "
                "be added; nothing written"
                if inline
                else f"{self.path}:1: found no line 'motions:' to add the motions under; run "
                "'briefing check' and mend the file first"
            )
        blocks = ["\n".join(yaml_lines([data], _list_indent(text))) for data in self.pending]
        text = text.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n"
        if not self._reads_back(text):
            raise BriefingError(
                f"{self.path}:{_line_of(text, line.start())}: motions: the motions cannot be "
                "added at the end of the file as it is written (the list must come last, one "
                "'- id: ...' entry after the other); nothing written"
            )
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(text, encoding="utf-8", newline=newline)
            os.replace(temporary, self.path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise BriefingError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self.pending = []

    def _reads_back(self, text: str) -> bool:
        """Whether ``text`` reads as the registry with the queued entries last."""
        try:
            data = yaml.load(text, Loader=_LOADER) or {}
        except yaml.YAMLError:
            return False
        written = data.get("motions") or [] if isinstance(data, dict) else []
        return written[len(written) - len(self.pending) :] == self.pending


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _list_indent(text: str) -> int:
    """How far the file indents the entries under ``motions:`` (two spaces when it has none)."""
    after = _MOTIONS_LINE.split(text, maxsplit=1)[-1]
    first = re.search(r"(?m)^( *)- ", after)
    return len(first[1]) if first else 2


def _number(text: str) -> tuple[str, str | None, int] | None:
    try:
        kamerstuk = Kamerstuk.parse(text)
    except ValueError:
        return None
    return (kamerstuk.dossier, kamerstuk.suffix, kamerstuk.number)
