"""The work WeasyPrint does per page, by kind of document, counted rather than timed.

Run as ``python -m bench.work CONTENT RECORDED [SAMPLE]``. It makes the documents' HTML as
:mod:`bench.raw` does, takes up to SAMPLE (:data:`SAMPLE`) documents of each kind (the
output's folder: letters, briefings, sectors), spread evenly over the plan, renders each
with WeasyPrint as the build does (:func:`briefing.write.html_type`) under :mod:`cProfile`
and counts the Python calls it makes. Unlike time,
the count is the same on every run to within a few hundredths of a percent, on a busy
machine too, so it tells whether a page costs more because it holds more or because the
machine was slower. It also counts the lines of text the documents' pages hold, so that a
page that costs more can be told from a page that holds more. It prints as JSON, per kind: the
documents measured, of how many, their pages, their lines of text and the calls they took.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.raw import documents

#: Documents measured per kind; a profiled render takes about twice the time of a render.
SAMPLE = 10


def spread(names: list[str], count: int) -> list[str]:
    """``count`` of ``names`` (all when there are no more), evenly spaced from the first."""
    if len(names) <= count:
        return names
    return [names[i * len(names) // count] for i in range(count)]


def planned(content: Path) -> list[str]:
    """The outputs a build of ``content`` makes, in the plan's order."""
    from briefing.corpus import load_corpus
    from briefing.index import Index
    from briefing.plan import plan

    return [output.path for output in plan(Index(load_corpus(content))).outputs]


def text_lines(document: Any) -> int:
    """The lines of a rendered WeasyPrint document that hold text (in paragraphs, headings,
    table cells, footnotes, page margins), each counted once."""
    from weasyprint.formatting_structure.boxes import LineBox, TextBox

    def has_text(line: Any) -> bool:
        return any(isinstance(box, TextBox) and box.text.strip() for box in line.descendants())

    return sum(
        1
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, LineBox) and has_text(box)
    )


def measure(content: Path, recorded: Path, sample: int = SAMPLE) -> dict[str, dict[str, int]]:
    """Per kind of document: documents measured and of how many, their pages, lines, calls."""
    by_kind: dict[str, list[str]] = {}
    for name in planned(content):
        by_kind.setdefault(name.split("/", 1)[0], []).append(name)
    chosen = {kind: spread(names, sample) for kind, names in sorted(by_kind.items())}
    html = dict(documents(content, recorded, {n for names in chosen.values() for n in names}))

    import weasyprint

    from briefing.write import html_type

    figures: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "out.pdf"
        weasyprint.HTML(string="<p>.</p>").write_pdf(target)  # first-use work is not a page's
        for kind, names in chosen.items():
            calls = pages = lines = 0
            for name in names:
                profile = cProfile.Profile()
                profile.enable()
                document = html_type()(string=html[name]).render()
                document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
                profile.disable()
                calls += pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
                pages += len(document.pages)
                lines += text_lines(document)
            figures[kind] = {
                "documents": len(names),
                "of": len(by_kind[kind]),
                "pages": pages,
                "lines": lines,
                "calls": calls,
            }
    return figures


def main(argv: list[str]) -> None:
    """Command line: CONTENT RECORDED [SAMPLE]."""
    content, recorded, *sample = argv
    print(json.dumps(measure(Path(content), Path(recorded), int(sample[0]) if sample else SAMPLE)))


if __name__ == "__main__":
    main(sys.argv[1:])
