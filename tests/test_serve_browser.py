"""The preview and the HTML edition in a real browser: headless Chromium from the distribution
(``/usr/bin/chromium``, or ``$CHROMIUM``), driven by Playwright, never a downloaded browser.

The browser starts once for this module. Where it is missing the tests are skipped with the
reason, and fail under CI, whose set-up installs it (``make browser``). Waits are generous
(10 s) and never a measure: the bench times the preview (``python -m bench.preview``).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from briefing.edition import write_edition
from briefing.layout import EDITION_DIR
from tests.conftest import cli
from tests.test_edition import import_real_letters
from tests.test_serve import LETTER, SENTENCE, Served, copy_of, planned_pages, serving

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
#: Chromium runs as root here, and must not try to reach the outside.
ARGUMENTS = [
    "--no-sandbox",
    "--headless",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Milliseconds the browser waits for a page to show what a test expects.
WAIT = 10_000
#: The impacts that axe-core reports and that must not occur.
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium, once for the module."""
    if not CHROMIUM.is_file():
        reason = f"no browser at {CHROMIUM}: install it (make browser, or apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page, whose tests may evaluate scripts the pages' policy would refuse."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def served(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The preview of a copy of the bundled content; tests that change it put it back."""
    content, out = copy_of(built, tmp_path_factory.mktemp("preview"))
    with serving(content, out) as server:
        yield server


def serious_violations(page: Page) -> list[str]:
    """What axe-core finds on the page with a serious or critical impact, one line each."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def test_the_index_lists_every_output(served: Served, page: Page) -> None:
    page.goto(served.url)
    links = page.locator("main a:not(.pdf)")
    shown = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert shown == planned_pages(served.content)
    headings = page.locator("main h2").all_inner_texts()
    assert headings == [
        "Kamerbrieven",
        "Dossiers voor debatten",
        "Sectoroverzichten",
        "Overzicht van alle sectoren",
    ]
    page.get_by_role("link", name="Voortgang IMVO-beleid", exact=True).click()
    page.wait_for_url(f"**/letters/{LETTER}.html")
    assert page.title() == "Voortgang IMVO-beleid"


def test_a_page_shows_a_letters_text(served: Served, page: Page) -> None:
    page.goto(f"{served.url}letters/{LETTER}.html")
    assert SENTENCE in " ".join(page.locator("main").inner_text().split())
    assert page.get_by_role("link", name="Dit document als PDF").get_attribute("href") == (
        f"{LETTER}.pdf"
    )


def test_a_link_from_a_briefing_leads_to_the_letters_section(served: Served, page: Page) -> None:
    page.goto(f"{served.url}briefings/ao-imvo-2018-11-14.html")
    link = page.locator("a.source[href*='#s-']").first
    href = link.get_attribute("href") or ""
    link.click()
    page.wait_for_url(re.compile(re.escape(href.removeprefix("..")) + "$"))
    anchor = href.partition("#")[2]
    assert page.locator(f"section#{anchor}").is_visible()


def _edit(path: Path, old: str, new: str) -> str:
    """Replace ``old`` by ``new`` in a content file; return the text it had."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text


def test_an_edit_shows_in_the_open_page_without_a_reload(served: Served, page: Page) -> None:
    page.goto(f"{served.url}letters/{LETTER}.html")
    page.evaluate("window.stillTheSamePage = true")
    letter = served.content / "letters" / f"{LETTER}.yaml"
    before = _edit(letter, "uitvoering van een viertal moties", "uitvoering van zeven moties")
    try:
        page.wait_for_function(
            "document.querySelector('main').innerText.includes('uitvoering van zeven moties')",
            timeout=WAIT,
        )
        assert page.evaluate("window.stillTheSamePage") is True
    finally:
        letter.write_text(before, encoding="utf-8")
    page.wait_for_function(
        "document.querySelector('main').innerText.includes('een viertal moties')", timeout=WAIT
    )


def test_a_content_error_shows_in_the_page_until_it_is_fixed(served: Served, page: Page) -> None:
    page.goto(f"{served.url}letters/{LETTER}.html")
    letter = served.content / "letters" / f"{LETTER}.yaml"
    before = _edit(letter, "date: 2018-11-13", "date: 2018-13-11")
    try:
        checked = cli("check", "--content", served.content)
        [problem] = [line for line in checked.stderr.splitlines() if line.startswith(str(letter))]
        assert problem.startswith(f"{letter}:3:1: date: '2018-13-11' has no month 13")
        page.get_by_text(problem, exact=True).wait_for(timeout=WAIT)
        assert page.title() == "Fouten in de inhoud"
    finally:
        letter.write_text(before, encoding="utf-8")
    page.get_by_text(SENTENCE).wait_for(timeout=WAIT)
    assert page.title() == "Voortgang IMVO-beleid"


def test_a_letters_warnings_show_above_its_page_until_it_is_mended(
    served: Served, page: Page
) -> None:
    """A value left as the import's placeholder: the open letter's page shows the warning as
    check gives it, in a box axe finds nothing serious in, and so does the index; another
    letter's page does not, and the box goes once the value is filled in."""
    page.goto(f"{served.url}letters/{LETTER}.html")
    notes = page.get_by_role("complementary", name="Na te kijken in de inhoud")
    letter = served.content / "letters" / f"{LETTER}.yaml"
    before = _edit(letter, "    - BZ\n", "    - onbekend\n")
    try:
        checked = cli("check", "--content", served.content)
        [warning] = [line for line in checked.stderr.splitlines() if "'onbekend'" in line]
        assert warning.startswith(f"{letter}:17:7: references.ours[0]: warning: still")
        notes.get_by_text(warning, exact=True).wait_for(timeout=WAIT)
        assert serious_violations(page) == []
        page.goto(f"{served.url}index.html")
        assert notes.get_by_text(warning, exact=True).is_visible()
        page.goto(
            f"{served.url}letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.html"
        )
        assert notes.count() == 0
        page.goto(f"{served.url}letters/{LETTER}.html")
        assert notes.is_visible()
    finally:
        letter.write_text(before, encoding="utf-8")
    notes.wait_for(state="detached", timeout=WAIT)
    # the page updates itself once the box goes: its text is back when that is done
    page.get_by_text(SENTENCE).wait_for(state="visible", timeout=WAIT)


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        f"letters/{LETTER}.html",
        "briefings/ao-imvo-2018-11-14.html",
        "sectors/kleding-textiel.html",
        "sectors/overzicht.html",
    ],
)
def test_axe_finds_nothing_serious_in_the_preview(served: Served, page: Page, path: str) -> None:
    page.goto(f"{served.url}{path}")
    assert serious_violations(page) == []


@pytest.fixture(scope="module")
def edition(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML edition of the bundled content, beside a copy of its build."""
    out = tmp_path_factory.mktemp("edition") / "out"
    shutil.copytree(built, out)
    report = write_edition(Path(__file__).resolve().parents[1] / "content", out)
    assert not report.problems
    return out / EDITION_DIR


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        f"letters/{LETTER}.html",
        "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.html",
        "briefings/ao-imvo-2018-11-14.html",
        "sectors/goud.html",
        "sectors/overzicht.html",
    ],
)
def test_axe_finds_nothing_serious_in_the_html_edition(
    edition: Path, page: Page, path: str
) -> None:
    page.goto((edition / path).as_uri())
    assert page.evaluate("document.scripts.length") == 0
    assert serious_violations(page) == []


def test_the_html_edition_reads_on_a_small_screen(edition: Path, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, bypass_csp=True)
    try:
        small = context.new_page()
        small.goto((edition / f"letters/{LETTER}.html").as_uri())
        refcol = small.locator("aside.refcol-first").bounding_box()
        text = small.locator("main").bounding_box()
        assert refcol and text and refcol["y"] < text["y"]  # above the text, not beside it
        assert small.evaluate("document.documentElement.scrollWidth") <= 375
        assert serious_violations(small) == []
    finally:
        context.close()


def test_axe_finds_nothing_serious_on_the_real_letters(
    content_copy: Path, tmp_path: Path, page: Page
) -> None:
    imported = import_real_letters(content_copy)
    assert write_edition(content_copy, tmp_path / "out").problems == []
    for letter in imported:
        page.goto((tmp_path / "out" / EDITION_DIR / f"letters/{letter.stem}.html").as_uri())
        assert serious_violations(page) == [], letter.name


def test_a_footnote_called_again_stands_in_the_text_again(
    content_copy: Path, tmp_path: Path, page: Page
) -> None:
    """On a screen a footnote stands in the text at its call; called a second time, as a
    letter may ("een afschrift¹ ... treft u bijgaand aan¹"), it stands there again, where the
    PDF prints only its number."""
    letter = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    path = content_copy / "letters" / f"{letter}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("door de diverse partijen.", "door de diverse partijen.[^cbl-actieplan]", 1),
        encoding="utf-8",
    )
    assert write_edition(content_copy, tmp_path / "out").problems == []
    page.goto((tmp_path / "out" / EDITION_DIR / f"letters/{letter}.html").as_uri())
    shown = " ".join(page.locator("main").inner_text().split())  # without what CSS adds
    note = "https://www.cbl.nl/app/uploads/2022/01/Actieplan-2022-"
    assert f"actieplan voor zijn leden gepresenteerd.{note}" in shown
    assert f"ondernomen kunnen worden door de diverse partijen.{note}" in shown
    assert shown.count(note) == 2
    again = page.locator("main .footnote-repeat")
    assert again.is_visible()
    before = "e => getComputedStyle(e, '::before').content"
    assert again.evaluate(before) == page.locator("main .footnote").first.evaluate(before)
