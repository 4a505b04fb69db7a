"""What the stored records say about a letter, a motion, a debate or a commitment, as facts.

The records' own words are kept (a ``Soort``, a ``Status`` this code has never seen is
written as it is); only names are put in the form motions print them (``D.A. Ergin`` becomes
``Ergin``) and a decision is summed up in a word (``Stemmen - aangenomen``: aangenomen).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from briefing.fields import LINE_LENGTH
from briefing.kamer.facts import (
    CommitmentFacts,
    CommitmentVersion,
    DebateFacts,
    FulfillingLetter,
    LetterFacts,
    MotionFacts,
)
from briefing.kamer.facts_file import written
from briefing.kamer.odata import day, replaced_key
from briefing.kamer.store import Row, Store
from briefing.model import Submitter
from briefing.types import Kamerstuk

#: The seats of the Tweede Kamer: no party has more.
SEATS = 150
#: Words that sum up a decision, looked for in its kind and text, in this order.
RESULTS = ("aangenomen", "verworpen", "aangehouden", "ingetrokken", "vervallen", "overgenomen")
#: The word of a decision that adopts a motion without a vote.
_WITHOUT_VOTE = "zonder stemming aannemen"
#: A decision's ``Status`` while it is only proposed (on a procedure meeting's agenda, say):
#: no decision yet, whatever its ``BesluitSoort`` says.
_PROPOSED = {"voorstel", "concept voorstel"}
#: The two ways the Kamer votes (``StemmingsSoort``): a vote per party, or one per member.
_SHOW_OF_HANDS, _ROLL_CALL = "Met handopsteken", "Hoofdelijk"
_VOTES_RE = re.compile(r"\((\d+)\s*-\s*(\d+)\)")
#: A document's number: '2022D14133'.
_DOCUMENT_RE = re.compile(r"\d{4}D\d{5}")
_SUBMITTERS_RE = re.compile(
    r"^(?:(?:nader )?gewijzigde )?motie van (?:het lid|de leden) (?P<names>.+?)"
    r"(?=\s+(?:over|ter|inzake|om)\b|\s*\(|$)",
    re.IGNORECASE,
)
_INITIALS_RE = re.compile(r"(?:[A-Za-z][a-z]?\.)+")
_NOT_AVAILABLE = "niet beschikbaar"
#: Characters that are no text (white space apart, which is collapsed).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def clean(value: Any) -> str | None:
    """Text on one line: white space collapsed, control characters left out; ``None`` for
    no text."""
    if not isinstance(value, str):
        return None
    return " ".join(_CONTROL_RE.sub("", value).split()) or None


def dossier_of(kamerstuk: Kamerstuk) -> str:
    """A Kamerstuk's dossier as the store keeps it: ``26485`` or ``35925-XVII``."""
    return f"{kamerstuk.dossier}-{kamerstuk.suffix}" if kamerstuk.suffix else kamerstuk.dossier


def kamerstuk(dossier: str | None, volgnummer: int | None) -> Kamerstuk | None:
    """The Kamerstuk number of a dossier and volgnummer, when both are known."""
    if not dossier or not volgnummer:
        return None
    number, _, suffix = dossier.partition("-")
    try:
        return Kamerstuk.parse(f"{number}{'-' + suffix if suffix else ''}, nr. {volgnummer}")
    except ValueError:
        return None


def surname(name: str) -> str:
    """A member's name as a motion prints it: ``D.A. Ergin`` and ``Ergin, D.A.`` are
    ``Ergin``, ``A.P.C. (Tony) van Dijck`` is ``Van Dijck``."""
    name = name.split(",")[0] if "," in name else name
    words = [w for w in re.sub(r"\([^)]*\)", " ", name).split() if not _INITIALS_RE.fullmatch(w)]
    text = " ".join(words) or name.strip()
    return text[:1].upper() + text[1:]


def named_submitters(subject: str | None) -> tuple[list[str], bool]:
    """The names a motion's subject gives ('Motie van de leden Van Raan en Alkaya over ...')
    and whether it says 'c.s.' (co-submitters not named)."""
    match = _SUBMITTERS_RE.match(clean(subject) or "")
    if not match:
        return [], False
    names = match["names"].strip()
    others = names.endswith(" c.s.")
    names = names.removesuffix(" c.s.")
    return [n.strip() for n in re.split(r",\s*|\s+en\s+", names) if n.strip()], others


def replaced(subject: str | None) -> Kamerstuk | None:
    """The motion a gewijzigde motie replaces, from its subject ('(t.v.v. 26485-280)')."""
    key = replaced_key(subject)
    if key is None:
        return None
    dossier, _, number = key.rpartition("-")
    return kamerstuk(dossier, int(number))


def submitters(store: Store, zaak: Row) -> list[Submitter]:
    """The submitter (Indiener), then the co-submitters by name, each with party."""
    actors = store.find("related", zaak.id, "ZaakActor")
    found = []
    for relation in ("Indiener", "Medeindiener"):
        named = [
            (name, actor)
            for actor in actors
            if actor.kind == relation
            and (name := _line(surname(clean(actor.data.get("ActorNaam")) or "")))
        ]
        for name, actor in sorted(named, key=lambda pair: pair[0]):
            found.append(Submitter(name=name, party=_line(clean(actor.data.get("ActorFractie")))))
    return found


def _line(text: str | None) -> str | None:
    """``text`` where it can be a name (a line of at most ``LINE_LENGTH`` characters), else
    ``None``."""
    return text if text and len(text) <= LINE_LENGTH else None


def _vote_day(store: Store, besluit: Row) -> str | None:
    """The day of a decision: that of the activity (the plenary's votes, a committee's
    procedure meeting) whose agenda item took it, else the item's own start
    (``Aanvangstijd``); ``None`` when the decision came without its agenda item. The
    decision's ``GewijzigdOp`` is no such day: it is when its record last changed."""
    for point in store.find("related", besluit.id, "Agendapunt"):
        for activity in store.find("related", point.id, "Activiteit"):
            if activity.day:
                return activity.day
        if started := day(point.data.get("Aanvangstijd")):
            return started
    return None


def _counted(votes: list[Row], roll_call: bool) -> tuple[int | None, int | None]:
    """Votes for and against as the Kamer counts them. By show of hands each party's vote
    counts its size (``FractieGrootte``), less its members who voted apart, each of whom has a
    vote of their own (with a ``Persoon_Id``) that counts one; in a roll call (``Hoofdelijk``)
    each member's vote counts one. A vote declared a mistake afterwards (``Vergissing``)
    counts as it was cast: the Kamer's result stands, the member only has it noted. Unknown
    when the records hold no vote (a decision loaded without its ``Stemming``, or whose votes
    the Kamer has not entered yet), not nought against nought, or a party's vote without
    its size. Each voter counts once: of two live votes of one party or member on one
    decision, which the records have held, the one the Kamer entered last (see
    :func:`_once`)."""
    votes = _once(votes)
    apart = Counter(_party(v) for v in votes if v.data.get("Persoon_Id"))
    tally = {"Voor": 0, "Tegen": 0}
    counted = False
    for vote in votes:
        member = bool(vote.data.get("Persoon_Id"))
        if vote.kind not in tally or (roll_call and not member):
            continue
        if member:
            tally[vote.kind] += 1
        elif (size := _seats(vote.data.get("FractieGrootte"))) is None:
            return None, None  # a party's vote whose weight the record does not give
        else:
            tally[vote.kind] += max(size - apart[_party(vote)], 0)
        counted = True
    return (tally["Voor"], tally["Tegen"]) if counted else (None, None)


def _seats(value: Any) -> int | None:
    """A party's size (``FractieGrootte``) as a count of seats; ``None`` for no count, or one
    the Kamer's 150 seats do not hold."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= SEATS:
        return value
    return None


def _once(votes: list[Row]) -> list[Row]:
    """One vote per voter: a member's (``Persoon_Id``) or a party's. The records have held
    a party's vote twice on one decision, both live; the vote the Kamer entered last
    (``GewijzigdOp``, then ``Id``) is its word, as a corrected record replaces the one
    before. A vote the Kamer removed (``Verwijderd``) is never read; one declared a
    mistake (``Vergissing``) is still the vote cast, and is no second vote."""
    latest: dict[tuple[str, str], Row] = {}
    for vote in sorted(votes, key=lambda v: (v.changed, v.id)):
        member = str(vote.data.get("Persoon_Id") or "")
        latest[(member, "" if member else _party(vote))] = vote
    return list(latest.values())


def _party(vote: Row) -> str:
    """The party a vote is of, by its id, else its name."""
    return str(vote.data.get("Fractie_Id") or vote.data.get("ActorFractie") or "")


def decision(store: Store, besluit: Row) -> dict[str, Any]:
    """A decision's facts: its text, result in a word, votes for and against, day; without
    a day, the day its record last changed, by which the Kamer had taken it."""
    kind, text = clean(besluit.data.get("BesluitSoort")), clean(besluit.data.get("BesluitTekst"))
    words = f"{kind or ''} {text or ''}".lower()
    result = next((word for word in RESULTS if word in words), None)
    if result is None and _WITHOUT_VOTE in words:  # 'Stemmen - zonder stemming aannemen'
        result = "aangenomen"
    votes: tuple[int | None, int | None] = (None, None)
    if match := _VOTES_RE.search(text or ""):
        votes = (int(match[1]), int(match[2]))
    elif (how := besluit.data.get("StemmingsSoort")) in (_SHOW_OF_HANDS, _ROLL_CALL):
        votes = _counted(store.find("related", besluit.id, "Stemming"), how == _ROLL_CALL)
    voted_on = _vote_day(store, besluit)
    return {
        "decision": text or kind,
        "result": result or kind,
        "votes_for": votes[0],
        "votes_against": votes[1],
        "voted_on": voted_on,
        "decided_by": None if voted_on else day(besluit.data.get("GewijzigdOp")),
    }


def _last_decision(store: Store, zaak: Row) -> dict[str, Any]:
    """The latest decision on a Zaak that has a result (adopted, rejected, held, ...), else
    the latest vote (``StemmingsSoort``, as a tie: ``Stemmen - gestaakt``); votes before other
    decisions of the same day. Steps of the procedure (``Ingediend`` where the motion was
    submitted, ``Stemmen - uitstellen``) decide nothing: taken for one, the day a motion was
    submitted would read as the day the Kamer voted on it. Nor does a decision only proposed
    (``Status`` ``Voorstel``, ``Concept voorstel``). The decisions with a result that came
    before it, on earlier days, are its ``earlier`` (held, then adopted)."""
    decided = sorted(
        (
            (facts, b)
            for b in store.find("related", zaak.id, "Besluit")
            if (clean(b.data.get("Status")) or "").lower() not in _PROPOSED
            and ((facts := decision(store, b))["result"] in RESULTS or b.data.get("StemmingsSoort"))
        ),
        key=lambda fb: (
            fb[0]["result"] in RESULTS,
            fb[0]["voted_on"] or "",
            fb[0]["votes_for"] is not None,
            fb[1].changed,
        ),
    )
    if not decided:
        return {}
    facts = decided[-1][0]
    last = facts["voted_on"] or facts["decided_by"]
    before = [
        f
        for f, _ in decided
        if f["result"] in RESULTS and last and (f["voted_on"] or f["decided_by"] or last) < last
    ]
    before.sort(key=lambda f: f["voted_on"] or f["decided_by"])
    return {**facts, "earlier": before}


def letter_facts(letter: str, zaak: Row, dossier: str | None) -> LetterFacts:
    """A letter's Zaak, its Kamerstuk number (``dossier`` as learned, if the record has
    none) and subject."""
    return LetterFacts(
        letter=letter,
        zaak=zaak.nummer or "",
        kamerstuk=written(kamerstuk(zaak.dossier or dossier, zaak.volgnummer)),
        subject=clean(zaak.data.get("Onderwerp")),
    )


def _replacement(store: Store, zaak: Row, dossier: str | None) -> Row | None:
    """The gewijzigde motie that replaced a motion of ``dossier``: a motion whose subject
    says it replaces this one ('(t.v.v. 26485-280)'); of two, the later (a nader gewijzigde
    motie replaces the gewijzigde too)."""
    if not dossier or not zaak.volgnummer:
        return None
    found = [
        row
        for row in store.find("replacing", f"{dossier}-{zaak.volgnummer}")
        if row.kind == zaak.kind and row.id != zaak.id
    ]
    return max(found, key=lambda row: (row.day or "", row.volgnummer or 0), default=None)


def _decision_of(store: Store, zaak: Row, dossier: str | None) -> dict[str, Any]:
    """The Kamer's decision on a motion: that on the gewijzigde motie that replaced it (and
    on the one that replaced that), where the Kamer took one, as ``replaced_by``; else its
    own. The Kamer votes on the motion as changed, not on the one it replaces."""
    facts, current, seen = _last_decision(store, zaak), zaak, {zaak.id}
    while (later := _replacement(store, current, dossier)) is not None and later.id not in seen:
        seen.add(later.id)
        current = later
        if taken := _last_decision(store, later):
            number = written(kamerstuk(later.dossier or dossier, later.volgnummer))
            facts = {**taken, "replaced_by": number}
    return facts


def motion_facts(store: Store, motion: str, zaak: Row, dossier: str | None) -> MotionFacts:
    """A motion's submission, submitters, the cabinet's appreciation and the decision."""
    subject = clean(zaak.data.get("Onderwerp"))
    appreciation = clean(zaak.data.get("Kabinetsappreciatie"))
    if appreciation and appreciation.lower().startswith(_NOT_AVAILABLE):
        appreciation = None
    return MotionFacts(
        motion=motion,
        zaak=zaak.nummer or "",
        kamerstuk=written(kamerstuk(zaak.dossier or dossier, zaak.volgnummer)),
        subject=subject,
        submitted=zaak.day,
        submitters=submitters(store, zaak),
        appreciation=appreciation,
        replaces=written(replaced(subject)),
        **_decision_of(store, zaak, zaak.dossier or dossier),
    )


def debate_facts(store: Store, debate: str, activity: Row) -> DebateFacts:
    """A debate's day, status, kind, subject and committee on the Kamer's agenda."""
    committee = clean(activity.data.get("Voortouwnaam"))
    moved = [a.nummer for a in store.find("related", activity.id, "VervangenDoor") if a.nummer]
    return DebateFacts(
        debate=debate,
        activiteit=activity.nummer or "",
        date=activity.day,
        status=clean(activity.data.get("Status")),
        kind=clean(activity.kind),
        subject=clean(activity.data.get("Onderwerp")),
        committee=None if committee in (None, "TK") else committee,
        moved_to=min(moved) if moved else None,
    )


def _fulfilling(store: Store, record: Row) -> list[Row]:
    """The letters the register names as fulfilling a commitment: the expanded documents of
    ``KamerbriefNakoming``, or, where the register gives it as text, the document of that
    number ('2022D14133', several apart by commas or spaces), from the store where it has
    it, else by its number alone."""
    documents = store.find("related", record.id, "KamerbriefNakoming")
    named = record.data.get("KamerbriefNakoming")
    for number in _DOCUMENT_RE.findall(named) if isinstance(named, str) else []:
        if all(document.nummer != number for document in documents):
            stored = store.find("by_nummer", number, "Document")
            documents.append(
                stored[0]
                if stored
                else Row("", "Document", "", number, None, None, None, None, None, "{}")
            )
    return [d for d in documents if _DOCUMENT_RE.fullmatch(d.nummer or "")]


def _versions(store: Store, record: Row) -> list[Row]:
    """A commitment and the newer versions the register made of it, oldest first: the
    commitment that says it changes this one (``IsWijzigingVan``), the one that changes that,
    ...; of two that change one, the later made (``Aanmaakdatum``, then number)."""
    versions, seen = [record], {record.id}
    while later := [
        r for r in store.find("changing", versions[-1].id) if r.id not in seen and r.nummer
    ]:
        versions.append(max(later, key=lambda r: (r.day or "", r.nummer or "")))
        seen.add(versions[-1].id)
    return versions


def commitment_facts(
    store: Store, commitment: str, record: Row, letters: Mapping[str, str]
) -> CommitmentFacts:
    """A commitment's status, deadline, activity and fulfilling letters in the register;
    ``letters`` maps a Kamerstuk number to the content letter that has it. Where the register
    changed the commitment (a newer version that ``IsWijzigingVan`` it), the status and
    deadline are the newest version's, named as ``changed_by`` with the day it was made, the
    versions before it are ``earlier`` with theirs, and the fulfilling letters are those of
    every version; the text and activity stay the record's own."""
    versions = _versions(store, record)
    fulfilled: dict[str, FulfillingLetter] = {}
    for version in versions:
        for document in _fulfilling(store, version):
            number = kamerstuk(document.dossier, document.volgnummer)
            fulfilled[document.nummer or ""] = FulfillingLetter(
                document=document.nummer or "",
                date=document.day,
                kamerstuk=written(number),
                letter=letters.get(str(number)) if number else None,
            )
    newest, changed = versions[-1], len(versions) > 1
    return CommitmentFacts(
        commitment=commitment,
        toezegging=record.nummer or "",
        status=clean(newest.data.get("Status")),
        deadline=day(newest.data.get("DatumNakoming")),
        changed_by=newest.nummer if changed else None,
        changed_on=newest.day if changed else None,
        earlier=[
            CommitmentVersion(
                toezegging=version.nummer or "",
                made=version.day,
                status=clean(version.data.get("Status")),
                deadline=day(version.data.get("DatumNakoming")),
            )
            for version in versions[:-1]
        ],
        activiteit=record.activiteit,
        text=clean(record.data.get("Tekst")),
        fulfilled_by=sorted(fulfilled.values(), key=lambda f: (str(f.date), f.document)),
    )
