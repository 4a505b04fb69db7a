"""Read a source letter (text converted from the published PDF) into its real sentences.

The conversion left debris in the text: the sender column repeated between paragraphs,
footnote separators, markdown markup and hard line breaks. This module removes exactly
that debris, so that tests can look for every real sentence of the letter.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Lines of the sender column that the conversion repeated inside the body.
_DEBRIS_LINES = re.compile(
    r"^(\*\*Dir\. Int\. Markt\w+ en|Handelspol\.\*\*|\*\*Onze Referentie\*\*|BZ|Onze Referentie"
    r"|STPS5HHCFWEY-7-88383|\*\*Directie Internationale|Marktordening en|Handelspolitiek\*\*"
    r"|---)\s*$"
)
_FOOTNOTE_LINE = re.compile(r"^(?:<sup>\d+</sup>|[¹²³])\s*(.+)$")
_SIGNATURE = re.compile(r"^De [Mm]inister voor ")
#: Marks where a list item starts: items are printed as separate bullets.
_ITEM = "\x00"


def _strip_markup(text: str) -> str:
    text = re.sub(r"<sup>\d+</sup>|[¹²³]", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"^- ", _ITEM, text, flags=re.M)
    return text.replace("**", "").replace("*", "")


def read_letter(path: Path) -> tuple[list[str], list[str]]:
    """The body's sentences (and list items) and the footnotes' texts of a source letter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Geachte voorzitter"))
    end = next(i for i, line in enumerate(lines) if _SIGNATURE.match(line))
    body_lines, footnotes = [], []
    for line in lines[start + 1 : end]:
        stripped = line.strip()
        if _DEBRIS_LINES.match(stripped):
            continue
        if match := _FOOTNOTE_LINE.match(stripped):
            footnotes.append(" ".join(_strip_markup(match[1]).split()))
            continue
        body_lines.append(line.rstrip())
    body = _strip_markup("\n".join(body_lines))
    body = re.sub(r"(?<=\S)-\n", "-", body)
    sentences = []
    for unit in body.split(_ITEM):
        unit = " ".join(unit.split())
        sentences += [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z('])", unit) if s]
    return sentences, footnotes
