"""Shared fixtures: the bundled content built once, the command line, and PDFs read back."""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import json
import os
import queue
import re
import selectors
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

import pdfplumber
import pypdf
import pytest
from filelock import FileLock
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pypdf.generic import Destination

from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.index import Index
from briefing.plan import plan
from briefing.render import render
from briefing.settings import load_settings
from tests.source_letters import read_letter

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The real material beside the project: real letters, 400 motions in the official XML and 60
#: of them as PDF text, the Kamer's records.
SHARED = ROOT.parent / "shared"
MOTIONS_XML = SHARED / "kamer-open-data" / "motions-xml"
MOTIONS_TEXT = SHARED / "kamer-open-data" / "motions-text"
REAL_LETTERS = SHARED / "real-letters"
LETTER_IDS = [p.stem for p in sorted((CONTENT / "letters").glob("*.yaml"))]

#: Body text is 9 pt; the reference column, footnotes and footnote calls are smaller.
BODY_MIN_SIZE = 8.5
#: Right edge of the body column (the reference column starts further right), in points.
BODY_RIGHT = 430
#: A guard against a hung child process; no test asserts on time.
PATIENCE = 300


def cli(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    here: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user does, in a new process; its status is the caller's to
    check. ``env`` is added to this process's environment.

    With ``here``, the command runs in this process instead (through
    :func:`briefing.cli.main`), so that a test can monkeypatch the library under it; a usage
    error's exit status is returned as any other.
    """
    argv = list(map(str, args))
    if not here:
        return subprocess.run(
            [sys.executable, "-m", "briefing", *argv],
            capture_output=True,
            text=True,
            cwd=cwd or ROOT,
            env={**os.environ, **(env or {})},
            timeout=PATIENCE,
            check=False,
        )
    assert cwd is None and env is None, "a command run here has the test's folder and env"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:  # argparse's usage errors, --version
            status = exit_.code if isinstance(exit_.code, int) else 1
    return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())


def piped(stdin: bytes | None, *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """The command line in a new process with ``stdin`` piped into it (None: standard input
    closed, as the shell's ``<&-`` does)."""
    command = [sys.executable, "-m", "briefing", *map(str, args)]
    if stdin is None:
        command = ["sh", "-c", 'exec "$@" <&-', "sh", *command]
    return subprocess.run(
        command, input=stdin, capture_output=True, cwd=ROOT, timeout=PATIENCE, check=False
    )


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Start a command that Ctrl-C (SIGINT) stops, as in a terminal, also when this test run
    ignores SIGINT, as a run started in the background of a script does: a process inherits
    an ignored signal, and Python then leaves it ignored, but not a handled one."""
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)


class Started:
    """A command running in a new process and its own session, like a command in a terminal;
    its lines are read as they come (:meth:`line`), each wait bounded by :data:`PATIENCE`.

    Its rendering processes are in its session, so :meth:`left_running` finds every process
    of the command that is still there, whoever its parent now is.
    """

    def __init__(
        self, *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> None:
        with _interruptible():
            self.process = subprocess.Popen(
                [sys.executable, "-m", "briefing", *map(str, args)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=cwd or ROOT,
                env={**os.environ, **(env or {})},
                start_new_session=True,
            )
        self.pid = self.process.pid
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._lines: queue.Queue[tuple[str, str | None]] = queue.Queue()
        self._open = 2
        for name, stream in (("stdout", self.process.stdout), ("stderr", self.process.stderr)):
            threading.Thread(target=self._read, args=(name, stream), daemon=True).start()

    def _read(self, name: str, stream: io.TextIOBase) -> None:
        for line in stream:
            self._lines.put((name, line.rstrip("\n")))
        self._lines.put((name, None))

    def line(self, wanted: Callable[[str, str], bool] = lambda stream, line: True) -> str:
        """The next line that ``wanted(stream, line)`` accepts (stream: ``stdout``/``stderr``);
        the lines before it are kept as well. Fails when the command ends without one."""
        while True:
            try:
                name, line = self._lines.get(timeout=PATIENCE)
            except queue.Empty:
                raise AssertionError(f"no line within {PATIENCE} s:\n{self.output()}") from None
            if line is None:
                self._open -= 1
                if self._open == 0:
                    raise AssertionError(f"the command ended without the line:\n{self.output()}")
                continue
            getattr(self, name).append(line)
            if wanted(name, line):
                return line

    def send(self, signum: int, group: bool = False) -> None:
        """Send ``signum`` to the command, or with ``group`` to its whole process group, as a
        terminal's Ctrl-C does. Nothing happens when it has ended already."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                if group:
                    os.killpg(self.pid, signum)
                else:
                    self.process.send_signal(signum)

    def wait(self) -> int:
        """Wait for the command to end and for all it printed; its exit status (negative: the
        signal that ended it)."""
        status = self.process.wait(timeout=PATIENCE)
        while self._open:
            name, line = self._lines.get(timeout=PATIENCE)
            if line is None:
                self._open -= 1
            else:
                getattr(self, name).append(line)
        return status

    def output(self) -> str:
        return "\n".join(["stdout:", *self.stdout, "stderr:", *self.stderr])

    def left_running(self) -> list[int]:
        """The processes of the command's session that are still running (not zombies)."""
        return session_processes(self.pid)

    def stop(self) -> None:
        """Make sure nothing of the command is left: kill its session's processes."""
        for pid in [self.pid, *self.left_running()]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=PATIENCE)


def session_processes(session: int) -> list[int]:
    """The live processes in the session ``session`` (from /proc; Linux only)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended while we looked
            continue
        fields = text[text.rindex(")") + 2 :].split()
        # After the command: state, ppid, pgrp, session, ...
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@contextlib.contextmanager
def started(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Iterator[Started]:
    """Start the command line in a new process; however the test ends, nothing of it is left
    running."""
    command = Started(*args, cwd=cwd, env=env)
    try:
        yield command
    finally:
        command.stop()


def read_line(stream: IO[str] | None) -> str:
    """The next line a child process prints, waiting at most :data:`PATIENCE` for it."""
    assert stream is not None
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        assert selector.select(PATIENCE), "the process printed nothing"
    return stream.readline().strip()


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


def _build_bundled(root: Path) -> FreshBuild:
    """Build the bundled content with the console command in the empty folder ``root``."""
    (root / "tmp").mkdir()
    before = tree(root)
    done = cli(
        "build", "--content", CONTENT, "--out", "out", cwd=root, env={"TMPDIR": str(root / "tmp")}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return FreshBuild(root, root / "out", sorted(tree(root) - before), done)


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> FreshBuild:
    """The one build of the bundled content that every test which only reads it shares.

    With pytest-xdist, the first worker to ask builds it in the run's own temporary folder
    and the others read what it left there; nobody writes into it afterwards.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _build_bundled(tmp_path_factory.mktemp("fresh-build"))
    shared = tmp_path_factory.getbasetemp().parent  # this run's, common to its workers
    root, done_file = shared / "fresh-build", shared / "fresh-build.json"
    with FileLock(shared / "fresh-build.lock"):
        if not done_file.exists():
            root.mkdir()
            made = _build_bundled(root)
            run = {"args": made.run.args, "stdout": made.run.stdout, "stderr": made.run.stderr}
            done_file.write_text(json.dumps({"created": made.created, "run": run}))
        made_by = json.loads(done_file.read_text())
    run = made_by["run"]
    done = subprocess.CompletedProcess(run["args"], 0, run["stdout"], run["stderr"])
    return FreshBuild(root, root / "out", made_by["created"], done)


def pdfs(out: Path) -> dict[str, bytes]:
    """Every PDF under ``out`` by its path relative to it."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


@pytest.fixture(scope="session")
def clean(fresh_build: FreshBuild) -> dict[str, bytes]:
    """The PDFs of a clean build of the bundled content, by path."""
    return pdfs(fresh_build.out)


@pytest.fixture(scope="session")
def built(fresh_build: FreshBuild, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of the shared build (this process's own copy, with its record);
    tests that change outputs work on a copy of it (:func:`out`)."""
    target = tmp_path_factory.mktemp("built") / "out"
    shutil.copytree(fresh_build.out, target)
    return target


@pytest.fixture
def out(fresh_build: FreshBuild, tmp_path: Path) -> Path:
    """A writable copy of the shared build, with its record (and nothing a test added to
    :func:`built`)."""
    target = tmp_path / "out"
    shutil.copytree(fresh_build.out, target)
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


Read = TypeVar("Read")


def once_per_file(read: Callable[[Path], Read]) -> Callable[[Path], Read]:
    """``read``, reading each file only once per process while it is unchanged (reading a
    PDF's text back takes a second or more, and many tests read the same shared PDFs); each
    caller gets its own copy of what was read."""

    @functools.lru_cache(maxsize=256)
    def cached(path: str, size: int, mtime: int) -> Read:
        return read(Path(path))

    @functools.wraps(read)
    def reader(path: Path) -> Read:
        stat = path.stat()
        return copy.deepcopy(cached(str(path.resolve()), stat.st_size, stat.st_mtime_ns))

    return reader


@functools.lru_cache(maxsize=64)
def _opened(path: str, size: int, mtime: int) -> PDF:
    return pdfplumber.open(path)


def pdf_pages(pdf: Path) -> list[Page]:
    """The pages of a PDF, opened once per process while it is unchanged: pdfplumber reads a
    page's characters once, so its text, its tables and its small print together cost
    little more than one of them."""
    stat = pdf.stat()
    return _opened(str(pdf.resolve()), stat.st_size, stat.st_mtime_ns).pages


@once_per_file
def page_texts(pdf_path: Path) -> list[PageText]:
    """Per page: body text (9 pt and larger, left column), small text, and all text."""
    pages = []
    for page in pdf_pages(pdf_path):
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


@once_per_file
def text_of(pdf: Path) -> str:
    """All text of a PDF, white space collapsed and line-break hyphenation joined."""
    return normalise("\n".join(page.extract_text() or "" for page in pdf_pages(pdf)))


@once_per_file
def tables(pdf: Path) -> dict[str, list[list[str]]]:
    """Every ruled table, by the text of its header row; rows of all pages, header once."""
    found: dict[str, list[list[str]]] = {}
    for page in pdf_pages(pdf):
        for table in page.extract_tables():
            header, *rows = [[normalise(cell or "") for cell in row] for row in table]
            found.setdefault(" | ".join(header), []).extend(rows)
    return found


def destination_page(reader: pypdf.PdfReader, destination: Destination) -> int:
    """The page, counted from 1, that a named destination of ``reader`` points at."""
    index = reader.get_destination_page_number(destination)
    assert index is not None, f"destination {destination.title} points at no page"
    return index + 1


def html_of(content: Path, path: str, pages: dict[str, dict[str, int]] | None = None) -> str:
    """The HTML of the planned output at ``path`` (e.g. ``letters/<id>.pdf``) of ``content``."""
    index = Index(load_corpus(content))
    output = next(o for o in plan(index).outputs if o.path == path)
    return render(output, index, load_settings(content), pages or {})[0]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared real material; a clear failure when it is not beside the project."""
    if not (MOTIONS_XML.is_dir() and REAL_LETTERS.is_dir()):
        pytest.fail(f"the real material is missing: expected it in {SHARED} (../shared)")
    return SHARED
