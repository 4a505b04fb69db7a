"""The cache of loaded content files in the output folder: a build that takes a file from it
says and prints exactly what a build that reads the file says and prints."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing import corpus
from briefing.load_cache import CACHE_DIR
from tests.conftest import cli, text_of

LETTER = "letters/2018-11-13-voortgang-imvo-beleid.yaml"
PARAGRAPH = "In deze brief wordt eerst ingegaan op de voortgang van de IMVO-convenanten."
#: A letter with a problem of each kind that loading a file yields: one of reading the YAML
#: (a duplicate key) and one of validating it (an unknown field).
INVALID = """\
# yaml-language-server: $schema=../schemas/letter.schema.json
id: 2023-06-01-kapotte-brief
date: 2023-06-01
subject: Een brief met fouten
subject: Een brief met twee onderwerpen
colour: blauw
"""
#: A valid letter with a problem of its own (a section id used twice) and one that depends
#: on another file (an unknown motion).
BROKEN = """\
# yaml-language-server: $schema=../schemas/letter.schema.json
id: 2023-06-02-brief-met-fouten
date: 2023-06-02
subject: Een brief met fouten
sender:
  ministry: Ministerie van Buitenlandse Zaken
  directorate: Directie Internationale Marktordening en Handelspolitiek
  visiting_address: [Rijnstraat 8, 2515 XP Den Haag]
  postal_address: [Postbus 20061]
  country: Nederland
  website: www.rijksoverheid.nl
references:
  ours: [BZDOC-1]
  attachments: []
addressee:
  lines: [Aan de Voorzitter van de Tweede Kamer der Staten-Generaal]
salutation: Geachte voorzitter,
signatory:
  title: De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,
  name: Liesje Schreinemacher
sections:
  - id: textiel
    heading: Kleding en textiel
    body: [Het aantal aangesloten merken is gestegen.]
  - id: textiel
    body: [Nog een alinea.]
    motions: [geen-bestaande-motie]
"""
BROKEN_FILE = "letters/2023-06-02-brief-met-fouten.yaml"
INVALID_FILE = "letters/2023-06-01-kapotte-brief.yaml"


def write_broken(content: Path) -> None:
    """Add the two letters with problems to ``content``."""
    (content / INVALID_FILE).write_text(INVALID, encoding="utf-8")
    (content / BROKEN_FILE).write_text(BROKEN, encoding="utf-8")


def build(content: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """A build in a new process, as a user runs it: nothing is remembered but the cache."""
    return cli("build", "--content", content, "--out", out)


def entries(out: Path) -> list[Path]:
    """The cache's entries."""
    return sorted((out / CACHE_DIR).glob("*.json"))


def loaded_files(content: Path) -> int:
    """How many files a build loads through the cache: the four registries and the letters."""
    return 4 + len(list((content / "letters").glob("*.yaml")))


def problems(done: subprocess.CompletedProcess[str], content: Path) -> list[str]:
    """The lines of a build's output that point into the content, with the folder cut off."""
    prefix = f"{content}/"
    lines = (done.stdout + done.stderr).splitlines()
    return [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]


def test_a_changed_letter_is_printed_anew_after_a_build_that_kept_its_old_load(
    out: Path, content_copy: Path
) -> None:
    letter = content_copy / LETTER
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("eerst ingegaan", "allereerst ingegaan"), encoding="utf-8")
    first = build(content_copy, out)
    assert first.returncode == 0, first.stdout + first.stderr
    assert len(entries(out)) == loaded_files(content_copy)
    letter.write_text(text.replace("eerst ingegaan", "ten eerste ingegaan"), encoding="utf-8")
    second = build(content_copy, out)
    assert second.returncode == 0, second.stdout + second.stderr
    printed = " ".join(text_of(out / LETTER.replace(".yaml", ".pdf")).split())
    assert "In deze brief wordt ten eerste ingegaan op de voortgang" in printed
    assert "allereerst" not in printed
    # Back to the bytes of the first build: their load was dropped, and is made again.
    letter.write_text(text.replace("eerst ingegaan", "allereerst ingegaan"), encoding="utf-8")
    third = build(content_copy, out)
    assert third.returncode == 0, third.stdout + third.stderr
    printed = " ".join(text_of(out / LETTER.replace(".yaml", ".pdf")).split())
    assert "In deze brief wordt allereerst ingegaan op de voortgang" in printed


def test_problems_come_from_the_cache_at_their_exact_place(out: Path, content_copy: Path) -> None:
    write_broken(content_copy)
    first = build(content_copy, out)
    assert first.returncode == 1
    reported = problems(first, content_copy)
    motions = content_copy / "motions.yaml"
    for line in [
        f"{INVALID_FILE}:2:1: sender: required field 'sender' is missing (Sending ministry and "
        "directorate)",
        f"{INVALID_FILE}:5:1: subject: duplicate key 'subject' (first given on line 4); "
        "keep one of them",
        f"{INVALID_FILE}:6:1: colour: unknown field 'colour'; allowed fields: addressee, annex, "
        "cosignatories, date, debate, footnotes, id, kamerstuk, references, salutation, "
        "sections, sender, signatory, subject",
        f"{BROKEN_FILE}:25:5: sections[1].id: duplicate section id 'textiel'; already used on "
        "line 22",
        f"{BROKEN_FILE}:27:15: sections[1].motions[0]: no motion with id "
        f"'geen-bestaande-motie' in {motions}; add it to {motions}",
    ]:
        assert line in reported
    # A warning found across files, at its place in the letter it is about.
    warned = "letters/2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid.yaml:181:9: "
    assert any(line.startswith(f"{warned}sections[2].commitment_updates[0]") for line in reported)
    second = build(content_copy, out)
    assert (second.returncode, second.stdout, second.stderr) == (
        first.returncode,
        first.stdout,
        first.stderr,
    )
    # The same text one line lower: each of its problems is one line lower.
    for name, text in ((INVALID_FILE, INVALID), (BROKEN_FILE, BROKEN)):
        (content_copy / name).write_text("# Een regel erboven.\n" + text, encoding="utf-8")
    moved = []
    for line in reported:
        name, number, rest = line.split(":", 2)
        shift = 1 if name in (INVALID_FILE, BROKEN_FILE) else 0
        moved.append(f"{name}:{int(number) + shift}:{rest}".replace("on line 22", "on line 23"))
    assert problems(build(content_copy, out), content_copy) == [
        line.replace("(first given on line 4)", "(first given on line 5)") for line in moved
    ]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff not json",
        b'{"key": [1, "',
        b"[]",
        b'{"key": null}',
    ],
    ids=["empty", "garbage", "cut-off", "a-list", "no-key"],
)
def test_a_damaged_cache_entry_is_ignored_and_written_again(
    out: Path, content_copy: Path, damage: bytes
) -> None:
    def spoil(path: Path) -> None:
        path.write_bytes(damage)

    assert_spoiled_entries_change_nothing(out, content_copy, spoil)


def test_an_entry_that_is_well_formed_but_wrong_is_ignored(out: Path, content_copy: Path) -> None:
    def spoil(path: Path) -> None:
        entry = json.loads(path.read_bytes())
        if entry["own"]:  # the broken letter: its section ids' problem, on no line
            entry["own"][0][0] = "one"
        else:  # the others: a reference to a kind of entry there is not
            entry["references"] = [[["sections", 0, "motions", 0], "wish", "x"]]
        path.write_text(json.dumps(entry), encoding="utf-8")

    assert_spoiled_entries_change_nothing(out, content_copy, spoil)


def assert_spoiled_entries_change_nothing(
    out: Path, content_copy: Path, spoil: Callable[[Path], None]
) -> None:
    """A build after every cache entry was spoiled says exactly what the build before said,
    and leaves the entries as that one wrote them."""
    write_broken(content_copy)
    first = build(content_copy, out)
    kept = {path.name: path.read_bytes() for path in entries(out)}
    for path in entries(out):
        spoil(path)
    second = build(content_copy, out)
    assert (second.returncode, second.stdout, second.stderr) == (
        first.returncode,
        first.stdout,
        first.stderr,
    )
    assert {path.name: path.read_bytes() for path in entries(out)} == kept


def test_entries_of_other_files_and_other_code_are_removed(out: Path, content_copy: Path) -> None:
    folder = out / CACHE_DIR
    folder.mkdir(exist_ok=True)
    stranger = folder / f"{'0' * 64}.json"
    stranger.write_text('{"key": [1, "other code"]}', encoding="utf-8")
    write_broken(content_copy)
    build(content_copy, out)
    assert not stranger.exists()
    assert len(entries(out)) == loaded_files(content_copy)
    (content_copy / BROKEN_FILE).unlink()
    (content_copy / INVALID_FILE).unlink()
    assert build(content_copy, out).returncode == 0
    assert len(entries(out)) == loaded_files(content_copy)


def test_a_build_in_a_process_that_read_the_files_before_keeps_them_too(
    out: Path, content_copy: Path
) -> None:
    write_broken(content_copy)
    first = cli("build", "--content", content_copy, "--out", out, here=True)
    assert len(entries(out)) == loaded_files(content_copy)
    shutil.rmtree(out / CACHE_DIR)
    assert corpus._READ  # the next build finds every file read already
    second = cli("build", "--content", content_copy, "--out", out, here=True)
    assert second.stdout == first.stdout
    assert len(entries(out)) == loaded_files(content_copy)
