"""The content model of a debate's notes (``qa/<debate-id>.yaml``): the lines to take and
the expected questions with their answers that staff write for a debate, grouped by theme,
each answer citing the letter sections it rests on. Never generated: the dossier lays out
what staff wrote.
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from briefing.fields import Line, Model, Text, form, refuse, rule_error
from briefing.inline import footnote_ids
from briefing.types import DebateRef

#: A letter's section: ``<letter-id>#<section-id>``.
SectionRef = Annotated[
    str,
    form(
        r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$",
        "2018-11-13-voortgang-imvo-beleid#convenanten",
        max_length=161,
    ),
]


def _without_footnotes(text: str) -> str:
    """``text`` where it calls no footnote: the notes have none."""
    if called := footnote_ids(text):
        raise ValueError(
            f"'[^{called[0]}]' calls a footnote, and the notes have none; cite the letter's "
            "section in 'sources', or write what the footnote says in the text"
        )
    return text


#: Text staff write: inline markup and links, no footnote calls.
NoteText = Annotated[Text, AfterValidator(_without_footnotes)]


class LineToTake(Model):
    """A line to take (kernboodschap): what the minister says on a theme."""

    text: NoteText = Field(description="The line, as staff wrote it.")
    sources: list[SectionRef] = Field(
        [], description="The letter sections it rests on: '<letter-id>#<section-id>'."
    )


class Question(Model):
    """A question the minister may be asked, with the answer staff prepared."""

    question: NoteText = Field(description="The question, e.g. 'Indien gevraagd: ...'.")
    answer: NoteText = Field(description="The answer, as staff wrote it.")
    sources: list[SectionRef] = Field(
        min_length=1,
        description="The letter sections the answer rests on: '<letter-id>#<section-id>'.",
    )


class Theme(Model):
    """One theme of a debate's lines to take and questions."""

    theme: Line = Field(description="The theme, e.g. 'IMVO-convenanten'.")
    lines: list[LineToTake] = Field([], description="Lines to take on it.")
    questions: list[Question] = Field([], description="Expected questions with their answers.")

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        """A theme with neither lines nor questions would print as a bare heading."""
        if not self.lines and not self.questions:
            message = (
                "the theme has neither 'lines' nor 'questions'; give it a line to take or a "
                "question, or remove it"
            )
            refuse(type(self), [rule_error(("theme",), self.theme, message)])
        return self


class DebateNotes(Model):
    """Lines to take and expected questions for one debate, written by staff
    (``qa/<debate-id>.yaml``); the dossier lays them out, grouped by theme."""

    debate: DebateRef = Field(description="The debate; the file is named after its id.")
    themes: list[Theme] = Field(min_length=1, description="The themes, in the order to print.")

    @model_validator(mode="after")
    def _each_question_once(self) -> Self:
        """A question asked twice (in one theme or in two) is an error at its second place."""
        first: dict[str, str] = {}
        errors = []
        for t, theme in enumerate(self.themes):
            for q, question in enumerate(theme.questions):
                words = " ".join(question.question.lower().split())
                where = f"themes[{t}].questions[{q}]"
                if words not in first:
                    first[words] = where
                    continue
                message = (
                    f"this question is already asked at {first[words]}; ask each question once"
                )
                loc = ("themes", t, "questions", q, "question")
                errors.append(rule_error(loc, question.question, message))
        refuse(type(self), errors)
        return self
