"""The foot of each page in the text of a letter's PDF: its number and the footnotes above it.

The reference column prints a page's number at its foot ("Pagina 1 van 4"; a conversion that
spaces the letters as the PDF sets them gives "P agina 1 van 4"). The footnotes stand right
above it, or right before the column where a PDF viewer's copy gives it after the page's
text: each "1 Kamerstukken II 2021/22, 30175, nr. 414", numbered on from the page before and
called in the page's text by its number, glued to the word before it ("gepresenteerd.1") or,
where the conversion sets the raised figure apart, after a space ("aangeboden 1."). A
conversion in reading order may give a number on a line of its own: above its text or, last,
under it; a run of numbers above their texts; or a page's first notes' texts first and
their numbers last. The notes are marked as the PDF raises them ("<sup>1</sup> Kamerstukken
...", "gepresenteerd.<sup>1</sup>"), in a block of their own, for the body reader to take
them as the letter's footnotes.
"""

from __future__ import annotations

import re

from briefing.importing.debris import URL_RE, join_line
from briefing.importing.footnotes import FORMULA_GUARD
from briefing.importing.text import SourceLine

#: A page's number as the column's foot prints it, also with its letters spaced.
PAGE_RE = re.compile(r"^P\s?a\s?g\s?i\s?n\s?a\s+\d+\s+van\s+\d+$")
#: A footnote's first line at a page's foot: its number, a space, its text.
_NOTE_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
#: A footnote's number on a line of its own.
_NUMBER_RE = re.compile(r"^\d{1,3}$")
#: How many lines above a page's end its footnotes may start.
_FOOT = 16
#: A footnote's number under its text follows at most this many lines of it.
_BELOW_ITS_TEXT = 3
#: The words that stand before a number in a sentence, so that a number after them is the
#: sentence's, not a footnote's call ("van 40 naar 20 cm", "tussen de 20 tot 40 cm").
_NUMBER_WORDS = (
    "de het een naar van tot tussen op in om na per dan en of met ruim circa ongeveer bijna "
    "over voor"
)
_NOT_BEFORE_A_NUMBER = "".join(rf"(?<!\b{word} )" for word in _NUMBER_WORDS.split())
#: What a number in a sentence measures ("20 cm", "3 jaar"): no footnote's call is before it.
_MEASURES = (
    "(?:mm|cm|m|km|meter|kilometer|ha|hectare|ton|kg|graden|procent|euro|miljoen|miljard|"
    "keer|uur|dagen|weken|maanden|jaar|jaren|personen|mensen)"
)


def footnotes_set_apart(
    lines: list[SourceLine],
    texts: list[str],
    ends: list[int],
    taken: set[int],
    start: int,
    notes: list[str],
) -> list[SourceLine]:
    """``lines`` (``texts`` their plain text) with the footnotes right above each page's
    end (an index of ``ends``; lines in ``taken`` are not the page's), after ``start``,
    marked as footnotes ("<sup>1</sup> ...") with their calls on the same page, the
    footnotes' block set apart by a blank line before and after it within its lines (see
    :func:`parts`). A note in ``notes`` names the calls that stood apart from their words."""
    out = list(lines)
    texts = list(texts)
    number = 1
    apart: list[tuple[int, str]] = []
    for end in ends:
        _numbers_joined(out, texts, max(start, end - _FOOT), end)
        region = _region(texts, start, end, taken, number)
        last = region[0] if region else 0
        for index in region:
            line = out[index]
            if match := _NOTE_RE.match(texts[index]):
                out[index] = SourceLine(line.number, f"<sup>{match[1]}</sup> {match[2]}")
                if found := _call_marked(out, match[1], start, region[0]):
                    apart.append(found)
                number = int(match[1]) + 1
            elif _NUMBER_RE.match(texts[index]):  # a number whose text could not be told
                out[index] = SourceLine(line.number, "")
                continue
            elif texts[index] and not texts[index - 1]:  # a note's text goes on past a gap
                out[last] = SourceLine(out[last].number, f"{out[last].text} {texts[index]}")
                out[index] = SourceLine(line.number, "")
                continue
            if texts[index]:
                last = index
        if region:
            first_line = out[region[0]]
            out[region[0]] = SourceLine(first_line.number, f"\n{first_line.text}")
            last_line = out[region[-1]]
            out[region[-1]] = SourceLine(last_line.number, f"{last_line.text}\n")
        start = end
    if apart:
        calls = (
            "the call of 1 footnote" if len(apart) == 1 else f"the calls of {len(apart)} footnotes"
        )
        notes.append(
            f"line {apart[0][0]}: {calls} stood apart from the words before them, as a "
            f"conversion may set a raised number ('{apart[0][1]}'); taken as calls: check "
            "them against the PDF"
        )
    return out


def _region(texts: list[str], start: int, end: int, taken: set[int], number: int) -> list[int]:
    """The lines of the footnotes right above the page's ``end`` (the page starts after
    ``start``): numbered on from ``number`` (or from a later number, where a page's
    footnotes were not found), the first called in the page's text."""
    region: list[int] = []
    for first in range(end - 1, max(start, end - _FOOT), -1):
        kept = [i for i in range(first, end) if i not in taken]
        marks = [int(m[1]) for i in kept if (m := _NOTE_RE.match(texts[i]))]
        if (
            kept
            and _NOTE_RE.match(texts[kept[0]])
            and marks[0] >= number
            and marks == list(range(marks[0], marks[0] + len(marks)))
            and any(_called(marks[0], text) for text in texts[start:first])
        ):
            region = kept
    while region and not texts[region[-1]]:
        region = region[:-1]
    return region


def _numbers_joined(lines: list[SourceLine], texts: list[str], first: int, end: int) -> None:
    """The footnotes' numbers that stand on lines of their own between ``first`` and ``end``
    joined to their texts, in ``lines`` and ``texts`` alike: a number raised above its text
    is on the line above it ("1" over "Kamerstuk 33009, nr. 117."), and a run of numbers
    stands over as many lines of text ("2", "3", then the two notes' lines), or over as many
    texts parted by blank lines ("20", "21", then a note's line, a blank one and the next
    note's two lines); a number last at the foot, with no text under it, is under its text
    (see :func:`_text_above`); a number between the two lines of a web address has both as its
    text."""
    numbers = [i for i in range(first, end) if _NUMBER_RE.match(texts[i])]
    runs = _runs_of_numbers(numbers, texts, end)
    pairs = _first_texts_last(runs, texts, first)
    if pairs:
        runs = runs[:-1]
    for run, filled in runs:
        starts = [j for j in filled if j == filled[0] or not texts[j - 1]]
        if len(run) > 1 and len(filled) == len(run):
            pairs += zip(run, filled, strict=True)
        elif len(run) > 1 and len(starts) == len(run):
            pairs += zip(run, starts, strict=True)
        elif filled:  # the last number of the run is right above its text
            pairs.append((run[-1], filled[0]))
        elif (
            len(run) == 1
            and (above := _text_above(texts, run[0], first)) is not None
            and above not in {text_at for _, text_at in pairs}  # not another number's text
        ):
            pairs.append((run[0], above))
    for index, text_at in pairs:
        if 0 < index < text_at and _address_cut(texts, index, text_at):
            whole = texts[index - 1].strip() + texts[text_at].strip()
            lines[index - 1], texts[index - 1] = SourceLine(lines[index - 1].number, ""), ""
            texts[text_at] = whole
        joined = f"{texts[index]} {texts[text_at]}"
        lines[text_at] = SourceLine(lines[text_at].number, joined)
        lines[index] = SourceLine(lines[index].number, "")
        texts[text_at], texts[index] = joined, ""


def _address_cut(texts: list[str], index: int, text_at: int) -> bool:
    """Whether the number at ``index`` stands between the two parts of a web address that is
    its text: the address's start alone on the line above it, the rest under it, as
    :func:`.debris.join_line` joins an address broken at a line's end ("https://...
    /documenten/Raad%20van%", "25", "20State/Adviesaanvraag...")."""
    above, below = texts[index - 1].strip(), texts[text_at].strip()
    return URL_RE.fullmatch(above) is not None and join_line(above, below) == above + below


def _first_texts_last(
    runs: list[tuple[list[int], list[int]]], texts: list[str], first: int
) -> list[tuple[int, int]]:
    """The numbers of a page's first footnotes paired with their texts where the conversion
    gave those texts first, without their numbers, then the other notes with theirs, then the
    first notes' numbers last ("Kamerstuk 33009, nr. 117.", "Kamerstuk 33009, nr. 63.", "3",
    "Het EU-...", "1", "2"): the last run of numbers, none under it, counts up to the first
    number of the foot. Several such notes are a line each, right above that number; one
    is the lines above it up to a blank line. Where the page has no other notes, several
    such notes are the as many lines right above the run, after a blank line."""
    if not runs or runs[-1][1]:
        return []
    last = runs[-1][0]
    marks = [int(texts[i]) for i in last]
    if marks != list(range(marks[0], marks[0] + len(marks))):
        return []
    opening = runs[0][0][0]
    if len(runs) == 1 and len(last) == 1:
        return []  # one number under its text (see :func:`_text_above`)
    if len(runs) > 1 and marks[-1] + 1 != int(texts[opening]):
        return []
    above = _block_above(texts, opening, first, _FOOT)
    start = opening - len(last)
    if len(last) == 1:
        return [(last[0], above)] if above > first and not texts[above - 1] else []
    if start < above or (len(runs) == 1 and start != above):
        return []
    return list(zip(last, range(start, opening), strict=True))


def _text_above(texts: list[str], index: int, first: int) -> int | None:
    """The first line of the text right above the number at ``index``, the last at the page's
    foot: a footnote's text that the conversion gave before its number (a web address over
    two lines, then "24"), at most three lines, after a blank one or starting with a web
    address."""
    start = _block_above(texts, index, first, _BELOW_ITS_TEXT)
    addresses = [i for i in range(start, index) if URL_RE.match(texts[i].split()[0])]
    if addresses:
        return addresses[-1]
    if start in (index, first) or texts[start - 1]:
        return None
    return start


def _block_above(texts: list[str], index: int, first: int, most: int) -> int:
    """The first of the lines with text right above ``index``, no blank one between them, at
    most ``most`` of them and none above ``first``; ``index`` itself when there are none."""
    start = index
    while start > first and texts[start - 1] and index - start < most:
        start -= 1
    return start


def _runs_of_numbers(
    numbers: list[int], texts: list[str], end: int
) -> list[tuple[list[int], list[int]]]:
    """The runs of ``numbers`` (indexes of lines that hold a number only) with no text between
    them, each with the lines of text after it, up to the next run or ``end``."""
    runs: list[list[int]] = []
    for index in numbers:
        if runs and all(not texts[j] for j in range(runs[-1][-1] + 1, index)):
            runs[-1].append(index)
        else:
            runs.append([index])
    bounds = [run[0] for run in runs[1:]] + [end] if runs else []
    return [
        (run, [j for j in range(run[-1] + 1, bound) if texts[j]])
        for run, bound in zip(runs, bounds, strict=True)
    ]


def parts(line: SourceLine) -> list[SourceLine]:
    """The lines a line stands for: a footnotes' block has a blank line before and after."""
    if "\n" not in line.text:
        return [line]
    return [SourceLine(line.number, text, line.cells) for text in line.text.split("\n")]


def _calls(mark: int) -> tuple[re.Pattern[str], ...]:
    """The calls of footnote ``mark``, the likeliest first: glued to a word or the call
    before it ("kansrijk»12": calls 1 and 2), never within a number; after a word (or a
    date's "jl.") and a space where a sentence's mark or the line's end follows it
    ("aangeboden 1.", "van 11 november jl. 1,"); after a
    word, a word in brackets or a year and a space, before a word in lower case ("van 24 juni
    2022 2 is", "(NPCE) 8 zijn"), where no word that stands before a number in a sentence
    precedes it and no measure follows it (not "in 2 stappen" nor "van 40 naar 20 cm")."""
    return (
        re.compile(
            rf"{FORMULA_GUARD}(?<!\d[.,])(?:(?<=[^\d\s<>])|(?<=</sup>)){mark}"
            rf"(?=(?:{mark + 1})?(?!\d))"
        ),
        re.compile(rf"(?:(?<=[^\W\d_] )|(?<=\bjl\. )){mark}(?=[.,;:)]|$)"),
        re.compile(
            rf"(?:(?<=[^\W\d_] )|(?<=[^\W\d_]\) )|(?<=\b\d{{4}} )){_NOT_BEFORE_A_NUMBER}{mark}"
            rf"(?=[.,;:)]|$| [^\W\d_])(?! {_MEASURES}\b)"
        ),
    )


def _called(mark: int, text: str) -> bool:
    return any(_found(call, text) for call in _calls(mark))


def _found(call: re.Pattern[str], text: str, above: str = "") -> list[re.Match[str]]:
    """The matches of ``call`` in the line ``text`` (``above`` the line before it), but for a
    figure glued to a web address, also one that goes on from the line above: the "2" that
    ends "https://www.deltaprogramma.nl/.../brie" / "fadvies-...-spoor-2", a footnote's
    address left in the text, is no call."""
    found = []
    for match in call.finditer(text):
        before = text[: match.start()]
        words = before.split()
        glued_to = words[-1] if words and not before[-1].isspace() else ""
        if glued_to and len(words) == 1 and above.split():
            glued_to = above.split()[-1] + glued_to
        if not URL_RE.search(glued_to):
            found.append(match)
    return found


def _call_marked(
    lines: list[SourceLine], mark: str, start: int, end: int
) -> tuple[int, str] | None:
    """The last call of footnote ``mark`` before ``end``, the likeliest kind first (see
    :func:`_calls`), marked as the PDF raises it ("gepresenteerd.<sup>1</sup>",
    "aangeboden<sup>1</sup>."); the line and the words of a call that stood apart from its
    word."""
    for kind, call in enumerate(_calls(int(mark))):
        for index in range(end - 1, start, -1):
            line = lines[index]
            calls = _found(call, line.text, lines[index - 1].text)
            if calls:
                at = calls[-1]
                before = line.text[: at.start()].removesuffix(" ")
                text = f"{before}<sup>{mark}</sup>{line.text[at.end() :]}"
                lines[index] = SourceLine(line.number, text, line.cells)
                if kind == 0:
                    return None
                rest = re.match(r"\S*\s*\S*", line.text[at.end() :])
                return line.number, " ".join(
                    [*before.split()[-3:], mark + (rest[0] if rest else "")]
                )
    return None
