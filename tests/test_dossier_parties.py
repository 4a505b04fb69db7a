"""Per fractie: a party's motions and the commitments made to it, the newest first."""

from __future__ import annotations

from pathlib import Path

from briefing.prepare import prepare
from tests.conftest import tables
from tests.test_dossier import AO_2018, PARTIES_TABLE


def test_a_partys_newest_item_comes_first_be_it_a_commitment(
    content_copy: Path, tmp_path: Path
) -> None:
    """The OESO commitment made to GroenLinks on 28 June 2018 is newer than Diks's motion of
    4 April 2018: it comes first, though motions are listed before commitments elsewhere."""
    commitments = content_copy / "commitments.yaml"
    text = commitments.read_text(encoding="utf-8")
    made = "    debate: notaoverleg-bhos-2018-06-28\n"
    asked = made + "    asked_by: [{name: Diks, party: GroenLinks}]\n"
    commitments.write_text(text.replace(made, asked), encoding="utf-8")
    pdf = prepare(content_copy, tmp_path / "out", debate_id=AO_2018).path
    rows = [row[:3] for row in tables(pdf)[PARTIES_TABLE]]
    start = rows.index(next(row for row in rows if row[0] == "GroenLinks"))
    assert [row[1:] for row in rows[start : start + 2]] == [
        [
            "Toezegging: Een onderzoek van de OESO financieren over de relatie tussen gepaste "
            "zorgvuldigheid door bedrijven en de …",
            "deels voldaan",
        ],
        ["Motie Diks (Kamerstuk 26 485, nr. 273)", "uitgevoerd"],
    ]
    assert rows[start + 2][0] == "PvdA"
