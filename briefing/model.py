"""The content model: what a letter, a motion, a commitment, a sector and a debate hold.

Registries (``motions.yaml``, ``commitments.yaml``, ``sectors.yaml``, ``debates.yaml``)
hold what does not change per letter. A letter holds what it says on its date, attached
to the section where it says it: which motions, commitments, sectors and debates the
section speaks about, status updates, key figures, amounts and announced milestones.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BeforeValidator, Field, model_validator

from briefing.fields import FileId, Id, Line, Model, Once, Text, refuse, rule_error
from briefing.section_body import Block
from briefing.types import CommitmentRef, DebateRef, FuzzyDate, Kamerstuk, MotionRef, SectorRef

#: What ``briefing import`` writes where its source does not give a value (a letter's
#: directorate, addresses, reference, ...); ``check`` warns of each one still standing.
UNKNOWN = "onbekend"

# --- registries ---------------------------------------------------------------------------


class DebateKind(StrEnum):
    """Kinds of debate in which letters are discussed and commitments made."""

    AO = "algemeen overleg"
    COMMISSIEDEBAT = "commissiedebat"
    BEGROTINGSBEHANDELING = "begrotingsbehandeling"
    NOTAOVERLEG = "notaoverleg"
    PLENAIR = "plenair debat"
    TECHNISCHE_BRIEFING = "technische briefing"


class Debate(Model):
    """A debate of the Tweede Kamer (or one of its committees)."""

    id: FileId = Field(description="Stable id, e.g. 'ao-imvo-2018-11-14'; names its dossier.")
    kind: DebateKind = Field(description="What kind of debate this is.")
    title: Line = Field(description="Name as the Kamer uses it, e.g. 'AO IMVO'.")
    date: dt.date = Field(description="Day of the debate (YYYY-MM-DD).")
    committee: Line | None = Field(None, description="Committee that held it, if any.")
    minister: Line | None = Field(None, description="Minister who took part, if known.")
    subject: Line | None = Field(
        None,
        description="What it is about, e.g. 'IMVO'. A dossier's previous debate is the latest "
        "earlier one of the same committee on the same subject.",
    )
    agenda: Once[Id] = Field(
        [],
        description="Ids of the letters on its agenda; without them, the letters written for it "
        "(those whose 'debate' is this debate).",
    )


class Submitter(Model):
    """A member of the Kamer who submitted a motion, with the party (fractie) if known."""

    name: Line = Field(description="Name as the motion prints it, e.g. 'Van Laar'.")
    party: Line | None = Field(None, description="Party (fractie), e.g. 'PvdA', if known.")


def _submitter(value: object) -> object:
    """A plain name stands for a submitter whose party is not given."""
    return {"name": value} if isinstance(value, str) else value


#: A submitter written as a name ('Van Laar') or in full ({name: Van Laar, party: PvdA}).
SubmitterItem = Annotated[
    Submitter,
    BeforeValidator(_submitter, json_schema_input_type=Line | Submitter),
]


class Motion(Model):
    """A motion (motie) of the Kamer asking the government something."""

    id: Id = Field(description="Stable id, e.g. 'van-laar-26485-224'.")
    submitters: list[SubmitterItem] = Field(
        min_length=1,
        description="The first submitter, then the co-submitters, as the motion lists them: "
        "'Van Laar', or {name: Van Laar, party: PvdA}. 'Bouali c.s.' cites a motion whose "
        "co-submitters are not listed.",
    )
    kamerstuk: Kamerstuk = Field(description="Kamerstuk number, e.g. '26 485, nr. 224'.")
    submitted: dt.date | None = Field(
        None, description="Day it was submitted ('Voorgesteld'), if known."
    )
    adopted: dt.date | None = Field(None, description="Day the Kamer adopted it, if known.")
    considerations: list[Text] = Field(
        [], description="Its considerations ('overwegende dat ...'), verbatim, in order."
    )
    request: Text = Field(description="What the motion asks of the government.")
    replaces: Kamerstuk | None = Field(
        None,
        description="For a gewijzigde motie: the motion it replaces ('ter vervanging van die "
        "gedrukt onder nr. 280'), e.g. '26 485, nr. 280'.",
    )
    sectors: Once[SectorRef] = Field([], description="Sectors or themes it concerns.")

    @model_validator(mode="after")
    def _replaces_another(self) -> Self:
        """A gewijzigde motie replaces another motion, never itself."""
        if self.replaces is not None and self.replaces == self.kamerstuk:
            message = (
                f"a motion replaces another motion, not itself ({self.kamerstuk}); give the "
                "number of the motion it replaces"
            )
            refuse(type(self), [rule_error(("replaces",), str(self.replaces), message)])
        return self

    @property
    def cited_as(self) -> str:
        """How letters cite its submitters: 'Van Laar', 'Bouali c.s.' when there are more."""
        first = self.submitters[0].name
        if len(self.submitters) > 1 and not first.endswith(" c.s."):
            return f"{first} c.s."
        return first


class CommitmentStatus(StrEnum):
    """Status words of the Kamer's registry of commitments."""

    OPENSTAAND = "openstaand"
    DEELS_VOLDAAN = "deels voldaan"
    VOLDAAN = "voldaan"
    VERVALLEN = "vervallen"


class Commitment(Model):
    """A commitment (toezegging) a minister made in a debate."""

    id: Id = Field(description="Stable id, e.g. 'technische-briefing-sectorale-samenwerking'.")
    text: Text = Field(description="What was promised.")
    debate: DebateRef = Field(description="Debate in which it was made.")
    made_by: Line | None = Field(None, description="Who made it, e.g. the minister's title.")
    asked_by: list[SubmitterItem] = Field(
        [],
        description="Members who asked for it, with their party if known: 'Van den Hul', or "
        "{name: Van den Hul, party: PvdA}.",
    )
    deadline: FuzzyDate | None = Field(None, description="Datum nakoming, if one was set.")
    sectors: Once[SectorRef] = Field([], description="Sectors or themes it concerns.")


class SectorKind(StrEnum):
    """A convenant's sector, or a theme across sectors."""

    CONVENANT = "convenant"
    THEME = "thema"


class Sector(Model):
    """A sector with an IMVO convenant (signed or in development), or a theme."""

    id: FileId = Field(description="Stable id, e.g. 'kleding-textiel'; names its summary.")
    kind: SectorKind = Field(description="'convenant' for a sector agreement, 'thema' otherwise.")
    name: Line = Field(description="Short name, e.g. 'Kleding en textiel'.")
    full_name: Line | None = Field(
        None, description="The convenant's full name, e.g. 'Convenant Duurzame Kleding en Textiel'."
    )
    aliases: list[Line] = Field(
        [], description="Words by which letters name it, e.g. 'textielsector', 'kledingbranche'."
    )
    part_of: SectorRef | None = Field(None, description="Wider sector it belongs to, if any.")


# --- what letters say ---------------------------------------------------------------------


class MotionStatus(StrEnum):
    """Where a motion stands according to a letter."""

    AANGENOMEN = "aangenomen"
    IN_UITVOERING = "in uitvoering"
    DEELS_UITGEVOERD = "deels uitgevoerd"
    UITGEVOERD = "uitgevoerd"


class MotionUpdate(Model):
    """What a letter says about a motion's follow-up."""

    motion: MotionRef = Field(description="The motion.")
    status: MotionStatus = Field(description="Its status according to this letter.")
    note: Text | None = Field(None, description="One line on how it is followed up.")


class CommitmentUpdate(Model):
    """What a letter says about a commitment."""

    commitment: CommitmentRef = Field(description="The commitment.")
    status: CommitmentStatus = Field(description="Its status according to this letter.")
    fulfilled_on: FuzzyDate | None = Field(
        None, description="When it was fulfilled, as the letter says: '17 februari 2021'."
    )
    note: Text | None = Field(None, description="One line on how it is fulfilled.")


class SectorStatus(StrEnum):
    """Stages a convenant goes through."""

    VERKENNING = "verkenning"
    ONDERHANDELING = "onderhandeling"
    ONDERTEKEND = "ondertekend"
    BEEINDIGD = "beëindigd"


class SectorEvent(Model):
    """A convenant's status as a letter reports it, with the date it took effect."""

    sector: SectorRef = Field(description="The sector.")
    status: SectorStatus = Field(description="The status reached.")
    date: FuzzyDate | None = Field(None, description="When, as the letter says: 'juli 2016'.")
    note: Text | None = Field(None, description="One line of context.")


#: Far more than any figure or sum a letter quotes (a thousand million million); a larger
#: number is a typing mistake, and one the Dutch way of writing numbers cannot print.
LARGEST = Decimal(10**15)


class Figure(Model):
    """A key figure a letter quotes, with the moment it held."""

    label: Line = Field(description="What is counted, e.g. 'deelnemende merken'.")
    value: Decimal = Field(ge=-LARGEST, le=LARGEST, description="The number.")
    unit: Line | None = Field(None, description="Unit, e.g. '%' or 'merken'.")
    as_of: FuzzyDate = Field(description="When the figure held, e.g. '2018-11-13' or '2016'.")
    target: bool = Field(False, description="True when this is a target, not a measurement.")
    sector: SectorRef | None = Field(None, description="Sector the figure is about.")


class Amount(Model):
    """Money a letter quotes: euros for an instrument, in a year or structurally."""

    euros: Decimal = Field(gt=0, le=LARGEST, description="Amount in euros, e.g. 8300000.")
    instrument: Line = Field(description="What the money is for, e.g. 'IMVO-convenanten'.")
    year: int | None = Field(None, ge=1900, le=2100, description="Year it is for, if one.")
    structural: bool = Field(False, description="True for 'structureel vanaf <year>'.")
    note: Line | None = Field(None, description="Short qualifier, e.g. 'eerste jaar'.")


class Milestone(Model):
    """Something a letter announces for a (possibly fuzzy) date."""

    what: Text = Field(description="What will happen.")
    due: FuzzyDate = Field(description="When, as the letter says: 'najaar 2019'.")
    sectors: Once[SectorRef] = Field([], description="Sectors or themes it concerns.")


class Section(Model):
    """A part of a letter: an optional heading, body blocks, subsections and what it mentions."""

    id: Id = Field(description="Id unique within the letter; used in links to this section.")
    heading: Text | None = Field(None, description="Heading; omit for the opening paragraphs.")
    body: list[Block] = Field(
        [], description="Paragraphs (strings) and bulleted lists ({items: [...]}), in order."
    )
    summary: list[Text] = Field([], description="Key points an author wrote for briefings.")
    motions: Once[MotionRef] = Field([], description="Motions this section speaks about.")
    commitments: Once[CommitmentRef] = Field([], description="Commitments it speaks about.")
    sectors: Once[SectorRef] = Field([], description="Sectors or themes it speaks about.")
    debates: Once[DebateRef] = Field([], description="Debates it refers to.")
    motion_updates: list[MotionUpdate] = Field([], description="Motion statuses it gives.")
    commitment_updates: list[CommitmentUpdate] = Field(
        [], description="Commitment statuses it gives."
    )
    sector_events: list[SectorEvent] = Field([], description="Convenant statuses it reports.")
    figures: list[Figure] = Field([], description="Key figures it quotes.")
    amounts: list[Amount] = Field([], description="Amounts of money it quotes.")
    milestones: list[Milestone] = Field([], description="Milestones it announces.")
    sections: list[Section] = Field([], description="Subsections, one heading level down.")


class Sender(Model):
    """The sending ministry and directorate, as in the letter's reference column."""

    ministry: Line = Field(description="Ministry, e.g. 'Ministerie van Buitenlandse Zaken'.")
    directorate: Line = Field(description="Directorate as printed in the reference column.")
    visiting_address: list[Line] = Field(min_length=1, description="Visiting address lines.")
    postal_address: list[Line] = Field(min_length=1, description="Postal address lines.")
    country: Line | None = Field(None, description="Country line, e.g. 'Nederland'.")
    website: Line | None = Field(None, description="Website, e.g. 'www.rijksoverheid.nl'.")


class References(Model):
    """The letter's labelled references in the reference column."""

    ours: list[Line] = Field(min_length=1, description="Onze referentie: one or more.")
    yours: Line | None = Field(None, description="Uw referentie, if any.")
    attachments: list[Line] = Field([], description="Bijlage(n): attachment titles.")


class Addressee(Model):
    """The address block (toezendgegevens)."""

    lines: list[Line] = Field(
        min_length=1,
        description="Lines as printed: recipient (may be two lines), street, city.",
    )


class Signatory(Model):
    """Who signs: title and name."""

    title: Line = Field(description="Title with comma, e.g. 'De Minister voor ...,'.")
    name: Line = Field(description="Name, e.g. 'Sigrid A.M. Kaag'.")


class Letter(Model):
    """A Kamerbrief: metadata, sections, the annex it sends in the same paper, footnotes."""

    id: FileId = Field(description="Stable id, 'YYYY-MM-DD-slug'; names the output PDF.")
    date: dt.date = Field(description="Date of the letter (YYYY-MM-DD).")
    subject: Line = Field(description="Betreft: the subject line.")
    sender: Sender = Field(description="Sending ministry and directorate.")
    references: References = Field(description="Onze/Uw referentie and attachments.")
    addressee: Addressee = Field(description="Address block.")
    salutation: Line = Field(description="Salutation, e.g. 'Geachte voorzitter,'.")
    signatory: Signatory = Field(description="Who signs the letter.")
    cosignatories: list[Signatory] = Field(
        [],
        description="Who sign with the signatory, in the order printed: a staatssecretaris "
        "under the minister, a second minister.",
    )
    debate: DebateRef | None = Field(None, description="The debate the letter was written for.")
    kamerstuk: Kamerstuk | None = Field(None, description="Its own number, once published.")
    sections: list[Section] = Field(min_length=1, description="The letter's sections, in order.")
    annex: list[Section] = Field(
        [],
        description="What the letter sends after its signature in the same paper (a geannoteerde "
        "agenda, answers to questions, an overview of motions), as sections, in order; printed "
        "after the signature, from a new page. Section ids are unique across both.",
    )
    footnotes: dict[Id, Text] = Field(
        {},
        description="Footnote texts by id; call them in text as [^id] (again where the letter "
        "calls one again: the PDF prints its number there).",
    )
