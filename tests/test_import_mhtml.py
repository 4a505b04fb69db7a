"""``briefing import`` on a web page saved as one file (MHTML: Chrome's and Edge's "Webpage,
Single File", Word's "Single File Web Page"): the page in it imports as the page saved as HTML
does, and every note points at the line of the file where its text is.

``kst-26488-72.mhtml`` is Chromium's own (see the fixtures' README); the other files are
written here as Chromium writes them (``MHTMLArchive::GenerateMHTMLHeader`` and
its parts: "From: <Saved by Blink>", related parts parted by a "----MultipartBoundary--...----"
boundary, the page first, quoted-printable, lines of at most 76 characters, CRLF), around the
saved pages of ``tests/fixtures/import/web-pages``.
"""

from __future__ import annotations

import base64
import quopri
import re
import shutil
from pathlib import Path

import yaml

from tests.conftest import CONTENT, FIXTURES, cli

PAGES = FIXTURES / "import" / "web-pages"
LETTER_PAGE = PAGES / "kst-26488-72.html"
LETTER_ID = "2008-05-22-behoeftestelling-vervanging-f-16"
#: The letter's page as Chromium saves it as one file.
SAVED = PAGES / "kst-26488-72.mhtml"
BOUNDARY = "----MultipartBoundary--f1Mtz3zDYxL0VbZHZwzmNqNL6nSbIrbTWWO8YDaHv6----"
NOTE_RE = re.compile(r"^(?:PAGE|MHTML):(\d+): (.*)$")


def mhtml(html: bytes, url: str, content_type: str = "text/html") -> bytes:
    """``html`` saved as Chromium saves a page as one file, with a style sheet and an image."""
    crlf = quopri.encodestring(html).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    parts = [
        f"Content-Type: {content_type}\r\nContent-ID: <frame-7E1C@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n".encode()
        + crlf,
        b"Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: cid:css-9d2a@mhtml.blink\r\n\r\n@charset =22utf-8=22;\r\n"
        b"body { font-family: sans-serif; }\r\n",
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://zoek.officielebekendmakingen.nl/logo.png\r\n\r\n"
        + base64.encodebytes(bytes(range(200))).replace(b"\n", b"\r\n"),
    ]
    head = (
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: Kamerstuk "
        "26488, nr. 72 | Overheid.nl > =?utf-8?Q?Offici=C3=ABle?= bekendmakingen\r\n"
        "Date: Sun, 29 Nov 2026 14:02:11 -0000\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"\r\n'
        "\r\n"
    )
    marker = f"--{BOUNDARY}\r\n".encode()
    return (
        head.encode()
        + b"".join(marker + part + b"\r\n" for part in parts)
        + f"--{BOUNDARY}--\r\n".encode()
    )


def _content(tmp_path: Path, name: str) -> Path:
    content = tmp_path / name
    shutil.copytree(CONTENT, content)
    return content


def _import(tmp_path: Path, source: Path, name: str) -> tuple[Path, str]:
    content = _content(tmp_path, name)
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    return content, run.stderr


def test_a_letters_page_saved_as_one_file_gives_the_saved_pages_draft_and_notes(
    tmp_path: Path,
) -> None:
    """Chromium's own file (see the fixtures' README), the page as the browser holds it."""
    page = LETTER_PAGE.read_bytes()
    saved = SAVED
    html_content, html_said = _import(tmp_path, LETTER_PAGE, "html")
    content, said = _import(tmp_path, saved, "mhtml")

    def draft(root: Path, source: Path) -> str:
        text = (root / "letters" / f"{LETTER_ID}.yaml").read_text(encoding="utf-8")
        return text.replace(source.name, "SOURCE")

    assert draft(content, saved) == draft(html_content, LETTER_PAGE)
    assert "from the saved web page" in draft(content, saved)
    html_notes = [
        NOTE_RE.match(n) for n in html_said.replace(str(LETTER_PAGE), "PAGE").split("\n") if n
    ]
    notes = [NOTE_RE.match(n) for n in said.replace(str(saved), "MHTML").split("\n") if n]
    assert [n and n[2] for n in notes] == [n and n[2] for n in html_notes] and len(notes) == 3
    html_lines = page.decode("utf-8").splitlines()
    file_lines = saved.read_bytes().decode("ascii").split("\r\n")
    for ours, theirs in zip(notes, html_notes, strict=True):
        assert ours is not None and theirs is not None
        start = html_lines[int(theirs[1]) - 1].strip().encode()
        line = file_lines[int(ours[1]) - 1].strip()
        assert start.startswith(quopri.decodestring(line.rstrip("=").encode())), (line, start)


def test_a_motions_page_saved_as_one_file_adds_the_motion(tmp_path: Path) -> None:
    page = PAGES / "kst-33529-1329.html"
    saved = tmp_path / "motie.mhtml"
    saved.write_bytes(mhtml(page.read_bytes(), "https://zoek.officielebekendmakingen.nl/x"))
    html_content, _ = _import(tmp_path, page, "html")
    content, said = _import(tmp_path, saved, "mhtml")
    assert said == ""
    assert (content / "motions.yaml").read_text(encoding="utf-8") == (
        html_content / "motions.yaml"
    ).read_text(encoding="utf-8")


def test_the_pages_part_says_its_character_set_as_word_saves_it(tmp_path: Path) -> None:
    """Word's "Single File Web Page" names the character set on the part and not in the page:
    "Initiële" and "Italië" come out as written."""
    html = LETTER_PAGE.read_text(encoding="utf-8").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', ""
    )
    assert "charset" not in html
    saved = tmp_path / "brief.mht"
    saved.write_bytes(
        mhtml(html.encode("cp1252"), "file:///C:/brief.htm", 'text/html; charset="windows-1252"')
    )
    content, _ = _import(tmp_path, saved, "mhtml")
    draft = yaml.safe_load((content / "letters" / f"{LETTER_ID}.yaml").read_text("utf-8"))
    assert "de Initiële Operationele Test" in draft["sections"][0]["body"][0]
    assert "toetreding van Italië en Nederland" in draft["sections"][0]["body"][0]


def test_a_file_saved_as_one_without_a_page_in_it_is_refused_saying_so(tmp_path: Path) -> None:
    saved = tmp_path / "plaatje.mhtml"
    saved.write_bytes(mhtml(b"body {}", "https://example.org/s.css", "text/css"))
    content = _content(tmp_path, "content")
    run = cli("import", saved, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"briefing: error: {saved}:1: a web page saved as one file (MHTML), but no part of it "
        "is the page (HTML); save the page again, or as HTML ('Webpage, HTML Only')\n"
    )
    assert sorted(p.name for p in (content / "letters").iterdir()) == sorted(
        p.name for p in (CONTENT / "letters").iterdir()
    )


def test_a_file_saved_as_one_and_cut_off_gives_what_it_holds_and_says_so(tmp_path: Path) -> None:
    """A download cut off in the page's part, before its closing boundary: the page read so
    far, with the note that the letter ends without its signature."""
    data = SAVED.read_bytes()
    saved = tmp_path / "afgebroken.mhtml"
    saved.write_bytes(data[: data.index(b"ondertekening")])
    content, said = _import(tmp_path, saved, "content")
    assert "found no signature at the end of the letter" in said
    assert "check that the text is complete" in said
    draft = yaml.safe_load((content / "letters" / f"{LETTER_ID}.yaml").read_text("utf-8"))
    assert draft["sections"][0]["body"][0].startswith("In bijlage bied ik u aan")
