"""The command line: its parser, and running a command (see :mod:`briefing.commands`).

Exit status: 0 when everything is fine, 1 when the content (or a build) has errors,
2 on usage errors, 3 when another build holds the output folder, 130 when stopped with
Ctrl-C and 143 with SIGTERM.
No traceback is printed unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
import textwrap
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import briefing
from briefing.commands import (
    EXIT_CONTENT,
    build,
    check,
    export,
    import_,
    prepare,
    schema,
    serve,
    watch,
)
from briefing.errors import (
    BriefingError,
    ContentError,
    Terminated,
    stop_again_later,
    stop_signal,
)
from briefing.streams import Origin, WebAddress

Command = Callable[[argparse.Namespace], int]


def _existing_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{value}' is not a folder")
    return path


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from briefing.types import day_problem  # pydantic's import waits for content

        raise argparse.ArgumentTypeError(day_problem(value)) from None


def _jobs(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes, e.g. 2")
    return count or os.cpu_count() or 1


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number (0 to 65535), e.g. 8000")
    return int(value)


# --- the parser -----------------------------------------------------------------------------


def _command(
    commands: argparse._SubParsersAction, name: str, run: Command, summary: str
) -> argparse.ArgumentParser:
    """A sub-command whose description is ``run``'s docstring."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=_description(run.__doc__ or ""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks of errors"
    )
    parser.set_defaults(run=run)
    return parser


def _description(docstring: str) -> str:
    """A docstring as a command's help prints it: every line from the left margin (its first
    line stands there already; the others are indented as the function's body is)."""
    first, _, rest = docstring.partition("\n")
    return f"{first}\n{textwrap.dedent(rest)}".strip()


def _content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=_existing_dir,
        default=Path("content"),
        metavar="DIR",
        help="the content folder (default: content)",
    )


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("build"),
        metavar="DIR",
        help="output folder (default: build)",
    )


def _rendering(parser: argparse.ArgumentParser) -> None:
    _content(parser)
    _output(parser)
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="render in N processes at once (default 1; 0 for one per processor)",
    )


def _strict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict", action="store_true", help="count warnings as errors (exit 1), e.g. in CI"
    )


def parser() -> argparse.ArgumentParser:
    """The parser of the whole command line."""
    top = argparse.ArgumentParser(
        prog="briefing",
        description="Kamerbrieven kept as YAML content, rendered as Rijkshuisstijl PDFs.",
    )
    top.add_argument("--version", action="version", version=f"briefing {briefing.__version__}")
    top.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check_parser = _command(commands, "check", check, "validate all content without rendering")
    _content(check_parser)
    _strict(check_parser)
    check_parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help="also hold the facts written by hand in kamer.yaml against the Kamer's records "
        "in this store (e.g. .briefing/kamer.sqlite)",
    )
    build_parser = _command(commands, "build", build, "bring every PDF up to date")
    _rendering(build_parser)
    build_parser.add_argument("--force", action="store_true", help="render every output again")
    _strict(build_parser)
    build_parser.add_argument(
        "--html", action="store_true", help="also write the HTML edition into OUT/html"
    )
    _rendering(_command(commands, "watch", watch, "build, then build again on every save"))

    serve_parser = _command(commands, "serve", serve, "preview every document in a browser")
    _content(serve_parser)
    _output(serve_parser)
    serve_parser.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="port (default 8000; 0: any free)"
    )
    serve_parser.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    serve_parser.add_argument("--open", action="store_true", help="open the index in a browser")

    prepare_parser = _command(commands, "prepare", prepare, "write a briefing on a date")
    _content(prepare_parser)
    _output(prepare_parser)
    prepare_parser.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="state on this day"
    )
    prepare_parser.add_argument("--debate", metavar="ID", help="id of the debate to prepare")

    export_parser = _command(commands, "export", export, "write the register as CSV or XLSX")
    _content(export_parser)
    export_parser.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the register on this day"
    )
    export_parser.add_argument("--debate", metavar="ID", help="on the day of this debate")
    export_parser.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        help="csv or xlsx (default: the one FILE's extension names, else csv)",
    )
    export_parser.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="file to write ('-': standard output; default: "
        "build/register-<debate or stand-van-zaken>-<date>.<format>)",
    )

    import_parser = _command(commands, "import", import_, "import letters and motions as drafts")
    import_parser.add_argument(
        "files",
        type=_file_or_address,
        nargs="+",
        metavar="FILE",
        help="files to import ('-': standard input; an https:// address: the file there)",
    )
    _content(import_parser)

    _content(_command(commands, "schema", schema, "write the JSON Schema of the content files"))
    _kamer(commands)
    return top


def _file_or_address(text: str) -> Origin:
    """A file to import: its path, or the web address it is fetched from."""
    if text.lower().startswith(("https://", "http://")):
        return WebAddress(text)
    return Path(text)


def _kamer(commands: argparse._SubParsersAction) -> None:
    """The ``kamer`` command group: ``sync``, ``load`` and ``link``."""
    from briefing.kamer import commands as kamer

    group = commands.add_parser(
        "kamer",
        help="the Kamer's own records: fetch or load them, link them to the content",
        description="Keep the Tweede Kamer's open data (motions, letters, debates, votes, "
        "commitments) in a local store, and link the content to it in content/kamer.yaml. "
        "Example: briefing kamer sync --dossier 26485, then briefing kamer link",
    )
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    sync = _command(actions, "sync", kamer.sync, "fetch the records from the Kamer's service")
    sync.add_argument("--url", metavar="URL", help="the service's base address (https)")
    sync.add_argument(
        "--dossier",
        type=kamer.dossier,
        nargs="+",
        action="extend",
        default=[],
        metavar="NUMBER",
        help="only records of these Kamerstuk dossiers, e.g. 26485 35925-XVII",
    )
    sync.add_argument(
        "--since", type=_date, metavar="YYYY-MM-DD", help="only records changed since this day"
    )
    load = _command(actions, "load", kamer.load, "load saved OData JSON into the store")
    load.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help="OData JSON files ('-': standard input)"
    )
    link = _command(actions, "link", kamer.link, "link the content to the records")
    _content(link)
    for action in (sync, load, link):
        action.add_argument(
            "--store",
            type=Path,
            metavar="FILE",
            help="the store, an SQLite file (default: .briefing/kamer.sqlite)",
        )


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM stops a command the way Ctrl-C does."""
    raise Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    debug = args.debug
    here = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if here else None
    unraisable, sys.unraisablehook = sys.unraisablehook, stop_again_later
    try:
        status: int = args.run(args)
        return status
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_status
    except BriefingError as exc:
        if debug:
            raise
        print(f"briefing: {exc.prefix}{exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt as stop:
        print("briefing: interrupted", file=sys.stderr)
        return 128 + stop_signal(stop)
    except Exception as exc:
        if debug:
            raise
        print(
            f"briefing: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_CONTENT
    finally:
        sys.unraisablehook = unraisable
        if here:
            signal.signal(signal.SIGTERM, previous)


def run() -> NoReturn:
    """The ``briefing`` command: run the command line, then exit with its status.

    Once the command is done, a stop (Ctrl-C, SIGTERM) has nothing left to stop: it is
    ignored while Python exits, so that it neither prints a traceback from a finalizer nor
    cuts short the removal of WeasyPrint's temporary fonts.
    """
    try:
        status = main()
    except KeyboardInterrupt as stop:  # between the command's end and here
        print("briefing: interrupted", file=sys.stderr)
        status = 128 + stop_signal(stop)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    sys.exit(status)
