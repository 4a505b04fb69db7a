"""Command line: a thin layer over the library.

Exit status: 0 when everything is fine, 1 when the content (or a build) has errors,
2 on usage errors. No traceback is printed unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

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
        help="import letters and motions: draft letter files and registry entries",
        description="Import each FILE, a minister's letter or a motion, as text (converted from "
        "the PDF or copied from the web page), as the PDF or as the official XML "
        "(kst-<dossier>-<nr>.xml). A letter becomes a draft DIR/letters/<date>-<slug>.yaml with "
        "the status updates it gives proposed beside the sentences that say so; a motion becomes "
        "an entry of DIR/motions.yaml. Never overwrites a file or an entry; says per file what "
        "it wrote and what to review. Example: briefing import brief.pdf kst-26485-224.xml",
    )
    importer.add_argument("files", type=Path, nargs="+", metavar="FILE", help="files to import")
    importer.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")
    return parser


def _import(args: argparse.Namespace) -> int:
    from briefing.importing import import_files

    results = import_files(args.files, args.content)
    for result in results:
        for written in result.wrote:
            print(f"wrote {written}", flush=True)
        for note in result.notes:
            print(note, file=sys.stderr, flush=True)
        if result.error is not None:
            print(f"briefing: error: {result.error}", file=sys.stderr, flush=True)
    return EXIT_OK if all(result.ok for result in results) else EXIT_CONTENT


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
