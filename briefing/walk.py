"""Walking the content model: every section of a letter, every text, every value.

Checks, the index and the views all go through a letter the same way, depth first and in
reading order, with each node's path in its file (for problems that point into it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from briefing.loading import NodePath
from briefing.model import Letter, Section
from briefing.section_body import BulletList, item_texts


def iter_values(value: Any, path: NodePath = ()) -> Iterator[tuple[NodePath, Any]]:
    """Every leaf value of a model tree with its path (field names and indexes)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_values(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from iter_values(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_values(item, (*path, key))
    else:
        yield path, value


def iter_sections(
    sections: list[Section], path: NodePath = ("sections",), level: int = 1
) -> Iterator[tuple[Section, NodePath, int]]:
    """Every section of a letter, depth first, with its node path and heading level."""
    for index, section in enumerate(sections):
        here = (*path, index)
        yield section, here, level
        yield from iter_sections(section.sections, (*here, "sections"), level + 1)


def letter_sections(letter: Letter) -> Iterator[tuple[Section, NodePath, int]]:
    """Every section of a letter, depth first: its own, then its annex's (from level 1)."""
    yield from iter_sections(letter.sections)
    yield from iter_sections(letter.annex, ("annex",))


def section_texts(section: Section, path: NodePath) -> Iterator[tuple[NodePath, str]]:
    """A section's heading, paragraphs and list items (the items under an item right after
    it), each with its node path."""
    if section.heading:
        yield (*path, "heading"), section.heading
    for index, block in enumerate(section.body):
        if isinstance(block, BulletList):
            for item, text in item_texts(list(block.items)):
                yield (*path, "body", index, *item), text
        else:
            yield (*path, "body", index), block


def letter_texts(letter: Letter) -> Iterator[tuple[NodePath, str]]:
    """Every heading, paragraph and list item of a letter, in reading order, with its path."""
    for section, path, _level in letter_sections(letter):
        yield from section_texts(section, path)
