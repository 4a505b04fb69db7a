"""Small value types of the content model: ids and references, Kamerstuk numbers, fuzzy dates.

Each type parses the compact form an author types ("26 485, nr. 224", "najaar 2019")
and keeps a typed value that the rest of the pipeline computes with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar, Self

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

#: Ids are lower-case words joined by hyphens: safe as file names and URL fragments.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: Names Windows reserves for devices, with or without an extension ("con.pdf"). Letter,
#: debate and sector ids name output files, and a build folder is often copied to or
#: opened on Windows, where such a file can be neither created nor opened.
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)


def quoted(text: str, limit: int = 60) -> str:
    """``text`` in single quotes for a message: shortened to ``limit`` characters, and with
    every character no reader sees escaped (a line break, a non-breaking space, ...), so that
    a message stays one line and says what the text holds."""
    shown = text if len(text) <= limit else text[: limit - 3] + "..."
    visible = (c if c.isprintable() else c.encode("unicode_escape").decode() for c in shown)
    return "'" + "".join(visible) + "'"


def check_file_id(value: str) -> str:
    """Refuse an id that cannot be a file name everywhere; return it unchanged otherwise."""
    if value in RESERVED_NAMES:
        raise ValueError(
            f"'{value}' cannot be used as an id: it names an output file, and Windows reserves "
            "this name for a device; choose another id, e.g. "
            f"'{value}-1'"
        )
    return value


class Ref(str):
    """An id that refers to an entry of a registry; ``kind`` names the registry."""

    kind: ClassVar[str] = ""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(pattern=ID_PATTERN, max_length=80)
        )


class MotionRef(Ref):
    """The id of a motion in ``motions.yaml``."""

    kind = "motion"


class CommitmentRef(Ref):
    """The id of a commitment in ``commitments.yaml``."""

    kind = "commitment"


class SectorRef(Ref):
    """The id of a sector or theme in ``sectors.yaml``."""

    kind = "sector"


class DebateRef(Ref):
    """The id of a debate in ``debates.yaml``."""

    kind = "debate"


#: A Kamerstuk as content and letters cite it: "Kamerstuk 26 485, nr. 224". A suffix follows
#: the dossier after a hyphen, or after a space when it is a Roman numeral or one letter, as
#: budget chapters are often cited ("35 000 XVII, nr. 34" is 35 000-XVII).
KAMERSTUK_PATTERN = (
    r"(?:Kamerstuk(?:ken)?\s+)?(?P<dossier>\d{2}\s?\d{3})"
    r"(?:-(?P<suffix>[A-Z]+|\d{1,3})|\s(?P<spaced>[IVXLC]{1,8}|[A-Z]))?,?\s+"
    r"nr\.\s*(?P<number>\d{1,6})(?!\d)"
)
_KAMERSTUK_RE = re.compile(f"^{KAMERSTUK_PATTERN}$")


class _WrittenAsText:
    """A value content writes as text: read by the class's ``parse`` when validated, and
    shown to editors as a text with the class's :attr:`EXAMPLES`."""

    EXAMPLES: ClassVar[tuple[str, ...]]

    @classmethod
    def parse(cls, text: str) -> Self:
        """The value ``text`` writes, or a ``ValueError`` saying how to write it."""
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(cls.parse, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "examples": list(cls.EXAMPLES)}


@dataclass(frozen=True)
class Kamerstuk(_WrittenAsText):
    """A numbered parliamentary paper: dossier (with optional suffix) and volgnummer."""

    EXAMPLES = ("26 485, nr. 224", "35 925-XVII, nr. 33")

    dossier: str
    number: int
    suffix: str | None = None

    @classmethod
    def parse(cls, text: str) -> Kamerstuk:
        """Parse ``"26 485, nr. 224"`` or ``"35 925-XVII, nr. 33"``."""
        match = _KAMERSTUK_RE.match(text.strip())
        if not match:
            raise ValueError(
                f"{quoted(text)} is not a Kamerstuk number; write it like '26 485, nr. 224' "
                "or '35 925-XVII, nr. 33'"
            )
        suffix = match["suffix"] or match["spaced"]
        return cls(match["dossier"].replace(" ", ""), int(match["number"]), suffix)

    @property
    def dossier_display(self) -> str:
        """The dossier as printed: ``26 485`` or ``35 925-XVII``."""
        base = f"{self.dossier[:-3]} {self.dossier[-3:]}"
        return f"{base}-{self.suffix}" if self.suffix else base

    @property
    def url(self) -> str:
        """Where the paper is published on officielebekendmakingen.nl, as a web page."""
        return self._published("html")

    @property
    def xml_url(self) -> str:
        """Where its official XML is published, which ``briefing import`` reads."""
        return self._published("xml")

    def _published(self, extension: str) -> str:
        suffix = f"-{self.suffix}" if self.suffix else ""
        return (
            "https://zoek.officielebekendmakingen.nl/"
            f"kst-{self.dossier}{suffix}-{self.number}.{extension}"
        )

    def __str__(self) -> str:
        return f"Kamerstuk {self.dossier_display}, nr. {self.number}"


class _UnknownDate(ValueError):
    """Text that is no date in any form the model knows; the message says what to write."""


_MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip

#: Parts of a year an author may name, as (first month, last month).
_PERIODS: dict[str, tuple[int, int]] = {
    "begin": (1, 3),
    "voorjaar": (3, 5),
    "eerste helft": (1, 6),
    "medio": (5, 8),
    "zomer": (6, 8),
    "tweede helft": (7, 12),
    "najaar": (9, 11),
    "eind": (10, 12),
    "einde": (10, 12),
    "in": (1, 12),
    # Before the summer recess (early July), and after it: how letters promise a reply.
    "voor de zomer": (1, 6),
    "voor het zomerreces": (1, 6),
    "na de zomer": (9, 11),
    "na het zomerreces": (9, 11),
    "herfst": (9, 11),
    **{
        f"{name} kwartaal": (3 * n - 2, 3 * n)
        for n, names in enumerate(
            (("eerste", "1e"), ("tweede", "2e"), ("derde", "3e"), ("vierde", "4e")), 1
        )
        for name in names
    },
    **{f"q{n}": (3 * n - 2, 3 * n) for n in range(1, 5)},
}


def day_problem(given: str | int) -> str:
    """Why ``text`` is not a day written as YYYY-MM-DD, and how to write it, for a message.

    A day the calendar lacks names what it lacks; a day written another way ("13-11-2018",
    "13 november 2018", "2018-11-13T10:00", the number 20181113) is shown as it should be
    written.
    """
    text = str(given)
    shown = quoted(text) if isinstance(given, str) else text
    cleaned = " ".join(text.strip().lower().split())
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", cleaned):
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            return f"{quoted(text)} has no month {month}; a month is 01 to 12 in YYYY-MM-DD"
        if year == 0:
            return f"{quoted(text)} has no year 0; write an existing day as YYYY-MM-DD"
        last = _month_end(year, month).day
        if not 1 <= day <= last:
            return (
                f"{quoted(text)} is no day in the calendar: month {month:02} of {year} has "
                f"{last} days; write an existing day as YYYY-MM-DD"
            )
    if written := _day_written_otherwise(cleaned):
        return f"write the day as YYYY-MM-DD: {written} (got {shown})"
    return f"expected a day written as YYYY-MM-DD, e.g. 2018-11-13 (got {shown})"


#: A day written year first otherwise than YYYY-MM-DD: "2018/11/13", "2018-1-5", a date and
#: time "2018-11-13T10:00", the number 20181113.
_YEAR_FIRST_RE = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[t ][\d:.+z-]*)?|(\d{4})()(\d{2})(\d{2})"
)


def _day_written_otherwise(cleaned: str) -> str | None:
    """The day ``cleaned`` names in another common form, as YYYY-MM-DD; ``None`` if none."""
    numbers: tuple[str, str, str] | None = None
    if match := _YEAR_FIRST_RE.fullmatch(cleaned):
        year, _, month, day = (part for part in match.groups() if part is not None)
        numbers = (year, month, day)
    elif match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", cleaned):
        numbers = (match[3], match[2], match[1])  # the Dutch order: day, month, year
    elif (match := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", cleaned)) and (
        month := _MONTH_NUMBERS.get(match[2])
    ):
        numbers = (match[3], str(month), match[1])
    if numbers is None:
        return None
    try:
        return date(*(int(part) for part in numbers)).isoformat()
    except ValueError:
        return None


#: The months by their names in Dutch, in full and as running text shortens them ("mrt").
_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(_MONTHS, 1)},
    **{name[:3]: number for number, name in enumerate(_MONTHS, 1)},
    "mrt": 3,
    "sept": 9,
}


def _month_end(year: int, month: int) -> date:
    if month == 12:  # also for year 9999, whose next month does not exist
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


@dataclass(frozen=True)
class FuzzyDate(_WrittenAsText):
    """A date as letters announce it: exact, a month, a part of a year, or a year.

    ``start`` and ``end`` bound the period; ``text`` is what the author wrote.
    """

    EXAMPLES = ("2019-03-01", "najaar 2019", "begin 2019")

    text: str
    start: date
    end: date

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse ``2019-03-01``, ``maart 2019``, ``najaar 2019``, ``voor de zomer 2019``,
        ``Q3 2019``, ``eerste helft van 2019``, ``uiterlijk eind 2019``...

        A day that does not exist (``2021-02-30``, ``najaar 0000``) is a ``ValueError``
        that names the text and what is wrong with it.
        """
        try:
            return cls._parse(text)
        except _UnknownDate:
            raise
        except ValueError as exc:
            raise ValueError(
                f"{quoted(text)} is not an existing day or period ({exc}); check the day, "
                "month and year"
            ) from None

    @classmethod
    def _parse(cls, text: str) -> FuzzyDate:
        cleaned = " ".join(text.strip().lower().split())
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
            try:
                day = date.fromisoformat(cleaned)
            except ValueError:
                raise _UnknownDate(day_problem(text)) from None
            return cls(text.strip(), day, day)
        match = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", cleaned)
        if match and match[2] in _MONTHS:
            day = date(int(match[3]), _MONTHS.index(match[2]) + 1, int(match[1]))
            return cls(text.strip(), day, day)
        if match := re.fullmatch(r"(?:(.+) )?(\d{4})", cleaned):
            qualifier, year = match[1], int(match[2])
            if qualifier is not None:  # "(uiterlijk) het najaar van 2019": "najaar 2019"
                qualifier = qualifier.replace("vóór", "voor").removeprefix("uiterlijk ")
                qualifier = qualifier.removeprefix("het ").removesuffix(" van")
            if qualifier is None:
                return cls(text.strip(), date(year, 1, 1), date(year, 12, 31))
            if qualifier in _MONTHS:
                month = _MONTHS.index(qualifier) + 1
                return cls(text.strip(), date(year, month, 1), _month_end(year, month))
            if qualifier in _PERIODS:
                first, last = _PERIODS[qualifier]
                return cls(text.strip(), date(year, first, 1), _month_end(year, last))
        if _day_written_otherwise(cleaned):
            raise _UnknownDate(day_problem(text))
        raise _UnknownDate(
            f"{quoted(text)} is not a date briefing understands; write '2019-03-01', "
            "'maart 2019', 'begin 2019', 'voorjaar 2019', 'voor de zomer 2019', 'najaar 2019', "
            "'eind 2019', 'derde kwartaal 2019', 'Q3 2019', 'eerste helft van 2019' or '2019'"
        )

    def __str__(self) -> str:
        return self.text
