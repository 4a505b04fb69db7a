"""Synthetic Kamer records in the real ones' shape, for a synthetic corpus, saved as OData pages.

Every record is a copy of a real one from ``../shared/kamer-open-data`` (its fields, their
kinds, the expansions a sync asks for) with new ids, numbers, days and subjects: one Zaak
(with its dossier, and its submitters for a motion) for each letter and motion of the
corpus, one Activiteit for each debate, one Toezegging for each commitment, and as many
other records as asked for, in other dossiers and committees. The same seed gives the
same files.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import uuid
from pathlib import Path
from typing import Any

import yaml

SHARED = Path(__file__).resolve().parents[2] / "shared" / "kamer-open-data"
PAGE = 250
CONTEXT = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#"
#: The agenda's kind (Soort) for each kind of debate in the content.
SOORTEN = {
    "algemeen overleg": "Algemeen overleg",
    "commissiedebat": "Commissiedebat",
    "begrotingsbehandeling": "Plenair debat (wetgeving)",
    "notaoverleg": "Notaoverleg",
    "plenair debat": "Plenair debat (overig)",
    "technische briefing": "Technische briefing",
}
_OTHER_KINDS = (
    ["Motie"] * 4 + ["Brief regering"] * 3 + ["Schriftelijke vragen"] * 2 + ["Amendement"]
)
_COMMITTEES = [
    "Financiën",
    "Justitie en Veiligheid",
    "Onderwijs, Cultuur en Wetenschap",
    "Defensie",
]


def _real(name: str) -> list[dict[str, Any]]:
    data = json.loads((SHARED / name).read_text(encoding="utf-8"))
    return data["value"] if isinstance(data, dict) else data


class Records:
    """Makes records from real templates, with fresh ids and numbers."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"kamer-{seed}")
        zaken = _real("imvo-zaak.json")
        self.motion = next(z for z in zaken if z["Soort"] == "Motie")
        self.letter = next(z for z in zaken if z["Soort"] == "Brief regering")
        self.actor = _real("expanded-motie-zaak.json")[0]["ZaakActor"][0]
        self.activity = _real("imvo-activiteit.json")[0]
        self.subjects = [z["Onderwerp"] for z in zaken]
        self.numbers: dict[tuple[int, str], int] = {}
        self.dossiers: dict[str, dict[str, Any]] = {}

    def _id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _nummer(self, year: int, letter: str) -> str:
        self.numbers[(year, letter)] = self.numbers.get((year, letter), 0) + 1
        return f"{year}{letter}{self.numbers[(year, letter)]:05d}"

    def _stamp(self, day: dt.date) -> str:
        return f"{day.isoformat()}T00:00:00+01:00"

    def dossier(self, key: str, title: str) -> dict[str, Any]:
        """A Kamerstukdossier record (the same one every time for ``key``)."""
        if key not in self.dossiers:
            number, _, suffix = key.partition("-")
            self.dossiers[key] = {
                "Id": self._id(),
                "Titel": title,
                "Citeertitel": None,
                "Alias": None,
                "Nummer": int(number),
                "Toevoeging": suffix or None,
                "HoogsteVolgnummer": 999,
                "Afgesloten": False,
                "Kamer": "Tweede Kamer",
                "GewijzigdOp": "2024-02-19T10:59:02.367+01:00",
                "ApiGewijzigdOp": "2024-02-19T15:09:47.1301344Z",
                "Verwijderd": False,
            }
        return self.dossiers[key]

    def zaak(
        self, kind: str, day: dt.date, subject: str, dossier: str, number: int
    ) -> dict[str, Any]:
        """A Zaak of ``kind`` in ``dossier`` with volgnummer ``number``, as a sync expands it."""
        record = copy.deepcopy(self.motion if kind == "Motie" else self.letter)
        record.update(
            Id=self._id(),
            Nummer=self._nummer(day.year, "Z"),
            Soort=kind,
            Onderwerp=subject,
            GestartOp=self._stamp(day),
            Volgnummer=number,
            GewijzigdOp=self._stamp(day + dt.timedelta(days=30)),
        )
        record["Kamerstukdossier"] = [self.dossier(dossier, f"Dossier {dossier}")]
        return record

    def motion_of(
        self, names: list[str], day: dt.date, subject: str, dossier: str, number: int
    ) -> dict[str, Any]:
        """A motion with its submitters, the first the Indiener."""
        record = self.zaak("Motie", day, subject, dossier, number)
        record["ZaakActor"] = []
        for index, name in enumerate(names):
            actor = copy.deepcopy(self.actor)
            actor.update(
                Id=self._id(),
                Zaak_Id=record["Id"],
                ActorNaam=f"A.B. {name}",
                ActorFractie=self.rng.choice(["VVD", "CDA", "D66", "PvdA", "SP", "GroenLinks"]),
                Relatie="Indiener" if index == 0 else "Medeindiener",
            )
            record["ZaakActor"].append(actor)
        return record

    def activity_of(self, kind: str, day: dt.date, subject: str, committee: str) -> dict[str, Any]:
        """An Activiteit on the agenda."""
        record = copy.deepcopy(self.activity)
        record.update(
            Id=self._id(),
            Nummer=self._nummer(day.year, "A"),
            Soort=kind,
            Onderwerp=subject,
            Datum=f"{day.isoformat()}T10:00:00+01:00",
            Voortouwnaam=committee,
            GewijzigdOp=self._stamp(day + dt.timedelta(days=2)),
        )
        return record

    def commitment_of(self, text: str, activity: str, day: dt.date, index: int) -> dict[str, Any]:
        """A Toezegging in the register, made at ``activity``."""
        return {
            "Id": self._id(),
            "Nummer": f"TZ{day.year}{day.month:02d}-{index:03d}",
            "Tekst": f"De minister zegt toe: {text}",
            "Aanmaakdatum": self._stamp(day),
            "ActiviteitNummer": activity,
            "Status": self.rng.choice(["Openstaand", "Afgedaan", "Deels Afgedaan"]),
            "DatumNakoming": "0001-01-01T00:00:00Z",
            "GewijzigdOp": self._stamp(day + dt.timedelta(days=1)),
            "Verwijderd": False,
        }


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dossier(kamerstuk: str) -> tuple[str, int]:
    """'35 925-XVII, nr. 33' as ('35925-XVII', 33)."""
    dossier, number = kamerstuk.split(", nr. ")
    return dossier.replace(" ", ""), int(number)


def for_corpus(content: Path, make: Records) -> dict[str, list[dict[str, Any]]]:
    """The records of the corpus's letters, motions, debates and commitments, by entity."""
    zaken, activities, commitments = [], [], []
    committee = "vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking"
    for index, path in enumerate(sorted((content / "letters").glob("*.yaml"))):
        letter = _load(path)
        day = dt.date.fromisoformat(str(letter["date"]))
        zaken.append(make.zaak("Brief regering", day, letter["subject"], "26485", 1000 + index))
    for motion in _load(content / "motions.yaml")["motions"]:
        dossier, number = _dossier(motion["kamerstuk"])
        day = dt.date.fromisoformat(str(motion["adopted"])) - dt.timedelta(days=7)
        cited = motion["submitters"][0]
        cited = cited["name"] if isinstance(cited, dict) else cited
        first = cited.removesuffix(" c.s.")
        names = [first, "Voordewind"] if cited.endswith(" c.s.") else [first]
        subject = f"Motie van het lid {first} over {make.rng.choice(make.subjects).lower()}"
        zaken.append(make.motion_of(names, day, subject, dossier, number))
    debated = {}
    for debate in _load(content / "debates.yaml")["debates"]:
        day = dt.date.fromisoformat(str(debate["date"]))
        record = make.activity_of(SOORTEN[debate["kind"]], day, debate["title"], committee)
        activities.append(record)
        debated[debate["id"]] = (record["Nummer"], day)
    for index, commitment in enumerate(_load(content / "commitments.yaml")["commitments"]):
        activity, day = debated[commitment["debate"]]
        commitments.append(make.commitment_of(commitment["text"], activity, day, index + 1))
    return {"Zaak": zaken, "Activiteit": activities, "Toezegging": commitments}


def others(make: Records, zaken: int, activities: int) -> dict[str, list[dict[str, Any]]]:
    """``zaken`` Zaak and ``activities`` Activiteit records in other dossiers and committees."""
    start, span = dt.date(2000, 1, 1), 25 * 365
    out: dict[str, list[dict[str, Any]]] = {"Zaak": [], "Activiteit": []}
    for _ in range(zaken):
        day = start + dt.timedelta(days=make.rng.randrange(span))
        kind = make.rng.choice(_OTHER_KINDS)
        dossier = str(make.rng.randrange(30000, 34900))
        subject = f"{make.rng.choice(make.subjects)} ({make.rng.randrange(10**6)})"
        number = make.rng.randrange(1, 400)
        if kind == "Motie":
            name = make.rng.choice(["Jansen", "De Vries", "Bakker"])
            out["Zaak"].append(make.motion_of([name], day, subject, dossier, number))
        else:
            out["Zaak"].append(make.zaak(kind, day, subject, dossier, number))
    for _ in range(activities):
        day = start + dt.timedelta(days=make.rng.randrange(span))
        committee = f"vaste commissie voor {make.rng.choice(_COMMITTEES)}"
        subject = make.rng.choice(make.subjects)
        out["Activiteit"].append(
            make.activity_of(make.rng.choice(list(SOORTEN.values())), day, subject, committee)
        )
    return out


def write_pages(folder: Path, content: Path, zaken: int, activities: int, seed: int) -> list[Path]:
    """OData pages of 250 records under ``folder``: the corpus's records among
    ``zaken`` Zaak and ``activities`` Activiteit records in all. Returns the files."""
    make = Records(seed)
    corpus = for_corpus(content, make)
    rest = others(make, zaken - len(corpus["Zaak"]), activities - len(corpus["Activiteit"]))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for entity in ("Zaak", "Activiteit", "Toezegging"):
        records = corpus[entity] + rest.get(entity, [])
        make.rng.shuffle(records)
        for start in range(0, len(records), PAGE):
            path = folder / f"{entity.lower()}-{start // PAGE + 1:05d}.json"
            page = {"@odata.context": f"{CONTEXT}{entity}", "value": records[start : start + PAGE]}
            path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
            files.append(path)
    return files
