"""``briefing kamer load`` and bad input: one clear line naming the file, exit 1, no
traceback, and the store as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.kamer import store as store_module
from tests.conftest import cli, piped
from tests.test_kamer_data import KAMER_DATA, dump, no_live_service, real_files, real_records

__all__ = ["no_live_service"]  # the autouse fixture: no test reaches the live service


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding the real debates."""
    path = tmp_path / "kamer.sqlite"
    assert (
        main(["kamer", "load", str(KAMER_DATA / "imvo-activiteit.json"), "--store", str(path)]) == 0
    )
    return path


def test_load_reads_every_real_file_and_says_what_it_stored(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "kamer.sqlite"
    done = cli("kamer", "load", *real_files(), "--store", path, here=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "loaded 680 records: 680 new, 0 updated, 0 unchanged (Zaak 254, ZaakActor 166, "
        "Stemming 120, Activiteit 64, Document 60, Fractie 15, Besluit 1)\n"
    )


def test_the_default_store_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = cli("kamer", "load", str(KAMER_DATA / "imvo-activiteit.json"), here=True)
    assert done.returncode == 0 and done.stdout.startswith("loaded 64 records: 64 new")
    assert (tmp_path / ".briefing" / "kamer.sqlite").is_file()


def test_a_response_piped_in_as_dash_is_loaded_and_named_stdin(tmp_path: Path) -> None:
    """``curl ... | briefing kamer load -``: what standard input gives is loaded as a file
    is, with the files beside it; a fault in it names ``<stdin>``; nothing to read, or ``-``
    twice, is refused; and a refusal stores nothing."""
    store = tmp_path / "kamer.sqlite"
    zaak = (KAMER_DATA / "imvo-zaak.json").read_bytes()
    done = piped(zaak, "kamer", "load", KAMER_DATA / "imvo-activiteit.json", "-", "--store", store)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == (
        b"loaded 258 records: 258 new, 0 updated, 0 unchanged (Zaak 194, Activiteit 64)\n"
    )
    refused = [
        piped(b'{"value": [', "kamer", "load", "-", "--store", tmp_path / "cut.sqlite"),
        piped(b"", "kamer", "load", "-", "--store", tmp_path / "empty.sqlite"),
        piped(None, "kamer", "load", "-", "--store", tmp_path / "closed.sqlite"),
        piped(zaak, "kamer", "load", "-", "-", "--store", tmp_path / "twice.sqlite"),
    ]
    assert [(run.returncode, run.stderr.decode()) for run in refused] == [
        (
            1,
            "briefing: error: <stdin>:1:12: the JSON stops before it is complete: the file is "
            "truncated; save or fetch it again\n",
        ),
        (1, "briefing: error: <stdin>: not OData JSON: it is empty\n"),
        (1, "briefing: error: <stdin> is closed; pipe a response of the service into it\n"),
        (2, "briefing: error: '-' (standard input) can be read once; give it once\n"),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kamer.sqlite"]


#: The start of a page of the Kamer's SyncFeed (``/SyncFeed/2.0/Feed?category=Toezegging``),
#: in the form the Kamer's schema of the record gives it (the ids and values are made up).
SYNCFEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Toezegging</title>
  <link rel="next"
    href="https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Toezegging" />
  <entry>
    <title type="text">5b1f2c3e-8f0a-4d6b-9c1e-2a7d4e6f8b01</title>
    <content type="application/xml">
      <toezegging xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0"
        id="5b1f2c3e-8f0a-4d6b-9c1e-2a7d4e6f8b01">
        <nummer>TZ202111-101</nummer>
        <status>Voldaan</status>
      </toezegging>
    </content>
  </entry>
</feed>
"""


def test_one_record_as_the_service_gives_it_by_its_key_is_loaded(
    tmp_path: Path, store: Path
) -> None:
    """The service gives one record asked for by its key (``Activiteit(<Id>)``) without a
    page around it: the record itself, its context ending in ``/$entity``."""
    activity = next(r for r in real_records("imvo-activiteit.json") if r["Nummer"] == "2021A07684")
    context = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Activiteit/$entity"
    path = tmp_path / "activiteit.json"
    path.write_text(json.dumps({"@odata.context": context, **activity}), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite"
    done = cli("kamer", "load", str(path), "--store", str(fresh), here=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "loaded 1 record: 1 new, 0 updated, 0 unchanged (Activiteit 1)\n"
    done = cli("kamer", "load", str(path), "--store", str(store), here=True)
    assert done.stdout == "loaded 1 record: 0 new, 0 updated, 1 unchanged (Activiteit 1)\n"


#: A JSON escape of half of a character, the first of a UTF-16 pair without the second.
HALF = "\\ud800"


def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Bad input files, each with the line of the error it gives."""
    real = (KAMER_DATA / "imvo-zaak.json").read_text(encoding="utf-8")
    cut = real[: len(real) // 2]
    zaak = real_records("imvo-zaak.json")[0]
    persons = {"@odata.context": "https://x/OData/v4/2.0/$metadata#Persoon", "value": [{"Id": "1"}]}
    unknown = [{"Id": "x", "Naam": "Y", "GewijzigdOp": "2020-01-01"}]
    kept = (
        "Zaak, Activiteit, Toezegging, ZaakActor, Besluit, Stemming, Agendapunt, Document, "
        "Kamerstukdossier, Fractie"
    )
    line, column = cut.count("\n") + 1, len(cut) - cut.rfind("\n")
    files = {  # name: (text, what follows the file's name in the message)
        "yaml.json": (
            "# yaml-language-server: $schema=schemas/motions.schema.json\n",
            ':1:1: not OData JSON: expected a response page ({"value": [...]}) or an array of '
            "records",
        ),
        "object.json": (
            json.dumps({"Zaak": [zaak]}),
            ": not OData JSON: found an object without 'value'; expected a response page "
            '({"value": [...]}) or an array of records',
        ),
        "syncfeed.xml": (
            SYNCFEED,
            ":1:1: this is the Kamer's SyncFeed (Atom XML), which is not read here; save the "
            "same records as OData JSON, from the service's '/OData/v4/2.0/<entity>' address "
            "(e.g. .../OData/v4/2.0/Toezegging?$filter=...)",
        ),
        "truncated.json": (
            cut,
            f":{line}:{column}: the JSON stops before it is complete: the file is truncated; "
            "save or fetch it again",
        ),
        "persons.json": (
            json.dumps(persons),
            f": records of the entity 'Persoon', which the store does not keep; it keeps {kept}",
        ),
        "unknown.json": (
            json.dumps(unknown),
            f": record 1 is not a record of an entity the store keeps ({kept}); its fields are "
            "GewijzigdOp, Id, Naam",
        ),
        "no-id.json": (
            json.dumps([{k: v for k, v in zaak.items() if k != "Id"}]),
            ": record 1 (Zaak) has no 'Id'",
        ),
        "date-object.json": (
            json.dumps([{**zaak, "GewijzigdOp": {"$date": zaak["GewijzigdOp"]}}]),
            f": record 1 (Zaak {zaak['Nummer']}) has no valid 'GewijzigdOp' "
            f'({{"$date": "{zaak["GewijzigdOp"]}"}}); expected a timestamp such as '
            '"2024-02-19T10:59:02.367+01:00": without it a newer record cannot be told from an '
            "older one",
        ),
        "date-list.json": (
            json.dumps([{**zaak, "GewijzigdOp": [zaak["GewijzigdOp"]]}]),
            f": record 1 (Zaak {zaak['Nummer']}) has no valid 'GewijzigdOp' "
            f'(["{zaak["GewijzigdOp"]}"]); expected a timestamp such as '
            '"2024-02-19T10:59:02.367+01:00": without it a newer record cannot be told from an '
            "older one",
        ),
        "far-future.json": (
            json.dumps([{**zaak, "GewijzigdOp": "9999-12-31T23:00:00-05:00"}]),
            f": record 1 (Zaak {zaak['Nummer']}) has no valid 'GewijzigdOp' "
            '("9999-12-31T23:00:00-05:00"); expected a timestamp such as '
            '"2024-02-19T10:59:02.367+01:00": without it a newer record cannot be told from an '
            "older one",
        ),
        "deep.json": (
            "[" * 100_000 + "]" * 100_000,
            ": not OData JSON: its arrays and objects are nested thousands deep, as no response "
            "of the service is; save or fetch it again",
        ),
        "half-a-character.json": (
            half := json.dumps([{**zaak, "Onderwerp": "Motie \ud800"}]),
            f":1:{half.index(HALF) + 1}: not valid JSON text: '{HALF}' is half of a "
            "character (one of a UTF-16 pair without the other), which the service never "
            "writes; save or fetch it again",
        ),
    }
    out = {}
    for name, (text, message) in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out[name] = (path, f"briefing: error: {path}{message}")
    return out


@pytest.mark.parametrize(
    "name",
    [
        *("yaml.json", "object.json", "syncfeed.xml", "truncated.json", "persons.json"),
        "unknown.json",
        *("no-id.json", "date-object.json", "date-list.json", "far-future.json"),
        *("deep.json", "half-a-character.json"),
    ],
)
def test_a_file_that_is_not_odata_json_of_known_records_is_refused(
    tmp_path: Path, store: Path, name: str
) -> None:
    path, message = _bad_files(tmp_path)[name]
    before = dump(store)
    good = str(KAMER_DATA / "imvo-zaak.json")
    done = cli("kamer", "load", good, str(path), "--store", str(store), here=True)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [message]
    assert dump(store) == before  # not even the good file's records


def test_a_failed_load_leaves_no_new_store_behind(tmp_path: Path) -> None:
    path, message = _bad_files(tmp_path)["truncated.json"]
    store = tmp_path / "new" / "kamer.sqlite"
    done = cli("kamer", "load", *real_files(), path, "--store", store, here=True)
    assert (done.returncode, done.stderr.splitlines()) == (1, [message])
    assert not store.exists()


def test_a_store_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kamer.sqlite"
    path.write_text("not a database\n", encoding="utf-8")
    for command in (["load", str(KAMER_DATA / "imvo-zaak.json")], ["link"]):
        done = cli("kamer", *command, "--store", str(path), here=True)
        assert (done.returncode, done.stdout) == (1, "")
        assert done.stderr.splitlines() == [
            f"briefing: error: {path}: not a Kamer store: the file is not an SQLite database"
        ]
    assert path.read_text(encoding="utf-8") == "not a database\n"


def test_an_sqlite_database_of_something_else_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    before = dump(path)
    done = cli("kamer", "load", str(KAMER_DATA / "imvo-zaak.json"), "--store", str(path), here=True)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"briefing: error: {path}: not a Kamer store: an SQLite database of something else; "
        "give another --store"
    ]
    assert dump(path) == before


def test_a_locked_store_is_refused(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.1)
    before = dump(store)
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        done = cli(
            "kamer", "load", str(KAMER_DATA / "imvo-zaak.json"), "--store", str(store), here=True
        )
    finally:
        other.rollback()
        other.close()
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"briefing: error: {store}: the store is locked by another process (a sync or load "
        "still running?); try again when it has finished"
    ]
    assert dump(store) == before


def test_link_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite"
    done = cli("kamer", "link", "--store", str(path), here=True)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"briefing: error: {path}: there is no Kamer store here; fill one with 'briefing kamer "
        "sync' or 'briefing kamer load' first, or give --store"
    ]
    assert not path.exists()


def test_sync_refuses_an_address_that_is_not_https(tmp_path: Path) -> None:
    path = tmp_path / "kamer.sqlite"
    url = "http://example.org/OData/v4/2.0/"
    done = cli("kamer", "sync", "--url", url, "--store", str(path), here=True)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"briefing: error: {url}: the Kamer's service is fetched over https only (http only "
        "from 127.0.0.1 or localhost); give its https address"
    ]
    assert not path.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--dossier", "MVO"], "'MVO' is not a dossier number; write it like 26485 or 35925-XVII"),
        (["--since", "14-11-2018"], "write the day as YYYY-MM-DD: 2018-11-14 (got '14-11-2018')"),
    ],
)
def test_sync_refuses_a_bad_option_as_a_usage_error(option: list[str], message: str) -> None:
    done = cli("kamer", "sync", *option, here=True)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].endswith(message)
