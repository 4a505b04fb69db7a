"""The content model's base class and the field types its models share: ids, text, lines.

Every content model derives from :class:`Model`: unknown fields are errors, values are
immutable and strings are trimmed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from briefing.inline import check_inline
from briefing.types import ID_PATTERN, check_file_id

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
#: An id that also names an output file (letters, debates' briefings, sectors' summaries).
FileId = Annotated[Id, AfterValidator(check_file_id)]
#: A string that may carry inline markup (emphasis, links, footnote calls).
Text = Annotated[str, Field(min_length=1), AfterValidator(check_inline)]
#: The most characters a line (a name, a title) may have.
LINE_LENGTH = 200
Line = Annotated[str, Field(min_length=1, max_length=LINE_LENGTH)]


class Model(BaseModel):
    """Base of all content models: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
