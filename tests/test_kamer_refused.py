"""A person's "not this record" in ``kamer.yaml``: ``link`` never links a refused record to
the item, and a refusal of a link the file makes is an error where it stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.kamer.facts_file import read_facts
from briefing.types import MotionRef
from tests.conftest import cli
from tests.test_kamer_link import content, link, no_live_service, store

__all__ = ["content", "no_live_service", "store"]  # the fixtures, shared with the link tests

BECKER = (
    "Zaak 2018Z06147 (Motie, 2018-04-04, 'Motie van het lid Becker c.s. over het actief "
    "tegengaan van misstan...')"
)
#: Of the two records that fit motion Amhaouch, 34 952 nr. 7, the one about cacao is not it.
NOT_CACAO = """\
refused:
  # Reviewed: the cacao motion is nr. 7 of another dossier.
  - motion: amhaouch-34952-7
    zaak: 2018Z12844
    note: over cacao, een ander dossier
"""


def test_a_refused_record_is_never_linked_and_the_refusal_stays(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content / "kamer.yaml"
    path.write_text("refused:\n  - motion: becker-26485-277\n    zaak: 2018Z06147\n", "utf-8")
    lines = link(content, store, capsys)
    assert (
        f"refused motion becker-26485-277: volgnummer 277, first submitter Becker, dossier "
        f"'Maatschappelijk verantwoord ondernemen' (that of 26485); {path} refuses 2018Z06147; "
        "not linked"
    ) in lines
    assert not any(line.startswith("linked motion becker-26485-277") for line in lines)
    assert lines[-1] == (
        "linked 12 of 20 content items (2 letters, 4 motions, 4 debates, 2 commitments; 0 kept, "
        f"12 new); 1 ambiguous, 1 near, 5 not found, 1 refused; wrote {path}"
    )
    facts = read_facts(path)
    assert "becker-26485-277" not in {f.motion for f in facts.motions}
    assert [(r.motion, r.zaak) for r in facts.refused] == [("becker-26485-277", "2018Z06147")]
    assert path.read_text("utf-8").endswith(
        "refused:\n- motion: becker-26485-277\n  zaak: 2018Z06147\n"
    )
    again = link(content, store, capsys)  # the next run keeps the links and the refusal
    assert any(line.startswith("refused motion becker-26485-277: ") for line in again)
    assert [(r.motion, r.zaak) for r in read_facts(path).refused] == [
        ("becker-26485-277", "2018Z06147")
    ]


def test_refusing_one_of_two_records_that_fit_links_the_other(
    content: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content / "kamer.yaml"
    path.write_text(NOT_CACAO, "utf-8")
    lines = link(content, store, capsys)
    assert (
        "linked motion amhaouch-34952-7 → Zaak 2017Z08382 (Motie, 2017-06-15, 'Motie van het lid "
        "Amhaouch c.s. over het zichtbaar maken van de res...'): 2 records fit (volgnummer 7, "
        f"first submitter Amhaouch); {path} refuses 2018Z12844"
    ) in lines
    facts = read_facts(path)
    assert {f.motion: f.zaak for f in facts.motions}[MotionRef("amhaouch-34952-7")] == "2017Z08382"
    text = path.read_text("utf-8")
    assert (
        "refused:\n# Reviewed: the cacao motion is nr. 7 of another dossier.\n"
        "- motion: amhaouch-34952-7\n  zaak: 2018Z12844\n  note: over cacao, een ander dossier\n"
    ) in text


def test_check_refuses_a_refusal_of_the_link_the_file_makes(content: Path) -> None:
    path = content / "kamer.yaml"
    linked = "motions:\n  - motion: becker-26485-277\n    zaak: 2018Z06147\n"
    path.write_text(f"{linked}refused:\n  - motion: becker-26485-277\n    zaak: 2018Z06147\n")
    done = cli("check", "--content", content)
    assert done.returncode == 1
    assert (
        f"{path}:6:5: refused[0].zaak: the motion entry for 'becker-26485-277' links this "
        "record; remove that entry or this refusal"
    ) in done.stdout + done.stderr

    path.write_text("refused:\n  - motion: becker-26485-277\n    activiteit: 2018A02240\n")
    done = cli("check", "--content", content)
    assert done.returncode == 1
    assert (
        f"{path}:2:5: refused[0]: name the motion's wrong record as 'zaak' and nothing else"
    ) in done.stdout + done.stderr
