"""The register of motions and commitments as the export writes it and the dossier's annex
prints it: the parties as the submitters stand, and a workbook that holds the content's text
as text, the same cells as the CSV and nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest

from briefing.cli import main
from briefing.prepare import prepare
from tests.conftest import tables
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
