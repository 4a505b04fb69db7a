"""``briefing import`` on a motion's official XML (``kst-<dossier>-<nr>.xml``): what the XML
holds that a motion's entry cannot (a table, a footnote on the title or in a clause) is said,
as it is for a letter's XML.

``kst-33529-1329.xml`` is the real XML of the motion Beckerman and Bushoff (see the web pages'
README); the variants below add to it what no real motion's XML at hand has, each as the test
says, written to the schema's form as the letters' fixture is.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import cli
from tests.importing import content_copy
from tests.test_import_sources import IMPORT

XML = IMPORT / "web-pages" / "kst-33529-1329.xml"
TITLE = "<titel>MOTIE VAN DE LEDEN BECKERMAN EN BUSHOFF"
CONSIDERATION = "en Drenten te steunen;</al>"


def variant(tmp_path: Path, old: str, new: str) -> Path:
    """The real motion's XML with ``old`` (which must be in it) replaced by ``new``."""
    xml = XML.read_text(encoding="utf-8")
    assert old in xml, old
    path = tmp_path / XML.name
    path.write_text(xml.replace(old, new), encoding="utf-8")
    return path


def import_notes(tmp_path: Path, source: Path) -> list[str]:
    """The lines the import of the motion ``source`` prints on stderr; it must succeed."""
    run = cli("import", source, "--content", content_copy(tmp_path / "content"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"wrote {tmp_path / 'content' / 'motions.yaml'}: motion beckerman-33529-1329"
    ]
    return run.stderr.splitlines()


def line_of(source: Path, text: str) -> int:
    """The line of ``source`` where ``text`` starts."""
    xml = source.read_text(encoding="utf-8")
    return xml[: xml.index(text)].count("\n") + 1


def test_a_footnote_on_a_motions_title_in_the_official_xml_is_said(tmp_path: Path) -> None:
    """A footnote on the motion's title (as a gewijzigde motie's may say what it replaces) has
    no place in the motion's entry: the import says so and gives its text, as for a letter."""
    footnote = (
        '<noot id="t1" type="voet"><noot.nr>1</noot.nr><noot.al>Vervangt de motie gedrukt '
        "onder nr. 1300.</noot.al></noot>"
    )
    source = variant(tmp_path, TITLE, TITLE + footnote)
    assert import_notes(tmp_path, source) == [
        f"{source}:{line_of(source, '<noot id=')}: left out of the motion: the footnote on the "
        "paper's title, 'Vervangt de motie gedrukt onder nr. 1300.' (a motion's entry holds no "
        "footnotes; if the entry needs what it says, write it in)"
    ]


def test_a_table_in_a_motions_official_xml_is_noted_to_check(tmp_path: Path) -> None:
    """A table in a motion runs on in the clause before it, row after row: the import says
    so, as it says for a letter's table that it is a list to lay out."""
    table = (
        '<table><title>Tabel 1 Moties</title><tgroup cols="2"><colspec colnum="1" colname="c1"/>'
        '<colspec colnum="2" colname="c2"/><thead><row><entry colname="c1"><al>Motie</al>'
        '</entry><entry colname="c2"><al>Stand</al></entry></row></thead><tbody><row>'
        '<entry colname="c1"><al>1181</al></entry><entry colname="c2"><al>open</al></entry>'
        "</row></tbody></tgroup></table>"
    )
    source = variant(tmp_path, CONSIDERATION, CONSIDERATION + table)
    assert import_notes(tmp_path, source) == [
        f"{source}:{line_of(source, '<table>')}: the table 'Tabel 1 Moties' is in the motion's "
        "text as its 2 rows, each after a dash with its cells parted by ' | '; check the clause "
        "that holds it (a motion's entry holds no tables)"
    ]


def test_a_footnote_in_a_motions_clause_in_the_official_xml_is_said(tmp_path: Path) -> None:
    """A footnote called in a clause is left out of the motion's text, call and text, where a
    motion's entry holds none: the import says so, giving its number and text."""
    footnote = (
        '<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstuk 33 529, nr. 1181.'
        "</noot.al></noot>"
    )
    source = variant(tmp_path, CONSIDERATION, CONSIDERATION.replace("</al>", footnote + "</al>"))
    assert import_notes(tmp_path, source) == [
        f"{source}:{line_of(source, 'overwegende dat de Tweede Kamer')}: left out of the "
        "motion: footnote 1, 'Kamerstuk 33 529, nr. 1181.' (a motion's entry holds no "
        "footnotes; if the clause that calls it needs what it says, write it in)"
    ]
    considerations = yaml.safe_load((tmp_path / "content" / "motions.yaml").read_text())["motions"][
        -1
    ]["considerations"]
    assert considerations[0] == (
        "overwegende dat de Tweede Kamer een serie moties heeft aangenomen om gedupeerde "
        "Groningers en Drenten te steunen;"
    )


def test_a_lettered_list_keeps_its_letters_from_the_xml_and_from_the_page(tmp_path: Path) -> None:
    """A list's items lettered "a.", "b." keep their letters in the request, read from the
    official XML (``li.nr``) and from the saved page alike, where a dash stays a dash. The
    real motion's list is dashed; here its marks are letters, as other motions' lists are."""
    requests = []
    for name, dash, letter in (
        (XML.name, "<li.nr>\u2013</li.nr>", "<li.nr>{}.</li.nr>"),
        (
            XML.with_suffix(".html").name,
            '<span class="ol">\u2013 </span>',
            '<span class="ol">{}. </span>',
        ),
    ):
        text = (XML.parent / name).read_text(encoding="utf-8")
        assert text.count(dash) == 5, name
        for mark in "abcde":
            text = text.replace(dash, letter.format(mark), 1)
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        run = cli("import", folder / name, "--content", content_copy(folder / "content"))
        assert run.returncode == 0, run.stderr
        motions = yaml.safe_load((folder / "content" / "motions.yaml").read_text())["motions"]
        requests.append(motions[-1]["request"])
    assert requests[0] == requests[1]
    assert requests[0].startswith(
        "verzoekt de regering aangenomen moties uit te voeren, waaronder: a. de motie op stuk nr. "
        "1181 (33 529) om te komen tot"
    )
    assert " b. de motie op stuk nr. 1154 (33 529) om gedupeerden" in requests[0]
    assert "\u2013" not in requests[0]
