"""A list under a list's item in a letter: written by hand as ``{text: ..., items: [...]}``,
checked with a clear error where it is wrong, printed in the PDF under its item, indented
further, with what it calls (a footnote) as in any item."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import yaml
from pypdf.generic import ArrayObject, DictionaryObject

from tests.conftest import cli, normalise, pdf_pages

LETTER = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
#: The letter's first list, as it opens.
FIRST_LIST = "      - items:\n"
NESTED = """\
      - items:
          - Eerste punt van de lijst.
          - text: "Tweede punt, met twee deelpunten:"
            items:
              - het eerste deelpunt;[^deelpunt]
              - text: "het tweede deelpunt, zelf met:"
                items:
                  - een punt op het derde niveau (Kamerstuk 31 288, nr. 66).
          - Derde punt.
"""


def with_list(content: Path, nested: str) -> Path:
    """The bundled 2022 letter in ``content`` with ``nested`` before its first list, and the
    footnote the nested list calls; the letter's file."""
    path = content / "letters" / f"{LETTER}.yaml"
    text = path.read_text(encoding="utf-8")
    assert FIRST_LIST in text and "\nfootnotes:\n" in text
    text = text.replace(FIRST_LIST, nested + FIRST_LIST, 1)
    text = text.replace(
        "\nfootnotes:\n", "\nfootnotes:\n  deelpunt: Een voetnoot bij het deelpunt.\n", 1
    )
    path.write_text(text, encoding="utf-8")
    return path


def lists(pdf: Path) -> list[list[str]]:
    """The tagged lists of ``pdf``'s structure tree, in order: each the kinds of its children
    ("LI", "L" for a list under an item)."""
    found: list[list[str]] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, DictionaryObject):
            kids = node.get("/K")
            if node.get("/S") == "/L":
                array = kids if isinstance(kids, ArrayObject) else [kids]
                children = [kid.get_object() for kid in array if kid is not None]
                found.append(
                    [
                        str(child["/S"])[1:]
                        for child in children
                        if isinstance(child, DictionaryObject) and "/S" in child
                    ]
                )
            if kids is not None:
                walk(kids)

    walk(pypdf.PdfReader(pdf).root_object["/StructTreeRoot"])
    return found


def line_of(path: Path, text: str) -> int:
    """The line of ``path`` on which ``text`` stands."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_check_accepts_a_list_under_an_item(content_copy: Path) -> None:
    """A list under an item, two levels deep, with a footnote call in a sub-item: valid."""
    with_list(content_copy, NESTED)
    run = cli("check", "--content", content_copy)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 errors" in run.stdout + run.stderr
    assert "deelpunt" not in run.stdout + run.stderr


def test_check_says_where_a_list_nests_wrongly_and_what_is_right(content_copy: Path) -> None:
    """A list three levels under the section's, and an item written as a list: each error
    names the file, line and column, the field, what is wrong and what would be right."""
    wrong = NESTED.replace(
        "                  - een punt op het derde niveau (Kamerstuk 31 288, nr. 66).\n",
        "                  - text: een punt op het derde niveau\n"
        "                    items: [nog dieper]\n",
    ).replace("          - Derde punt.\n", "          - [Derde punt.]\n")
    path = with_list(content_copy, wrong)
    run = cli("check", "--content", content_copy)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    deep, listed = line_of(path, "een punt op het derde niveau"), line_of(path, "[Derde punt.]")
    errors = [line for line in (run.stdout + run.stderr).splitlines() if ": warning: " not in line]
    assert (
        f"{path}:{deep}:21: sections[0].body[1].items[1].items[1].items[0]: an item of a list "
        "two levels down is text: a list nests at most two levels under the section's list; "
        "found a mapping (got {'text': 'een punt op het derde niveau', 'items': ['nog dieper']})"
    ) in errors
    assert (
        f"{path}:{listed}:13: sections[0].body[1].items[2]: a list's item is text, or "
        "{text: ..., items: [...]} for an item with a list under it; found a list (got "
        "['Derde punt.'])"
    ) in errors


def test_the_pdf_prints_sub_items_under_their_item_indented_further(
    content_copy: Path, out: Path
) -> None:
    """The built letter reads the item, then its sub-items, then the next item; each level's
    text starts further right than the level above; the footnote a sub-item calls is
    printed, and the Kamerstuk it cites is a link; the tags hold each list under its item's
    list, after the item."""
    with_list(content_copy, NESTED)
    run = cli("build", "--content", content_copy, "--out", out)
    assert run.returncode == 0, run.stderr
    pages = pdf_pages(out / "letters" / f"{LETTER}.pdf")
    text = normalise(pages[0].extract_text())
    order = [
        "Eerste punt van de lijst.",
        "Tweede punt, met twee deelpunten:",
        "het eerste deelpunt;",
        "het tweede deelpunt, zelf met:",
        "een punt op het derde niveau (Kamerstuk 31 288, nr. 66).",
        "Derde punt.",
    ]
    assert re.search(".*".join(re.escape(part) for part in order), text), text
    assert "Een voetnoot bij het deelpunt." in text
    # tagged as a list right after its item, in the list of that item, as PDF/UA reads it
    assert ["LI", "LI", "L", "LI"] in lists(out / "letters" / f"{LETTER}.pdf")
    links = [link["uri"] for link in pages[0].hyperlinks]
    assert "https://zoek.officielebekendmakingen.nl/kst-31288-66.html" in links
    lines = pages[0].extract_text_lines()
    starts = {
        part: next(line["chars"] for line in lines if part in line["text"])
        for part in ("Eerste punt", "Tweede punt", "het eerste deelpunt", "een punt op het")
    }
    left = {
        part: next(c["x0"] for c in chars if c["text"] == part[0]) for part, chars in starts.items()
    }
    assert abs(left["Eerste punt"] - left["Tweede punt"]) < 0.5
    # each level one step (5 mm, about 14 pt) further right
    assert 10 < left["het eerste deelpunt"] - left["Tweede punt"] < 20
    assert 10 < left["een punt op het"] - left["het eerste deelpunt"] < 20


def test_a_built_letters_sub_items_are_imported_from_its_pdf_under_their_item(
    content_copy: Path, tmp_path: Path, out: Path
) -> None:
    """The PDF read back: the "◦" bullet that prints a list under an item gives that list
    under its item in the draft, no bullet left alone (a bullet set apart by its ink, higher
    than the text's foot, once stood as a paragraph of its own); the third level, printed
    after a dash, comes out in the outer list (the README says so)."""
    with_list(content_copy, NESTED)
    assert cli("build", "--content", content_copy, "--out", out).returncode == 0
    fresh = tmp_path / "fresh"
    shutil.copytree(content_copy, fresh)
    (fresh / "letters" / f"{LETTER}.yaml").unlink()
    (fresh / "kamer.yaml").unlink(missing_ok=True)
    run = cli("import", out / "letters" / f"{LETTER}.pdf", "--content", fresh)
    assert run.returncode == 0, run.stderr
    draft = yaml.safe_load((fresh / "letters" / f"{LETTER}.yaml").read_text(encoding="utf-8"))
    items = next(
        block["items"]
        for section in draft["sections"]
        for block in section["body"]
        if isinstance(block, dict)
    )
    assert items[:4] == [
        "Eerste punt van de lijst.",
        {
            "text": "Tweede punt, met twee deelpunten:",
            "items": [
                "het eerste deelpunt;[^een-voetnoot-bij-het]",
                "het tweede deelpunt, zelf met:",
            ],
        },
        "een punt op het derde niveau (Kamerstuk 31 288, nr. 66).",
        "Derde punt.",
    ]
    assert "\u25e6" not in (fresh / "letters" / f"{LETTER}.yaml").read_text(encoding="utf-8")


#: A list whose items give their own numbers, with a lettered list under its second item.
NUMBERED = """\
      - items:
          - 1. Ultrafijn stof.
          - text: "2. Ontzwavelen van kerosine:"
            items:
              - a) de raffinaderijen;[^deelpunt]
              - b) de luchthavens.
          - 3. Zeer zorgwekkende stoffen.
"""


def test_a_list_whose_items_give_their_numbers_prints_no_bullets(
    content_copy: Path, out: Path
) -> None:
    """The items "1. Ultrafijn stof." ... and "a) de raffinaderijen;" are printed with their
    own numbers and letters, as the letter numbers them, without a bullet before each; the
    letter's bulleted list after them keeps its bullets."""
    with_list(content_copy, NUMBERED)
    run = cli("build", "--content", content_copy, "--out", out)
    assert run.returncode == 0, run.stderr
    text = normalise(pdf_pages(out / "letters" / f"{LETTER}.pdf")[0].extract_text())
    assert (
        "de volgende toezeggingen: 1. Ultrafijn stof. 2. Ontzwavelen van kerosine: a) de "
        "raffinaderijen;1 b) de luchthavens. 3. Zeer zorgwekkende stoffen. \u2022 De toezegging"
    ) in text
