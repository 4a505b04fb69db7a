"""Inline markup inside content strings: emphasis, links, footnote calls, Kamerstuk citations.

Content is text, not markup. A string may use only ``*emphasis*``, ``**strong**``,
``[text](https://...)`` and ``[^footnote-id]``; everything else, HTML included, is
printed literally. Citations such as "Kamerstuk 26 485, nr. 224" become links to
their publication.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from briefing.types import KAMERSTUK_PATTERN, Kamerstuk

ALLOWED_SCHEMES = ("https://", "http://", "mailto:")
FOOTNOTE_RE = re.compile(r"\[\^(?P<footnote>[a-z0-9]+(?:-[a-z0-9]+)*)\]")
_LOOSE_FOOTNOTE_RE = re.compile(r"\[\^([^\]]*)\]")
#: What is left of ``[text](target)`` in plain text when it did not parse as a link.
_UNPARSED_LINK_RE = re.compile(r"\]\(\s*([^)]*?)\s*\)")
KAMERSTUK_RE = re.compile(KAMERSTUK_PATTERN)

#: A word that starts with a hyphen ("en/of -adaptatie"): its hyphen must not end a line.
_LEADING_HYPHEN_RE = re.compile(r"(?<!\S)(-\w[\w-]*)")

_SPECIAL_RE = re.compile(f"{KAMERSTUK_RE.pattern}|{FOOTNOTE_RE.pattern}")

FootnoteRenderer = Callable[[str], Markup]


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "link", "escape"])


def _tokens(text: str) -> list[Token]:
    blocks = _parser().parseInline(text)
    return blocks[0].children or [] if blocks else []


def footnote_ids(text: str) -> list[str]:
    """The footnote ids called in ``text``, in order."""
    return FOOTNOTE_RE.findall(text)


def check_inline(text: str) -> str:
    """Validate inline markup; return the text unchanged or raise ``ValueError``.

    Text without brackets holds no link and no footnote call, whole or broken, so there is
    nothing to check (and most paragraphs are such text); nor is there in text whose
    brackets are only those of well-formed footnote calls.
    """
    if ("[" in text or "]" in text) and not _only_footnote_calls(text):
        check_markup(text)
    return text


def _only_footnote_calls(text: str) -> bool:
    """True when the only markup with brackets in ``text`` is well-formed footnote calls.

    Such text holds no link: a link needs ``](`` (reference links need definitions, which
    content has none of), and without a backslash nothing is escaped, so each text the
    parser gives is a piece of ``text`` as written. Then :func:`check_markup` finds nothing
    to refuse, and the parser need not run (most bracketed paragraphs are such text).
    """
    if "](" in text or "\\" in text:
        return False
    return all(FOOTNOTE_RE.fullmatch(call[0]) for call in _LOOSE_FOOTNOTE_RE.finditer(text))


def check_markup(text: str) -> None:
    """Raise ``ValueError`` for a link or footnote call in ``text`` that is not allowed."""
    for token in _tokens(text):
        if token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not href.startswith(ALLOWED_SCHEMES):
                raise ValueError(
                    f"link target '{href}' is not allowed; links must start with "
                    "https://, http:// or mailto:"
                )
        elif token.type == "text":
            for match in _UNPARSED_LINK_RE.finditer(token.content):
                target = match[1]
                if target.startswith(ALLOWED_SCHEMES):
                    if not any(char.isspace() for char in target):
                        continue  # an escaped link, "\\[text](https://...)": printed as written
                    raise ValueError(
                        f"'{match[0].lstrip(']')}' is not a link target: it holds a space; "
                        "write [text](https://...) with only the address (a space in an "
                        "address is %20)"
                    )
                raise ValueError(
                    f"link target '{match[1]}' is not allowed; links must start with "
                    "https://, http:// or mailto:"
                )
            for match in _LOOSE_FOOTNOTE_RE.finditer(token.content):
                if not FOOTNOTE_RE.fullmatch(match[0]):
                    raise ValueError(
                        f"footnote call '{match[0]}' is malformed; write [^id] with an id "
                        "of lower-case letters, digits and hyphens"
                    )


def _escape(text: str) -> Markup:
    """Escape text, keeping a word-initial hyphen on the same line as its word."""
    return Markup(_LEADING_HYPHEN_RE.sub(r'<span class="nobr">\1</span>', str(escape(text))))


def _text_html(text: str, footnote: FootnoteRenderer | None) -> Iterator[Markup]:
    """Escape plain text, turning citations into links and footnote calls into footnotes."""
    position = 0
    for match in _SPECIAL_RE.finditer(text):
        yield _escape(text[position : match.start()])
        if match["footnote"] is not None:
            yield footnote(match["footnote"]) if footnote else Markup("")
        else:
            url = Kamerstuk.parse(match[0]).url
            yield Markup('<a class="kst" href="{}">{}</a>').format(url, match[0])
        position = match.end()
    yield _escape(text[position:])


def render_inline(text: str, footnote: FootnoteRenderer | None = None) -> Markup:
    """Render a content string as safe HTML.

    ``footnote`` turns a footnote id into the HTML of the footnote; without it,
    footnote calls are dropped.
    """
    out: list[Markup] = []
    in_link = False
    for token in _tokens(text):
        if token.type == "text":
            if in_link:
                out.append(escape(token.content))
            else:
                out.extend(_text_html(token.content, footnote))
        elif token.type == "em_open":
            out.append(Markup("<em>"))
        elif token.type == "em_close":
            out.append(Markup("</em>"))
        elif token.type == "strong_open":
            out.append(Markup("<strong>"))
        elif token.type == "strong_close":
            out.append(Markup("</strong>"))
        elif token.type == "link_open":
            in_link = True
            out.append(Markup('<a href="{}">').format(token.attrs.get("href", "")))
        elif token.type == "link_close":
            in_link = False
            out.append(Markup("</a>"))
        elif token.type in ("softbreak", "hardbreak"):
            out.append(Markup(" "))
    return Markup("").join(out)
