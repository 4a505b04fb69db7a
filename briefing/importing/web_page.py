"""A web page saved from a browser ("Save page as"), as the lines of text a copy of it gives.

A policy officer who saves a Kamerstuk's page (officielebekendmakingen.nl's ``kst-....html``, a
letter or motion on tweedekamer.nl or rijksoverheid.nl) gets HTML, not text. Its text is read
as a browser's "select all, copy" gives it (:mod:`.copied_lines`): a block element (a
paragraph, a heading, a list's item, a table's row, a line break) starts a line, a paragraph
and a heading have a blank line around them, a table's row is one line of its cells parted by
tabs, inline elements (links, emphasis, a footnote call's ``<sup>``) run on
in their line, white space is collapsed, entities are decoded, a non-breaking space stays one,
and a soft hyphen goes with the other unseen characters (:mod:`.source`). A list's items get
the bullet or number the browser draws beside them, so that the text readers see a list,
and a list inside an item is indented under it. What is not
shown, or not the publication's, is left out: the head, scripts, styles, templates, forms'
controls, embedded frames and images, what the page hides, and the site's navigation, menus,
breadcrumbs, skip links, cookie banners, share buttons, dialogs and footers. Where the site
marks the publication (officielebekendmakingen.nl's ``<div id="broodtekst">``, else the page's
``<main>``, else its ``<article>``) only that is read, once, with the footnotes the page prints
after it (``<div id="noten">``, or a list of class ``voetnoten``, numbered as a footnote is:
"1 ..."); else the whole body.

Each line keeps the number of the line of the HTML where its text starts, so that a note
points into the file. The page is parsed with the standard library's HTML parser, which reads
any HTML without fetching anything; the lines then go through the same readers as a copy.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from briefing.errors import BriefingError
from briefing.importing.copied_lines import CopiedLines
from briefing.importing.text import SourceLine
from briefing.streams import Origin

#: The start of a saved page, after a byte order mark, white space and comments (browsers
#: put "<!-- saved from url=... -->" above it): a doctype or the root element. After an XML
#: declaration, XHTML's doctype or root in XHTML's namespace; the official XML starts
#: ``<?xml`` too, with another root, and other XML is refused as what it is.
_COMMENT_RE = re.compile(rb"\s*<!--.*?-->", re.DOTALL)
_DECLARATION_RE = re.compile(rb"\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_START_RE = re.compile(rb"\s*<(?:!doctype\s+html|html)[\s>/]", re.IGNORECASE)
_XHTML_START_RE = re.compile(
    rb"\s*<(?:!doctype\s+html|html[^>]*\sxmlns\s*=\s*[\"']http://www\.w3\.org/1999/xhtml)",
    re.IGNORECASE,
)

#: Where a page declares its encoding: ``<meta charset=...>``, ``<meta http-equiv=
#: "Content-Type" content="text/html; charset=...">`` or XHTML's XML declaration.
_CHARSET_RE = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)"
    rb"|<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)",
    re.IGNORECASE,
)
#: Browsers read a page declared Latin-1 or ASCII as Windows-1252, which those name.
_AS_WINDOWS_1252 = {"iso8859-1", "latin-1", "ascii", "cp1252"}

#: Elements whose content is never the page's text.
_NOT_TEXT = {
    "head", "title", "script", "style", "noscript", "template", "iframe", "object",
    "embed", "svg", "math", "canvas", "video", "audio", "map", "select", "textarea",
    "button", "datalist", "dialog",
    # the site's own parts around the publication
    "nav", "aside", "footer",
}  # fmt: skip
#: What a page's head holds.
_HEAD = {"head", "title", "meta", "link", "style", "script", "base", "noscript", "template"}
#: Elements without content (no end tag).
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "param", "keygen",
}  # fmt: skip
#: Elements that end with an explicit end tag in any page, so that a part of the page that
#: one of them holds can be left out whole (a ``<p>`` or ``<li>`` may be left open).
_CLOSED = {
    "div", "section", "ul", "ol", "dl", "table", "span", "a", "form", "header", "figure",
    "nav", "aside", "footer", "main", "article",
} | _NOT_TEXT  # fmt: skip
#: Roles of the site's own parts.
_SITE_ROLES = {
    "navigation", "banner", "contentinfo", "search", "complementary", "dialog",
    "alertdialog", "menu", "menubar", "toolbar",
}  # fmt: skip
#: Words that start an id or class of the site's own parts ("nav-sub-container",
#: "cookiebar-cookiepolicy", "skiplink", "breadcrumb-container", "social-media-links"); only
#: the first word counts, so that a wrapper "page--has-sidebar" is not taken for a sidebar.
_SITE_WORDS = {
    "nav", "navigation", "navbar", "menu", "breadcrumb", "breadcrumbs", "skiplink",
    "skiplinks", "cookie", "cookies", "cookiebar", "consent", "footer", "sidebar", "share",
    "social", "modal", "toolbar", "readspeaker",
}  # fmt: skip
#: Class names of what a page hides from sight.
_HIDDEN_CLASSES = {
    "hidden", "sr-only", "visually-hidden", "visuallyhidden", "element-hidden",
    "element-invisible", "skip-link", "skip-links",
}  # fmt: skip
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Elements after which a copy has a blank line, and those that start a line of their own.
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "header", "hgroup", "hr", "legend", "li",
    "listing", "main", "menu", "ol", "pre", "section", "summary", "tbody", "thead", "tfoot",
    "caption", "ul", "xmp",
}  # fmt: skip
#: The bullets a browser draws beside a list's items, a list inside an item's, and deeper.
_BULLETS = ("\u2022", "\u25e6", "\u25aa")
#: How far a list inside a list's item is indented in the copy's lines.
_INDENT = 4
#: A list item's text that already starts with its marker (a dash, a bullet, "1.", "a)", or a
#: number alone, as a footnote's "1 Kamerstuk ..."), also a marker in an element of its own.
_MARKED_RE = re.compile(
    r"^(?:[\u2022\u2013\u2014\u00b7\u25aa\u25cf\u2212*-]|\(?\w{1,3}[.)]|\d{1,3})(?:\s|$)"
)
_SPACES_RE = re.compile(r"[ \t\n\r\f]+")


def looks_like_html(raw: bytes) -> bool:
    """Whether ``raw`` starts like a web page: a doctype or ``<html``, after a byte order
    mark, white space and comments; XHTML after its XML declaration."""
    start = raw[:4096].removeprefix(b"\xef\xbb\xbf")
    declared = _DECLARATION_RE.match(start)
    if declared:
        start = start[declared.end() :]
    while comment := _COMMENT_RE.match(start):
        start = start[comment.end() :]
    return bool((_XHTML_START_RE if declared else _HTML_START_RE).match(start))


def page_lines(raw: bytes, path: Origin, charset: str | None = None) -> list[SourceLine]:
    """The text of the saved web page ``raw``, as numbered lines (the line of the HTML where
    each starts), or a :class:`BriefingError` naming the file. A ``charset`` the page came
    with (an MHTML part's) wins over the one it declares, as a web server's does."""
    text = _decode(raw, path, charset)
    root = _root_of(text)
    lines = _read(text, root)
    if root != _Root() and not any(line.text.strip() for line in lines):
        lines = _read(text, _Root())  # the marked element is empty: the page fills it later
    while lines and not lines[-1].text.strip():
        lines.pop()
    return lines or [SourceLine(1, "")]


def _read(text: str, root: _Root) -> list[SourceLine]:
    """The lines of the page's text in ``root`` (the whole body for an empty root)."""
    reader = _PageReader(root)
    reader.feed(text)
    reader.close()
    return reader.out.finish()


def _decode(raw: bytes, path: Origin, charset: str | None) -> str:
    """The page's text, in ``charset`` or else the encoding it declares (UTF-8 where it
    declares none)."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    declared = None if charset else _CHARSET_RE.search(raw[:4096])
    name = charset or ((declared[1] or declared[2]).decode("ascii") if declared else "utf-8")
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        line = raw[: declared.start()].count(b"\n") + 1 if declared else 1
        raise BriefingError(
            f"{path}:{line}: the page declares the character set '{name}', which is unknown; "
            "save the page again as UTF-8"
        ) from None
    if encoding in _AS_WINDOWS_1252:
        encoding = "cp1252"
    try:
        return raw.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        said = f"declares {name}" if declared else "declares no character set (UTF-8 is read)"
        raise BriefingError(
            f"{path}:{line}: the page {said}, but byte 0x{raw[exc.start]:02x} at line {line} is "
            "not in it; save the page again as UTF-8, or declare the character set it is in "
            "(<meta charset=windows-1252>)"
        ) from None


@dataclass(frozen=True)
class _Root:
    """Which element holds the publication: an id, else a tag; ``None`` reads the body."""

    id: str | None = None
    tag: str | None = None


def _root_of(text: str) -> _Root:
    """The publication's element, where the site marks it."""
    if re.search(r"""\sid\s*=\s*["']?broodtekst["'\s>]""", text, re.IGNORECASE):
        return _Root(id="broodtekst")
    for tag in ("main", "article"):
        if re.search(rf"<{tag}[\s>]", text, re.IGNORECASE):
            return _Root(tag=tag)
    return _Root()


class _PageReader(HTMLParser):
    """Collects the page's text into :class:`.CopiedLines`, leaving out what a copy of the
    publication does not give."""

    def __init__(self, root: _Root) -> None:
        super().__init__(convert_charrefs=True)
        self.root = root
        self.out = CopiedLines()
        #: The element being read (the publication's, or its footnotes'): its tag and how
        #: deep in elements of that tag; "" reads the whole page, ``None`` reads nothing yet.
        self.region: str | None = None if root.id or root.tag else ""
        self.depth = 0
        self.skipping: str | None = None
        self.skipping_depth = 0
        self.pre = 0
        self.lists: list[list[int | str]] = []
        self.marker: str | None = None
        self.read: set[str] = set()
        self.region_is_notes = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An element starts: it may open the publication, a part to leave out, or a line."""
        if self.skipping == "head" and tag not in _HEAD:
            self.skipping = None  # a page may leave its head open: the body ends it
        if self.skipping is not None:
            self.skipping_depth += tag == self.skipping
            return
        values = {name: value or "" for name, value in attrs}
        if self.region is None:
            if not self._opens(tag, values):
                return
            self.region, self.depth = tag, 0
            self.out.block(2)
        elif tag in _NOT_TEXT or (tag in _CLOSED and _is_site_part(values)):
            if tag not in _VOID:
                self.skipping, self.skipping_depth = tag, 1
            return
        self.depth += tag == self.region
        if tag == "br":
            self.out.newline(self.getpos()[0])
        elif tag == "table":
            self.out.table(starts=True)
        elif tag == "tr":
            self.out.row()
        elif tag in ("td", "th"):
            self.out.cell(self.getpos()[0])
        elif tag in _PARAGRAPHS:
            self.out.block(2)
        elif tag in _BLOCKS:
            self.out.block(1)
        if tag in ("ul", "ol"):
            start = values.get("start", "1")
            self.lists.append([tag, int(start) if start.isdigit() else 1])
        elif tag == "li" and self.lists:
            kind, number = self.lists[-1]
            # a footnote's number stands alone before its text, as the text readers read it
            dot = "" if self.region_is_notes else "."
            depth = len(self.lists) - 1
            bullet = _BULLETS[min(depth, 2)]
            # an item of a list inside an item has the bullet before its number, as the XML's
            self.marker = (
                bullet if kind == "ul" else f"{bullet} {number}." if depth else f"{number}{dot}"
            )
            self.lists[-1][1] = int(number) + 1
            self.out.indent = _INDENT * depth
        elif tag == "pre":
            self.pre += 1

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A marked section (``<![CDATA[...]]>``, Word's ``<![if ...]>``); one the parser
        does not know (``<![foo[``) is skipped to its ``>`` instead of stopping the reading."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (XHTML's ``<br/>``): it starts and ends at once."""
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """An element ends: a part left out, the publication, or a block ends here."""
        if self.skipping is not None:
            self.skipping_depth -= tag == self.skipping
            if not self.skipping_depth:
                self.skipping = None
            return
        if self.region is None:
            return
        if tag == "table":
            self.out.table(starts=False)
        elif tag == "tr":
            self.out.row()
        elif tag in _PARAGRAPHS:
            self.out.block(2)
        elif tag in _BLOCKS:
            self.out.block(1)
        if tag in ("ul", "ol", "li"):
            self.marker = None
            if tag != "li" and self.lists:
                self.lists.pop()
                self.out.indent = _INDENT * max(len(self.lists) - 1, 0)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if self.region and tag == self.region:
            self.depth -= 1
            if not self.depth:
                self.region = None
                self.out.rows.clear()  # a table the page left open ends with the publication
                self.out.block(2)

    def handle_data(self, data: str) -> None:
        """Text: in its line, white space collapsed (kept in ``<pre>``)."""
        if self.skipping is not None or self.region is None:
            return
        line = self.getpos()[0]
        if self.pre:
            for index, part in enumerate(data.split("\n")):
                if index:
                    self.out.newline(line + index)
                if part:
                    self.out.add(part, line + index, spaced=False)
            return
        collapsed = _SPACES_RE.sub(" ", data)
        if not collapsed.strip(" "):
            self.out.add(collapsed, line)
            return
        line += data[: len(data) - len(data.lstrip(" \t\n\r\f"))].count("\n")
        if self.marker is not None:
            if not _MARKED_RE.match(collapsed.strip(" ")):
                collapsed = f"{self.marker} {collapsed.lstrip(' ')}"
            self.marker = None
        self.out.add(collapsed, line)

    def _opens(self, tag: str, values: dict[str, str]) -> bool:
        """Whether this element holds the publication, or the footnotes printed after it;
        each is read once (a page may repeat them for printing)."""
        identity = values.get("id", "").lower()
        classes = values.get("class", "").lower().split()
        if (self.root.id is not None and identity == self.root.id) or tag == self.root.tag:
            part = "publication"
        elif tag in _CLOSED and (identity in ("noten", "voetnoten") or "voetnoten" in classes):
            part = "footnotes"
        else:
            return False
        if part in self.read:
            return False
        self.read.add(part)
        self.region_is_notes = part == "footnotes"
        return True


def _is_site_part(values: dict[str, str]) -> bool:
    """Whether the element's attributes mark it as the site's (navigation, a banner, a
    footer, ...) or hide it from sight."""
    if "hidden" in values or values.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE_RE.search(values.get("style", "")):
        return True
    if values.get("role", "").lower() in _SITE_ROLES:
        return True
    classes = set(values.get("class", "").lower().split())
    if classes & _HIDDEN_CLASSES:
        return True
    names = classes | {values.get("id", "").lower()}
    return any(re.split(r"[-_]", name, maxsplit=1)[0] in _SITE_WORDS for name in names)
