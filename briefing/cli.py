"""Command line: a thin layer over the library.

Exit status: 0 when everything is fine, 1 when the content (or a build) has errors,
2 on usage errors. No traceback is printed unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError, ContentError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _existing_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{value}' is not a folder")
    return path


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2018-11-14"
        ) from None


def _jobs(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes, e.g. 2")
    return count or os.cpu_count() or 1


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Kamerbrieven kept as YAML content, rendered as Rijkshuisstijl PDFs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        parents=[common],
        help="validate all content without rendering",
        description="Validate all content without rendering. Example: briefing check",
    )
    check.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")

    rendering = argparse.ArgumentParser(add_help=False)
    rendering.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")
    rendering.add_argument("--out", type=Path, default=Path("build"), metavar="DIR")
    rendering.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="render in N processes at once (default 1; 0 for one per processor)",
    )
    build = commands.add_parser(
        "build",
        parents=[common, rendering],
        help="bring every PDF up to date: letters, briefings, sector summaries",
        description="Render the outputs whose content, templates, assets or versions changed "
        "since the last build; the others are left untouched. Example: briefing build --jobs 2",
    )
    build.add_argument("--force", action="store_true", help="render every output again")
    commands.add_parser(
        "watch",
        parents=[common, rendering],
        help="build, then build again on every save",
        description="Build, then watch the content and templates and build again whenever a "
        "file changes. Stop with Ctrl-C. Example: briefing watch",
    )
    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="write the JSON Schema of every kind of content file",
        description="Write the JSON Schema of letters, registries and settings into "
        "DIR/schemas/, where the modeline on the first line of each content file points "
        "editors to it. Example: briefing schema",
    )
    schema.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")

    prepare = commands.add_parser(
        "prepare",
        parents=[common],
        help="write a briefing of the state of play on a date",
        description="Write a briefing of the state of play on a date, from the letters sent up "
        "to that date. With --debate, the briefing prepares that debate and --date defaults "
        "to its day. Links to letters point to ../letters/, where 'briefing build' puts them. "
        "Example: briefing prepare --date 2022-04-30",
    )
    prepare.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")
    prepare.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="state on this day")
    prepare.add_argument("--debate", metavar="ID", help="id of the debate to prepare")
    prepare.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="PDF to write (default: build/briefings/<debate or 'stand-van-zaken'>-<date>.pdf)",
    )
    importer = commands.add_parser(
        "import",
        parents=[common],
        help="turn a letter's text into a draft content file",
        description="Write a draft content/letters/<date>-<slug>.yaml from a letter's text: text "
        "converted from the published PDF, or the official Kamerstuk layout. Never overwrites a "
        "file; lists what it could not place. Example: briefing import brief.txt",
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="the letter's text")
    importer.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")
    _add_kamer(commands, common)
    return parser


def _import(args: argparse.Namespace) -> int:
    from briefing.importer import import_letter

    result = import_letter(args.file, args.content)
    for note in result.notes:
        print(note, file=sys.stderr)
    print(f"wrote {result.path}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from briefing.checks import warnings
    from briefing.corpus import load_corpus
    from briefing.settings import load_settings

    load_settings(args.content)
    corpus = load_corpus(args.content)
    problems = corpus.problems + warnings(corpus)
    for problem in sorted(problems, key=lambda p: (str(p.path), p.line, p.column)):
        print(problem, file=sys.stderr)
    errors = len(corpus.errors)
    warning_count = len(problems) - errors
    print(
        f"{len(corpus.files)} files checked: {errors} errors, {warning_count} warnings",
        file=sys.stderr,
    )
    return EXIT_CONTENT if errors else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from briefing.build import build
    from briefing.progress import Progress

    progress = Progress()
    try:
        report = build(
            args.content,
            args.out,
            force=getattr(args, "force", False),
            jobs=args.jobs,
            on_start=progress.start,
            on_done=progress.done,
        )
    finally:
        progress.finish()
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for line in report.lines():
        print(line)
    return EXIT_OK if report.ok else EXIT_CONTENT


def _watch(args: argparse.Namespace) -> int:
    from briefing.watch import watch

    def rebuild() -> None:
        print(time.strftime("%H:%M:%S"), "building", file=sys.stderr, flush=True)
        try:
            _build(args)
        except BriefingError as exc:  # a broken file is reported, and watching goes on
            print(exc, file=sys.stderr)
        sys.stdout.flush()

    print(f"watching {args.content} and the templates; stop with Ctrl-C", file=sys.stderr)
    try:
        watch(args.content, rebuild)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from briefing.schema import write_schemas

    for path in write_schemas(args.content):
        print(f"wrote {path}")
    return EXIT_OK


def _prepare(args: argparse.Namespace) -> int:
    from briefing.build import prepare

    if args.date is None and args.debate is None:
        print("briefing prepare: error: give --date, --debate or both", file=sys.stderr)
        return EXIT_USAGE
    written = prepare(args.content, args.date, args.out, args.debate)
    print(f"wrote {written}")
    return EXIT_OK


# --- kamer: the Kamer's own records (sync, load, link) --------------------------------------


def _dossier(value: str) -> str:
    """A dossier number as the store keeps it: '26 485' is '26485', '35925-XVII' stays."""
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"\d{1,6}(?:-[A-Z0-9]+)?", compact):
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a dossier number; write it like 26485 or 35925-XVII"
        )
    return compact


def _add_kamer(commands: Any, common: argparse.ArgumentParser) -> None:
    """The ``kamer`` command group: ``sync``, ``load`` and ``link``."""
    kamer = commands.add_parser(
        "kamer",
        help="the Kamer's own records: fetch or load them, link them to the content",
        description="Keep the Tweede Kamer's open data (motions, letters, debates, votes, "
        "commitments) in a local store, and link the content to it in content/kamer.yaml. "
        "Example: briefing kamer sync --dossier 26485, then briefing kamer link",
    )
    actions = kamer.add_subparsers(dest="kamer_command", required=True, metavar="ACTION")
    stored = argparse.ArgumentParser(add_help=False)
    stored.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help="the store, an SQLite file (default: .briefing/kamer.sqlite)",
    )
    sync = actions.add_parser(
        "sync",
        parents=[common, stored],
        help="fetch the records from the Kamer's OData service",
        description="Fetch motions, government letters, debates and commitments from the "
        "Kamer's OData service into the store: those changed since the previous sync, or "
        "since --since. Example: briefing kamer sync --dossier 26485",
    )
    sync.add_argument("--url", metavar="URL", help="the service's base address (https)")
    sync.add_argument(
        "--dossier",
        type=_dossier,
        nargs="+",
        action="extend",
        default=[],
        metavar="NUMBER",
        help="only records of these Kamerstuk dossiers, e.g. 26485 35925-XVII",
    )
    sync.add_argument(
        "--since", type=_date, metavar="YYYY-MM-DD", help="only records changed since this day"
    )
    load = actions.add_parser(
        "load",
        parents=[common, stored],
        help="load saved OData JSON into the store",
        description="Load saved OData JSON (a response page or an array of records) into the "
        "store, all files in one go or none. Example: briefing kamer load zaak.json",
    )
    load.add_argument("files", type=Path, nargs="+", metavar="FILE", help="OData JSON files")
    link = actions.add_parser(
        "link",
        parents=[common, stored],
        help="link the content to the records; write content/kamer.yaml",
        description="Match the content's letters, motions, debates and commitments to the "
        "records in the store and write what was found into DIR/kamer.yaml, keeping every "
        "link already there. Prints each match with its evidence, each ambiguity and each "
        "item not found. Example: briefing kamer link",
    )
    link.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")


def _kamer(args: argparse.Namespace) -> int:
    """Run ``briefing kamer sync``, ``load`` or ``link``."""
    from briefing.kamer.store import DEFAULT_STORE

    store = args.store or DEFAULT_STORE
    if args.kamer_command == "load":
        from briefing.kamer.load import load_files

        print(load_files(args.files, store).summary("loaded"))
    elif args.kamer_command == "sync":
        from briefing.kamer.fetch import DEFAULT_URL, Client, pages_of, sync
        from briefing.progress import Progress

        client = Client(args.url or DEFAULT_URL)
        since = f"{args.since.isoformat()}T00:00:00Z" if args.since else None
        progress = Progress()

        def on_page(entity: str, number: int, fetched: int, total: int | None) -> None:
            if number == 1:  # the first page of an entity: the bar starts again
                progress.finish()
                progress.start(pages_of(total, client.page_size))
            shown = f"{fetched:,}" + (f" of {total:,}" if total is not None else "")
            progress.done(f"{entity}: {shown} records", "fetched")

        try:
            counts = sync(store, client, dossiers=args.dossier, since=since, on_page=on_page)
        finally:
            progress.finish()
        print(counts.summary("synced"))
    else:
        from briefing.kamer.link import link

        report = link(args.content, store)
        for line in report.lines:
            print(line)
        print(report.summary())
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "prepare":
            return _prepare(args)
        if args.command == "import":
            return _import(args)
        if args.command == "watch":
            return _watch(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "kamer":
            return _kamer(args)
        return _build(args)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_CONTENT
    except BriefingError as exc:
        if args.debug:
            raise
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"briefing: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_CONTENT
