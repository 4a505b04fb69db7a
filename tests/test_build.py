"""Incremental builds: only what a change affects is rendered, and nothing is ever half written."""

from __future__ import annotations

import io
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from briefing import workers
from briefing.cli import main
from briefing.errors import RenderError
from briefing.progress import Progress
from briefing.write import Rendered
from tests.conftest import ROOT

LETTER_2018 = "letters/2018-11-13-voortgang-imvo-beleid.pdf"
LETTER_2022 = "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.pdf"
#: A sentence of the 2018 letter's first section, which lists four sectors.
SENTENCE = "Tenslotte wordt ingegaan"
#: A guard against a hung child process; no test asserts on time.
PATIENCE = 120

THIRD_LETTER = """\
# yaml-language-server: $schema=../schemas/letter.schema.json
id: 2023-06-01-voortgang-textielconvenant
date: 2023-06-01
subject: Voortgang Convenant Duurzame Kleding en Textiel
sender:
  ministry: Ministerie van Buitenlandse Zaken
  directorate: Directie Internationale Marktordening en Handelspolitiek
  visiting_address: [Rijnstraat 8, 2515 XP Den Haag]
  postal_address: [Postbus 20061]
  country: Nederland
  website: www.rijksoverheid.nl
references:
  ours: [BZDOC-1]
  attachments: []
addressee:
  lines:
    - Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
    - Prinses Irenestraat 6
    - Den Haag
salutation: Geachte voorzitter,
signatory:
  title: De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,
  name: Liesje Schreinemacher
debate: ao-imvo-2023-06-15
sections:
  - id: textiel
    heading: Kleding en textiel
    body:
      - Het aantal aangesloten merken bij het textielconvenant is opnieuw gestegen.
    sectors: [kleding-textiel]
"""
THIRD_DEBATE = """
  - id: ao-imvo-2023-06-15
    kind: algemeen overleg
    title: AO Internationaal Maatschappelijk Verantwoord Ondernemen (IMVO)
    date: 2023-06-15
    committee: Vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking
"""


def pdfs(out: Path) -> dict[str, bytes]:
    """Every PDF under ``out`` by its path relative to it."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """The PDFs that are new or differ."""
    return {name for name, data in after.items() if before.get(name) != data}


def rebuilt(done: subprocess.CompletedProcess[str]) -> set[str]:
    """The outputs a build says it rendered (progress goes to standard error)."""
    return set(re.findall(r"^rebuilt (\S+)$", done.stderr, re.M))


def closing(done: subprocess.CompletedProcess[str]) -> str:
    """A build's closing line."""
    return done.stdout.splitlines()[-1]


def read_line(stream: IO[str] | None) -> str:
    """The next line a child process prints, waiting at most a generous while for it."""
    assert stream is not None
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        assert selector.select(PATIENCE), "the process printed nothing"
    return stream.readline().strip()


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line in a new process, requiring success."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=PATIENCE,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture
def out(built: Path, tmp_path: Path) -> Path:
    """A copy of a complete build of the bundled content, with its record."""
    target = tmp_path / "out"
    shutil.copytree(built, target)
    return target


def test_a_build_with_nothing_to_do_renders_nothing_and_never_loads_weasyprint(
    out: Path, content_copy: Path
) -> None:
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    probe = (
        "import sys; from briefing.cli import main; "
        f"status = main(['build', '--content', {str(content_copy)!r}, '--out', {str(out)!r}]); "
        "print('weasyprint loaded' if 'weasyprint' in sys.modules else 'weasyprint not loaded'); "
        "sys.exit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=PATIENCE
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "0 rebuilt, 22 up to date, 0 failed",
        "weasyprint not loaded",
    ]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == before


def test_a_third_letter_rebuilds_exactly_what_it_affects(out: Path, content_copy: Path) -> None:
    (content_copy / "letters" / "2023-06-01-voortgang-textielconvenant.yaml").write_text(
        THIRD_LETTER, encoding="utf-8"
    )
    debates = content_copy / "debates.yaml"
    debates.write_text(debates.read_text(encoding="utf-8") + THIRD_DEBATE, encoding="utf-8")
    before = pdfs(out)
    done = run("build", "--content", str(content_copy), "--out", str(out))
    # The letter, the briefing for its debate, the one sector it names, and the overview
    # (which stands as of the latest letter). The 2018 briefing and the 17 other sector
    # summaries are left alone.
    expected = {
        "letters/2023-06-01-voortgang-textielconvenant.pdf",
        "briefings/ao-imvo-2023-06-15.pdf",
        "sectors/kleding-textiel.pdf",
        "sectors/overzicht.pdf",
    }
    assert rebuilt(done) == expected
    assert closing(done) == "4 rebuilt, 20 up to date, 0 failed"
    after = pdfs(out)
    assert changed(before, after) == expected
    assert set(after) == set(before) | expected


def test_editing_a_template_rebuilds_the_outputs_that_use_it(
    out: Path, content_copy: Path, tmp_path: Path
) -> None:
    app = tmp_path / "app"  # the package beside its own templates, to edit them safely
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "briefing", app / "briefing", ignore=ignore)
    shutil.copytree(ROOT / "templates", app / "templates", ignore=ignore)
    env = {**os.environ, "PYTHONPATH": str(app)}
    args = ("build", "--content", str(content_copy), "--out", str(out))
    assert closing(run(*args, env=env, cwd=app)) == "0 rebuilt, 22 up to date, 0 failed"

    overview = app / "templates" / "overview.html"
    text = overview.read_text(encoding="utf-8")
    assert "Laatste ontwikkeling" in text
    overview.write_text(text.replace("Laatste ontwikkeling", "Recentste ontwikkeling"))
    before = pdfs(out)
    assert rebuilt(run(*args, env=env, cwd=app)) == {"sectors/overzicht.pdf"}
    assert changed(before, pdfs(out)) == {"sectors/overzicht.pdf"}

    # A colour in the letters' stylesheet: both letters, and nothing that only cites them.
    stylesheet = app / "templates" / "letter.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nh1 { color: #01689b; }\n")
    before = pdfs(out)
    assert rebuilt(run(*args, env=env, cwd=app)) == {LETTER_2018, LETTER_2022}
    assert changed(before, pdfs(out)) == {LETTER_2018, LETTER_2022}


def test_forced_builds_give_identical_bytes_in_one_process_or_two(
    out: Path, built: Path, content_copy: Path
) -> None:
    done = run("build", "--content", str(content_copy), "--out", str(out), "--force", "--jobs", "2")
    assert closing(done) == "22 rebuilt, 0 up to date, 0 failed"
    assert pdfs(out) == pdfs(built)


@pytest.mark.parametrize("written_before_kill", [1, 2, 9, 17])
def test_a_killed_build_leaves_only_complete_pdfs_and_the_next_build_finishes(
    out: Path, content_copy: Path, written_before_kill: int
) -> None:
    """Killed while writing letters, then while writing reports, at several points."""
    letter = content_copy / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    text = letter.read_text(encoding="utf-8")
    assert SENTENCE in text
    letter.write_text(text.replace(SENTENCE, SENTENCE.replace("Tenslotte", "Ten slotte")))
    before = pdfs(out)
    args = [sys.executable, "-m", "briefing", "build", "--content", str(content_copy)]
    # A killed process cannot remove WeasyPrint's temporary fonts folder: keep it in here.
    temporary = out.parent / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [*args, "--out", str(out), "--force"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    # Kill it without warning once it has written some documents, while it writes the next.
    written = 0
    while written < written_before_kill:
        written += read_line(process.stderr).startswith("rebuilt ")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=PATIENCE)
    interrupted = pdfs(out)

    assert closing(run("build", "--content", str(content_copy), "--out", str(out))).endswith(
        ", 0 failed"
    )
    after = pdfs(out)
    assert set(interrupted) == set(before) == set(after)
    for name, data in interrupted.items():
        assert data in (before[name], after[name]), f"{name} is neither the old nor the new PDF"
    assert changed(before, after) == {
        LETTER_2018,
        "sectors/cacao.pdf",
        "sectors/kinderarbeid.pdf",
        "sectors/kolen-colombia.pdf",
        "sectors/leefbaar-loon.pdf",
    }
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]


def test_a_document_that_fails_to_render_does_not_stop_the_others(
    out: Path, content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    real = workers.write_pdf

    def failing(html: str, target: Path, root: Path) -> Rendered:
        if target.name == "kleding-textiel.pdf":
            raise RenderError("could not write the PDF: disk full")
        return real(html, target, root)

    monkeypatch.setattr(workers, "write_pdf", failing)
    before = pdfs(out)
    status = main(["build", "--content", str(content_copy), "--out", str(out), "--force"])
    captured = capsys.readouterr()
    assert status == 1
    failure = f"failed {out / 'sectors' / 'kleding-textiel.pdf'}: could not write the PDF"
    assert failure in captured.out
    assert captured.out.splitlines()[-1] == "21 rebuilt, 0 up to date, 1 failed"
    assert pdfs(out) == before  # the previous summary is kept; the rest came out the same

    monkeypatch.setattr(workers, "write_pdf", real)
    assert main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "rebuilt sectors/kleding-textiel.pdf\n" in captured.err
    assert captured.out.splitlines()[-1] == "1 rebuilt, 21 up to date, 0 failed"


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise() -> None:
    for bar in (True, False):
        stream = io.StringIO()
        progress = Progress(stream, bar=bar)
        progress.start(2)
        progress.done("letters/a.pdf", "rebuilt")
        progress.done("letters/b.pdf", "failed")
        progress.finish()
        shown = stream.getvalue()
        if bar:
            assert "\r" in shown and f"[{'#' * 15}{'.' * 15}] 1/2 letters/a.pdf" in shown
            assert f"[{'#' * 30}] 2/2 letters/b.pdf" in shown
            assert shown.endswith("\r\x1b[K")  # cleared for the closing line
        else:
            assert shown == "rebuilt letters/a.pdf\nfailed letters/b.pdf\n"


def test_watch_rebuilds_on_every_save(out: Path, content_copy: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "watch",
            "--content",
            str(content_copy),
            "--out",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert read_line(process.stdout) == "0 rebuilt, 22 up to date, 0 failed"
        time.sleep(1)  # let the watcher take its first look at the files
        letter = (
            content_copy
            / "letters"
            / "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
        )
        text = letter.read_text(encoding="utf-8")
        letter.write_text(text.replace("Geachte voorzitter,", "Geachte Voorzitter,"))
        assert read_line(process.stdout) == "1 rebuilt, 21 up to date, 0 failed"
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=PATIENCE) == 0
