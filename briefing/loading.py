"""Load YAML text into plain data, remembering where every node stands in the file.

Only the safe subset of YAML is accepted. Anchors and aliases, explicit tags, merge
keys, duplicate keys, non-string keys and absurdly deep nesting are errors, and every
error carries its line and column (counted as an editor counts them: lines end at
``\\n`` only). Dates are kept as strings so that the content model, not YAML, decides
what a valid date is (and can say so precisely).
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import Problem, Severity
from briefing.fast_yaml import UNICODE_BREAKS, fast_node
from briefing.yaml_hints import explain

#: A path into a document: mapping keys and sequence indexes, from the root.
NodePath = tuple[str | int, ...]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
#: The forms in which YAML 1.1 reads a number otherwise than its digits say, and why.
_NUMBER_FORMS = [
    (re.compile(r"[-+]?0b[0-1_]+"), "0b makes it a binary number"),
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+"), "0x makes it a hexadecimal number"),
    (re.compile(r"[-+]?0[0-7_]+"), "a leading zero makes it an octal number"),
    (re.compile(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"), "numbers joined by ':' count in sixties"),
]
_MAX_BYTES = 2_000_000
#: No content file nests anywhere near this deep; deeper input is a mistake or an attack.
MAX_DEPTH = 50
#: A long letter holds about a thousand values. Reading is slow (a 2 MB list of numbers
#: takes seconds), so a file with far more values is refused as soon as it passes this.
MAX_NODES = 50_000
_TOO_MANY = (
    f"the file holds more than {MAX_NODES:,} values; no content file needs that many: look "
    "for a list that runs away, or split the content"
)
#: Characters no reader sees and a PDF cannot show, which an escape in quotes ("\x07",
#: "\u2028") writes where YAML would refuse the character itself: control characters but
#: the tab and the line break, Unicode's line breaks, and halves of a UTF-16 pair.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
#: A ``#`` after a space with no space after it: in a plain text, YAML takes it and the rest
#: of the line for a comment, though an author may have meant it as text ("motie #3").
_HASH_WORD = re.compile(r"[ \t]+#[^\s#]")
_BOMS = [
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
]


@dataclass
class Document:
    """A YAML file's data with the position (line, column; 1-based) of every node.

    ``unreadable`` holds the node paths whose value could not be read (a problem was
    reported there and the value became ``None``), so validation does not report them again.
    """

    path: Path
    data: Any
    positions: Mapping[NodePath, tuple[int, int]] = field(default_factory=dict)
    unreadable: set[NodePath] = field(default_factory=set)

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


class _Lines:
    """Turns a character index into a 1-based (line, column), counting ``\\n`` only.

    PyYAML also counts U+2028, U+2029 and U+0085 as line breaks, which an editor
    does not show; its own line numbers would then point at the wrong line.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1

    def mark(self, mark: yaml.Mark | None) -> tuple[int, int]:
        return self.at(mark.index) if mark is not None else (1, 1)


def _libyaml_position(mark: yaml.Mark | None) -> tuple[int, int]:
    """libyaml's own line and column, for text it parsed whose only line break is ``\n``:
    they are then the editor's, and need no counting."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Refused(yaml.MarkedYAMLError):
    """YAML that parses but is outside the accepted subset (anchors, tags, deep nesting)."""


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing anchors, aliases and explicit tags, limiting depth and size.

    Refusing at the first anchor (rather than after composing) means an alias bomb
    ("billion laughs") is never expanded, not even as shared nodes.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            found = (
                f"alias '*{event.anchor}'"
                if isinstance(event, yaml.AliasEvent)
                else (f"anchor '&{event.anchor}'")
            )
            raise _Refused(
                problem=f"anchors and aliases are not allowed (found the {found}); write the "
                "value out in full",
                problem_mark=event.start_mark,
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                problem=f"YAML tags such as '{shown}' are not allowed; remove the tag (and put "
                "the value in quotes if it is text)",
                problem_mark=event.start_mark,
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(problem=_TOO_MANY, problem_mark=event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    problem=f"values are nested more than {MAX_DEPTH} levels deep; check the "
                    "brackets and the indentation",
                    problem_mark=event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _type_name(node: yaml.Node) -> str:
    return {
        "tag:yaml.org,2002:int": "a number",
        "tag:yaml.org,2002:float": "a number",
        "tag:yaml.org,2002:bool": "true/false",
        "tag:yaml.org,2002:null": "an empty value",
        _TIMESTAMP_TAG: "a date",
    }.get(node.tag, "a value")


def _odd_number(text: str, value: int) -> str | None:
    """Why YAML reads ``text`` as the number ``value``, otherwise than its digits say; None
    where it does not (also for '07', octal but the same number)."""
    digits = text.replace("_", "")
    if digits.lstrip("+-").isdigit() and int(digits) == value:
        return None
    return next((why for form, why in _NUMBER_FORMS if form.fullmatch(text)), None)


class _Walker:
    """Turns a composed YAML node tree into data and positions, collecting problems;
    ``position`` turns a node's mark into the editor's (line, column)."""

    def __init__(
        self, path: Path, text: str, position: Callable[[yaml.Mark | None], tuple[int, int]]
    ) -> None:
        self.path = path
        self.position = position
        self._text = text if _HASH_WORD.search(text) else None
        self.positions: dict[NodePath, tuple[int, int]] = {}
        self.unreadable: set[NodePath] = set()
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._count = 0

    def problem(self, node: yaml.Node, node_path: NodePath, message: str) -> None:
        line, column = self.position(node.start_mark)
        self.problems.append(Problem(self.path, line, column, format_path(node_path), message))

    def walk(self, node: yaml.Node, node_path: NodePath) -> Any:
        """The data of ``node``; ``None`` for the whole file when it holds too many values."""
        self._count += 1
        if self._count > MAX_NODES:
            if self._count == MAX_NODES + 1:
                self.problem(node, (), _TOO_MANY)
            return None
        data = self._data(node, node_path)
        return None if not node_path and self._count > MAX_NODES else data

    def _data(self, node: yaml.Node, node_path: NodePath) -> Any:
        self.positions[node_path] = self.position(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, node_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*node_path, i)) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:
            return node.value
        try:
            value = self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            self.problem(
                node,
                node_path,
                f"cannot read '{shown}' as {_type_name(node)}; shorten it, or put it in "
                "quotes if it is text",
            )
            self.unreadable.add(node_path)
            return None
        if node.tag == _INT_TAG and (why := _odd_number(node.value, value)):
            self.problem(
                node,
                node_path,
                f"YAML reads '{node.value}' as {value} ({why}); write the number in plain "
                "digits, or put it in quotes if it is text",
            )
            self.unreadable.add(node_path)
            return None
        if isinstance(value, str) and (odd := _NOT_TEXT.search(value)):
            self.problem(
                node,
                node_path,
                f"the text holds the character U+{ord(odd[0]):04X}, which no reader sees and "
                "the PDF cannot show (an escape in quotes, such as '\\x07', writes it); "
                "remove it",
            )
        plain = isinstance(node, yaml.ScalarNode) and node.style is None
        if self._text is not None and isinstance(value, str) and plain:
            self._comment_after(node, node_path)
        return value

    def _comment_after(self, node: yaml.Node, node_path: NodePath) -> None:
        """Warn when a plain text is followed on its line by what reads as a word cut off by
        YAML's comment sign: the text silently stops before it."""
        assert self._text is not None
        end = node.end_mark.index
        line_end = self._text.find("\n", end)
        rest = self._text[end : line_end if line_end >= 0 else None].rstrip()
        if not (cut := _HASH_WORD.match(rest)):
            return
        line, column = self.position(node.end_mark)
        hash_at = cut.end() - 2
        comment = rest[hash_at:]
        shown = comment if len(comment) <= 40 else comment[:37] + "..."
        message = (
            f"YAML reads '{shown}' as a comment, so the text ends before it; if it belongs "
            "to the text, put the whole text in quotes; a comment is written '# ' with a space"
        )
        self.problems.append(
            Problem(
                self.path,
                line,
                column + hash_at,
                format_path(node_path),
                message,
                Severity.WARNING,
            )
        )

    def _mapping(self, node: yaml.MappingNode, node_path: NodePath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node, node_path, "merge keys ('<<') are not allowed; write the fields out"
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(
                    key_node,
                    node_path,
                    "a list or mapping cannot be a key; keys are field names such as 'subject'",
                )
                continue
            if key_node.tag != _STR_TAG:
                self.problem(
                    key_node,
                    node_path,
                    f"the key '{key_node.value}' is read as {_type_name(key_node)}, not as a "
                    "field name; keys are field names such as 'subject' (quote it if it must "
                    "be text)",
                )
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
            first_line[key] = self.position(key_node.start_mark)[0]
            result[key] = self.walk(value_node, (*node_path, key))
            # Point a key's problems at the key, where an author looks for them.
            self.positions[(*node_path, key)] = self.position(key_node.start_mark)
        return result


def _decode(raw: bytes) -> tuple[str | None, tuple[int, int, str] | None]:
    """The file's text, or the position and message of why it is not UTF-8."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return None, (1, 1, f"the file is saved as {name}; save it as UTF-8")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        return None, (line, column, message)


def _syntax_message(text: str, lines: _Lines, exc: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """Position and message of a YAML syntax error: for the usual causes, where the fault is
    and how to mend it (:mod:`briefing.yaml_hints`), else PyYAML's own words."""
    mark = exc.problem_mark or exc.context_mark
    line, column = lines.mark(mark)
    if isinstance(exc, _Refused):
        return line, column, str(exc.problem)
    nearby = "\n".join(text.split("\n")[max(line - 2, 0) : line])
    breaks = [name for char, name in UNICODE_BREAKS.items() if char in nearby]
    explained = None if breaks else explain(exc, text)
    if explained is not None:
        at, meaning = explained
        line, column = lines.mark(at or mark)
        return line, column, f"YAML syntax: {meaning}"
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    if breaks:  # the likely cause, which PyYAML's words do not name
        separators = ", ".join(breaks)
        message = (
            f"YAML syntax: the text here holds an invisible line separator ({separators}) that "
            f"YAML reads as a line break: replace it by a space (YAML's words: {what})"
        )
        return line, column, message
    message = f"YAML syntax: {what}"
    if "'\\t'" in what:
        message += "; indent with spaces, not tabs"
    return line, column, message


def load_document(path: Path, display_path: Path | None = None) -> tuple[Document, list[Problem]]:
    """Read and parse one YAML file; return its document and the problems found.

    ``display_path`` is how the file is named in messages (defaults to ``path``).
    A file that cannot be parsed at all gives a document whose data is ``None``.
    """
    shown = display_path or path
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"cannot read file: {reason}; content files must be readable YAML files"
        return Document(shown, None), [Problem(shown, 1, 1, "", message)]
    return parse_document(shown, raw)


def parse_document(shown: Path, raw: bytes) -> tuple[Document, list[Problem]]:
    """Parse the bytes ``raw`` of the YAML file named ``shown`` in messages, as
    :func:`load_document` does."""
    if len(raw) > _MAX_BYTES:
        message = f"file is {len(raw):,} bytes; content files are limited to {_MAX_BYTES:,}"
        return Document(shown, None), [Problem(shown, 1, 1, "", message)]
    text, failure = _decode(raw)
    if text is None:
        assert failure is not None
        line, column, message = failure
        return Document(shown, None), [Problem(shown, line, column, "", message)]
    fast = fast_node(text, MAX_DEPTH, MAX_NODES)
    if fast is not None:
        walker = _Walker(shown, text, _Lines(text).mark if "\r" in text else _libyaml_position)
        data = walker.walk(fast, ())
        return Document(shown, data, walker.positions, walker.unreadable), walker.problems
    lines = _Lines(text)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line, column = lines.at(exc.position)
        character = exc.character if isinstance(exc.character, int) else 0
        message = (
            f"the character U+{character:04X} is not allowed in YAML (a control character); "
            "remove it"
        )
        return Document(shown, None), [Problem(shown, line, column, "", message)]
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        line, column, message = _syntax_message(text, lines, exc)
        return Document(shown, None), [Problem(shown, line, column, "", message)]
    except yaml.YAMLError as exc:
        message = f"YAML syntax: {' '.join(str(exc).split())}"
        return Document(shown, None), [Problem(shown, 1, 1, "", message)]
    finally:
        loader.dispose()
    if node is None:
        message = "file is empty; write its content, or remove the file"
        return Document(shown, None), [Problem(shown, 1, 1, "", message)]
    walker = _Walker(shown, text, lines.mark)
    data = walker.walk(node, ())
    return Document(shown, data, walker.positions, walker.unreadable), walker.problems
