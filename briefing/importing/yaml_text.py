"""YAML text in the style of the content's hand-made files, for what the import writes.

Keys in the order given, long texts as folded block scalars (``>-``) wrapped at
:data:`WIDTH` columns, lists of ids in brackets on one line, a blank line between a letter's
sections, and comments (``# TODO review: ...``, remarks) above the nodes they are about.
Every scalar is written so that YAML reads back the same value.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from decimal import Decimal
from typing import Any

import yaml

from briefing.importing.text import collapse

WIDTH = 100
#: Keys whose lists of ids are written in brackets on one line, as in the hand-made files.
_FLOW_KEYS = {"motions", "commitments", "sectors", "debates", "submitters"}
#: Characters a YAML block scalar cannot hold as they are.
_UNSAFE = {"\t", "\r", "\n", "\x85", "\u2028", "\u2029", "\ufeff"}

#: Where a node is: the keys and list positions from the document's top.
NodePath = tuple[str | int, ...]


def document_lines(
    data: dict[str, Any],
    comments: dict[NodePath, list[str]],
    remarks: dict[NodePath, list[str]],
) -> list[str]:
    """The mapping ``data`` as the lines of a YAML document, with ``comments`` (as
    ``# TODO review:``) and ``remarks`` (as plain comments) above the nodes at their paths."""
    out: list[str] = []
    _mapping(out, data, 0, (), comments, None, remarks)
    return out


def yaml_lines(items: list[dict[str, Any]], indent: int) -> list[str]:
    """The mappings ``items`` as the lines of a YAML list at ``indent``, in the drafts' style."""
    out: list[str] = []
    for index, item in enumerate(items):
        _mapping(out, item, indent + 2, (index,), {}, " " * indent + "- ", {})
    return out


def _mapping(
    out: list[str],
    mapping: dict[str, Any],
    indent: int,
    path: NodePath,
    comments: dict[NodePath, list[str]],
    first_prefix: str | None,
    remarks: dict[NodePath, list[str]],
) -> None:
    mapping = {key: value for key, value in mapping.items() if value is not None}
    for number, (key, value) in enumerate(mapping.items()):
        if indent == 0 and key in ("sections", "annex", "footnotes"):
            out.append("")
        for text in comments.get((*path, key), []):
            out += comment_lines(indent, text)
        for text in remarks.get((*path, key), []):
            out.append(f"{' ' * indent}# {text}")
        prefix = first_prefix if number == 0 and first_prefix is not None else " " * indent
        lead = f"{prefix}{_plain_scalar(key)}:"
        _value(out, lead, value, indent, (*path, key), comments, remarks)


def _value(
    out: list[str],
    lead: str,
    value: Any,
    indent: int,
    path: NodePath,
    comments: dict[NodePath, list[str]],
    remarks: dict[NodePath, list[str]],
) -> None:
    if isinstance(value, dict) and not value:
        out.append(f"{lead} {{}}")
    elif isinstance(value, dict):
        out.append(lead)
        _mapping(out, value, indent + 2, path, comments, None, remarks)
    elif isinstance(value, list):
        _list(out, lead, value, indent, path, comments, remarks)
    else:
        _scalar(out, f"{lead} ", value, indent + 2)


def _list(
    out: list[str],
    lead: str,
    items: list[Any],
    indent: int,
    path: NodePath,
    comments: dict[NodePath, list[str]],
    remarks: dict[NodePath, list[str]],
) -> None:
    if not items:
        out.append(f"{lead} []")
        return
    if path[-1] in _FLOW_KEYS and all(isinstance(i, str) for i in items):
        flow = f"{lead} [{', '.join(_flow_item(i) for i in items)}]"
        if len(flow) <= WIDTH:
            out.append(flow)
            return
    out.append(lead)
    item_prefix = " " * (indent + 2) + "- "
    for index, item in enumerate(items):
        if path[-1] in ("sections", "annex") and index:
            out.append("")
        for text in comments.get((*path, index), []):
            out += comment_lines(indent + 2, text)
        for text in remarks.get((*path, index), []):
            out.append(f"{' ' * (indent + 2)}# {text}")
        if isinstance(item, dict):
            _mapping(out, item, indent + 4, (*path, index), comments, item_prefix, remarks)
        else:
            _scalar(out, item_prefix, item, indent + 4)


def _scalar(out: list[str], lead: str, value: Any, content_indent: int) -> None:
    if isinstance(value, bool):
        out.append(lead + ("true" if value else "false"))
    elif isinstance(value, dt.date):
        out.append(lead + value.isoformat())
    elif isinstance(value, int | Decimal):
        out.append(lead + _number(value))
    else:
        text = str(value)
        plain = _plain_scalar(text)
        foldable = text == collapse(text) and not (_UNSAFE & set(text)) and text.isprintable()
        if len(lead) + len(plain) <= WIDTH or not foldable:
            out.append(lead + plain)
            return
        out.append(lead + ">-")
        width = max(WIDTH - content_indent, 40)
        for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False):
            out.append(" " * content_indent + line)


#: Text that YAML reads back as the same string when written plain (most of a letter's text):
#: no leading indicator, no ': ' or ' #', not a number, date, boolean or null.
_SAFE_PLAIN_RE = re.compile(
    r"[A-Za-z\u00c0-\u024f(][\w\u00c0-\u024f ,.;()'/\u2019\u2013-]*[\w.)\u00c0-\u024f]"
)
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _plain_scalar(text: str) -> str:
    if _SAFE_PLAIN_RE.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10**9, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...").removesuffix("\n")


def _flow_item(text: str) -> str:
    """``text`` as an item of a list written ``[a, b]``, where a comma or a bracket would end
    it: then in quotes."""
    plain = _plain_scalar(text)
    if plain[:1] not in ("'", '"') and any(c in plain for c in ",[]{}"):
        return "'" + text.replace("'", "''") + "'"
    return plain


def _number(value: int | Decimal) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format(value.normalize(), "f")
    return str(int(value))


def comment_lines(indent: int, text: str, label: str = "TODO review: ") -> list[str]:
    """``text`` as comment lines at ``indent``, wrapped at the width of the file."""
    lines = textwrap.wrap(
        label + collapse(text),
        max(WIDTH - indent, 40),
        initial_indent="# ",
        subsequent_indent="#   ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [" " * indent + line for line in lines]
