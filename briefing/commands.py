"""The ``briefing`` commands: thin wrappers over the library, one function per command.

Each function's docstring is its command's help text, with an example; each returns the
command's exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import time

from briefing.errors import BriefingError, Interrupted, Problem

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _count(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def check(args: argparse.Namespace) -> int:
    """Validate all content without rendering, and warn about doubtful content.

    Example: briefing check
    """
    from briefing.corpus import load_corpus
    from briefing.index import Index
    from briefing.index.findings import content_warnings
    from briefing.layout import KAMER_FILE, require_content
    from briefing.settings import load_settings

    require_content(args.content)
    load_settings(args.content)
    corpus = load_corpus(args.content)
    index = Index(corpus)
    problems = corpus.problems + content_warnings(corpus, index.findings(dt.date.today()))
    if args.store is not None:  # what a person wrote, held to the records
        from briefing.kamer.review import disagreements

        problems += disagreements(args.content / KAMER_FILE, args.store)
    for problem in sorted(problems, key=lambda p: (str(p.path), p.line, p.column)):
        print(problem, file=sys.stderr)
    errors = len(corpus.errors)
    warning_count = len(problems) - errors
    strict = " (--strict: warnings count as errors)" if args.strict and warning_count else ""
    print(
        f"{_count(len(corpus.files), 'file')} checked: {_count(errors, 'error')}, "
        f"{_count(warning_count, 'warning')}{strict}",
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
        print(f"{_count(len(report.warnings), 'warning')}, which --strict counts as errors")
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
    from briefing.layout import require_apart, require_content
    from briefing.lock import locked
    from briefing.watch import watch as watch_files

    require_content(args.content)  # a wrong set-up is an error before watching starts
    require_apart(args.content, args.out)
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
    return _left_aside(prepared.apart)


def export(args: argparse.Namespace) -> int:
    """Write the register of motions and commitments on a date as CSV or XLSX.

    The rows of a dossier's annex: id, Kamerstuk or register number, text, who and party,
    where and when made, deadline, the status on the date and where it was settled, link.
    The date defaults to the debate's day with --debate, else today.
    --out - writes it to standard output.
    Example: briefing export --debate ao-imvo-2018-11-14 --format xlsx
    """
    from briefing.export import export as export_register
    from briefing.streams import DASH

    exported = export_register(args.content, args.date, args.debate, args.format, args.out)
    print(  # beside the register itself, when that goes to standard output
        f"wrote {exported.path} ({_count(exported.rows, 'row')})",
        file=sys.stderr if args.out == DASH else sys.stdout,
    )
    return _left_aside(exported.apart)


def _left_aside(problems: tuple[Problem, ...]) -> int:
    """Report the errors of the files a document did not read; exit 1 when there are any."""
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        return EXIT_OK
    errors = _count(len(problems), "error")
    print(f"{errors} in lines to take and questions this document does not use", file=sys.stderr)
    return EXIT_CONTENT


def import_(args: argparse.Namespace) -> int:
    """Import letters and motions: draft letter files and registry entries.

    Each FILE, a minister's letter or a motion, may be text (converted from the PDF or copied
    from the web page), the PDF, or the official XML (kst-<dossier>-<nr>.xml). A letter becomes
    a draft DIR/letters/<date>-<slug>.yaml with the status updates it gives proposed beside the
    sentences that say so; a motion becomes an entry of DIR/motions.yaml. Never overwrites a
    file or an entry; says per file what it wrote and what to review. A FILE of - is standard
    input; a FILE that is an https:// address is fetched from there.
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
