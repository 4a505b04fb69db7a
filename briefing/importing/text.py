"""Small text helpers of the importer: source lines, Dutch dates, slugs, white space, markup.

Letters write dates the Dutch way ("13 november 2018"); ids are slugs of headings and
subjects ("Voortgang IMVO-beleid" -> "voortgang-imvo-beleid").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
MONTH_RE = "|".join(MONTHS)
#: "13 november 2018" (day, month, year).
DUTCH_DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})\s+(\d{{4}})\b", re.IGNORECASE)
#: Superscript digits: what converters print for a footnote call.
SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
#: A list's bullets as a converter may set them alone on a line, apart from their items, each
#: with the bullet the readers know it by ("▪" and "◦" mark a second level).
LONE_BULLETS = {
    "\u2022": "\u2022",
    "\u25cf": "\u2022",
    "\u25aa": "\u25aa",
    "\u00b7": "\u2022",
    "\u25e6": "\u25e6",
}
#: Sentence-ending punctuation, possibly followed by a closing quote or bracket.
TERMINAL_RE = re.compile(r"[.!?:;][)'\"\u2019\u201d]*$")
#: Sentence-ending punctuation followed by footnote calls, as a web page's copy or the draft
#: prints them ("te evalueren.5", "ingericht.2, 3", "gestand.[^brief]"): the punctuation follows
#: a letter or a closing mark, so "artikel 1.2" does not end so.
_CALLED_END_RE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[)\u00bb\u201d\u2019]))[.!?:;][)'\"\u2019\u201d\u00bb]*"
    rf"(?:(?:\d{{1,2}}|[{SUPERSCRIPTS}]+|<sup>\d{{1,3}}</sup>|\[\^[^\]\s]+\])(?:,\s?)?)+$"
)
#: Where one sentence ends and the next begins.
SENTENCE_END_RE = re.compile(
    r"(?:(?<=[.?!])|(?<=[.?!][)'\"\u2019\u201d]))"
    # not after a title or initials: "prof. dr. C.H.J.M. Braun" ("bijlage B. Daarin" ends one)
    r"(?<!\b[Pp]rof\.)(?<!\b[Dd]r\.)(?<!\b[Dd]rs\.)(?<!\b[Mm]r\.)(?<!\b[Ii]r\.)"
    r"(?<!\b[Ii]ng\.)(?<!\b[Mm]w\.)(?<!\b[Dd]hr\.)(?<![A-Z]\.[A-Z]\.)"
    r"\s+(?=[A-Z(\u2018'\"\u00c0-\u00dd])"
)


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS_RE = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
#: Common Dutch words, which say nothing of what a text is about.
_STOPWORDS_TEXT = """de het een en van in op te om met voor over door aan bij als dat die dit deze
zijn is wordt worden werd heeft hebben zal zullen kan kunnen naar ook nog niet wel per zoals
daarover hierover hiervan waarin"""
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@dataclass(frozen=True)
class SourceLine:
    """One line of the source text, with its 1-based line number, and the cells of a table's
    row where the copy parted them by tabs (which the text has as spaces)."""

    number: int
    text: str
    cells: tuple[str, ...] = ()


def collapse(text: str) -> str:
    """``text`` with every run of white space made one space, and trimmed."""
    return " ".join(text.split())


#: The small words a title keeps in lower case ("De Minister van Verkeer en Waterstaat,").
_SMALL_WORDS = frozenset({"van", "voor", "en", "der", "de", "het"})


def usual_case(title: str) -> str:
    """A title printed in capitals ("DE MINISTER VAN VERKEER EN WATERSTAAT,", "De
    MINISTER-PRESIDENT,") as the letters write it ("De Minister van Verkeer en Waterstaat,",
    "De Minister-President,"); a title with small letters in its words is returned as it is."""
    if sum(c.islower() for c in title) * 3 > sum(c.isupper() for c in title):
        return title
    words = [
        word.lower()
        if word.lower() in _SMALL_WORDS and index
        else "-".join(part.capitalize() for part in word.split("-"))
        for index, word in enumerate(title.split())
    ]
    return " ".join(words)


def without_calls(text: str) -> str:
    """``text`` without footnote calls (``[^1]``, ``<sup>1</sup>``), white space collapsed."""
    return collapse(re.sub(r"\[\^[^\]]*\]|<sup>[^<]*</sup>", " ", text))


def parse_dutch_date(text: str) -> dt.date | None:
    """The first Dutch date in ``text`` ("13 november 2018"), if it names an existing day."""
    match = DUTCH_DATE_RE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match[3]), MONTHS.index(match[2].lower()) + 1, int(match[1]))
    except ValueError:
        return None


#: A date in figures as a letterhead prints it, day first ("19-10-2001", "19.10.2001",
#: "19/10/2001") or year first ("2001-10-19"); a two-digit year is not read.
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/.-])(?:(\d{1,2})([-./])(\d{1,2})\2(\d{4})|(\d{4})-(\d{2})-(\d{2}))(?![\d/.-])"
)


def parse_letterhead_date(text: str) -> dt.date | None:
    """The date a letterhead's field gives: in words ("13 november 2018") or in figures,
    Dutch style with the day first ("19-10-2001") or year first ("2001-10-19"); ``None``
    for no date or for one that names no existing day."""
    date = parse_dutch_date(text)
    if date is not None:
        return date
    match = _NUMERIC_DATE_RE.search(text)
    if not match:
        return None
    day, month, year = (
        (match[1], match[3], match[4]) if match[1] else (match[7], match[6], match[5])
    )
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_text(text: str) -> re.Match[str] | None:
    """Where ``text`` writes a date, in words or in figures as :func:`parse_letterhead_date`
    reads it."""
    return DUTCH_DATE_RE.search(text) or _NUMERIC_DATE_RE.search(text)


def shortened(text: str, limit: int) -> str:
    """``text`` as a note quotes it: whole, or cut at a word to ``limit`` characters, with
    " ..." after it."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0] + " ..."


def slugify(text: str, limit: int = 60) -> str:
    """An id made of ``text``: lower-case ASCII words joined by hyphens, at most ``limit`` long.

    The slug is cut at a word boundary; an empty string when ``text`` has no letters or digits.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken yet; marks it taken."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def strip_markup(text: str) -> str:
    """``text`` without bold and emphasis markers and without heading hashes."""
    text = re.sub(r"^#+\s*", "", text.strip())
    text = _BOLD_RE.sub(r"\1", text).replace("**", "")
    return _EMPHASIS_RE.sub(r"\1", text)


def is_emphasised(text: str) -> bool:
    """Whether all of ``text`` is in emphasis (``*...*`` or ``_..._``) and not in bold."""
    text = text.strip()
    return bool(re.fullmatch(r"([*_])(?!\1).+(?<![*_])\1", text))


def is_bold(text: str) -> bool:
    """Whether all of ``text`` is in bold (``**...**``)."""
    return bool(re.fullmatch(r"\*\*.+\*\*", text.strip()))


def starts_lower(text: str) -> bool:
    """Whether ``text`` starts (after markup) with a lower-case letter."""
    stripped = text.lstrip("*_([\u2018'\"\u201c ")
    return bool(stripped) and stripped[0].islower()


def starts_upper(text: str) -> bool:
    """Whether ``text`` starts (after markup) with an upper-case letter or a digit."""
    stripped = text.lstrip("*_([\u2018'\"\u201c ")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def sentences(text: str) -> list[str]:
    """``text`` split into sentences (roughly: at '.', '?' or '!' before a capital)."""
    return [part for part in SENTENCE_END_RE.split(text) if part.strip()]


def telling_words(text: str) -> Iterator[str]:
    """The words of ``text`` that say what it is about: lower case, four letters or more, no
    common Dutch words; for telling whether two texts speak of the same thing."""
    for word in re.findall(r"[\w-]+", text.lower()):
        if len(word) >= 4 and word not in _STOPWORDS:
            yield word


def plain(text: str) -> str:
    """Text without footnote calls and link targets, for looking things up in."""
    text = re.sub(r"\[\^[^\]]*\]", "", text)
    return collapse(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))


def sentence_before(text: str, position: int, reach: int = 160) -> str:
    """The part of the sentence in ``text`` that ends at ``position`` (``reach`` characters
    at most)."""
    before = text[max(0, position - reach) : position]
    parts = re.split(r"(?<=[.?!])\s+(?=[A-Z])", before)
    return parts[-1]


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: with its punctuation, or with footnote calls after it."""
    return bool(TERMINAL_RE.search(text) or _CALLED_END_RE.search(text))
