"""The register of motions and commitments as the export writes it and the dossier's annex
prints it: the parties as the submitters stand, and a workbook that holds the content's text
as text, the same cells as the CSV and nothing a spreadsheet would run, the same bytes every
time; the format follows the file's name, and an export replaces only a register it wrote."""

from __future__ import annotations

import csv
import os
import pty
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from briefing.cli import main
from briefing.export import COLUMNS
from briefing.prepare import prepare
from tests.conftest import CONTENT, PATIENCE, ROOT, cli, tables
from tests.test_dossier import ANNEX_TABLE, AO_2018, PARTIES_TABLE

#: A commitment whose text starts as a spreadsheet formula does.
FORMULA = '=HYPERLINK("https://example.org/","Klik hier")'
COMMITMENT = f"""
  - id: formule-als-tekst
    text: '{FORMULA} voor de Kamer.'
    debate: ao-imvo-2018-11-14
    made_by: Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking
"""


def test_text_that_looks_like_a_formula_stays_text_in_the_workbook(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commitments = content_copy / "commitments.yaml"
    commitments.write_text(commitments.read_text(encoding="utf-8") + COMMITMENT, "utf-8")
    args = ["export", "--content", str(content_copy), "--date", "2019-01-01"]
    book, sheet_csv = tmp_path / "register.xlsx", tmp_path / "register.csv"
    assert main([*args, "--out", str(book)]) == 0
    assert main([*args, "--out", str(sheet_csv)]) == 0
    assert capsys.readouterr().out == (f"wrote {book} (7 rows)\nwrote {sheet_csv} (7 rows)\n")
    with zipfile.ZipFile(book) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    cells = [
        ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    with sheet_csv.open(encoding="utf-8-sig", newline="") as stream:
        assert cells == list(csv.reader(stream))
    texts = [row[3] for row in cells if row[0] == "formule-als-tekst"]
    assert texts == [f"{FORMULA} voor de Kamer."]


#: The Kamer's records name a co-submitter of another party than the content's first.
CO_SUBMITTER = """  submitted: 2018-04-04
  submitters:
  - {name: Becker, party: VVD}
  - {name: Diks, party: GroenLinks}
"""


def test_a_motions_parties_follow_its_submitters_the_first_first(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Bouali c.s. (ChristenUnie, D66)' would make Bouali a member of the ChristenUnie; the
    annex and the export also count the co-submitters the Kamer's records name."""
    kamer = content_copy / "kamer.yaml"
    text = kamer.read_text(encoding="utf-8")
    becker = "  subject: Motie van het lid Becker c.s. over het actief tegengaan van misstanden op"
    start = text.index(becker)
    end = text.index("  submitted: 2018-04-04\n", start)
    kamer.write_text(text[:end] + CO_SUBMITTER + text[end + 24 :], encoding="utf-8")
    pdf = prepare(content_copy, tmp_path / "out", debate_id=AO_2018).path
    annex = [row[0] for row in tables(pdf)[ANNEX_TABLE]]
    assert annex[2].startswith("Motie Becker c.s. (VVD, GroenLinks): bij de evaluatie")
    assert annex[3].startswith("Motie Bouali c.s. (D66, ChristenUnie): een voortrekkersrol")
    parties = [row[:2] for row in tables(pdf)[PARTIES_TABLE]]
    groenlinks = parties.index(["GroenLinks", "Motie Diks (Kamerstuk 26 485, nr. 273)"])
    assert parties[groenlinks + 1] == ["", "Motie Becker c.s. (Kamerstuk 26 485, nr. 277)"]
    target = tmp_path / "register.csv"
    args = ["export", "--content", str(content_copy), "--debate", AO_2018, "--out", str(target)]
    assert main(args) == 0
    capsys.readouterr()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        found = {row["id"]: row["fractie"] for row in csv.DictReader(stream)}
    assert found["becker-26485-277"] == "VVD, GroenLinks"
    assert found["bouali-26485-280"] == "D66, ChristenUnie"


def test_the_export_as_xlsx_is_the_same_every_time(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    paths = [tmp_path / f"{n}.xlsx" for n in (1, 2)]
    for path in paths:
        args = ["export", "--content", str(CONTENT), "--date", "2022-04-30"]
        assert main([*args, "--format", "xlsx", "--out", str(path)]) == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    sheet = load_workbook(paths[0]).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == COLUMNS
    becker = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "becker-26485-277")
    assert becker[9] == "uitgevoerd" and becker[5] == "VVD"


def test_the_export_takes_its_format_from_the_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file named .xlsx gets a spreadsheet without --format; a format that the name
    contradicts is refused before anything is written; one row is one row."""
    from openpyxl import load_workbook

    args = ["export", "--content", str(CONTENT), "--debate", "ao-imvo-2018-03-06"]
    sheet = tmp_path / "register.xlsx"
    assert main([*args, "--out", str(sheet)]) == 0
    assert capsys.readouterr().out == f"wrote {sheet} (1 row)\n"
    workbook = load_workbook(sheet).active
    assert workbook is not None and [c.value for c in workbook[1]] == COLUMNS

    wrong = tmp_path / "register.csv"
    assert main([*args, "--format", "xlsx", "--out", str(wrong)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"briefing: error: {wrong} ends in .csv, but the format asked for is xlsx; "
        "name the file register.xlsx, or leave --format out\n"
    )
    assert not wrong.exists()

    old = tmp_path / "register.xls"
    assert main([*args, "--out", str(old)]) == 2
    assert capsys.readouterr() == (
        "",
        f"briefing: error: {old} ends in .xls, a format the register is not written in; name "
        "the file register.xlsx (a workbook) or register.csv, or give --format csv\n",
    )
    assert not old.exists()
    dated = tmp_path / "register-2018.03.06"
    assert main([*args, "--out", str(dated)]) == 0
    assert dated.read_text(encoding="utf-8-sig").startswith(",".join(COLUMNS))
    capsys.readouterr()

    unknown = ["export", "--content", str(CONTENT), "--debate", "ao-imvo-2018-03-07"]
    assert main([*unknown, "--out", str(tmp_path / "none.csv")]) == 2
    assert capsys.readouterr() == (
        "",
        f"briefing: error: no debate 'ao-imvo-2018-03-07' in {CONTENT / 'debates.yaml'}; "
        "did you mean 'ao-imvo-2018-03-06'?\n",
    )
    assert not (tmp_path / "none.csv").exists()


def test_the_export_replaces_only_a_register_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export may write over an earlier export, never over another file (a content file,
    a workbook a spreadsheet has saved since) or into a folder; refused, nothing changes."""
    from openpyxl import load_workbook

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    args = ["export", "--content", str(content), "--date", "2022-04-30", "--out"]
    motions = content / "motions.yaml"
    before = motions.read_bytes()
    assert main([*args, str(motions)]) == 2
    assert capsys.readouterr() == (
        "",
        f"briefing: error: {motions} exists and is not a register written by export; nothing "
        "written; give another file with --out, or move this one away first\n",
    )
    assert motions.read_bytes() == before

    for name in ("register.csv", "register.xlsx"):
        register = tmp_path / name
        assert main([*args, str(register)]) == 0
        assert main([*args, str(register)]) == 0  # again, over its own
        assert capsys.readouterr().out == f"wrote {register} (12 rows)\n" * 2

    saved = tmp_path / "register.xlsx"
    book = load_workbook(saved)
    book.worksheets[0]["D2"] = "a note of my own"
    book.save(saved)
    edited = saved.read_bytes()
    assert main([*args, str(saved)]) == 2
    assert "is not a register written by export" in capsys.readouterr().err
    assert saved.read_bytes() == edited

    assert main([*args, str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"briefing: error: {tmp_path} is a folder; give a file, e.g. --out "
        f"{tmp_path / 'register.csv'}\n"
    )


def _export_to(stdout: int, *args: str) -> subprocess.Popen[bytes]:
    """``briefing export --out -`` of the debate of November 2018, its output to ``stdout``."""
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "export", "--debate", AO_2018, "--out", "-", *args],
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
    )


def test_the_register_goes_to_standard_output_with_out_dash(tmp_path: Path) -> None:
    """``--out -``: the register itself on standard output, the same bytes as in a file, and
    the line that says what was written on standard error."""
    assert cli("export", "--debate", AO_2018, "--out", tmp_path / "r.csv").returncode == 0
    process = _export_to(subprocess.PIPE)
    out, err = process.communicate(timeout=PATIENCE)
    assert process.returncode == 0
    assert out == (tmp_path / "r.csv").read_bytes()
    assert err.decode() == "wrote <stdout> (6 rows)\n"


def test_standard_output_closed_early_or_a_terminal_for_a_workbook_is_said(tmp_path: Path) -> None:
    """A reader that stops reading (``| true``) is said, without a traceback; a workbook is
    not written to a terminal."""
    process = _export_to(subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()  # before the command writes: nobody reads what it writes
    _, err = process.communicate(timeout=PATIENCE)
    assert (process.returncode, err.decode()) == (
        1,
        "briefing: error: the register was not read to its end: the command it went to "
        "stopped reading\n",
    )
    leader, terminal = pty.openpty()
    process = _export_to(terminal, "--format", "xlsx")
    os.close(terminal)
    _, err = process.communicate(timeout=PATIENCE)
    os.close(leader)
    assert (process.returncode, err.decode()) == (
        2,
        "briefing: error: a workbook is not text to show in a terminal; send it to a file "
        "(--out - > register.xlsx) or give --out FILE\n",
    )
