"""Mistakes in a debate's lines to take and questions (``qa/<debate-id>.yaml``) are reported at
their place, and hold back that debate's dossier alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from tests.test_dossier import AO_2018

ASKED_AGAIN = """\
      - question: >-
          Indien gevraagd: hoe wordt gemeten of 90 procent van de grote  bedrijven de
          OESO-richtlijnen onderschrijft?
        answer: Zie de brief.
        sources: [2018-11-13-voortgang-imvo-beleid#voortgang-imvo-convenanten]
"""


def test_a_question_asked_twice_is_an_error_at_the_second(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = content_copy / "qa" / f"{AO_2018}.yaml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text + ASKED_AGAIN, encoding="utf-8")
    line = len(text.splitlines()) + 1
    problem = (
        f"{notes}:{line}:9: themes[1].questions[1].question: this question is already asked "
        "at themes[1].questions[0]; ask each question once (got 'Indien gevraagd: hoe wordt "
        "gemeten of 90 procent van de g...')\n"
    )
    assert main(["check", "--content", str(content_copy)]) == 1
    assert problem in capsys.readouterr().err
    out, content = tmp_path / "out", ["--content", str(content_copy)]
    assert main(["prepare", *content, "--out", str(out), "--debate", AO_2018]) == 1
    assert capsys.readouterr()[:2] == ("", problem)
    other = "ao-imvo-2019-06-20"
    assert main(["prepare", *content, "--out", str(out), "--debate", other]) == 1
    pdf = out / "briefings" / f"{other}-2019-06-20.pdf"
    aside = problem + "1 error in lines to take and questions this document does not use\n"
    assert capsys.readouterr()[:2] == (f"wrote {pdf}\n", aside)
