"""``briefing import`` on real motions: the 400 in the official XML and their PDF text, a motion
as its web page and rijksbegroting.nl print it, and the registry they go into, kept as its
author wrote it (indentation, line ends, a file it cannot read).

The real material is in ``../shared`` beside the project; the tests fail, not skip, when it is
missing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from briefing.corpus import load_corpus
from tests.conftest import CONTENT, MOTIONS_TEXT, MOTIONS_XML, cli
from tests.importing import content_copy, motions
from tests.test_import_sources import (
    AMENDED,
    BUDGET,
    COUNCIL,
    IMPORT,
    KAMERSTUK,
    LETTER_2018,
    assert_notes_are_located,
)

pytestmark = pytest.mark.usefixtures("shared")


def test_motions_in_the_official_xml_become_registry_entries(tmp_path: Path) -> None:
    content = content_copy(tmp_path / "content")
    before = (content / "motions.yaml").read_text(encoding="utf-8")
    files = [MOTIONS_XML / f"{name}.xml" for name in (COUNCIL, AMENDED, BUDGET)]
    run = cli("import", *files, "--content", content)
    assert run.returncode == 0, run.stderr
    registry = content / "motions.yaml"
    assert run.stdout.splitlines() == [
        f"wrote {registry}: motion dassen-21501-02-3027",
        f"wrote {registry}: motion flach-35746-35",
        f"wrote {registry}: motion saris-36600-xvi-129",
    ]
    after = registry.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended: the comments and entries are as they were
    found = motions(content)
    assert found["dassen-21501-02-3027"] == {
        "id": "dassen-21501-02-3027",
        "submitters": ["Dassen"],
        "kamerstuk": "21 501-02, nr. 3027",
        "submitted": dt.date(2025, 1, 22),
        "considerations": [
            "constaterende dat de discussie omtrent gezamenlijke financiering van onder andere "
            "defensie binnen de EU steeds actueler wordt;",
            "constaterende dat onder het Pools voorzitterschap de discussie wordt gestart om een "
            "defensiefonds op te richten en dit gefinancierd zal worden door defensiebonds;",
        ],
        "request": "verzoekt de regering om het gebruik van defensiebonds niet uit te sluiten",
    }
    amended = found["flach-35746-35"]
    assert amended["submitters"] == ["Flach", "Grinwis", "Vedder"]
    assert amended["replaces"] == "35 746, nr. 23"
    budget = found["saris-36600-xvi-129"]
    assert budget["kamerstuk"] == "36 600-XVI, nr. 129"
    assert str(budget["request"]).startswith("verzoekt de regering: \u2013 te verkennen of de")
    check = cli("check", "--content", content)
    assert check.returncode == 0 and "0 errors" in check.stderr, check.stderr
    corpus = load_corpus(content)
    assert corpus.motions["flach-35746-35"].cited_as == "Flach c.s."


def test_a_motion_the_registry_has_is_skipped_and_said_so(tmp_path: Path) -> None:
    content = content_copy(tmp_path / "content")
    source = MOTIONS_XML / f"{COUNCIL}.xml"
    assert cli("import", source, "--content", content).returncode == 0
    before = (content / "motions.yaml").read_bytes()
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert f"{source}:" in run.stderr
    assert (
        "the motion Kamerstuk 21 501-02, nr. 3027 is in " in run.stderr
        and "already (id 'dassen-21501-02-3027'); skipped, the entry is left as it is" in run.stderr
    )
    assert (content / "motions.yaml").read_bytes() == before


def test_a_motion_is_not_added_to_a_registry_that_cannot_be_read(tmp_path: Path) -> None:
    """Where the registry is broken the message says where, as check would, and the file is
    left as it is; an empty registry is filled in."""
    content = content_copy(tmp_path / "content")
    registry = content / "motions.yaml"
    broken = registry.read_text(encoding="utf-8") + "  - id: [van-laar\n"
    registry.write_text(broken, encoding="utf-8")
    line = broken.count("\n")
    run = cli("import", MOTIONS_XML / f"{COUNCIL}.xml", "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"briefing: error: {registry}:{line}:9: YAML syntax: the '[' here opens a list that is "
        "never closed; a text that begins with '[' is put in quotes; so no motion can be added "
        "to it: mend it first ('briefing check' shows every problem)\n"
    )
    assert registry.read_text(encoding="utf-8") == broken

    registry.write_text("\n", encoding="utf-8")
    run = cli("import", MOTIONS_XML / f"{COUNCIL}.xml", "--content", content)
    assert run.returncode == 0, run.stderr
    assert "id: dassen-21501-02-3027" in registry.read_text(encoding="utf-8")


@pytest.mark.parametrize("indent", [0, 4])
def test_motions_are_added_to_a_registry_in_its_own_indentation(
    tmp_path: Path, indent: int
) -> None:
    """YAML lets the list under 'motions:' start at any indentation (the Kamer's records are
    written at none); the new entries follow the file's."""
    content = content_copy(tmp_path / "content")
    registry = content / "motions.yaml"
    head, entries = registry.read_text(encoding="utf-8").split("motions:\n", 1)
    shifted = [" " * indent + line[2:] if line.strip() else line for line in entries.split("\n")]
    registry.write_text(head + "motions:\n" + "\n".join(shifted), encoding="utf-8")
    run = cli("import", MOTIONS_XML / f"{COUNCIL}.xml", "--content", content)
    assert run.returncode == 0, run.stderr
    assert f"\n{' ' * indent}- id: dassen-21501-02-3027\n" in registry.read_text(encoding="utf-8")
    assert cli("check", "--content", content).returncode == 0
    assert "dassen-21501-02-3027" in load_corpus(content).motions


def test_a_registry_with_windows_line_ends_keeps_them(tmp_path: Path) -> None:
    content = content_copy(tmp_path / "content")
    registry = content / "motions.yaml"
    registry.write_bytes(registry.read_bytes().replace(b"\n", b"\r\n"))
    run = cli("import", MOTIONS_XML / f"{COUNCIL}.xml", "--content", content)
    assert run.returncode == 0, run.stderr
    raw = registry.read_bytes()
    assert b"- id: dassen-21501-02-3027\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert "dassen-21501-02-3027" in load_corpus(content).motions


def test_a_registry_written_on_one_line_is_left_alone_and_the_letters_still_import(
    tmp_path: Path,
) -> None:
    content = content_copy(tmp_path / "content", LETTER_2018)
    registry = content / "motions.yaml"
    motions_before = yaml.safe_load(registry.read_text(encoding="utf-8"))["motions"]
    flow = "motions: " + yaml.safe_dump(motions_before, default_flow_style=True, width=10**6)
    registry.write_text(flow, encoding="utf-8")
    run = cli("import", MOTIONS_XML / f"{COUNCIL}.xml", KAMERSTUK, "--content", content)
    assert run.returncode == 1
    assert (
        f"briefing: error: {registry}:1: motions: the list is written on one line; write it one "
        "'- id: ...' entry after the other, so that motions can be added; nothing written"
    ) in run.stderr.splitlines()
    assert registry.read_text(encoding="utf-8") == flow
    assert re.fullmatch(rf"wrote {content}/letters/2018-11-13-[a-z-]+\.yaml\n", run.stdout)


def test_a_motion_with_a_number_the_registry_has_under_another_id_is_skipped(
    tmp_path: Path,
) -> None:
    content = content_copy(tmp_path / "content")
    xml = (MOTIONS_XML / f"{COUNCIL}.xml").read_text(encoding="utf-8")
    xml = xml.replace(
        "<dossiernr>21 501</dossiernr>-<raadnr>02</raadnr>", "<dossiernr>26 485</dossiernr>"
    )
    xml = xml.replace(">3027</ondernummer>", ">224</ondernummer>")
    source = tmp_path / "kst-26485-224.xml"
    source.write_text(xml, encoding="utf-8")
    before = (content / "motions.yaml").read_bytes()
    run = cli("import", source, "--content", content)
    assert run.returncode == 0 and "(id 'van-laar-26485-224'); skipped" in run.stderr
    assert (content / "motions.yaml").read_bytes() == before


def test_a_motions_pdf_text_gives_its_entry_without_the_page_furniture(tmp_path: Path) -> None:
    source = IMPORT / "motie-26485-224.txt"
    letters = [p.stem for p in (CONTENT / "letters").glob("*.yaml")]
    content = content_copy(tmp_path / "content", *letters)  # an empty registry, no letters
    (content / "motions.yaml").write_text(
        "# yaml-language-server: $schema=schemas/motions.schema.json\nmotions: []\n"
    )
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert motions(content)["van-laar-26485-224"] == {
        "id": "van-laar-26485-224",
        "submitters": ["Van Laar", "Voortman"],
        "kamerstuk": "26 485, nr. 224",
        "submitted": dt.date(2016, 9, 6),
        "considerations": [
            "constaterende dat de IMVO-convenanten een belangrijk instrument zijn om misstanden "
            "in productieketens aan te pakken;"
        ],
        "request": "verzoekt de regering jaarlijks de impact van de IMVO-convenanten en het "
        "functioneren van het toezicht op de IMVO-convenanten te toetsen",
    }
    assert cli("check", "--content", content).returncode == 0


def test_a_motion_copied_from_its_web_page_is_submitted_by_its_names_only(
    tmp_path: Path,
) -> None:
    """officielebekendmakingen.nl prints 'Naar boven' under the names: it is no submitter."""
    content = content_copy(tmp_path / "content")
    run = cli("import", IMPORT / "kst-32500-VII-37.txt", "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion van-der-staaij-32500-vii-37\n"
    motion = motions(content)["van-der-staaij-32500-vii-37"]
    assert (motion["submitters"], motion["kamerstuk"]) == (["Van der Staaij"], "32 500-VII, nr. 37")
    assert str(motion["request"]).endswith("indien dit voorstel zou worden gevolgd")


def test_a_motion_as_rijksbegroting_nl_prints_it_gives_its_entry(tmp_path: Path) -> None:
    """rijksbegroting.nl prints the dossier with the title ('30 300 VII MOTIE VAN HET LID ...')
    and the number with the date ('Nr. 29 Voorgesteld 1 december 2005')."""
    content = content_copy(tmp_path / "content")
    run = cli("import", IMPORT / "rijksbegroting-kst92444.txt", "--content", content)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion van-beek-30300-vii-29\n"
    motion = motions(content)["van-beek-30300-vii-29"]
    assert (motion["kamerstuk"], motion["submitted"]) == (
        "30 300-VII, nr. 29",
        dt.date(2005, 12, 1),
    )
    assert motion["submitters"] == [
        "Van Beek", "Spies", "Van der Ham", "Boelhouwer", "Van der Staaij", "Slob", "Duyvendak"
    ]  # fmt: skip
    assert len(motion["considerations"]) == 4
    assert str(motion["request"]).startswith("verzoekt de regering op korte termijn in overleg")


def test_a_finding_in_the_present_tense_before_the_request_is_a_consideration(
    tmp_path: Path,
) -> None:
    """36 600-IX, nr. 13 gives, after five 'constaterende dat', a 'constateert dat ...' and only
    then 'verzoekt de Algemene Rekenkamer ...': the registry's request is what the Kamer asks."""
    content = content_copy(tmp_path / "content")
    source = MOTIONS_XML / "6bfe7aa0-3995-4401-b361-ef50ea40dfa8.xml"
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    motion = motions(content)["van-oostenbruggen-36600-ix-13"]
    considerations = motion["considerations"]
    assert isinstance(considerations, list) and len(considerations) == 6
    assert considerations[-1] == (
        "constateert dat de ramingen er structureel tientallen miljarden naast zaten, dat dit in "
        "het verleden niet gebeurde en in omliggende landen ook niet gebeurt;"
    )
    assert motion["request"] == (
        "verzoekt de Algemene Rekenkamer op grond van artikel 7.23 van de Comptabiliteitswet "
        "2016 een onderzoek in te stellen naar de oorzaken van de grote verschillen tussen de "
        "ramingen van het begrotingstekort en de uitkomsten"
    )


def test_all_real_motions_import_in_one_call_and_their_text_equals_their_xml(
    tmp_path: Path,
) -> None:
    xml = sorted(MOTIONS_XML.glob("*.xml"))
    texts = sorted(MOTIONS_TEXT.glob("*.txt"))
    assert len(xml) == 400 and len(texts) == 60
    from_xml = content_copy(tmp_path / "xml")
    run = cli("import", *xml, "--content", from_xml)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.count("wrote ") == 400
    check = cli("check", "--content", from_xml)
    assert check.returncode == 0, check.stderr[-2000:]
    from_text = content_copy(tmp_path / "text")
    run = cli("import", *texts, "--content", from_text)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.count("wrote ") == 60
    xml_entries, text_entries = motions(from_xml), motions(from_text)
    reasoned = [  # what a motion asks never opens with one of its reasons
        motion_id
        for motion_id, entry in xml_entries.items()
        if re.match(r"(?:constat|overweg|van mening|gelet op)", str(entry.get("request")), re.I)
    ]
    assert reasoned == []
    for motion_id, entry in text_entries.items():
        assert entry == xml_entries[motion_id], motion_id
    assert_notes_are_located(run.stderr)


def test_a_gewijzigde_motie_whose_paper_gives_no_day_is_imported_with_a_note(
    tmp_path: Path,
) -> None:
    """The official XML of a gewijzigde motie prints no 'Voorgesteld' day (36 602, nr. 142):
    the import says so, and `check` warns at the entry, which no dossier can show."""
    content = content_copy(tmp_path / "content")
    sample = MOTIONS_XML / "28a44ba8-d80d-41c4-984d-7ab37f320aab.xml"
    run = cli("import", sample, "--content", content)
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion koekkoek-36602-142\n"
    assert run.stderr == (
        f"{sample}:13: the file does not give the day motion 36 602, nr. 142 was submitted "
        "('Voorgesteld <date>'); until its entry has 'submitted: YYYY-MM-DD', or 'briefing "
        "kamer link' finds its record, no dossier or register shows it\n"
    )
    assert "submitted" not in motions(content)["koekkoek-36602-142"]
    checked = cli("check", "--content", content).stderr
    assert "warning: motion 'koekkoek-36602-142' has no day" in checked


def test_kennisgenomen_hebbende_is_a_consideration_not_the_request(tmp_path: Path) -> None:
    """A real motion naming an informateur opens 'kennisgenomen hebbende van het verslag van
    de verkenner ...;': the Kamer's reason, so the request is what it then does ('neemt de
    inhoud van dit advies over; wijst ... aan')."""
    content = content_copy(tmp_path / "content")
    sample = MOTIONS_XML / "3eb073cd-3a6e-434c-adf7-1ecc3df1a7b1.xml"
    run = cli("import", sample, "--content", content)
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion wilders-36471-5\n"
    motion = motions(content)["wilders-36471-5"]
    assert str(motion["considerations"][0]).startswith(
        "kennisgenomen hebbende van het verslag van de verkenner"
    )
    assert str(motion["request"]).startswith("neemt de inhoud van dit advies over; wijst")


def test_a_clause_with_reasons_after_it_is_a_reason_too(tmp_path: Path) -> None:
    """A real motion's first clause lacks its opening word ('hernieuwde aandacht voor de
    wensen van de regio ...;'), and two 'overwegende dat' follow: it is one of the reasons,
    and the request is 'verzoekt de regering ...' alone."""
    content = content_copy(tmp_path / "content")
    sample = MOTIONS_TEXT / "092f4144-5ccb-4357-949e-6e793c1755d6.txt"
    run = cli("import", sample, "--content", content)
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion de-hoop-36410-a-34\n"
    motion = motions(content)["de-hoop-36410-a-34"]
    considerations = motion["considerations"]
    assert len(considerations) == 3
    assert str(considerations[0]).startswith("hernieuwde aandacht")
    assert str(motion["request"]).startswith("verzoekt de regering om beide plannen voor de A27")
