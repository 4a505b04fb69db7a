"""Dutch-like prose for synthetic letters: sentences and paragraphs of realistic length.

The words are policy Dutch as the ministries write it. None of them is the name or alias
of a synthetic sector (see :mod:`bench.registries`), so a section names a sector only
where the generator means it to, and lists it; ``briefing check`` then has nothing to warn.
"""

from __future__ import annotations

import random

_SUBJECTS = [
    "het kabinet", "de overheid", "de minister", "de convenantpartijen", "de werkgroep",
    "de stuurgroep", "het secretariaat", "de SER", "de betrokken bedrijven", "de vakbonden",
    "de maatschappelijke organisaties", "de monitoringscommissie", "het Nationaal Contact Punt",
    "de brancheorganisaties", "de ambassade", "de uitvoeringsorganisatie", "de partijen",
    "het ministerie", "de Europese Commissie", "de OESO",
]  # fmt: skip
_VERBS = [
    "werkt aan", "onderzoekt", "bespreekt", "ondersteunt", "versterkt", "evalueert",
    "publiceert", "stelt op", "zet voort", "bevordert", "verkent", "begeleidt", "financiert",
    "monitort", "agendeert", "verduidelijkt", "brengt in kaart", "legt vast",
]  # fmt: skip
_OBJECTS = [
    "de aanpak van risico's in de keten", "de gepaste zorgvuldigheid van ondernemingen",
    "een publieke jaarrapportage", "de voortgang van de afspraken", "een handreiking voor het MKB",
    "de toegang tot herstel voor gedupeerden", "het gesprek met producenten",
    "de transparantie over productielocaties", "een gezamenlijk project in productielanden",
    "de naleving van de OESO-richtlijnen", "de inkooppraktijken van ondernemingen",
    "de dialoog met lokale gemeenschappen", "een onafhankelijke evaluatie",
    "de samenwerking met andere lidstaten", "de positie van werknemers in de keten",
    "een nieuw instrument voor financiering", "de rapportage over de resultaten",
    "de rol van de overheid als inkoper", "de implementatie van de nieuwe richtlijn",
    "de kennis over misstanden", "het risicomanagement van bedrijven",
]  # fmt: skip
_ADVERBIALS = [
    "in het komende jaar", "in nauwe samenwerking met de partijen", "op basis van de evaluatie",
    "conform de afspraken", "zoals eerder aan uw Kamer gemeld", "in Europees verband",
    "waar mogelijk", "vanuit de stuurgroep", "met oog voor het MKB", "binnen de bestaande kaders",
    "in de productielanden", "op korte termijn", "in overleg met de betrokken ministeries",
    "tijdens de looptijd", "in het licht van de motie", "naar aanleiding van het debat",
]  # fmt: skip
_CONNECTIVES = [
    "Daarnaast", "Vervolgens", "Tegelijkertijd", "Bovendien", "In dat kader", "Ook",
    "Verder", "Daarom", "Tot slot", "Hierbij", "Zo",
]  # fmt: skip
_CLAUSES = [
    "omdat de resultaten nog beperkt zijn", "zodat bedrijven hun risico's beter kennen",
    "waarbij de ervaringen uit de eerste jaren worden meegenomen",
    "nu de eerste rapportages beschikbaar zijn", "om de impact in de keten te vergroten",
    "waarover uw Kamer eerder is geïnformeerd", "zodra de uitkomsten bekend zijn",
    "zonder dat de verantwoordelijkheid van bedrijven verandert",
]  # fmt: skip
POINT_WORDS = [
    "voortgang", "resultaten", "afspraken", "evaluatie", "rapportage", "monitoring",
    "financiering", "uitvoering", "onderzoek", "samenwerking",
]  # fmt: skip
HEADINGS = [
    "Voortgang van de afspraken", "Monitoring en rapportage", "Onderzoek en evaluaties",
    "Europese ontwikkelingen", "Financiële middelen", "Uitvoering van moties",
    "Stand van zaken toezeggingen", "Internationale samenwerking", "Naleving OESO-richtlijnen",
    "Toegang tot herstel", "Inkoopbeleid van de overheid", "Ondersteuning van het MKB",
    "Ketentransparantie", "Vervolgstappen", "Reikwijdte van de aanpak", "Verantwoording",
]  # fmt: skip


def sentence(rng: random.Random) -> str:
    """One sentence of 10 to 30 words, as a ministry writes them."""
    subject, verb, obj = rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS)
    parts = []
    if rng.random() < 0.4:
        parts.append(rng.choice(_CONNECTIVES))
        words = [verb.split()[0], subject, obj, *verb.split()[1:]]
    else:
        words = [subject, verb, obj]
    parts += words
    if rng.random() < 0.6:
        parts.append(rng.choice(_ADVERBIALS))
    text = " ".join(parts)
    if rng.random() < 0.4:
        text += ", " + rng.choice(_CLAUSES)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: tuple[int, int] = (5, 9)) -> str:
    """A body paragraph: several sentences, about 80 to 200 words."""
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def short(rng: random.Random) -> str:
    """A one-line text: a summary point, a note, a list item."""
    return sentence(rng)
