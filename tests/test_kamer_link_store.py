"""What ``briefing kamer link`` keeps in the store beside ``kamer.yaml``, and what
``briefing check --store`` makes of the store: the same facts as ``link``, the memory of what
``link`` wrote following the content folder, and a store that cannot be written changing
nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.errors import BriefingError
from briefing.kamer import store as store_module
from briefing.kamer.load import load_files
from tests.conftest import cli
from tests.test_kamer_data import FIXTURES, dump, no_live_service, real_files

__all__ = ["no_live_service"]  # the autouse fixture: no test reaches the live service


def link(content: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run ``briefing kamer link``; its lines of output."""
    status = main(["kamer", "link", "--content", str(content), "--store", str(store)])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    return out.splitlines()


def check(content: Path, store: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The warnings ``briefing check --store`` prints about ``kamer.yaml``."""
    assert main(["check", "--content", str(content), "--store", str(store)]) == 0
    return [line for line in capsys.readouterr().err.splitlines() if "kamer.yaml:" in line]


def by_hand(content: Path, old: str, new: str) -> int:
    """Write ``new`` for the first line ``old`` of ``kamer.yaml``; the line's number."""
    path = content / "kamer.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = lines.index(old)
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def test_check_with_the_store_reports_what_link_reports_of_a_replaced_motion(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Motion 26 485, nr. 280 has the Kamer's vote on the gewijzigde motie nr. 287 that
    replaced it; neither record gives its dossier's number, only its title, which the
    content's Kamerstuk numbers tell. A result written by hand against that vote is reported
    by ``link`` and, in the same words at the same line, by ``check --store``."""
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "zaak-gewijzigde-motie.json"], store)
    link(content_copy, store, capsys)
    line = by_hand(content_copy, "  result: aangenomen", "  result: verworpen")
    warning = (
        f"{content_copy / 'kamer.yaml'}:{line}:3: motions[2].result: warning: 'verworpen' as "
        "written here, but the Kamer's records (Zaak 2018Z06150) say 'aangenomen'; 'briefing "
        "kamer link' keeps what a person wrote: remove the line and link again to take the "
        "records' word"
    )
    assert f"by hand motion bouali-26485-280: {warning}" in link(content_copy, store, capsys)
    assert check(content_copy, store, capsys) == [warning]


def test_the_memory_of_what_link_wrote_follows_the_project_and_no_other_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project with its content and the store in ``.briefing/``: a person writes the
    register's status of a commitment otherwise. Moved whole (another checkout, a colleague's
    copy), link still knows it wrote the rest and keeps the person's word; another content
    folder of the project that uses the same store is another file, of which the store
    knows nothing."""
    project = tmp_path / "checkout"
    content = project / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", content)
    store = project / ".briefing" / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json"], store)
    monkeypatch.chdir(project)
    link(Path("content"), Path(".briefing/kamer.sqlite"), capsys)
    line = by_hand(content, "  status: Afgedaan", "  status: Deels Afgedaan")

    moved = tmp_path / "elsewhere" / "checkout"
    shutil.move(project, moved)
    monkeypatch.chdir(moved)
    out = link(Path("content"), Path(".briefing/kamer.sqlite"), capsys)
    assert [x.split(": ", 1)[0] for x in out if x.startswith(("by hand", "replaced"))] == [
        "by hand commitment technische-briefing-sectorale-samenwerking"
    ]
    assert any(
        f"content/kamer.yaml:{line}:3: commitments[1].status: warning: 'Deels Afgedaan'" in x
        for x in out
    )
    assert "  status: Deels Afgedaan\n" in (moved / "content" / "kamer.yaml").read_text()

    shutil.copytree(moved / "content", moved / "other")
    out = link(Path("other"), Path(".briefing/kamer.sqlite"), capsys)
    assert [x.split(": ", 1)[0] for x in out if x.startswith(("by hand", "replaced"))] == [
        "replaced commitment technische-briefing-sectorale-samenwerking"
    ]


def test_a_content_folder_moved_away_from_its_store_keeps_the_memory(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A content folder moved on its own, the store staying where it was: the store's only
    memory of a file that is gone is the moved folder's, and link keeps the person's word."""
    store = tmp_path / "stores" / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json"], store)
    link(content_copy, store, capsys)
    by_hand(content_copy, "  status: Afgedaan", "  status: Deels Afgedaan")
    moved = tmp_path / "renamed" / "content"
    shutil.move(content_copy, moved)
    out = link(moved, store, capsys)
    assert [x.split(": ", 1)[0] for x in out if x.startswith(("by hand", "replaced"))] == [
        "by hand commitment technische-briefing-sectorale-samenwerking"
    ]
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT file FROM linked").fetchall() == [
            ("../renamed/content/kamer.yaml",)
        ]


def test_a_store_that_kept_the_memory_by_absolute_path_is_still_read(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store an earlier version filled names each kamer.yaml by its absolute path: link
    reads that memory, and keeps it from then on by the path from the project."""
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json"], store)
    link(content_copy, store, capsys)
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE linked SET file = ?", (str(content_copy / "kamer.yaml"),))
    by_hand(content_copy, "  status: Afgedaan", "  status: Deels Afgedaan")
    out = link(content_copy, store, capsys)
    assert any(x.startswith("by hand commitment technische-briefing") for x in out)
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT file FROM linked").fetchall() == [("content/kamer.yaml",)]


def test_link_with_a_store_it_cannot_write_changes_nothing(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While another process writes to the store (a sync), link cannot remember what it
    wrote: it says so, names kamer.yaml as left as it was, writes neither, exits 1."""
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.1)
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json"], store)
    path = content_copy / "kamer.yaml"
    before, stored = path.read_bytes(), dump(store)
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        done = cli("kamer", "link", "--content", content_copy, "--store", store, here=True)
    finally:
        other.rollback()
        other.close()
    assert (path.read_bytes(), dump(store)) == (before, stored)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"briefing: error: {store}: the store is locked by another process (a sync or load "
        f"still running?); try again when it has finished; nothing was written, {path} is as "
        "it was"
    ]
    assert "commitments: []" in before.decode()  # link would have added the register's two


def test_a_store_that_fails_at_the_last_step_leaves_kamer_yaml_as_it_was(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the store's commit fails after kamer.yaml was written (a full disk), the file is
    put back as it was: neither changed."""
    store = tmp_path / "kamer.sqlite"
    load_files([*real_files(), FIXTURES / "toezegging.json"], store)
    path = content_copy / "kamer.yaml"
    before, stored = path.read_bytes(), dump(store)
    execute = store_module.Store.execute

    def full_disk(self: store_module.Store, sql: str, args: Iterable[Any] = ()) -> Any:
        if sql == "COMMIT" and path.read_bytes() != before:
            raise BriefingError(f"{self.path}: the store failed: database or disk is full")
        return execute(self, sql, args)

    monkeypatch.setattr(store_module.Store, "execute", full_disk)
    done = cli("kamer", "link", "--content", content_copy, "--store", store, here=True)
    assert (path.read_bytes(), dump(store)) == (before, stored)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"briefing: error: {store}: the store failed: database or disk is full; nothing was "
        f"written, {path} is as it was"
    ]


#: The motion 26 485, nr. 277 as no record of the Kamer's gives it, changed since the real
#: one: started on a day no calendar has, a submitter without a name, a party's vote
#: whose size is text.
ODD_MOTION = {
    "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata"
    "#Zaak(ZaakActor(),Besluit(Stemming()))",
    "value": [
        {
            "Id": "837a463d-0d8f-4ff0-b021-d48919723edd",
            "Nummer": "2018Z06147",
            "Soort": "Motie",
            "Onderwerp": "Motie van het lid Becker c.s. over het actief tegengaan van "
            "misstanden op de werkvloer",
            "GestartOp": "2018-02-30T00:00:00+01:00",
            "Volgnummer": 277,
            "GewijzigdOp": "2030-01-01T00:00:00+01:00",
            "ZaakActor": [
                {
                    "Id": "za1",
                    "Relatie": "Indiener",
                    "ActorNaam": ", D.A.",
                    "ActorFractie": "VVD",
                    "GewijzigdOp": "2030-01-01T00:00:00+01:00",
                }
            ],
            "Besluit": [
                {
                    "Id": "b1",
                    "StemmingsSoort": "Met handopsteken",
                    "BesluitSoort": "Stemmen - aangenomen",
                    "BesluitTekst": "Aangenomen.",
                    "GewijzigdOp": "2030-01-01T00:00:00+01:00",
                    "Stemming": [
                        {
                            "Id": "s1",
                            "Soort": "Voor",
                            "FractieGrootte": "8",
                            "ActorFractie": "VVD",
                            "GewijzigdOp": "2030-01-01T00:00:00+01:00",
                        }
                    ],
                }
            ],
        }
    ],
}


#: A commitment in the words of one of the content's, without a number to link it by.
ODD_COMMITMENT = {
    "Id": "t1",
    "Nummer": 101,
    "ActiviteitNummer": "2021A07684",
    "Aanmaakdatum": "2021-11-26T10:12:00+01:00",
    "Tekst": "De minister zegt toe een technische briefing te organiseren over de "
    "IMVO-convenanten en sectorale samenwerking.",
    "Status": "Afgedaan",
    "DatumNakoming": "2022-03-31T00:00:00+02:00",
    "GewijzigdOp": "2022-04-20T09:30:00+02:00",
}


def test_values_no_record_of_the_kamer_has_are_read_as_not_given(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A motion's record with a day no calendar has, a submitter without a name and a
    party's size as text is linked as a record that does not give them: the day the file
    has stands, no submitter is named and the votes are not counted; the decision is. A
    commitment without a number is no record to link to, nor one whose text is a number."""
    store = tmp_path / "kamer.sqlite"
    load_files(real_files(), store)
    link(content_copy, store, capsys)
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(ODD_MOTION), encoding="utf-8")
    unnumbered = tmp_path / "unnumbered.json"
    untold = {**ODD_COMMITMENT, "Id": "t2", "Nummer": "TZ202111-999", "Tekst": 10**30}
    unnumbered.write_text(json.dumps([ODD_COMMITMENT, untold]), encoding="utf-8")
    load_files([odd, unnumbered], store)
    lines = link(content_copy, store, capsys)
    kept = "kept motion becker-26485-277 → Zaak 2018Z06147 (Motie, 'Motie van het lid Becker"
    assert any(line.startswith(kept) for line in lines)
    assert (
        "not found commitment technische-briefing-sectorale-samenwerking: the register has no "
        "commitment made at Activiteit 2021A07684 in these words"
    ) in lines
    after = (content_copy / "kamer.yaml").read_text(encoding="utf-8")
    entry = after[after.index("- motion: becker-26485-277") :].split("\n- ")[0]
    assert entry.splitlines()[4:] == [
        "  submitted: 2018-04-04",
        "  decision: Aangenomen.",
        "  result: aangenomen",
        "  decided_by: 2030-01-01",
    ]
    assert check(content_copy, store, capsys) == []
