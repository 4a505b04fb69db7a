"""Load YAML text into plain data, remembering where every node stands in the file.

Only the safe subset of YAML is accepted. Duplicate keys, anchors/aliases and
non-string keys are errors, and every error carries its line and column. Dates
are kept as strings so that the content model, not YAML, decides what a valid
date is (and can say so precisely).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import Problem

#: A path into a document: mapping keys and sequence indexes, from the root.
NodePath = tuple[str | int, ...]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MAX_BYTES = 2_000_000


@dataclass
class Document:
    """A YAML file's data with the position (line, column; 1-based) of every node."""

    path: Path
    data: Any
    positions: dict[NodePath, tuple[int, int]] = field(default_factory=dict)

    def position(self, node_path: NodePath) -> tuple[int, int]:
        """Position of the deepest existing node on ``node_path`` (the file start if none)."""
        for end in range(len(node_path), -1, -1):
            found = self.positions.get(tuple(node_path[:end]))
            if found:
                return found
        return (1, 1)

    def problem(self, node_path: NodePath, message: str, field_path: str | None = None) -> Problem:
        """A problem located at ``node_path`` in this document."""
        line, column = self.position(node_path)
        return Problem(self.path, line, column, field_path or format_path(node_path), message)


def format_path(node_path: NodePath) -> str:
    """Render a node path as ``sections[0].body[2]``."""
    out = ""
    for part in node_path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class _Walker:
    """Turns a composed YAML node tree into data and positions, collecting problems."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.positions: dict[NodePath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._seen: set[int] = set()

    def problem(self, node: yaml.Node, node_path: NodePath, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, format_path(node_path), message)
        )

    def walk(self, node: yaml.Node, node_path: NodePath) -> Any:
        self.positions[node_path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self._seen:
            self.problem(
                node, node_path, "anchors and aliases are not allowed; write the value out"
            )
            return None
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, node_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*node_path, i)) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            self.problem(node, node_path, f"cannot read this value: {exc}")
            return None

    def _mapping(self, node: yaml.MappingNode, node_path: NodePath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, node_path, "merge keys ('<<') are not allowed")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
                "tag:yaml.org,2002:str",
            ):
                self.problem(key_node, node_path, "keys must be plain field names")
                continue
            key = key_node.value
            if key in result:
                self.problem(
                    key_node,
                    (*node_path, key),
                    f"duplicate key '{key}' (first given on line {first_line[key]}); "
                    "keep one of them",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, (*node_path, key))
            # Point a key's problems at the key, where an author looks for them.
            self.positions[(*node_path, key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
        return result


def load_document(path: Path, display_path: Path | None = None) -> tuple[Document, list[Problem]]:
    """Read and parse one YAML file; return its document and the problems found.

    ``display_path`` is how the file is named in messages (defaults to ``path``).
    A file that cannot be parsed at all gives a document whose data is ``None``.
    """
    shown = display_path or path
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Document(shown, None), [Problem(shown, 1, 1, "", f"cannot read file: {exc}")]
    if len(raw) > _MAX_BYTES:
        message = f"file is {len(raw):,} bytes; content files are limited to {_MAX_BYTES:,}"
        return Document(shown, None), [Problem(shown, 1, 1, "", message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        return Document(shown, None), [Problem(shown, line, column, "", message)]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        return Document(shown, None), [Problem(shown, line, column, "", f"YAML syntax: {what}")]
    except yaml.YAMLError as exc:
        return Document(shown, None), [Problem(shown, 1, 1, "", f"YAML syntax: {exc}")]
    if node is None:
        return Document(shown, None), [Problem(shown, 1, 1, "", "file is empty")]
    walker = _Walker(shown)
    data = walker.walk(node, ())
    return Document(shown, data, walker.positions), walker.problems
