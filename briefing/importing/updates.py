"""Proposing the status updates a letter gives, with the sentences that support them.

For every motion and commitment a section speaks about, the passage about it is read: from
the first sentence that names it up to the first that names another. The passage's
language gives the status, in this order:

- said in so many words: "Hiermee is de motie uitgevoerd", "Met deze brief kom ik de
  toezegging na", "geeft invulling aan", "is afgerond", "heeft plaatsgevonden" (done);
  "deels uitgevoerd", "gedeeltelijk" (partly);
- work still going on: "zal", "werkt aan", "verkent", "wordt later geïnformeerd", "wordt
  verwacht", "in gesprek" (a motion in uitvoering, a commitment deels voldaan);
- otherwise inferred, and marked for review: what was done, reported in the perfect tense
  ("heeft ... gedaan", "zijn ... gemaakt"), carries a motion out; a commitment to inform
  the Kamer is met by the letter that informs it; a motion asking for something every year
  stays in uitvoering.

With no such language the proposal is written commented out, for a person to decide. A
motion or commitment spoken about in several sections gets its update in the section that
says the most about it. The date a commitment was met is the date in the sentence that says
so ("heeft op 17 februari 2021 plaatsgevonden").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from briefing.importing.events import propose_events, propose_figures
from briefing.importing.parsed import Body, DraftSection, Proposal, Sentence
from briefing.importing.text import DUTCH_DATE_RE, sentences, telling_words
from briefing.sources import Corpus

_DONE_RE = re.compile(
    r"\b(?:hiermee|daarmee|hiermede|hierbij|met deze brief|met het voorgaande|aldus)\b[^.;]{0,120}"
    r"\b(?:uitgevoerd|afgedaan|afgehandeld|voldaan|invulling gegeven|uitvoering gegeven|"
    r"nagekomen|afgerond|ingevuld)\b"
    r"|\bbeschouw\w*\b[^.;]{0,120}\b(?:afgedaan|uitgevoerd|voldaan|afgerond)\b"
    r"|\b(?:motie|toezegging)\b[^.;]{0,80}\b(?:is|zijn)\b(?:\s+\w+){0,3}\s+"
    r"(?:uitgevoerd|afgedaan|nagekomen|afgerond|ingevuld)\b"
    r"|\bkom\w*\s+(?:ik|wij|we|het kabinet)\b[^.;]{0,100}\bna\b"
    r"|\b(?:geef|geeft|geven|gaf|gaven)\b[^.;]{0,80}\b(?:invulling|uitvoering|gevolg)\s+aan\b"
    r"|\bplaatsgevonden\b|\bis (?:inmiddels |reeds )?afgerond\b",
    re.IGNORECASE,
)
_PARTLY_RE = re.compile(
    r"\b(?:deels|gedeeltelijk|ten dele|voor een deel)\b[^.;]{0,60}"
    r"\b(?:uitgevoerd|voldaan|afgedaan|ingevuld|nagekomen)\b",
    re.IGNORECASE,
)
_ONGOING_RE = re.compile(
    r"\b(?:zal|zullen)\b|\bin uitvoering\b"
    r"|\b(?:werkt|werken|werk)\s+(?:\w+\s+){0,2}?(?:aan|met|op)\b"
    r"|\b(?:verkent|verkennen|wordt verkend)\b|\bin gesprek\b|\bin voorbereiding\b"
    r"|\b(?:wordt|worden|word)\b[^.;]{0,80}\b(?:later|nader|binnenkort|opnieuw)\b[^.;]{0,40}"
    r"\bgeïnformeerd\b|\b(?:wordt|worden)\b[^.;]{0,80}\bverwacht\b|\bnog niet\b"
    r"|\bwordt (?:bezien|gekeken|onderzocht|uitgewerkt)\b",
    re.IGNORECASE,
)
#: The perfect tense: "heeft ... gedaan", "zijn ... gemaakt", "is ... verzocht".
_PAST_RE = re.compile(
    r"\b(?:heeft|hebben|is|zijn)\b(?:\s+[\w'-]+){0,12}?\s+ge\w+(?:d|t|en|aan)\b", re.IGNORECASE
)
#: A sentence that restates the motion or commitment rather than its follow-up.
_RESTATES_RE = re.compile(
    r"\b(?:verzoekt|verzocht|verzoek|vraagt|aangenomen|ingediend|toegezegd|toezegging om)\b",
    re.IGNORECASE,
)
_RECURRING_RE = re.compile(r"\b(?:jaarlijks|periodiek|structureel|telkens|elk jaar|blijvend)\b")
_INFORM_RE = re.compile(r"\b(?:informeren|informeert|op de hoogte|toesturen|sturen)\b")
#: A full stop inside a sentence, of an abbreviation ("nr. 224", "o.a. de motie", "bijv.
#: door"), which the patterns above would take for the end of the clause: before a letter,
#: or before a space and a small letter, a digit or a bracket.
_INNER_STOP_RE = re.compile(r"\.(?=[A-Za-z]|\s+[a-z0-9(])")
_COMMITMENT_CUE_RE = re.compile(r"toegezegd|toezegging", re.IGNORECASE)


def propose_updates(body: Body, date: dt.date, corpus: Corpus) -> None:
    """Add to each section of ``body`` (and of its annex) the updates, sector events and
    figures it gives."""
    sections = body.walk()
    texts = {id(s): _sentences(s) for s in sections}
    best: dict[str, tuple[int, DraftSection, list[Sentence]]] = {}
    for section in sections:
        for key, passage in _passages(section, texts[id(section)], corpus).items():
            if passage and (key not in best or len(passage) >= best[key][0]):
                best[key] = (len(passage), section, passage)
    for key, (_, section, passage) in best.items():
        kind, item_id = key.split(":", 1)
        if kind == "motion":
            section.proposals.append(_motion_update(item_id, passage, corpus))
        else:
            section.proposals.append(_commitment_update(item_id, passage, corpus))
    for section in sections:
        propose_events(section, texts[id(section)], corpus)
        propose_figures(section, texts[id(section)], date)


def _sentences(section: DraftSection) -> list[Sentence]:
    found = []
    for paragraph in section.paragraphs():
        text = re.sub(r"\[\^[^\]]*\]", "", paragraph.text)
        raw = [(line.number, line.text) for line in paragraph.lines]
        for sentence in sentences(text):
            words = re.escape(" ".join(sentence.split()[:2]))
            line = next((n for n, t in raw if re.search(words, " ".join(t.split()))), 0)
            found.append(Sentence(sentence.strip(), line or paragraph.line))
    return found


def _passages(
    section: DraftSection, found: list[Sentence], corpus: Corpus
) -> dict[str, list[Sentence]]:
    """Per motion and commitment of the section, the sentences about it."""
    keys = [f"motion:{m}" for m in section.motions if m in corpus.motions]
    keys += [f"commitment:{c}" for c in section.commitments if c in corpus.commitments]
    names = {key: _namer(key, corpus) for key in keys}
    named = [{key for key in keys if names[key](s.text)} for s in found]
    passages: dict[str, list[Sentence]] = {}
    for key in keys:
        start = next((i for i, keys_here in enumerate(named) if key in keys_here), None)
        if start is None:
            if len(keys) == 1:
                passages[key] = found
            continue
        end = next(
            (i for i in range(start + 1, len(found)) if named[i] and key not in named[i]),
            len(found),
        )
        passages[key] = found[start:end]
    return passages


def _namer(key: str, corpus: Corpus) -> Callable[[str], bool]:
    """A test whether a sentence names the motion or commitment of ``key``."""
    kind, item_id = key.split(":", 1)
    if kind == "motion":
        motion = corpus.motions[item_id]
        number = motion.kamerstuk
        dossier = f"{number.dossier[:-3]}\\s?{number.dossier[-3:]}"
        surname = re.escape(motion.submitters[0].name.removesuffix(" c.s.").split()[-1])
        pattern = re.compile(
            rf"{dossier}\D{{0,20}}?nr\.?\s*{number.number}\b|\bmotie\b[^.]{{0,30}}\b{surname}\b",
            re.IGNORECASE,
        )
        return lambda text: bool(pattern.search(text))
    wanted = set(telling_words(corpus.commitments[item_id].text))

    def names_commitment(text: str) -> bool:
        share = len(wanted & set(telling_words(text))) / max(len(wanted), 1)
        return share >= 0.5 or (share >= 0.25 and bool(_COMMITMENT_CUE_RE.search(text)))

    return names_commitment


#: A motion or a commitment.
Item = Literal["motion", "commitment"]
#: The status each reading of a passage gives a motion and a commitment: the status, whether
#: the letter says it, and why not.
_STATUSES: dict[Item, dict[str, tuple[str, bool, str]]] = {
    "motion": {
        "done": ("uitgevoerd", True, ""),
        "partly": ("deels uitgevoerd", True, ""),
        "ongoing": ("in uitvoering", True, ""),
        "past": ("uitgevoerd", True, "inferred from what the letter reports as done"),
        "none": ("in uitvoering", False, "the letter does not say how far the motion is"),
    },
    "commitment": {
        "done": ("voldaan", True, ""),
        "partly": ("deels voldaan", True, ""),
        "ongoing": ("deels voldaan", True, "the letter reports work still going on"),
        "past": ("voldaan", True, "inferred from what the letter reports as done"),
        "none": ("openstaand", False, "the letter does not say whether it is met"),
    },
}


def _reading(passage: list[Sentence]) -> tuple[str, list[Sentence]]:
    """What the passage says of its item: done, partly, ongoing, past or nothing; and where."""
    follow_up = [s for s in passage if not _RESTATES_RE.search(s.text)] or passage
    for kind, pattern, among in (  # "deels uitgevoerd" before "uitgevoerd"
        ("partly", _PARTLY_RE, passage),
        ("done", _DONE_RE, passage),
        ("ongoing", _ONGOING_RE, follow_up),
        ("past", _PAST_RE, follow_up),
    ):
        found = [s for s in among if pattern.search(_flat(s.text))]
        if found:
            return kind, found[:2]
    return "none", passage[:1]


def status_said(sentence: str, item: Item) -> str | None:
    """The status a sentence gives in so many words to the motion or commitment it speaks
    of: partly ("deels uitgevoerd", "gedeeltelijk voldaan") or done ("Hiermee is de motie
    uitgevoerd", "beschouw ik de motie als afgedaan", "geef ik gevolg aan mijn toezegging");
    else None."""
    flat = _flat(sentence)
    kind = "partly" if _PARTLY_RE.search(flat) else "done" if _DONE_RE.search(flat) else None
    return _STATUSES[item][kind][0] if kind else None


def _flat(sentence: str) -> str:
    """The sentence as the patterns read it: an abbreviation's full stop ("de motie Van Laar
    (Kamerstuk 26 485, nr. 224) is o.a. hiermee uitgevoerd") ends no clause."""
    return _INNER_STOP_RE.sub("", sentence)


def _motion_update(motion_id: str, passage: list[Sentence], corpus: Corpus) -> Proposal:
    kind, evidence = _reading(passage)
    recurring = bool(_RECURRING_RE.search(corpus.motions[motion_id].request))
    status, certain, why = _STATUSES["motion"][kind]
    if recurring and kind in ("past", "none"):
        status, certain = "in uitvoering", True
        why = "the motion asks for something that recurs, so it stays in uitvoering"
    data = {"motion": motion_id, "status": status}
    return Proposal("motion_updates", data, _quoted(evidence), certain, why)


def _commitment_update(commitment_id: str, passage: list[Sentence], corpus: Corpus) -> Proposal:
    kind, evidence = _reading(passage)
    status, certain, why = _STATUSES["commitment"][kind]
    if kind == "none" and _INFORM_RE.search(corpus.commitments[commitment_id].text):
        status, certain = "voldaan", True
        why = "a commitment to inform the Kamer, which this letter does"
    data: dict[str, object] = {"commitment": commitment_id, "status": status}
    if kind == "done":
        day = DUTCH_DATE_RE.search(" ".join(s.text for s in evidence))
        if day:
            data["fulfilled_on"] = day[0]
    return Proposal("commitment_updates", data, _quoted(evidence), certain, why)


def _quoted(evidence: list[Sentence]) -> list[tuple[int, str]]:
    return [(s.line, s.text) for s in evidence]
