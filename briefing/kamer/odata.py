"""OData JSON as the Tweede Kamer's service serves it, turned into flat records.

Input is a response page (``{"@odata.context": ..., "value": [...]}``, perhaps with
``@odata.nextLink`` and ``@odata.count``), one record as the service gives it by its key
(``Toezegging(<Id>)``, context ``...#Toezegging/$entity``) or a bare array of records. The
SyncFeed's Atom XML is refused with what to save instead. Each record's entity
comes from ``@odata.context`` or, for a bare array, from the fields it has. Expanded
relations (``$expand``) become records of their own plus the edges between them. A date
``0001-01-01`` means "no date" and becomes absent; values such as ``Soort`` or ``Status``
are kept as the text the service gives, whether this module knows them or not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.streams import DASH, STDIN_NAME, read_stdin

#: The entities the store keeps, each with the fields that tell its records from the others'.
ENTITIES: dict[str, frozenset[str]] = {
    "Zaak": frozenset({"Nummer", "Soort", "GestartOp"}),
    "Activiteit": frozenset({"Nummer", "Soort", "Datum"}),
    "Toezegging": frozenset({"Nummer", "Tekst", "DatumNakoming"}),
    "ZaakActor": frozenset({"Zaak_Id", "Relatie"}),
    "Besluit": frozenset({"BesluitSoort"}),
    "Stemming": frozenset({"Besluit_Id", "Soort"}),
    "Agendapunt": frozenset({"Activiteit_Id", "Volgorde"}),
    "Document": frozenset({"DocumentNummer"}),
    "Kamerstukdossier": frozenset({"HoogsteVolgnummer"}),
    "Fractie": frozenset({"NaamNL"}),
}
#: Relations kept: (entity, navigation property or ``<property>_Id`` field) to the related
#: entity. Other expanded relations (``Persoon``, ...) are left out.
NAVIGATIONS: dict[tuple[str, str], str] = {
    ("Zaak", "Kamerstukdossier"): "Kamerstukdossier",
    ("Zaak", "ZaakActor"): "ZaakActor",
    ("Zaak", "Besluit"): "Besluit",
    ("Zaak", "Document"): "Document",
    ("ZaakActor", "Zaak"): "Zaak",
    ("ZaakActor", "Fractie"): "Fractie",
    ("Besluit", "Zaak"): "Zaak",
    ("Besluit", "Stemming"): "Stemming",
    ("Besluit", "Agendapunt"): "Agendapunt",
    ("Stemming", "Besluit"): "Besluit",
    ("Stemming", "Fractie"): "Fractie",
    ("Agendapunt", "Activiteit"): "Activiteit",
    ("Activiteit", "VervangenDoor"): "Activiteit",
    ("Toezegging", "Activiteit"): "Activiteit",
    ("Toezegging", "KamerbriefNakoming"): "Document",
    ("Toezegging", "IsWijzigingVan"): "Toezegging",
    ("Toezegging", "IsGewijzigdDoor"): "Toezegging",
    ("Document", "Kamerstukdossier"): "Kamerstukdossier",
    ("Document", "Zaak"): "Zaak",
}
#: The relation from a newer version of a commitment in the register to the one it changes
#: (``IsWijzigingVan``; the other way, ``IsGewijzigdDoor``, is stored as this one).
CHANGES = "IsWijzigingVan"
#: Relations stored from the other side, so that each is kept one way only: a vote's
#: ``Besluit`` is kept as the decision's ``Stemming``.
INVERSE: dict[tuple[str, str], str] = {
    ("ZaakActor", "Zaak"): "ZaakActor",
    ("Besluit", "Zaak"): "Besluit",
    ("Stemming", "Besluit"): "Stemming",
    ("Document", "Zaak"): "Document",
    ("Toezegging", "IsGewijzigdDoor"): CHANGES,
}
#: The motion a gewijzigde motie replaces, in its subject: 't.v.v. 26485-280', '35925-XVII-33',
#: '26 485, nr. 227', and in a dossier of the EU councils, whose series is two digits,
#: '21501-30-617'.
_TVV_RE = re.compile(
    r"t\.v\.v\.\s*(?P<dossier>\d{2}\s?\d{3})(?:-(?P<suffix>[A-Z]+|\d{2}))?"
    r"(?:,?\s*nr\.\s*|-)(?P<nr>\d+)"
)
#: The relation from a gewijzigde motie to the motion it replaces, by that one's Kamerstuk
#: number as the store keeps a dossier (``26485-280``): the motion may not be stored.
REPLACES = "Vervangt"
#: The field holding each entity's day, the one the store indexes.
DAY_FIELDS = {"Zaak": "GestartOp", "Activiteit": "Datum", "Toezegging": "Aanmaakdatum"}
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The form of each entity's number (``Nummer``, a document's ``DocumentNummer``), which a
#: link in ``kamer.yaml`` names it by; a record whose number has another form is kept, but
#: by no number.
NUMBER_FORMS = {
    "Zaak": r"\d{4}Z\d{5}",
    "Activiteit": r"\d{4}A\d{5}",
    "Toezegging": r"TZ\d{6}-\d{1,5}",
    "Document": r"\d{4}D\d{5}",
}
_NUMBER_RES = {entity: re.compile(pattern) for entity, pattern in NUMBER_FORMS.items()}
#: The largest number a record's ``Volgnummer`` may be: far above any Kamerstuk's.
_MAX_VOLGNUMMER = 10**9
#: A JSON escape of half of a UTF-16 pair without its other half ("\\ud800"), after an even
#: number of backslashes (an escaped backslash does not start an escape): no character.
_LONE_SURROGATE_RE = re.compile(
    r"(?<!\\)(?:\\\\)*(\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})"
)
#: At most this much of a value is repeated in a message.
_SHOWN = 60
#: The context of one record served by its key: ``...$metadata#Toezegging/$entity``.
_ONE_RE = re.compile(r"#\w+(?:\(.*\))?/\$entity$")
#: The Kamer's SyncFeed: an Atom feed (``/SyncFeed/2.0/Feed``) or one entity of it.
_ATOM_RE = re.compile(r"<feed\b[^>]*http://www\.w3\.org/2005/Atom|tweedekamer\.nl/xsd/tkData")
_NO_DATE = "0001-01-01"

#: An edge between two records: (source id, relation, target id).
Edge = tuple[str, str, str]


#: Fields that name a related record by its id (``Zaak_Id``), by entity: field to relation.
FOREIGN_KEYS: dict[str, dict[str, str]] = {}
for _entity, _name in NAVIGATIONS:
    FOREIGN_KEYS.setdefault(_entity, {})[f"{_name}_Id"] = _name


@dataclass(slots=True)
class Record:
    """One record of an entity: its own fields, and what the store indexes it by."""

    entity: str
    id: str
    changed: str  # GewijzigdOp in UTC, ISO 8601, so that text order is time order
    fields: dict[str, Any]
    edges: tuple[Edge, ...] = ()
    #: Relations this record lists in full (expanded), which replace the stored ones.
    complete: tuple[str, ...] = ()
    nummer: str | None = None
    kind: str | None = None
    day: str | None = None
    volgnummer: int | None = None
    dossier: str | None = None
    activiteit: str | None = None

    @property
    def deleted(self) -> bool:
        """True when the service marks the record as removed (``Verwijderd``)."""
        return self.fields.get("Verwijderd") is True


@dataclass(frozen=True)
class Page:
    """One response of the service, or one saved file: its records and where more are."""

    records: list[Record]  # with the records of expanded relations
    top: list[Record]  # the page's own records
    next_link: str | None = None
    count: int | None = None


def day(value: Any) -> str | None:
    """The day (YYYY-MM-DD) a date or timestamp stands for, as the service writes it
    (in Dutch time); ``None`` for an absent date, ``0001-01-01`` or a day no calendar has
    ("2018-02-30")."""
    if not isinstance(value, str) or not _DAY_RE.match(value) or value.startswith(_NO_DATE):
        return None
    return value[:10] if _calendar_day(value[:10]) else None


@lru_cache(maxsize=4096)
def _calendar_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def moment(value: Any) -> str | None:
    """A timestamp in UTC as ISO text (whose text order is time order), or ``None`` for
    anything else (no text, no date, a list, an object)."""
    return _moment(value) if isinstance(value, str) else None


@lru_cache(maxsize=4096)
def _moment(value: str) -> str | None:
    if value.startswith(_NO_DATE):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        return parsed.astimezone(dt.UTC).isoformat(timespec="microseconds")
    except (ValueError, OverflowError):  # no timestamp, or one beyond the year 9999 in UTC
        return None


def replaced_key(subject: Any) -> str | None:
    """The motion a gewijzigde motie's subject says it replaces ('(t.v.v. 26485-280)'), as
    its dossier and number: ``26485-280``, ``35925-XVII-33``, ``21501-30-617``."""
    match = _TVV_RE.search(subject) if isinstance(subject, str) else None
    if match is None:
        return None
    dossier = match["dossier"].replace(" ", "")
    return "-".join(part for part in (dossier, match["suffix"], match["nr"]) if part)


def dossier_key(number: Any, suffix: Any) -> str | None:
    """A dossier as the store keeps it: ``26485``, ``35925-XVII`` or ``21501-02`` (a series
    of the EU councils' dossier). The number of a kingdom act (``Toevoeging`` ``(R2220)``)
    is no part of it: its Kamerstukken are numbered in the dossier, ``36956, nr. 5``."""
    if not isinstance(number, int) or number <= 0:
        return None
    suffix = suffix.strip() if isinstance(suffix, str) else ""
    return f"{number}-{suffix}" if suffix and not suffix.startswith("(") else str(number)


def read_file(path: Path) -> Page:
    """Read a saved response page or array of records (``-``: standard input); a
    :class:`BriefingError` names the file and what is wrong with it."""
    if path == DASH:  # curl ... | briefing kamer load -
        return parse_bytes(read_stdin("a response of the service"), str(STDIN_NAME))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefingError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return parse_bytes(raw, str(path))


class Truncated(BriefingError):
    """JSON that stops before it is complete: a file cut short, or an answer broken off."""


def parse_bytes(raw: bytes, source: str) -> Page:
    """Parse OData JSON from ``source`` (a file or an address, for messages)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BriefingError(
            f"{source}: not OData JSON: the bytes are not UTF-8 text; expected a response "
            'page ({"value": [...]}) or an array of records'
        ) from None
    if not text.strip():
        raise BriefingError(f"{source}: not OData JSON: it is empty")
    try:
        data = json.loads(text)
    except RecursionError:
        raise BriefingError(
            f"{source}: not OData JSON: its arrays and objects are nested thousands deep, "
            "as no response of the service is; save or fetch it again"
        ) from None
    except json.JSONDecodeError as exc:
        where = f"{source}:{exc.lineno}:{exc.colno}"
        stripped = text.strip()
        closing = {"{": "}", "[": "]"}.get(stripped[:1])
        if exc.pos >= len(text.rstrip()) or (closing and not stripped.endswith(closing)):
            raise Truncated(
                f"{where}: the JSON stops before it is complete: the file is truncated; "
                "save or fetch it again"
            ) from None
        if _ATOM_RE.search(text[:2000]):
            raise BriefingError(
                f"{where}: this is the Kamer's SyncFeed (Atom XML), which is not read here; "
                "save the same records as OData JSON, from the service's "
                "'/OData/v4/2.0/<entity>' address (e.g. .../OData/v4/2.0/Toezegging?$filter=...)"
            ) from None
        if text.lstrip()[:1] not in ("{", "["):
            raise BriefingError(
                f'{where}: not OData JSON: expected a response page ({{"value": [...]}}) '
                "or an array of records"
            ) from None
        raise BriefingError(f"{where}: not valid JSON: {exc.msg}") from None
    if "\\u" in text and (lone := _LONE_SURROGATE_RE.search(text)):
        line = text.count("\n", 0, lone.start(1)) + 1
        column = lone.start(1) - text.rfind("\n", 0, lone.start(1))
        raise BriefingError(
            f"{source}:{line}:{column}: not valid JSON text: '{lone[1]}' is half of a character "
            "(one of a UTF-16 pair without the other), which the service never writes; save "
            "or fetch it again"
        )
    return parse(data, source)


def parse(data: Any, source: str) -> Page:
    """Records of a response page (``{"value": [...]}``) or of a bare array."""
    entity = None
    next_link = count = None
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        entity = _context_entity(data.get("@odata.context"), source)
        next_link = data.get("@odata.nextLink")
        count = data.get("@odata.count")
        rows = data["value"]
    elif isinstance(data, dict) and _ONE_RE.search(str(data.get("@odata.context"))):
        entity = _context_entity(data["@odata.context"], source)
        rows = [{k: v for k, v in data.items() if not k.startswith("@odata.")}]
    elif isinstance(data, list):
        rows = data
    else:
        found = "an object without 'value'" if isinstance(data, dict) else _kind(data)
        raise BriefingError(
            f"{source}: not OData JSON: found {found}; expected a response page "
            '({"value": [...]}) or an array of records'
        )
    records: list[Record] = []
    top: list[Record] = []
    for index, row in enumerate(rows):
        where = f"{source}: record {index + 1}"
        if not isinstance(row, dict):
            raise BriefingError(f"{where} is not a record: found {_kind(row)}")
        _flatten(entity or _detect(row, where), row, where, records)
        top.append(records[-1])  # a record comes after the records it expands
    return Page(
        records,
        top,
        next_link if isinstance(next_link, str) else None,
        count if isinstance(count, int) else None,
    )


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}
    return names.get(type(value), "null" if value is None else "a number")


def _context_entity(context: Any, source: str) -> str | None:
    """The entity ``@odata.context`` names (``...$metadata#Stemming(Besluit())``), if any."""
    match = re.search(r"#(\w+)", context) if isinstance(context, str) else None
    if match is None:
        return None
    if match[1] not in ENTITIES:
        raise BriefingError(
            f"{source}: records of the entity '{match[1]}', which the store does not keep; "
            f"it keeps {', '.join(ENTITIES)}"
        )
    return match[1]


def _detect(row: dict[str, Any], where: str) -> str:
    """The one entity whose telling fields the record has."""
    fits = [entity for entity, fields in ENTITIES.items() if fields <= row.keys()]
    if len(fits) != 1:
        shown = ", ".join(sorted(row)[:8]) or "none"
        raise BriefingError(
            f"{where} is not a record of an entity the store keeps ({', '.join(ENTITIES)}); "
            f"its fields are {shown}"
        )
    return fits[0]


def _flatten(entity: str, row: dict[str, Any], where: str, out: list[Record]) -> str:
    """Append the record and its expanded relations' records to ``out``; return its id."""
    ident, changed = _identity(entity, row, where)
    fields: dict[str, Any] = {}
    edges: list[Edge] = []
    related: dict[str, list[dict[str, Any]]] = {}
    foreign = FOREIGN_KEYS.get(entity, {})
    for name, value in row.items():
        if value.__class__ is str:
            if value.startswith(_NO_DATE):
                value = None
            elif name in foreign:
                edges.append(_edge(entity, foreign[name], ident, value))
        elif isinstance(value, dict | list):
            if (entity, name) in NAVIGATIONS:
                items = value if isinstance(value, list) else [value]
                related[name] = [item for item in items if isinstance(item, dict)]
            continue
        fields[name] = value
    for name, items in related.items():
        for position, item in enumerate(items):
            child = _flatten(NAVIGATIONS[(entity, name)], item, f"{where}: {name}[{position}]", out)
            edges.append(_edge(entity, name, ident, child))
    if entity == "Zaak" and (replaces := replaced_key(fields.get("Onderwerp"))):
        edges.append((ident, REPLACES, replaces))
    complete = tuple(name for name in related if (entity, name) not in INVERSE)
    unique = tuple(dict.fromkeys(edges)) if len(edges) > 1 else tuple(edges)
    out.append(
        Record(entity, ident, changed, fields, unique, complete, **_keys(entity, fields, related))
    )
    return ident


def _identity(entity: str, row: dict[str, Any], where: str) -> tuple[str, str]:
    """A record's ``Id`` and ``GewijzigdOp`` (in UTC), without which it cannot be stored."""
    ident = row.get("Id")
    if not isinstance(ident, str) or not ident:
        raise BriefingError(f"{where} ({entity}) has no 'Id'")
    changed = moment(row.get("GewijzigdOp"))
    if changed is None:
        raise BriefingError(
            f"{where} ({entity} {row.get('Nummer') or ident}) has no valid 'GewijzigdOp' "
            f"({_shown(row.get('GewijzigdOp'))}); expected a timestamp "
            'such as "2024-02-19T10:59:02.367+01:00": without it a newer record cannot be '
            "told from an older one"
        )
    return ident, changed


def _shown(value: Any) -> str:
    """``value`` as JSON, cut short after :data:`_SHOWN` characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"


def _keys(
    entity: str, fields: dict[str, Any], related: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """What the store looks a record up by: number, kind, day, volgnummer, dossier (from
    an expanded ``Kamerstukdossier``) and activity (of a ``Toezegging``)."""
    dossiers = sorted(
        key
        for item in related.get("Kamerstukdossier", ())
        if (key := dossier_key(item.get("Nummer"), item.get("Toevoeging")))
    )
    activities = [a["Nummer"] for a in related.get("Activiteit", ()) if _text(a.get("Nummer"))]
    volgnummer = fields.get("Volgnummer")
    nummer = _text(fields.get("Nummer")) or _text(fields.get("DocumentNummer"))
    form = _NUMBER_RES.get(entity)
    return {
        "nummer": nummer if form is None or (nummer and form.fullmatch(nummer)) else None,
        "kind": _text(fields.get("Soort"))
        or _text(fields.get("BesluitSoort"))
        or _text(fields.get("Relatie")),
        "day": day(fields.get(DAY_FIELDS.get(entity, "Datum"))),
        "volgnummer": volgnummer
        if isinstance(volgnummer, int) and 0 < volgnummer < _MAX_VOLGNUMMER
        else None,
        "dossier": dossiers[0] if dossiers else None,
        "activiteit": _text(fields.get("ActiviteitNummer"))
        or (activities[0] if activities else None),
    }


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _edge(entity: str, name: str, ident: str, other: str) -> Edge:
    """The edge for ``entity``'s relation ``name`` to ``other``, stored one way only."""
    back = INVERSE.get((entity, name))
    return (other, back, ident) if back else (ident, name, other)
