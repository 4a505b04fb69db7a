"""Validate loaded documents against the content model, pointing every error into its file."""

from __future__ import annotations

import difflib
import re
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from briefing.errors import Problem
from briefing.fields import FORM_EXAMPLES
from briefing.loading import Document, NodePath, format_path
from briefing.types import ID_PATTERN, day_problem


def _candidates(annotation: Any) -> list[Any]:
    """The plain types an annotation admits (``Annotated`` and unions flattened)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _candidates(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [c for arg in typing.get_args(annotation) for c in _candidates(arg)]
    return [annotation]


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _model_at(model: type[BaseModel], loc: NodePath) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` below ``model``, if any."""
    current: list[Any] = [model]
    for part in loc:
        found: list[Any] = []
        for candidate in current:
            origin = typing.get_origin(candidate)
            if isinstance(part, int) and origin is list:
                found += _candidates(typing.get_args(candidate)[0])
            elif isinstance(part, str) and origin is dict:
                found += _candidates(typing.get_args(candidate)[1])
            elif isinstance(part, str) and _is_model(candidate) and part in candidate.model_fields:
                found += _candidates(candidate.model_fields[part].annotation)
        current = found
    models = [c for c in current if _is_model(c)]
    return models[0] if models else None


def _clean_loc(document: Document, base: NodePath, loc: tuple[Any, ...]) -> NodePath:
    """Drop the union-member tags and the ``[key]`` marker pydantic puts in error locations."""
    kept: list[str | int] = list(base)
    for index, part in enumerate(loc):
        if part == "[key]":
            continue
        candidate = (*kept, part)
        if candidate in document.positions or index == len(loc) - 1:
            kept.append(part)
    return tuple(kept)


#: Error types of dates; their messages say how to write a day.
_DATE_ERRORS = {
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
}


#: Messages for numbers and booleans of the wrong form, by error type.
_NUMBER_ERRORS = {
    "bool_type": "expected true or false here",
    "bool_parsing": "expected true or false here",
    "int_type": "expected a whole number here, e.g. 2019",
    "int_parsing": "expected a whole number here, e.g. 2019",
    "int_from_float": "expected a whole number here, e.g. 2019",
    "decimal_type": "expected a number here, e.g. 8300000 or 2.5",
    "decimal_parsing": "expected a number here, e.g. 8300000 or 2.5",
    "float_type": "expected a number here, e.g. 8300000 or 2.5",
    "float_parsing": "expected a number here, e.g. 8300000 or 2.5",
}

#: The bounds of a number, by error type: the word for it and the key of its limit.
_BOUNDS = {
    "greater_than": ("more than", "gt"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "less_than_equal": ("at most", "le"),
}


def _bound_message(kind: str, error: Any) -> str:
    """A number beyond its bounds: what it must be, its limit written in full."""
    words, key = _BOUNDS[kind]
    limit = error.get("ctx", {}).get(key)
    whole = isinstance(limit, int | Decimal) and limit == int(limit)
    shown = f"{int(limit):,}" if whole and abs(limit) >= 100_000 else str(limit)
    return f"the number must be {words} {shown} (got {_shown(error.get('input'))})"


def _choice_message(error: Any) -> str:
    """A value not among the ones a field allows: those, and the nearest if one is near."""
    expected = str(error.get("ctx", {}).get("expected", ""))
    given = error.get("input")
    kind = f" here, not {_kind_of(given)}" if isinstance(given, list | dict) else ""
    message = f"expected {expected}{kind} (got {_shown(given)})"
    choices = re.findall(r"'([^']*)'", expected)
    if isinstance(given, str) and (close := difflib.get_close_matches(given, choices, n=1)):
        message += f"; did you mean '{close[0]}'?"
    return message


def _shown_kind(value: Any) -> str:
    """A value as quoted in a message, with what it is when that is not plain."""
    if isinstance(value, list | dict):
        return f"{_kind_of(value)}, {_shown(value)}"
    return _shown(value)


def _shown(value: Any) -> str:
    """A value as a message quotes it: ``repr`` (control characters escaped), shortened."""
    if isinstance(value, str) and len(value) >= 60:
        value = value[:57] + "..."
    return repr(value)


def _kind_of(value: Any) -> str:
    """What YAML made of a value, in an author's words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


def _what_it_is(model: type[BaseModel], loc: NodePath, base: NodePath) -> str:
    """What the field at ``loc`` holds, from the first sentence of its description, as
    ``" (...)"``; '' where it has none."""
    owner = _model_at(model, loc[len(base) : -1])
    info = owner.model_fields.get(str(loc[-1])) if owner and loc else None
    if info is None or not info.description:
        return ""
    sentence = re.split(r"\.\s+(?=[A-Z])", info.description.strip())[0].removesuffix(".")
    return f" ({sentence})"


def _message(model: type[BaseModel], loc: NodePath, base: NodePath, error: Any) -> str:
    kind = error["type"]
    field = loc[-1] if loc else ""
    given = error.get("input")
    if kind == "missing":
        return f"required field '{field}' is missing{_what_it_is(model, loc, base)}"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[len(base) : -1])
        allowed = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(field), allowed, n=1)
        hint = f"; did you mean '{close[0]}'? Allowed" if close else "; allowed"
        return f"unknown field '{field}'{hint} fields: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        return (
            f"{_shown(given)} is not a valid id; ids are lower-case letters and digits "
            "joined by single hyphens, e.g. 'van-laar-26485-224'"
        )
    example = FORM_EXAMPLES.get(error.get("ctx", {}).get("pattern", ""))
    if kind == "string_pattern_mismatch" and example:
        return f"{_shown(given)} is not of the form this field takes; write it like '{example}'"
    if given is None and kind.endswith("_type"):
        return "no value is given; fill it in, or remove the field if it is optional"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"expected fields here (name: value, one per line), not {_kind_of(given)} "
            f"(got {_shown(given)})"
        )
    if kind == "list_type":
        return (
            f"expected a list here, written [a, b] or as lines starting with '- ', not "
            f"{_kind_of(given)} (got {_shown(given)})"
        )
    if kind == "string_type" and not isinstance(given, list | dict):
        return (
            f"expected text here, but YAML reads {_shown(given)} as {_kind_of(given)}; "
            "put it in quotes"
        )
    if kind in _NUMBER_ERRORS:
        return f"{_NUMBER_ERRORS[kind]} (got {_shown_kind(given)})"
    if kind == "too_short" and not given:
        return "the list is empty; give at least one item"
    if kind == "string_too_short" and not str(given).strip():
        return "the text is empty; fill it in, or remove the field if it is optional"
    if kind == "string_too_long" and isinstance(given, str):
        most = error.get("ctx", {}).get("max_length")
        return (
            f"the text has {len(given)} characters, more than the {most} that fit here; "
            f"shorten it (got {_shown(given)})"
        )
    if kind in _DATE_ERRORS:
        if isinstance(given, str | int) and not isinstance(given, bool):
            return day_problem(given)
        return (
            f"expected a day written as YYYY-MM-DD here, not {_kind_of(given)} "
            f"(got {_shown(given)})"
        )
    if kind in _BOUNDS:
        return _bound_message(kind, error)
    if kind in ("literal_error", "enum"):
        return _choice_message(error)
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "string_type":
        return f"expected text here, not {_kind_of(given)} (got {_shown(given)})"
    if isinstance(given, str | int | float | bool) and str(given) not in message:
        message = f"{message} (got {_shown(given)})"
    elif isinstance(given, list | dict) and kind != "value_error":  # ours say what is wrong
        message = f"{message}; found {_kind_of(given)} (got {_shown(given)})"
    return message


def described(model: type[BaseModel], error: Any) -> str:
    """One error of validating data as ``model``, with its field: ``field.path: message``, in
    the words every content error uses (for data that comes from no content file)."""
    loc = tuple(error["loc"])
    return f"{format_path(loc)}: {_message(model, loc, (), error)}"


def validate(
    document: Document, model: type[BaseModel], data: Any, base: NodePath = ()
) -> tuple[Any, list[Problem]]:
    """Validate ``data`` (found at ``base`` in ``document``) as ``model``.

    Returns the model instance (or ``None``) and one problem per error, each located
    at the YAML node at fault.
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = _clean_loc(document, base, error["loc"])
            if any(loc[:end] in document.unreadable for end in range(len(loc) + 1)):
                continue  # already reported where the value could not be read
            message = _message(model, loc, base, error)
            problems.append(document.problem(loc, message, format_path(loc)))
        return None, problems
