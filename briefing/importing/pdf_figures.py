"""A figure on a PDF page, found by its labels: lines in small type, some of them side by side,
inside the text's column and above the page's last line of text (an organogram's boxes, a
chart's axes and legend, drawn in the letter). A draft holds text, not figures: the labels
are left out of the text, with a note that says where the figure is and what it reads. The
text of a PDF gives the labels as short lines right above the figure's caption ("Figuur 1.
Organogram ..."), where they are found too.

Small type elsewhere stays: footnotes (below the text), the reference column (beside it), a
table in small type (read as a table), a line or a paragraph in small type on its own (no
two of its lines side by side), and a header in small type (its parts on one line).
"""

from __future__ import annotations

from briefing.importing.blocks import caption
from briefing.importing.items import BULLET_RE
from briefing.importing.pdf_lines import SMALL, Line
from briefing.importing.text import ends_sentence
from briefing.importing.wrapped import ends_short

#: A figure has at least this many lines of labels.
_LABELS = 3
#: In a PDF's text, a figure has at least this many lines of labels above its caption, each
#: shorter than this share of the width the text's lines wrap at.
_TEXT_LABELS = 4
_LABEL_SHARE = 0.6
#: How many labels a note quotes.
_QUOTED = 4


def figure_labels(page: list[Line], margin: tuple[float, float], body: float) -> list[Line]:
    """The lines of ``page`` that label a figure; none where it has no figure. ``margin``
    is where the text's column starts and ends, ``body`` the text's type size."""
    text = [line.base for line in page if line.size >= SMALL * body and _inside(line, margin, body)]
    if not text:
        return []
    lowest = min(text)
    labels = [
        line
        for line in page
        if line.size < SMALL * body
        and not line.cells
        and _inside(line, margin, body)
        and line.base > lowest
    ]
    side_by_side = any(
        abs(a.base - b.base) < a.size and (a.right < b.left or b.right < a.left)
        for index, a in enumerate(labels)
        for b in labels[index + 1 :]
    )
    rows = {round(line.base) for line in labels}  # a page's header in small type is one row
    return labels if side_by_side and len(labels) >= _LABELS and len(rows) > 1 else []


def labels_above_captions(texts: list[str], room: float) -> list[list[int]]:
    """Per figure, the indexes of the lines of ``texts`` that label it, as a PDF's text gives
    them right above its caption: short lines (blank ones between them), none a list's item
    nor the last line of a paragraph above (under a full line, that its first word did not
    fit on, which ends no sentence, or which does and so does the line), at least
    :data:`_TEXT_LABELS` of them. ``room`` is the width the text's lines wrap at."""
    figures: list[list[int]] = []
    for index, text in enumerate(texts):
        if not caption(text.strip()):
            continue
        labels: list[int] = []
        for above in range(index - 1, -1, -1):
            label = texts[above].strip()
            if not label:
                continue
            before = texts[above - 1].strip() if above else ""
            wrapped = (  # the line goes on from a full line above it: a paragraph's end
                bool(before)
                and not ends_short(before, label, room)
                and (not ends_sentence(before) or ends_sentence(label))
            )
            if len(label) >= _LABEL_SHARE * room or BULLET_RE.match(label) or wrapped:
                break
            labels.append(above)
        if len(labels) >= _TEXT_LABELS:
            figures.append(sorted(labels))
    return figures


def figure_note(line: int, labels: list[str], where: str = "in small type") -> str:
    """The note on a figure whose ``labels`` (their text, from the top down, set ``where``)
    were left out at text ``line``, the first of its page or of its labels."""
    quoted = ", ".join(f"'{label}'" for label in labels[:_QUOTED])
    more = ", ..." if len(labels) > _QUOTED else ""
    return (
        f"line {line}: the page has a figure (its {len(labels)} labels {where}: "
        f"{quoted}{more}); its labels are left out of the text, since a draft holds text, not "
        "figures: say in the text what the figure shows if the reader needs it"
    )


def _inside(line: Line, margin: tuple[float, float], body: float) -> bool:
    """Whether ``line`` stands in the text's column, not beside it."""
    left, right = margin
    return left - body <= line.left and line.right <= right + body
