"""Incremental builds: only what a change affects is rendered, and nothing is ever half written."""

from __future__ import annotations

import io
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from briefing import workers
from briefing.errors import RenderError
from briefing.plan import Output
from briefing.progress import Progress
from briefing.reads import Reads
from briefing.render import render
from briefing.write import Rendered, write_pdf
from tests.conftest import PATIENCE, ROOT, FreshBuild, cli, pdfs, started

LETTER_2018 = "letters/2018-11-13-voortgang-imvo-beleid.pdf"
LETTER_2022 = "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.pdf"

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


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """The PDFs that are new or differ."""
    return {name for name, data in after.items() if before.get(name) != data}


def rebuilt(done: subprocess.CompletedProcess[str]) -> set[str]:
    """The outputs a build says it rendered (progress goes to standard error)."""
    return set(re.findall(r"^rebuilt (\S+)$", done.stderr, re.M))


def closing(done: subprocess.CompletedProcess[str]) -> str:
    """A build's closing line."""
    return done.stdout.splitlines()[-1]


def succeeded(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """``done``, once it is clear that the command succeeded without a traceback."""
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done


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
    done = succeeded(cli("build", "--content", content_copy, "--out", out))
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
    env = {"PYTHONPATH": str(app)}
    args = ("build", "--content", content_copy, "--out", out)
    assert closing(succeeded(cli(*args, env=env, cwd=app))) == "0 rebuilt, 22 up to date, 0 failed"

    overview = app / "templates" / "overview.html"
    text = overview.read_text(encoding="utf-8")
    assert "Laatste ontwikkeling" in text
    overview.write_text(text.replace("Laatste ontwikkeling", "Recentste ontwikkeling"))
    before = pdfs(out)
    assert rebuilt(succeeded(cli(*args, env=env, cwd=app))) == {"sectors/overzicht.pdf"}
    assert changed(before, pdfs(out)) == {"sectors/overzicht.pdf"}

    # A colour in the letters' stylesheet: both letters, and nothing that only cites them.
    stylesheet = app / "templates" / "letter.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nh1 { color: #01689b; }\n")
    before = pdfs(out)
    assert rebuilt(succeeded(cli(*args, env=env, cwd=app))) == {LETTER_2018, LETTER_2022}
    assert changed(before, pdfs(out)) == {LETTER_2018, LETTER_2022}


def test_forced_builds_give_identical_bytes_in_one_process_or_two(
    out: Path, fresh_build: FreshBuild, content_copy: Path, tmp_path: Path
) -> None:
    """The shared build was made in one process; this one in two, which leave no temporary
    font folders behind (they are given a temporary folder of their own)."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    args = ("build", "--content", content_copy, "--out", out, "--force", "--jobs", "2")
    done = succeeded(cli(*args, env={"TMPDIR": str(temporary)}))
    assert closing(done) == "22 rebuilt, 0 up to date, 0 failed"
    assert pdfs(out) == pdfs(fresh_build.out)
    assert list(temporary.iterdir()) == []


def test_a_document_that_fails_to_render_does_not_stop_the_others(
    out: Path, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write_pdf  # what the workers call

    def failing(html: str, target: Path, root: Path, content: Iterable[Path]) -> Rendered:
        if target.name == "kleding-textiel.pdf":
            raise RenderError("could not write the PDF: disk full")
        return real(html, target, root, content)

    # Two summaries are not what the record says was written: both must be made again.
    for name in ("sectors/kleding-textiel.pdf", "sectors/cacao.pdf"):
        (out / name).write_bytes((out / name).read_bytes() + b"%older\n")
    before = pdfs(out)
    monkeypatch.setattr(workers, "write_pdf", failing)
    done = cli("build", "--content", content_copy, "--out", out, here=True)
    assert done.returncode == 1
    failure = f"failed {out / 'sectors' / 'kleding-textiel.pdf'}: could not write the PDF"
    assert failure in done.stdout
    assert closing(done) == "1 rebuilt, 20 up to date, 1 failed"
    after = pdfs(out)  # the previous summary is kept; the other one was made
    assert changed(before, after) == {"sectors/cacao.pdf"}

    monkeypatch.setattr(workers, "write_pdf", real)
    done = cli("build", "--content", content_copy, "--out", out, here=True)
    assert done.returncode == 0
    assert "rebuilt sectors/kleding-textiel.pdf\n" in done.stderr
    assert closing(done) == "1 rebuilt, 21 up to date, 0 failed"


def test_a_fault_of_briefing_in_one_document_does_not_stop_the_others(
    out: Path, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def faulty(output: Output, *args: Any) -> tuple[str, Reads]:
        if output.path == "sectors/overzicht.pdf":
            raise ValueError("min() arg is an empty sequence")
        return render(output, *args)

    for name in ("sectors/overzicht.pdf", "sectors/cacao.pdf"):
        (out / name).write_bytes((out / name).read_bytes() + b"%older\n")
    monkeypatch.setattr(workers, "render", faulty)
    done = cli("build", "--content", content_copy, "--out", out, here=True)
    assert done.returncode == 1
    failure = (
        f"failed {out / 'sectors' / 'overzicht.pdf'}: internal error: ValueError: min() arg is "
        "an empty sequence"
    )
    assert failure in done.stdout
    assert closing(done) == "1 rebuilt, 20 up to date, 1 failed"


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


def test_a_stop_while_a_progress_line_is_written_leaves_it_whole() -> None:
    """Stopped as soon as anything of a line was written, the line has its end: the stop's
    own line ("briefing: interrupted: ...") starts a line of its own."""

    class StoppedAtOnce(io.StringIO):
        def write(self, text: str) -> int:
            super().write(text)
            raise KeyboardInterrupt

    stream = StoppedAtOnce()
    with pytest.raises(KeyboardInterrupt):
        Progress(stream, bar=False).done("sectors/sierteelt.pdf", "rebuilt")
    assert stream.getvalue() == "rebuilt sectors/sierteelt.pdf\n"


def test_watch_rebuilds_on_every_save(out: Path, content_copy: Path) -> None:
    """Each save makes one build of what it changed; Ctrl-C between builds stops watching."""
    letter = (
        content_copy / "letters" / "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
    )
    text = letter.read_text(encoding="utf-8")
    args = ("watch", "--content", content_copy, "--out", out)
    with started(*args) as watch:
        closing_line = partial(watch.line, lambda stream, line: stream == "stdout")
        # The watcher looks at the files before each build, so once a build has said how
        # it ended, every save after it is seen.
        assert closing_line() == "0 rebuilt, 22 up to date, 0 failed"
        letter.write_text(text.replace("Geachte voorzitter,", "Geachte Voorzitter,"))
        assert closing_line() == "1 rebuilt, 21 up to date, 0 failed"
        letter.write_text(text)
        assert closing_line() == "1 rebuilt, 21 up to date, 0 failed"
        watch.send(signal.SIGINT, group=True)
        assert watch.wait() == 0, watch.output()
    assert watch.stderr[-1] == "stopped watching"
    builds = [line for line in watch.stderr if re.fullmatch(r"\d\d:\d\d:\d\d building", line)]
    assert len(builds) == 3, watch.output()


def test_a_build_with_content_errors_says_so_in_its_closing_line_whatever_it_holds_back(
    out: Path, content_copy: Path
) -> None:
    """Every document is up to date, yet the content has an error: the build exits 1, and
    its closing line says what the error held back, or that there is one. A letter filed in
    a folder, which no document reads, is no build with nothing to do."""
    filed = content_copy / "letters" / "2020" / "2020-01-01-voortgang.yaml"
    filed.parent.mkdir()
    shutil.copy(content_copy / LETTER_2018.replace(".pdf", ".yaml"), filed)
    done = cli("build", "--content", content_copy, "--out", out, here=True)
    assert done.returncode == 1
    assert f"{filed}:1:1: this file is not read" in done.stderr
    assert closing(done) == (
        "0 rebuilt, 2 up to date, 0 failed, 20 kept from before (content has errors)"
    )

    shutil.rmtree(filed.parent)  # the notes of a debate without a dossier, held back by none
    notes = content_copy / "qa" / "ao-imvo-2019-06-20.yaml"
    notes.write_text("debate: ao-imvo-2019-06-20\nthemes:\n  - theme: Leeg\n", encoding="utf-8")
    done = cli("build", "--content", content_copy, "--out", out, here=True)
    assert done.returncode == 1
    assert f"{notes}:3:5: themes[0].theme: the theme has neither" in done.stderr
    assert closing(done) == "0 rebuilt, 22 up to date, 0 failed, 1 content error"
