"""Dossiers in a large corpus: every part of a dossier's body stops at its bound, whatever the
corpus holds, and what is cut is counted, with links that still lead somewhere."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest

from bench.corpus import generate
from briefing.cli import main
from briefing.corpus import load_corpus
from briefing.index import Index
from briefing.index.dossier import (
    CHANGES,
    MILESTONES,
    OPEN_POINTS,
    PARTY_ITEMS,
    SECTORS,
    SINCE_MONTHS,
)
from briefing.index.state import SectorState, add_months
from briefing.plan import Kind, plan
from briefing.render import render
from briefing.settings import load_settings
from briefing.sources import LetterSource
from briefing.views.dossier import dossier_view
from briefing.views.links import Pages
from tests.test_dossier import glance, part_heading_pages


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content of 300 synthetic letters (not to be changed: copy it first)."""
    root = tmp_path_factory.mktemp("large") / "content"
    generate(root, 300)
    return root


def test_the_body_of_every_dossier_is_bounded_in_a_large_corpus(large: Path) -> None:
    """300 synthetic letters: every part of the body stops at its bound, and the bounds are
    reached, so that the body does not grow with the corpus. The sectors left out are
    counted, with a link to the overview that has them all."""
    index = Index(load_corpus(large))
    dossiers = [o for o in plan(index).outputs if o.kind is Kind.DOSSIER]
    assert len(dossiers) > 30
    largest: dict[str, int] = {}
    kept_for_agenda = 0
    for output in dossiers:
        assert output.date is not None
        view = dossier_view(index, output, Pages({}))
        facts = index.dossier(output.key, output.date)
        if facts.since is not None:
            assert facts.since.start >= add_months(output.date, -SINCE_MONTHS)
        assert view.more_sectors == len(facts.state.sectors) - len(view.sectors)
        # Cut to the bound, the sectors the agenda reports on stay, in the registry's order.
        agenda = {s.letter.id for s in facts.agenda}
        on_agenda = {
            key
            for key, sector in facts.state.sectors.items()
            if any(p.source.letter.id in agenda for p in sector.passages)
        }
        shown = [s.sector.id for s in facts.sectors]
        assert on_agenda <= set(shown)
        assert shown == [key for key in facts.state.sectors if key in shown]
        kept_for_agenda += len(shown) == SECTORS and bool(on_agenda)
        sizes = {
            "party": max((len(p.items) for p in view.parties), default=0),
            "changes": len(view.since.changes) if view.since else 0,
            "open": len(view.open),
            "sectors": len(view.sectors),
            "milestones": len(view.milestones),
        }
        largest = {k: max(largest.get(k, 0), n) for k, n in sizes.items()}
    assert largest == {
        "party": PARTY_ITEMS,
        "changes": CHANGES,
        "open": OPEN_POINTS,
        "sectors": SECTORS,
        "milestones": MILESTONES,
    }
    assert kept_for_agenda > 0
    others = dossier_view(index, dossiers[-1], Pages({})).more_sectors
    assert others > 1
    html = render(dossiers[-1], index, load_settings(large), {})[0]
    assert (
        f"En {others} andere sectoren en thema&#39;s: zie het "
        '<a href="../sectors/overzicht.pdf">sectoroverzicht</a>.'
    ) in html


def test_every_link_within_a_dossier_leads_to_a_part_of_it(large: Path) -> None:
    """In every dossier of a large corpus, each link within the dossier has its target."""
    index = Index(load_corpus(large))
    settings = load_settings(large)
    for output in [o for o in plan(index).outputs if o.kind is Kind.DOSSIER]:
        html = render(output, index, settings, {})[0]
        targets = set(re.findall(r'href="#([^"]+)"', html))
        assert targets <= set(re.findall(r' id="([^"]+)"', html)), output.key


def test_a_debate_with_nothing_open_has_no_link_to_an_empty_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before any motion or commitment is open, the dossier counts none and has no
    Openstaand part; its counts link nowhere, so the build warns of no missing target."""
    content, out = tmp_path / "content", tmp_path / "out"
    generate(content, 10)
    debate = next(
        o.key for o in plan(Index(load_corpus(content))).outputs if o.kind is Kind.DOSSIER
    )
    assert main(["prepare", "--content", str(content), "--out", str(out), "--debate", debate]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err
    (pdf,) = (out / "briefings").glob(f"{debate}*.pdf")
    assert "Openstaand" not in part_heading_pages(pdf)
    counts = glance(pdf)
    assert counts["Moties nog niet uitgevoerd"] == counts["Openstaande toezeggingen"] == 0
    reader = pypdf.PdfReader(pdf)
    internal = [
        annot.get_object()["/Dest"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    assert "bijlage" in internal
    assert set(internal) <= set(reader.named_destinations)


def test_an_old_letter_on_the_agenda_keeps_its_sectors_in_a_cut_list(
    large: Path, tmp_path: Path
) -> None:
    """A debate's agenda lists a letter from years before, about sectors that the many
    letters since the previous debate crowd out: listed on the agenda, they are shown."""
    shutil.copytree(large, tmp_path, dirs_exist_ok=True)
    index = Index(load_corpus(tmp_path))
    debate, facts = next(
        (o.key, facts)
        for o in plan(index).outputs
        if o.kind is Kind.DOSSIER and o.date is not None
        for facts in [index.dossier(o.key, o.date)]
        if facts.since is not None and len(facts.sectors) == SECTORS
    )
    shown = {s.sector.id for s in facts.sectors}
    assert facts.since is not None
    old, left_out = next(
        (source.letter.id, sectors - shown)
        for source in facts.state.letters
        if source.letter.date < facts.since.start
        for sectors in [{k for k, s in facts.state.sectors.items() if _reports(s, source)}]
        if sectors - shown
    )
    debates = tmp_path / "debates.yaml"
    text = debates.read_text(encoding="utf-8")
    start = f"- id: {debate}\n"
    debates.write_text(text.replace(start, f"{start}  agenda:\n  - {old}\n"), encoding="utf-8")

    facts = Index(load_corpus(tmp_path)).dossier(debate, facts.state.date)
    assert [s.letter.id for s in facts.agenda] == [old]
    now = [s.sector.id for s in facts.sectors]
    assert len(now) == SECTORS
    assert left_out <= set(now)
    assert now == [key for key in facts.state.sectors if key in now]


def _reports(sector: SectorState, source: LetterSource) -> bool:
    """Whether the letter ``source`` reports on ``sector``."""
    return any(p.source.letter.id == source.letter.id for p in sector.passages)
