"""Hostile and broken input is refused with a message an author can act on, and changes nothing.

Every file in ``tests/bad_inputs/`` is one case: a copy of the bundled content in which one
file is made bad. ``briefing check`` must exit 1 and print, without a traceback, a problem
``path:line:column: ...`` at the expected place holding the expected fragment. The cases
marked ``build: true`` also go through ``briefing build`` into an output folder that holds a
good build, which must come out byte for byte as it was.

A case file holds:

``about``
    what is wrong, in a few words.
``file``
    the content file the case replaces or adds, relative to the content folder.
``from`` (optional)
    ``minimal-letter`` to start from ``_minimal-letter.yaml`` instead of the bundled file.
``content`` (optional)
    the whole text of the file; a string, or a list of pieces, each a string or
    ``{text: ..., times: N}`` (for large or deeply nested input).
``replace`` (optional)
    a list of ``{old: ..., new: ...}``: each ``old`` text must occur in the file, and its
    first occurrence is replaced (``new`` may be pieces like ``content``).
``encoding`` (optional)
    how the text is saved; ``utf-8`` unless given (``latin-1``, ``utf-16``).
``expect``
    one problem, or a list: ``message`` (a fragment), ``line`` and optionally ``column`` and
    ``file`` (default: the case's file). ``line`` is a number, ``replaced`` or ``replaced+N``
    (the line where the first replacement starts, plus N), or ``{of: text}`` (the line of the
    first occurrence of ``text`` in the file as saved).
``errors`` (optional)
    how many errors the run reports in all, where a case must not cascade.
``build`` (optional)
    ``true`` to run the case through ``briefing build`` as well.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.cli import main
from briefing.load_cache import CACHE_DIR
from briefing.record import RECORD_FILE
from tests.conftest import CONTENT, FreshBuild, cli, html_of

CASES_DIR = Path(__file__).resolve().parent / "bad_inputs"
MINIMAL_LETTER = CASES_DIR / "_minimal-letter.yaml"
#: A problem line: path:line:column: rest.
LOCATION = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rest>.*)$")
#: Case names start with their kind; every kind must be present.
KINDS = ("yaml", "model", "id", "ref", "footnote", "link", "settings", "registry")


@dataclass(frozen=True)
class Expected:
    """One problem a case must produce."""

    file: str
    line: int
    column: int | None
    message: str


@dataclass(frozen=True)
class Case:
    """One bad input: which file it writes, the bytes it writes, and what it must produce."""

    name: str
    about: str
    file: str
    data: bytes
    expected: tuple[Expected, ...]
    errors: int | None
    build: bool

    def apply(self, content: Path) -> Path:
        """Write the bad file into the content folder ``content``; return its path."""
        target = content / self.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.data)
        return target


def _pieces(value: str | list[Any]) -> str:
    """A text given as a string or as pieces (strings and ``{text, times}``)."""
    if isinstance(value, str):
        return value
    return "".join(p if isinstance(p, str) else p["text"] * p["times"] for p in value)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _line(spec: int | str | dict[str, str], text: str, replaced_at: int | None) -> int:
    if isinstance(spec, int):
        return spec
    if isinstance(spec, dict):
        assert spec["of"] in text, f"{spec['of']!r} is not in the file"
        return _line_of(text, text.index(spec["of"]))
    match = re.fullmatch(r"replaced(?:\+(\d+))?", spec)
    assert match and replaced_at is not None, f"bad line {spec!r}"
    return _line_of(text, replaced_at) + int(match[1] or 0)


def load_case(path: Path) -> Case:
    """Read a case file and work out the bytes it writes and the problems it expects."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    if spec.get("from") == "minimal-letter":
        text = MINIMAL_LETTER.read_text(encoding="utf-8")
    elif "content" in spec:
        text = _pieces(spec["content"])
    else:
        text = (CONTENT / spec["file"]).read_text(encoding="utf-8")
    replaced_at = None
    for replacement in spec.get("replace", []):
        old, new = replacement["old"], _pieces(replacement["new"])
        assert old in text, f"{path.name}: {old!r} is not in {spec['file']}"
        at = text.index(old)
        text = text[:at] + new + text[at + len(old) :]
        if replaced_at is None:
            replaced_at = at
        elif at < replaced_at:
            replaced_at += len(new) - len(old)
    data = text.encode(spec.get("encoding", "utf-8"), errors="replace")
    expects = spec["expect"] if isinstance(spec["expect"], list) else [spec["expect"]]
    expected = []
    for e in expects:
        file = e.get("file", spec["file"])
        if file == spec["file"]:
            line = _line(e["line"], text, replaced_at)
        else:
            line = _line(e["line"], (CONTENT / file).read_text(encoding="utf-8"), None)
        expected.append(Expected(file, line, e.get("column"), e["message"]))
    return Case(
        path.stem,
        spec["about"],
        spec["file"],
        data,
        tuple(expected),
        spec.get("errors"),
        spec.get("build", False),
    )


CASES = [load_case(p) for p in sorted(CASES_DIR.glob("[!_]*.yaml"))]
BUILD_CASES = [c for c in CASES if c.build]


def _params(cases: list[Case]) -> list[Any]:
    return [pytest.param(c, id=c.name) for c in cases]


def assert_refused(case: Case, content: Path, status: int, output: str) -> None:
    """The run failed cleanly and reported every expected problem where the case expects it."""
    assert status == 1, f"{case.name} ({case.about}) was accepted:\n{output}"
    assert "Traceback" not in output and "internal error" not in output, output
    problems = [m for m in map(LOCATION.match, output.splitlines()) if m]
    for expected in case.expected:
        where = str(content / expected.file)
        found = [
            m
            for m in problems
            if m["path"] == where
            and int(m["line"]) == expected.line
            and (expected.column is None or int(m["col"]) == expected.column)
            and expected.message in m["rest"]
        ]
        place = f"{where}:{expected.line}:{expected.column or ''}"
        assert found, f"{case.name}: no problem at {place} saying {expected.message!r}:\n{output}"
    if case.errors is not None:
        errors = [m for m in problems if not m["rest"].split(": ", 1)[-1].startswith("warning:")]
        errors = [m for m in errors if ": warning: " not in m[0]]
        assert len(errors) == case.errors, f"{case.name}: expected {case.errors} errors:\n{output}"


# --------------------------------------------------------------------------------- the corpus


def test_the_corpus_covers_every_kind_of_bad_input() -> None:
    assert len(CASES) >= 40
    for kind in KINDS:
        assert any(c.name.startswith(f"{kind}-") for c in CASES), kind
    assert len({(c.file, c.data) for c in CASES}) == len(CASES), "two cases are the same"
    assert 5 <= len(BUILD_CASES) <= 8


def test_the_minimal_letter_is_valid(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cases that start from the minimal letter fail because of their change, not the base."""
    shutil.copy(MINIMAL_LETTER, content_copy / "letters" / "2030-01-01-test.yaml")
    status = main(["check", "--content", str(content_copy)])
    assert status == 0, capsys.readouterr().err
    assert "0 errors" in capsys.readouterr().err


@pytest.mark.parametrize("case", _params(CASES))
def test_check_refuses(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    case.apply(content)
    status = main(["check", "--content", str(content)])
    captured = capsys.readouterr()
    assert_refused(case, content, status, captured.err + captured.out)


@pytest.mark.parametrize("name", ["yaml-billion-laughs", "yaml-latin-1", "model-date-as-number"])
def test_the_console_command_refuses(name: str, tmp_path: Path) -> None:
    """The same through a real process: the exit status and stderr a shell script sees."""
    case = next(c for c in CASES if c.name == name)
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    case.apply(content)
    result = cli("check", "--content", content)
    assert_refused(case, content, result.returncode, result.stderr + result.stdout)


# ------------------------------------------------------------------ builds change no output


def _snapshot(root: Path, skip: Path) -> dict[str, str]:
    """The hash of every file under ``root`` (outside ``skip``), by relative path.

    The build record and the load cache are left out: they are the build's own notebooks, not
    outputs, and the record must note that the content changed so that the next build looks
    again.
    """
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and not p.is_relative_to(skip)
        and p.name != RECORD_FILE
        and p.parent.name != CACHE_DIR
    }


@dataclass
class GoodBuild:
    """A content folder and an output folder that holds its complete build, under ``root``."""

    root: Path
    content: Path
    out: Path
    backup: Path
    snapshot: dict[str, str]


@pytest.fixture(scope="session")
def good_build(
    fresh_build: FreshBuild, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GoodBuild]:
    """A copy of the bundled content beside a copy of its shared build; every bad case then
    builds into the same folders."""
    root = tmp_path_factory.mktemp("bad-builds")
    content, out = root / "content", root / "work" / "out"
    shutil.copytree(CONTENT, content)
    shutil.copytree(fresh_build.out, out)
    backup = tmp_path_factory.mktemp("bad-builds-backup") / "work"
    shutil.copytree(root / "work", backup)
    yield GoodBuild(root, content, out, backup, _snapshot(root, content))


def test_a_build_writes_only_under_its_output_folder(fresh_build: FreshBuild) -> None:
    """The console build, run in an empty folder with its temporary directory inside it,
    creates nothing but the output folder and its PDFs, and leaves no temporary file."""
    outside = [p for p in fresh_build.created if p != "out" and not p.startswith("out/")]
    assert outside == []
    assert not any((fresh_build.root / "tmp").iterdir())
    out = fresh_build.out
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    pdfs = [f for f in files if f.endswith(".pdf")]
    assert len(pdfs) > 20
    for name in pdfs:
        assert re.fullmatch(r"(letters|briefings|sectors)/[a-z0-9]+(-[a-z0-9]+)*\.pdf", name)
    cached = [f for f in files if f.startswith(f"{CACHE_DIR}/")]
    assert all(re.fullmatch(rf"{CACHE_DIR}/[0-9a-f]{{64}}\.json", name) for name in cached)
    assert set(files) - set(pdfs) - set(cached) <= {".briefing-build.json", ".briefing-build.lock"}


@pytest.mark.parametrize("case", _params(BUILD_CASES))
def test_build_refuses_and_changes_no_output(case: Case, good_build: GoodBuild) -> None:
    """A build of bad content exits 1, names the problem, and writes, removes and changes no
    file: a letter with errors keeps its previous PDF, and the briefings and sector summaries
    are kept as they were while any content file has errors."""
    target = good_build.content / case.file
    original = target.read_bytes() if target.exists() else None
    case.apply(good_build.content)
    try:
        done = cli("build", "--content", good_build.content, "--out", good_build.out, here=True)
        status, output = done.returncode, done.stderr + done.stdout
        assert_refused(case, good_build.content, status, output)
        if case.file.startswith("letters/"):
            assert f"{good_build.content / case.file}: not built" in output, output
        if case.file != "settings.yaml":  # bad settings stop the build before anything else
            assert "kept from before (content has errors)" in output or "not built" in output
        after = _snapshot(good_build.root, good_build.content)
        changed = sorted(
            name
            for name in good_build.snapshot.keys() | after.keys()
            if good_build.snapshot.get(name) != after.get(name)
        )
        assert not changed, f"{case.name}: the build changed {changed}\n{output}"
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
        if _snapshot(good_build.root, good_build.content) != good_build.snapshot:
            shutil.rmtree(good_build.root / "work")
            shutil.copytree(good_build.backup, good_build.root / "work")


# ------------------------------------------------------- hostile input that is only printed


#: Input that is not an error: YAML allows it, or the README promises to print it as written.
#: Each must pass ``check`` and reach the letter's HTML as text, never as markup.
TOLERATED = {
    "byte-order mark": ("", "\ufeff", "Voortgang IMVO-beleid"),
    "windows line ends": ("\n", "\r\n", "Voortgang IMVO-beleid"),
    "script": (
        "subject: Voortgang IMVO-beleid",
        "subject: '<script>alert(1)</script>'",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ),
    "style and url()": (
        "heading: Voortgang IMVO-convenanten",
        "heading: '<style>@import url(http://example.org/x.css)</style>'",
        "&lt;style&gt;@import url(http://example.org/x.css)&lt;/style&gt;",
    ),
    "image": (
        "    SER IMVO-convenanten, ",
        '    <img src="file:///etc/passwd"> SER IMVO-convenanten, ',
        "&lt;img src=&#34;file:///etc/passwd&#34;&gt;",
    ),
    "autolink": (
        "    SER IMVO-convenanten, ",
        "    <file:///etc/passwd> <http://127.0.0.1:9/> SER IMVO-convenanten, ",
        "&lt;file:///etc/passwd&gt; &lt;http://127.0.0.1:9/&gt;",
    ),
}


@pytest.mark.parametrize("old,new,printed", TOLERATED.values(), ids=TOLERATED.keys())
def test_tolerated_input_is_printed_as_text(
    old: str, new: str, printed: str, content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "letters" / "2018-11-13-voortgang-imvo-beleid.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = new + text if not old else text.replace(old, new, 1 if old != "\n" else -1)
    path.write_bytes(text.encode("utf-8"))
    assert main(["check", "--content", str(content_copy)]) == 0, capsys.readouterr().err
    html = html_of(content_copy, f"letters/{path.stem}.pdf")
    assert printed in html
    assert "<script" not in html and '<img src="file:' not in html and "<style>@" not in html
