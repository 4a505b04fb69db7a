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


def test_a_footnote_call_and_a_theme_without_anything_are_errors_at_their_place(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The notes have no footnotes: a call would vanish from the dossier. A theme with no
    line and no question would print as a heading over nothing."""
    notes = content_copy / "qa" / f"{AO_2018}.yaml"
    lines = notes.read_text(encoding="utf-8").splitlines()
    called = next(n for n, line in enumerate(lines, 1) if "Daarvoor is het" in line)
    lines[called - 1] = lines[called - 1].replace("Daarvoor", "Daarvoor[^evaluatie]")
    empty = lines.index("  - theme: Indicator 90 procent") + 1
    lines.insert(empty - 1, "  - theme: Leeg")
    notes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", "--content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{notes}:{called - 1}:9: themes[0].questions[0].answer: '[^evaluatie]' calls a "
        "footnote, and the notes have none; cite the letter's section in 'sources', or write "
        "what the footnote says in the text (got 'Daarvoor[^evaluatie] is het nog te vroeg: "
        "de meeste conve...')\n"
    ) in err
    assert (
        f"{notes}:{empty}:5: themes[1].theme: the theme has neither 'lines' nor 'questions'; "
        "give it a line to take or a question, or remove it (got 'Leeg')\n"
    ) in err
