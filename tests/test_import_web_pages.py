"""``briefing import`` on a web page saved from a browser ("Save page as"): its text is read as
a copy of the page gives it, so that the page imports as the copied text does; the site's
navigation, banners and footers, and whatever markup the page holds, never reach the draft."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

import pytest
import yaml

from briefing.importing.source import read_source
from briefing.layout import templates_dir
from briefing.write import write_pdf
from tests.conftest import CONTENT, FIXTURES, cli, html_of, normalise, text_of

IMPORT = FIXTURES / "import"
PAGES = IMPORT / "web-pages"
LETTER_PAGE = PAGES / "kst-26488-72.html"
LETTER_ID = "2008-05-22-behoeftestelling-vervanging-f-16"


def _content(tmp_path: Path, name: str = "content") -> Path:
    content = tmp_path / name
    shutil.copytree(CONTENT, content)
    return content


def _imported(tmp_path: Path, page: Path, name: str) -> tuple[str, str]:
    """The draft that importing ``page`` into a copy of the content called ``name`` writes,
    and the notes, with the page's path as PAGE."""
    content = _content(tmp_path, name)
    run = cli("import", page, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = (content / "letters" / f"{LETTER_ID}.yaml").read_text(encoding="utf-8")
    return draft, run.stderr.replace(str(page), "PAGE")


def _without_source_line(draft: str) -> str:
    """The draft without its first comment, which names the imported file."""
    lines = draft.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Draft imported from"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("#   "))
    return "\n".join(lines[:start] + lines[end:])


def test_a_saved_officielebekendmakingen_page_imports_as_its_copied_text(tmp_path: Path) -> None:
    """The page of Kamerstuk 26 488, nr. 72 as saved from the browser: the publication in
    ``<div id="broodtekst">``, its footnote in ``<div id="noten">`` after it, the site's
    cookie banner, menus, breadcrumb, sidebar and footer around it. It gives the draft that
    the text copied from the page gives, footnote included; the notes point at the lines of
    the HTML."""
    content = _content(tmp_path)
    run = cli("import", LETTER_PAGE, "--content", content)
    target = content / "letters" / f"{LETTER_ID}.yaml"
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {target}\n"
    assert run.stderr == (
        f"{LETTER_PAGE}:34: no subject in the text; the draft proposes 'Behoeftestelling "
        "vervanging F-16' (the dossier's title): write the letter's own subject\n"
        f"{LETTER_PAGE}:37: no sender in the text and none to copy; fill in "
        "sender.directorate and the addresses\n"
        f"{LETTER_PAGE}:37: no 'Onze referentie' in the text; references.ours is 'onbekend': "
        "fill it in\n"
    )
    from_page = target.read_text(encoding="utf-8")
    assert "# Draft imported from kst-26488-72.html (Kamerstuk layout, from the saved web" in (
        from_page
    )
    copied = _content(tmp_path, "copied")
    assert cli("import", IMPORT / "kst-26488-72.txt", "--content", copied).returncode == 0
    from_text = (copied / "letters" / f"{LETTER_ID}.yaml").read_text(encoding="utf-8")
    assert _without_source_line(from_page) == _without_source_line(from_text)
    draft = yaml.safe_load(from_page)
    assert draft["kamerstuk"] == "26 488, nr. 72"
    assert draft["signatory"] == {
        "title": "De staatssecretaris van Defensie,",
        "name": "J. G. de Vries",
    }
    assert draft["sections"][0]["body"][0].startswith(
        "In bijlage bied ik u aan[^ter-vertrouwelijke-inzage-gelegd] het Memorandum of"
    )
    assert draft["footnotes"] == {
        "ter-vertrouwelijke-inzage-gelegd": "Ter vertrouwelijke inzage gelegd, alleen voor de "
        "leden, bij het Centraal Informatiepunt van de Tweede Kamer der Staten-Generaal."
    }
    for site in ("cookies", "Uitgebreid zoeken", "U bent hier", "Gerelateerde", "Permanente"):
        assert site not in from_page


def test_a_saved_tweedekamer_letter_page_imports_as_its_copied_text(tmp_path: Path) -> None:
    """A letter's page on tweedekamer.nl, the publication in ``<main>``: the site's title
    above the paper ("Brief regering : ...") is the subject, as in the copied text, and the
    skip link, cookie banner, menu, search form, share buttons and footer are left out."""
    page = PAGES / "tk-2019D37354.html"
    content = _content(tmp_path)
    run = cli("import", page, "--content", content)
    assert run.returncode == 0, run.stderr
    (target,) = (content / "letters").glob("2019-09-25-*.yaml")
    assert run.stdout == f"wrote {target}\n"
    assert run.stderr.startswith(
        f"{page}:24: the subject has 203 characters, more than the 200 a subject holds;"
    )
    copied = _content(tmp_path, "copied")
    assert cli("import", IMPORT / "tk-2019D37354.txt", "--content", copied).returncode == 0
    (from_text,) = (copied / "letters").glob("2019-09-25-*.yaml")
    from_page = target.read_text(encoding="utf-8")
    assert _without_source_line(from_page) == _without_source_line(
        from_text.read_text(encoding="utf-8")
    )
    for site in ("Overslaan", "cookie", "Kamerleden en commissies", "Zoek", "Deel op", "Privacy"):
        assert site not in from_page


def test_a_saved_motion_page_adds_the_motion_its_copied_text_adds(tmp_path: Path) -> None:
    """The motion Van der Staaij (Kamerstuk 32 500-VII, nr. 37) as officielebekendmakingen.nl's
    page holds it: the same entry of ``motions.yaml`` as the text copied from the page."""
    page = PAGES / "kst-32500-VII-37.html"
    content = _content(tmp_path)
    run = cli("import", page, "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion van-der-staaij-32500-vii-37\n"
    assert run.stderr == ""
    copied = _content(tmp_path, "copied")
    assert cli("import", IMPORT / "kst-32500-VII-37.txt", "--content", copied).returncode == 0
    assert (content / "motions.yaml").read_text(encoding="utf-8") == (
        copied / "motions.yaml"
    ).read_text(encoding="utf-8")
    motions = yaml.safe_load((content / "motions.yaml").read_text(encoding="utf-8"))["motions"]
    motion = next(m for m in motions if m["id"] == "van-der-staaij-32500-vii-37")
    assert motion["kamerstuk"] == "32 500-VII, nr. 37"
    assert str(motion["submitted"]) == "2010-12-02"
    assert motion["submitters"] == ["Van der Staaij"]
    assert motion["request"].startswith("verzoekt de regering in het kabinetsstandpunt")


#: What a hostile page could hold: none of it is the letter's text.
_HOSTILE = (
    '<script>document.write("SCRIPTED")</script>'
    "<style>p { content: 'STYLED' }</style>"
    "<p onclick=\"alert('CLICKED')\">Dit is de eerste alinea van de brief.</p>"
    '<img src="file:///etc/passwd" alt="PASSWD">'
    '<iframe src="https://example.org/">FRAMED</iframe>'
    "<noscript>NOSCRIPT</noscript><template>TEMPLATED</template>"
)


def test_nothing_but_the_pages_text_reaches_the_draft_or_the_pdf(tmp_path: Path) -> None:
    """A script, a style, an ``onclick``, an image of a local file and an embedded frame in the
    letter's text: the draft holds the paragraph's text only, and so does its PDF."""
    page = tmp_path / "kst-26488-72.html"
    html = LETTER_PAGE.read_text(encoding="utf-8")
    html = html.replace('<div class="alineagroep">', f'<div class="alineagroep">{_HOSTILE}')
    page.write_text(html, encoding="utf-8")
    content = _content(tmp_path)
    run = cli("import", page, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = (content / "letters" / f"{LETTER_ID}.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(draft)["sections"][0]["body"][0] == (
        "Dit is de eerste alinea van de brief."
    )
    pdf = tmp_path / "letter.pdf"
    write_pdf(html_of(content, f"letters/{LETTER_ID}.pdf"), pdf, templates_dir())
    text = text_of(pdf)
    assert "Dit is de eerste alinea van de brief." in text
    for made in ("SCRIPTED", "STYLED", "CLICKED", "PASSWD", "passwd", "FRAMED", "NOSCRIPT"):
        assert made not in draft and made not in text
    assert "TEMPLATED" not in draft and "<" not in normalise(draft.split("sections:")[1])


def test_a_saved_page_without_a_letter_is_refused_as_a_copy_of_it_is(tmp_path: Path) -> None:
    """tweedekamer.nl's page of a motion in 2015 holds its vote, not its text: refused with the
    message a copy of that text gets, at the line of the HTML where the page's text starts."""
    page = PAGES / "tk-2015D04817.trimmed.html"
    content = _content(tmp_path)
    run = cli("import", page, "--content", content)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.startswith(
        f"briefing: error: {page}:160: this is neither a letter nor a motion in a layout the "
        "importer reads; it reads a letter as the text of the ministry's PDF"
    )
    assert run.stderr.count("\n") == 1
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(line.text for line in read_source(page).lines), encoding="utf-8")
    again = cli("import", copied, "--content", content)
    assert again.stderr.replace(f"{copied}:1:", f"{page}:160:") == run.stderr


def test_a_page_declaring_windows_1252_is_read_in_it(tmp_path: Path) -> None:
    """A page saved in Windows-1252 that says so (``<meta charset=windows-1252>``): "Initiële"
    and "Italië" come out as written, not as an error or as mangled bytes."""
    html = LETTER_PAGE.read_text(encoding="utf-8").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
        "<meta charset=windows-1252>",
    )
    page = tmp_path / "kst-26488-72.html"
    page.write_bytes(html.encode("cp1252"))
    content = _content(tmp_path)
    run = cli("import", page, "--content", content)
    assert run.returncode == 0, run.stderr
    body = yaml.safe_load((content / "letters" / f"{LETTER_ID}.yaml").read_text("utf-8"))
    assert "de Initiële Operationele Test" in body["sections"][0]["body"][0]
    assert "toetreding van Italië en Nederland" in body["sections"][0]["body"][0]


def test_a_page_not_in_the_character_set_it_declares_is_refused_saying_so(
    tmp_path: Path,
) -> None:
    """The same page in Windows-1252 without saying so: UTF-8 is read, and the first byte that
    is not UTF-8 is named with its line, and what to do."""
    html = LETTER_PAGE.read_text(encoding="utf-8").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', ""
    )
    page = tmp_path / "kst-26488-72.html"
    page.write_bytes(html.encode("cp1252"))
    run = cli("import", page, "--content", _content(tmp_path))
    assert run.returncode == 1
    assert run.stderr == (
        f"briefing: error: {page}:5: the page declares no character set (UTF-8 is read), but "
        "byte 0xeb at line 5 is not in it; save the page again as UTF-8, or declare the "
        "character set it is in (<meta charset=windows-1252>)\n"
    )


def test_a_page_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    """XHTML after its XML declaration is a page, also named ``.txt``; the official XML and a
    text named ``.html`` are read as before."""
    xhtml = tmp_path / "brief.txt"
    xhtml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>\n'
        "<body><p>Den&#160;Haag,<br/>22 mei 2008</p><p>Een &amp; twee</p></body></html>\n",
        encoding="utf-8",
    )
    source = read_source(xhtml)
    assert source.kind == "html"
    assert [(line.number, line.text) for line in source.lines] == [
        (4, "Den\u00a0Haag,"),
        (4, "22 mei 2008"),
        (4, ""),
        (4, "Een & twee"),
    ]
    assert read_source(IMPORT / "kst-26485-395.xml").kind == "xml"
    text = tmp_path / "brief.html"
    text.write_text("26 488\nBehoeftestelling vervanging F-16\n", encoding="utf-8")
    assert read_source(text).kind == "text"


#: tweedekamer.nl's letter page as other sites and tools write a page: without a main element
#: and with its head left open (the body ends it); without a main element, the letter in a
#: wrapper whose class names a sidebar beside it; with a main element that a script fills in
#: the browser, so that the saved one is empty.
_MAIN = '<main id="main-content" role="main">'
_VARIANTS: dict[str, list[tuple[str, str]]] = {
    "head left open": [
        ("</main>", "</div>"),
        (_MAIN, '<div id="main-content">'),
        ("</head>", ""),
    ],
    "wrapper named for a sidebar": [
        ("</main>", "</div>"),
        (_MAIN, '<div class="layout--with-sidebar">'),
    ],
    "empty main": [
        ("</main>", "</div>"),
        (_MAIN, '<main id="app"></main><div id="main-content">'),
    ],
}


@pytest.mark.parametrize("variant", list(_VARIANTS))
def test_a_page_written_otherwise_gives_the_same_draft(tmp_path: Path, variant: str) -> None:
    """Each variant of the letter's page imports to the draft the saved page gives."""
    original = PAGES / "tk-2019D37354.html"
    html = original.read_text(encoding="utf-8")
    for old, new in _VARIANTS[variant]:
        assert old in html
        html = html.replace(old, new)
    page = tmp_path / original.name
    page.write_text(html, encoding="utf-8")
    known = {path.name for path in (CONTENT / "letters").iterdir()}
    drafts = []
    for source, name in ((original, "saved"), (page, "variant")):
        content = _content(tmp_path, name)
        run = cli("import", source, "--content", content)
        assert run.returncode == 0, run.stderr
        (written,) = [p for p in (content / "letters").iterdir() if p.name not in known]
        drafts.append(written.read_text(encoding="utf-8"))
    assert drafts[0] == drafts[1]


def test_footnotes_numbered_in_a_list_are_read_as_a_copy_gives_them(tmp_path: Path) -> None:
    """A letter whose page numbers its footnotes after the signature in a list that prints the
    numbers ("1 Kamerstuk 24 515, nr. 431"): no second number is put before them, and the draft
    is the one the copied text gives, its four footnotes called where the text calls them."""
    source = IMPORT / "tk-2018D55739.noten.txt"
    lines = source.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1 Kamerstuk"))
    notes = "".join(f"<li>{line}</li>\n" for line in lines[first : first + 4])
    page = tmp_path / "tk-2018D55739.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Brief</title></head><body><main><div>"
        + "<br>\n".join(lines[:first])
        + f"</div><ol>{notes}</ol><div>"
        + "<br>\n".join(lines[first + 4 :])
        + "</div></main></body></html>\n",
        encoding="utf-8",
    )
    drafts = []
    for name, imported in (("copied", source), ("saved", page)):
        content = _content(tmp_path, name)
        run = cli("import", imported, "--content", content)
        assert run.returncode == 0, run.stderr
        (written,) = (content / "letters").glob("2018-*-kinderen*.yaml")
        drafts.append(_without_source_line(written.read_text(encoding="utf-8")))
    assert drafts[0] == drafts[1]
    assert len(yaml.safe_load(drafts[1])["footnotes"]) == 4


def test_a_page_with_windows_line_ends_and_preformatted_text_gives_clean_lines(
    tmp_path: Path,
) -> None:
    """A page saved with Windows line ends, its text preformatted (``<pre>``) with a tab and a
    form feed in it, and a soft hyphen in a word: the lines a copy gives, numbered as an editor
    counts them, the tab a space, the form feed and the soft hyphen gone, no carriage return
    left at a line's end."""
    page = tmp_path / "brief.html"
    page.write_bytes(
        b"<!DOCTYPE html>\r\n<body>\r\n<pre>Den Haag,\t22 mei 2008\x0c\r\nGeachte voorzitter,</pre>"
        b"\r\n<p>Met deze\r\nbrief over de gemeente&shy;raad</p>"
    )
    assert [(line.number, line.text) for line in read_source(page).lines] == [
        (3, "Den Haag, 22 mei 2008"),
        (4, "Geachte voorzitter,"),
        (5, ""),
        (5, "Met deze brief over de gemeenteraad"),
    ]


def test_a_page_that_repeats_the_publication_gives_it_once(tmp_path: Path) -> None:
    """A page that holds the publication and its footnotes twice (a copy of them for
    printing, after the first): the letter is read once, the same draft and notes as the
    page's, no note of a footnote left over."""
    html = LETTER_PAGE.read_text(encoding="utf-8")
    article = html[html.index("<article>") : html.index("</article>") + len("</article>")]
    page = tmp_path / LETTER_PAGE.name
    page.write_text(
        html.replace("</main>", f'<div class="print-version">{article}</div></main>'),
        encoding="utf-8",
    )
    assert _imported(tmp_path, page, "repeated") == _imported(tmp_path, LETTER_PAGE, "saved")


def test_footnotes_in_a_list_the_page_numbers_are_the_letters(tmp_path: Path) -> None:
    """The footnotes after the publication as a list the browser numbers
    (``<ol class="voetnoten">``, no number in the text): each is numbered as the text readers
    read a footnote ("1 Ter vertrouwelijke ..."), and the draft and notes are the page's."""
    html = LETTER_PAGE.read_text(encoding="utf-8")
    notes_start, notes_end = html.index('<div id="noten">'), html.index("</article>")
    note = (
        "Ter vertrouwelijke inzage gelegd, alleen voor de leden, bij het Centraal Informatiepunt"
        " van de Tweede Kamer der Staten-Generaal."
    )
    page = tmp_path / LETTER_PAGE.name
    page.write_text(
        f'{html[:notes_start]}<ol class="voetnoten"><li>{note}</li></ol>{html[notes_end:]}',
        encoding="utf-8",
    )
    assert _imported(tmp_path, page, "listed") == _imported(tmp_path, LETTER_PAGE, "saved")


def test_a_motions_list_with_its_markers_in_elements_of_their_own_is_as_the_xml_gives_it(
    tmp_path: Path,
) -> None:
    """The motion Beckerman and Bushoff (Kamerstuk 33 529, nr. 1329) as a page in
    officielebekendmakingen.nl's layout, whose request lists the motions to carry out, each
    item's dash in an element of its own (``<span class="ol">``): the entry is the one
    its official XML gives, one dash before each motion, not a bullet beside it."""
    entries = []
    for name in ("kst-33529-1329.html", "kst-33529-1329.xml"):
        content = _content(tmp_path, name)
        run = cli("import", PAGES / name, "--content", content)
        assert run.returncode == 0, run.stderr
        entries.append((content / "motions.yaml").read_text(encoding="utf-8"))
    assert entries[0] == entries[1]
    motions = yaml.safe_load(entries[0])["motions"]
    motion = next(m for m in motions if m["kamerstuk"] == "33 529, nr. 1329")
    assert motion["request"].startswith(
        "verzoekt de regering aangenomen moties uit te voeren, waaronder: \u2013 de motie op "
        "stuk nr. "
        "1181 (33 529) om te komen"
    )
    assert "\u2022" not in motion["request"] and "\u2013 \u2013" not in motion["request"]


def test_a_page_with_marked_sections_the_parser_does_not_know_is_read_on(tmp_path: Path) -> None:
    """Word's conditional sections (``<![if !supportLists]>``) and a marked section of an
    unknown kind (``<![foo[``) in a page: skipped, and the text around them read, no
    traceback."""
    page = tmp_path / "brief.html"
    page.write_text(
        "<!DOCTYPE html><body><p><![if !supportLists]>- <![endif]>Den Haag, 22 mei 2008</p>"
        "<p>Geachte <![foo[ bar ]]>voorzitter,</p><![ ]]></body>",
        encoding="utf-8",
    )
    assert [line.text for line in read_source(page).lines] == [
        "- Den Haag, 22 mei 2008",
        "",
        "Geachte voorzitter,",
    ]


def test_a_page_written_on_one_line_keeps_the_letterhead_under_the_sites_head(
    tmp_path: Path,
) -> None:
    """berthub.eu's page of a letter with a letterhead of its own ("Datum", "Betreft") under
    the site's head, saved as HTML written on one line, as generated pages often are: every
    line of its text starts on line 1 of the file. The letterhead's date and subject are still
    the letter's, as in the copied text, not the page's title and date."""
    text = (IMPORT / "berthub-2024D51302.excerpt.txt").read_text(encoding="utf-8")
    letterhead = "Datum 18 december 2024\nBetreft Inzet in de Europese Unie\n\nGeachte Voorzitter,"
    text = text.replace("\n\nGeachte Voorzitter,", letterhead)
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = tmp_path / "2024D51302.html"
    page.write_text(f"<!DOCTYPE html><html><body>{paragraphs}</body></html>", "utf-8")
    content = _content(tmp_path)
    run = cli("import", page, "--content", content)
    assert run.returncode == 0, run.stderr
    draft = yaml.safe_load(next((content / "letters").glob("2024-12-18-*.yaml")).read_text("utf-8"))
    assert draft["subject"] == "Inzet in de Europese Unie"
    assert draft["date"].isoformat() == "2024-12-18"
    assert draft["kamerstuk"] == "21 501-32, nr. 1691"
