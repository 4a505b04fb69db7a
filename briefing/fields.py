"""The content model's base class and the field types its models share: ids, text, lines.

Every content model derives from :class:`Model`: unknown fields are errors, values are
immutable and strings are trimmed.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from briefing.inline import check_inline
from briefing.types import ID_PATTERN, check_file_id

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
#: An id that also names an output file (letters, debates' briefings, sectors' summaries).
FileId = Annotated[Id, AfterValidator(check_file_id)]
#: A string that may carry inline markup (emphasis, links, footnote calls).
Text = Annotated[str, Field(min_length=1), AfterValidator(check_inline)]

#: An example of each form a text must have (by its pattern), for the message when it has not.
FORM_EXAMPLES: dict[str, str] = {}


def form(pattern: str, example: str, **more: Any) -> Any:
    """A text field of the form ``pattern``, which ``example`` shows in the schema and in the
    message for a text not of that form."""
    FORM_EXAMPLES[pattern] = example
    return Field(pattern=pattern, examples=[example], **more)


def rule_error(loc: tuple[str | int, ...], given: Any, message: str) -> InitErrorDetails:
    """An error a model's own rule finds at ``loc`` (below the model), with the value there
    and the ``message`` an author reads."""
    return InitErrorDetails(type=PydanticCustomError("rule", message), loc=loc, input=given)


def refuse(model: type[BaseModel], errors: list[InitErrorDetails]) -> None:
    """Raise the ``errors`` a rule of ``model`` found, if any, as validation errors are."""
    if errors:
        raise ValidationError.from_exception_data(model.__name__, errors)


H = TypeVar("H", bound=Hashable)


def each_once(items: list[H]) -> list[H]:
    """``items`` where none is listed twice; else a ``ValueError`` naming the one that is."""
    seen: set[H] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"'{item}' is listed twice; list it once")
        seen.add(item)
    return items


#: A list in which each item stands once (ids of what a section speaks about, an agenda).
Once = Annotated[list[H], AfterValidator(each_once)]
#: The most characters a line (a name, a title) may have.
LINE_LENGTH = 200
Line = Annotated[str, Field(min_length=1, max_length=LINE_LENGTH)]


class Model(BaseModel):
    """Base of all content models: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
