"""Property tests: whatever the content, the pipeline ends in a result or a located problem.

Random mutations of the bundled files (lines deleted, duplicated, swapped, re-indented,
values replaced, bytes inserted, the file cut short) and letters generated from the model
with random ids, dates and texts full of markup go through loading, the corpus checks, the
warnings and the HTML of every letter (and, for generated letters, of every report). Each
step must succeed or report a :class:`~briefing.errors.Problem` that points into the file;
no other exception may escape. Text from YAML must reach the HTML as text: no script, style,
image or stylesheet link, and no ``url()`` in CSS, comes from content.

The examples are derandomised, so every run (and CI) tries the same inputs.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefing.corpus import load_corpus
from briefing.errors import BriefingError, Problem
from briefing.index import Index
from briefing.index.findings import content_warnings
from briefing.inline import check_inline, check_markup, render_inline
from briefing.loading import load_document
from briefing.plan import plan
from briefing.render import render
from briefing.settings import Settings, load_settings
from briefing.sources import Corpus
from briefing.types import FuzzyDate, Kamerstuk
from tests.conftest import CONTENT, html_of
from tests.test_bad_input import MINIMAL_LETTER

#: Deterministic and bounded: the same examples on every run, no time limit per example.
_DETERMINISTIC = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def examples(count: int) -> settings:
    """Settings for a property tried on ``count`` fixed examples."""
    return settings(_DETERMINISTIC, max_examples=count)


CONTENT_FILES = sorted(
    str(p.relative_to(CONTENT))
    for p in [*CONTENT.glob("*.yaml"), *(CONTENT / "letters").glob("*.yaml")]
)
ORIGINALS = {name: (CONTENT / name).read_bytes() for name in CONTENT_FILES}

#: Values YAML reads in surprising ways, and text that must stay text.
#: Characters and pairs YAML reads as syntax, as they slip into a text.
YAML_MARKS = [
    m.encode() for m in [": ", "'", '"', "[", "]", "{", "}", "- ", " #", "@", "`", "*", "&", "!"]
] + [m.encode() for m in ["|", ">", "%", ",", "?", "\\", "\t", "\n", "\n ", "\u2028"]]

TOKENS = [
    "",
    "~",
    "null",
    "yes",
    "no",
    "[",
    "]",
    "{",
    "}",
    "- ",
    ": ",
    "&a",
    "*a",
    "!!binary aGk=",
    "!!python/object:os.system",
    "<<: {}",
    "2021-02-30",
    "2019-13-01",
    "20181113",
    "1e999",
    ".nan",
    "-1",
    "0x1F",
    "'",
    '"',
    "\t",
    "%YAML 1.1",
    "---",
    "[^nope]",
    "[x](file:///etc/passwd)",
    "<script>alert(1)</script>",
    "url(http://127.0.0.1:9/x.png)",
    "con",
    "../x",
]

#: Hostile fragments for generated text; none may reach the HTML as markup.
HOSTILE = [
    "<script>alert('x')</script>",
    "<style>p{background:url(http://evil.example/s.png)}</style>",
    '<img src="http://evil.example/i.png">',
    '<link rel="stylesheet" href="http://evil.example/l.css">',
    "background: url(http://evil.example/u.png);",
    '<a href="file:///etc/passwd">x</a>',
    "<iframe src=http://evil.example/f>",
    '<svg onload="alert(1)">',
    "{{ settings }}",
    "{% raw %}",
    "&amp; &lt; &#60;",
    "</p></main><p>",
    "*",
    "_",
    "\\",
    "`",
    "[",
    "]",
    "(",
    ")",
]
#: The host named by hostile fragments; it may appear in the HTML only as printed text (in
#: the page or in a text attribute such as the document's author), never where it is fetched.
EVIL = "evil.example"
URL_ATTRIBUTES = {"href", "src", "srcset", "style", "action", "data", "poster", "background"}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the bundled content, shared by the examples of a test."""
    target = tmp_path_factory.mktemp("properties") / "content"
    shutil.copytree(CONTENT, target)
    return target


@contextmanager
def written(root: Path, name: str, data: bytes) -> Iterator[Path]:
    """``data`` in place of ``root/name`` for the duration; the original comes back after."""
    path = root / name
    original = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        yield path
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


# ------------------------------------------------------------------------------ mutations


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A bundled content file, changed by one to three random edits."""
    name = draw(st.sampled_from(CONTENT_FILES))
    lines = ORIGINALS[name].split(b"\n")
    index = st.integers(0, len(lines) - 1)
    for _ in range(draw(st.integers(1, 3))):
        edits = ["delete", "duplicate", "swap", "indent", "value", "mark", "bytes"]
        edit = draw(st.sampled_from(edits))
        at = draw(index) % len(lines)
        if edit == "delete" and len(lines) > 1:
            del lines[at]
        elif edit == "duplicate":
            lines.insert(at, lines[at])
        elif edit == "swap":
            other = draw(index) % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif edit == "indent":
            shift = draw(st.integers(-4, 4))
            line = lines[at]
            lines[at] = b" " * shift + line if shift > 0 else line[min(-shift, len(line)) :]
        elif edit == "value":
            value = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=30)))
            key, colon, _ = lines[at].partition(b": ")
            lines[at] = key + (colon or b": ") + value.encode("utf-8", "surrogatepass")
        elif edit == "mark":  # what an author mistypes: a character YAML reads as syntax
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.sampled_from(YAML_MARKS)) + line[cut:]
        else:
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.binary(min_size=1, max_size=6)) + line[cut:]
    data = b"\n".join(lines)
    if draw(st.integers(0, 4)) == 0:  # cut short, as by a full disk or an interrupted copy
        data = data[: draw(st.integers(0, len(data)))]
    return name, data


def assert_located(problem: Problem, files: dict[Path, bytes]) -> None:
    """A problem names a content file and a place in it, on one line."""
    assert isinstance(problem, Problem)
    assert problem.path in files, problem
    lines = files[problem.path].count(b"\n") + 1
    assert 1 <= problem.line <= lines, problem
    assert problem.column >= 1, problem
    text = str(problem)
    assert "\n" not in text and "\r" not in text
    assert text.startswith(f"{problem.path}:{problem.line}:{problem.column}:")


def corpus_files(root: Path) -> dict[Path, bytes]:
    """Every content file under ``root`` with its bytes, as problems name them."""
    found = [*root.glob("*.yaml"), *root.glob("*.yml"), *(root / "letters").glob("*")]
    found += (root / "qa").glob("*")
    return {p: p.read_bytes() for p in found if p.is_file()}


@examples(100)
@given(mutations())
def test_loading_a_mutated_file_gives_data_or_located_problems(
    content: Path, change: tuple[str, bytes]
) -> None:
    name, data = change
    with written(content, name, data) as path:
        document, problems = load_document(path)
        for problem in problems:
            assert_located(problem, {path: data})
        if document.data is None:
            assert problems, "a file without data must say why"


@examples(100)
@given(mutations())
def test_libyaml_reads_a_file_as_the_pure_python_loader_does(
    content: Path, change: tuple[str, bytes]
) -> None:
    """The fast path gives the data, the positions and the problems the loader that explains
    every mistake gives: an author is pointed at the same line whichever read the file."""
    name, data = change
    with written(content, name, data) as path:
        fast, fast_problems = load_document(path)
        with mock.patch("briefing.loading.fast_node", return_value=None):
            slow, slow_problems = load_document(path)
    assert fast.data == slow.data
    assert (fast.positions, fast.unreadable) == (slow.positions, slow.unreadable)
    assert [str(p) for p in fast_problems] == [str(p) for p in slow_problems]


@examples(80)
@given(mutations())
def test_checking_a_mutated_corpus_never_crashes(content: Path, change: tuple[str, bytes]) -> None:
    name, data = change
    with written(content, name, data):
        corpus = load_corpus(content)
        files = corpus_files(content)
        for problem in [*corpus.problems, *warnings(corpus)]:
            assert_located(problem, files)
        if not corpus.errors:
            assert len(corpus.letters) == 2
        event("errors" if corpus.errors else "no errors")
        letter_file = content / name
        if name.startswith("letters/") and any(p.path == letter_file for p in corpus.errors):
            assert all(s.path != letter_file for s in corpus.letters), "a bad letter is built"
        for source in corpus.letters:
            assert_safe_html(letter_html(source, content))


# ---------------------------------------------------------------------- generated letters

IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
#: Random text: any printable unicode, with hostile fragments and inline markup mixed in.
TEXT = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
        st.sampled_from(HOSTILE),
        st.sampled_from(["*nadruk*", "**sterk**", "[site](https://www.example.org/a?b=c&d=e)"]),
    ),
    min_size=1,
    max_size=5,
).map("".join)
#: Mostly real days; now and then one that does not exist or is not written as a day.
DATES = st.one_of(
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(str),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(str),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(str),
    st.sampled_from(["2021-02-30", "2019-00-10", "13-11-2018", "najaar 2019", ""]),
)


@st.composite
def sections(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    """A section with random text, and sometimes subsections."""
    section: dict[str, Any] = {"id": draw(IDS)}
    if draw(st.booleans()):
        section["heading"] = draw(TEXT)
    section["body"] = draw(
        st.lists(st.one_of(TEXT, st.builds(dict, items=st.lists(TEXT, min_size=1, max_size=3))))
    )
    if draw(st.booleans()):
        section["summary"] = draw(st.lists(TEXT, max_size=2))
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        section["sections"] = draw(st.lists(sections(depth + 1), min_size=1, max_size=2))
    return section


def _renamed_apart(sections: list[dict[str, Any]], seen: set[str]) -> None:
    """Give every section an id of its own (the corpus refuses duplicates)."""
    for section in sections:
        while section["id"] in seen:
            section["id"] += "-b"
        seen.add(section["id"])
        _renamed_apart(section.get("sections", []), seen)


@st.composite
def letters(draw: st.DrawFn) -> dict[str, Any]:
    """A letter as an author might write it: mostly valid, with random ids, dates and text,
    and now and then a mistake (no sections, a duplicate section id, a footnote not called,
    an unknown debate)."""
    letter: dict[str, Any] = {
        "id": "2030-01-01-gegenereerd",
        "date": draw(DATES),
        "subject": draw(TEXT),
        "sender": {
            "ministry": draw(TEXT),
            "directorate": draw(TEXT),
            "visiting_address": draw(st.lists(TEXT, min_size=1, max_size=2)),
            "postal_address": [draw(TEXT)],
        },
        "references": {"ours": [draw(TEXT)]},
        "addressee": {"lines": draw(st.lists(TEXT, min_size=1, max_size=3))},
        "salutation": draw(TEXT),
        "signatory": {"title": draw(TEXT), "name": draw(TEXT)},
        "sections": draw(st.lists(sections(), min_size=1, max_size=3)),
    }
    mistake = draw(st.sampled_from(["none"] * 6 + ["sections", "duplicate", "footnote", "debate"]))
    if mistake != "duplicate":
        _renamed_apart(letter["sections"], set())
    if mistake == "sections":
        letter["sections"] = []
    footnotes = draw(st.dictionaries(IDS, TEXT, max_size=2))
    if footnotes:
        letter["footnotes"] = footnotes
        for footnote in footnotes:
            if letter["sections"] and mistake != "footnote":
                letter["sections"][0]["body"].append(f"Zie noot.[^{footnote}]")
    if draw(st.booleans()):
        debate = "ao-bestaat-niet" if mistake == "debate" else "ao-imvo-2018-11-14"
        letter["debate"] = debate
    return letter


def letter_html(source: Any, content: Path) -> str:
    """A letter's HTML, made as the build makes it (without the PDF)."""
    return html_of(content, f"letters/{source.letter.id}.pdf")


def warnings(corpus: Corpus) -> list[Problem]:
    """What ``check`` warns about."""
    return content_warnings(corpus, Index(corpus).findings(dt.date.today()))


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of style elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def assert_safe_html(html: str) -> None:
    """No markup in the HTML comes from content: hostile fragments are only ever text."""
    parser = _Tags()
    parser.feed(html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "iframe", "svg", "object", "embed"}, names
    assert all(EVIL not in style for style in parser.styles)
    for tag, attributes in parser.tags:
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                assert EVIL not in value, f"content reached <{tag} {name}={value!r}>"
            assert not name.startswith("on"), (tag, name)
        if tag in ("img", "link"):  # the template's own emblem and stylesheets only
            source = attributes.get("src") or attributes.get("href", "")
            assert source.startswith("file://") and "/templates/" in source, (tag, source)
        elif tag == "a":  # web and mail links, citations, and links between the documents
            href = attributes.get("href", "")
            assert re.match(r"(https?://|mailto:|#|(\.\./[a-z]+/)?[a-z0-9-]+\.pdf)", href), href


@examples(60)
@given(letters())
def test_a_generated_letter_is_checked_and_its_text_printed_as_text(
    content: Path, letter: dict[str, Any]
) -> None:
    data = yaml.safe_dump(letter, allow_unicode=True, sort_keys=False).encode("utf-8")
    with written(content, "letters/2030-01-01-gegenereerd.yaml", data) as path:
        corpus = load_corpus(content)
        files = corpus_files(content)
        for problem in [*corpus.problems, *warnings(corpus)]:
            assert_located(problem, files)
        source = next((s for s in corpus.letters if s.path == path), None)
        if source is None:
            assert any(p.path == path for p in corpus.errors), "refused without a reason"
            event("refused")
            return
        event("accepted")
        html = letter_html(source, content)
        assert_safe_html(html)
        for fragment in HOSTILE:
            if "<" in fragment and fragment in path.read_text(encoding="utf-8"):
                assert fragment not in html


def _valid_text(text: str) -> bool:
    try:
        check_inline(text)
    except ValueError:
        return False
    return 0 < len(text.strip()) <= 200 and "[^" not in text


@examples(3)
@given(st.lists(TEXT.filter(_valid_text), min_size=4, max_size=4))
def test_every_report_prints_generated_text_as_text(content: Path, texts: list[str]) -> None:
    """Briefings and sector summaries too, with generated text in the places they print;
    few examples, as every example renders some twenty reports."""
    subject, summary, milestone, note = texts
    letter = yaml.safe_load(MINIMAL_LETTER.read_text(encoding="utf-8"))
    letter.update(id="2030-01-01-gegenereerd", date="2018-11-13", subject=subject)
    letter["debate"] = "ao-imvo-2018-11-14"
    letter["sections"][0].update(
        heading=summary,
        summary=[summary],
        sectors=["goud"],
        milestones=[{"what": milestone, "due": "najaar 2019", "sectors": ["goud"]}],
        sector_events=[{"sector": "goud", "status": "ondertekend", "note": note}],
    )
    data = yaml.safe_dump(letter, allow_unicode=True, sort_keys=False).encode("utf-8")
    with written(content, "letters/2030-01-01-gegenereerd.yaml", data):
        corpus = load_corpus(content)
        assert not corpus.errors, [str(p) for p in corpus.errors]
        index = Index(corpus)
        outputs = plan(index)
        assert len(outputs.reports) > 10
        for output in outputs.outputs:
            html = render(output, index, load_settings(content), {})[0]
            assert_safe_html(html)
            for text in texts:
                for fragment in HOSTILE:
                    if "<" in fragment and fragment in text:
                        assert fragment not in html


# ------------------------------------------------------------------------ smaller parts


@examples(300)
@given(st.one_of(st.text(), TEXT).map(lambda text: text.replace("[", "").replace("]", "")))
def test_text_without_brackets_has_no_markup_to_refuse(text: str) -> None:
    """Inline markup is checked only where a bracket is: without one, the full check
    finds nothing to refuse either."""
    check_markup(text)
    assert check_inline(text) == text


@examples(300)
@given(st.one_of(st.text(), TEXT))
def test_inline_markup_is_checked_or_refused_and_always_escaped(text: str) -> None:
    try:
        check_inline(text)
    except ValueError as exc:
        assert str(exc)
    html = str(render_inline(text, lambda footnote_id: render_inline("noot")))
    allowed = re.compile(
        r'</?(?:em|strong)>|<a (?:class="kst" )?href="[^"<>]*">|</a>|<span class="nobr">|</span>'
    )
    assert "<" not in allowed.sub("", html), html


@examples(300)
@given(
    st.one_of(
        st.text(max_size=40),
        st.from_regex(r"(\d{1,2} [a-z]+ |[a-z ]{0,20})\d{4}|\d{4}-\d{2}-\d{2}", fullmatch=True),
    )
)
def test_fuzzy_dates_and_kamerstuk_numbers_parse_or_explain(text: str) -> None:
    for parse in (FuzzyDate.parse, Kamerstuk.parse):
        try:
            value = parse(text)
        except ValueError as exc:
            assert str(exc) and "\n" not in str(exc)
        else:
            assert str(value)
    try:
        parsed = FuzzyDate.parse(text)
    except ValueError:
        return
    assert parsed.start <= parsed.end


@examples(60)
@given(
    st.dictionaries(
        st.sampled_from(["font_family", "emblem", "kleur"]),
        st.one_of(st.sampled_from(TOKENS), st.text(max_size=30), st.integers()),
        max_size=3,
    )
)
def test_settings_load_or_raise_a_content_error(content: Path, values: dict[str, Any]) -> None:
    data = yaml.safe_dump(values, allow_unicode=True).encode("utf-8")
    with written(content, "settings.yaml", data):
        try:
            loaded = load_settings(content)
        except BriefingError as exc:
            assert "settings.yaml:" in str(exc)
        else:
            assert isinstance(loaded, Settings)
            assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 \-]*", loaded.font_family)


def test_a_letter_full_of_hostile_text_is_accepted_and_printed_as_text(content: Path) -> None:
    """The properties above are not vacuous: hostile text in every field of a valid letter
    passes the checks, and the letter's HTML holds it as text only."""
    hostile = " ".join(HOSTILE)
    letter = {
        "id": "2030-01-01-gegenereerd",
        "date": "2030-01-01",
        "subject": HOSTILE[0],
        "sender": {
            "ministry": HOSTILE[1],
            "directorate": HOSTILE[2],
            "visiting_address": [HOSTILE[3]],
            "postal_address": [HOSTILE[4]],
        },
        "references": {"ours": [HOSTILE[5]], "yours": HOSTILE[6], "attachments": [HOSTILE[7]]},
        "addressee": {"lines": HOSTILE[:3]},
        "salutation": HOSTILE[8],
        "signatory": {"title": HOSTILE[9], "name": HOSTILE[10]},
        "sections": [
            {
                "id": "een",
                "heading": hostile,
                "body": [hostile + "[^noot]", {"items": HOSTILE}],
                "summary": [hostile],
            }
        ],
        "footnotes": {"noot": hostile},
    }
    data = yaml.safe_dump(letter, allow_unicode=True, sort_keys=False).encode("utf-8")
    with written(content, "letters/2030-01-01-gegenereerd.yaml", data) as path:
        corpus = load_corpus(content)
        assert not corpus.errors, [str(p) for p in corpus.errors]
        source = next(s for s in corpus.letters if s.path == path)
        html = letter_html(source, content)
    assert_safe_html(html)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "{{ settings }}" in html
    assert EVIL in html  # printed, as text
