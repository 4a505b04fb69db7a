"""Wrong set-ups and faults: each is one clear line naming what is wrong, and loses nothing.

A folder without content, an ``--out`` that is a file and a folder another build holds are
errors before anything is done. A full disk or an unwritable folder while a PDF or the build
record is written (the errors are injected: the tests run as root, for whom no folder is
unwritable) names the file, keeps the previous PDF and a consistent record, and the next
build repairs it. Template and stylesheet mistakes point at the template and its line;
``--strict`` makes warnings errors. The package needs no ``fcntl``, and the build record
gets the PDFs' permissions.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import briefing
from briefing.errors import BriefingError
from briefing.lock import LOCK_FILE, locked
from briefing.record import RECORD_FILE, Record
from tests.conftest import CONTENT, PATIENCE, ROOT, cli, pdfs, started

#: What a folder without content is told, after its name.
NO_CONTENT = (
    " holds no content: a content folder holds letters/<YYYY-MM-DD-slug>.yaml (one file per "
    "letter) and the registries motions.yaml, commitments.yaml, sectors.yaml, debates.yaml; "
    "give the folder that holds them with --content"
)
CACAO, OVERVIEW = "sectors/cacao.pdf", "sectors/overzicht.pdf"
#: The bundled content's two warnings, which the build prints after its closing line.
WARNINGS = 3
REPORTS = 20


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """A folder that holds no content, only a file that is not content."""
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("not content\n", encoding="utf-8")
    return folder


def older(out: Path, *names: str) -> dict[str, bytes]:
    """Make the PDFs ``names`` in ``out`` differ from what the record says was written (as a
    PDF of an older build would), so that a build writes them again; every PDF after that."""
    for name in names:
        path = out / name
        path.write_bytes(path.read_bytes() + b"%older\n")
    return pdfs(out)


def assert_record_claims_only_what_is_there(out: Path) -> None:
    """Every PDF the record lists is on disk with the digest it recorded."""
    record = Record.read(out)
    assert record.outputs
    for name, entry in record.outputs.items():
        assert record.digest(out / name) == entry.pdf, f"the record claims {name}"


# ---------------------------------------------------------------------------- wrong set-ups


@pytest.mark.parametrize(
    "command", [["check"], ["build"], ["watch"], ["prepare", "--date", "2022-04-30"]]
)
def test_a_folder_without_content_is_an_error(
    command: list[str], empty: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args: list[str | Path] = [*command, "--content", empty]
    if command[0] != "check":
        args += ["--out", out]
    done = cli(*args)  # watch would go on forever if it did not refuse: in a process of its own
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"briefing: error: {empty}{NO_CONTENT}\n"
    assert not out.exists()


@pytest.mark.parametrize(
    "command",
    [["build"], ["watch"], ["prepare", "--date", "2022-04-30"]],
)
def test_an_out_that_is_a_file_is_an_error(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "build.pdf"
    out.write_bytes(b"%PDF-1.7 not to be touched\n")
    done = cli(*command, "--content", CONTENT, "--out", out)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"briefing: error: {out} is a file; give --out a folder, e.g. 'build'\n"
    assert out.read_bytes() == b"%PDF-1.7 not to be touched\n"


@pytest.mark.parametrize(
    ("command", "out", "where"),
    [
        (["build"], ".", "the content folder"),
        (["watch"], ".", "the content folder"),
        (["prepare", "--date", "2022-04-30"], "letters", "inside the content's letters/"),
        (["serve", "--port", "0"], "qa/pdf", "inside the content's qa/"),
    ],
)
def test_an_out_among_the_content_is_refused(
    command: list[str], out: str, where: str, content_copy: Path
) -> None:
    """Outputs in the content folder would mix PDFs with the letters, and watching would
    miss the content; refused before anything is written (an --out beside, like
    content/build, is fine: watching leaves it alone)."""
    before = sorted(p.relative_to(content_copy) for p in content_copy.rglob("*"))
    done = cli(*command, "--content", content_copy, "--out", content_copy / out)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"briefing: error: --out {content_copy / out} is {where}; the outputs go to a folder "
        "of their own, e.g. --out build\n"
    )
    assert sorted(p.relative_to(content_copy) for p in content_copy.rglob("*")) == before


@pytest.mark.parametrize("command", [["build"], ["watch"], ["prepare", "--date", "2022-04-30"]])
def test_a_folder_another_build_holds_is_refused_naming_the_holder(
    command: list[str], out: Path, clean: dict[str, bytes]
) -> None:
    older(out, CACAO)  # there is work to do
    before = pdfs(out)
    with locked(out):
        done = cli(*command, "--content", CONTENT, "--out", out)
    assert (done.returncode, done.stdout) == (3, "")
    holder = re.escape(f"is locked by process {os.getpid()} on {socket.gethostname()} since ")
    assert re.fullmatch(
        rf"briefing: error: {re.escape(str(out))} {holder}"
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d; wait for it to finish\n",
        done.stderr,
    ), done.stderr
    assert pdfs(out) == before


def test_watch_does_not_watch_its_output_folder_inside_the_content(
    content_copy: Path, built: Path
) -> None:
    """Run from the content folder with ``--out build``: a save makes one build, and what
    the build writes (PDFs, the record, the lock) makes none."""
    shutil.copytree(built, content_copy / "build")
    older(content_copy / "build", CACAO)  # the first build writes into the folder
    with started("watch", "--content", ".", "--out", "build", cwd=content_copy) as watch:
        closing = watch.line(lambda stream, line: stream == "stdout")
        assert closing == "1 rebuilt, 21 up to date, 0 failed", watch.output()
        letter = (
            content_copy
            / "letters"
            / "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
        )
        text = letter.read_text(encoding="utf-8")
        letter.write_text(text.replace("Geachte voorzitter,", "Geachte Voorzitter,"))
        closing = watch.line(lambda stream, line: stream == "stdout")
        assert closing == "1 rebuilt, 21 up to date, 0 failed", watch.output()
        watch.send(signal.SIGINT)
        assert watch.wait() == 0
    # A build of its own output would have come between and said "0 rebuilt, 22 up to date".
    assert [line for line in watch.stdout if "rebuilt" in line] == [closing, closing]
    assert watch.stderr[-1] == "stopped watching"


def test_the_watcher_takes_no_change_in_the_ignored_folder_for_a_save(
    content_copy: Path,
) -> None:
    """What a build writes into the output folder is never a change; polled a few times."""
    from briefing.watch import watch

    out = content_copy / "build"
    builds: list[int] = []
    polls = iter(range(5))

    def rebuild() -> None:
        builds.append(1)
        (out / "letters").mkdir(parents=True, exist_ok=True)
        (out / "letters" / "x.pdf").write_bytes(b"%PDF" * len(builds))
        (out / ".briefing-build.lock").write_text(str(len(builds)))

    watch(content_copy, rebuild, ignore=out, interval=0, keep_going=lambda: next(polls, -1) >= 0)
    assert builds == [1]


# ----------------------------------------------------------------------------- write faults


def _name(fd: int) -> str:
    return Path(os.readlink(f"/proc/self/fd/{fd}")).name


@contextmanager
def fault(
    monkeypatch: pytest.MonkeyPatch, where: str, code: int, out: Path
) -> Iterator[Callable[[], None]]:
    """Make writing fail with ``code``: the PDF of the cacao sector when it is made durable
    (``pdf``), any file in the sector summaries' folder (``sectors``), or the build record
    (``record``). Yields a function that undoes it."""
    real_fsync, real_mkstemp = os.fsync, tempfile.mkstemp
    error = OSError(code, os.strerror(code))

    def fsync(fd: int) -> None:
        if where == "pdf" and _name(fd).startswith(".cacao.pdf."):
            raise error
        real_fsync(fd)

    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        folder, prefix = Path(kwargs.get("dir") or "."), kwargs.get("prefix") or ""
        if (where == "sectors" and folder == out / "sectors") or (
            where == "record" and prefix == f".{RECORD_FILE}."
        ):
            raise error
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    yield monkeypatch.undo


@pytest.mark.parametrize(
    ("where", "code", "failed"),
    [
        ("pdf", errno.ENOSPC, [CACAO]),
        ("sectors", errno.EACCES, [CACAO, OVERVIEW]),
    ],
    ids=["full-disk", "unwritable-folder"],
)
def test_a_pdf_that_cannot_be_written_keeps_the_previous_one_and_the_next_build_repairs_it(
    where: str,
    code: int,
    failed: list[str],
    out: Path,
    clean: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = older(out, CACAO, OVERVIEW)
    with fault(monkeypatch, where, code, out) as undo:
        done = cli("build", "--content", CONTENT, "--out", out, here=True)
        undo()
    reason = os.strerror(code)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        *(
            f"failed {out / name}: could not write it: {reason}; the previous PDF is kept"
            for name in failed
        ),
        f"{2 - len(failed)} rebuilt, 20 up to date, {len(failed)} failed",
    ]
    assert "Traceback" not in done.stderr
    now = pdfs(out)
    for name in failed:  # the previous PDF, as it was
        assert now[name] == before[name]
    assert {n: d for n, d in now.items() if n not in failed} == {
        n: d for n, d in clean.items() if n not in failed
    }
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    assert_record_claims_only_what_is_there(out)

    done = cli("build", "--content", CONTENT, "--out", out, here=True)
    assert done.returncode == 0
    assert done.stdout == f"{len(failed)} rebuilt, {22 - len(failed)} up to date, 0 failed\n"
    assert pdfs(out) == clean


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES], ids=["full-disk", "unwritable"])
def test_a_record_that_cannot_be_written_is_an_error_and_the_next_build_repairs_it(
    code: int, out: Path, clean: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    older(out, CACAO, OVERVIEW)
    record = (out / RECORD_FILE).read_bytes()
    with fault(monkeypatch, "record", code, out) as undo:
        done = cli("build", "--content", CONTENT, "--out", out, here=True)
        undo()
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [
        f"rebuilt {CACAO}",
        f"rebuilt {OVERVIEW}",
        f"briefing: error: cannot write the build record {out / RECORD_FILE}: "
        f"{os.strerror(code)}; the PDFs written are complete, and the next build checks them "
        "all again",
    ]
    assert pdfs(out) == clean  # written, complete
    assert (out / RECORD_FILE).read_bytes() == record  # the previous record, whole
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [
        ".briefing-build.json",
        ".briefing-build.lock",
    ]

    # The PDFs now are those the previous record describes: the next build sees so.
    done = cli("build", "--content", CONTENT, "--out", out, here=True)
    assert (done.returncode, done.stdout) == (0, "0 rebuilt, 22 up to date, 0 failed\n")
    assert pdfs(out) == clean
    assert_record_claims_only_what_is_there(out)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: [],
        lambda data: {**data, "notes": "a note"},
        lambda data: {
            **data,
            "outputs": {**data["outputs"], CACAO: {**data["outputs"][CACAO], "inputs": 5}},
        },
        lambda data: {
            **data,
            "outputs": {
                **data["outputs"],
                CACAO: {**data["outputs"][CACAO], "anchors": {"s-x": "2"}},
            },
        },
        lambda data: {**data, "stats": {"content/motions.yaml": [1, 2]}},
    ],
    ids=["a list", "a note as text", "inputs as a number", "a page as text", "a stat cut short"],
)
def test_a_record_edited_into_another_shape_is_read_as_none_and_the_build_starts_afresh(
    out: Path, damage: Callable[[Any], Any]
) -> None:
    """A build record someone edited, or another program wrote, is no record: the next build
    renders everything, as it does without one."""
    assert Record.read(out).outputs
    path = out / RECORD_FILE
    path.write_text(json.dumps(damage(json.loads(path.read_text(encoding="utf-8")))))
    assert Record.read(out) == Record()


# ------------------------------------------------------------ template and stylesheet mistakes


@pytest.fixture
def app(tmp_path: Path) -> Path:
    """The package beside a copy of its templates, to make mistakes in them safely."""
    app = tmp_path / "app"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "briefing", app / "briefing", ignore=ignore)
    shutil.copytree(ROOT / "templates", app / "templates", ignore=ignore)
    return app


def insert(path: Path, line: int, text: str) -> None:
    """Put ``text`` as line number ``line`` of ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(line - 1, text + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def test_a_template_mistake_names_the_template_and_line(
    app: Path, out: Path, clean: dict[str, bytes]
) -> None:
    env = {"PYTHONPATH": str(app)}
    build = ("build", "--content", CONTENT, "--out", out)
    overview = app / "templates" / "overview.html"
    original = overview.read_text(encoding="utf-8")
    insert(overview, 6, "  {% if %}")
    done = cli(*build, env=env, cwd=app)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[:-1] == [
        f"failed {out / OVERVIEW}: templates/overview.html:6: Expected an expression, got "
        "'end of statement block'"
    ]
    assert done.stdout.splitlines()[-1] == "0 rebuilt, 21 up to date, 1 failed"
    assert "Traceback" not in done.stderr

    # A name a template does not have, in the template every report extends.
    overview.write_text(original, encoding="utf-8")
    report = app / "templates" / "report.html"
    line = report.read_text(encoding="utf-8").splitlines().index("{% block body %}") + 2
    insert(report, line, "<p>{{ view.cover.titel }}</p>")
    done = cli(*build, env=env, cwd=app)
    assert done.returncode == 1
    failures = done.stdout.splitlines()[:-1]
    assert len(failures) == REPORTS
    for failure in failures:
        assert re.fullmatch(
            rf"failed {re.escape(str(out))}/(briefings|sectors)/[a-z0-9-]+\.pdf: "
            rf"templates/report\.html:{line}: '\S+ object' has no attribute 'titel'",
            failure,
        ), failure
    assert done.stdout.splitlines()[-1] == f"0 rebuilt, 2 up to date, {REPORTS} failed"
    assert pdfs(out) == clean  # every previous PDF kept


def test_css_that_is_ignored_is_a_warning_at_its_stylesheet_and_line(app: Path, out: Path) -> None:
    env = {"PYTHONPATH": str(app)}
    build = ("build", "--content", CONTENT, "--out", out)
    stylesheet = app / "templates" / "letter.css"
    line = len(stylesheet.read_text(encoding="utf-8").splitlines()) + 1
    insert(stylesheet, line, "h1 { colr: #01689b; margin-top: a lot; }")
    warnings = [  # once each, at the stylesheet, however many documents use it
        f"templates/letter.css:{line}:21: warning: Ignored `margin-top: a lot`: invalid value.",
        f"templates/letter.css:{line}:6: warning: Ignored `colr: #01689b`: unknown property.",
    ]
    done = cli(*build, env=env, cwd=app)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["2 rebuilt, 20 up to date, 0 failed"]
    assert [x for x in done.stderr.splitlines() if "Ignored" in x] == warnings, done.stderr
    # Kept in the record: a build with nothing to do says it again; --strict fails on it.
    done = cli(*build, env=env, cwd=app)
    assert (done.returncode, done.stdout) == (0, "0 rebuilt, 22 up to date, 0 failed\n")
    assert [x for x in done.stderr.splitlines() if "Ignored" in x] == warnings
    done = cli(*build, "--strict", env=env, cwd=app)
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == (
        f"{WARNINGS + 2} warnings, which --strict counts as errors"
    )


def test_a_character_no_font_has_is_a_warning_at_its_place_in_the_content(
    content_copy: Path, tmp_path: Path
) -> None:
    """WeasyPrint names the PDF that shows an empty box; the warning names the line of the
    content that holds the character, once, however often the PDF prints it."""
    letter = content_copy / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    text = letter.read_text(encoding="utf-8")
    subject = "subject: Voortgang IMVO-beleid"
    line = text.splitlines().index(subject) + 1
    letter.write_text(text.replace(subject, f"{subject} \u0378", 1), encoding="utf-8")
    out = tmp_path / "out"
    done = cli("prepare", "--content", content_copy, "--out", out, "--debate", "ao-imvo-2018-11-14")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{letter}:{line}:{len(subject) + 2}: warning: no font has a glyph for '\u0378' "
        "(U+0378): the PDF shows an empty box in its place; write it otherwise, or leave it out"
    ]


# ---------------------------------------------------------------------------------- --strict


def test_strict_makes_warnings_errors_in_check_and_build(out: Path) -> None:
    done = cli("check", "--content", CONTENT, here=True)
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1].endswith(f": 0 errors, {WARNINGS} warnings")
    done = cli("check", "--content", CONTENT, "--strict", here=True)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].endswith(
        f": 0 errors, {WARNINGS} warnings (--strict: warnings count as errors)"
    )
    assert len([line for line in done.stderr.splitlines() if ": warning: " in line]) == WARNINGS

    done = cli("build", "--content", CONTENT, "--out", out, here=True)
    assert (done.returncode, done.stdout) == (0, "0 rebuilt, 22 up to date, 0 failed\n")
    done = cli("build", "--content", CONTENT, "--out", out, "--strict", here=True)
    assert done.returncode == 1
    assert done.stdout == (
        "0 rebuilt, 22 up to date, 0 failed\n"
        f"{WARNINGS} warnings, which --strict counts as errors\n"
    )


# ---------------------------------------------------------------------------------- portable


def run_script(script: str, out: Path) -> subprocess.CompletedProcess[str]:
    """Run the Python ``script`` in a new process with the bundled content and ``out``."""
    return subprocess.run(
        [sys.executable, "-c", script, str(CONTENT), str(out)],
        capture_output=True,
        text=True,
        timeout=PATIENCE,
        check=False,
    )


#: Run where ``fcntl`` cannot be imported: build, then build again while the folder is held.
_WITHOUT_FCNTL = """
import json, sys
sys.modules["fcntl"] = None  # as on Windows: importing it fails
from briefing.cli import main
from briefing.lock import LOCK_FILE, locked
out = sys.argv[2]
built = main(["build", "--content", sys.argv[1], "--out", out])
with locked(__import__("pathlib").Path(out)):
    held = main(["build", "--content", sys.argv[1], "--out", out])
print(json.dumps({"built": built, "held": held, "fcntl": sys.modules["fcntl"] is not None}))
"""


def test_the_package_imports_builds_and_locks_without_fcntl(
    out: Path, clean: dict[str, bytes], tmp_path: Path
) -> None:
    older(out, CACAO)
    # Without fcntl (nor Windows' call) the lock is a file that exists while it is held, so
    # the lock file an flock-locked build leaves behind must go first.
    (out / LOCK_FILE).unlink()
    done = run_script(_WITHOUT_FCNTL, out)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result == {"built": 0, "held": 3, "fcntl": False}, done.stderr
    assert "1 rebuilt, 21 up to date, 0 failed" in done.stdout
    assert " is locked by process " in done.stderr
    assert pdfs(out) == clean


#: Build with processes started as macOS and Windows start them (spawned, not forked).
_SPAWNED = """
import multiprocessing, sys
multiprocessing.set_start_method("spawn")
from briefing.cli import main
sys.exit(main(["build", "--content", sys.argv[1], "--out", sys.argv[2], "--jobs", "2"]))
"""


def test_where_processes_are_spawned_the_build_makes_the_same_pdfs(
    out: Path, clean: dict[str, bytes]
) -> None:
    older(out, CACAO, OVERVIEW, "letters/2018-11-13-voortgang-imvo-beleid.pdf")
    done = run_script(_SPAWNED, out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("3 rebuilt, 19 up to date, 0 failed\n"), done.stdout
    assert pdfs(out) == clean


def test_the_record_has_the_permissions_of_the_pdfs(out: Path) -> None:
    older(out, CACAO)
    previous = os.umask(0o077)  # a user who keeps new files to themselves
    try:
        done = cli("build", "--content", CONTENT, "--out", out, here=True)
    finally:
        os.umask(previous)
    assert done.returncode == 0, done.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (out / RECORD_FILE, out / CACAO)}
    assert modes == {RECORD_FILE: 0o644, "cacao.pdf": 0o644}


# ------------------------------------------------------------------------- --version, --debug


def test_version() -> None:
    done = cli("--version")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"briefing {briefing.__version__}\n",
        "",
    )


def test_debug_before_or_after_the_command_shows_the_traceback(empty: Path) -> None:
    orders: list[list[str | Path]] = [
        ["--debug", "check", "--content", empty],
        ["check", "--content", empty, "--debug"],
    ]
    for args in orders:
        done = cli(*args)
        assert done.returncode == 1
        assert done.stderr.startswith("Traceback (most recent call last):\n"), done.stderr
        assert done.stderr.endswith(f"briefing.errors.BriefingError: {empty}{NO_CONTENT}\n")
    done = cli("check", "--content", empty)
    assert done.stderr == f"briefing: error: {empty}{NO_CONTENT}\n"
    with pytest.raises(BriefingError, match="holds no content"):
        cli("check", "--debug", "--content", empty, here=True)
