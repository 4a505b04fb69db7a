"""The official XML of a Kamerstuk (``kst-<dossier>-<nr>.xml``), as lines of its printed text.

officielebekendmakingen.nl publishes every Kamerstuk as XML under a root
``officiele-publicatie``: the ``kamerstuk`` holds the ``dossier`` (``dossiernr``, with a
``raadnr`` or ``begrotingshoofdstuk`` as suffix, and its ``titel``) and the ``stuk``: its
``stuknr`` (``ondernummer``), ``titel`` ("MOTIE VAN HET LID ...", "BRIEF VAN DE MINISTER
..."), ``datumtekst`` ("Voorgesteld 19 december 2024") and the text, in ``algemeen`` /
``vrije-tekst`` / ``tekst`` (the schema's ``op-xsd-2014-05-15``): paragraphs ``al``, headings
``tussenkop`` and a ``divisie``'s ``kop`` (its ``nr`` and ``titel``), emphasis ``nadruk``
(``vet``: bold, ``cur``: italics), lists ``lijst``/``li`` with each item's mark in ``li.nr``
(a dash, or a number or letter that is kept: "a. ..."; a ``lijst`` in a ``li`` indented
under it, after a browser's bullet), tables (CALS: ``table``, ``tgroup``,
``row``, ``entry``), footnotes ``noot`` where they are called and called again by a
``nootref`` (its ``refid`` the ``noot``'s ``id``), links ``extref`` (a web address in its
``doc``), then ``tekst-sluiting`` with one ``ondertekening`` a signatory (``functie``, and a
``naam`` of ``voornaam`` and ``achternaam`` written with no space between them) and annexes
``bijlage`` under a ``kop``.
The XML becomes the lines the publication prints, in the layout the text readers know (a
heading as ``### **...**``, a list's item as ``- ...``, a table's row as ``- cell | cell``, a
footnote as ``<sup>1</sup> ...``, a link as ``[text](https://...)``), each with the line of the
XML it comes from (the text inside a line, its footnotes, links and emphasis, is
:mod:`.xml_inline`'s); what reads as a tag in the XML's text is left out, so that none of it
is taken for that layout's markup. What those lines cannot say goes with them: that the lines
after the signature are an annex, whatever their length, and notes for the user (a table to
lay out, a footnote on the paper's title, which the letter's head cannot hold), phrased for
the paper as a letter and as a motion, whose entry holds neither (nor a footnote called in its
text). A footnote on
a heading follows the heading's line, which the text readers then note as not called.
The papers of 1995 to 2009, in the older schema (root ``kamerwrk``), are first put in the
later schema's form by :mod:`.legacy_xml`. The record of a debate in XML (the Handelingen,
``h-tk-...xml``, or the Kamer's own verbatim record) is refused saying what it is and what to
import instead: its text, or each motion's own publication.

The XML is parsed with defusedxml: a document type declaration, entities and external
references are refused, nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from briefing.errors import BriefingError
from briefing.importing.legacy_xml import LEGACY_ROOT, as_publication
from briefing.importing.text import SourceLine, collapse
from briefing.importing.xml_inline import (
    SKIPPED,
    InlineText,
    footnote_text,
    name_of,
    plain,
    text_of,
)
from briefing.streams import Origin

ROOT = "officiele-publicatie"
#: Elements whose text is one paragraph (a line of its own, a blank line after it).
_BLOCKS = {"al", "tussenkop", "richting", "functie", "naam", "slotformule"}
#: Elements inside a line of text: an element holding only these is one paragraph.
_INLINE = {"nadruk", "extref", "intref", "noot", "nootref", "inf", "sup", "datum", "plaats", "br"}
#: The marks of a list's items that are bullets, not numbers or letters: such an item is "- ".
#: How far a list inside a list's item is indented, as a copy of the text shows it.
_INDENT = 4
#: The bullet before an item of a list, of a list inside an item, and deeper (a browser's).
_SUB_BULLETS = ("-", "\u25e6", "\u25aa")
_BULLETS = {"", "-", "\u2013", "\u2014", "\u2022", "\u00b7", "*", "o"}


@dataclass
class XmlText:
    """The printed lines of a Kamerstuk's XML, and what the XML says that they cannot."""

    lines: list[SourceLine]
    #: Notes for the user, "line N: ...", N a line of the XML, on the paper as a letter.
    notes: list[str] = field(default_factory=list)
    #: The same notes on the paper as a motion, whose entry in the registry holds no
    #: footnotes and no tables.
    motion_notes: list[str] = field(default_factory=list)
    #: Whether the XML gives an annex (``bijlage``) after the signature.
    annex: bool = False


def looks_like_xml(raw: bytes) -> bool:
    """Whether ``raw`` starts like an XML document (after a byte order mark and white space)."""
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:100]
    return start.startswith((b"<?xml", b"<" + ROOT.encode(), b"<" + LEGACY_ROOT.encode()))


#: How deep elements may nest: a Kamerstuk's XML nests about a dozen deep; the printer reads
#: the tree recursively, and a file nested thousands deep would exhaust Python's stack.
MAX_DEPTH = 100


class _LineBuilder(TreeBuilder):
    """A tree builder that remembers on which line of the XML each element starts, and the
    line of the first element nested deeper than :data:`MAX_DEPTH`."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.lines: dict[int, int] = {}
        self.depth = 0
        self.too_deep: int | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        line = self.parser.parser.CurrentLineNumber if self.parser is not None else 1
        self.lines[id(element)] = line
        self.depth += 1
        if self.depth > MAX_DEPTH and self.too_deep is None:
            self.too_deep = line
        return element

    def end(self, tag: str) -> Element:
        self.depth -= 1
        return super().end(tag)


def read_xml(raw: bytes, path: Origin) -> XmlText:
    """The printed text of the Kamerstuk in the XML ``raw``, line by line, with notes."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(raw)
        root = parser.close()
    except DefusedXmlException as exc:
        raise BriefingError(
            f"{path}:1: the XML declares a document type or entities ({type(exc).__name__}); "
            "the official XML of a Kamerstuk has none, and they are not expanded"
        ) from None
    except ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise BriefingError(f"{path}:{line}: the XML is not well-formed: {exc}") from None
    if builder.too_deep is not None:
        raise BriefingError(
            f"{path}:{builder.too_deep}: the XML nests elements more than {MAX_DEPTH} deep; the "
            "official XML of a Kamerstuk nests about a dozen: is the file damaged?"
        )
    if (record := _debate_record(root)) is not None:
        element, what = record
        raise BriefingError(
            f"{path}:{builder.lines.get(id(element), 1)}: this XML is {what}, which the importer "
            "does not read as XML; import the record as text (its page on "
            "zoek.officielebekendmakingen.nl or tweedekamer.nl, copied: the motions read out "
            "in it with the number the chair gives them are added), or each motion's own "
            "publication (kst-<dossier>-<nr>.xml)"
        )
    found = root.tag
    legacy = as_publication(root, builder.lines, ROOT) if found == LEGACY_ROOT else []
    if root.tag != ROOT or root.find("kamerstuk/stuk") is None:
        raise BriefingError(
            f"{path}:1: this XML is not a Kamerstuk as officielebekendmakingen.nl publishes it "
            f"(root '{ROOT}' with a 'kamerstuk' and its 'stuk', as in kst-26485-224.xml, or "
            f"before 2010 root '{LEGACY_ROOT}' with a 'body' and its 'stuk'); found root "
            f"'{found}'{' without a stuk' if found in (ROOT, LEGACY_ROOT) else ''}"
        )
    printer = _Printer(builder.lines)
    lines = printer.document(root)
    return XmlText(lines, legacy + printer.notes, legacy + printer.motion_notes, printer.annex)


def _debate_record(root: Element) -> tuple[Element, str] | None:
    """The element that shows ``root`` to be the record of a debate, and what it is: the
    Handelingen as officielebekendmakingen.nl publishes them (``h-tk-...xml``: a
    ``handelingen`` under the root ``officiele-publicatie``; before 2011 a root ``handeling``),
    or a verbatim record of the Tweede Kamer's own (``vlosCoreDocument``); else None."""
    tag = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    handelingen = root.find("handelingen") if tag == ROOT else None
    if handelingen is not None:
        return (
            handelingen,
            "the record of a debate (Handelingen, officielebekendmakingen.nl's h-tk-...)",
        )
    if tag == "handeling":
        return root, "the record of a debate (Handelingen, officielebekendmakingen.nl's h-tk-...)"
    if tag == "vlosCoreDocument":
        return root, "the Tweede Kamer's verbatim record of a debate (its open data's verslag)"
    return None


class _Printer:
    """Turns the elements of a publication into numbered lines of text."""

    def __init__(self, lines: dict[int, int]) -> None:
        self.lines = lines
        self.out: list[SourceLine] = []
        self.inline = InlineText()
        self.notes: list[str] = []
        self.motion_notes: list[str] = []
        self.signed = False
        self.annex = False
        #: How many lists the element being printed is in.
        self.lists = 0

    def line_of(self, element: Element) -> int:
        return self.lines.get(id(element), 1)

    def emit(self, element: Element, text: str, blank: bool = True, indent: int = 0) -> None:
        """A line of text (none when ``text`` is empty) after ``indent`` spaces, and a blank
        line after it."""
        text = collapse(text)
        if text:
            self.out.append(SourceLine(self.line_of(element), " " * indent + text))
            if blank:
                self.blank(element)

    def blank(self, element: Element) -> None:
        """A blank line, unless the last line is one."""
        if self.out and self.out[-1].text:
            self.out.append(SourceLine(self.line_of(element), ""))

    def document(self, root: Element) -> list[SourceLine]:
        kamerstuk = root.find("kamerstuk")
        assert kamerstuk is not None
        dossier = kamerstuk.find("dossier")
        if dossier is not None:
            self.emit(dossier, f"{_dossier_number(dossier)} {text_of(dossier.find('titel'))}")
            self.title_notes(dossier.find("titel"), "the dossier's title")
        stuk = kamerstuk.find("stuk")
        assert stuk is not None
        number = stuk.find("stuknr/ondernummer")
        title = stuk.find("titel")
        self.emit(stuk, f"Nr. {text_of(number)} {text_of(title)}")
        self.title_notes(title, "the paper's title")
        for child in stuk:
            if child.tag not in ("stuknr", "titel"):
                self.block(child)
        return self.out

    def title_notes(self, title: Element | None, what: str) -> None:
        """A note on each footnote on a title: the head of a letter (and the subject) holds
        no footnotes, nor does a motion's entry, so it is left out, its text said for the
        user to place it."""
        for noot in title.iter("noot") if title is not None else []:
            left_out = f"the footnote on {what}, '{footnote_text(noot)}'"
            self.notes.append(
                f"line {self.line_of(noot)}: left out of the head: {left_out} (the letter's "
                "head and subject hold no footnotes; if the letter needs it, call it in the text)"
            )
            self.motion_notes.append(
                f"line {self.line_of(noot)}: left out of the motion: {left_out} (a motion's "
                "entry holds no footnotes; if the entry needs what it says, write it in)"
            )

    def block(self, element: Element) -> None:
        """Print ``element``: a paragraph, heading, list item or signature, or its children."""
        tag = element.tag
        if tag in SKIPPED or not isinstance(tag, str):
            return
        if tag == "datumtekst":
            self.emit(element, text_of(element))
        elif tag == "tussenkop":
            style = element.get("kopopmaak", "vet")
            text = text_of(element)
            marked = f"**{text}**" if "vet" in style else f"*{text}*" if "cur" in style else text
            self.heading(element, marked)
        elif tag == "kop":  # a divisie's heading: its number and title, "1." and "Inleiding"
            parts = [text_of(child) for child in element if child.tag in ("nr", "titel")]
            self.heading(element, f"**{' '.join(p for p in parts if p) or text_of(element)}**")
        elif tag == "ondertekening":
            self.signed = True
            self.signature(element)
        elif tag == "lijst":  # its items one a line, as a list is printed; a blank line after
            self.lists += 1
            for child in element:
                self.block(child)
            self.lists -= 1
            self.blank(element)
        elif tag == "li":
            mark = text_of(element.find("li.nr"))  # an item, its number or letter kept
            bullet = _SUB_BULLETS[min(self.lists, len(_SUB_BULLETS)) - 1]
            self.paragraph(element, f"{bullet} " if mark in _BULLETS else f"{bullet} {mark} ")
        elif tag == "table":
            self.table(element)
        elif tag == "bijlage" and self.signed:  # an annex, however short
            self.annex = True
            for child in element:
                self.block(child)
        elif tag in _BLOCKS or all(c.tag in _INLINE for c in element):
            self.paragraph(element, "")
        else:
            for child in element:
                self.block(child)

    def signature(self, element: Element) -> None:
        """A signature: its function (with any words between the elements: "De <functie>
        Minister</functie> voor Rechtsbescherming,") on a line, each name on the next, its
        initials and surname apart ("S. Dekker", where the XML has "S." and "Dekker" with no
        space between them)."""
        words = [plain(element.text)]
        for child in element:
            if child.tag == "naam":
                self.emit(element, "".join(words))
                self.emit(child, name_of(child))
                words = []
            elif isinstance(child.tag, str):
                words.append(text_of(child))
            words.append(plain(child.tail))
        self.emit(element, "".join(words))

    def table(self, element: Element) -> None:
        """A table (CALS: ``tgroup``, ``thead``, ``tbody``, ``row``, ``entry``): its caption
        as a paragraph, each row as a list's item with its cells parted by " | "; the notes
        called in its cells after it."""
        caption = element.find("title")
        if caption is not None:
            self.emit(caption, text_of(caption))
        for row in element.iter("row"):
            notes: list[tuple[str, str]] = []
            cells: list[str] = []
            for entry in row.iter("entry"):
                parts: list[str] = []
                self.inline.read(entry, parts, notes)
                cells.append(collapse("".join(parts)))
            self.emit(row, "- " + " | ".join(cells))
            self.footnotes(row, notes)
        rows = len(list(element.iter("row")))
        named = f" '{text_of(caption)}'" if caption is not None and text_of(caption) else ""
        line = self.line_of(element)
        self.notes.append(
            f"line {line}: the table{named} is in the draft as a list, each of its {rows} rows "
            "an item with its cells parted by ' | '; lay the table out in the text"
        )
        self.motion_notes.append(
            f"line {line}: the table{named} is in the motion's text as its {rows} rows, each "
            "after a dash with its cells parted by ' | '; check the clause that holds it (a "
            "motion's entry holds no tables)"
        )

    def paragraph(self, element: Element, prefix: str) -> None:
        """A paragraph's text with footnote calls as ``<sup>n</sup>``; its footnotes after it."""
        parts: list[str] = []
        notes: list[tuple[str, str]] = []
        self.inline.read(element, parts, notes)
        text = "".join(parts).lstrip()
        text = "\\" + text if text.startswith("#") else text  # the text's "#", not a heading
        indent = _INDENT * (self.lists - 1) if element.tag == "li" else 0
        self.emit(element, prefix + text, blank=element.tag != "li" or bool(notes), indent=indent)
        self.footnotes(element, notes)
        for child in element:  # a list inside a list item, its items indented further
            if child.tag == "lijst" and element.tag == "li":
                self.block(child)

    def heading(self, element: Element, text: str) -> None:
        """A heading's line (``text``, its markup made), with the calls of the footnotes in
        it after its text and the footnotes on the lines after it, as a paragraph's are."""
        notes: list[tuple[str, str]] = []
        calls = "".join(self.inline.call(noot, notes) for noot in element.iter("noot"))
        self.emit(element, f"### {text}{calls}")
        self.footnotes(element, notes)

    def footnotes(self, element: Element, notes: list[tuple[str, str]]) -> None:
        """The footnotes ``notes`` called in ``element``, each on a line after it, as the text
        readers read a footnote under the text; a motion's entry holds none, so for a motion
        each is left out of it (the motion's reader drops the lines) and said."""
        for mark, text in notes:
            self.emit(element, f"<sup>{mark}</sup> {text}")
            self.motion_notes.append(
                f"line {self.line_of(element)}: left out of the motion: footnote {mark}, "
                f"'{text}' (a motion's entry holds no footnotes; if the clause that calls it "
                "needs what it says, write it in)"
            )


def _dossier_number(dossier: Element) -> str:
    """ "29 325", "21 501-02" (a raadnr), "36 410-XIV" (a begrotingshoofdstuk)."""
    number = text_of(dossier.find("dossiernummer/dossiernr"))
    suffix = text_of(dossier.find("dossiernummer/raadnr")) or text_of(
        dossier.find("dossiernummer/begrotingshoofdstuk")
    )
    suffix = re.sub(r"[^\w]", "", suffix)
    return f"{number}-{suffix}" if suffix else number
