"""``briefing import`` reads a copy as its reader sees it, whatever the copy carries along and
however it was saved: soft hyphens, zero-width spaces and direction marks a browser's copy
keeps, accents a Mac's copy decomposes, a PDF's ligatures, and text that Windows saved as
UTF-16 or Windows-1252.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CONTENT, FIXTURES, MOTIONS_TEXT, MOTIONS_XML, cli
from tests.importing import content_copy, imported_draft, motions

LETTER = FIXTURES / "import" / "2018-11-13-voortgang-imvo-beleid.kamerstuk.txt"
LETTER_ID = "2018-11-13-voortgang-imvo-beleid"
#: A real motion with three considerations and its request, as text and as the official XML.
MOTION = "0102b3e0-c1d5-4118-a0a0-ace22b994156"


def _draft(tmp_path: Path, name: str, data: bytes) -> tuple[dict[str, Any], str]:
    """The draft importing ``data`` as file ``name`` writes (the letter's own, left out of
    the content first), and what the import said, without the file's path."""
    source = tmp_path / name
    source.write_bytes(data)
    draft, said = imported_draft(tmp_path / f"import-{name}", source, LETTER_ID)
    return draft, said.replace(str(source), "")


def test_a_letter_saved_by_windows_as_utf_16_or_windows_1252_gives_the_utf_8_copys_draft(
    tmp_path: Path,
) -> None:
    text = LETTER.read_text(encoding="utf-8")
    expected, said = _draft(tmp_path, "utf-8.txt", text.encode("utf-8"))
    assert "geïnformeerd" in str(expected) and "€" not in text

    assert _draft(tmp_path, "unicode.txt", text.encode("utf-16")) == (expected, said)

    ansi, ansi_said = _draft(tmp_path, "ansi.txt", text.encode("cp1252"))
    assert ansi == expected
    first = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    note = (
        f":{first}: the file is not UTF-8 but Windows-1252 ('ANSI') text and is read as such; "
        "check the accented letters and the euro signs in what it gives (saved as UTF-8, the "
        "file is read as it is)\n"
    )
    assert note in ansi_said and ansi_said.replace(note, "") == said


def test_invisible_characters_decomposed_accents_and_ligatures_leave_the_draft_as_it_is(
    tmp_path: Path,
) -> None:
    """What a browser's, a Mac's or a PDF reader's copy carries along is not in the draft."""
    text = LETTER.read_text(encoding="utf-8")
    expected, said = _draft(tmp_path, "clean.txt", text.encode("utf-8"))
    copied = unicodedata.normalize("NFD", text)
    copied = copied.replace("fi", "\ufb01").replace("Kamer", "Ka\u00admer\u200b")
    copied = copied.replace("Betreft", "\u200eBetreft\u200f").replace("beleid", "be\u2060leid")
    assert "geïnformeerd" in text and "geïnformeerd" not in copied
    assert _draft(tmp_path, "copied.txt", copied.encode("utf-8")) == (expected, said)


def test_a_soft_hyphen_at_a_lines_end_is_where_the_word_was_broken(tmp_path: Path) -> None:
    """A paragraph wrapped as a PDF's copy wraps it, a word broken with a soft hyphen: the
    word is whole again in the draft, as with a hyphen."""
    text = LETTER.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if " geïnformeerd " in line)
    broken = sentence.replace(" geïnformeerd ", " geïnfor\u00ad\nmeerd ", 1)
    expected, _ = _draft(tmp_path, "clean.txt", text.encode("utf-8"))
    draft, _ = _draft(tmp_path, "broken.txt", text.replace(sentence, broken).encode("utf-8"))
    assert draft == expected


@pytest.mark.parametrize("form", ["txt", "xml"])
def test_a_motion_with_soft_hyphens_keeps_its_considerations_apart(
    tmp_path: Path, form: str
) -> None:
    """Before, "con\u00adstaterende" opened no consideration, and the considerations ran
    into the request: in a copy of the text and in the XML (as ``&#173;``) alike."""
    source = (MOTIONS_TEXT if form == "txt" else MOTIONS_XML) / f"{MOTION}.{form}"
    clean = content_copy(tmp_path / "clean")
    assert cli("import", source, "--content", clean).returncode == 0
    hyphen, space = ("\u00ad", "\u200b") if form == "txt" else ("&#173;", "&#8203;")
    copied = tmp_path / f"copied.{form}"
    copied.write_text(
        re.sub(
            r"\b(con|over|ver)(staterende|wegende|zoekt)\b",
            f"\\1{hyphen}\\2{space}",
            source.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    content = content_copy(tmp_path / "copied")
    run = cli("import", copied, "--content", content)
    assert run.returncode == 0, run.stderr
    assert motions(content) == motions(clean)
    (entry,) = (m for m in motions(content).values() if m["kamerstuk"] == "29 325, nr. 172")
    assert len(entry["considerations"]) == 3
    assert entry["request"].startswith("verzoekt de regering leegstand harder aan te pakken")


def test_a_word_document_or_a_utf_8_file_with_a_stray_byte_is_refused_and_named(
    tmp_path: Path,
) -> None:
    """A Word document is a zip file; a UTF-8 file with one wrong byte is not read as
    Windows-1252, which would garble every accented letter in it."""
    content = content_copy(tmp_path / "content", LETTER_ID)
    document = tmp_path / "brief.docx"
    document.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    run = cli("import", document, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"briefing: error: {document}:1: this is a zip file, as a Word document (.docx) is, not "
        "a letter's or a motion's text, PDF or XML; save the document as PDF, or as text, and "
        "import that\n"
    )
    stray = tmp_path / "brief.txt"
    text = LETTER.read_text(encoding="utf-8")
    stray.write_bytes(text.encode("utf-8").replace("ë".encode(), b"\xeb", 1))
    line = next(n for n, part in enumerate(text.splitlines(), 1) if "ë" in part)
    run = cli("import", stray, "--content", content)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"briefing: error: {stray}:{line}: the file is not UTF-8 text, a PDF or XML (byte 0xeb "
        f"at line {line}); save the text as UTF-8, or give the PDF or the official XML\n"
    )
    assert sorted(path.name for path in (content / "letters").iterdir()) == sorted(
        path.name for path in (CONTENT / "letters").iterdir() if path.stem != LETTER_ID
    )
