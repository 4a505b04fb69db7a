"""A web page saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File",
``.mhtml`` or ``.mht``): the page it holds, and where each of the page's lines is in the file.

The file is a MIME message of the kind e-mail uses: headers, then parts parted by a boundary,
the page first among them, then its style sheets and images. The page's part is usually
quoted-printable, which wraps long lines with a ``=`` at their end; so that a note points into
the file as an editor shows it, each line of the page keeps the line of the file where it
starts. The page is then read as a page saved as HTML is (:mod:`.web_page`).
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
from dataclasses import dataclass
from email import message_from_bytes
from email.message import Message

from briefing.errors import BriefingError
from briefing.streams import Origin

#: The headers of a saved page: a MIME message of related parts (the page, its resources).
_RELATED_RE = re.compile(rb"(?im)^content-type:[ \t]*multipart/related")
_HEADERS_END_RE = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True)
class SavedPage:
    """The page an MHTML file holds: its HTML, the character set its part declares, and for
    each of its lines (from the first) the line of the file where that line starts."""

    html: bytes
    charset: str | None
    starts: list[int]

    def line(self, number: int) -> int:
        """The line of the file where line ``number`` of the page starts."""
        return self.starts[min(max(number, 1), len(self.starts)) - 1]


def looks_like_mhtml(raw: bytes) -> bool:
    """Whether ``raw`` starts as a web page saved as one file does: MIME headers that say
    its parts are related."""
    end = _HEADERS_END_RE.search(raw[:16384])
    return (
        end is not None
        and b"mime-version" in raw[: end.start()].lower()
        and bool(_RELATED_RE.search(raw[: end.start()]))
    )


def saved_page(raw: bytes, path: Origin) -> SavedPage:
    """The page in the MHTML file ``raw`` (its first HTML part), or a :class:`BriefingError`."""
    end = _HEADERS_END_RE.search(raw)
    assert end is not None
    boundary = message_from_bytes(raw[: end.end()]).get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise BriefingError(
            f"{path}:1: a web page saved as one file (MHTML), but its headers give no boundary "
            "between its parts; save the page again, or as HTML ('Webpage, HTML Only')"
        )
    lines = raw.splitlines(keepends=True)
    marker = b"--" + boundary.encode("ascii", "replace")
    starts = [n for n, line in enumerate(lines) if line.rstrip() in (marker, marker + b"--")]
    for first, last in itertools.pairwise([*starts, len(lines)]):  # a cut file: to its end
        page = _page(lines, first + 1, last)
        if page is not None:
            return page
    raise BriefingError(
        f"{path}:1: a web page saved as one file (MHTML), but no part of it is the page (HTML); "
        "save the page again, or as HTML ('Webpage, HTML Only')"
    )


def _page(lines: list[bytes], first: int, last: int) -> SavedPage | None:
    """The page in the part on ``lines[first:last]`` (0-based), if that part is HTML."""
    blank = next((n for n in range(first, last) if not lines[n].strip()), last)
    headers: Message = message_from_bytes(b"".join(lines[first:blank]))
    if headers.get_content_type() != "text/html":
        return None
    body = lines[blank + 1 : last]
    at = blank + 2  # the body's first line, 1-based
    charset = headers.get_content_charset()
    encoding = (headers.get("Content-Transfer-Encoding") or "").strip().lower()
    if encoding == "quoted-printable":
        return _quoted_printable(body, at, charset)
    if encoding == "base64":
        html = base64.b64decode(b"".join(body))
        return SavedPage(html, charset, [at] * (html.count(b"\n") + 1))
    html = b"".join(body)
    return SavedPage(html, charset, list(range(at, at + len(body) + 1)))


def _quoted_printable(body: list[bytes], at: int, charset: str | None) -> SavedPage:
    """A quoted-printable part's page, each of its lines at the encoded line it starts on."""
    html = bytearray()
    starts = [at]
    for number, line in enumerate(body, start=at):
        text = line.rstrip(b"\r\n")
        soft = text.rstrip(b" \t").endswith(b"=")
        html += binascii.a2b_qp(text.rstrip(b" \t")[:-1] if soft else text)
        if not soft:
            html += b"\n"
            starts.append(number + 1)
    return SavedPage(bytes(html), charset, starts)
