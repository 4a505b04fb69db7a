"""Shared fixtures: the bundled content built once, the command line, and PDFs read back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from briefing.corpus import load_corpus
from briefing.index import Index
from briefing.plan import plan
from briefing.render import render
from briefing.settings import load_settings
from tests.source_letters import read_letter

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LETTER_IDS = [p.stem for p in sorted((CONTENT / "letters").glob("*.yaml"))]

#: Body text is 9 pt; the reference column, footnotes and footnote calls are smaller.
BODY_MIN_SIZE = 8.5
#: Right edge of the body column (the reference column starts further right), in points.
BODY_RIGHT = 430
#: A guard against a hung child process; no test asserts on time.
PATIENCE = 300


def cli(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user does, in a new process; its status is the caller's to
    check. ``env`` is added to this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        timeout=PATIENCE,
        check=False,
    )


def tree(root: Path) -> set[str]:
    """Every file and folder under ``root``, by relative path."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@dataclass(frozen=True)
class FreshBuild:
    """The bundled content built by the console command in an empty folder ``root``, which
    was its working directory and held its temporary directory ``root/tmp``."""

    root: Path
    out: Path
    #: Every file and folder the build created anywhere under ``root``.
    created: list[str]
    run: subprocess.CompletedProcess[str]


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> FreshBuild:
    """The one build of the bundled content that every test which only reads it shares."""
    root = tmp_path_factory.mktemp("fresh-build")
    (root / "tmp").mkdir()
    before = tree(root)
    done = cli(
        "build", "--content", CONTENT, "--out", "out", cwd=root, env={"TMPDIR": str(root / "tmp")}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return FreshBuild(root, root / "out", sorted(tree(root) - before), done)


@pytest.fixture(scope="session")
def built(fresh_build: FreshBuild) -> Path:
    """The output folder of the shared build; tests that change outputs work on a copy."""
    return fresh_build.out


@pytest.fixture
def out(built: Path, tmp_path: Path) -> Path:
    """A writable copy of the shared build, with its record."""
    target = tmp_path / "out"
    shutil.copytree(built, target)
    return target


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled content."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def normalise(text: str) -> str:
    """Join line-break hyphenation and collapse white space."""
    text = re.sub(r"(?<=\S)-[ \t]*\n\s*", "-", text)
    return " ".join(text.split())


@dataclass
class PageText:
    """The text of one PDF page, split by what it is."""

    body: str
    small: str
    full: str


def page_texts(pdf_path: Path) -> list[PageText]:
    """Per page: body text (9 pt and larger, left column), small text, and all text."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            body = page.filter(
                lambda o: (
                    o.get("object_type") != "char"
                    or (o["size"] >= BODY_MIN_SIZE and o["x0"] < BODY_RIGHT)
                )
            )
            small = page.filter(
                lambda o: (
                    o.get("object_type") != "char"
                    or (o["size"] < BODY_MIN_SIZE and o["x0"] < BODY_RIGHT)
                )
            )
            pages.append(
                PageText(body.extract_text() or "", small.extract_text() or "", page.extract_text())
            )
    return pages


def assert_every_sentence_in(source: Path, pdf: Path) -> None:
    """Every sentence of the source letter is in the PDF's body, every footnote in its small
    print."""
    sentences, footnotes = read_letter(source)
    assert len(sentences) > 50
    assert footnotes
    pages = page_texts(pdf)
    body = normalise("\n".join(page.body for page in pages))
    small = normalise("\n".join(page.small for page in pages))
    missing = [s for s in sentences if s not in body]
    assert not missing, f"{len(missing)} of {len(sentences)} sentences missing: {missing[:3]}"
    missing = [f for f in footnotes if f not in small]
    assert not missing, f"footnotes missing: {missing}"


def text_of(pdf: Path) -> str:
    """All text of a PDF, white space collapsed and line-break hyphenation joined."""
    with pdfplumber.open(pdf) as document:
        return normalise("\n".join(page.extract_text() or "" for page in document.pages))


def tables(pdf: Path) -> dict[str, list[list[str]]]:
    """Every ruled table, by the text of its header row; rows of all pages, header once."""
    found: dict[str, list[list[str]]] = {}
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            for table in page.extract_tables():
                header, *rows = [[normalise(cell or "") for cell in row] for row in table]
                found.setdefault(" | ".join(header), []).extend(rows)
    return found


def html_of(content: Path, path: str, pages: dict[str, dict[str, int]] | None = None) -> str:
    """The HTML of the planned output at ``path`` (e.g. ``letters/<id>.pdf``) of ``content``."""
    index = Index(load_corpus(content))
    output = next(o for o in plan(index).outputs if o.path == path)
    return render(output, index, load_settings(content), pages or {})[0]
