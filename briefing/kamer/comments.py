"""A reviewer's comments in ``kamer.yaml``, kept when ``briefing kamer link`` writes it again.

``link`` writes the file whole, from the facts. The comments a person wrote in it are read
first, each with the place it belongs to: a comment on lines of its own belongs to the list,
entry or field on the first line below it that starts one (or to the end of the file), a
comment at the end of a line to what starts on that line; comments above everything stay at
the top, under the header. They are written back at the same
places in the new text; where a field is no longer written, above its entry. The file's own
header is written anew, never kept as a comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: Where a comment belongs: ``(list,)``, ``(list, id)`` an entry, ``(list, id, field)`` one
#: of its fields, or :data:`START` or :data:`END`.
Place = tuple[str, ...]
#: Before everything in the file (under its header) and after everything.
START: Place = ("<start>",)
END: Place = ("<end>",)

#: A block scalar's header (``>-``, ``|2``) and what follows it on its line.
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*(\s+#.*)?$")


@dataclass(frozen=True)
class Comment:
    """One comment, as written (from its ``#``), and the place it belongs to."""

    place: Place
    text: str
    #: Written at the end of the line that starts its place, rather than above it.
    trailing: bool


@dataclass(frozen=True)
class _Start:
    """What starts on a line: its place, and whether its value ends on that line too."""

    place: Place
    one_line: bool


def read_comments(text: str, header: str) -> list[Comment]:
    """Every comment in ``text`` but the lines of ``header`` it starts with, with its place.

    ``text`` must be valid YAML (the file was read as content before)."""
    lines = text.split("\n")
    skip = 0
    for ours in header.rstrip("\n").split("\n"):
        if skip < len(lines) and lines[skip] == ours:
            skip += 1
    starts = _starts(text)
    below: list[tuple[int, str]] = []  # comments on lines of their own, waiting for a place
    found: list[Comment] = []
    for number, comment in _comments(text, lines):
        if number < skip:
            continue
        if lines[number].lstrip().startswith("#"):
            below.append((number, comment))
            continue
        start = starts.get(number) or _enclosing(starts, number)
        found.append(Comment(start.place if start else START, comment, trailing=True))
    first = min(starts, default=len(lines))
    for number, comment in below:
        following = [line for line in starts if line > number]
        place = START if number < first else starts[min(following)].place if following else END
        found.append(Comment(place, comment, trailing=False))
    return found


def with_comments(text: str, comments: Sequence[Comment]) -> str:
    """``text`` with each comment at its place (or the nearest one there is)."""
    if not comments:
        return text
    lines = text.rstrip("\n").split("\n")
    where: dict[Place, int] = {}
    one_line: dict[Place, bool] = {}
    for number, start in sorted(_starts(text).items()):
        where.setdefault(start.place, number)
        one_line.setdefault(start.place, start.one_line)
    where[START] = min(where.values(), default=len(lines))
    above: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    end: list[str] = []
    for comment in comments:
        place = next((comment.place[:n] for n in (3, 2, 1) if comment.place[:n] in where), END)
        if place == END:
            end.append(comment.text)
            continue
        number = where[place]
        if number == len(lines):  # nothing in the file but its header
            end.append(comment.text)
            continue
        trailing = comment.trailing and place == comment.place and one_line.get(place, False)
        if trailing and number not in after:
            after[number] = comment.text
            continue
        indent = len(lines[number]) - len(lines[number].lstrip(" "))
        above.setdefault(number, []).append(" " * indent + comment.text)
    out: list[str] = []
    for number, line in enumerate(lines):
        out += above.get(number, [])
        out.append(f"{line}  {after[number]}" if number in after else line)
    return "\n".join(out + end) + "\n"


def _comments(text: str, lines: list[str]) -> list[tuple[int, str]]:
    """``(line, comment)`` of every comment: text after the last token on its line."""
    covered: dict[int, int] = {}  # line -> column where its last token ends
    inside: set[int] = set()  # lines within a token that spans several
    headers: dict[int, str] = {}  # block scalars' header lines: a comment may follow them
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        start, stop = token.start_mark, token.end_mark
        if stop.line > start.line:
            inside.update(range(start.line + 1, stop.line))
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header = _BLOCK_HEADER.match(lines[start.line], start.column)
                if header and header.group(1):
                    headers[start.line] = header.group(1).strip()
            inside.add(start.line)
        covered[stop.line] = max(covered.get(stop.line, 0), stop.column)
    found = []
    for number, line in enumerate(lines):
        if number in headers:
            found.append((number, headers[number]))
        if number in inside:
            continue
        rest = line[covered.get(number, 0) :].strip()
        if rest.startswith("#"):
            found.append((number, rest))
    return found


def _starts(text: str) -> dict[int, _Start]:
    """The lines on which a list, an entry or a field starts (0 for the first line). An
    entry is named by the key that is its list's name in the singular (``motion`` in
    ``motions``), else (a refusal) by all its fields."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    starts: dict[int, _Start] = {}
    if not isinstance(root, MappingNode):
        return starts
    for key, value in root.value:
        name = str(key.value)
        starts.setdefault(key.start_mark.line, _Start((name,), _one_line(key, value)))
        if not isinstance(value, SequenceNode):
            continue
        for entry in value.value:
            if not isinstance(entry, MappingNode):
                continue
            ids = [str(v.value) for k, v in entry.value if k.value == name.removesuffix("s")]
            ident = ids[0] if ids else _fields(entry)
            if not ident:
                continue
            first = entry.value[0]
            starts[entry.start_mark.line] = _Start((name, ident), _one_line(*first))
            for field, inner in entry.value:
                place = (name, ident, str(field.value))
                starts.setdefault(field.start_mark.line, _Start(place, _one_line(field, inner)))
                for line in _node_lines(inner):
                    starts.setdefault(line, _Start(place, False))
    return starts


def _fields(entry: MappingNode) -> str:
    """An entry without its list's id (a refusal) named by its scalar fields, all together."""
    return " ".join(f"{k.value}={v.value}" for k, v in entry.value if isinstance(v, ScalarNode))


def _one_line(key: Node, value: Node) -> bool:
    """Whether ``value`` ends on the line its ``key`` starts on."""
    return value.end_mark.line == key.start_mark.line


def _node_lines(node: Node) -> list[int]:
    """The lines on which the nodes within ``node`` start."""
    if isinstance(node, MappingNode):
        return [line for pair in node.value for part in pair for line in _node_lines(part)]
    if isinstance(node, SequenceNode):
        return [line for item in node.value for line in _node_lines(item)]
    return [node.start_mark.line]


def _enclosing(starts: dict[int, _Start], number: int) -> _Start | None:
    """What starts on the nearest line above ``number`` that starts something."""
    above = [line for line in starts if line < number]
    return starts[max(above)] if above else None
