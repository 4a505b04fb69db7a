"""``briefing import`` on a letter whose list holds a list under an item: the draft keeps the
nesting a reader sees in the original, from the text, the saved web page and the official XML.

Kamerstuk 29 248, nr. 326 (2020) opens with its outline as a list of items after a dash, one
of them with two items after a bullet under it; the text is the real copy of tweedekamer.nl's
page, the web page and the XML are synthetic around the same real text (see the fixtures'
READMEs).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from tests.conftest import cli
from tests.importing import content_copy
from tests.test_import_sources import IMPORT

#: The outline as the draft must write it: the item that ends in a colon with its two items.
OUTLINE = """\
      - items:
          - Wat is gepast gebruik?
          - We werken langs meerdere lijnen aan resultaat; het veld staat niet stil.
          - text: 'Welke vragen staan nog open:'
            items:
              - Wat kan er al, maar kan beter
              - Wat kan er nog niet, maar moet wel gebeuren
          - Hoe werken we hieraan samen verder?
"""


def draft_text(tmp_path: Path, source: Path) -> str:
    """The draft file's text that importing ``source`` into a copy of the content writes."""
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    check = cli("check", "--content", content)
    assert check.returncode == 0, check.stdout + check.stderr
    return Path(written).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "source",
    [
        "tk-2020D53238.excerpt.txt",
        "web-pages/tk-2020D53238.html",
        "kst-29248-326.xml",
    ],
)
def test_a_list_under_a_list_item_stays_under_it(tmp_path: Path, source: str) -> None:
    """The bulleted items under the dashed "Welke vragen staan nog open:" are that item's
    list in the draft, from the copied text (another bullet after a colon), the page (a
    ``ul`` in the ``li``) and the XML (a ``lijst`` in the ``li``) alike; the next dashed
    item is the outer list's again."""
    assert OUTLINE in draft_text(tmp_path, IMPORT / source)


def test_lettered_items_under_a_numbered_item_are_its_list(tmp_path: Path) -> None:
    """Kamerstuk 31 936, nr. 1135 lists its parts as "1. Regionale luchthavens:" with "a."
    to "d." under it: those are the numbered item's list, each keeping its letter."""
    text = draft_text(tmp_path, IMPORT / "tk-2023D50068.excerpt.txt")
    expected = """\
          - text: '1. Regionale luchthavens:'
            items:
              - a. Rotterdam The Hague Airport, Maastricht Aachen Airport en Groningen Airport Eelde
              - b. Eindhoven Airport
              - c. Benoeming nieuwe voorzitter CRO Rotterdam The Hague Airport
              - d. Verplaatsen vakantievluchten naar regionale luchthavens
"""
    assert expected in text


def test_o_bullets_and_indented_bullets_of_a_copy_are_sub_items(tmp_path: Path) -> None:
    """A word processor's second-level bullet "o" under "•" items, and dashes that a copy
    indents under an item (which does not end in a colon), give the list under the item; an
    item with the bullet of the list is the list's again (made-up text, in the form of a
    ministry's letter copied from its PDF)."""
    source = tmp_path / "brief.txt"
    source.write_text(
        textwrap.dedent(
            """\
            Ministerie van Binnenlandse Zaken en Koninkrijksrelaties

            > Retouradres Postbus 20011 2500 EA Den Haag

            Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
            Postbus 20018
            2500 EA Den Haag

            Datum 3 maart 2025
            Betreft Voortgang van de aanpak

            Geachte voorzitter,

            Met deze brief informeer ik u over de aanpak. Die bestaat uit drie delen:

            • het eerste deel, over de regio's:
            o de regio Noord;
            o de regio Zuid;
            • het tweede deel, over de gemeenten;
            • het derde deel, in twee stappen
                - de eerste stap;
                - de tweede stap.

            Over elk deel informeer ik u voor de zomer.

            De Minister van Binnenlandse Zaken en Koninkrijksrelaties,

            J.J.M. Uitermark
            """
        ),
        encoding="utf-8",
    )
    expected = """\
      - items:
          - text: 'het eerste deel, over de regio''s:'
            items:
              - de regio Noord;
              - de regio Zuid;
          - het tweede deel, over de gemeenten;
          - text: het derde deel, in twee stappen
            items:
              - de eerste stap;
              - de tweede stap.
"""
    assert expected in draft_text(tmp_path, source)


def test_a_numbered_list_inside_a_numbered_item_of_a_page_is_its_list(tmp_path: Path) -> None:
    """A saved page whose numbered list holds a numbered list in an item that ends in no
    colon (a variant of the page, written here): the inner list is that item's, each item
    with the number the browser draws beside it."""
    page = (IMPORT / "web-pages" / "tk-2020D53238.html").read_text(encoding="utf-8")
    start, end = page.index("<ul>\n<li>Wat is gepast"), page.index("</ul>\n</div>") + 5
    numbered = page[start:end].replace("<ul>", "<ol>").replace("</ul>", "</ol>")
    source = tmp_path / "tk-2020D53238.html"
    source.write_text(
        page[:start] + numbered.replace("staan nog open:", "staan nog open") + page[end:],
        encoding="utf-8",
    )
    expected = """\
      - items:
          - 1. Wat is gepast gebruik?
          - 2. We werken langs meerdere lijnen aan resultaat; het veld staat niet stil.
          - text: 3. Welke vragen staan nog open
            items:
              - 1. Wat kan er al, maar kan beter
              - 2. Wat kan er nog niet, maar moet wel gebeuren
          - 4. Hoe werken we hieraan samen verder?
"""
    assert expected in draft_text(tmp_path, source)
