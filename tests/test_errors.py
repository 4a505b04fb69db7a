"""Errors an author can act on: every problem named as path:line:column: field: message."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import cli, text_of

LETTER = "letters/2018-11-13-voortgang-imvo-beleid.yaml"
LOCATION = re.compile(r"^(?P<path>[^:\s]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<rest>.+)$")


def run_check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Exit status and error lines of ``briefing check`` (the bundled content's warnings aside)."""
    status = main(["check", "--content", str(content)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if LOCATION.match(line)]
    return status, [line for line in lines if ": warning: " not in line]


def line_of(problem: str) -> int:
    """The line of the content file that an error line of ``run_check`` points at."""
    location = LOCATION.match(problem)
    assert location, problem
    return int(location["line"])


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line equal to ``old`` (stripped); return its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if line.strip() == old:
            indent = line[: len(line) - len(line.lstrip())]
            lines[number - 1] = indent + new + "\n"
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"line {old!r} not found in {path}")


def test_clean_content_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "0 errors" in capsys.readouterr().err


def test_usage_error_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--content", "does-not-exist"])
    assert exit_info.value.code == 2
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["x", "-1", "1.5"])
def test_a_number_of_processes_that_is_none_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--out", str(tmp_path / "out"), "--jobs", jobs])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"briefing build: error: argument --jobs: '{jobs}' is not a number of processes, e.g. 2"
    )
    assert not (tmp_path / "out").exists()


def test_yaml_syntax_error(content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = replace_line(content_copy / LETTER, "subject: Voortgang IMVO-beleid", "subject: [oops")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert len(problems) == 1 and "YAML syntax" in problems[0]
    assert line_of(problems[0]) >= line


@pytest.mark.parametrize(("escape", "code"), [("\\x07", "0007"), ("\\u2028", "2028")])
def test_a_character_no_reader_sees_written_as_an_escape_is_an_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str], escape: str, code: str
) -> None:
    """YAML refuses a control character as it stands, but writes one for an escape in
    quotes; the PDF would show it as an empty box."""
    path = content_copy / LETTER
    line = replace_line(
        path, "subject: Voortgang IMVO-beleid", f'subject: "Voortgang{escape} IMVO-beleid"'
    )
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert problems == [
        f"{path}:{line}:10: subject: the text holds the character U+{code}, which no reader "
        "sees and the PDF cannot show (an escape in quotes, such as '\\x07', writes it); "
        "remove it"
    ]


#: Mistakes on one line: the file, the line as it was and as written, and the error's
#: column, field and message.
ONE_LINE_MISTAKES = {
    "a figure too large to be one (a typing mistake, which Dutch numbers cannot print)": (
        LETTER,
        "value: 56",
        "value: 10000000000000000000000000",
        "17: sections[1].sections[1].sections[0].figures[0].value: the number must be at most "
        "1,000,000,000,000,000 (got 10000000000000000000000000)",
    ),
    "a number YAML reads as octal, which would quote another figure": (
        LETTER,
        "value: 56",
        "value: 056",
        "24: sections[1].sections[1].sections[0].figures[0].value: YAML reads '056' as 46 (a "
        "leading zero makes it an octal number); write the number in plain digits, or put it "
        "in quotes if it is text",
    ),
    "a binary number without digits, which YAML cannot read as the number it claims to be": (
        LETTER,
        "value: 56",
        "value: 0b_",
        "24: sections[1].sections[1].sections[0].figures[0].value: cannot read '0b_' as a "
        "number; shorten it, or put it in quotes if it is text",
    ),
    "an empty text": (
        "commitments.yaml",
        "made_by: Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        'made_by: ""',
        "5: commitments[0].made_by: the text is empty; fill it in, or remove the field if it "
        "is optional",
    ),
    "a motion that replaces itself": (
        "motions.yaml",
        "kamerstuk: 26 485, nr. 224",
        "kamerstuk: 26 485, nr. 224\n    replaces: 26 485, nr. 224",
        "5: motions[0].replaces: a motion replaces another motion, not itself "
        "(Kamerstuk 26 485, nr. 224); "
        "give the number of the motion it replaces",
    ),
    "a name too long for its line": (
        "sectors.yaml",
        "full_name: IMVO-Convenant Verantwoord Goud",
        f"full_name: IMVO-Convenant Verantwoord Goud{' en zilver' * 20}",
        "5: sectors[2].full_name: the text has 231 characters, more than the 200 that fit "
        "here; shorten it (got 'IMVO-Convenant Verantwoord Goud en zilver en zilver en zi...')",
    ),
    "an item with two entries in kamer.yaml, at the second": (
        "kamer.yaml",
        "- motion: bouali-26485-280",
        "- motion: becker-26485-277",
        "3: motions[2].motion: motion 'becker-26485-277' has an entry already, at motions[1]; "
        "keep one",
    ),
}


@pytest.mark.parametrize("mistake", ONE_LINE_MISTAKES)
def test_a_mistake_on_one_line_is_an_error_there(
    content_copy: Path, capsys: pytest.CaptureFixture[str], mistake: str
) -> None:
    name, old, new, error = ONE_LINE_MISTAKES[mistake]
    path = content_copy / name
    line = replace_line(path, old, new)
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert problems == [f"{path}:{line + new.count(chr(10))}:{error}"]


def test_a_word_after_a_hash_that_yaml_cuts_off_as_a_comment_is_warned_of(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a plain text ' #' begins a comment: 'motie #3' would silently lose '#3'. A '#' with
    a word right after it is said to be cut off; a quoted text and a comment written '# ...'
    are left alone."""
    path = content_copy / LETTER
    line = replace_line(path, "subject: Voortgang IMVO-beleid", "subject: Voortgang motie #3")
    replace_line(path, "- Binnenhof 4", '- "Binnenhof #4"')
    replace_line(path, "- Den Haag", "- Den Haag  # de stad")
    assert main(["check", "--content", str(content_copy)]) == 0
    err = capsys.readouterr().err
    ours = [line for line in err.splitlines() if line.startswith(str(path)) and "#" in line]
    assert ours == [
        f"{path}:{line}:26: subject: warning: YAML reads '#3' as a comment, so the text ends "
        "before it; if it belongs to the text, put the whole text in quotes; a comment is "
        "written '# ' with a space"
    ]
    assert "0 errors, 4 warnings" in err


def test_a_letter_dated_after_today_is_warned_of(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped year (2922 for 2022) keeps the letter out of every dossier before it."""
    path = content_copy / "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
    line = replace_line(path, "date: 2022-04-07", "date: 2922-04-07")
    before = dt.date.today()
    assert main(["check", "--content", str(content_copy)]) == 0
    days = {before, dt.date.today()}  # the same day, unless the check ran over midnight
    warnings = {
        f"{path}:{line}:1: date: warning: the letter is dated 2922-04-07, after today "
        f"({today.isoformat()}): the dossiers and registers of the days before leave it out; "
        "check the date"
        for today in days
    }
    assert warnings & set(capsys.readouterr().err.splitlines())


def test_a_value_still_the_imports_placeholder_is_warned_of_and_strict_refuses_it(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The import writes 'onbekend' where its source does not say (a Kamerstuk prints no
    reference, a web page no directorate); left standing, the letter's PDF would print it."""
    path = content_copy / LETTER
    directorate = replace_line(
        path, "directorate: Dir. Int. Marktordening en Handelspol.", "directorate: onbekend"
    )
    reference = replace_line(path, "- BZ", "- onbekend")
    assert main(["check", "--content", str(content_copy)]) == 0
    ours = [line for line in capsys.readouterr().err.splitlines() if "onbekend" in line]
    then = "the import's placeholder where its source does not say; the PDF prints it as it "
    assert ours == [
        f"{path}:{directorate}:3: sender.directorate: warning: still 'onbekend', {then}"
        "stands: fill in the real value",
        f"{path}:{reference}:7: references.ours[0]: warning: still 'onbekend', {then}"
        "stands: fill in the real value",
    ]
    assert main(["check", "--strict", "--content", str(content_copy)]) == 1


def test_the_imports_review_comments_left_in_a_letter_are_warned_of_once(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft says 'check every TODO review comment, then run briefing check': check says
    how many are left, at the first; a plain comment, or the words in a text (also a line
    of a text written over lines that reads as one), are not one."""
    path = content_copy / LETTER
    first = replace_line(
        path, "subject: Voortgang IMVO-beleid", "# TODO review: the subject\nsubject: Voortgang"
    )
    replace_line(path, "- Binnenhof 4", "# TODO review: the address\n    - Binnenhof 4")
    replace_line(path, "- Den Haag", "# een gewone opmerking\n    - 'TODO review: Den Haag'")
    replace_line(
        path,
        "salutation: Geachte voorzitter,",
        "salutation: |-\n  Geachte voorzitter,\n  # TODO review: a line of the text",
    )
    replace_line(path, "name: Sigrid A.M. Kaag", 'name: "Sigrid\n    # TODO review: A.M. Kaag"')
    assert main(["check", "--content", str(content_copy)]) == 0
    ours = [line for line in capsys.readouterr().err.splitlines() if "TODO" in line]
    assert ours == [
        f"{path}:{first}:1: warning: 2 'TODO review' comments of the import are still in the "
        "file, the first here: check what each proposes, then delete the comment"
    ]


def test_duplicate_key(content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = content_copy / LETTER
    line = replace_line(
        path, "subject: Voortgang IMVO-beleid", "subject: Voortgang IMVO-beleid\nsubject: Twee"
    )
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert problems == [
        f"{path}:{line + 1}:1: subject: duplicate key 'subject' (first given on line {line}); "
        "keep one of them"
    ]


def test_unknown_field_suggests_the_right_one(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / LETTER
    line = replace_line(path, "salutation: Geachte voorzitter,", "salutaton: Geachte voorzitter,")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert len(problems) == 2
    unknown = next(p for p in problems if "unknown field" in p)
    assert unknown.startswith(f"{path}:{line}:1: salutaton: unknown field 'salutaton'; ")
    assert "did you mean 'salutation'?" in unknown
    assert any("salutation: required field 'salutation' is missing" in p for p in problems)


def test_missing_required_field(content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = content_copy / "motions.yaml"
    replace_line(path, "kamerstuk: 26 485, nr. 224", "")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert len(problems) == 1
    assert problems == [
        f"{path}:4:5: motions[0].kamerstuk: required field 'kamerstuk' is missing (Kamerstuk "
        "number, e.g. '26 485, nr. 224')"
    ]


def test_wrong_type_and_impossible_date_in_one_run(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "debates.yaml"
    date_line = replace_line(path, "date: 2018-11-14", "date: 2018-02-30")
    kind_line = replace_line(path, "kind: notaoverleg", "kind: [notaoverleg]")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert len(problems) == 2
    by_line = {line_of(p): p for p in problems}
    assert "debates[3].date:" in by_line[date_line]
    assert by_line[date_line].endswith(
        "debates[3].date: '2018-02-30' is no day in the calendar: month 02 of 2018 has 28 "
        "days; write an existing day as YYYY-MM-DD"
    )
    assert "debates[2].kind: expected 'algemeen overleg', " in by_line[kind_line]
    assert by_line[kind_line].endswith("here, not a list (got ['notaoverleg'])")


def test_dangling_reference_names_both_places(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / LETTER
    line = replace_line(path, "debate: ao-imvo-2018-11-14", "debate: ao-imvo-2018-11-15")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert problems == [
        f"{path}:{line}:1: debate: no debate with id 'ao-imvo-2018-11-15' in "
        f"{content_copy / 'debates.yaml'}; did you mean 'ao-imvo-2018-11-14'?"
    ]


def test_duplicate_id_names_both_places(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "sectors.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(n for n, text in enumerate(lines, 1) if text.strip() == "- id: goud")
    lines += ["", "  - id: goud", "    kind: convenant", "    name: Goud, nogmaals"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert problems == [
        f"{path}:{len(lines) - 2}:5: sectors[18].id: duplicate sector id 'goud'; "
        f"already defined at {path}:{first}:5"
    ]


def test_footnote_called_but_not_defined_and_the_reverse(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / LETTER
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[^ser-imvo-convenanten]", "[^ser]", 1), encoding="utf-8")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert any("footnote [^ser] is called but not defined" in p for p in problems)
    assert any("footnote 'ser-imvo-convenanten' is defined but never called" in p for p in problems)


def test_aliases_and_empty_files_are_errors(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_copy / "letters" / "2030-01-01-leeg.yaml").write_text("", encoding="utf-8")
    (content_copy / "letters" / "2030-01-02-bom.yaml").write_text(
        "a: &a [x, x]\nb: [*a, *a]\n", encoding="utf-8"
    )
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert any("2030-01-01-leeg.yaml:1:1: file is empty" in p for p in problems)
    assert any("anchors and aliases are not allowed" in p for p in problems)


def test_a_broken_letter_does_not_stop_the_others(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_line(content_copy / LETTER, "subject: Voortgang IMVO-beleid", "subject: [oops")
    out = tmp_path / "out"
    status = main(["build", "--content", str(content_copy), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in captured.err
    assert [p.name for p in (out / "letters").iterdir()] == [
        "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.pdf"
    ]
    assert "2018-11-13-voortgang-imvo-beleid.yaml: not built" in captured.out


def test_no_warning_that_no_letter_reports_on_what_a_letter_with_errors_names(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = content_copy / "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml"
    motion = "motion 'amhaouch-35925-xvii-33' has no day"  # only this letter reports on it
    replace_line(later, "date: 2022-04-07", "date: 2022-02-30")
    assert main(["check", "--content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert ": date: '2022-02-30' is no day in the calendar" in err
    assert motion not in err
    assert err.splitlines()[-1] == "8 files checked: 1 error, 0 warnings"
    later.unlink()  # without the letter no letter reports on it, and that is said
    assert main(["check", "--content", str(content_copy)]) == 1  # kamer.yaml names it
    assert motion in capsys.readouterr().err


def test_console_script_prints_no_traceback(content_copy: Path) -> None:
    replace_line(content_copy / LETTER, "date: 2018-11-13", "date: 13-11-2018")
    result = cli("check", "--content", content_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ": date: write the day as YYYY-MM-DD: 2018-11-13 (got '13-11-2018')" in result.stderr


def test_an_id_with_a_path_separator_is_explained(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "debates.yaml"
    line = replace_line(path, "- id: ao-jemen-2020-03-04", "- id: ../ao-jemen")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert (
        f"{path}:{line}:5: debates[7].id: '../ao-jemen' is not a valid id; ids are lower-case "
        "letters and digits joined by single hyphens, e.g. 'van-laar-26485-224'"
    ) in problems
    # The entry is gone, so what referred to it by its old id is reported too.
    assert all("ao-jemen" in p for p in problems)


def test_a_broken_registry_entry_keeps_the_reports_from_before(
    content_copy: Path, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = {p: p.read_bytes() for p in out.rglob("*.pdf")}
    path = content_copy / "motions.yaml"
    original = path.read_text(encoding="utf-8")
    line = replace_line(path, "kamerstuk: 26 485, nr. 224", "kamerstuk: 26 485")
    status = main(["build", "--content", str(content_copy), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert "internal error" not in captured.err and "Traceback" not in captured.err
    assert f"{path}:{line}:" in captured.err
    # A briefing or summary made without the broken motion would be wrong: the previous
    # ones stay, and the build says so.
    assert "20 kept from before (content has errors)" in captured.out
    assert {p: p.read_bytes() for p in out.rglob("*.pdf")} == before
    # Once the motion is mended, nothing needs rendering again.
    path.write_text(original, encoding="utf-8")
    assert main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    assert "0 rebuilt, 22 up to date, 0 failed" in capsys.readouterr().out


def test_a_first_build_of_broken_content_says_what_it_did_not_make(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With nothing from before, the reports a broken registry entry holds back are not made,
    and the closing line says so rather than that they were kept."""
    out = tmp_path / "out"
    replace_line(content_copy / "motions.yaml", "kamerstuk: 26 485, nr. 224", "kamerstuk: 26 485")
    assert main(["build", "--content", str(content_copy), "--out", str(out)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "2 rebuilt, 0 up to date, 0 failed, 20 not made (content has errors)"
    )
    assert sorted(p.relative_to(out).parts[0] for p in out.rglob("*.pdf")) == ["letters"] * 2


def test_the_overview_name_is_not_a_sector_id(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_copy / "sectors.yaml"
    line = replace_line(path, "- id: windenergie", "- id: overzicht")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert (
        f"{path}:{line}:5: sectors[12].id: the id 'overzicht' is reserved for the overview of "
        "all sectors; choose another id"
    ) in problems
    # The letters still name 'windenergie', which is now gone: those are reported as well.
    assert all("overzicht" in p or "'windenergie'" in p for p in problems)


def test_a_mistake_in_a_debates_lines_to_take_holds_back_only_its_dossier(
    content_copy: Path, built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lines to take are read by their debate's dossier alone: the letters, the other
    dossiers and the sector summaries are made as ever, that dossier is kept from before."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    dossier = out / "briefings" / "ao-imvo-2018-11-14.pdf"
    before = dossier.read_bytes()
    path = content_copy / "qa" / "ao-imvo-2018-11-14.yaml"
    original = path.read_text(encoding="utf-8")
    line = replace_line(
        path,
        "sources: [2018-11-13-voortgang-imvo-beleid#voortgang-imvo-convenanten]",
        "sources: [2018-11-13-voortgang-imvo-beleid#nope]",
    )
    replace_line(content_copy / "sectors.yaml", "name: Goud", "name: Goud (mijnbouw)")
    assert main(["build", "--content", str(content_copy), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:{line}:" in captured.err
    assert captured.out.splitlines()[-1].endswith(
        "0 failed, 1 kept from before (content has errors)"
    )
    assert "Goud (mijnbouw)" in text_of(out / "sectors" / "overzicht.pdf")
    assert dossier.read_bytes() == before
    path.write_text(original, encoding="utf-8")  # mended: the dossier is made again
    assert main(["build", "--content", str(content_copy), "--out", str(out)]) == 0
    assert "Goud (mijnbouw)" in text_of(dossier)


def test_lines_to_take_filed_under_another_debates_name_hold_back_the_debate_they_name(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file of lines to take named after one debate and about another is read by neither
    dossier; the dossier of the debate it names is not made without them."""
    notes = content_copy / "qa" / "ao-imvo-2018-11-14.yaml"
    misnamed = notes.rename(content_copy / "qa" / "ao-imvo-2018-11-13.yaml")
    error = (
        f"{misnamed}:4:1: debate: the file is named 'ao-imvo-2018-11-13.yaml' but is about "
        "debate 'ao-imvo-2018-11-14'; name it 'ao-imvo-2018-11-14.yaml'"
    )
    out = tmp_path / "out"
    assert main(["prepare", "--content", str(content_copy), "--out", str(out), "--debate",
                 "ao-imvo-2018-11-14"]) == 1  # fmt: skip
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", error + "\n")
    assert main(["build", "--content", str(content_copy), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert error in captured.err.splitlines()
    assert captured.out.splitlines()[-1] == (
        "21 rebuilt, 0 up to date, 0 failed, 1 not made (content has errors)"
    )
    assert not (out / "briefings" / "ao-imvo-2018-11-14.pdf").exists()


def test_a_letter_in_a_folder_inside_letters_is_said_to_be_unread_and_hidden_files_are_not_read(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A letter filed in a folder of its year would silently be left out; an editor's lock
    file and the file a Mac leaves beside each file on a shared drive are no letters."""
    letters = content_copy / "letters"
    (letters / "2020").mkdir()
    filed = letters / "2020" / "2020-01-01-voortgang.yaml"
    shutil.copy(content_copy / LETTER, filed)
    (letters / ".#2018-11-13-voortgang-imvo-beleid.yaml").symlink_to("nowhere")
    (letters / "._2018-11-13-voortgang-imvo-beleid.yaml").write_bytes(b"\x00\x05\x16\x07Mac OS X")
    status, problems = run_check(content_copy, capsys)
    assert status == 1
    assert problems == [
        f"{filed}:1:1: this file is not read: the files of letters/ are read from that folder "
        "itself, not from a folder in it; move it into letters/"
    ]


def test_an_id_listed_twice_is_an_error_and_a_later_letter_on_an_agenda_a_warning(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sector a section names twice would be counted twice; a letter dated after the
    debate whose agenda names it cannot have been on it."""
    path = content_copy / LETTER
    line = replace_line(
        path,
        "sectors: [kinderarbeid, leefbaar-loon, cacao, kolen-colombia]",
        "sectors: [kinderarbeid, leefbaar-loon, cacao, kolen-colombia, cacao]",
    )
    debates = content_copy / "debates.yaml"
    later = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    agenda = replace_line(
        debates,
        "- id: ao-imvo-2018-11-14",
        f"- id: ao-imvo-2018-11-14\n    agenda: [2018-11-13-voortgang-imvo-beleid, {later}]",
    )
    status = main(["check", "--content", str(content_copy)])
    err = capsys.readouterr().err
    assert status == 1
    assert f"{path}:{line}:5: sections[0].sectors: 'cacao' is listed twice; list it once\n" in err
    assert (
        f"{debates}:{agenda + 1}:48: debates[3].agenda[1]: warning: the letter '{later}' is "
        "dated 2022-04-07, after the debate whose agenda names it (2018-11-14); check the "
        "agenda or the letter's date\n"
    ) in err
