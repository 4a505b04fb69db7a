"""``briefing build --html``: the HTML edition beside the PDFs, whole, linked and accessible.

The pages are read back as HTML: every link and asset resolves inside the edition, and the
structure a reader with assistive technology relies on is there (language, landmarks,
headings in order, header cells with their scope, images with their text, link texts that
say where they go, no scripts). axe-core checks the same pages in a browser
(``test_serve_browser.py``). The real letters in ``../shared`` are imported and shown too.
"""

from __future__ import annotations

import html
import itertools
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.corpus import load_corpus
from briefing.edition import write_edition
from briefing.layout import EDITION_DIR
from briefing.walk import letter_texts
from tests.conftest import cli
from tests.test_serve import LETTER, planned_pages

SHARED = Path(__file__).resolve().parents[2] / "shared"
#: Link texts that do not say where a link goes.
VAGUE = {"hier", "klik hier", "lees meer", "link", "meer", "deze pagina"}


class Page(HTMLParser):
    """What a page holds that the checks below read."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang: str | None = None
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.sources: list[str] = []
        self.headings: list[int] = []
        self.landmarks: list[str] = []
        self.header_cells: list[tuple[str, str | None]] = []  # (part of the table, scope)
        self.images: list[str | None] = []
        self.scripts = 0
        self._part = ""
        self._link: tuple[str, list[str]] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag in ("header", "nav", "main", "aside"):
            self.landmarks.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("thead", "tbody"):
            self._part = tag
        if tag == "th":
            self.header_cells.append((self._part, attributes.get("scope")))
        if tag == "img":
            self.images.append(attributes.get("alt"))
            self.sources.append(attributes.get("src") or "")
        if tag == "link":
            self.sources.append(attributes.get("href") or "")
        if tag == "script":
            self.scripts += 1
        if tag == "a":
            self._link = (attributes.get("href") or "", [])
        if tag == "table":
            self._part = ""

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None


def pages_of(edition: Path) -> dict[str, Page]:
    """Every page of the edition, read, by its path in the edition."""
    return {
        p.relative_to(edition).as_posix(): Page(p.read_text(encoding="utf-8"))
        for p in sorted(edition.rglob("*.html"))
    }


def broken_links(edition: Path, pages: dict[str, Page]) -> list[str]:
    """Every link or asset of a page that leads nowhere inside the edition."""
    broken = []
    for name, page in pages.items():
        targets = [href for href, _ in page.links] + page.sources
        for target in targets:
            parts = urlsplit(target)
            if parts.scheme in ("http", "https"):
                continue
            path = (edition / name).parent / unquote(parts.path) if parts.path else edition / name
            try:
                inside = path.resolve().relative_to(edition.resolve()).as_posix()
            except ValueError:
                broken.append(f"{name}: {target} leads out of the edition")
                continue
            if not path.is_file():
                broken.append(f"{name}: {target} does not exist")
            elif parts.fragment and parts.fragment not in pages[inside].ids:
                broken.append(f"{name}: {target} names no element of {inside}")
    return broken


def accessibility_problems(name: str, page: Page) -> list[str]:
    """What a page lacks that assistive technology relies on."""
    problems = []
    if page.lang != "nl":
        problems.append(f"{name}: the language is {page.lang!r}, not 'nl'")
    if page.landmarks.count("main") != 1 or "nav" not in page.landmarks:
        problems.append(f"{name}: landmarks {page.landmarks}")
    if "header" not in page.landmarks:
        problems.append(f"{name}: no header")
    levels = [0, *page.headings]
    skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    if skipped:
        problems.append(f"{name}: heading levels skipped: {skipped}")
    for part, scope in page.header_cells:
        if scope not in (("col",) if part == "thead" else ("row", "rowgroup")):
            problems.append(f"{name}: a header cell in {part or 'a table'} has scope {scope!r}")
    if any(not alt for alt in page.images):
        problems.append(f"{name}: an image without its text")
    vague = [text for _, text in page.links if text.lower() in VAGUE or not text]
    if vague:
        problems.append(f"{name}: link texts that do not say where they go: {vague}")
    if page.scripts:
        problems.append(f"{name}: {page.scripts} scripts")
    return problems


@pytest.fixture(scope="module")
def edition(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``build --html`` on a copy of the shared build: the edition it wrote."""
    out = tmp_path_factory.mktemp("edition") / "out"
    shutil.copytree(built, out)
    done = cli("build", "--html", "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-2] == "0 rebuilt, 22 up to date, 0 failed"
    assert re.fullmatch(
        rf"html edition in {re.escape(str(out))}/html: \d+ written, 0 unchanged", lines[-1]
    )
    return out / EDITION_DIR


def test_the_edition_has_a_page_and_the_pdf_of_every_output(edition: Path, built: Path) -> None:
    pages = planned_pages(Path(__file__).resolve().parents[1] / "content")
    assert {p.relative_to(edition).as_posix() for p in edition.rglob("*.html")} == {
        "index.html",
        *pages,
    }
    for page in pages:
        pdf = page.removesuffix(".html") + ".pdf"
        assert (edition / pdf).read_bytes() == (built / pdf).read_bytes()
    assert (edition / "style" / "screen.css").is_file()
    assert (edition / "style" / "assets" / "fonts" / "OFL.txt").is_file()


def test_every_link_and_asset_of_the_edition_resolves(edition: Path) -> None:
    pages = pages_of(edition)
    assert broken_links(edition, pages) == []
    letter = pages[f"letters/{LETTER}.html"]
    assert (f"{LETTER}.pdf", "Dit document als PDF") in letter.links
    briefing = pages["briefings/ao-imvo-2018-11-14.html"]
    assert any(
        re.fullmatch(r"\.\./letters/[a-z0-9-]+\.html#s-[a-z0-9-]+", h) for h, _ in briefing.links
    )


def test_every_page_of_the_edition_is_accessible(edition: Path) -> None:
    problems = [
        p for name, page in pages_of(edition).items() for p in accessibility_problems(name, page)
    ]
    assert problems == []


def test_writing_the_edition_again_changes_nothing(edition: Path) -> None:
    out = edition.parent
    done = cli("build", "--html", "--out", out)
    assert done.returncode == 0
    assert re.fullmatch(
        r"html edition in .*: 0 written, \d+ unchanged", done.stdout.splitlines()[-1]
    )


GONE = "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"


def test_a_letter_that_is_gone_loses_its_page(out: Path, content_copy: Path) -> None:
    assert cli("build", "--html", "--content", content_copy, "--out", out).returncode == 0
    (content_copy / f"{GONE}.yaml").unlink()
    (content_copy / "kamer.yaml").unlink()  # it names the letter
    done = cli("build", "--html", "--content", content_copy, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    edition = out / EDITION_DIR
    assert not (edition / f"{GONE}.html").exists() and not (edition / f"{GONE}.pdf").exists()
    assert (edition / f"letters/{LETTER}.html").is_file()
    assert ", 2 removed" in done.stdout.splitlines()[-1]


def test_the_edition_removes_only_what_it_wrote(out: Path, content_copy: Path) -> None:
    """Not a file someone put beside its pages, nor one of its own files someone changed
    since it wrote it."""
    assert cli("build", "--html", "--content", content_copy, "--out", out).returncode == 0
    edition = out / EDITION_DIR
    (edition / "over.html").write_text("<p>Over deze site</p>\n", encoding="utf-8")
    page = edition / f"{GONE}.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- mine -->\n", encoding="utf-8")
    (content_copy / f"{GONE}.yaml").unlink()
    (content_copy / "kamer.yaml").unlink()
    done = cli("build", "--html", "--content", content_copy, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", 1 removed" in done.stdout.splitlines()[-1]  # the PDF
    assert not (edition / f"{GONE}.pdf").exists()
    assert page.read_text(encoding="utf-8").endswith("<!-- mine -->\n")
    assert (edition / "over.html").read_text(encoding="utf-8") == "<p>Over deze site</p>\n"


def test_the_edition_is_not_written_while_the_content_has_errors(
    out: Path, content_copy: Path
) -> None:
    letter = content_copy / "letters" / f"{LETTER}.yaml"
    letter.write_text(letter.read_text(encoding="utf-8").replace("date: 2018-11-13", "date: 13-11"))
    done = cli("build", "--html", "--content", content_copy, "--out", out)
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == (
        f"html edition in {out}/html not written: the content has errors"
    )
    assert not (out / EDITION_DIR).exists()


def real_letters() -> list[Path]:
    """The real letters of other ministries, in ``../shared``."""
    folder = SHARED / "real-letters"
    assert folder.is_dir(), (
        f"the real letters are missing: {folder} (the folder beside the project)"
    )
    return sorted(folder.glob("*.txt"))


def import_real_letters(content: Path) -> list[Path]:
    """Import the five real letters into ``content``; the drafts of the four letters among
    them (one is there twice, as two sites publish it: the second is refused)."""
    letters = real_letters()
    assert len(letters) == 5
    before = set((content / "letters").glob("*.yaml"))
    done = cli("import", *letters, "--content", content)
    assert done.returncode == 1, done.stderr
    refused = [line for line in done.stderr.splitlines() if line.startswith("briefing: error:")]
    assert len(refused) == 1 and "Kamerstuk 35 537, nr. 3 is in the content already" in refused[0]
    imported = sorted(set((content / "letters").glob("*.yaml")) - before)
    assert len(imported) == 4
    return imported


def test_the_real_letters_are_pages_with_all_their_text(content_copy: Path, tmp_path: Path) -> None:
    imported = import_real_letters(content_copy)
    report = write_edition(content_copy, tmp_path / "out")
    assert report.problems == []
    edition = tmp_path / "out" / EDITION_DIR
    pages = pages_of(edition)
    sources = {s.path: s.letter for s in load_corpus(content_copy).letters}
    for path in imported:
        name = f"letters/{path.stem}.html"
        assert accessibility_problems(name, pages[name]) == []
        assert "Dit document als PDF" not in [text for _, text in pages[name].links]  # no PDF
        shown = html.unescape(re.sub(r"<[^>]+>", " ", (edition / name).read_text()))
        shown = " ".join(shown.split())
        texts = [text for _, text in letter_texts(sources[path])]
        assert texts
        for text in texts:
            plain = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text.split("[^")[0]).replace("*", "")
            assert " ".join(plain.split())[:60] in shown, (name, text)
    assert broken_links(edition, pages) == []
