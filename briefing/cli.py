"""The command line: a thin layer over the library, one function per command.

Exit status: 0 when everything is fine, 1 when the content (or a build) has errors,
2 on usage errors, 3 when another build holds the output folder, 130 when stopped with
Ctrl-C and 143 with SIGTERM.
No traceback is printed unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import briefing
from briefing.errors import (
    BriefingError,
    ContentError,
    Interrupted,
    Terminated,
    stop_again_later,
    stop_signal,
)

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2

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


# --- the commands ---------------------------------------------------------------------------


def check(args: argparse.Namespace) -> int:
    """Validate all content without rendering, and warn about doubtful content.

    Example: briefing check
    """
    from briefing.corpus import load_corpus
    from briefing.index import Index
    from briefing.index.findings import content_warnings
    from briefing.layout import require_content
    from briefing.settings import load_settings

    require_content(args.content)
    load_settings(args.content)
    corpus = load_corpus(args.content)
    index = Index(corpus)
    today = max(dt.date.today(), index.latest or dt.date.min)
    problems = corpus.problems + content_warnings(corpus, index.findings(today))
    for problem in sorted(problems, key=lambda p: (str(p.path), p.line, p.column)):
        print(problem, file=sys.stderr)
    errors = len(corpus.errors)
    warning_count = len(problems) - errors
    strict = " (--strict: warnings count as errors)" if args.strict and warning_count else ""
    print(
        f"{len(corpus.files)} files checked: {errors} errors, {warning_count} warnings{strict}",
        file=sys.stderr,
    )
    return EXIT_CONTENT if errors or (args.strict and warning_count) else EXIT_OK


def build(args: argparse.Namespace) -> int:
    """Bring every PDF up to date: letters, briefings, sector summaries.

    Renders the outputs whose content, templates, assets or versions changed since the
    last build; the others are left untouched. Example: briefing build --jobs 2
    """
    from briefing.build import build as build_outputs
    from briefing.progress import Progress

    progress = Progress()
    try:
        report = build_outputs(
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
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    for line in report.lines():
        print(line)
    strict = getattr(args, "strict", False) and report.warnings
    if strict:
        print(f"{len(report.warnings)} warnings, which --strict counts as errors")
    ok = report.ok and not strict
    if getattr(args, "html", False):
        return _html_edition(args, ok)
    return EXIT_OK if ok else EXIT_CONTENT


def _html_edition(args: argparse.Namespace, built: bool) -> int:
    """Write the HTML edition beside the PDFs (``build --html``)."""
    from briefing.edition import write_edition

    edition = write_edition(args.content, args.out)
    print(edition.summary())
    return EXIT_OK if built and not edition.problems else EXIT_CONTENT


def watch(args: argparse.Namespace) -> int:
    """Build, then build again whenever a content file or template is saved.

    Stop with Ctrl-C. Example: briefing watch
    """
    from briefing.layout import require_content
    from briefing.lock import locked
    from briefing.watch import watch as watch_files

    require_content(args.content)  # a wrong set-up is an error before watching starts
    with locked(args.out):  # an --out that is a file, or another build's folder
        pass

    def rebuild() -> None:
        print(time.strftime("%H:%M:%S"), "building", file=sys.stderr, flush=True)
        try:
            build(args)
        except Interrupted:
            raise
        except BriefingError as exc:  # a broken file is reported, and watching goes on
            print(f"briefing: {exc.prefix}{exc}", file=sys.stderr)
        sys.stdout.flush()

    print(f"watching {args.content} and the templates; stop with Ctrl-C", file=sys.stderr)
    try:
        watch_files(args.content, rebuild, ignore=args.out)
    except KeyboardInterrupt:  # between builds: the way to stop watching
        print("stopped watching", file=sys.stderr)
    return EXIT_OK


def serve(args: argparse.Namespace) -> int:
    """Preview every document in a browser, updated on every save.

    Serves the index of every output and each output as a page for screens, with a link to
    its PDF, on this machine only (127.0.0.1) unless --bind gives another address. On every
    save of content or a template the open page shows the change by itself, and the PDFs are
    rebuilt in the background as build would. A content error is shown in the page until it
    is fixed. Stop with Ctrl-C. Example: briefing serve --open
    """
    from briefing.serve import serve as serve_preview

    # SIGTERM stops it as Ctrl-C does (see main), ending the background build too.
    with contextlib.suppress(KeyboardInterrupt):  # the way to stop serving
        serve_preview(
            args.content, args.out, bind=args.bind, port=args.port, open_browser=args.open
        )
    return EXIT_OK


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number (0 to 65535), e.g. 8000")
    return int(value)


def prepare(args: argparse.Namespace) -> int:
    """Write a briefing of the state of play on a date, from the letters sent up to then.

    With --debate, the briefing prepares that debate and --date defaults to its day. It is
    written to DIR/briefings/, beside the letters a build writes to DIR/letters/, where its
    links lead. Example: briefing prepare --date 2022-04-30
    """
    from briefing.prepare import prepare as prepare_briefing

    if args.date is None and args.debate is None:
        print("briefing prepare: error: give --date, --debate or both", file=sys.stderr)
        return EXIT_USAGE
    prepared = prepare_briefing(args.content, args.out, args.date, args.debate)
    print(f"wrote {prepared.path}")
    for warning in prepared.warnings:
        print(warning, file=sys.stderr)
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    """Write the register of motions and commitments on a date as CSV or XLSX.

    The rows of a dossier's annex: id, Kamerstuk or register number, text, who and party,
    where and when made, deadline, the status on the date and where it was settled, link.
    The date defaults to the debate's day with --debate, else today.
    Example: briefing export --debate ao-imvo-2018-11-14 --format xlsx
    """
    from briefing.export import export as export_register
    from briefing.export import file_format

    try:
        file_format(args.format, args.out)
    except BriefingError as mismatch:
        print(f"briefing export: error: {mismatch}", file=sys.stderr)
        return EXIT_USAGE
    written, count = export_register(args.content, args.date, args.debate, args.format, args.out)
    print(f"wrote {written} ({count} {'row' if count == 1 else 'rows'})")
    return EXIT_OK


def import_(args: argparse.Namespace) -> int:
    """Import letters and motions: draft letter files and registry entries.

    Each FILE, a minister's letter or a motion, may be text (converted from the PDF or copied
    from the web page), the PDF, or the official XML (kst-<dossier>-<nr>.xml). A letter becomes
    a draft DIR/letters/<date>-<slug>.yaml with the status updates it gives proposed beside the
    sentences that say so; a motion becomes an entry of DIR/motions.yaml. Never overwrites a
    file or an entry; says per file what it wrote and what to review.
    Example: briefing import brief.pdf kst-26485-224.xml
    """
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


def schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema of every kind of content file into DIR/schemas/.

    The modeline on the first line of each content file points editors to it.
    Example: briefing schema
    """
    from briefing.schema import write_schemas

    for path in write_schemas(args.content):
        print(f"wrote {path}")
    return EXIT_OK


# --- the parser -----------------------------------------------------------------------------


def _command(
    commands: argparse._SubParsersAction, name: str, run: Command, summary: str
) -> argparse.ArgumentParser:
    """A sub-command whose description is ``run``'s docstring."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=run.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks of errors"
    )
    parser.set_defaults(run=run)
    return parser


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
        help="file to write (default: build/register-<debate or stand-van-zaken>-<date>.<format>)",
    )

    import_parser = _command(commands, "import", import_, "import letters and motions as drafts")
    import_parser.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help="files to import"
    )
    _content(import_parser)

    _content(_command(commands, "schema", schema, "write the JSON Schema of the content files"))
    _kamer(commands)
    return top


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
    load.add_argument("files", type=Path, nargs="+", metavar="FILE", help="OData JSON files")
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
