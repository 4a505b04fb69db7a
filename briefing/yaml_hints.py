"""What a YAML syntax error means for someone writing content, and how to mend it.

PyYAML names what its parser expected ("mapping values are not allowed here", "expected
<block end>, but found '<scalar>'"). Most such errors in content have a handful of causes: a
text holding ``': '`` or beginning with a character YAML reserves, a quote never closed or
text after the closing one, a line indented out of step with those above it. :func:`explain`
recognises them and says, in an author's words, where the fault is and what to write instead.
"""

from __future__ import annotations

import re

import yaml

#: Characters that may not begin a value written without quotes, with what YAML takes them for.
_RESERVED = {
    "@": "it is reserved",
    "`": "it is reserved",
    "%": "it begins a directive",
    "*": "it begins a reference to another value",
    "&": "it names a value to refer to",
    "!": "it begins a tag",
    "|": "it begins a block of text",
    ">": "it begins a block of text",
    ",": "it separates the items of a list written [a, b]",
    "]": "it ends a list written [a, b]",
    "}": "it ends a group of fields written {a: b}",
}

_QUOTE_ADVICE = (
    "put the whole text in quotes ('...'), writing a quote inside it twice ('het ''nee''-kamp')"
)

_LINE_UP = (
    "this line does not line up with the lines above it: the fields of one item start in the "
    "same column, as does the '- ' of every item of one list, and a line that goes on with a "
    "text is indented further than the text's field"
)

#: PyYAML writes a tab as '\t', in two characters.
_FOUND_CHARACTER_RE = re.compile(r"found character '(\\t|.)' that cannot start any token")
_FOUND_RESERVED_RE = re.compile(f"but found '([{re.escape(''.join(_RESERVED))}])'$")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[yaml.Mark | None, str] | None:
    """Where the fault of the syntax error ``exc`` in ``text`` is, and what to write instead;
    ``None`` for an error without a usual cause (PyYAML's own words then stand)."""
    context, problem = exc.context or "", exc.problem or ""
    at, start = exc.problem_mark, exc.context_mark
    if problem == "mapping values are not allowed here" and at is not None:
        return _colon(text, at)
    if (found := _FOUND_CHARACTER_RE.search(problem)) and found[1] == "\\t":
        return at, (
            "a tab stands where YAML allows only spaces (to indent a line, or after a field's "
            "':'); use spaces"
        )
    if found and found[1] in _RESERVED:
        return at, _reserved(found[1])
    if context in ("while scanning an alias", "while scanning an anchor"):
        return start, _reserved("*" if "alias" in context else "&")
    if context.startswith("while scanning a") and "quoted scalar" in context:
        if problem == "found unexpected end of stream":
            return start, (
                "the quote that opens this text is never closed; end the text with the same quote"
            )
        if "escape" in problem:
            return at, (
                "in double quotes a backslash begins an escape such as '\\n'; put the text in "
                "single quotes, or write the backslash twice"
            )
    if problem.startswith("expected <block end>, but found '<scalar>'") and _after_quote(text, at):
        return at, f"the text goes on after its closing quote; {_QUOTE_ADVICE}"
    if problem.startswith("expected <block end>") or problem.startswith("did not find expected"):
        return at, _LINE_UP
    if context == "while parsing a block node" and (found := _FOUND_RESERVED_RE.search(problem)):
        return at, _reserved(found[1])
    if context == "while parsing a flow node":
        return at, (
            "a list written [a, b] holds its items separated by ', ' and ends with ']'; a "
            "text holding '[' or ']' is put in quotes"
        )
    if problem == "sequence entries are not allowed here":
        return at, (
            "an item of a list ('- ') cannot stand here: begin it on a line of its own, under "
            "the field it belongs to"
        )
    if problem.startswith("expected '<document start>'"):
        return at, (
            "the lines above this one are neither fields nor comments; begin a comment with '# '"
        )
    if context == "while scanning a simple key":
        return start, (
            "this line is neither a field ('name: value') nor an item of a list ('- '); if it "
            "goes on with the text above, indent it further than that text's field"
        )
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        opened, what = ("[", "a list") if "sequence" in context else ("{", "a group of fields")
        return start, (
            f"the '{opened}' here opens {what} that is never closed; a text that begins with "
            f"'{opened}' is put in quotes"
        )
    if context == "while scanning a block scalar":
        return at, (
            "after '|' or '>' only '-' or '+' may stand on the line; begin the text on the next "
            "line, indented"
        )
    return None


def _colon(text: str, at: yaml.Mark) -> tuple[yaml.Mark, str]:
    """A ': ' where YAML takes no new field: inside a text, after a line above that is no
    field, or on a line indented further than the field above it."""
    before = _line_before(text, at)
    key = before.strip().removeprefix("- ")
    if ":" in key or " " in key:  # a field's name is one word: this is text
        return at, f"the text holds ': ', which YAML reads as a new field; {_QUOTE_ADVICE}"
    above = _line_above(text, at)
    if (
        above is not None
        and not re.match(r"\s*(- |[^\s:#]+:( |$))", text[above:])
        and _indent(text[above:]) <= _indent(before)
    ):
        return _mark_at(above), (
            "this line is neither a field ('name: value') nor a comment, so YAML reads the "
            "line below as more of its text; write it as a field, or begin a comment with '# '"
        )
    return at, (
        "this line is indented further than the field above it, so YAML reads it as more "
        "of that field's value, in which ': ' cannot stand; start it in the same column as "
        "that field, or put that field's value in quotes"
    )


def _line_above(text: str, at: yaml.Mark) -> int | None:
    """Where the nearest line above ``at``'s that holds more than a comment begins."""
    end = text.rfind("\n", 0, at.index)
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip() and not text[begin:end].lstrip().startswith("#"):
            return begin
        end = begin - 1
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _mark_at(index: int) -> yaml.Mark:
    """A mark at the character ``index``: all that a position is computed from."""
    return yaml.Mark("", index, 0, 0, None, 0)


def _reserved(character: str) -> str:
    return (
        f"a value without quotes cannot begin with '{character}' ({_RESERVED[character]}); "
        "put the whole text in quotes"
    )


def _line_before(text: str, at: yaml.Mark) -> str:
    """The text of ``at``'s line before it."""
    return text[text.rfind("\n", 0, at.index) + 1 : at.index]


def _after_quote(text: str, at: yaml.Mark | None) -> bool:
    """Whether the text before ``at`` on its line ends with a closing quote."""
    return at is not None and _line_before(text, at).rstrip().endswith(("'", '"'))
