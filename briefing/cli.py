"""Command line: a thin layer over the library.

Exit status: 0 when everything is fine, 1 when the content (or a build) has errors,
2 on usage errors. No traceback is printed unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
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

    build = commands.add_parser(
        "build",
        parents=[common],
        help="render every letter to OUT/letters/<id>.pdf",
        description="Render all outputs. Example: briefing build --out build",
    )
    build.add_argument("--content", type=_existing_dir, default=Path("content"), metavar="DIR")
    build.add_argument("--out", type=Path, default=Path("build"), metavar="DIR")

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

    report = build(args.content, args.out)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for line in report.lines():
        print(line)
    return EXIT_OK if report.ok else EXIT_CONTENT


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
