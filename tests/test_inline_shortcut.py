"""Text whose only bracketed markup is footnote calls is not parsed: the shortcut must refuse
exactly what the full check of inline markup refuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.inline import check_inline, check_markup
from tests.test_properties import examples

#: Pieces of inline markup, whole and broken, to put together in any order.
PIECES = [
    "[^1]",
    "[^noot-2]",
    "[^A]",
    "[^]",
    "[^a b]",
    "[^a",
    "[",
    "]",
    "^",
    "(",
    ")",
    "](",
    "\\",
    "\\[",
    "*",
    "_",
    " ",
    "tekst",
    "[tekst]",
    "(https://www.rijksoverheid.nl)",
    "(javascript:alert(1))",
    "(www.example.org)",
    "Kamerstuk 26 485, nr. 224",
]


def _refused(check: object, text: str) -> str | None:
    """The message with which ``check`` refuses ``text``; None when it accepts it."""
    try:
        check(text)  # type: ignore[operator]
    except ValueError as exc:
        return str(exc)
    return None


@examples(3000)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_the_shortcut_refuses_what_the_full_check_refuses(text: str) -> None:
    assert _refused(check_inline, text) == _refused(check_markup, text)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Zie de brief.[^1] En verder.[^noot-2]", None),
        (
            "Een noot[^Noot] met hoofdletters.",
            "footnote call '[^Noot]' is malformed; write [^id] with an id of lower-case "
            "letters, digits and hyphens",
        ),
        (
            "Een noot[^1] en [een link](file:///etc/passwd).",
            "link target 'file:///etc/passwd' is not allowed; links must start with "
            "https://, http:// or mailto:",
        ),
        (
            "Een noot[^1] en \\[geen link\\](file:///etc/passwd).",
            "link target 'file:///etc/passwd' is not allowed; links must start with "
            "https://, http:// or mailto:",
        ),
    ],
)
def test_footnote_calls_and_links_as_letters_write_them(text: str, refused: str | None) -> None:
    assert _refused(check_inline, text) == refused
