"""The register as data: the dossier's annex of motions and commitments, as CSV or XLSX.

One row per motion and commitment known on the date, by the same as-of rule as the dossier
(:mod:`briefing.index.register`): CSV for anyone, XLSX for ministry staff. The same content
and date always give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefing.atomic import replace_with
from briefing.dates import dutch_date, fuzzy_date_text
from briefing.errors import BriefingError, Problem, UsageError
from briefing.index.register import Entry
from briefing.layout import letter_pdf
from briefing.streams import DASH, STDOUT_NAME, write_stdout

#: The columns, in order.
COLUMNS = [
    "id",
    "soort",
    "nummer",
    "omschrijving",
    "wie",
    "fractie",
    "gedaan in",
    "gedaan op",
    "termijn",
    "stand",
    "stand sinds",
    "vastgelegd in",
    "volgens de Kamer",
    "link",
]
#: The formats the register is written in, by file extension.
FORMATS = ("csv", "xlsx")
#: The moment written into an XLSX file's properties, so that its bytes do not vary.
_FIXED = dt.datetime(2000, 1, 1)
_FIXED_STAMP = b"2000-01-01T00:00:00Z"


def rows(entries: list[Entry]) -> list[list[str]]:
    """The register's entries as rows of text, in :data:`COLUMNS` order."""
    table = []
    for entry in entries:
        settled = entry.settled
        where = ""
        link = entry.url or ""
        if settled is not None:
            heading = settled.section.heading or "Inleiding"
            where = f"brief {dutch_date(settled.date)}, {heading}"
            link = link or f"{letter_pdf(settled.source.letter.id)}#{settled.anchor}"
        table.append(
            [
                entry.id,
                entry.kind,
                entry.number or "",
                entry.text,
                entry.who,
                ", ".join(entry.parties),
                entry.made_in,
                entry.made_on.isoformat() if entry.made_on else "",
                fuzzy_date_text(entry.deadline) if entry.deadline else "",
                str(entry.status),
                entry.status_on.isoformat() if entry.status_on else "",
                where,
                entry.kamer or "",
                link,
            ]
        )
    return table


def to_csv(table: list[list[str]]) -> bytes:
    """The rows as CSV (UTF-8 with a byte order mark, so that spreadsheets read it right)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(table)
    return ("\ufeff" + text.getvalue()).encode("utf-8")


#: How a register written as CSV starts; what a workbook written here says of itself until
#: a spreadsheet saves it (which sets the moment it was modified).
_CSV_HEADER = to_csv([])
_WORKBOOK_MARKS = (
    b"<dc:creator>briefing</dc:creator>",
    b">" + _FIXED_STAMP + b"</dcterms:modified>",
)


def to_xlsx(table: list[list[str]], title: str) -> bytes:
    """The rows as a workbook: bold header row, frozen, filterable, readable widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(COLUMNS)
    for row in table:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    widths = {"omschrijving": 80, "vastgelegd in": 40, "gedaan in": 40, "link": 50}
    for index, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(name, 16)
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, as written: never a formula
    book.properties.creator = "briefing"
    book.properties.created = book.properties.modified = _FIXED
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The workbook's zip with every member's time, and the time openpyxl writes as the
    moment it was saved, set to one moment, so that the bytes repeat."""
    import re

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    saved = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                member = saved.sub(rb"\g<1>" + _FIXED_STAMP + rb"\g<2>", member)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, member)
    return out.getvalue()


def file_format(fmt: str | None, target: Path | None) -> str:
    """The format to write ``target`` in: ``fmt`` if given, else the one its extension names,
    else CSV. A ``fmt`` that another format's extension contradicts is a usage error, and so
    is, without ``fmt``, an extension of another format (``.xls``: a CSV file under that name
    is not what was asked for)."""
    if target is None:
        return fmt or "csv"
    named = target.suffix.lower().removeprefix(".")
    if fmt and named in FORMATS and named != fmt:
        raise UsageError(
            f"{target} ends in .{named}, but the format asked for is {fmt}; name the file "
            f"{target.with_suffix('.' + fmt).name}, or leave --format out"
        )
    if not fmt and named.isalpha() and named not in FORMATS:  # .xls, .ods, .pdf ...
        raise UsageError(
            f"{target} ends in .{named}, a format the register is not written in; name the "
            f"file {target.with_suffix('.xlsx').name} (a workbook) or "
            f"{target.with_suffix('.csv').name}, or give --format csv"
        )
    return fmt or (named if named in FORMATS else "csv")


@dataclass(frozen=True)
class Exported:
    """The register written, its number of rows, and the errors in the lines to take of
    debates, which it does not read."""

    path: Path
    rows: int
    apart: tuple[Problem, ...] = ()


def export(
    content: Path,
    date: dt.date | None = None,
    debate_id: str | None = None,
    fmt: str | None = None,
    target: Path | None = None,
) -> Exported:
    """Write the register on ``date`` (a debate's day by default, else today); return where
    it went, how many rows it has and the errors it left aside. The format is ``fmt``, else
    the one ``target``'s extension names, else CSV; the default file is
    ``build/register-<debate id or stand-van-zaken>-<date>.<format>``."""
    from briefing.corpus import load_corpus
    from briefing.errors import ContentError
    from briefing.index import Index
    from briefing.layout import STATE_OF_PLAY, require_content
    from briefing.prepare import find_debate

    if target not in (None, DASH):  # first: another file is never written over, whatever its name
        require_replaceable(target)
    fmt = file_format(fmt, target)
    if target == DASH and fmt == "xlsx" and sys.stdout.isatty():
        raise UsageError(
            "a workbook is not text to show in a terminal; send it to a file "
            "(--out - > register.xlsx) or give --out FILE"
        )
    require_content(content)
    corpus = load_corpus(content)
    stopping, apart = corpus.errors_for(None)
    if stopping:
        raise ContentError(corpus.errors)
    index = Index(corpus)
    debate = find_debate(index, debate_id, content)
    day = date or (debate.date if debate else dt.date.today())
    table = rows(index.register(day))
    name = f"register-{debate.id if debate else STATE_OF_PLAY}-{day.isoformat()}.{fmt}"
    if target is None:
        target = Path("build") / name
        require_replaceable(target)
    data = to_csv(table) if fmt == "csv" else to_xlsx(table, f"Register {day.isoformat()}")
    if target == DASH:
        write_stdout(data, "the register")
        target = STDOUT_NAME
    else:
        write(target, data)
    return Exported(target, len(table), tuple(sorted(apart)))


def require_replaceable(target: Path) -> None:
    """Refuse to write over a folder, or over a file that is not a register written here:
    an export may replace an earlier export, never another file."""
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file, e.g. --out {target / 'register.csv'}")
    if target.exists() and not is_register(target):
        raise UsageError(
            f"{target} exists and is not a register written by export; nothing written; "
            "give another file with --out, or move this one away first"
        )


def is_register(path: Path) -> bool:
    """Whether ``path`` is a register written by :func:`export`: a CSV starting with its
    header, or a workbook written here that no spreadsheet has saved since."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(_CSV_HEADER))
        if head == _CSV_HEADER:
            return True
        with zipfile.ZipFile(path) as book:
            properties = book.read("docProps/core.xml")
        return all(mark in properties for mark in _WORKBOOK_MARKS)
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    try:
        replace_with(target, data)
    except OSError as exc:
        raise BriefingError(f"cannot write {target}: {exc.strerror or exc}") from None
