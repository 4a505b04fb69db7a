"""The dossier's parts about the debate itself: the page at a glance, the agenda with the
key points of its letters, what changed since the previous debate, and the lines to take and
expected questions staff wrote for it. :mod:`briefing.views.dossier` puts them in order with
the register's parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from briefing.dates import dutch_date, fuzzy_date_text
from briefing.index import Index
from briefing.index.dossier import CHANGES, Dossier, Since
from briefing.index.state import CommitmentState, Stated, places
from briefing.layout import letter_href
from briefing.model import Sector
from briefing.sources import LetterSource
from briefing.views.format import figure_value, inline, status_view
from briefing.views.items import Item, commitment_item, commitment_text, motion_item, motion_text
from briefing.views.links import Pages, Point, SourceLink, section_title
from briefing.views.links import source_link as link_to
from briefing.views.rows import MilestoneRow, milestone_row


@dataclass(frozen=True)
class LetterLine:
    """A letter, as listed: date, subject, link to its PDF."""

    date: str
    subject: str
    href: str
    kamerstuk: str | None = None
    kamerstuk_url: str | None = None


@dataclass(frozen=True)
class Count:
    """A number on the page at a glance, with the part that lists what it counts (when
    there is anything to list)."""

    label: str
    value: int
    anchor: str
    #: Part of the count above it ("waarvan ..."), printed indented under it.
    part: bool = False


@dataclass(frozen=True)
class Glance:
    """The page at a glance."""

    agenda: list[LetterLine]
    counts: list[Count]
    milestones: list[MilestoneRow]
    figures: list[Point]


@dataclass(frozen=True)
class KernSection:
    """The key points of one section of a letter on the agenda."""

    title: Markup
    source: SourceLink
    points: list[Markup]


@dataclass(frozen=True)
class AgendaLetter:
    """A letter on the agenda with its sections' key points."""

    letter: LetterLine
    sections: list[KernSection]


@dataclass(frozen=True)
class SinceView:
    """What changed since the previous debate."""

    previous: str
    #: The day the changes count from, where that is later than the previous debate.
    start: str | None
    letters: list[LetterLine]
    #: The latest changes of status, newest first, at most :data:`CHANGES`.
    changes: list[Item]
    motions: list[Item]
    commitments: list[Item]
    #: How many other changes of status only the annex shows.
    more_changes: int = 0

    @property
    def nothing(self) -> bool:
        """True when nothing changed since the previous debate."""
        return not (self.letters or self.changes or self.motions or self.commitments)


@dataclass(frozen=True)
class Sourced:
    """A line to take, or an answer, with the letter sections it rests on."""

    text: Markup
    sources: list[SourceLink]


@dataclass(frozen=True)
class QuestionView:
    """An expected question with its answer."""

    question: Markup
    answer: Sourced


@dataclass(frozen=True)
class ThemeView:
    """One theme of the lines to take and questions."""

    theme: str
    lines: list[Sourced]
    questions: list[QuestionView]


def letter_line(index: Index, source: LetterSource) -> LetterLine:
    """A letter as the dossier lists it: date, subject, link, Kamerstuk number."""
    letter = source.letter
    number = index.kamerstuk_of(letter)
    return LetterLine(
        dutch_date(letter.date),
        letter.subject,
        letter_href(letter.id),
        str(number) if number else None,
        number.url if number else None,
    )


def glance_view(index: Index, facts: Dossier, pages: Pages) -> Glance:
    """The page at a glance: the agenda, the counts, the milestones due soonest, the key figures."""
    overdue = len(facts.overdue)
    commitments = sum(isinstance(p.item, CommitmentState) for p in facts.open_points)
    motions = len(facts.open_points) - commitments
    counts = [
        Count("Openstaande toezeggingen", commitments, "openstaand"),
        Count("waarvan over de termijn", overdue, "openstaand", part=True),
        Count("Moties nog niet uitgevoerd", motions, "openstaand"),
    ]
    if facts.since:
        counts.append(Count("Wijzigingen sinds het vorige debat", facts.since.count, "sinds"))
    return Glance(
        agenda=[letter_line(index, s) for s in facts.agenda],
        counts=counts,
        milestones=[
            milestone_row(m, t, sector_names(index.sectors, m.fact.sectors), pages)
            for m, t in facts.soonest
        ],
        figures=[
            Point(
                Markup("{}: {} ({} {})").format(
                    f.fact.label,
                    figure_value(f.fact),
                    "doel" if f.fact.target else "stand",
                    fuzzy_date_text(f.fact.as_of),
                ),
                link_to(f.place, pages),
            )
            for f in facts.figures
        ],
    )


def agenda_letter(index: Index, source: LetterSource, pages: Pages) -> AgendaLetter:
    """A letter on the agenda with the key points of its sections."""
    sections = [
        KernSection(
            section_title(place),
            link_to(place, pages),
            [inline(point) for point in place.section.summary],
        )
        for place in places(source)
        if place.section.summary
    ]
    return AgendaLetter(letter_line(index, source), sections)


def since_view(index: Index, since: Since, pages: Pages) -> SinceView:
    """What the letters and records changed since the previous debate, newest first."""
    previous = f"{since.previous.title}, {dutch_date(since.previous.date)}"
    dated = [
        (
            _reading_order(u),
            Item("Motie", motion_text(m), status_view(u.fact.status), link_to(u.place, pages)),
        )
        for m, u in since.motion_updates
    ]
    dated += [
        (
            _reading_order(u),
            Item(
                "Toezegging",
                commitment_text(c),
                status_view(u.fact.status),
                link_to(u.place, pages),
            ),
        )
        for c, u in since.commitment_updates
    ]
    # The newest letter first; within a letter, in the order the letter reports them.
    dated.sort(key=lambda pair: pair[0][1:])
    dated.sort(key=lambda pair: pair[0][0], reverse=True)
    changes = [item for _, item in dated[:CHANGES]]
    made = [
        replace(
            commitment_item(c, pages),
            note=f"gedaan in {c.debate.title}, {dutch_date(c.debate.date)}",
        )
        for c in since.commitments
    ]
    start = dutch_date(since.start) if since.start > since.previous.date else None
    return SinceView(
        previous,
        start,
        [letter_line(index, s) for s in since.letters],
        changes,
        [motion_item(m, pages) for m in since.motions],
        made,
        len(dated) - len(changes),
    )


def _reading_order(stated: Stated[Any]) -> tuple[dt.date, str, tuple[int, ...]]:
    """When and where a fact was stated: the letter's day and id, then the indexes of its
    section and item in the letter."""
    path = tuple(part for part in stated.node_path if isinstance(part, int))
    return stated.place.date, stated.place.source.letter.id, path


def theme_views(index: Index, facts: Dossier, pages: Pages) -> list[ThemeView]:
    """The lines to take and expected questions of the debate's notes, by theme."""
    if facts.notes is None:
        return []

    def cited(refs: list[str]) -> list[SourceLink]:
        return [link_to(index.section(ref), pages) for ref in refs]

    return [
        ThemeView(
            theme.theme,
            [Sourced(inline(line.text), cited(line.sources)) for line in theme.lines],
            [
                QuestionView(inline(q.question), Sourced(inline(q.answer), cited(q.sources)))
                for q in theme.questions
            ],
        )
        for theme in facts.notes.themes
    ]


def sector_names(sectors: dict[str, Sector], ids: Sequence[str]) -> str:
    """The names of the sectors ``ids``, as one line."""
    return ", ".join(sectors[s].name for s in ids if s in sectors)
