"""Synthetic letters: several sections with headings, paragraphs, lists, footnotes and facts.

Letters are written in date order, so what they say stays consistent the way real letters
are: a motion is reported on only after it was adopted, a commitment only after the debate
that made it, statuses only move forward, and milestones are announced for the future.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from bench import text
from bench.registries import MINISTER, Registries, slug

_MOTION_STEPS = ["in uitvoering", "deels uitgevoerd", "uitgevoerd"]
_COMMITMENT_STEPS = ["deels voldaan", "voldaan"]
_SECTOR_STEPS = ["verkenning", "onderhandeling", "ondertekend"]
_PERIODS = ["begin", "voorjaar", "zomer", "najaar", "eind", "eerste helft van", "tweede helft van"]
_FIGURES = [
    ("deelnemende bedrijven", "bedrijven"),
    ("marktdekking", "%"),
    ("gepubliceerde jaarrapportages", "rapportages"),
    ("projecten in productielanden", "projecten"),
    ("aangesloten producenten", "producenten"),
]
_INSTRUMENTS = [
    "IMVO-convenanten", "Fonds Verantwoord Ondernemen", "Programma Ketentransparantie",
    "Ondersteuning MKB", "Nationaal Contact Punt",
]  # fmt: skip
_SUBJECTS = [
    "Voortgang IMVO-beleid", "Opvolging moties en toezeggingen IMVO-beleid",
    "Stand van zaken IMVO-convenanten", "Reactie op verzoek commissie over IMVO",
    "Uitvoering IMVO-beleid", "Verslag Europese ontwikkelingen IMVO",
    "Evaluatie sectorale samenwerking", "Voortgangsrapportage ketenverantwoordelijkheid",
]  # fmt: skip
_SIGNATORIES = [
    ("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", "Sigrid A.M. Kaag"),
    ("De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", "Tom de Bruijn"),
    ("De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", "Liesje Schreinemacher"),
]


@dataclass
class Progress:
    """What the letters written so far have said: the latest status of everything."""

    motions: dict[str, int] = field(default_factory=dict)
    commitments: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, int] = field(default_factory=dict)


@dataclass
class LetterWriter:
    """Writes letters in date order against one set of registries."""

    registries: Registries
    rng: random.Random
    progress: Progress = field(default_factory=Progress)
    ids: set[str] = field(default_factory=set)

    def letter(
        self, day: dt.date, debate: str | None, sectors: list[str] | None = None, facts: bool = True
    ) -> dict[str, Any]:
        """A letter dated ``day``, written for ``debate`` if given.

        ``sectors`` fixes the sectors it speaks about; ``facts`` False leaves out motions,
        commitments and other registry facts (a short letter about those sectors only).
        """
        rng = self.rng
        subject = rng.choice(_SUBJECTS)
        ident = f"{day.isoformat()}-{slug(subject)}"
        while ident in self.ids:
            ident += "-2"
        self.ids.add(ident)
        self._footnotes: dict[str, str] = {}
        self._day = day
        chosen = sectors if sectors is not None else self._pick_sectors()
        headings = rng.sample(text.HEADINGS, rng.randint(3, 5))
        sections = [self._intro(debate, chosen)]
        for index, heading in enumerate(headings):
            mine = chosen[index :: len(headings)] if chosen else []
            sections.append(self._section(heading, mine, facts, depth=1))
        title, name = _SIGNATORIES[min(day.year - 2018, 2) if day.year >= 2018 else 0]
        letter: dict[str, Any] = {
            "id": ident,
            "date": day,
            "subject": subject,
            "sender": {
                "ministry": "Ministerie van Buitenlandse Zaken",
                "directorate": "Directie Internationale Marktordening en Handelspolitiek",
                "visiting_address": ["Rijnstraat 8", "2515 XP Den Haag"],
                "postal_address": ["Postbus 20061"],
                "country": "Nederland",
                "website": "www.rijksoverheid.nl",
            },
            "references": {"ours": [f"BZDOC-{rng.randrange(10**9, 10**10)}-{rng.randint(1, 99)}"]},
            "addressee": {
                "lines": [
                    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
                    "Prinses Irenestraat 6",
                    "Den Haag",
                ]
            },
            "salutation": "Geachte voorzitter,",
            "signatory": {"title": title, "name": name},
        }
        if debate:
            letter["debate"] = debate
        letter["sections"] = sections
        if self._footnotes:
            letter["footnotes"] = self._footnotes
        return letter

    def _pick_sectors(self) -> list[str]:
        ids = [s["id"] for s in self.registries.sectors]
        return self.rng.sample(ids, min(len(ids), self.rng.randint(2, 4)))

    def _intro(self, debate: str | None, sectors: list[str]) -> dict[str, Any]:
        rng = self.rng
        opening = "In deze brief informeer ik uw Kamer over de voortgang van het IMVO-beleid."
        if debate:
            opening = (
                "Ter voorbereiding op het debat informeer ik uw Kamer over de voortgang van het "
                "IMVO-beleid."
            )
        section: dict[str, Any] = {
            "id": "inleiding",
            "body": [f"{opening} {text.paragraph(rng, (2, 4))}"],
            "summary": [text.short(rng)],
        }
        if debate:
            section["debates"] = [debate]
        return section

    def _section(self, heading: str, sectors: list[str], facts: bool, depth: int) -> dict[str, Any]:
        rng = self.rng
        names = self.registries.sector_names()
        body: list[Any] = []
        for index in range(rng.randint(1, 3)):
            paragraph = text.paragraph(rng)
            if index == 0 and sectors:
                named = " en ".join(names[s].lower() for s in sectors)
                paragraph = f"Voor {named} geldt het volgende. {paragraph}"
            if rng.random() < 0.25:
                paragraph = self._with_footnote(paragraph)
            if rng.random() < 0.2:
                paragraph += " Zie ook *de eerdere brief* aan uw Kamer (Kamerstuk 26 485, nr. 257)."
            body.append(paragraph)
        if rng.random() < 0.35:
            body.insert(1, {"items": [text.short(rng) for _ in range(rng.randint(3, 5))]})
        section: dict[str, Any] = {
            "id": slug(heading),
            "heading": heading,
            "body": body,
        }
        if sectors:
            section["sectors"] = sectors
        if rng.random() < 0.7:
            section["summary"] = [text.short(rng) for _ in range(rng.randint(1, 2))]
        if facts:
            self._facts(section, sectors)
        elif sectors:
            self._sector_facts(section, sectors)
        if depth == 1 and rng.random() < 0.3:
            sub_heading = f"{heading}: {rng.choice(text.POINT_WORDS)}"
            section["sections"] = [self._section(sub_heading, [], facts, depth + 1)]
        return section

    def _with_footnote(self, paragraph: str) -> str:
        footnote = f"voetnoot-{len(self._footnotes) + 1}"
        if self.rng.random() < 0.5:
            self._footnotes[footnote] = "Kamerstuk 26 485, nr. 224."
        else:
            self._footnotes[footnote] = (
                "Zie [www.imvoconvenanten.nl](https://www.imvoconvenanten.nl)."
            )
        first, _, rest = paragraph.partition(". ")
        return f"{first}.[^{footnote}] {rest}"

    def _facts(self, section: dict[str, Any], sectors: list[str]) -> None:
        rng, day = self.rng, self._day
        if rng.random() < 0.35:
            adopted = [m for m in self.registries.motions if m["adopted"] <= day]
            if adopted:
                motion = rng.choice(adopted)
                section["motions"] = [motion["id"]]
                step = self.progress.motions.get(motion["id"], -1)
                if step + 1 < len(_MOTION_STEPS) and rng.random() < 0.8:
                    step += 1
                    self.progress.motions[motion["id"]] = step
                if step >= 0:
                    update = {"motion": motion["id"], "status": _MOTION_STEPS[step]}
                    update["note"] = text.short(rng)
                    section["motion_updates"] = [update]
        if rng.random() < 0.3:
            debates = {d["id"]: d["date"] for d in self.registries.debates}
            made = [c for c in self.registries.commitments if debates[c["debate"]] <= day]
            if made:
                commitment = rng.choice(made)
                section["commitments"] = [commitment["id"]]
                step = self.progress.commitments.get(commitment["id"], -1)
                if step + 1 < len(_COMMITMENT_STEPS):
                    step += 1
                    self.progress.commitments[commitment["id"]] = step
                update = {"commitment": commitment["id"], "status": _COMMITMENT_STEPS[step]}
                if _COMMITMENT_STEPS[step] == "voldaan":
                    update["fulfilled_on"] = day.isoformat()
                section["commitment_updates"] = [update]
        self._sector_facts(section, sectors)
        if rng.random() < 0.3:
            section["amounts"] = [
                {
                    "euros": rng.randrange(5, 200) * 100_000,
                    "instrument": rng.choice(_INSTRUMENTS),
                    "year": day.year + offset,
                }
                for offset in range(rng.randint(1, 3))
            ]
        if rng.random() < 0.4:
            year = day.year + rng.randint(1, 2)
            milestone: dict[str, Any] = {
                "what": text.short(rng),
                "due": f"{rng.choice(_PERIODS)} {year}",
            }
            if sectors:
                milestone["sectors"] = sectors[:1]
            section["milestones"] = [milestone]

    def _sector_facts(self, section: dict[str, Any], sectors: list[str]) -> None:
        rng, day = self.rng, self._day
        kinds = {s["id"]: s["kind"] for s in self.registries.sectors}
        convenants = [s for s in sectors if kinds[s] == "convenant"]
        events = []
        for sector in convenants:
            step = self.progress.sectors.get(sector, -1)
            if step + 1 < len(_SECTOR_STEPS) and rng.random() < 0.3:
                step += 1
                self.progress.sectors[sector] = step
                events.append({"sector": sector, "status": _SECTOR_STEPS[step], "date": day})
        if events:
            section["sector_events"] = events
        if convenants and rng.random() < 0.5:
            label, unit = rng.choice(_FIGURES)
            value = rng.randint(5, 95) if unit == "%" else rng.randint(3, 250)
            section["figures"] = [
                {
                    "label": label,
                    "value": value,
                    "unit": unit,
                    "as_of": day.isoformat(),
                    "sector": convenants[0],
                }
            ]


def letter_days(letters: int, registries: Registries, rng: random.Random) -> list[tuple]:
    """The date of every letter and the debate it is written for (or None), in date order.

    Most debates get one or two letters in the days before them; the rest of the letters
    fall anywhere in the span.
    """
    days: list[tuple[dt.date, str | None]] = []
    for debate in registries.debates:
        for _ in range(1 if rng.random() < 0.7 else 2):
            if len(days) < letters and rng.random() < 0.85:
                day = debate["date"] - dt.timedelta(days=rng.randint(1, 9))
                days.append((max(day, registries.span.start), debate["id"]))
    while len(days) < letters:
        days.append((registries.span.day(rng), None))
    # One letter a day, so that writing order is the corpus's order (by date, then id).
    taken: set[dt.date] = set()
    unique = []
    for day, debate_id in sorted(days, key=lambda item: (item[0], item[1] or ""), reverse=True):
        while day in taken:
            day -= dt.timedelta(days=1)
        taken.add(day)
        unique.append((day, debate_id))
    return sorted(unique, key=lambda item: item[0])


__all__ = ["MINISTER", "LetterWriter", "Progress", "letter_days"]
