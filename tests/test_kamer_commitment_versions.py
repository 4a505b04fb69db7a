"""A commitment the register changed: a newer version of it (a ``Toezegging`` that
``IsWijzigingVan`` it, or that the first names as ``IsGewijzigdDoor``) gives the status and
deadline ``link`` writes, and ``kamer.yaml`` says which version that is."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.kamer.load import load_files
from tests.conftest import normalise, tables, text_of
from tests.test_kamer_data import FIXTURES, no_live_service, real_files

__all__ = ["no_live_service"]  # the autouse fixture: no test reaches the live service

COMMITMENT = "overgang-convenanten-sectorale-samenwerking"


def newer_version(tmp_path: Path, shape: str, activiteit: str) -> Path:
    """The register's newer version of commitment TZ202111-102, made at ``activiteit``: as
    the service gives it (``IsWijzigingVan`` expanded), or from the first version's side
    (that one with ``IsGewijzigdDoor`` expanded)."""
    page = json.loads((FIXTURES / "toezegging-gewijzigd.json").read_text(encoding="utf-8"))
    newer = page["value"][0]
    newer["ActiviteitNummer"] = activiteit
    if shape == "IsGewijzigdDoor":
        (first,) = newer.pop("IsWijzigingVan")
        page["value"] = [{**first, "IsGewijzigdDoor": [newer]}]
        page["@odata.context"] = page["@odata.context"].split("#")[0] + "#Toezegging"
    path = tmp_path / "versions.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    return path


def entry(content: Path) -> tuple[str, str]:
    """The commitment's entry in kamer.yaml, as text; and the whole file."""
    text = (content / "kamer.yaml").read_text(encoding="utf-8")
    start = text.index(f"- commitment: {COMMITMENT}\n")
    end = text.find("\n- ", start + 1)
    return text[start : end if end > 0 else len(text)], text


@pytest.mark.parametrize("shape", ["IsWijzigingVan", "IsGewijzigdDoor"])
@pytest.mark.parametrize("activiteit", ["2022A05903", "2021A07684"], ids=["later", "same"])
def test_a_changed_commitment_has_its_newest_versions_status_and_deadline(
    content_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    shape: str,
    activiteit: str,
) -> None:
    """Commitment TZ202111-102 of the budget debate of 25 November 2021, open and without a
    deadline, was changed by TZ202209-105, made at the notaoverleg of 28 September 2022 (or
    at the same debate): open until 1 January 2023. The content's commitment stays linked to
    the first version, with its words and debate, and takes the newer one's status and
    deadline, naming it; a newer version made at the same debate is no second candidate."""
    store = tmp_path / "kamer.sqlite"
    versions = newer_version(tmp_path, shape, activiteit)
    load_files([*real_files(), FIXTURES / "toezegging.json", versions], store)
    status = main(["kamer", "link", "--content", str(content_copy), "--store", str(store)])
    out = capsys.readouterr().out
    assert status == 0
    assert f"linked commitment {COMMITMENT} → Toezegging TZ202111-102" in out
    found, text = entry(content_copy)
    assert found == (
        f"- commitment: {COMMITMENT}\n"
        "  toezegging: TZ202111-102\n"
        "  status: Openstaand\n"
        "  deadline: 2023-01-01\n"
        "  changed_by: TZ202209-105\n"
        "  changed_on: 2022-09-28\n"
        "  earlier:\n"
        "  - toezegging: TZ202111-102\n"
        "    made: 2021-11-26\n"
        "    status: Openstaand\n"
        "  activiteit: 2021A07684\n"
        "  text: De minister zegt toe per convenant met de sector te bekijken hoe de overgang "
        "naar de nieuwe vorm\n"
        "    van sectorale samenwerking soepel kan verlopen, en de Kamer daarover te "
        "informeren."
    )
    assert "TZ202209-105" not in text.replace("  changed_by: TZ202209-105\n", "")


def test_a_commitment_changed_twice_has_the_last_versions_word_and_every_versions_letters(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The newer version changed once more (a third, that IsWijzigingVan the second), and the
    letter of 7 April 2022 named as fulfilling the second: the entry has the third's status
    and deadline, names it, and lists the letter."""
    page = json.loads((FIXTURES / "toezegging-gewijzigd.json").read_text(encoding="utf-8"))
    second = page["value"][0]
    letter = json.loads((FIXTURES / "toezegging.json").read_text(encoding="utf-8"))["value"][0]
    second["KamerbriefNakoming"] = letter["KamerbriefNakoming"]
    third = {
        **second,
        "Id": "8c7b6a59-4d3e-4f2a-9b1c-0d9e8f7a6b5c",
        "Nummer": "TZ202212-044",
        "Aanmaakdatum": "2022-12-14T11:00:00+01:00",
        "Status": "Deels Afgedaan",
        "DatumNakoming": "2023-06-30T00:00:00+02:00",
        "GewijzigdOp": "2022-12-15T09:00:00+01:00",
        "KamerbriefNakoming": [],
        "IsWijzigingVan": [second],
    }
    page["value"] = [third]
    path = tmp_path / "versions.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json", path], store)
    assert main(["kamer", "link", "--content", str(content_copy), "--store", str(store)]) == 0
    capsys.readouterr()
    found, _ = entry(content_copy)
    assert found.startswith(
        f"- commitment: {COMMITMENT}\n"
        "  toezegging: TZ202111-102\n"
        "  status: Deels Afgedaan\n"
        "  deadline: 2023-06-30\n"
        "  changed_by: TZ202212-044\n"
    )
    assert found.endswith(
        "  fulfilled_by:\n"
        "  - document: 2022D13866\n"
        "    date: 2022-04-07\n"
        "    kamerstuk: 26 485, nr. 395\n"
        "    letter: 2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    )


def test_before_the_register_changed_a_commitment_its_first_version_is_in_force(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The register changed TZ202111-102 (open, without a deadline) on 28 September 2022 by
    TZ202209-105, partly met (`Deels Voldaan`, a status of the register's schema) with a
    deadline of 1 January 2023. An export and a dossier dated before that day have the first
    version's word (open, no deadline); dated after it, the newer version's."""
    page = json.loads((FIXTURES / "toezegging-gewijzigd.json").read_text(encoding="utf-8"))
    page["value"][0]["Status"] = "Deels Voldaan"
    versions = tmp_path / "versions.json"
    versions.write_text(json.dumps(page), encoding="utf-8")
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json", versions], store)
    assert main(["kamer", "link", "--content", str(content_copy), "--store", str(store)]) == 0
    capsys.readouterr()
    rows = {}
    for day in ("2022-09-28", "2022-09-29"):
        target = tmp_path / f"{day}.csv"
        args = ["export", "--content", str(content_copy), "--date", day, "--out", str(target)]
        assert main(args) == 0
        with target.open(encoding="utf-8-sig", newline="") as stream:
            rows[day] = {row[0]: row for row in csv.reader(stream)}
    before, after = rows["2022-09-28"][COMMITMENT], rows["2022-09-29"][COMMITMENT]
    # termijn, volgens de Kamer
    assert (before[8], before[12]) == ("", "Openstaand")
    assert (after[8], after[12]) == ("1 januari 2023", "Deels Voldaan")
    out = tmp_path / "out"
    args = ["prepare", "--content", str(content_copy), "--out", str(out), "--date"]
    assert main([*args, "2022-09-28"]) == 0
    assert main([*args, "2022-09-29"]) == 0
    capsys.readouterr()
    before_pdf, after_pdf = (out / f"briefings/stand-van-zaken-{day}.pdf" for day in rows)
    assert annex_status(before_pdf).endswith("; Kamer: Openstaand")
    for found in (annex_status(before_pdf), normalise(text_of(before_pdf))):
        assert "Deels Voldaan" not in found and "1 januari 2023" not in found
    assert annex_status(after_pdf).endswith("; termijn 1 januari 2023; Kamer: Deels Voldaan")


def annex_status(pdf: Path) -> str:
    """The commitment's "Stand van zaken" in the annex of the dossier ``pdf``."""
    (row,) = [
        row
        for row in tables(pdf)["Omschrijving | Vindplaats | Stand van zaken"]
        if row[0].startswith("Toezegging: Per IMVO-convenant")
    ]
    return row[2]


def test_a_newest_version_written_by_hand_keeps_the_versions_as_the_file_has_them(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person who names another newest version by hand, and leaves out the day and the
    versions before it, is not given the records' day and versions with it: the newest
    version, its day and the versions before it are one fact, reported at its line."""
    store = tmp_path / "kamer.sqlite"
    versions = newer_version(tmp_path, "IsWijzigingVan", "2022A05903")
    load_files([*real_files(), FIXTURES / "toezegging.json", versions], store)
    link = ["kamer", "link", "--content", str(content_copy), "--store", str(store)]
    assert main(link) == 0
    path = content_copy / "kamer.yaml"
    found, text = entry(content_copy)
    mine = found.split("  changed_on:")[0].replace("TZ202209-105", "TZ202212-044")
    mine += "  activiteit:" + found.split("  activiteit:")[1]
    path.write_text(text.replace(found, mine), encoding="utf-8")
    capsys.readouterr()
    assert main(link) == 0
    out = capsys.readouterr().out
    assert entry(content_copy)[0] == mine
    line = path.read_text(encoding="utf-8").splitlines().index("  changed_by: TZ202212-044") + 1
    assert (
        f"{path}:{line}:3: commitments[0].changed_by: warning: 'TZ202212-044' as written here, "
        "but the Kamer's records (Toezegging TZ202111-102) say 'TZ202209-105'"
    ) in out
