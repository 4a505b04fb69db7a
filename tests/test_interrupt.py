"""Stopping a command at any moment loses nothing, and the next build finishes the work.

Builds (``--jobs 1`` and ``--jobs 2``), ``watch`` during a rebuild and ``prepare`` are stopped
with SIGINT, sent to the whole process group as a terminal's Ctrl-C is, and with SIGTERM, sent
to the command alone as ``kill`` does, at moments drawn at random with a fixed seed: a random
number of documents into the work, then a random fraction of a second more. Several stops are
chained on one output folder before the next build is let finish. After each stop:

- every PDF is the previous one or a complete new one, byte for byte, and nothing half
  written (``.part``) or temporary is left in the output folder;
- no process of the command is left running (every process of its session is looked for);
- nothing is left in the temporary folder the command was given (no ``weasyprint-*``, no
  ``briefing-*``);
- it exits 130 (SIGINT) or 143 (SIGTERM) and prints one line, without a traceback;

and the next plain ``briefing build`` ends ``0 failed`` with every PDF byte-identical to a
clean build. A build killed with SIGKILL cannot clean up, yet it too leaves only complete PDFs
and the next build finishes its work.

Moments are counted from when the command is running (its own signal handlers are in place),
not from when Python starts. ``BRIEFING_TEST_SEED`` draws other moments and
``BRIEFING_TEST_STOPS`` stops the build that many times (default 4), for a longer run.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from briefing.errors import Terminated
from briefing.load_cache import CACHE_DIR
from briefing.lock import LOCK_FILE
from briefing.record import RECORD_FILE
from briefing.workers import Context, Done, Job, make
from tests.conftest import (
    CONTENT,
    PATIENCE,
    ROOT,
    Started,
    cli,
    pdfs,
    session_processes,
    started,
)

SEED = os.environ.get("BRIEFING_TEST_SEED", "2026")
STOPS = int(os.environ.get("BRIEFING_TEST_STOPS", "4"))
#: How a stop is acknowledged: the one line, and the exit status (a process that ends on an
#: unhandled SIGINT, as CPython's does once a KeyboardInterrupt went through an ``exec``,
#: even a caught one, is reported by a shell as 130 all the same).
STATUS: dict[int, set[int]] = {
    signal.SIGINT: {130, -signal.SIGINT},
    signal.SIGTERM: {128 + signal.SIGTERM},
}
#: A build's line. A stop before the build got to work (while the command started) says
#: only ``interrupted``: nothing was done yet.
BUILD_STOPPED = re.compile(
    r"briefing: interrupted(?:: nothing was changed"
    r"| before any document was made; the next build makes them"
    r"|: (?P<done>\d+) of (?P<total>\d+) documents are up to date; the next build makes the "
    r"other (?P<left>\d+))?"
)
#: A stop that came after the briefing was in place (while the command tidied up) says so.
PREPARE_STOPPED = re.compile(
    r"briefing: interrupted"
    r"(?:: no briefing was written|: the briefing was already written to (?P<written>.+))?"
)
CLOSING = re.compile(r"(?P<rebuilt>\d+) rebuilt, (?P<up_to_date>\d+) up to date, 0 failed")
LETTER_2018 = "letters/2018-11-13-voortgang-imvo-beleid.pdf"
#: A sentence of the 2018 letter, quoted by these sector summaries as well.
SENTENCE = "Tenslotte wordt ingegaan"
QUOTING = {
    LETTER_2018,
    "sectors/cacao.pdf",
    "sectors/kinderarbeid.pdf",
    "sectors/kolen-colombia.pdf",
    "sectors/leefbaar-loon.pdf",
}


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """The temporary folder the commands are given (TMPDIR)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def edit_sentence(content: Path, undo: bool = False) -> None:
    """Change a sentence of the 2018 letter that five PDFs print (or change it back)."""
    letter = content / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    old, new = SENTENCE, SENTENCE.replace("Tenslotte", "Ten slotte")
    if undo:
        old, new = new, old
    text = letter.read_text(encoding="utf-8")
    assert old in text
    letter.write_text(text.replace(old, new), encoding="utf-8")


def running(command: Started) -> None:
    """Wait until the command has its own handlers for SIGINT and SIGTERM in place."""
    status = Path(f"/proc/{command.pid}/status")
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        caught = re.search(r"^SigCgt:\s*([0-9a-f]+)$", status.read_text(), re.M)
        if caught and int(caught[1], 16) >> (signal.SIGTERM - 1) & 1:
            return
        assert command.process.poll() is None, command.output()
        time.sleep(0.002)
    raise AssertionError("the command never got to its work")


def rebuilt(stream: str, line: str) -> bool:
    return stream == "stderr" and line.startswith("rebuilt ")


def stop(command: Started, signum: int, rng: random.Random, documents: int) -> None:
    """Send ``signum`` once ``documents`` documents are made, plus a random fraction of a
    second (at most two seconds, the time to the first document, when it is none)."""
    for _ in range(documents):
        command.line(rebuilt)
    time.sleep(rng.uniform(0, 0.5 if documents else 2.0))
    command.send(signum, group=signum == signal.SIGINT)


def assert_stopped(
    command: Started,
    status: int,
    signum: int,
    line: re.Pattern[str],
    scratch: Path,
    out: Path,
    finished: bool = False,
) -> re.Match[str] | None:
    """The command acknowledged ``signum`` as promised, or had ``finished`` its work when the
    signal came; either way it left nothing behind. The line it said, or None if finished.

    A command that had finished may end 0, be ended by the signal while the interpreter
    exits (its handlers gone), or be stopped between its last line and its exit.
    """
    output = command.output()
    assert "Traceback" not in output
    said = [x for x in command.stderr if not x.startswith(("rebuilt ", "failed "))]
    said = [x for x in said if not x.endswith(" building") and not x.startswith("watching ")]
    said = [x for x in said if ": warning: " not in x]
    if finished:
        assert status in {0, -signum, *STATUS[signum]}, output
        said = [x for x in said if x != "stopped watching"]  # watch, between builds
        assert said in ([], ["briefing: interrupted"]), output
        match = None
    else:
        assert status in STATUS[signum], output
        assert len(said) == 1, output
        match = line.fullmatch(said[0])
        assert match, output
    assert command.left_running() == [], "processes of the command are still running"
    assert sorted(os.listdir(scratch)) == [], "temporary files were left behind"
    leftovers = [
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file()
        and p.suffix != ".pdf"
        and p.name not in (RECORD_FILE, LOCK_FILE)
        and not (p.parent.name == CACHE_DIR and p.name.endswith(".json"))  # entries, whole
    ]
    assert leftovers == [], output
    return match


def finish(out: Path, scratch: Path, clean: dict[str, bytes], content: Path = CONTENT) -> str:
    """Run a plain build to the end: it must make everything a clean build makes."""
    done = cli("build", "--content", content, "--out", out, env={"TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stdout + done.stderr
    closing = done.stdout.splitlines()[-1]
    assert CLOSING.fullmatch(closing), done.stdout
    assert pdfs(out) == clean
    return closing


# --------------------------------------------------------------------------------- build


def test_a_build_stopped_at_random_moments_is_finished_by_the_next(
    clean: dict[str, bytes], tmp_path: Path, scratch: Path
) -> None:
    """From an empty folder, stopped again and again, each time further on, with each signal
    and one or two rendering processes; then finished."""
    rng = random.Random(f"{SEED}:build")
    out = tmp_path / "out"
    said: re.Match[str] | None = None
    ways = [(signal.SIGINT, 2), (signal.SIGTERM, 1), (signal.SIGINT, 1), (signal.SIGTERM, 2)]
    for number in range(STOPS):
        signum, jobs = ways[number % len(ways)]
        left = len(clean) - len(pdfs(out))
        # Spread the stops over the work left: letters first, then the reports.
        documents = rng.randrange(max(1, left // (STOPS - number)))
        args = ("build", "--content", CONTENT, "--out", out, "--jobs", str(jobs))
        with started(*args, env={"TMPDIR": str(scratch)}) as build:
            running(build)
            stop(build, signum, rng, documents)
            status, finished = build.wait(), bool(build.stdout)  # its closing line
            said = assert_stopped(build, status, signum, BUILD_STOPPED, scratch, out, finished)
        for name, data in pdfs(out).items():
            assert data == clean[name], f"{name} is not the complete PDF"
        if said is None:  # it was done before the signal came
            break

    closing = CLOSING.fullmatch(finish(out, scratch, clean))
    assert closing
    rebuilt, up_to_date = int(closing["rebuilt"]), int(closing["up_to_date"])
    assert rebuilt + up_to_date == len(clean)
    if said is not None and said["left"]:  # what the last stop said was left, at most
        assert int(said["total"]) == len(clean)
        assert rebuilt <= int(said["left"]) and up_to_date >= int(said["done"])


#: Code run before a build, in its process, that stops it (SIGINT, as Ctrl-C sends it to the
#: process, where any of its threads may take it) at a chosen moment: once the first
#: rendering process is started, before the second; or as the build ends its rendering
#: processes, their work done.
STOP_AT = {
    "starting": """
import multiprocessing.process, os, signal
start = multiprocessing.process.BaseProcess.start
def started(self):
    start(self)
    multiprocessing.process.BaseProcess.start = start
    os.kill(os.getpid(), signal.SIGINT)
multiprocessing.process.BaseProcess.start = started
""",
    "ending": """
import os, signal, briefing.workers as workers
stop = workers._stop
def stopped(processes, finished):
    workers._stop = stop
    os.kill(os.getpid(), signal.SIGINT)
    stop(processes, finished)
workers._stop = stopped
""",
}


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (
            "starting",
            "briefing: interrupted: 0 of 22 documents are up to date; the next build "
            "makes the other 22",
        ),
        (
            "ending",
            "briefing: interrupted: 2 of 22 documents are up to date; the next build "
            "makes the other 20",
        ),
    ],
    ids=["starting", "ending"],
)
def test_a_build_stopped_as_it_starts_or_ends_rendering_processes_ends_them_all(
    moment: str, said: str, tmp_path: Path, scratch: Path
) -> None:
    """Stopped between the start of one rendering process and the next, or while they are
    ended after their work: every process is ended and their temporary folder removed."""
    out = tmp_path / "out"
    argv = ["briefing", "build", "--content", str(CONTENT), "--out", str(out), "--jobs", "2"]
    code = (
        f"{STOP_AT[moment]}\nimport sys\nsys.argv = {argv!r}\nfrom briefing.cli import run\nrun()"
    )
    build = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(scratch)},
        start_new_session=True,
    )
    stdout, stderr = build.communicate(timeout=PATIENCE)
    assert (build.returncode, stdout) == (130, ""), stderr
    assert stderr.splitlines()[-1] == said, stderr
    assert "Traceback" not in stderr
    assert session_processes(build.pid) == [], "rendering processes outlived the build"
    assert os.listdir(scratch) == []
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]


def test_a_killed_build_leaves_only_complete_pdfs_and_the_next_build_finishes(
    out: Path, content_copy: Path, scratch: Path
) -> None:
    """SIGKILL, which no process can handle: at a random moment while the letter is made, then
    while the summaries that quote it are made by two rendering processes, which end with
    the build."""
    rng = random.Random(f"{SEED}:kill")
    edit_sentence(content_copy)
    before = pdfs(out)
    stopped = []
    for documents, jobs in ((0, 1), (1, 2)):
        args = ("build", "--content", content_copy, "--out", out, "--jobs", str(jobs))
        with started(*args, env={"TMPDIR": str(scratch)}) as build:
            running(build)
            for _ in range(documents):
                build.line(rebuilt)
            time.sleep(rng.uniform(0, 0.3 if documents else 2.0))
            build.send(signal.SIGKILL)
            status = build.wait()  # unless it was done before the signal came
            assert status == -signal.SIGKILL or (status == 0 and build.stdout), build.output()
            deadline = time.monotonic() + PATIENCE
            while build.left_running() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert build.left_running() == [], "rendering processes outlived the build"
        stopped.append(pdfs(out))
    shutil.rmtree(scratch)  # what the killed processes could not remove
    scratch.mkdir()

    done = cli("build", "--content", content_copy, "--out", out, env={"TMPDIR": str(scratch)})
    assert done.returncode == 0 and done.stdout.endswith(", 0 failed\n"), done.stdout
    after = pdfs(out)
    assert {name for name, data in after.items() if before[name] != data} == QUOTING
    for interrupted in stopped:
        assert set(interrupted) == set(before) == set(after)
        for name, data in interrupted.items():
            assert data in (before[name], after[name]), f"{name} is neither old nor new"
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    assert os.listdir(scratch) == []


# --------------------------------------------------------------------------------- watch


def test_watch_stopped_during_a_rebuild_loses_nothing(
    out: Path, content_copy: Path, scratch: Path, clean: dict[str, bytes]
) -> None:
    """A save makes watch rebuild, and the rebuild is stopped at a random moment; the next
    watch first finishes that work, then the save that undoes it is stopped the same way."""
    rng = random.Random(f"{SEED}:watch")
    edited: dict[str, bytes] = {}  # the PDFs of the edited content
    stopped = []
    for number, (signum, jobs) in enumerate(((signal.SIGINT, 2), (signal.SIGTERM, 1))):
        args = ("watch", "--content", content_copy, "--out", out, "--jobs", str(jobs))
        with started(*args, env={"TMPDIR": str(scratch)}) as watch:
            first = watch.line(lambda stream, line: stream == "stdout")
            assert CLOSING.fullmatch(first), watch.output()
            if number == 0:
                assert first == f"0 rebuilt, {len(clean)} up to date, 0 failed"
            else:
                edited = pdfs(out)
                assert {name for name in clean if edited[name] != clean[name]} == QUOTING
            # The watcher looked at the files before that build: a save is seen from now on.
            edit_sentence(content_copy, undo=number == 1)
            watch.line(lambda stream, line: stream == "stderr" and line.endswith(" building"))
            stop(watch, signum, rng, rng.randrange(len(QUOTING) - 1))
            status = watch.wait()
            # When the rebuild was over, between builds, watching just stops.
            between = "stopped watching" in watch.stderr
            assert_stopped(watch, status, signum, BUILD_STOPPED, scratch, out, between)
        stopped.append(pdfs(out))
    finish(out, scratch, clean, content_copy)
    for interrupted in stopped:
        for name, data in interrupted.items():
            assert data in (clean[name], edited[name]), f"{name} is neither old nor new"


# ------------------------------------------------------------------------------- prepare


def test_a_stop_while_weasyprint_is_imported_waits_until_the_import_is_done(
    tmp_path: Path,
) -> None:
    """Importing WeasyPrint runs the C compiler on a temporary file; a stop in the middle must
    not leave it: the stop waits for the end of the import, then acts as it would have."""
    marker = tmp_path / "steps"
    code = (
        "import sys, time; from pathlib import Path; from briefing.errors import stops_deferred\n"
        "marker = Path(sys.argv[1])\n"
        "with stops_deferred():\n"
        "    marker.write_text('begun'); time.sleep(1); marker.write_text('begun, done')\n"
        "marker.write_text('went on after the stop')\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(marker)])
    deadline = time.monotonic() + PATIENCE
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    child.send_signal(signal.SIGTERM)
    assert child.wait(PATIENCE) == -signal.SIGTERM
    assert marker.read_text() == "begun, done"


def test_stopped_as_it_exits_a_command_stays_quiet_and_cleans_up(
    tmp_path: Path, scratch: Path
) -> None:
    """Ctrl-C right after the command said what it wrote, while Python exits and WeasyPrint
    removes its temporary fonts: no traceback, no temporary file left, the briefing whole."""
    args = ("prepare", "--content", CONTENT, "--date", "2022-04-30", "--out")
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        with started(*args, folder, env={"TMPDIR": str(scratch)}) as prepare:
            wrote = prepare.line(lambda stream, line: stream == "stdout")
            time.sleep(attempt / 100)
            prepare.send(signal.SIGINT, group=True)
            status = prepare.wait()
            assert_stopped(prepare, status, signal.SIGINT, PREPARE_STOPPED, scratch, folder, True)
        assert wrote.startswith("wrote ")
        assert len(pypdf.PdfReader(folder / "briefings/stand-van-zaken-2022-04-30.pdf").pages) > 1


@pytest.mark.parametrize(
    ("written", "stop", "status"),
    [(False, KeyboardInterrupt, 130), (True, KeyboardInterrupt, 130), (True, Terminated, 143)],
    ids=["before-the-write", "after-the-write", "terminated-after-the-write"],
)
def test_prepare_stopped_says_whether_the_briefing_was_written(
    written: bool,
    stop: type[KeyboardInterrupt],
    status: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stop that comes once the briefing is in place (while the memory is tidied up, the
    lock let go of) does not say that no briefing was written: it says where it is."""
    args = ("prepare", "--content", CONTENT, "--date", "2022-04-30", "--out")
    whole = cli(*args, tmp_path / "whole")
    assert whole.returncode == 0, whole.stderr
    name = "briefings/stand-van-zaken-2022-04-30.pdf"

    def stopped(job: Job, context: Context) -> Done:
        if written:
            make(job, context)
        raise stop()

    monkeypatch.setattr("briefing.prepare.make", stopped)
    folder = tmp_path / "stopped"
    done = cli(*args, folder, here=True)
    said = "no briefing was written"
    if written:
        said = f"the briefing was already written to {folder / name}"
    assert (done.returncode, done.stdout) == (status, "")
    assert done.stderr == f"briefing: interrupted: {said}\n"
    if written:
        assert (folder / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    else:
        assert not (folder / name).exists()
    briefings = [p.relative_to(folder).as_posix() for p in folder.rglob("briefings/*")]
    assert briefings == ([name] if written else [])  # and no half-written file beside it


def test_prepare_stopped_at_random_moments_writes_nothing_and_keeps_the_build(
    out: Path, tmp_path: Path, scratch: Path, clean: dict[str, bytes]
) -> None:
    """Stopped while it lays out the letters (no build beside it) or while it writes the
    briefing (beside a build): no briefing, not half a one, and the build stays as it was."""
    rng = random.Random(f"{SEED}:prepare")
    args = ("prepare", "--content", CONTENT, "--date", "2022-04-30", "--out")
    name = "briefings/stand-van-zaken-2022-04-30.pdf"
    alone = tmp_path / "alone"
    finished = {}
    for folder, signum in ((alone, signal.SIGINT), (out, signal.SIGTERM)):
        with started(*args, folder, env={"TMPDIR": str(scratch)}) as prepare:
            running(prepare)
            time.sleep(rng.uniform(0, 3))  # about as long as it takes
            prepare.send(signum, group=signum == signal.SIGINT)
            status, wrote = prepare.wait(), bool(prepare.stdout)  # "wrote ..."
            said = assert_stopped(prepare, status, signum, PREPARE_STOPPED, scratch, folder, wrote)
        if said and said["written"]:  # in place before the signal came, and it says so
            assert said["written"] == str(folder / name)
            wrote = True
        if wrote:  # it was done before the signal came: the briefing is whole (see below)
            finished[folder] = (folder / name).read_bytes()
            (folder / name).unlink()
        assert not (folder / name).exists()

    assert pdfs(out) == clean
    done = cli("build", "--content", CONTENT, "--out", out)
    assert done.stdout == f"0 rebuilt, {len(clean)} up to date, 0 failed\n", done.stderr
    done = cli(*args, out, env={"TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    assert all(data == (out / name).read_bytes() for data in finished.values())
