"""Validate loaded documents against the content model, pointing every error into its file."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from briefing.errors import Problem
from briefing.loading import Document, NodePath, format_path
from briefing.types import ID_PATTERN


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
    """Drop the union-member tags pydantic puts in error locations."""
    kept: list[str | int] = list(base)
    for index, part in enumerate(loc):
        candidate = (*kept, part)
        if candidate in document.positions or index == len(loc) - 1:
            kept.append(part)
    return tuple(kept)


def _message(model: type[BaseModel], loc: NodePath, base: NodePath, error: Any) -> str:
    kind = error["type"]
    field = loc[-1] if loc else ""
    if kind == "missing":
        return f"required field '{field}' is missing"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[len(base) : -1])
        allowed = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(field), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field '{field}'{hint} Allowed fields: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        return (
            f"'{error['input']}' is not a valid id; ids are lower-case letters and digits "
            "joined by single hyphens, e.g. 'van-laar-26485-224'"
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    given = error.get("input")
    if isinstance(given, str | int | float | bool) and str(given) not in message:
        shown = given if not isinstance(given, str) or len(given) < 60 else given[:57] + "..."
        message = f"{message} (got {shown!r})"
    return message


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
            message = _message(model, loc, base, error)
            problems.append(document.problem(loc, message, format_path(loc)))
        return None, problems
