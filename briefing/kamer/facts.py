"""The Kamer's facts about the content, as kept in ``content/kamer.yaml``.

``briefing kamer link`` writes the file from the local store of the Kamer's records; a person
reviews it like any content. The ids in it (``zaak``, ``activiteit``, ``toezegging``) are the
links between a content item and the Kamer's record: ``link`` keeps every link the file has
and refreshes the other facts of that entry from the records, so a link may be added or
corrected by hand. ``check`` and ``build`` read this file and never the store, so builds stay
reproducible. This module imports no database or network code; reading and writing the
file is :mod:`briefing.kamer.facts_file`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar, Self

from pydantic import Field, model_validator

from briefing.fields import Id, Model, form, refuse, rule_error
from briefing.kamer.odata import NUMBER_FORMS
from briefing.layout import KAMER_FILE
from briefing.model import Submitter
from briefing.types import CommitmentRef, DebateRef, Kamerstuk, MotionRef

FACTS_FILE = KAMER_FILE

ZaakNummer = Annotated[str, form(f"^{NUMBER_FORMS['Zaak']}$", "2018Z06147")]
ActiviteitNummer = Annotated[str, form(f"^{NUMBER_FORMS['Activiteit']}$", "2018A02240")]
ToezeggingNummer = Annotated[str, form(f"^{NUMBER_FORMS['Toezegging']}$", "TZ202412-116")]
DocumentNummer = Annotated[str, form(f"^{NUMBER_FORMS['Document']}$", "2022D14133")]
#: Text as the Kamer's records give it: printed as written, never read as markup.
Plain = Annotated[str, Field(min_length=1)]

#: Per kind of content item, in the file's order: its list in ``kamer.yaml`` and the field
#: of an entry holding the link to its record.
LINKS = {
    "letter": ("letters", "zaak"),
    "motion": ("motions", "zaak"),
    "debate": ("debates", "activiteit"),
    "commitment": ("commitments", "toezegging"),
}


class LetterFacts(Model):
    """A letter of the content as the Kamer registered it."""

    #: Facts on where the record stands, always as the records give them now.
    STATE: ClassVar[frozenset[str]] = frozenset()

    letter: Id = Field(
        description="The content letter's id, e.g. '2018-11-13-voortgang-imvo-beleid'."
    )
    zaak: ZaakNummer = Field(
        description="The letter's Zaak number in the Kamer's records (the link)."
    )
    kamerstuk: Kamerstuk | None = Field(
        None, description="Its Kamerstuk number, e.g. '26 485, nr. 293'."
    )
    subject: Plain | None = Field(
        None, description="Its subject as the Kamer registered it (Onderwerp)."
    )


class EarlierDecision(Model):
    """A decision the Kamer took on a motion before its last one: held, then adopted."""

    decision: Plain | None = Field(None, description="As written, e.g. 'Aangehouden.'.")
    result: Plain | None = Field(None, description="In a word: aangehouden, ...")
    votes_for: int | None = Field(None, ge=0, description="Votes (seats) for, where known.")
    votes_against: int | None = Field(None, ge=0, description="Votes against, where known.")
    voted_on: dt.date | None = Field(None, description="The day it was taken, where known.")
    decided_by: dt.date | None = Field(
        None, description="Without that day: the day the Kamer's records held it by."
    )

    @property
    def day(self) -> dt.date | None:
        """The day it is known from."""
        return self.voted_on or self.decided_by


class MotionFacts(Model):
    """A motion of the content as the Kamer's records have it: submission, appreciation, vote."""

    #: Facts on where the record stands, always as the records give them now.
    STATE: ClassVar[frozenset[str]] = frozenset(
        {"appreciation", "decision", "result", "votes_for", "votes_against", "voted_on"}
        | {"decided_by", "replaced_by", "earlier"}
    )

    motion: MotionRef = Field(description="The content motion's id.")
    zaak: ZaakNummer = Field(
        description="The motion's Zaak number in the Kamer's records (the link)."
    )
    kamerstuk: Kamerstuk | None = Field(
        None, description="Its Kamerstuk number, if the records give the dossier."
    )
    subject: Plain | None = Field(None, description="Its subject as registered (Onderwerp).")
    submitted: dt.date | None = Field(
        None, description="Day it was submitted (GestartOp), not the day it was adopted."
    )
    submitters: list[Submitter] = Field(
        [],
        description="The submitter (Indiener), then the co-submitters (Medeindieners), each "
        "with party.",
    )
    appreciation: Plain | None = Field(
        None,
        description="The cabinet's appreciation (Kabinetsappreciatie), e.g. 'Oordeel Kamer'; "
        "absent before 1 April 2019.",
    )
    decision: Plain | None = Field(
        None,
        description="The Kamer's decision as written (BesluitTekst), e.g. 'Aangenomen. (83-67)'.",
    )
    result: Plain | None = Field(
        None,
        description="The decision in a word: aangenomen, verworpen, aangehouden, ingetrokken, "
        "... or the records' own text.",
    )
    votes_for: int | None = Field(None, ge=0, description="Votes (seats) for, where known.")
    votes_against: int | None = Field(None, ge=0, description="Votes (seats) against, where known.")
    voted_on: dt.date | None = Field(None, description="Day of the vote or decision, where known.")
    decided_by: dt.date | None = Field(
        None,
        description="For a decision whose day the records do not give: the day the Kamer's "
        "records held it by (the decision record's last change, GewijzigdOp); not the day of "
        "the vote, which was on it or before.",
    )
    replaces: Kamerstuk | None = Field(
        None,
        description="For a gewijzigde motie: the motion it replaces ('t.v.v.' in its subject).",
    )
    replaced_by: Kamerstuk | None = Field(
        None,
        description="For a motion a gewijzigde motie replaced: that motion, on which the Kamer "
        "then voted; the decision is its.",
    )

    earlier: list[EarlierDecision] = Field(
        [],
        description="The Kamer's decisions on it before the last, oldest first: a motion held "
        "and later adopted stands as held from the day it was held until the vote.",
    )

    def known_on(self, day: dt.date, decided: dt.date | None = None) -> MotionFacts:
        """The facts as known on ``day``: without the decision when the Kamer took it later.
        A decision without its day is known from the first day it is known to have been
        taken: the day the records held it by (``decided_by``) or ``decided``, a day the
        content places it by (a letter reporting on the motion, the day it was adopted);
        never without either, since a dossier for a day before the vote would otherwise give
        a result that did not exist yet. Before it, an earlier decision known by ``day``
        stands (held, before the vote that adopted it)."""
        undecided = self.decision is None and self.result is None
        bounds = [d for d in (self.decided_by, decided) if d is not None]
        known = self.voted_on or min(bounds, default=None)
        if undecided or (known is not None and known <= day):
            return self
        later = ("decision", "result", "votes_for", "votes_against", "voted_on", "decided_by")
        known_then = [e for e in self.earlier if e.day is not None and e.day <= day]
        then = dict(known_then[-1]) if known_then else dict.fromkeys(later)
        return self.model_copy(update={**then, "earlier": known_then[:-1]})


class DebateFacts(Model):
    """A debate of the content as it stands on the Kamer's agenda."""

    #: Facts on where the record stands, always as the records give them now.
    STATE: ClassVar[frozenset[str]] = frozenset({"date", "status", "moved_to"})

    debate: DebateRef = Field(description="The content debate's id.")
    activiteit: ActiviteitNummer = Field(
        description="The activity's number on the Kamer's agenda (the link)."
    )
    date: dt.date | None = Field(None, description="Day the agenda has it on.")
    status: Plain | None = Field(
        None, description="As the agenda says: Gepland, Uitgevoerd, Verplaatst, Geannuleerd, ..."
    )
    kind: Plain | None = Field(
        None, description="Kind of activity (Soort), e.g. 'Algemeen overleg'."
    )
    subject: Plain | None = Field(None, description="Its subject on the agenda (Onderwerp).")
    committee: Plain | None = Field(
        None, description="The committee that holds it (Voortouw), where one does."
    )
    moved_to: ActiviteitNummer | None = Field(
        None, description="For a moved activity: the activity that replaces it."
    )


class FulfillingLetter(Model):
    """A letter the register names as fulfilling a commitment (KamerbriefNakoming)."""

    document: DocumentNummer = Field(description="The letter's document number, e.g. '2022D14133'.")
    date: dt.date | None = Field(None, description="The letter's date.")
    kamerstuk: Kamerstuk | None = Field(None, description="Its Kamerstuk number, where known.")
    letter: Id | None = Field(
        None, description="The content letter with that Kamerstuk number, if any."
    )


class CommitmentVersion(Model):
    """A version of a commitment that a newer one in the register changed."""

    toezegging: ToezeggingNummer = Field(description="Its number in the register.")
    made: dt.date | None = Field(
        None, description="The day the register made it (Aanmaakdatum): in force from then."
    )
    status: Plain | None = Field(None, description="Its status as the register has it.")
    deadline: dt.date | None = Field(None, description="Its deadline (DatumNakoming).")


class CommitmentFacts(Model):
    """A commitment of the content as the Kamer's register of commitments has it."""

    #: Facts on where the record stands, always as the records give them now.
    STATE: ClassVar[frozenset[str]] = frozenset(
        {"status", "deadline", "changed_by", "changed_on", "earlier", "fulfilled_by"}
    )

    commitment: CommitmentRef = Field(description="The content commitment's id.")
    toezegging: ToezeggingNummer = Field(
        description="Its number in the Kamer's register of commitments, e.g. 'TZ202112-045' "
        "(the link)."
    )
    status: Plain | None = Field(
        None,
        description="Status as the register has it: Openstaand, Afgedaan, Deels Afgedaan, "
        "Vervallen, ...",
    )
    deadline: dt.date | None = Field(None, description="The register's deadline (DatumNakoming).")
    changed_by: ToezeggingNummer | None = Field(
        None,
        description="Where the register changed the commitment: its newest version (a "
        "Toezegging that IsWijzigingVan it), whose status and deadline these are.",
    )
    changed_on: dt.date | None = Field(
        None,
        description="The day the register made that newest version (its Aanmaakdatum): before "
        "it, the version then in force gives the status and deadline.",
    )
    earlier: list[CommitmentVersion] = Field(
        [],
        description="Where the register changed it: the versions before the newest, oldest "
        "first (the first is this commitment itself), each with the day it was made, its "
        "status and deadline.",
    )
    activiteit: ActiviteitNummer | None = Field(
        None, description="The activity (debate) where it was made."
    )
    text: Plain | None = Field(None, description="The commitment as the register words it.")
    fulfilled_by: list[FulfillingLetter] = Field(
        default_factory=list, description="Letters the register names as fulfilling it."
    )

    def known_on(self, day: dt.date) -> CommitmentFacts:
        """The facts as known on ``day``: the status and deadline of the version in force
        then (a newer version made on ``day`` or later, at a debate that day or after, is
        not yet known, as a commitment made that day is not); without the letters that
        fulfilled it later, and without the register's status when that rests on those
        letters alone (a status the register gives without dated letters stands)."""
        facts = self._version_on(day)
        later = [f for f in facts.fulfilled_by if f.date is not None and f.date > day]
        if not later:
            return facts
        earlier = [f for f in facts.fulfilled_by if f not in later]
        dated = any(f.date is not None for f in earlier)
        status = facts.status if dated or (facts.status or "").lower() == "openstaand" else None
        return facts.model_copy(update={"fulfilled_by": earlier, "status": status})

    def _version_on(self, day: dt.date) -> CommitmentFacts:
        """These facts with the status and deadline of the version in force on ``day``: the
        newest made before it (the first version is in force from the start)."""
        if self.changed_on is None or self.changed_on < day or not self.earlier:
            return self
        index = len(self.earlier) - 1
        while index > 0 and (self.earlier[index].made or day) >= day:
            index -= 1
        then = self.earlier[index]
        return self.model_copy(
            update={
                "status": then.status,
                "deadline": then.deadline,
                "changed_by": then.toezegging if index else None,
                "changed_on": then.made if index else None,
                "earlier": self.earlier[:index],
            }
        )


class Refusal(Model):
    """A record a person found is not a content item's: ``link`` never links the two."""

    letter: Id | None = Field(None, description="The content letter, or:")
    motion: MotionRef | None = Field(None, description="the content motion, or:")
    debate: DebateRef | None = Field(None, description="the content debate, or:")
    commitment: CommitmentRef | None = Field(None, description="the content commitment.")
    zaak: ZaakNummer | None = Field(None, description="The letter's or motion's wrong record.")
    activiteit: ActiviteitNummer | None = Field(None, description="The debate's wrong record.")
    toezegging: ToezeggingNummer | None = Field(None, description="The commitment's wrong record.")
    note: Plain | None = Field(None, description="Why it is not the item's, for the next reader.")

    @model_validator(mode="after")
    def _one_item_and_its_record(self) -> Self:
        """One content item, and the record in the field that links its kind."""
        items = [kind for kind in LINKS if getattr(self, kind) is not None]
        records = [f for f in ("zaak", "activiteit", "toezegging") if getattr(self, f) is not None]
        if len(items) != 1:
            raise ValueError("name one content item: a letter, motion, debate or commitment")
        if records != [LINKS[items[0]][1]]:
            raise ValueError(
                f"name the {items[0]}'s wrong record as '{LINKS[items[0]][1]}' and nothing else"
            )
        return self

    @property
    def kind(self) -> str:
        """The content item's kind: letter, motion, debate or commitment."""
        return next(kind for kind in LINKS if getattr(self, kind) is not None)

    @property
    def item(self) -> str:
        """The content item's id."""
        return str(getattr(self, self.kind))

    @property
    def record(self) -> str:
        """The number of the record that is not the item's."""
        return str(getattr(self, LINKS[self.kind][1]))


class KamerFacts(Model):
    """Everything ``briefing kamer link`` found, reviewed like content."""

    letters: list[LetterFacts] = Field(
        default_factory=list,
        description="Letters with their Zaak and Kamerstuk numbers, by letter id.",
    )
    motions: list[MotionFacts] = Field(
        default_factory=list,
        description="Motions with submission, submitters, appreciation and vote, by motion id.",
    )
    debates: list[DebateFacts] = Field(
        default_factory=list, description="Debates as on the Kamer's agenda, by debate id."
    )
    commitments: list[CommitmentFacts] = Field(
        default_factory=list,
        description="Commitments as in the Kamer's register, by commitment id.",
    )
    refused: list[Refusal] = Field(
        default_factory=list,
        description="Records a person found are not a content item's, written by hand: 'link' "
        "never links them to it (e.g. {motion: becker-26485-277, zaak: 2018Z06147}).",
    )

    @model_validator(mode="after")
    def _each_item_once(self) -> Self:
        """An item with two entries is an error at the second, naming the first."""
        errors = []
        for kind, (attr, _) in LINKS.items():
            first: dict[str, int] = {}
            for index, entry in enumerate(getattr(self, attr)):
                item = getattr(entry, kind)
                if item not in first:
                    first[item] = index
                    continue
                message = (
                    f"{kind} '{item}' has an entry already, at {attr}[{first[item]}]; keep one"
                )
                errors.append(rule_error((attr, index, kind), item, message))
        refuse(type(self), errors)
        return self

    @model_validator(mode="after")
    def _no_link_refused(self) -> Self:
        """A refusal of the link an entry makes is a contradiction, at the refusal."""
        errors = []
        for index, refusal in enumerate(self.refused):
            attr, link_field = LINKS[refusal.kind]
            if any(
                getattr(entry, refusal.kind) == refusal.item
                and getattr(entry, link_field) == refusal.record
                for entry in getattr(self, attr)
            ):
                message = (
                    f"the {refusal.kind} entry for '{refusal.item}' links this record; remove "
                    "that entry or this refusal"
                )
                loc = ("refused", index, link_field)
                errors.append(rule_error(loc, refusal.record, message))
        refuse(type(self), errors)
        return self
