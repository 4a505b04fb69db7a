"""``briefing import`` on a real letter's official XML, as officielebekendmakingen.nl
publishes it: Kamerstuk 28 844, nr. 269 (``kst-28844-269.xml``, see the fixtures' README).

The draft holds the publication's text, paragraph by paragraph, with its footnotes, and links
the motion the letter cites only in footnotes, with the status the letter gives it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from briefing.corpus import load_corpus
from briefing.model import Letter
from tests.conftest import cli
from tests.importing import content_copy
from tests.test_import_sources import IMPORT, outline

XML = IMPORT / "kst-28844-269.xml"
#: The motion the letter cites, as an entry of motions.yaml.
MOTION = """
  - id: van-baarle-28844-261
    submitters:
      - {name: Van Baarle, party: DENK}
      - {name: Dassen, party: Volt}
    kamerstuk: 28 844, nr. 261
    request: >-
      Verzoekt de regering de Uitvoeringsrichtlijn transparantie agenda's bewindslieden aan te
      scherpen en de Kamer daarover bij brief te informeren.
"""


def _published() -> list[str]:
    """The publication's headings ("# ...") and paragraphs in order, as the XML holds them,
    without its footnotes; the addressee and the date, which head the letter, left out."""
    root = ElementTree.parse(XML).getroot()
    found: list[str] = []
    for element in root.iter():
        if element.tag == "tussenkop":
            found.append(f"# {_text(element)}")
        elif element.tag == "al" and element not in _footnote_paragraphs(root):
            found.append(_text(element))
    return found[2:]


def _footnote_paragraphs(root: ElementTree.Element) -> list[ElementTree.Element]:
    return [al for noot in root.iter("noot") for al in noot.iter()]


def _text(element: ElementTree.Element) -> str:
    """The element's text without the footnotes in it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != "noot":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


#: A commitment the letter reports, made in the debate of 9 May 2023, and that debate.
DEBATE = """
  - id: commissiedebat-integriteit-2023-05-09
    kind: commissiedebat
    title: Commissiedebat Integriteit openbaar bestuur
    date: 2023-05-09
"""
COMMITMENT = """
  - id: brief-opzet-evaluaties-openbare-agendas
    text: >-
      Voor het zomerreces een brief sturen met de opzet voor de evaluaties van de verbetering
      van de openbare agenda's bewindspersonen en de lobbyparagrafen in memories van toelichting.
    debate: commissiedebat-integriteit-2023-05-09
"""


def _imported(
    tmp_path: Path, motions: str = "", source: Path = XML, **registries: str
) -> tuple[Letter, str, str]:
    """The draft of the letter ``source`` imported into a copy of the content (with
    ``motions`` added to its registry, and each of ``registries`` to the file it names),
    the draft's text and the import's notes."""
    content = content_copy(tmp_path / "content")
    for name, entries in {"motions": motions, **registries}.items():
        with (content / f"{name}.yaml").open("a", encoding="utf-8") as registry:
            registry.write(entries)
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    letter = next(s.letter for s in load_corpus(content).letters if str(s.path) == written)
    return letter, Path(written).read_text(encoding="utf-8"), run.stderr


def test_the_real_official_xml_gives_the_published_letter(tmp_path: Path) -> None:
    letter, draft, _ = _imported(tmp_path)
    assert str(letter.kamerstuk) == "Kamerstuk 28 844, nr. 269"
    assert letter.date == dt.date(2023, 7, 7)
    assert letter.addressee.lines == ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"]
    assert letter.signatory.title == "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,"
    assert letter.signatory.name == "H.G.J. Bruins Slot"
    as_text = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line) for line in outline(letter)]
    assert as_text == _published()
    assert "([https://www.rijksoverheid.nl/archief](https://www.rijksoverheid.nl/archief))" in (
        " ".join(draft.split())
    )
    footnotes = yaml.safe_load(draft)["footnotes"]
    assert len(footnotes) == 15
    assert list(footnotes.values())[12] == "Kamerstuk 28 844, nr. 261."


def test_a_motion_cited_in_a_footnote_is_linked_with_the_status_the_letter_gives(
    tmp_path: Path,
) -> None:
    """ "de motie van de leden Van Baarle en Dassen¹" and "beschouw ik de betreffende motie Van
    Baarle-Dassen² als afgedaan", each footnote "Kamerstuk 28 844, nr. 261."."""
    letter, draft, _ = _imported(tmp_path, MOTION)
    citing = [s.id for s in letter.sections if "van-baarle-28844-261" in s.motions]
    assert citing == ["inleiding", "uitvoering-motie-van-de-leden-van-baarle-en-dassen"]
    (section,) = [s for s in letter.sections if s.motion_updates]
    assert section.id == "uitvoering-motie-van-de-leden-van-baarle-en-dassen"
    (update,) = section.motion_updates
    assert (update.motion, str(update.status)) == ("van-baarle-28844-261", "uitgevoerd")
    evidence = re.sub(r"\s*\n\s*#\s*", " ", draft)  # the comments' lines joined
    assert 'beschouw ik de betreffende motie Van Baarle-Dassen als afgedaan."' in evidence


def test_a_motion_the_registry_lacks_is_proposed_once_by_its_first_submitter(
    tmp_path: Path,
) -> None:
    _, draft, notes = _imported(tmp_path)
    said = re.sub(r"\s*\n\s*#\s*", " ", draft)  # the comments' lines joined
    proposed = re.findall(r"new motion\? '([^']+)' \(([^)]+)\).*?\(id '([^']+)'\)", said)
    assert proposed == [
        ("Kamerstuk 28 844, nr. 261", "Van Baarle en Dassen", "van-baarle-28844-261"),
        ("Kamerstuk 28 844, nr. 261", "Van Baarle-Dassen", "van-baarle-28844-261"),
    ]
    assert notes.count("proposed as new (id 'van-baarle-28844-261'") == 2
    assert (
        said.count(
            "import its paper ('briefing import "
            "https://zoek.officielebekendmakingen.nl/kst-28844-261.xml') or add it there by hand "
            "(id 'van-baarle-28844-261'), and list it here"
        )
        == 2
    )
    assert re.findall(r"^.*the official publication.*$", notes, re.MULTILINE) == [
        f"{XML}:{_line_of('Van Baarle en Dassen')}: 1 motion the letter cites is not in "
        "motions.yaml; to add it from the official publication: briefing import --content "
        f"{tmp_path / 'content'} https://zoek.officielebekendmakingen.nl/kst-28844-261.xml"
    ]
    assert said.count("the text says it is uitgevoerd") == 1
    assert (
        "and list it here; the text says it is uitgevoerd: 'Met deze aanpassing van de "
        "Uitvoeringsrichtlijn openbare agenda\u2019s bewindslieden beschouw ik de betreffende "
        "motie Van Baarle-Dassen (Kamerstuk 28 844, nr. 261) als afgedaan.'"
    ) in said


def test_the_command_that_imports_the_motions_cited_names_the_content_folder_given(
    tmp_path: Path,
) -> None:
    """Run where the content is the default folder, the command needs no --content."""
    content_copy(tmp_path / "content")
    run = cli("import", XML.resolve(), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (
        "to add it from the official publication: briefing import "
        "https://zoek.officielebekendmakingen.nl/kst-28844-261.xml\n"
    ) in run.stderr


@pytest.mark.parametrize(
    ("said", "status"),
    [
        # the words for "carried out" are in it, but so are those for "partly"
        ("</noot> als deels uitgevoerd.", "deels uitgevoerd"),
        # an abbreviation's full stop ends no clause
        ("</noot> o.a. als afgedaan.", "uitgevoerd"),
    ],
)
def test_the_status_is_the_one_the_letter_gives_in_so_many_words(
    tmp_path: Path, said: str, status: str
) -> None:
    """ "beschouw ik de betreffende motie Van Baarle-Dassen¹ als afgedaan", said otherwise."""
    source = tmp_path / XML.name
    xml = XML.read_text(encoding="utf-8")
    assert xml.count("</noot> als afgedaan.") == 1
    source.write_text(xml.replace("</noot> als afgedaan.", said), encoding="utf-8")
    letter, draft, _ = _imported(tmp_path, MOTION, source)
    (section,) = [s for s in letter.sections if s.motion_updates]
    assert [(u.motion, str(u.status)) for u in section.motion_updates] == [
        ("van-baarle-28844-261", status)
    ]
    assert "inferred" not in draft and "does not say" not in draft


@pytest.mark.parametrize("older", [False, True])
def test_a_motion_named_by_its_submitters_only_is_linked_once_a_section(
    tmp_path: Path, older: bool
) -> None:
    """The letter without the two footnotes that give the motion's number: "de motie van de
    leden Van Baarle en Dassen" and "de motie Van Baarle-Dassen" (or each, as older texts
    write it, "de motie-Van Baarle/Dassen") name it by its first submitter, once a section,
    for review."""
    xml = XML.read_text(encoding="utf-8")
    if older:
        for spelled in ("de motie van de leden Van Baarle en Dassen", "motie Van Baarle-Dassen"):
            assert spelled in xml
            xml = xml.replace(
                spelled, spelled[: spelled.index("motie")] + "motie-Van Baarle/Dassen"
            )
    calls = re.findall(
        r"<noot [^>]*><noot.nr>\d+</noot.nr><noot.al>Kamerstuk <extref "
        r'doc="kst-28844-261".*?</noot>',
        xml,
    )
    assert len(calls) == 2
    for call in calls:
        xml = xml.replace(call, "")
    source = tmp_path / XML.name
    source.write_text(xml, encoding="utf-8")
    letter, draft, _ = _imported(tmp_path, MOTION, source)
    citing = [s.id for s in letter.sections if "van-baarle-28844-261" in s.motions]
    assert citing == ["inleiding", "uitvoering-motie-van-de-leden-van-baarle-en-dassen"]
    named = "'van-baarle-28844-261': the text names 'motie Van Baarle' without its Kamerstuk"
    assert " ".join(draft.split()).count(named.replace("\n", " ")) == 2
    (section,) = [s for s in letter.sections if s.motion_updates]
    assert [(u.motion, str(u.status)) for u in section.motion_updates] == [
        ("van-baarle-28844-261", "uitgevoerd")
    ]


def _proposed_commitments(draft: str) -> list[tuple[str, str]]:
    """The day and id of each commitment the draft proposes as new."""
    joined = re.sub(r"\s*\n\s*#\s*", " ", draft)
    return re.findall(
        r"new commitment\? the text reports one made on (\S+?)[:,].*?\(id '([^']+)'", joined
    )


def test_a_commitment_the_letter_reports_is_proposed_when_the_registry_lacks_it(
    tmp_path: Path,
) -> None:
    """ "In het debat ... op 9 mei 2023 heb ik uw Kamer ... een brief toegezegd" and "In het
    Tweeminuten-debat ... op 24 mei 2023 ... heb ik in reactie op Kamerlid Dassen toegezegd"."""
    letter, draft, notes = _imported(tmp_path)
    assert _proposed_commitments(draft) == [
        ("2023-05-09", "toezegging-2023-05-09"),
        ("2023-05-24", "toezegging-2023-05-24"),
    ]
    joined = re.sub(r"\s*\n\s*#\s*", " ", draft)
    assert "reports one made on 2023-05-24, asked by Dassen: 'In het Tweeminuten-debat" in joined
    assert "van prof. dr. C.H.J.M. Braun en waarom het ...'" in joined  # a title ends nothing
    assert (
        "(id 'toezegging-2023-05-09', what was promised, the debate) and list it here; the text "
        "says it is voldaan: 'Met deze brief en bijlagen geef ik gevolg aan mijn toezegging.'"
    ) in joined
    assert joined.count("the text says it is voldaan") == 1
    assert (
        f"{XML}:{_line_of('op 9 mei 2023')}: a commitment made on 9 mei 2023 is not in "
        "commitments.yaml; proposed as new (id 'toezegging-2023-05-09', in a comment of section "
        "'inleiding')"
    ) in notes.splitlines()
    assert not letter.sections[0].commitments

    letter, draft, _ = _imported(tmp_path / "registered", debates=DEBATE, commitments=COMMITMENT)
    assert letter.sections[0].commitments == ["brief-opzet-evaluaties-openbare-agendas"]
    assert _proposed_commitments(draft) == [("2023-05-24", "toezegging-2023-05-24")]


def test_two_new_commitments_of_one_debate_are_proposed_under_two_ids(tmp_path: Path) -> None:
    """Both commitments made on 9 May, the first reported in the passive ("is uw Kamer ...
    een brief toegezegd")."""
    source = tmp_path / XML.name
    xml = XML.read_text(encoding="utf-8")
    for old, new in (("op 24 mei 2023", "op 9 mei 2023"), ("heb ik uw Kamer", "is uw Kamer")):
        assert xml.count(old) == 1
        xml = xml.replace(old, new)
    source.write_text(xml, encoding="utf-8")
    _, draft, _ = _imported(tmp_path, source=source)
    assert _proposed_commitments(draft) == [
        ("2023-05-09", "toezegging-2023-05-09"),
        ("2023-05-09", "toezegging-2023-05-09-2"),
    ]


def _line_of(text: str) -> int:
    xml = XML.read_text(encoding="utf-8")
    return xml[: xml.index(text)].count("\n") + 1
