"""Find a content item's record in the store, with the evidence, or say why not.

Every lookup is an indexed query. A record *fits* when everything both sides say agrees; one
fit is a match, two or more are ambiguous (the candidates are reported, none is chosen).
Where nothing fits but a record comes close (a debate of the same kind and subject on
another day or held by another committee, the one letter of the day with a subject that
shares no word with the content's), that record is reported as *near*, never linked. A match
has a score, how well it fits (its words' resemblance, 1 where a number decides), by which
``link`` chooses between two items that match the same record.

- Letters: by Kamerstuk number where the content has one; else the government letter
  (``Brief regering``) registered on the letter's day whose subject shares words with the
  letter's, and among several the one with the letter's subject.
- Motions: by Kamerstuk number where the record has its dossier; else by volgnummer, the
  submitters its subject names (the first must be the content's first) and the day it was
  submitted, among records whose dossier title is not known to belong to another dossier.
- Debates: by day, kind and committee; among several the one whose subject matches (the
  only one of the day, when its subject is not the debate's, is near).
- Commitments: among those the register has for the debate's activity, by their words, without
  the register's formula before the promise ("De minister zegt de Kamer toe ...").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.kamer.content import LetterHeader
from briefing.kamer.odata import CHANGES
from briefing.kamer.records import clean, dossier_of, named_submitters, submitters
from briefing.kamer.store import Row, Store
from briefing.model import Commitment, Debate, Motion

#: Content debate kinds to the beginnings of the agenda's kinds (``Soort``) they cover.
DEBATE_KINDS = {
    "algemeen overleg": ("Algemeen overleg",),
    "commissiedebat": ("Commissiedebat",),
    "begrotingsbehandeling": ("Plenair debat (wetgeving)", "Wetgevingsoverleg"),
    "notaoverleg": ("Notaoverleg",),
    "plenair debat": ("Plenair debat",),
    "technische briefing": ("Technische briefing",),
}
#: How far from a debate's day a record of the same kind and subject counts as near.
NEAR_DAYS = 366
#: How much two texts must share their words (:func:`resemblance`) to count as the same.
RESEMBLES = 0.5
_COMMON = {
    *("de", "het", "een", "en", "van", "voor", "over", "in", "op", "met", "te", "der", "den"),
    *("aan", "om", "tot", "bij", "als", "ook", "zoals", "inzake", "ao", "algemeen", "overleg"),
    *("commissiedebat", "technische", "briefing", "notaoverleg", "plenair", "debat"),
    *("begrotingsbehandeling", "tweeminutendebat"),
}


@dataclass(frozen=True)
class Found:
    """What the store holds for one content item."""

    status: str  # "match", "ambiguous", "near", "missing" or "refused" (by kamer.yaml)
    evidence: str  # why the record fits, or what was looked for
    candidates: tuple[Row, ...] = ()
    score: float = 1.0  # how well a match fits, from 0 to 1

    @property
    def record(self) -> Row:
        """The matched record."""
        return self.candidates[0]


#: The register's formula before what is promised: who promises it, to whom ("De minister voor
#: Buitenlandse Handel en Ontwikkelingssamenwerking zegt de Kamer toe ...", "De staatssecretaris
#: zal ..."); a letter says what was promised without it.
_PROMISE_RE = re.compile(
    r"^\s*(?:de|het)\s+(?:minister|staatssecretaris|minister-president|kabinet|regering|"
    r"bewindspersoon)\b[^.;:]{0,120}?\b(?:zegt|zeggen|zal|zullen)\b"
    r"(?:\s+(?:de\s+kamer|aan\s+de\s+kamer|toe|dat|om))*",
    re.I,
)


def _text(row: Row, name: str) -> str | None:
    """The record's field ``name`` as text on one line; ``None`` where it holds no text (a
    number, a list, nothing)."""
    return clean(row.data.get(name))


def words(text: str | None) -> set[str]:
    """The telling words of a text: lower case, without the most common ones."""
    return {w for w in re.findall(r"\w+", (text or "").lower()) if w not in _COMMON and len(w) > 1}


def resemblance(one: str | None, other: str | None) -> float:
    """How much two texts share their telling words, from 0 to 1 (the Dice coefficient:
    twice the words in common over the words of both)."""
    a, b = words(one), words(other)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def promised(text: str | None) -> str:
    """What a commitment promises, without the register's formula before it."""
    return _PROMISE_RE.sub("", text or "", count=1)


def _decide(
    fits: list[Row],
    evidence: str,
    near: Callable[[], list[Row]],
    why_near: str,
    looked: str,
    score: float = 1.0,
) -> Found:
    """A match (fitting as well as ``score`` says), an ambiguity, the near records (looked
    for only when nothing fits), or nothing found."""
    fits = [r for r in fits if r.nummer]  # a link names its record by number: it has one
    if len(fits) == 1:
        return Found("match", evidence, (fits[0],), score)
    if fits:
        return Found("ambiguous", f"{len(fits)} records fit ({evidence})", tuple(fits))
    if close := near():
        return Found("near", why_near, tuple(close))
    return Found("missing", looked)


def _nothing() -> list[Row]:
    return []


def _same_text(one: str | None, other: str | None) -> bool:
    """True for the same words, whatever their case, spacing and closing full stop."""

    def plain(text: str | None) -> str:
        return (clean(text) or "").casefold().rstrip(". ")

    return plain(one) == plain(other)


# --- letters -------------------------------------------------------------------------------


def find_letter(store: Store, letter: LetterHeader, titles: dict[str, str]) -> Found:
    """The government letter (Zaak) a content letter is."""
    if letter.kamerstuk is not None:
        number = letter.kamerstuk
        dossier = dossier_of(number)
        rows = store.find("by_kamerstuk", "Zaak", number.number, dossier)
        rows += [
            r
            for r in store.find("by_kamerstuk", "Zaak", number.number, None)
            if titles.get(_text(r, "Titel") or "") == dossier or r.day == letter.date.isoformat()
        ]
        fits = [r for r in rows if r.kind == "Brief regering"]
        return _decide(fits, f"{number}", _nothing, "", f"no Brief regering is {number}")
    day = letter.date.isoformat()
    fits = [r for r in store.find("on_day", "Zaak", day) if r.kind == "Brief regering"]
    evidence = f"the only Brief regering registered on {day}"
    if len(fits) > 1:
        fits = [r for r in fits if _same_text(_text(r, "Onderwerp"), letter.subject)]
        evidence = f"the one Brief regering of {day} with the subject '{letter.subject}'"
    elif fits and _same_text(_text(fits[0], "Onderwerp"), letter.subject):
        evidence += ", with the same subject"
    elif fits and not resemblance(_text(fits[0], "Onderwerp"), letter.subject):
        subject = _text(fits[0], "Onderwerp")
        return Found(
            "near",
            f"the only Brief regering registered on {day}, but about '{subject}', not "
            f"'{letter.subject}'",
            (fits[0],),
        )

    def near() -> list[Row]:
        start, end = (letter.date + dt.timedelta(days=d) for d in (-14, 14))
        return [
            r
            for r in store.find("between", "Zaak", start.isoformat(), end.isoformat())
            if r.kind == "Brief regering" and _same_text(_text(r, "Onderwerp"), letter.subject)
        ]

    return _decide(
        fits,
        evidence,
        near,
        f"a Brief regering with the subject '{letter.subject}' registered on another day",
        f"no Brief regering registered on {day}",
        max((resemblance(_text(r, "Onderwerp"), letter.subject) for r in fits), default=0.0),
    )


# --- motions -------------------------------------------------------------------------------


def _misfits(store: Store, motion: Motion, zaak: Row) -> list[str] | None:
    """Why a Motie record whose volgnummer fits is not ``motion``: ``None`` when its first
    submitter is another (or unknown), the differences when it is the same, ``[]`` when
    everything fits."""
    listed = submitters(store, zaak)
    names, others = [s.name for s in listed], len(listed) > 1
    if not names:
        names, others = named_submitters(_text(zaak, "Onderwerp"))
        others = others or len(names) > 1
    ours = [s.name.removesuffix(" c.s.").strip() for s in motion.submitters]
    if not names or not _same_name(ours[0], names[0]):
        return None
    reasons = []
    if (len(ours) > 1 or motion.submitters[0].name.endswith(" c.s.")) and not others:
        reasons.append(f"{names[0]} submitted it alone")
    for name in ours[1:]:
        if len(names) > 1 and not any(_same_name(name, n) for n in names):
            reasons.append(f"{name} is not among its submitters")
    if motion.submitted and zaak.day and motion.submitted.isoformat() != zaak.day:
        reasons.append(f"it was submitted on {zaak.day}, not {motion.submitted}")
    return reasons


def _same_name(one: str, other: str) -> bool:
    """True when one name ends in the other, word for word: 'Jasper van Dijk', 'Van Dijk'."""
    a, b = one.lower().split(), other.lower().split()
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer[-len(shorter) :] == shorter


def find_motion(store: Store, motion: Motion, titles: dict[str, str]) -> Found:
    """The Motie record a content motion is; ``titles`` maps dossier titles to dossiers."""
    number = motion.kamerstuk
    dossier = dossier_of(number)
    exact = [
        r for r in store.find("by_kamerstuk", "Zaak", number.number, dossier) if r.kind == "Motie"
    ]
    if exact:
        return _decide(exact, f"{number} in the records", _nothing, "", "")
    fits: list[Row] = []
    near: list[Row] = []
    reasons: list[str] = []
    for row in store.find("by_kamerstuk", "Zaak", number.number, None):
        title = _text(row, "Titel") or ""
        if row.kind != "Motie" or titles.get(title, dossier) != dossier:
            continue
        misfits = _misfits(store, motion, row)
        if misfits is None:
            continue
        (near if misfits else fits).append(row)
        reasons += [f"Zaak {row.nummer}: {'; '.join(misfits)}"] if misfits else []
    first = motion.submitters[0].name.removesuffix(" c.s.")
    evidence = f"volgnummer {number.number}, first submitter {first}"
    if motion.submitted:
        evidence += f", submitted on {motion.submitted}"
    if len(fits) == 1 and (known := _text(fits[0], "Titel")):
        evidence += f", dossier '{known}'" + (f" (that of {dossier})" if known in titles else "")
    return _decide(
        fits,
        evidence,
        lambda: near,
        "; ".join(reasons),
        f"no Motie numbered {number.number} in dossier {dossier}, nor one without a dossier "
        f"number whose first submitter is {first}",
    )


# --- debates -------------------------------------------------------------------------------


def _kind_fits(debate: Debate, activity: Row) -> bool:
    soorten = DEBATE_KINDS.get(str(debate.kind), (str(debate.kind),))
    return any((activity.kind or "").lower().startswith(s.lower()) for s in soorten)


def _committee(name: str | None) -> str:
    """A committee's name without its kind and period: 'buitenlandse handel en ...'."""
    name = re.sub(r"\([^)]*\)", "", (name or "").lower())
    return " ".join(re.sub(r"^.*?commissie voor ", "", name).split())


def _committee_fits(debate: Debate, activity: Row) -> bool:
    if not debate.committee:
        return True
    return _committee(debate.committee) == _committee(_text(activity, "Voortouwnaam"))


def _about(title: str, subject: str | None) -> bool:
    """Whether an agenda's subject can be a debate's: it has none, they share a word, or one
    abbreviates words of the other ('AO IMVO': 'Internationaal Maatschappelijk Verantwoord
    Ondernemen')."""
    if subject is None or resemblance(title, subject):
        return True
    return _abbreviates(title, subject) or _abbreviates(subject, title)


def _abbreviates(short: str, long: str) -> bool:
    """Whether a word in capitals of ``short`` is the initials of words in a row of ``long``."""
    initials = "".join(word[0] for word in re.findall(r"\w+", long)).upper()
    return any(token in initials for token in re.findall(r"\b[A-Z]{2,8}\b", short))


def find_debate(store: Store, debate: Debate) -> Found:
    """The activity on the Kamer's agenda a content debate is."""
    day = debate.date.isoformat()
    fits = [
        r
        for r in store.find("on_day", "Activiteit", day)
        if _kind_fits(debate, r) and _committee_fits(debate, r)
    ]
    evidence = f"the only {debate.kind} on {day}" + (
        f" of the {debate.committee}" if debate.committee else ""
    )
    if len(fits) > 1:
        fits = [r for r in fits if resemblance(debate.title, _text(r, "Onderwerp")) >= RESEMBLES]
        evidence = f"the one {debate.kind} on {day} about '{debate.title}'"
    elif fits and not _about(debate.title, subject := _text(fits[0], "Onderwerp")):
        return Found("near", f"{evidence}, but about '{subject}', not '{debate.title}'", (fits[0],))

    def near() -> list[Row]:
        start, end = (debate.date + dt.timedelta(days=d) for d in (-NEAR_DAYS, NEAR_DAYS))
        return sorted(
            (
                r
                for r in store.find("between", "Activiteit", start.isoformat(), end.isoformat())
                if (r.day != day or not _committee_fits(debate, r))
                and _kind_fits(debate, r)
                and resemblance(debate.title, _text(r, "Onderwerp")) >= RESEMBLES
            ),
            key=lambda r: abs((dt.date.fromisoformat(r.day or day) - debate.date).days),
        )[:3]

    other = f" or of another committee than the {debate.committee}" if debate.committee else ""
    return _decide(
        fits,
        evidence,
        near,
        f"the same kind and subject, but not on {day}{other}",
        f"no {debate.kind} on {day}" + (f" of the {debate.committee}" if debate.committee else ""),
        max((resemblance(debate.title, _text(r, "Onderwerp")) for r in fits), default=0.0),
    )


# --- commitments ---------------------------------------------------------------------------


def find_commitment(store: Store, commitment: Commitment, activiteit: str | None) -> Found:
    """The register's commitment a content commitment is, among those of its debate; of a
    commitment and a newer version of it made there too, the first (whose facts give the
    newest version's, see :func:`briefing.kamer.records.commitment_facts`)."""
    if activiteit is None:
        return Found("missing", f"its debate '{commitment.debate}' is not linked to the agenda")
    made = store.find("of_activiteit", activiteit)
    scored = [
        (resemblance(promised(commitment.text), promised(_text(r, "Tekst"))), r) for r in made
    ]
    fits = [r for score, r in scored if score >= RESEMBLES]
    first = {r.id for r in fits}
    fits = [r for r in fits if not any(o.id in first for o in store.find("related", r.id, CHANGES))]
    near = [r for score, r in scored if RESEMBLES / 2 <= score < RESEMBLES]
    best = max((score for score, _ in scored), default=0.0)
    return _decide(
        fits,
        f"made at Activiteit {activiteit}, in words that resemble its text ({best:.0%})",
        lambda: near,
        f"made at Activiteit {activiteit}, in other words",
        f"the register has no commitment made at Activiteit {activiteit} in these words"
        if made
        else f"the register has no commitment made at Activiteit {activiteit}",
        best,
    )
