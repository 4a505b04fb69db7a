"""What the importer finds in a letter's text, before it becomes a draft content file.

A layout reader fills a :class:`LetterText`: the head's metadata (:class:`Head`), the body's
lines with the layout's debris taken out, footnotes it found outside the body's flow, and
the signature.
The body reader turns the lines into :class:`DraftSection` s, and the reference finder adds
its proposals to them. Every value remembers the source line it came from, and every
value a person should check carries the reason, which the draft prints as a
``# TODO review:`` comment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from briefing.importing.closing import Closing
from briefing.importing.text import SourceLine


@dataclass
class Head:
    """The letter's metadata as the text gives it (or as proposed, with a reason to review).

    ``lines`` says on which source line a field was found; ``review`` holds, per field path
    (``"signatory.name"``), why a person should check the value.
    """

    date: dt.date | None = None
    subject: str | None = None
    ministry: str | None = None
    directorate: str | None = None
    visiting_address: list[str] = field(default_factory=list)
    postal_address: list[str] = field(default_factory=list)
    country: str | None = None
    website: str | None = None
    ours: list[str] = field(default_factory=list)
    yours: str | None = None
    attachments: list[str] = field(default_factory=list)
    addressee: list[str] = field(default_factory=list)
    salutation: str | None = None
    signatory_title: str | None = None
    signatory_name: str | None = None
    #: Who sign with the signatory, as (title, name).
    cosignatories: list[tuple[str, str]] = field(default_factory=list)
    kamerstuk: str | None = None
    dossier_title: str | None = None
    #: Who the paper's heading says sent it, as signatures' titles, the first first.
    authors: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    review: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FootnoteText:
    """A footnote as printed: its number (or mark), its text and the line it starts on."""

    mark: str
    text: str
    line: int


@dataclass
class LetterText:
    """A letter's text as one layout reader understood it."""

    layout: str
    head: Head
    body: list[SourceLine]
    footnotes: list[FootnoteText] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    closing: Closing | None = None


@dataclass
class Paragraph:
    """A paragraph or list item of the body: its text and the source lines it came from."""

    text: str
    lines: list[SourceLine]
    #: A list's item's sub-items: the list under it.
    items: list[Paragraph] = field(default_factory=list)

    @property
    def line(self) -> int:
        """The source line the paragraph starts on."""
        return self.lines[0].number if self.lines else 0

    def walk(self) -> list[Paragraph]:
        """This paragraph, then the items under it (and theirs), in order."""
        return [self, *(p for item in self.items for p in item.walk())]

    def line_of(self, pattern: str) -> int:
        """The source line where ``pattern`` first occurs in the paragraph (else its first)."""
        raw = "\n".join(line.text for line in self.lines)
        match = re.search(pattern, raw, re.DOTALL)
        if not match:
            return self.line
        return self.lines[raw[: match.start()].count("\n")].number


@dataclass
class ItemList:
    """A bulleted list of the body."""

    items: list[Paragraph]


Block = Paragraph | ItemList


@dataclass(frozen=True)
class Sentence:
    """A sentence of a letter's section, with the line of the source where it starts."""

    text: str
    line: int


@dataclass
class Proposal:
    """A proposed entry of a section's ``key`` (``motion_updates``, ``sector_events``, ...).

    ``evidence`` holds the supporting sentences with their source lines; an entry that is not
    ``certain`` is written commented out, and ``why`` says what a person should check.
    """

    key: str
    data: dict[str, Any]
    evidence: list[tuple[int, str]]
    certain: bool
    why: str = ""


@dataclass
class DraftSection:
    """A section of the draft: heading and body, and the references proposed for it.

    ``comments`` holds ``# TODO review:`` lines per field of the section (``"motions"``),
    for proposals that are uncertain or could not go in a field.
    """

    id: str
    heading: str | None
    level: int
    line: int
    body: list[Block] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)
    motions: list[str] = field(default_factory=list)
    commitments: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    debates: list[str] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)
    milestones: list[dict[str, Any]] = field(default_factory=list)
    comments: dict[str, list[str]] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        """The section's own paragraphs and list items (each item's sub-items after it), in
        order (not its subsections')."""
        found: list[Paragraph] = []
        for block in self.body:
            items = block.items if isinstance(block, ItemList) else [block]
            found += [p for item in items for p in item.walk()]
        return found

    def walk(self) -> list[DraftSection]:
        """This section and all its subsections, depth first."""
        found = [self]
        for section in self.sections:
            found += section.walk()
        return found

    def comment(self, key: str, text: str) -> bool:
        """Add a ``# TODO review:`` comment to the field ``key`` (once); whether it is new."""
        comments = self.comments.setdefault(key, [])
        if text in comments:
            return False
        comments.append(text)
        return True


@dataclass
class Body:
    """The letter's sections, the annex it sends after its signature, and its footnotes, as
    the draft will hold them."""

    sections: list[DraftSection]
    annex: list[DraftSection] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    footnote_comments: list[str] = field(default_factory=list)

    def walk(self) -> list[DraftSection]:
        """Every section of the letter, then of its annex, depth first."""
        return [s for top in [*self.sections, *self.annex] for s in top.walk()]
