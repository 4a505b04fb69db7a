"""Words whose letters the conversion of a PDF set apart, joined again.

A PDF's text may space the letters of a word where the PDF's font sets them apart: "Inf
rastructuur", "a ls", "P ostbus 20901", a postcode "2 5 15 XP", a full stop after a space
("veroorzaken ."). Two parts of a line are one word again where the joined word stands
elsewhere in the letter, and either neither part stands elsewhere on its own or one of them
is one or two letters that are no Dutch word ("w ater", "D en Haag"); so "aan bod", "mens en
dier" and "er op" stay as they are in a letter that also writes "aanbod", "mensen" and
"erop". A postcode's figures and letters are joined where they make one, and so are a
reference's first capitals ("IENW/BSK-2023/33017"); a space before a sentence's mark after a
word is taken out, and so is the space before a figure the PDF sets small or raised: a
formula's ("CO 2-uitstoot", "PM 10"), an ordinal's "e" ("het 7 e Actieprogramma"), and the
space before a thousands' point ("3 .000 voet").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from briefing.importing.text import SourceLine

#: A line's part between spaces: a word, with the marks before and after it ("(UP").
_PART_RE = re.compile(r"^([^\w\s]*)([^\W\d_]+)([^\w\s]*)$")
#: The Dutch words of one or two letters (and a list's letter "a"), which are no fragments.
_SHORT_WORDS = frozenset(
    "a u ik je we ze de en in op te om er of al nu zo na is ga ja ex eu nl".split()  # noqa: SIM905
)
#: A postcode at a line's start with its figures or letters spaced: "2 5 15 XP".
_POSTCODE_RE = re.compile(r"^(\d ?\d ?\d ?\d) ?([A-Z]) ?([A-Z])(?=\s|$)")
#: A reference whose first capitals are spaced: "I E NW/BSK-2023/33017".
_REFERENCE_RE = re.compile(r"(?<!\S)((?:[A-Z] ){1,4})(?=[A-Z]{1,6}[/-]\S)")
#: A space between a word and the mark that ends its sentence or clause.
_SPACE_BEFORE_MARK_RE = re.compile(r"(?<=[^\W\d_]) (?=[.,;:](?:\s|$))")
#: A formula's figure that the PDF sets small, set apart: "CO 2-uitstoot", "NO 2", "PM 10".
_FORMULA_RE = re.compile(r"\b(CO|NO|SO|CH|NH|PM) (\d{1,2})(?!\w|[.,]\d)")
#: An ordinal's raised "e", set apart: "het 7 e Actieprogramma".
_ORDINAL_RE = re.compile(r"(?<![\w.,])(\d{1,3}) e(?= \w|$)")
#: A thousands' point set apart from the figures before it: "3 .000 voet".
_THOUSANDS_RE = re.compile(r"(?<![\w.,])(\d{1,3}) \.(\d{3})\b")


def letters_joined(lines: list[SourceLine]) -> list[SourceLine]:
    """``lines`` with the words, postcodes and marks a conversion spaced joined again."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for line in lines:
        cores = [_core(part) for part in line.text.split(" ")]
        words.update(core for core in cores if core)
        pairs.update((a, b) for a, b in itertools.pairwise(cores) if a and b)

    def apart(first: str, second: str) -> bool:
        """Whether two parts are one word that a conversion set apart: "(UP" and "V))"."""
        before, after = _PART_RE.match(first), _PART_RE.match(second)
        if not (before and after) or before[3] or after[1]:
            return False
        a, b = before[2].lower(), after[2].lower()
        if not words[a + b]:
            return False
        alone = all(x not in _SHORT_WORDS and words[x] == pairs[a, b] for x in (a, b))
        return alone or _fragment(a) or _fragment(b)

    out = []
    for line in lines:
        kept: list[str] = []
        for part in line.text.split(" "):
            if kept and apart(kept[-1], part):
                kept[-1] += part
            else:
                kept.append(part)
        text = _POSTCODE_RE.sub(_postcode, " ".join(kept))
        text = _REFERENCE_RE.sub(lambda match: match[1].replace(" ", ""), text)
        text = _SPACE_BEFORE_MARK_RE.sub("", text)
        text = _THOUSANDS_RE.sub(r"\1.\2", _ORDINAL_RE.sub(r"\1e", _FORMULA_RE.sub(r"\1\2", text)))
        out.append(line if text == line.text else SourceLine(line.number, text, line.cells))
    return out


def _fragment(word: str) -> bool:
    """Whether ``word`` is one or two letters that are no Dutch word ("w" of "w ater")."""
    return len(word) <= 2 and word not in _SHORT_WORDS


def _core(part: str) -> str:
    """The word in a line's part, in lower case ("up" of "(UP"); empty if it holds none."""
    match = _PART_RE.match(part)
    return match[2].lower() if match else ""


def _postcode(match: re.Match[str]) -> str:
    """A spaced postcode written as the Netherlands write it ("2515 XP"); one spaced so
    already, or written without a space, as it stands."""
    if match[0].count(" ") <= 1:
        return match[0]
    return f"{match[1].replace(' ', '')} {match[2]}{match[3]}"
