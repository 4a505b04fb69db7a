"""Removing what a conversion leaves in a letter's text that is not the letter's text.

Here live the repairs every layout needs: words hyphenated across lines joined again,
hard line breaks joined into paragraphs, and markdown markup (bold, headings' hashes,
autolinks, HTML tags, escapes) turned into the content's own inline markup or removed.
The debris particular to a layout (the sender column repeated in the body, page headers of
a Kamerstuk) is removed by that layout's reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.importing.text import collapse
from briefing.inline import ALLOWED_SCHEMES

#: Elided compounds keep their hyphen and the space: "kleding- en textielsector".
_ELISION_WORDS = {"en", "of", "tot", "noch", "als"}
#: Two vowels that read as one sound ("zee-egel", "zo-even", "na-apen"): Dutch keeps a hyphen
#: between them where they meet across a compound's parts; other vowels meet without one
#: ("pensioen", "allianties", "Eustatius", "beoordelen").
_VOWEL_PAIRS = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}
)
#: A web address running to the end of the text it is searched in.
URL_RE = re.compile(r"(?:https?://|www\.)\S*$")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>")
_DROPPED_TAGS_RE = re.compile(r"</?(?:b|strong|u|span|p|br|font|div|sub)\b[^>]*>", re.IGNORECASE)
_EMPHASIS_TAGS_RE = re.compile(r"</?(?:i|em)>", re.IGNORECASE)
#: Backslash escapes of characters that mean nothing in the content's inline markup.
_HARMLESS_ESCAPE_RE = re.compile(r"\\([-.!#+(){}>|~=:'\"])")
#: A horizontal rule: the footnotes' separator in converted text.
SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


#: What only an address's path holds, not a word: "_", "=", "%", a file's extension.
_PATH_PART_RE = re.compile(r"[/_=&?#%]|\.(?:pdf|html?|aspx?|php|docx?|xlsx?)$", re.IGNORECASE)
#: The rest of an address's path on the next line: lower case words joined by hyphens.
_PATH_WORDS_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}[.,;:)]?$")
#: An address that ends inside a query's value, on a figure ("...&did=2022D222").
_QUERY_FIGURES_RE = re.compile(r"[?&][\w-]+=[\w-]*\d$")


def join_line(left: str, right: str) -> str:
    """``left`` and ``right``, the next line, as one text: with a space, unless ``left``
    ends inside an address that ``right`` goes on."""
    left, right = left.rstrip(), right.strip()
    if not left or not right:
        return left or right
    if URL_RE.search(left) and left[-1] in "/_.=&?#":
        return left + right
    if _broken_url(left.split()[-1], right):
        return left + right
    return f"{left} {right}"


def _broken_url(last: str, right: str) -> bool:
    """Whether the next line ``right`` goes on the address that ``last``, a line's last
    word, starts: an address with a path broken where the line was full (".../brie" over
    "fadvies-deltacommissaris-woningbouw-...", ".../Omgevingsverorde" over "ning" alone),
    not a word after it."""
    address = URL_RE.search(last)
    if not address or "/" not in last.split("//")[-1] or last[-1] in ".,;:)":
        return False
    first = right.split()[0]
    if URL_RE.match(first):  # the next address
        return False
    # a sentence's last word, alone on its line, has its full stop; a word of the path has none
    alone = first == right and first.isalpha() and first.islower()
    # a query's value broken inside its figures ("did=2022D222" over "49;")
    figures = bool(_QUERY_FIGURES_RE.search(last)) and first[0].isdigit()
    return bool(_PATH_PART_RE.search(first) or _PATH_WORDS_RE.match(first) or alone or figures)


@dataclass
class Hyphenation:
    """Joins lines, deciding for each line-end hyphen whether it belongs to the word.

    ``vocabulary`` holds the letter's words (lower case): a word hyphenated at a line end is
    joined as the letter writes it elsewhere. Joins without such evidence are remembered
    in ``guessed``, so the importer can say which words to check.
    """

    vocabulary: set[str] = field(default_factory=set)
    guessed: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Hyphenation:
        """A joiner that knows the words of ``texts``."""
        words: set[str] = set()
        for text in texts:
            for word in re.findall(r"[\w][\w-]*", text):
                if not word.endswith("-"):
                    words.add(word.lower())
        return cls(words)

    def join(self, left: str, right: str) -> str:
        """``left`` and ``right`` (the next line) as one text."""
        left, right = left.rstrip(), right.strip()
        if not left or not right:
            return left or right
        if left.endswith("-") and not left.endswith("--") and right[0].isalnum():
            return self._hyphen(left, right)
        return join_line(left, right)

    def join_all(self, lines: Iterable[str]) -> str:
        """All ``lines`` as one text."""
        text = ""
        for line in lines:
            text = self.join(text, line)
        return text

    def _hyphen(self, left: str, right: str) -> str:
        before = left[:-1].split()[-1] if left[:-1].split() else ""
        after = right.split()[0]
        if after.lower().strip(",.;:") in _ELISION_WORDS or not before:
            return f"{left} {right}"
        if URL_RE.match(before) or "/" in before:
            return left + right
        stem = re.split(r"[^\w]", before)[-1]
        tail_match = re.match(r"\w+", after)
        tail = tail_match[0] if tail_match else ""
        if not stem or not tail:
            return left + right
        if stem[-1].isupper() or stem[-1].isdigit() or tail[0].isupper() or tail[0].isdigit():
            return left + right  # "IMVO-convenanten", "IMVO-Convenant", "34101-serie"
        joined, hyphened = (stem + tail).lower(), f"{stem}-{tail}".lower()
        if joined in self.vocabulary:
            return left[:-1] + right
        if hyphened in self.vocabulary:
            return left + right
        if (stem[-1] + tail[0]).lower() in _VOWEL_PAIRS:
            self.guessed.append(f"{stem}-{tail}")
            return left + right  # "zee-egel"
        self.guessed.append(stem + tail)
        return left[:-1] + right


def clean_markup(text: str) -> str:
    """``text`` with markdown and HTML debris removed; emphasis, links and ``<sup>`` kept.

    Bold goes (letters print it only in the debris and in headings), autolinks become
    links, links whose target is not a web or mail address become their text, and
    backslash escapes of characters without meaning in content are undone.
    """
    text = _AUTOLINK_RE.sub(r"[\1](\1)", text)
    text = _MD_LINK_RE.sub(
        lambda m: m[0] if m[2].startswith(ALLOWED_SCHEMES) and m[1].strip() else m[1], text
    )
    text = text.replace("**", "")
    text = _DROPPED_TAGS_RE.sub("", text)
    text = _EMPHASIS_TAGS_RE.sub("*", text)
    text = _HARMLESS_ESCAPE_RE.sub(r"\1", text)
    return collapse(text)


def link_text(text: str) -> str:
    """``text`` with links replaced by their text and markdown hard breaks removed."""
    return collapse(_MD_LINK_RE.sub(r"\1", _AUTOLINK_RE.sub(r"\1", text)))
