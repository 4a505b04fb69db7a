"""``briefing import`` on a letter's official XML (``kst-<dossier>-<nr>.xml``): the elements
the schema of officielebekendmakingen.nl gives a letter (the text in ``algemeen`` /
``vrije-tekst`` / ``tekst``, the signature in ``tekst-sluiting`` / ``ondertekening``, lists
with their marks in ``li.nr``, CALS tables, annexes in ``bijlage``) read as the published text
of the same letter is read.

``kst-31288-66.xml`` is the real text of Kamerstuk 31 288, nr. 66 (``kst-31288-66.txt``) in
that XML, marked up for the tests (see the fixtures' README); the variants below change it
as each test says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdfplumber

from briefing.corpus import load_corpus
from briefing.model import Letter
from briefing.section_body import BulletList
from tests.conftest import cli, normalise, text_of
from tests.importing import content_copy
from tests.test_import_sources import IMPORT, imported_letter, outline

XML = IMPORT / "kst-31288-66.xml"
SIGNATURE = (
    "<ondertekening><functie>De minister van Onderwijs, Cultuur en Wetenschap,</functie>"
    "<naam><voornaam>R. H. A.</voornaam><achternaam>Plasterk</achternaam></naam>"
    "</ondertekening>"
)
DASH = "\u2013"


def variant(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """The fixture with each ``(old, new)`` of ``changes`` made; each ``old`` must be in it."""
    xml = XML.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in xml, old
        xml = xml.replace(old, new)
    path = tmp_path / XML.name
    path.write_text(xml, encoding="utf-8")
    return path


def imported(tmp_path: Path, source: Path, name: str = "content") -> Letter:
    return imported_letter(source, content_copy(tmp_path / name))


def imported_with_notes(tmp_path: Path, source: Path) -> tuple[Letter, list[str]]:
    """The draft letter ``source`` becomes, and the notes the import prints."""
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    letter = next(s.letter for s in load_corpus(content).letters if str(s.path) == written)
    return letter, run.stderr.splitlines()


def line_of(source: Path, text: str) -> int:
    """The line of ``source`` where ``text`` starts."""
    xml = source.read_text(encoding="utf-8")
    return xml[: xml.index(text)].count("\n") + 1


def test_the_official_xml_gives_the_letter_its_published_text_gives(tmp_path: Path) -> None:
    """The same letter, as XML and as the text officielebekendmakingen.nl prints: the same
    paragraphs, list and signatory; the name's initials and surname, which the XML gives
    with no space between them, apart ("R. H. A. Plasterk", not "R. H. A.Plasterk")."""
    from_xml = imported(tmp_path, XML, "xml")
    from_text = imported(tmp_path, IMPORT / "kst-31288-66.txt", "text")
    assert from_xml.signatory.name == "R. H. A. Plasterk"
    assert from_xml.signatory.title == "De minister van Onderwijs, Cultuur en Wetenschap,"
    assert from_xml.signatory == from_text.signatory
    assert outline(from_xml) == outline(from_text)
    assert str(from_xml.kamerstuk) == "Kamerstuk 31 288, nr. 66"


def test_every_signature_in_the_official_xml_signs_the_letter(tmp_path: Path) -> None:
    """Two ``ondertekening`` elements: the second signs with the first. Its words between the
    elements ("De <functie>Staatssecretaris</functie> van ...") are part of its title."""
    second = (
        "<ondertekening>De <functie>Staatssecretaris</functie> van Onderwijs, Cultuur en "
        "Wetenschap,<naam><voornaam>M.C.</voornaam><achternaam>van Bijsterveldt-Vliegenthart"
        "</achternaam></naam></ondertekening>"
    )
    letter = imported(tmp_path, variant(tmp_path, (SIGNATURE, SIGNATURE + second)))
    assert letter.signatory.name == "R. H. A. Plasterk"
    assert [(c.title, c.name) for c in letter.cosignatories] == [
        (
            "De Staatssecretaris van Onderwijs, Cultuur en Wetenschap,",
            "M.C. van Bijsterveldt-Vliegenthart",
        )
    ]


def test_a_lists_letters_in_the_official_xml_are_kept(tmp_path: Path) -> None:
    """A list whose ``li.nr`` are letters ("a.", "b.") keeps them in its items, as the printed
    text does; a dash is a bullet, as before."""
    source = variant(
        tmp_path,
        *[
            (f"<li><li.nr>{DASH}</li.nr><al>{start}", f"<li><li.nr>{mark}</li.nr><al>{start}")
            for mark, start in (("a.", "De heer dr. A.H.G."), ("b.", "De heer drs."))
        ],
    )
    body = imported(tmp_path, source).sections[0].body
    items = next(block.items for block in body if isinstance(block, BulletList))
    assert items[:3] == [
        f"a. De heer dr. A.H.G. Rinnooy Kan {DASH} Voorzitter SER",
        f"b. De heer drs. M.J.G. Bormans {DASH} Voorzitter college van bestuur hogeschool van "
        "Arnhem en Nijmegen.",
        f"De heer K.M. Geven {DASH} Oud voorzitter European Students Union",
    ]


def test_a_table_in_the_official_xml_gives_a_line_a_row(tmp_path: Path) -> None:
    """A CALS table: its caption, then each row as an item with its cells parted by " | ", a
    note in a cell a footnote of the letter; not each cell a paragraph of its own."""
    table = (
        '<table><title>Tabel 1 Planning</title><tgroup cols="2">'
        '<colspec colnum="1" colname="c1"/><colspec colnum="2" colname="c2"/>'
        '<thead><row><entry colname="c1"><al>Stap</al></entry>'
        '<entry colname="c2"><al>Wanneer</al></entry></row></thead>'
        '<tbody><row><entry colname="c1"><al>Advies</al></entry><entry colname="c2"><al>'
        'februari 2010<noot id="n1" type="tabel"><noot.nr>1</noot.nr>'
        "<noot.al>Onder voorbehoud.</noot.al></noot></al></entry></row></tbody></tgroup></table>"
    )
    last = "<al>De commissie zal in februari 2010 haar advies uitbrengen.</al>"
    letter = imported(tmp_path, variant(tmp_path, (last, last + table)))
    lists = [b.items for s in letter.sections for b in s.body if isinstance(b, BulletList)]
    assert lists[-1] == ["Stap | Wanneer", "Advies | februari 2010[^onder-voorbehoud]"]
    assert "Tabel 1 Planning" in [line.removeprefix("# ") for line in outline(letter)]
    assert dict(letter.footnotes) == {"onder-voorbehoud": "Onder voorbehoud."}


def test_a_bold_paragraph_in_the_official_xml_heads_a_section(tmp_path: Path) -> None:
    """``<al><nadruk type="vet">...</nadruk></al>``, a paragraph all in bold, is a heading, as a
    bold line of the text is, also in a letter whose other headings are ``tussenkop``s."""
    source = variant(
        tmp_path,
        (
            "<al>De commissie staat onder",
            '<al><nadruk type="vet">Samenstelling van de commissie</nadruk></al>'
            "<al>De commissie staat onder",
        ),
        ("<al>De commissie zal", "<tussenkop>Advies</tussenkop><al>De commissie zal"),
    )
    letter = imported(tmp_path, source)
    assert [section.heading for section in letter.sections] == [
        None,
        "Samenstelling van de commissie",
        "Advies",
    ]


def test_text_in_the_official_xml_that_reads_as_markup_stays_text(tmp_path: Path) -> None:
    """Tags in the XML's text (escaped, in a CDATA section), a processing instruction in a
    word, a paragraph starting with "###": no footnote, heading or markup comes of them, and
    the words stay."""
    hostile = (
        '<al>Zie de opdracht&lt;sup&gt;7&lt;/sup&gt; en <![CDATA[<b onclick="x">het</b> '
        "<script>alert(1)</script>]]> con<?xpp afbm?>cept.</al>"
        "<al>### Geen kop maar tekst.</al>"
    )
    last = "<al>De commissie zal in februari 2010 haar advies uitbrengen.</al>"
    letter = imported(tmp_path, variant(tmp_path, (last, hostile + last)))
    assert [section.heading for section in letter.sections] == [None]
    assert outline(letter)[-3:-1] == [
        "Zie de opdracht7 en het alert(1) concept.",
        "### Geen kop maar tekst.",
    ]
    assert not letter.footnotes
    assert not re.search(r"<|\[\^", " ".join(outline(letter)))


LAST = "<al>De commissie zal in februari 2010 haar advies uitbrengen.</al>"
TABLE = (
    '<table><title>Tabel 1 Planning</title><tgroup cols="2">'
    '<colspec colnum="1" colname="c1"/><colspec colnum="2" colname="c2"/>'
    '<thead><row><entry colname="c1"><al>Stap</al></entry>'
    '<entry colname="c2"><al>Wanneer</al></entry></row></thead><tbody>'
    '<row><entry colname="c1"><al>Advies</al></entry><entry colname="c2"><al>februari 2010'
    '<noot id="n1" type="tabel"><noot.nr>1</noot.nr><noot.al>Onder voorbehoud.</noot.al></noot>'
    "</al></entry></row>\n"
    '<row><entry colname="c1"><al>Reactie</al></entry><entry colname="c2"><al>april 2010'
    '<nootref refid="n1"/></al></entry></row></tbody></tgroup></table>'
)


def test_a_short_annex_in_the_official_xml_is_the_letters_annex(tmp_path: Path) -> None:
    """A ``bijlage`` after the signature is the draft's annex however short it is (one
    line, no sentence): the XML says it is one; nothing is left out after the signature."""
    annex = (
        "</tekst-sluiting><bijlage><kop><titel>Bijlage</titel></kop>"
        "<al>Concept-opdracht commissie toekomstbestendigheid hoger onderwijs</al></bijlage>"
    )
    source = variant(tmp_path, ("</tekst-sluiting>", annex))
    letter, notes = imported_with_notes(tmp_path, source)
    assert [(s.heading, [str(b) for b in s.body]) for s in letter.annex] == [
        ("Bijlage", ["Concept-opdracht commissie toekomstbestendigheid hoger onderwijs"])
    ]
    assert letter.signatory.name == "R. H. A. Plasterk"
    assert not [note for note in notes if "left out after the signature" in note]


def test_an_annex_the_official_xml_marks_needs_no_check_where_it_starts(tmp_path: Path) -> None:
    """The import says it read the ``bijlage`` as the annex, without asking to check where it
    starts (the XML says so) or quoting its heading's markup."""
    annex = (
        "</tekst-sluiting>\n<bijlage><kop><titel>Bijlage</titel></kop>"
        "<al>Concept-opdracht commissie toekomstbestendigheid hoger onderwijs.</al>"
        "<al>De commissie adviseert over de toekomst van het stelsel. Zij rapporteert in "
        "februari.</al></bijlage>"
    )
    source = variant(tmp_path, ("</tekst-sluiting>", annex))
    _, notes = imported_with_notes(tmp_path, source)
    start = line_of(source, "<bijlage>")
    assert [note for note in notes if "after the signature" in note] == [
        f"{source}:{start}: read lines {start}-{start} after the signature as the letter's "
        "annex, which the file marks as one"
    ]


def test_a_link_in_the_official_xml_keeps_its_web_address(tmp_path: Path) -> None:
    """An ``extref`` to a web address is a link of the draft, in the text and in a footnote;
    one to another document ("kst-31288-65") keeps its words, which cite it."""
    links = (
        '<al>Zie de <extref doc="https://www.rijksoverheid.nl/documenten/opdracht" soort="URL">'
        'concept-opdracht</extref> en <extref doc="kst-31288-65" soort="document" '
        'status="actief">Kamerstuk 31 288, nr. 65</extref>.<noot id="n1" type="voet">'
        '<noot.nr>1</noot.nr><noot.al>Te vinden op <extref doc="https://www.ocw.nl/hoger" '
        'soort="URL">ocw.nl</extref>.</noot.al></noot></al>'
    )
    letter = imported(tmp_path, variant(tmp_path, (LAST, links + LAST)))
    body = [str(block) for block in letter.sections[-1].body]
    assert (
        "Zie de [concept-opdracht](https://www.rijksoverheid.nl/documenten/opdracht) en "
        "Kamerstuk 31 288, nr. 65.[^te-vinden-op-ocw]"
    ) in body
    assert dict(letter.footnotes) == {
        "te-vinden-op-ocw": "Te vinden op [ocw.nl](https://www.ocw.nl/hoger)."
    }


def test_a_link_whose_text_holds_brackets_keeps_its_web_address(tmp_path: Path, out: Path) -> None:
    """A link's text may hold brackets ("rapport [concept]", "[ocw.nl]"), an address round
    brackets: the draft escapes the text's and percent-encodes the address's, so that the
    letter's PDF prints the text as the XML gives it, linked to its address."""
    links = (
        '<al>Zie het <extref doc="https://www.rijksoverheid.nl/documenten/rapport" soort="URL">'
        'rapport [concept]</extref> en de <extref doc="https://nl.wikipedia.org/wiki/Bologna_'
        '(proces)" soort="URL">toelichting ] bij [1</extref>.<noot id="n1" type="voet">'
        '<noot.nr>1</noot.nr><noot.al>Te vinden op <extref doc="https://www.ocw.nl/hoger" '
        'soort="URL">[ocw.nl]</extref>.</noot.al></noot></al>'
    )
    content = content_copy(tmp_path / "content")
    letter = imported_letter(variant(tmp_path, (LAST, links + LAST)), content)
    body = [str(block) for block in letter.sections[-1].body]
    assert (
        r"Zie het [rapport \[concept\]](https://www.rijksoverheid.nl/documenten/rapport) en de "
        r"[toelichting \] bij \[1](https://nl.wikipedia.org/wiki/Bologna_%28proces%29)."
        "[^te-vinden-op-ocw]"
    ) in body
    assert dict(letter.footnotes) == {
        "te-vinden-op-ocw": r"Te vinden op [\[ocw.nl\]](https://www.ocw.nl/hoger)."
    }
    assert cli("build", "--content", content, "--out", out).returncode == 0
    pdf = out / "letters" / f"{letter.id}.pdf"
    assert "Zie het rapport [concept] en de toelichting ] bij [1.1" in text_of(pdf)
    with pdfplumber.open(pdf) as document:
        links_of = [
            (link["uri"], normalise(page.crop(_box(link)).extract_text()))
            for page in document.pages
            for link in page.hyperlinks
        ]
    assert links_of == [
        ("https://www.rijksoverheid.nl/documenten/rapport", "rapport [concept]"),
        ("https://nl.wikipedia.org/wiki/Bologna_%28proces%29", "toelichting ] bij [1"),
        ("https://www.ocw.nl/hoger", "[ocw.nl]"),
    ]


def _box(link: dict[str, Any]) -> tuple[float, float, float, float]:
    """The box a link annotation covers on its page."""
    return (link["x0"], link["top"], link["x1"], link["bottom"])


def test_a_footnote_called_again_in_the_official_xml_is_called_again(tmp_path: Path) -> None:
    """A ``nootref`` calls its ``noot`` again, as the publication prints the same number
    twice: the draft calls the footnote there again, as the PDF will print its number."""
    source = variant(tmp_path, (LAST, LAST + TABLE))
    letter, notes = imported_with_notes(tmp_path, source)
    lists = [b.items for s in letter.sections for b in s.body if isinstance(b, BulletList)]
    assert lists[-1][1:] == [
        "Advies | februari 2010[^onder-voorbehoud]",
        "Reactie | april 2010[^onder-voorbehoud]",
    ]
    assert "footnote 1" not in notes


def test_a_table_in_the_official_xml_is_noted_to_lay_out(tmp_path: Path) -> None:
    """A table, a list in the draft, comes with a note to lay it out, as a web page's is."""
    source = variant(tmp_path, (LAST, LAST + TABLE))
    _, notes = imported_with_notes(tmp_path, source)
    assert (
        f"{source}:{line_of(source, '<table>')}: the table 'Tabel 1 Planning' is in the draft "
        "as a list, each of its 3 rows an item with its cells parted by ' | '; lay the table "
        "out in the text"
    ) in notes


def test_a_footnote_on_the_papers_title_in_the_official_xml_is_said(tmp_path: Path) -> None:
    """A footnote on the paper's title cannot go into the subject or the head, which hold
    none: it is left out, and the import gives its text to place it."""
    title = "<titel>BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP"
    footnote = (
        '<noot id="t1" type="voet"><noot.nr>1</noot.nr><noot.al>Ter inzage gelegd bij het '
        "Centraal Informatiepunt Tweede Kamer.</noot.al></noot>"
    )
    source = variant(tmp_path, (title, title + footnote))
    letter, notes = imported_with_notes(tmp_path, source)
    assert not letter.footnotes
    assert (
        f"{source}:{line_of(source, '<noot id=')}: left out of the head: the footnote on the "
        "paper's title, 'Ter inzage gelegd bij het Centraal Informatiepunt Tweede Kamer.' (the "
        "letter's head and subject hold no footnotes; if the letter needs it, call it in the "
        "text)"
    ) in notes


def test_a_footnote_on_a_heading_in_the_official_xml_is_said(tmp_path: Path) -> None:
    """A footnote in a ``tussenkop``: a heading holds no footnote call, so the heading is
    its words alone and the import gives the footnote's text to place it, as it does for a
    printed heading's footnote."""
    footnote = (
        '<noot id="k1" type="voet"><noot.nr>1</noot.nr><noot.al>Zie ook Kamerstuk 31 288, '
        "nr. 65.</noot.al></noot>"
    )
    source = variant(
        tmp_path,
        ("<al>De commissie zal", f"<tussenkop>Advies{footnote}</tussenkop><al>De commissie zal"),
    )
    letter, notes = imported_with_notes(tmp_path, source)
    assert [section.heading for section in letter.sections][-1] == "Advies"
    assert (
        f"{source}:{line_of(source, '<tussenkop>Advies')}: footnote 1 ('Zie ook Kamerstuk "
        "31 288, nr. 65.') is not called in the text; it is left out"
    ) in notes
