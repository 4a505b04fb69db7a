"""How good the import's proposals are, and that no XML or PDF makes it fail badly.

The status updates the drafts of the two source letters propose are scored against the
hand-made letters (``bench.importing``): below 0.9 precision or 0.8 recall for motion or
commitment updates, the test fails. Property tests feed random, truncated and hostile XML
and PDF bytes to the importer: each gives a draft, an entry or a ``BriefingError``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.importing import AIMS, evaluate, proposals_table
from briefing.corpus import load_corpus
from briefing.importing import import_files
from briefing.layout import REGISTRY_FILES
from tests.conftest import CONTENT, FIXTURES

SHARED = Path(__file__).resolve().parents[2] / "shared"
XML = [
    (FIXTURES / "import" / "kst-26485-395.xml").read_bytes(),
    *(
        p.read_bytes()
        for p in sorted((SHARED / "kamer-open-data" / "motions-xml").glob("*.xml"))[:3]
    ),
]
PDF = (FIXTURES / "import" / "2022-04-07-letter.pdf").read_bytes()
SCAN = (FIXTURES / "import" / "scan.pdf").read_bytes()
REGISTRIES = [CONTENT / name for name in REGISTRY_FILES.values()]
PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_status_updates_meet_the_aims_on_the_source_letters(tmp_path: Path) -> None:
    scores = evaluate(tmp_path)
    table = "\n".join(proposals_table(scores))
    for kind, (precision, recall) in AIMS.items():
        assert scores[kind].truth, kind
        assert scores[kind].precision >= precision, table
        assert scores[kind].recall >= recall, table


def _import(data: bytes, name: str) -> str:
    """Import ``data`` into fresh content; 'imported' or 'refused', or fail the test."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        for registry in REGISTRIES:
            shutil.copy(registry, content)
        source = Path(folder) / name
        source.write_bytes(data)
        (result,) = import_files([source], content)
        corpus = load_corpus(content)
        assert not corpus.errors, [str(p) for p in corpus.errors]
        if result.error is not None:
            assert str(source) in result.error and "\n" not in result.error
            return "refused"
        assert result.wrote
        return "imported"


@PROPERTY_SETTINGS
@given(st.sampled_from(XML), st.floats(0, 1))
def test_truncated_xml_gives_a_draft_or_an_error(data: bytes, where: float) -> None:
    _import(data[: round(len(data) * where)], "kst-1-1.xml")


@PROPERTY_SETTINGS
@given(st.sampled_from(XML), st.integers(0, 10_000), st.binary(min_size=1, max_size=40))
def test_xml_with_random_bytes_inside_gives_a_draft_or_an_error(
    data: bytes, at: int, junk: bytes
) -> None:
    at = at % len(data)
    _import(data[:at] + junk + data[at:], "kst-1-1.xml")


#: Pieces of XML, hostile ones among them, that random documents are made of.
XML_PIECES = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    "&e;",
    "&b;",
    "<officiele-publicatie>",
    "</officiele-publicatie>",
    "<kamerstuk><stuk>",
    "</stuk></kamerstuk>",
    "<stuknr>Nr. <ondernummer>3</ondernummer></stuknr>",
    "<titel>MOTIE VAN HET LID X</titel>",
    "<titel>BRIEF VAN DE MINISTER</titel>",
    "<al>De Kamer,</al>",
    "<al>verzoekt de regering iets,</al>",
    "<al>Den Haag, 1 april 2022</al>",
    "<noot><noot.nr>1</noot.nr><noot.al>x</noot.al></noot>",
    "<dossier><dossiernummer><dossiernr>12 345</dossiernr></dossiernummer></dossier>",
    "<![CDATA[<script>]]>",
    "text",
]


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(XML_PIECES), max_size=40).map("".join))
def test_random_xml_gives_a_draft_or_an_error(text: str) -> None:
    _import(text.encode("utf-8"), "kst-1-1.xml")


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.sampled_from([PDF, SCAN]), st.floats(0, 1))
def test_a_truncated_pdf_gives_a_draft_or_an_error(data: bytes, where: float) -> None:
    _import(data[: max(8, round(len(data) * where))], "brief.pdf")


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.integers(0, len(PDF) - 1), st.binary(min_size=1, max_size=64))
def test_a_damaged_pdf_gives_a_draft_or_an_error(at: int, junk: bytes) -> None:
    _import(PDF[:at] + junk + PDF[at + len(junk) :], "brief.pdf")


@PROPERTY_SETTINGS
@given(st.binary(max_size=3000).map(lambda b: b"%PDF-1.4\n" + b))
def test_random_pdf_bytes_give_a_draft_or_an_error(data: bytes) -> None:
    _import(data, "brief.pdf")
