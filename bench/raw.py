"""The physical limit: raw WeasyPrint rendering the documents of a build, in one fresh process.

Run as ``python -m bench.raw CONTENT RECORDED OUT [NAME ...]``. It loads the corpus and plans
the outputs as the build does, makes every document's HTML with the letters' page maps from
the build recorded in RECORDED, and only then starts the clock: importing WeasyPrint and
``weasyprint.HTML(string=html).write_pdf(path)`` for each document, with the build's PDF
options (PDF/UA-1, tagged). It prints as JSON the seconds taken, in all and per document,
and the processor time taken in all.
Given NAMEs (``letters/<id>.pdf``, ...), it renders only those.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def documents(content: Path, recorded: Path | None, only: set[str]) -> list[tuple[str, str]]:
    """``(name, html)`` of every planned output (or of those in ``only``), letters first;
    with the letters' page maps of the build recorded in ``recorded`` (None: without)."""
    from briefing.corpus import load_corpus
    from briefing.index import Index
    from briefing.plan import plan
    from briefing.record import Record
    from briefing.render import render
    from briefing.settings import load_settings

    index = Index(load_corpus(content))
    settings = load_settings(content)
    planned = plan(index)
    record = Record.read(recorded) if recorded else None
    pages = {
        o.key: record.outputs[o.path].anchors
        for o in planned.letters
        if record and o.path in record.outputs
    }
    return [
        (output.path, render(output, index, settings, pages)[0])
        for output in planned.outputs
        if not only or output.path in only
    ]


def render(todo: list[tuple[str, str]], out: Path) -> dict[str, object]:
    """Render every document with WeasyPrint alone; the seconds taken, in all and each."""
    start, cpu = time.perf_counter(), time.process_time()
    import weasyprint

    each = {}
    for name, html in todo:
        began = time.perf_counter()
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        weasyprint.HTML(string=html).write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
        each[name] = time.perf_counter() - began
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "documents": each,
    }


def main(argv: list[str]) -> None:
    """Command line: CONTENT RECORDED OUT [NAME ...]."""
    content, recorded, out, *only = argv
    todo = documents(Path(content), Path(recorded), set(only))
    print(json.dumps(render(todo, Path(out))))


if __name__ == "__main__":
    main(sys.argv[1:])
