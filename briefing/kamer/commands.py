"""The ``briefing kamer`` commands: thin wrappers over sync, load and link.

Each function's docstring is its command's help text, with an example.
"""

from __future__ import annotations

import argparse
import re

from briefing.kamer.store import DEFAULT_STORE


def dossier(value: str) -> str:
    """A dossier number as the store keeps it: '26 485' is '26485', '35925-XVII' stays."""
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"\d{1,6}(?:-[A-Z0-9]+)?", compact):
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a dossier number; write it like 26485 or 35925-XVII"
        )
    return compact


def sync(args: argparse.Namespace) -> int:
    """Fetch the Kamer's records from its OData service into the store.

    Motions, government letters, debates and commitments: those changed since the previous
    sync, or since --since; with --dossier, only those of these Kamerstuk dossiers.
    Example: briefing kamer sync --dossier 26485
    """
    from briefing.kamer.fetch import DEFAULT_URL, Client, pages_of
    from briefing.kamer.fetch import sync as fetch
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
        counts = fetch(
            args.store or DEFAULT_STORE,
            client,
            dossiers=args.dossier,
            since=since,
            on_page=on_page,
        )
    finally:
        progress.finish()
    print(counts.summary("synced"))
    return 0


def load(args: argparse.Namespace) -> int:
    """Load saved OData JSON (a response page or an array of records) into the store.

    All files in one go, or none of them. A FILE of - is standard input.
    Example: briefing kamer load zaak.json
    """
    from briefing.kamer.load import load_files

    print(load_files(args.files, args.store or DEFAULT_STORE).summary("loaded"))
    return 0


def link(args: argparse.Namespace) -> int:
    """Link the content's letters, motions, debates and commitments to the Kamer's records.

    Writes what it found into DIR/kamer.yaml, keeping every link already there, and prints
    each match with its evidence, each ambiguity and each item not found.
    Example: briefing kamer link
    """
    from briefing.kamer.link import link as link_content

    report = link_content(args.content, args.store or DEFAULT_STORE)
    for line in report.lines:
        print(line)
    print(report.summary())
    return 0
