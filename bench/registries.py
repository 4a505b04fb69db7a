"""Synthetic registries sized for a corpus of N letters: sectors, debates, motions, commitments.

Sizes grow with N the way a real policy field grows: about three debates a year, a
motion for every two letters, a commitment for every three, and sectors from a fixed
list of convenants and themes (more of them as the corpus covers more years).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from bench import text

#: Convenant sectors: name, full name, aliases. Names and aliases never occur in bench.text.
_CONVENANTS = [
    ("Kleding en textiel", "Convenant Duurzame Kleding en Textiel", ["textielsector"]),
    ("Bancaire sector", "IMVO-convenant van de bancaire sector", ["banken"]),
    ("Goud", "IMVO-Convenant Verantwoord Goud", ["goudsector"]),
    ("Hout", "Convenant Bevorderen Duurzaam Bosbeheer", ["houtsector"]),
    ("Plantaardige eiwitten", "IMVO-convenant plantaardige eiwitten", ["eiwitsector"]),
    ("Voedingsmiddelen", "IMVO-convenant van de voedingsmiddelensector", []),
    ("Verzekeringen", "IMVO-convenant van de verzekeringssector", ["verzekeraars"]),
    ("Sierteelt", "IMVO-convenant sierteeltsector", ["sierteeltsector"]),
    ("Natuursteen", "IMVO-convenant natuursteen", ["natuursteensector"]),
    ("Pensioenfondsen", "Convenant Verantwoord Beleggen Pensioenfondsen", []),
    ("Metallurgie", "IMVO-convenant metallurgische sector", ["metaalsector"]),
    ("Land- en tuinbouw", "IMVO-convenant land- en tuinbouw", ["tuinbouwsector"]),
    ("Windenergie", "IMVO-convenant windenergie", ["windsector"]),
    ("Cacao", "Initiatief Duurzame Cacao", ["cacaosector"]),
    ("Koffie", "Convenant Duurzame Koffie", ["koffiesector"]),
    ("Palmolie", "Convenant Duurzame Palmolie", ["palmoliesector"]),
    ("Soja", "Convenant Verantwoorde Soja", ["sojaketen"]),
    ("Elektronica", "IMVO-convenant elektronica", ["elektronicasector"]),
    ("Zonne-energie", "IMVO-convenant zonne-energie", ["zonnepanelen"]),
    ("Chemie", "IMVO-convenant chemische sector", ["chemiesector"]),
    ("Farmacie", "IMVO-convenant farmaceutische sector", ["geneesmiddelensector"]),
    ("Scheepsbouw", "IMVO-convenant maritieme maakindustrie", ["scheepsbouwsector"]),
    ("Visserij", "Convenant Duurzame Visserij", ["vissector"]),
    ("Zuivel", "IMVO-convenant zuivelketen", ["zuivelsector"]),
    ("Rubber", "IMVO-convenant natuurrubber", ["rubbersector"]),
    ("Suiker", "IMVO-convenant rietsuiker", ["suikersector"]),
    ("Katoen", "Convenant Duurzame Katoen", ["katoenketen"]),
    ("Leer en schoeisel", "IMVO-convenant leer en schoeisel", ["schoenensector"]),
    ("Speelgoed", "IMVO-convenant speelgoed", ["speelgoedsector"]),
    ("Meubels", "IMVO-convenant meubelindustrie", ["meubelsector"]),
    ("Baggerwerk", "IMVO-convenant waterbouw", ["baggersector"]),
    ("Offshore", "IMVO-convenant offshore-industrie", ["offshoresector"]),
    ("Havenlogistiek", "IMVO-convenant havenlogistiek", ["havensector"]),
    ("Luchtvracht", "IMVO-convenant luchtvracht", ["luchtvrachtsector"]),
    ("Reisbranche", "IMVO-convenant reisbranche", ["reisorganisaties"]),
    ("Telecom", "IMVO-convenant telecom", ["telecomsector"]),
    ("Datacenters", "IMVO-convenant datacenters", ["datacentersector"]),
    ("Steenkool", "Steenkoolconvenant", ["kolensector"]),
    ("Tin", "IMVO-convenant tin", ["tinketen"]),
    ("Kobalt", "IMVO-convenant kobalt", ["kobaltketen"]),
    ("Lithium", "IMVO-convenant lithium", ["lithiumketen"]),
    ("Zand en grind", "IMVO-convenant zand en grind", ["grindsector"]),
    ("Bloembollen", "IMVO-convenant bloembollen", ["bollensector"]),
    ("Groente en fruit", "IMVO-convenant groente en fruit", ["fruitsector"]),
    ("Tomatenketen", "IMVO-convenant tomaten", ["tomatensector"]),
    ("Thee", "Convenant Duurzame Thee", ["theesector"]),
]
#: Themes across sectors: name and aliases.
_THEMES = [
    ("Kinderarbeid", ["kinderarbeid"]),
    ("Leefbaar loon", ["leefbaar loon"]),
    ("Dwangarbeid", ["gedwongen arbeid"]),
    ("Landrechten", ["landrechten"]),
    ("Klimaatmitigatie", ["klimaatmitigatie"]),
    ("Biodiversiteit", ["biodiversiteit"]),
    ("Dierenwelzijn", ["dierenwelzijn"]),
    ("Vakbondsvrijheid", ["vakbondsvrijheid"]),
    ("Gendergelijkheid", ["gendergelijkheid"]),
    ("Anticorruptie", ["corruptiebestrijding"]),
]
_SURNAMES = [
    "Van Laar", "Diks", "Becker", "Bouali", "Voordewind", "Alkaya", "Amhaouch", "Kuik",
    "Van den Hul", "Thijssen", "Hammelburg", "Teunissen", "Klaver", "Jasper van Dijk",
    "Bruins Slot", "Sjoerdsma", "Van Haga", "Kröger", "Boswijk", "Piri", "Stoffer", "Dassen",
]  # fmt: skip
#: Parties the submitters' parties are drawn from, so that dossiers have a part per party.
_PARTIES = ["PvdA", "GroenLinks", "VVD", "D66", "ChristenUnie", "SP", "CDA", "PvdD"]
_DOSSIERS = ["26 485", "26 485", "26 485", "35 925-XVII", "34 952", "36 180"]
_COMMITTEE = "Vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking"
MINISTER = "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"


def slug(value: str) -> str:
    """An id from a name: lower case, words joined by hyphens."""
    value = value.lower().replace("ë", "e").replace("ö", "o")
    return re.sub(r"[^a-z0-9]+", "-", value).strip("-")


def weekday(day: dt.date) -> dt.date:
    """``day``, or the Monday after it when it falls in a weekend."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


@dataclass
class Span:
    """The period the letters cover."""

    start: dt.date
    end: dt.date

    def day(self, rng: random.Random) -> dt.date:
        """A random weekday in the span."""
        offset = rng.randrange((self.end - self.start).days)
        return min(weekday(self.start + dt.timedelta(days=offset)), self.end)


@dataclass
class Registries:
    """The registries of one corpus, as the plain data the YAML files hold."""

    span: Span
    sectors: list[dict] = field(default_factory=list)
    debates: list[dict] = field(default_factory=list)
    motions: list[dict] = field(default_factory=list)
    commitments: list[dict] = field(default_factory=list)

    def sector_names(self) -> dict[str, str]:
        """Sector ids to the name a letter uses for them."""
        return {s["id"]: s["name"] for s in self.sectors}


def span_for(letters: int) -> Span:
    """About 24 letters a year, ending in 2024; at least one year."""
    years = max(1, round(letters / 24))
    return Span(dt.date(2025 - years, 1, 8), dt.date(2024, 12, 13))


def make_registries(letters: int, rng: random.Random) -> Registries:
    """Registries sized for ``letters`` letters."""
    span = span_for(letters)
    registries = Registries(span)
    registries.sectors = _sectors(letters, rng)
    registries.debates = _debates(max(2, letters // 8), span, rng)
    registries.motions = _motions(max(3, letters // 2), registries, rng)
    registries.commitments = _commitments(max(2, letters // 3), registries, rng)
    return registries


def _sectors(letters: int, rng: random.Random) -> list[dict]:
    convenants = min(len(_CONVENANTS), 5 + letters // 12)
    themes = min(len(_THEMES), 2 + letters // 60)
    out = [
        {
            "id": slug(name),
            "kind": "convenant",
            "name": name,
            "full_name": full_name,
            "aliases": aliases,
        }
        for name, full_name, aliases in _CONVENANTS[:convenants]
    ]
    out += [
        {"id": slug(name), "kind": "thema", "name": name, "aliases": aliases}
        for name, aliases in _THEMES[:themes]
    ]
    if convenants >= 4:  # one sector is part of a wider one, as in the real registry
        out[3]["part_of"] = out[0]["id"]
    return out


def _debates(count: int, span: Span, rng: random.Random) -> list[dict]:
    days = sorted(span.day(rng) for _ in range(count))
    debates, seen = [], set()
    for day in days:
        roll = rng.random()
        if roll < 0.1:
            kind, title = "begrotingsbehandeling", f"Begrotingsbehandeling BHOS {day.year + 1}"
        elif roll < 0.2:
            kind, title = "notaoverleg", "Notaoverleg over de Beleidsnota BHOS"
        elif roll < 0.25:
            kind, title = "technische briefing", "Technische briefing IMVO"
        elif day.year < 2021:
            kind, title = (
                "algemeen overleg",
                "AO Internationaal Maatschappelijk Verantwoord Ondernemen",
            )
        else:
            kind, title = "commissiedebat", "Commissiedebat IMVO"
        ident = f"{slug(kind.split()[0])}-imvo-{day.isoformat()}"
        while ident in seen:
            ident += "-b"
        seen.add(ident)
        debates.append(
            {
                "id": ident,
                "kind": kind,
                "title": title,
                "date": day,
                "committee": _COMMITTEE,
                "minister": MINISTER,
                **({} if kind == "technische briefing" else {"subject": "IMVO"}),
            }
        )
    return debates


def _motions(count: int, registries: Registries, rng: random.Random) -> list[dict]:
    sector_ids = [s["id"] for s in registries.sectors]
    motions, numbers = [], rng.sample(range(100, 999), count)
    for number in numbers:
        surname = rng.choice(_SURNAMES)
        party = _PARTIES[_SURNAMES.index(surname) % len(_PARTIES)]
        submitters = [{"name": surname + (" c.s." if rng.random() < 0.3 else ""), "party": party}]
        dossier = rng.choice(_DOSSIERS)
        motion = {
            "id": f"{slug(surname)}-{slug(dossier)}-{number}",
            "submitters": submitters,
            "kamerstuk": f"{dossier}, nr. {number}",
            "adopted": registries.span.day(rng),
            "request": f"Verzoekt de regering {text.sentence(rng)[:-1].lower()}.",
        }
        if rng.random() < 0.6:
            motion["sectors"] = rng.sample(sector_ids, rng.randint(1, 2))
        motions.append(motion)
    return motions


def _commitments(count: int, registries: Registries, rng: random.Random) -> list[dict]:
    sector_ids = [s["id"] for s in registries.sectors]
    commitments = []
    for index in range(count):
        debate = rng.choice(registries.debates)
        commitment = {
            "id": f"toezegging-{index + 1:03d}-{debate['date'].year}",
            "text": f"De Kamer informeren over {rng.choice(text.POINT_WORDS)}: "
            f"{text.sentence(rng)[:-1].lower()}.",
            "debate": debate["id"],
            "made_by": MINISTER,
        }
        if rng.random() < 0.5:
            year = debate["date"].year + rng.randint(1, 2)
            commitment["deadline"] = f"{rng.choice(['voorjaar', 'zomer', 'eind'])} {year}"
        if rng.random() < 0.5:
            commitment["sectors"] = rng.sample(sector_ids, 1)
        commitments.append(commitment)
    return commitments
