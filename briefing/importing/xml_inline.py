"""The text inside a line of a Kamerstuk's official XML: its footnotes, links and emphasis.

:mod:`.official_xml` prints the blocks of the XML (paragraphs, headings, list items, table
rows) as lines; this module gives the text within them, in the layout the text readers know:
a footnote ``noot`` called as ``<sup>n</sup>`` (numbered as the paper numbers it) and called
again by a ``nootref``, its text given apart to follow the line; a link ``extref`` to a web
address as ``[text](https://...)``; emphasis ``nadruk`` as ``*...*`` (``cur``) or ``**...**``
(``vet``); a signatory's ``naam`` with its parts apart. What reads as a tag in the XML's text
is left out, so that none of it is taken for that layout's markup.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from briefing.importing.text import collapse

#: What reads as a tag, a comment or a processing instruction in the XML's text.
_TAG_RE = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>|<[!?][^<>]*>")
#: Elements whose text is furniture or metadata, not the letter's or motion's text.
SKIPPED = {"metadata", "meta", "kamerstukkop", "stuknr", "li.nr", "noot.nr", "illustratie"}
#: A link's target that the draft keeps: a whole web address, as the content's links are.
_WEB_ADDRESS_RE = re.compile(r"https?://[^\s<>]+")
#: What ends a link's text in the draft's link syntax, or escapes what follows.
_LINK_TEXT_ESCAPES_RE = re.compile(r"[\\\[\]]")
#: What ends a link's address in the draft's link syntax, percent-encoded.
_ADDRESS_ESCAPES = str.maketrans({"(": "%28", ")": "%29", "[": "%5B", "]": "%5D"})


class InlineText:
    """Reads the text of the XML's lines, numbering their footnotes through the paper."""

    def __init__(self) -> None:
        self.footnotes = 0
        #: The marks of the footnotes by their ``id``, for a ``nootref`` to call one again.
        self.marks: dict[str, str] = {}

    def call(self, noot: Element, notes: list[tuple[str, str]]) -> str:
        """The call of footnote ``noot`` (``<sup>n</sup>``, numbered as the paper numbers it),
        its number and text added to ``notes``."""
        self.footnotes += 1
        mark = text_of(noot.find("noot.nr")) or str(self.footnotes)
        mark = mark if mark.isdigit() else str(self.footnotes)
        self.marks[noot.get("id") or mark] = mark
        notes.append((mark, footnote_text(noot)))
        return f"<sup>{mark}</sup>"

    def read(self, element: Element, parts: list[str], notes: list[tuple[str, str]]) -> None:
        """Add the text of ``element`` to ``parts`` (a list inside a list item left out: it
        is printed after the item), and the footnotes it calls to ``notes``."""
        parts.append(plain(element.text))
        for child in element:
            if child.tag == "al" and "".join(parts).strip():
                parts.append(" ")  # two paragraphs in one item or cell
            if child.tag == "noot":
                parts.append(self.call(child, notes))
            elif child.tag == "nootref":  # an earlier footnote called again
                mark = self.marks.get(child.get("refid") or "") or child.get("nr") or ""
                parts.append(f"<sup>{mark}</sup>" if mark.isdigit() else "")
            elif child.tag == "extref":
                parts.append(link(child))
            elif child.tag == "nadruk" and child.get("type") in ("cur", "vet"):
                marker = "*" if child.get("type") == "cur" else "**"
                parts.append(f"{marker}{text_of(child)}{marker}" if text_of(child) else "")
            elif child.tag == "naam":
                parts.append(name_of(child))
            elif child.tag not in SKIPPED and not (element.tag == "li" and child.tag == "lijst"):
                self.read(child, parts, notes)
            parts.append(plain(child.tail))


def plain(text: str | None) -> str:
    """The character data of the XML as text: what reads as a tag ("<sup>1</sup>", "<script>",
    from a CDATA section or ``&lt;``) is left out, so that nothing in it is taken for the
    footnote calls and markup of the lines this reader writes, or reaches the draft."""
    return _TAG_RE.sub("", text) if text else ""


def footnote_text(noot: Element) -> str:
    """A footnote's text, its paragraphs on one line, its links kept."""
    texts = []
    for al in noot:
        if al.tag != "noot.nr":
            parts = [plain(al.text)]
            for child in al:
                parts += [link(child) if child.tag == "extref" else text_of(child)]
                parts += [plain(child.tail)]
            texts.append(collapse("".join(parts)))
    return " ".join(texts)


def link(extref: Element) -> str:
    """A link as the draft writes it, ``[text](https://...)``, when its target (``doc``) is a
    web address; else its text only (a ``doc`` such as "kst-36800-XIV-80" or a law's
    reference, which the draft cites by its words). A bracket or backslash in the text is
    escaped (``[rapport \\[concept\\]](https://...)``), so that the link is kept and shows its
    text as the XML gives it; a bracket in the address is percent-encoded, as an address
    may hold it, so that it ends nothing."""
    text, target = text_of(extref), extref.get("doc") or extref.get("href") or ""
    if text and _WEB_ADDRESS_RE.fullmatch(target):
        text = _LINK_TEXT_ESCAPES_RE.sub(r"\\\g<0>", text)
        return f"[{text}]({target.translate(_ADDRESS_ESCAPES)})"
    return text


def text_of(element: Element | None) -> str:
    """All text of ``element`` (footnotes left out), white space collapsed."""
    if element is None:
        return ""
    parts = [plain(element.text)]
    for child in element:
        if child.tag != "noot":
            parts.append(text_of(child))
        parts.append(plain(child.tail))
    return collapse("".join(parts))


def name_of(naam: Element) -> str:
    """A signatory's name, its parts apart: ``<voornaam>S.</voornaam><achternaam>Dekker
    </achternaam>`` is "S. Dekker"."""
    parts = [plain(naam.text)]
    for part in naam:
        parts += [text_of(part), plain(part.tail)]
    return collapse(" ".join(parts))
