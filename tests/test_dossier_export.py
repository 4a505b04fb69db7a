"""The register as a workbook holds the content's text as text: the same cells as the CSV,
and nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest

from briefing.cli import main

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
