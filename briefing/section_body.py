"""The blocks of a section's body: paragraphs, and bulleted lists whose items may hold a list.

An item is its text, or, when a list stands under it, ``{text: ..., items: [...]}``; a list
nests at most two levels under the section's own list, as a letter prints it ("•" items,
their "o" sub-items, and those's items)::

    - items:
        - Eerste punt.
        - text: "Tweede punt, in twee delen:"
          items:
            - het eerste deel;
            - het tweede deel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from briefing.fields import Model, Text

_ITEM_FORM = "text, or {text: ..., items: [...]} for an item with a list under it"


def _kind(nested: bool) -> Callable[[object], str | None]:
    """The tag of an item: 'text', or 'nested' where an item may hold a list."""

    def kind(value: object) -> str | None:
        if isinstance(value, str):
            return "text"
        if nested and isinstance(value, dict | ListItem | SubListItem):
            return "nested"
        return None

    return kind


#: An item three levels deep: text only.
LeafItem = Annotated[
    Annotated[Text, Tag("text")],
    Discriminator(
        _kind(False),
        custom_error_type="item",
        custom_error_message="an item of a list two levels down is text: a list nests at "
        "most two levels under the section's list",
    ),
]


class SubListItem(Model):
    """A sub-item with a list under it (the deepest list a letter holds)."""

    text: Text = Field(description="The sub-item's own text, before the list under it.")
    items: list[LeafItem] = Field(min_length=1, description="The list under it, in order.")


SubItem = Annotated[
    Annotated[Text, Tag("text")] | Annotated[SubListItem, Tag("nested")],
    Discriminator(
        _kind(True),
        custom_error_type="item",
        custom_error_message=f"a list's item is {_ITEM_FORM}",
    ),
]


class ListItem(Model):
    """An item with a list under it ("o" or "a." sub-items)."""

    text: Text = Field(description="The item's own text, before the list under it.")
    items: list[SubItem] = Field(
        min_length=1,
        description="The list under it, in order: text, or {text: ..., items: [...]}.",
    )


Item = Annotated[
    Annotated[Text, Tag("text")] | Annotated[ListItem, Tag("nested")],
    Discriminator(
        _kind(True),
        custom_error_type="item",
        custom_error_message=f"a list's item is {_ITEM_FORM}",
    ),
]


class BulletList(Model):
    """A bulleted list inside a section."""

    items: list[Item] = Field(
        min_length=1,
        description="The list's items, in order: text, or {text: ..., items: [...]} for an "
        "item with a list under it (at most two levels down).",
    )


def _block_kind(value: object) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict | BulletList):
        return "list"
    return None


Block = Annotated[
    Annotated[Text, Tag("paragraph")] | Annotated[BulletList, Tag("list")],
    Discriminator(
        _block_kind,
        custom_error_type="block",
        custom_error_message="a body block is a paragraph (text) or a list ({items: [...]})",
    ),
]

#: A node path inside a list: indexes and "items", "text" keys.
ItemPath = tuple[str | int, ...]


def item_texts(items: list[Any], path: ItemPath = ("items",)) -> Iterator[tuple[ItemPath, str]]:
    """Every item's text of a list, the items under an item right after it, each with its
    path inside the list (``("items", 1, "items", 0)``; an item with a list under it
    ``(..., "text")``)."""
    for index, item in enumerate(items):
        here = (*path, index)
        if isinstance(item, str):
            yield here, item
        else:
            yield (*here, "text"), item.text
            yield from item_texts(list(item.items), (*here, "items"))
