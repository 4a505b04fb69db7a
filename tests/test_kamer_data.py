"""The Kamer's real records (``../shared/kamer-open-data``) read, stored and turned into facts.

Also what the other ``test_kamer_*`` modules share: where the real records are, a
store loaded with them, and the store's contents to compare before and after.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from briefing.kamer import fetch
from briefing.kamer.facts import MotionFacts
from briefing.kamer.load import load_files
from briefing.kamer.odata import parse, read_file
from briefing.kamer.records import decision, motion_facts, named_submitters, submitters
from briefing.kamer.store import QUERIES, Row, open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
KAMER_DATA = SHARED / "kamer-open-data"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kamer"
#: The real files, and the records each holds by entity (with the expanded ones).
REAL_FILES = {
    "imvo-zaak.json": {"Zaak": 194},
    "imvo-activiteit.json": {"Activiteit": 64},
    "expanded-motie-zaak.json": {"Zaak": 60, "ZaakActor": 166, "Document": 60},
    "expanded-stemming-besluit.json": {"Stemming": 120, "Besluit": 120, "Fractie": 120},
}


def real_files() -> list[Path]:
    """The real OData JSON files; fails (never skips) when the shared folder is missing."""
    if not KAMER_DATA.is_dir():
        pytest.fail(f"the Kamer's real records are missing: expected them in {KAMER_DATA}")
    return [KAMER_DATA / name for name in REAL_FILES]


def real_records(name: str) -> list[dict[str, Any]]:
    """The records of one real file, as plain data (a copy, free to change)."""
    data = json.loads((real_files()[0].parent / name).read_text(encoding="utf-8"))
    return copy.deepcopy(data["value"] if isinstance(data, dict) else data)


def dump(store: Path) -> list[str]:
    """Everything in a store, as SQL text, to compare before and after."""
    with sqlite3.connect(store) as connection:
        return list(connection.iterdump())


@pytest.fixture(autouse=True)
def no_live_service(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the Kamer's live service, not even by falling back to it."""
    monkeypatch.setattr(fetch, "DEFAULT_URL", "http://127.0.0.1:9/")


@pytest.fixture
def real_store(tmp_path: Path) -> Path:
    """A store loaded with every real record."""
    store = tmp_path / "kamer.sqlite"
    load_files(real_files(), store)
    return store


@pytest.mark.parametrize("name", list(REAL_FILES))
def test_every_real_record_is_read(name: str) -> None:
    page = read_file(next(p for p in real_files() if p.name == name))
    assert Counter(r.entity for r in page.records) == REAL_FILES[name]
    assert len({r.id for r in page.top}) == len(page.top)
    for record in page.records:
        assert record.changed.endswith("+00:00")  # GewijzigdOp in UTC
        if record.entity in ("Zaak", "Activiteit"):
            assert record.nummer and record.kind and record.day, record.fields


def test_the_records_of_the_letters_motions_and_debates_are_read_as_the_kamer_has_them() -> None:
    zaken = {r.nummer: r for p in real_files()[:3] for r in read_file(p).records if r.nummer}
    assert (zaken["2018Z06147"].day, zaken["2018Z06147"].volgnummer) == ("2018-04-04", 277)
    assert (zaken["2018Z20898"].kind, zaken["2018Z20898"].volgnummer) == ("Brief regering", 293)
    assert zaken["2022Z06842"].volgnummer == 395
    assert (zaken["2021A08488"].day, zaken["2021A08488"].kind) == (
        "2022-02-17",
        "Technische briefing",
    )
    assert zaken["2025Z18657"].volgnummer is None  # a gewijzigde motie's -1 is no number


def test_every_real_motion_names_its_submitters_and_the_first_is_the_indiener(
    real_store: Path,
) -> None:
    """Names as the motion prints them ('Ergin'), from the records' 'D.A. Ergin'."""
    store = open_store(real_store, write=False)
    try:
        motions = [r for r in store.find("between", "Zaak", "2000", "3000") if r.kind == "Motie"]
        assert len(motions) == 139
        for motion in motions:
            named, _ = named_submitters(motion.data["Onderwerp"])
            assert named, motion.data["Onderwerp"]
            listed = submitters(store, motion)
            if listed:  # the expanded records: the Indiener is the first the subject names
                first = named[0].lower().split()
                assert listed[0].name.lower().split() == first[-len(listed[0].name.split()) :]
                assert all(s.party for s in listed)
    finally:
        store.close()


def test_a_date_0001_01_01_is_no_date_and_unknown_values_are_kept() -> None:
    activity, zaak = real_records("imvo-activiteit.json")[0], real_records("imvo-zaak.json")[0]
    activity["Datum"] = "0001-01-01T00:00:00"
    activity["Status"] = "Uitgesteld tot nader order"
    zaak["Kabinetsappreciatie"] = "Oordeel Kamer, mits gewijzigd"
    (read_activity,) = parse([activity], "test").records
    (read_zaak,) = parse([zaak], "test").records
    assert read_activity.day is None and read_activity.fields["Datum"] is None
    assert read_activity.fields["Status"] == "Uitgesteld tot nader order"
    assert read_zaak.fields["Kabinetsappreciatie"] == "Oordeel Kamer, mits gewijzigd"


def test_a_commitment_without_deadline_has_none() -> None:
    page = read_file(FIXTURES / "toezegging.json")
    commitments = {r.nummer: r for r in page.records if r.entity == "Toezegging"}
    assert commitments["TZ202111-102"].fields["DatumNakoming"] is None
    assert commitments["TZ202111-101"].activiteit == "2021A07684"
    document = next(r for r in page.records if r.entity == "Document")
    assert (document.dossier, document.volgnummer) == ("26485", 395)


def test_a_decision_gives_its_result_and_the_votes(real_store: Path) -> None:
    with sqlite3.connect(real_store) as connection:
        row = connection.execute(
            "SELECT * FROM record WHERE id = '56e10506-35db-4633-9434-698165dda1d2'"
        ).fetchone()
    store = open_store(real_store, write=False)
    try:
        facts = decision(store, Row.of(row))
    finally:
        store.close()
    assert facts == {
        "decision": "Verworpen. (72-74)",
        "result": "verworpen",
        "votes_for": 72,
        "votes_against": 74,
        "voted_on": None,  # the page does not expand the decision's agenda item
        "decided_by": "2025-10-01",  # its GewijzigdOp: the records held it by then
    }


def test_a_motions_facts_from_the_real_records(real_store: Path) -> None:
    store = open_store(real_store, write=False)
    try:
        (becker,) = store.find("by_nummer", "2018Z06147", "Zaak")
        (replacing,) = store.find("by_nummer", "2018Z06592", "Zaak")
        (ergin,) = store.find("by_nummer", "2025Z18657", "Zaak")
        facts = [motion_facts(store, "m", zaak, "26485") for zaak in (becker, replacing, ergin)]
    finally:
        store.close()
    assert str(facts[0].kamerstuk) == "Kamerstuk 26 485, nr. 277"
    assert str(facts[0].submitted) == "2018-04-04"
    assert facts[0].appreciation is None  # "Niet beschikbaar ... vóór 1 april 2019"
    assert str(facts[1].replaces) == "Kamerstuk 26 485, nr. 280"
    assert [(s.name, s.party) for s in facts[2].submitters] == [("Ergin", "DENK")]
    assert str(facts[2].replaces) == "Kamerstuk 30 950, nr. 495"


def becker_facts(page: Path, tmp_path: Path) -> MotionFacts:
    """The facts of motion Becker (zaak 2018Z06147) from the records in ``page``."""
    load_files([page], tmp_path / "kamer.sqlite")
    store = open_store(tmp_path / "kamer.sqlite", write=False)
    try:
        (row,) = store.find("by_nummer", "2018Z06147", "Zaak")
        return motion_facts(store, "becker-26485-277", row, None)
    finally:
        store.close()


def test_a_motion_synced_with_its_decision_has_the_vote(tmp_path: Path) -> None:
    """A Zaak as sync expands it: Besluit with Stemming and the Agendapunt's Activiteit."""
    zaak = next(r for r in real_records("imvo-zaak.json") if r["Nummer"] == "2018Z06147")
    votes = real_records("expanded-stemming-besluit.json")
    besluit = dict(votes[0]["Besluit"])
    besluit["Stemming"] = [{k: v for k, v in s.items() if k != "Besluit"} for s in votes]
    vote_day = next(a for a in real_records("imvo-activiteit.json") if a["Soort"] == "Stemmingen")
    point = {"Id": "ap-1", "Activiteit_Id": vote_day["Id"], "Volgorde": 1}
    point.update(GewijzigdOp=besluit["GewijzigdOp"], Activiteit=vote_day)
    besluit["Agendapunt"] = point
    zaak["Besluit"] = [besluit]
    (tmp_path / "zaak.json").write_text(json.dumps([zaak]), encoding="utf-8")
    facts = becker_facts(tmp_path / "zaak.json", tmp_path)
    assert (facts.decision, facts.result, facts.votes_for, facts.votes_against) == (
        "Verworpen. (72-74)",
        "verworpen",
        72,
        74,
    )
    assert str(facts.voted_on) == "2018-11-28"


def test_members_who_vote_apart_from_their_party_count_once(tmp_path: Path) -> None:
    """A vote by show of hands in which two NSC members (of 19) voted against, their party
    for: the party's vote counts 17 seats, each member's one; 72 against 78, not 74 against
    114 (more votes than the Kamer has members)."""
    load_files([FIXTURES / "stemming-handopsteken-verdeeld.json"], tmp_path / "kamer.sqlite")
    with sqlite3.connect(tmp_path / "kamer.sqlite") as connection:
        row = connection.execute("SELECT * FROM record WHERE entity = 'Besluit'").fetchone()
    store = open_store(tmp_path / "kamer.sqlite", write=False)
    try:
        facts = decision(store, Row.of(row))
    finally:
        store.close()
    assert (facts["decision"], facts["votes_for"], facts["votes_against"]) == ("Verworpen.", 72, 78)


def only_decision(page: Path, tmp_path: Path) -> dict[str, Any]:
    """The facts of the one decision in ``page``, loaded into a new store."""
    load_files([page], tmp_path / "kamer.sqlite")
    with sqlite3.connect(tmp_path / "kamer.sqlite") as connection:
        row = connection.execute("SELECT * FROM record WHERE entity = 'Besluit'").fetchone()
    store = open_store(tmp_path / "kamer.sqlite", write=False)
    try:
        return decision(store, Row.of(row))
    finally:
        store.close()


def test_a_vote_declared_a_mistake_still_counts_as_cast(tmp_path: Path) -> None:
    """SP (5 seats) voted for and declared afterwards that it meant otherwise
    (``Vergissing``): the Kamer's result stands, so its 5 seats stay with the 74 for; left
    out, the count would be 69 against 76, of 145 seats, not the Kamer's."""
    facts = only_decision(FIXTURES / "stemming-handopsteken-vergissing.json", tmp_path)
    assert (facts["decision"], facts["votes_for"], facts["votes_against"]) == ("Verworpen.", 74, 76)


def test_a_partys_vote_held_twice_counts_once(tmp_path: Path) -> None:
    """Every party's vote twice on one decision, both live, as the records held the votes
    on motion 2025Z19039: each party counts its seats once, the vote entered last, so 74
    against 76 as 'Verworpen.' says, not 148 against 152 (300 votes of 150 members)."""
    facts = only_decision(FIXTURES / "stemming-handopsteken-dubbel.json", tmp_path)
    assert (facts["result"], facts["votes_for"], facts["votes_against"]) == ("verworpen", 74, 76)


def test_a_roll_call_without_a_count_in_its_text_counts_the_members(tmp_path: Path) -> None:
    """A roll call (``Hoofdelijk``): a vote per member; each counts one, a member who did
    not take part none."""
    facts = only_decision(FIXTURES / "stemming-hoofdelijk.json", tmp_path)
    assert (facts["decision"], facts["result"], facts["votes_for"], facts["votes_against"]) == (
        "Verworpen.",
        "verworpen",
        3,
        4,
    )


def test_a_vote_by_show_of_hands_without_its_votes_has_no_count(tmp_path: Path) -> None:
    """A Zaak served with ``$expand=Besluit`` alone: the decision, but not the parties'
    votes; the count is unknown, not 0 against 0."""
    facts = becker_facts(FIXTURES / "zaak-besluit-handopsteken.json", tmp_path)
    assert (facts.decision, facts.result, facts.votes_for, facts.votes_against) == (
        "Aangenomen.",
        "aangenomen",
        None,
        None,
    )


def test_a_decision_takes_its_day_from_its_agenda_item_or_else_says_when_it_was_held(
    tmp_path: Path,
) -> None:
    """The decision on motion 26 485, nr. 277 with its agenda item but not the item's
    activity: the day is the item's start (``Aanvangstijd``); without the item, there is no
    day, only the day the records held the decision by (its ``GewijzigdOp``), which is no
    vote day and is kept apart from ``voted_on``."""
    page = json.loads((FIXTURES / "zaak-besluit-handopsteken.json").read_text(encoding="utf-8"))
    undated = becker_facts(FIXTURES / "zaak-besluit-handopsteken.json", tmp_path / "a")
    assert (undated.voted_on, str(undated.decided_by)) == (None, "2018-04-10")
    (besluit,) = page["value"][0]["Besluit"]
    besluit["Agendapunt"] = {
        "Id": besluit["Agendapunt_Id"],
        "Activiteit_Id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
        "Volgorde": 12,
        "Aanvangstijd": "2018-04-10T15:15:00+02:00",
        "GewijzigdOp": besluit["GewijzigdOp"],
    }
    (tmp_path / "zaak.json").write_text(json.dumps(page), encoding="utf-8")
    dated = becker_facts(tmp_path / "zaak.json", tmp_path)
    assert (str(dated.voted_on), dated.decided_by) == ("2018-04-10", None)


def test_motions_in_dossiers_with_a_series_or_a_kingdom_act_number(tmp_path: Path) -> None:
    load_files([FIXTURES / "zaak-dossier-toevoeging.json"], tmp_path / "kamer.sqlite")
    store = open_store(tmp_path / "kamer.sqlite", write=False)
    try:
        (council,) = store.find("by_kamerstuk", "Zaak", 620, "21501-30")
        (kingdom,) = store.find("by_kamerstuk", "Zaak", 9, "36956")
        facts = [motion_facts(store, "m", zaak, None) for zaak in (council, kingdom)]
    finally:
        store.close()
    assert str(facts[0].kamerstuk) == "Kamerstuk 21 501-30, nr. 620"
    assert str(facts[0].replaces) == "Kamerstuk 21 501-30, nr. 617"  # 't.v.v. 21501-30-617'
    assert str(facts[1].kamerstuk) == "Kamerstuk 36 956, nr. 9"  # the dossier of (R2220)


def test_a_motion_adopted_without_a_vote_is_adopted(tmp_path: Path) -> None:
    """'Stemmen - zonder stemming aannemen', without a text or a vote: adopted."""
    page = json.loads((FIXTURES / "zaak-besluit-handopsteken.json").read_text(encoding="utf-8"))
    page["value"][0]["Besluit"][0].update(
        BesluitSoort="Stemmen - zonder stemming aannemen", BesluitTekst=None, StemmingsSoort=None
    )
    (tmp_path / "zaak.json").write_text(json.dumps(page), encoding="utf-8")
    facts = becker_facts(tmp_path / "zaak.json", tmp_path)
    assert (facts.decision, facts.result) == ("Stemmen - zonder stemming aannemen", "aangenomen")


@pytest.mark.parametrize(
    ("status", "decided"),
    [("Voorstel", False), ("Concept voorstel", False), ("Nog te verwerken besluit", True)],
)
def test_a_decision_only_proposed_is_none_yet(tmp_path: Path, status: str, decided: bool) -> None:
    """A Besluit whose Status says it is only proposed decides nothing, whatever its kind
    says; one taken but not yet processed ('Nog te verwerken besluit') is the Kamer's."""
    page = json.loads((FIXTURES / "zaak-besluit-handopsteken.json").read_text(encoding="utf-8"))
    page["value"][0]["Besluit"][0].update(Status=status)
    (tmp_path / "zaak.json").write_text(json.dumps(page), encoding="utf-8")
    facts = becker_facts(tmp_path / "zaak.json", tmp_path)
    assert (facts.decision, facts.result) == (
        ("Aangenomen.", "aangenomen") if decided else (None, None)
    )


def test_loading_the_same_records_twice_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "kamer.sqlite"
    first = load_files(real_files(), store)
    before = dump(store)
    second = load_files(real_files(), store)
    assert first.summary("loaded") == (
        "loaded 680 records: 680 new, 0 updated, 0 unchanged (Zaak 254, ZaakActor 166, "
        "Stemming 120, Activiteit 64, Document 60, Fractie 15, Besluit 1)"
    )
    assert second.summary("loaded").startswith(
        "loaded 680 records: 0 new, 0 updated, 680 unchanged"
    )
    assert dump(store) == before


def test_a_newer_record_replaces_an_older_one_and_an_older_one_does_not(tmp_path: Path) -> None:
    store = tmp_path / "kamer.sqlite"
    load_files(real_files()[:1], store)
    zaak = next(r for r in real_records("imvo-zaak.json") if r["Nummer"] == "2018Z06147")
    newer, older = dict(zaak), dict(zaak)
    newer.update(GewijzigdOp="2025-01-01T10:00:00+01:00", Onderwerp="Nieuw onderwerp")
    older.update(GewijzigdOp="2019-01-01T10:00:00+01:00", Onderwerp="Oud onderwerp")
    (tmp_path / "newer.json").write_text(json.dumps([newer]), encoding="utf-8")
    (tmp_path / "older.json").write_text(json.dumps([older]), encoding="utf-8")

    assert load_files([tmp_path / "newer.json"], store).updated == Counter(Zaak=1)
    assert load_files([tmp_path / "older.json"], store).unchanged == Counter(Zaak=1)
    opened = open_store(store, write=False)
    try:
        (row,) = opened.find("by_nummer", "2018Z06147", "Zaak")
    finally:
        opened.close()
    assert row.data["Onderwerp"] == "Nieuw onderwerp"


def test_a_record_the_kamer_removed_is_no_longer_found(tmp_path: Path) -> None:
    store = tmp_path / "kamer.sqlite"
    zaak = next(r for r in real_records("imvo-zaak.json") if r["Nummer"] == "2018Z06147")
    removed = {**zaak, "Verwijderd": True, "GewijzigdOp": "2025-01-01T10:00:00+01:00"}
    (tmp_path / "zaak.json").write_text(json.dumps([zaak]), encoding="utf-8")
    (tmp_path / "removed.json").write_text(json.dumps([removed]), encoding="utf-8")
    load_files([tmp_path / "zaak.json"], store)
    assert load_files([tmp_path / "removed.json"], store).removed == Counter(Zaak=1)
    opened = open_store(store, write=False)
    try:
        assert opened.find("by_nummer", "2018Z06147", "Zaak") == []
    finally:
        opened.close()


@pytest.mark.parametrize("query", list(QUERIES))
def test_every_lookup_of_link_uses_an_index(real_store: Path, query: str) -> None:
    with sqlite3.connect(real_store) as connection:
        arguments = ["x"] * QUERIES[query].count("?")
        plan = connection.execute(f"EXPLAIN QUERY PLAN {QUERIES[query]}", arguments).fetchall()
    steps = [row[-1] for row in plan]
    assert any("USING" in step for step in steps), steps
    assert not any(step.startswith("SCAN") and "USING" not in step for step in steps), steps
