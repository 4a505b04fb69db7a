"""``briefing import`` on the official XML of a Kamerstuk of 1995 to 2009, in the older schema
(root ``kamerwrk``): read as the later XML is.

``kst-26959-1.xml`` is the real text of Kamerstuk 26 959, nr. 1 (1999) marked up in that
schema as the real ``kst-24447-6.excerpt.xml`` shows it (see the fixtures' README).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import cli
from tests.importing import content_copy
from tests.test_import_official_xml import imported_with_notes, line_of
from tests.test_import_sources import IMPORT, outline

LETTER = IMPORT / "kst-26959-1.xml"


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    xml = LETTER.read_text(encoding="utf-8")
    assert old in xml, old
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / LETTER.name
    path.write_text(xml.replace(old, new), encoding="utf-8")
    return path


def test_a_letter_in_the_older_xml_gives_its_head_text_and_footnote(tmp_path: Path) -> None:
    letter, notes = imported_with_notes(tmp_path, LETTER)
    assert str(letter.kamerstuk) == "Kamerstuk 26 959, nr. 1"
    assert letter.date == dt.date(1999, 12, 17)
    assert letter.subject == "Toekomst van de nationale luchthaven"
    assert letter.addressee.lines == ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"]
    assert letter.signatory.title == "De Minister van Verkeer en Waterstaat,"
    assert letter.signatory.name == "T. Netelenbos"
    lines = outline(letter)
    assert len(lines) == 4
    assert lines[0].startswith("Hierbij doe ik u, mede namens mijn collega's van ")
    assert lines[0].endswith("gedaan is voor de lange termijn.")
    assert lines[1] == "# Advisering"
    assert lines[2].startswith("De nota met bijlagen zal ter advisering worden toegezonden")
    assert lines[3].endswith("onderzoeksrapporten in gedrukte vorm verschijnen.")
    assert str(letter.sections[0].body[0]).endswith("termijn.[^ter-inzage-gelegd-bij]")
    assert letter.footnotes == {
        "ter-inzage-gelegd-bij": "Ter inzage gelegd bij de afdeling Parlementaire Documentatie."
    }
    assert not [n for n in notes if "footnote" in n or "left out" in n]


def test_a_footnote_called_by_its_number_is_placed_and_one_not_called_is_said(
    tmp_path: Path,
) -> None:
    by_number = _variant(tmp_path, '<voetref refid="v1"/>', '<voetref nr="1"/>')
    letter, _ = imported_with_notes(tmp_path, by_number)
    assert str(letter.sections[0].body[0]).endswith("termijn.[^ter-inzage-gelegd-bij]")

    uncalled = _variant(tmp_path / "uncalled", '<voetref refid="v1"/>', "")
    letter, notes = imported_with_notes(tmp_path / "uncalled", uncalled)
    assert not letter.footnotes
    assert (
        f"{uncalled}:{line_of(uncalled, '<voetnoot')}: footnote 1 is not called in the text; it "
        "is left out: 'Ter inzage gelegd bij de afdeling Parlementaire Documentatie.'"
    ) in notes


def test_a_paper_of_another_kind_in_the_older_xml_is_refused_by_its_kind(tmp_path: Path) -> None:
    source = IMPORT / "kst-24447-6.excerpt.xml"
    run = cli("import", source, "--content", content_copy(tmp_path / "content"))
    assert run.returncode == 1
    assert run.stderr.startswith(
        f"briefing: error: {source}:{line_of(source, '<stuk>')}: this is a Kamerstuk of another "
        "kind ('MEMORIE VAN TOELICHTING ZOALS GEWIJZIGD NAAR AANLEIDING VAN HET ADVIES VAN DE "
        "RAAD VAN STATE'), not a letter or a motion;"
    )


def test_the_older_xml_without_its_paper_is_refused_saying_what_is_missing(
    tmp_path: Path,
) -> None:
    source = tmp_path / "kst-1.xml"
    source.write_text('<?xml version="1.0"?>\n<kamerwrk><frontm/></kamerwrk>\n', encoding="utf-8")
    run = cli("import", source, "--content", content_copy(tmp_path / "content"))
    assert run.returncode == 1
    assert run.stderr == (
        f"briefing: error: {source}:1: this XML is not a Kamerstuk as officielebekendmakingen.nl "
        "publishes it (root 'officiele-publicatie' with a 'kamerstuk' and its 'stuk', as in "
        "kst-26485-224.xml, or before 2010 root 'kamerwrk' with a 'body' and its 'stuk'); found "
        "root 'kamerwrk' without a stuk\n"
    )
