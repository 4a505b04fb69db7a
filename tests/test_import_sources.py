"""``briefing import`` on real material: letters of other ministries in every published layout,
a letter's PDF and official XML, and what it says when it cannot (the real motions are in
``test_import_motions_real.py``).

The real material is in ``../shared`` beside the project (real letters, 400 motions in the
official XML and 60 of them as PDF text); the tests fail, not skip, when it is missing.
"""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import wrap

import pytest
import yaml

from briefing.corpus import load_corpus
from briefing.importing.text import collapse
from briefing.model import Letter, Section
from tests.conftest import (
    CONTENT,
    FIXTURES,
    MOTIONS_XML,
    REAL_LETTERS,
    cli,
    normalise,
    page_texts,
    piped,
)
from tests.importing import content_copy, imported_draft

IMPORT = FIXTURES / "import"
KAMERSTUK = IMPORT / "2018-11-13-voortgang-imvo-beleid.kamerstuk.txt"
LETTER_2018 = "2018-11-13-voortgang-imvo-beleid"
#: A motion of a Council dossier (21 501-02), a gewijzigde motie, a budget motion with a list.
COUNCIL = "0ccc1414-b568-481c-9dce-e62a68888c92"
AMENDED = "04244f20-fad3-41be-bea6-2793535ad62c"
BUDGET = "7ca58c0d-065f-4431-afaf-88d0e804a212"
#: A note at its place: ``path:line:``, in a PDF ``path, page N:`` (a PDF has no lines).
NOTE_RE = re.compile(r"^(?:\S+:\d+: \S.*|\S+\.pdf, page \d+: \S.*|briefing: error: \S+.*)$")

pytestmark = pytest.mark.usefixtures("shared")


def assert_notes_are_located(stderr: str) -> None:
    for line in stderr.splitlines():
        assert NOTE_RE.match(line), line


# --- letters --------------------------------------------------------------------------------

REAL = {
    "2012-04-25-kst-31568-100-afschrift-brief-kerkhoff-sint-eustatius.txt": (
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties,",
        "J. W. E. Spies",
        "31 568, nr. 100",
    ),
    "2016-01-29-kst-21501-02-1581-eurowob-verzoek.txt": (
        "De Minister van Buitenlandse Zaken,",
        "A.G. Koenders",
        "21 501-02, nr. 1581",
    ),
    "2016-05-17-kst-34300-J-32-uitstel-reactie-groep-spaargaren.txt": (
        "De Minister van Infrastructuur en Milieu,",
        "M.H. Schultz van Haegen-Maas Geesteranus",
        "34 300-J, nr. 32",
    ),
    "2020-09-18-kst-35537-3-uitstel-reactie-initiatiefnota-veldman-tksite.txt": (
        "De Minister voor Medische Zorg,",
        "T. van Ark",
        "35 537, nr. 3",
    ),
    "2020-09-18-kst-35537-3-uitstel-reactie-initiatiefnota-veldman.txt": (
        "De Minister voor Medische Zorg,",
        "T. van Ark",
        "35 537, nr. 3",
    ),
}


@pytest.mark.parametrize("name", list(REAL))
def test_real_letters_of_other_ministries_become_drafts(tmp_path: Path, name: str) -> None:
    assert sorted(p.name for p in REAL_LETTERS.glob("*.txt")) == sorted(REAL)
    content = content_copy(tmp_path / "content")
    run = cli("import", REAL_LETTERS / name, "--content", content)
    assert run.returncode == 0, run.stderr
    assert_notes_are_located(run.stderr)
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    letter = next(s.letter for s in load_corpus(content).letters if str(s.path) == written)
    title, signed, kamerstuk = REAL[name]
    assert (letter.signatory.title, letter.signatory.name) == (title, signed)
    assert str(letter.kamerstuk) == f"Kamerstuk {kamerstuk}"
    text = " ".join(str(block) for section in letter.sections for block in section.body) + " ".join(
        letter.footnotes.values()
    )
    for debris in ("Naar boven", "Ondertekenaars", "Gerelateerde documenten", "Noot", "# "):
        assert debris not in text
    # the lines of a heading's markup above the paper ("# SOURCE: ...") are no part of its head
    assert "SOURCE" not in letter.subject
    assert "left out of the head: 'KIND" not in run.stderr
    if "tksite" in name:
        assert letter.subject.startswith("Uitstel toezending reactie op verzoek commissie")
    if "kerkhoff" in name:
        assert letter.footnotes == {
            "ter-inzage-gelegd-bij": "Ter inzage gelegd bij het Centraal Informatiepunt Tweede "
            "Kamer."
        }
        assert "afschrift[^ter-inzage-gelegd-bij] toekomen" in letter.sections[0].body[0]
        # the publication calls it again: "treft u bijgaand aan1."
        assert "bijgaand aan[^ter-inzage-gelegd-bij]. Over" in letter.sections[0].body[0]
        assert "footnote" not in run.stderr
    assert cli("check", "--content", content).returncode == 0


def test_the_same_letter_from_two_publications_is_imported_once(tmp_path: Path) -> None:
    """35 537, nr. 3 as tweedekamer.nl and as officielebekendmakingen.nl print it: the first
    becomes a draft, the second is refused at its number, and nothing else is written."""
    content = content_copy(tmp_path / "content")
    first, second = (REAL_LETTERS / name for name in REAL if "35537-3" in name)
    run = cli("import", first, second, "--content", content)
    assert run.returncode == 1
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    assert (
        f"briefing: error: {second}:8: Kamerstuk 35 537, nr. 3 is in the content already, as "
        f"{written}; nothing written (to import it again, remove that file first)"
    ) in run.stderr.splitlines()
    assert len(list((content / "letters").glob("2020-09-18-*.yaml"))) == 1
    assert cli("check", "--content", content).returncode == 0


def test_an_import_started_again_leaves_the_letters_it_imported_as_they_are(
    tmp_path: Path,
) -> None:
    """A run that imported a real letter's text (known by its Kamerstuk number) and a real
    ministry's PDF (which gives none) was stopped; the drafts were edited since. Started again
    with a third letter, it imports the third, leaves the two drafts byte for byte as they
    are, says so at each, and exits 0."""
    content = content_copy(tmp_path / "content")
    text = REAL_LETTERS / "2016-01-29-kst-21501-02-1581-eurowob-verzoek.txt"
    pdf = IMPORT / "word-2023-02-03-letter.pdf"
    third = REAL_LETTERS / "2012-04-25-kst-31568-100-afschrift-brief-kerkhoff-sint-eustatius.txt"
    first = cli("import", text, pdf, "--content", content)
    assert first.returncode == 0, first.stderr
    drafts = re.findall(r"^wrote (\S+\.yaml)$", first.stdout, re.MULTILINE)
    assert len(drafts) == 2
    for draft in drafts:
        with open(draft, "a", encoding="utf-8") as edited:
            edited.write("# reviewed\n")
    kept = {draft: Path(draft).read_bytes() for draft in drafts}
    again = cli("import", text, pdf, third, "--content", content)
    assert again.returncode == 0, again.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", again.stdout, re.MULTILINE)
    assert Path(written).name.startswith("2012-04-25-")
    assert {draft: Path(draft).read_bytes() for draft in drafts} == kept
    skipped = "whose draft names this file; nothing written, the draft is left as it is (to "
    assert (
        f"{text}:7: imported already, as {drafts[0]}, {skipped}import it again, remove that "
        "file first)"
    ) in again.stderr.splitlines()
    assert f"{pdf}, page 1: imported already, as {drafts[1]}, {skipped}" in again.stderr
    assert "error" not in again.stderr
    assert cli("check", "--content", content).returncode == 0


def imported_letter(source: Path, content: Path) -> Letter:
    """The draft letter ``source`` becomes, imported into ``content``."""
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    return next(s.letter for s in load_corpus(content).letters if str(s.path) == written)


def outline(letter: Letter) -> list[str]:
    """The letter's headings and paragraphs in order, without footnote calls."""
    lines: list[str] = []

    def add(sections: list[Section]) -> None:
        for section in sections:
            lines.extend([f"# {section.heading}"] if section.heading else [])
            lines.extend(re.sub(r"\[\^[^\]]+\]", "", str(b)) for b in section.body)
            add(section.sections)

    add(letter.sections)
    return lines


def test_the_letter_as_tweedekamer_nl_prints_it_has_the_paragraphs_of_the_official_text(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl prints no blank line between paragraphs; the draft still has the two
    paragraphs the official publication of 35 537, nr. 3 has."""
    site, official = (REAL_LETTERS / name for name in REAL if "35537-3" in name)
    from_site = outline(imported_letter(site, content_copy(tmp_path / "site")))
    assert from_site == outline(imported_letter(official, content_copy(tmp_path / "official")))
    assert len(from_site) == 2
    run = cli("import", site, "--content", content_copy(tmp_path / "again"))
    assert (
        f"{site}:13: no blank line between paragraphs (as tweedekamer.nl prints a "
        "letter, or a PDF's text in reading order gives it): paragraphs and headings were told "
        "apart by where lines end short; compare them with the publication"
    ) in run.stderr.splitlines()


def test_a_letter_filed_under_two_dossiers_says_so(tmp_path: Path) -> None:
    """tweedekamer.nl prints the dossiers line after line: the first gives the number, the
    second is named for review (not run into the first one's title)."""
    site = next(REAL_LETTERS / name for name in REAL if "tksite" in name)
    lines = site.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("35 537 "))
    lines.insert(first + 1, "29 521 Nederlandse deelname aan vredesmissies")
    source = tmp_path / "twee-dossiers.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert (
        f"{source}:{first + 2}: also filed under dossier '29 521 Nederlandse deelname aan "
        "vredesmissies'"
    ) in run.stderr.splitlines()
    letter = imported_letter(site, content_copy(tmp_path / "alone"))
    (written,) = (content / "letters").glob("2020-09-18-*.yaml")
    draft = next(s.letter for s in load_corpus(content).letters if s.path == written)
    assert (str(draft.kamerstuk), draft.subject) == (str(letter.kamerstuk), letter.subject)


@pytest.mark.parametrize(
    ("dossier", "kamerstuk"),
    [
        ("36 600 B", "36 600-B, nr. 3"),
        ("36 600-B", "36 600-B, nr. 3"),
        ("36 200 XVII", "36 200-XVII, nr. 3"),
    ],
)
def test_a_dossiers_suffix_is_part_of_the_number(
    tmp_path: Path, dossier: str, kamerstuk: str
) -> None:
    site = next(REAL_LETTERS / name for name in REAL if "tksite" in name)
    text = site.read_text(encoding="utf-8").replace(
        "\n35 537 Initiatiefnota", f"\n{dossier} Initiatiefnota"
    )
    source = tmp_path / "brief.txt"
    source.write_text(text, encoding="utf-8")
    letter = imported_letter(source, content_copy(tmp_path / "content"))
    assert str(letter.kamerstuk) == f"Kamerstuk {kamerstuk}"


def test_the_table_above_an_official_publication_is_page_furniture(tmp_path: Path) -> None:
    """A copy of the whole officielebekendmakingen.nl page starts with the site's table of
    the paper's data; it is left out without a note, and the draft is the letter's."""
    official = next(REAL_LETTERS / name for name in REAL if "veldman.txt" in name)
    table = (
        "Kamerstuk\n\nDatum publicatieOrganisatieVergaderjaarDossier- en ondernummer\n"
        "Tweede Kamer der Staten-Generaal2020-202135537 nr. 3\n\n"
    )
    text = official.read_text(encoding="utf-8")
    source = tmp_path / "pagina.txt"
    source.write_text(table + text[text.index("35 537 ") :], encoding="utf-8")
    run = cli("import", source, "--content", content_copy(tmp_path / "content"))
    assert run.returncode == 0, run.stderr
    assert "Datum publicatie" not in run.stderr and "Generaal2020" not in run.stderr
    letter = imported_letter(official, content_copy(tmp_path / "alone"))
    (written,) = (tmp_path / "content" / "letters").glob("2020-09-18-*.yaml")
    draft = next(s.letter for s in load_corpus(tmp_path / "content").letters if s.path == written)
    assert (outline(draft), draft.kamerstuk) == (outline(letter), letter.kamerstuk)


def test_every_motion_of_an_enumeration_is_proposed_and_a_letter_is_not(
    tmp_path: Path,
) -> None:
    """'Het betreft een motie over A (nr.), over B (nr.) en over C (nr.)' cites three
    motions, however long the sentence; a letter cited after them is no motion. A motion
    named by its subject, not its submitter, gets a plain id to review."""
    official = next(REAL_LETTERS / name for name in REAL if "veldman.txt" in name)
    cited = (
        "Het betreft een motie over de kleding (Kamerstuk 26 485, nr. 901), over de evaluatie "
        "van het beleid in alle sectoren van de economie, ook buiten de convenanten en de "
        "afspraken die daar al gelden (Kamerstuk 26 485, nr. 902) en over de richtlijnen "
        "voor ambassades (Kamerstuk 35 000 XVII, nr. 34), waarop ook mijn brief (Kamerstuk "
        "26 485, nr. 903) ingaat. De motie Geurts (Kamerstuk 34 000 J, nr. 14) komt later."
    )
    text = official.read_text(encoding="utf-8").replace(
        "\nDe reden van het uitstel", f"\n{cited}\n\nDe reden van het uitstel"
    )
    source = tmp_path / "brief.txt"
    source.write_text(text, encoding="utf-8")
    run = cli("import", source, "--content", content_copy(tmp_path / "content"))
    assert run.returncode == 0, run.stderr
    proposed = re.findall(r"could not place '([^']+)'.*\(id '([^']+)'", run.stderr)
    assert proposed == [
        ("Kamerstuk 26 485, nr. 901", "motie-26485-901"),
        ("Kamerstuk 26 485, nr. 902", "motie-26485-902"),
        ("Kamerstuk 35 000-XVII, nr. 34", "motie-35000-xvii-34"),
        ("Kamerstuk 34 000-J, nr. 14", "geurts-34000-j-14"),
    ]


def test_an_older_publication_with_the_title_and_the_kind_on_lines_of_their_own(
    tmp_path: Path,
) -> None:
    """Publications from before 2010 print 'nr. 11' in lower case, the dossier's title under
    its number and the kind of paper under 'nr.': the same draft as the present layout's."""
    official = next(REAL_LETTERS / name for name in REAL if "veldman.txt" in name)
    text = official.read_text(encoding="utf-8")
    older = text.replace("\n35 537 Initiatiefnota", "\n35 537\nInitiatiefnota").replace(
        "\nNr. 3 BRIEF VAN", "\nnr. 3\nBRIEF VAN"
    )
    assert older != text
    source = tmp_path / "ouder.txt"
    source.write_text(older, encoding="utf-8")
    draft = imported_letter(source, content_copy(tmp_path / "older"))
    letter = imported_letter(official, content_copy(tmp_path / "present"))
    assert (draft.kamerstuk, draft.subject, draft.signatory, outline(draft)) == (
        letter.kamerstuk,
        letter.subject,
        letter.signatory,
        outline(letter),
    )


def test_a_long_letter_wrapped_without_blank_lines_keeps_its_paragraphs(tmp_path: Path) -> None:
    """The 2018 letter's official text, printed as tweedekamer.nl prints a letter: lines
    wrapped at one width, nothing between paragraphs and headings. A paragraph whose last
    line happens to be full cannot be told from the next (two, here); every other break is
    found, and no paragraph is cut in two."""
    letter = imported_letter(KAMERSTUK, content_copy(tmp_path / "official", LETTER_2018))
    official = outline(letter)
    head = [
        f"Brief regering : {letter.subject}",
        "26 485 Maatschappelijk verantwoord ondernemen",
        "Nr. 299 BRIEF VAN DE MINISTER VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 13 november 2018",
    ]
    body = [
        line
        for block in official
        for line in wrap(block.removeprefix("# "), 85, break_on_hyphens=False)
    ]
    signature = [f"{letter.signatory.title}", letter.signatory.name]
    source = tmp_path / "site.txt"
    source.write_text("\n".join([*head, *body, *signature]) + "\n", encoding="utf-8")
    from_site = outline(imported_letter(source, content_copy(tmp_path / "site", LETTER_2018)))

    assert (len(official), len(from_site)) == (46, 44)  # two paragraphs end in full lines
    joined = iter(official)
    for block in from_site:  # each is one block of the official text, or several in a row
        parts = [next(joined)]
        while collapse(" ".join(p.removeprefix("# ") for p in parts)) != block.removeprefix("# "):
            parts.append(next(joined))
        assert len(parts) == 1 or not block.startswith("# "), block


def test_a_letter_the_kamer_records_give_a_content_letter_is_not_imported(
    tmp_path: Path,
) -> None:
    """The Kamer's records (kamer.yaml) say which Kamerstuk a content letter is; importing that
    Kamerstuk is importing that letter again."""
    content = content_copy(tmp_path / "content")
    kamer = content / "kamer.yaml"
    kamer.write_text(
        kamer.read_text(encoding="utf-8").replace("26 485, nr. 293", "35 537, nr. 3", 1),
        encoding="utf-8",
    )
    letter = REAL_LETTERS / "2020-09-18-kst-35537-3-uitstel-reactie-initiatiefnota-veldman.txt"
    run = cli("import", letter, "--content", content)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines()[-1] == (
        f"briefing: error: {letter}:8: Kamerstuk 35 537, nr. 3 is in the content already, as "
        f"{content}/letters/2018-11-13-voortgang-imvo-beleid.yaml; nothing written (to import "
        "it again, remove that file first)"
    )


def test_a_letter_imported_into_broken_content_says_what_was_not_compared(
    tmp_path: Path,
) -> None:
    """With kamer.yaml broken, its numbers cannot be compared: the letter is imported, and
    the import says that the content has an error and what that left out."""
    content = content_copy(tmp_path / "content")
    kamer = content / "kamer.yaml"
    kamer.write_text(kamer.read_text(encoding="utf-8") + "  - letter: [broken\n", encoding="utf-8")
    letter = REAL_LETTERS / "2020-09-18-kst-35537-3-uitstel-reactie-initiatiefnota-veldman.txt"
    run = cli("import", letter, "--content", content)
    assert run.returncode == 0, run.stderr
    assert (
        f"{letter}:1: the content has 1 error ('briefing check' lists it): the draft was "
        "compared only with the files that could be read, so a letter with the same number in "
        "a broken file was not seen"
    ) in run.stderr.splitlines()
    clean = cli("import", letter, "--content", content_copy(tmp_path / "clean"))
    assert "the content has" not in clean.stderr


def test_a_letter_signed_by_two_names_both(tmp_path: Path, out: Path) -> None:
    """Both signatures are the draft's, and the letter's PDF prints them one under the other."""
    text = (
        (REAL_LETTERS / next(iter(REAL)))
        .read_text(encoding="utf-8")
        .replace(
            "Spies\n",
            "Spies\n\nDe Minister van Buitenlandse Zaken,\nU. Rosenthal\n",
        )
    )
    source = tmp_path / "brief.txt"
    source.write_text(text, encoding="utf-8")
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert "also signed" not in run.stderr
    letters = load_corpus(content).letters
    (letter,) = [s.letter for s in letters if "Spies" in s.letter.signatory.name]
    assert [(s.title, s.name) for s in letter.cosignatories] == [
        ("De Minister van Buitenlandse Zaken,", "U. Rosenthal")
    ]
    assert cli("build", "--content", content, "--out", out).returncode == 0
    last = normalise(page_texts(out / "letters" / f"{letter.id}.pdf")[-1].body)
    assert last.endswith(
        f"{letter.signatory.title} {letter.signatory.name} De Minister van Buitenlandse Zaken, "
        "U. Rosenthal"
    )


def test_the_letters_pdf_gives_the_letter(tmp_path: Path) -> None:
    letter_id = "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    content = content_copy(tmp_path / "content", letter_id)
    run = cli("import", IMPORT / "2022-04-07-letter.pdf", "--content", content)
    assert run.returncode == 0, run.stderr
    assert_notes_are_located(run.stderr)
    corpus = load_corpus(content)
    draft = next(s.letter for s in corpus.letters if s.letter.id == letter_id)
    handmade = next(s.letter for s in load_corpus(CONTENT).letters if s.letter.id == letter_id)
    assert draft.date == handmade.date and draft.subject == handmade.subject
    assert draft.sender == handmade.sender
    assert draft.references == handmade.references
    assert draft.signatory == handmade.signatory
    assert [s.heading for s in draft.sections] == [s.heading for s in handmade.sections]
    assert _updates(draft) == _updates(handmade)
    # a comment places what it speaks of on the PDF's page, not on a line of its text
    written = (content / "letters" / f"{letter_id}.yaml").read_text(encoding="utf-8")
    assert "'tomatensector-vervolgaanpak': the text (page 1) reports on a commitment" in written
    assert "(line " not in written


def test_the_official_xml_of_a_letter_gives_the_letter_and_its_updates(tmp_path: Path) -> None:
    content = content_copy(
        tmp_path / "content", "2022-04-07-opvolging-moties-en-toezeggingen-imvo-beleid"
    )
    source = IMPORT / "kst-26485-395.xml"
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    text = Path(written).read_text(encoding="utf-8")
    letter = next(s.letter for s in load_corpus(content).letters if str(s.path) == written)
    assert str(letter.kamerstuk) == "Kamerstuk 26 485, nr. 395"
    assert letter.signatory.title.startswith("De Minister voor Buitenlandse Handel")
    assert [s.heading for s in letter.sections][1:] == [
        "Gesprek met financiële instellingen over afzien van investeringen in activiteiten die "
        "bedreiging vormen voor de biodiversiteit in het kwetsbare polaire gebied",
        "Vervolgaanpak misstanden tomatensector",
    ]
    assert _updates(letter) == {
        ("motion", "van-der-lee-35570-71", "uitgevoerd"),
        ("commitment", "tomatensector-vervolgaanpak", "voldaan"),
    }
    assert '# from line 32: "Met deze brief kom ik deze toezegging na."' in text
    assert list(letter.footnotes.values()) == [
        "Stuurgroepen van de convenanten verzekeringen en pensioenfondsen."
    ]


def _updates(letter: Letter) -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    stack = list(letter.sections)
    while stack:
        section = stack.pop()
        stack += section.sections
        found |= {("motion", u.motion, u.status.value) for u in section.motion_updates}
        found |= {("commitment", u.commitment, u.status.value) for u in section.commitment_updates}
    return found


# --- published layouts: headings, signatories, the web pages' furniture ---------------------


def test_a_numbered_heading_on_a_line_of_its_own_heads_its_section(tmp_path: Path) -> None:
    """The publication prints '1. Inleiding' between blank lines: the section's heading, number
    and all (as 'I Inleiding' is kept), not the first words of the paragraph under it."""
    source = IMPORT / "kst-29279-331.excerpt.txt"
    letter = imported_letter(source, content_copy(tmp_path / "content"))
    assert [section.heading for section in letter.sections] == ["1. Inleiding"]
    assert outline(letter)[1].startswith("Over de voortgang van het wetgevingsprogramma ")


def test_a_numbered_list_after_a_colon_is_not_taken_for_headings(tmp_path: Path) -> None:
    text = (IMPORT / "kst-29279-331.excerpt.txt").read_text(encoding="utf-8")
    listed = text.replace("1. Inleiding\n", "Ik bericht u over:\n\n1. De voortgang\n")
    source = tmp_path / "lijst.txt"
    source.write_text(listed, encoding="utf-8")
    letter = imported_letter(source, content_copy(tmp_path / "content"))
    assert [section.heading for section in letter.sections] == [None]


@pytest.mark.parametrize(
    "ministry", ["Onderwijs, Cultuur en Wetenschap", "Volksgezondheid, Welzijn en Sport"]
)
def test_a_ministry_whose_name_has_a_comma_is_the_senders(tmp_path: Path, ministry: str) -> None:
    """'De minister van Onderwijs, Cultuur en Wetenschap,' names its ministry, comma and all."""
    text = (IMPORT / "kst-31288-66.txt").read_text(encoding="utf-8")
    printed = "Onderwijs, Cultuur en Wetenschap"
    text = text.replace(printed, ministry).replace(printed.upper(), ministry.upper())
    source = tmp_path / "brief.txt"
    source.write_text(text, encoding="utf-8")
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = (content / "letters").glob("2009-10-07-*.yaml")
    draft = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert draft["sender"]["ministry"] == f"Ministerie van {ministry}"
    assert draft["signatory"] == {
        "title": f"De minister van {ministry},",
        "name": "R. H. A. Plasterk",
    }


def test_the_footnotes_under_xnoot_as_older_web_pages_print_it_are_the_letters(
    tmp_path: Path,
) -> None:
    """Older officielebekendmakingen.nl pages print the footnotes' heading 'XNoot' (no space):
    the footnote is the letter's, called where the text has 'aan1'."""
    content = content_copy(tmp_path / "content")
    run = cli("import", IMPORT / "kst-26488-72.txt", "--content", content)
    assert run.returncode == 0, run.stderr
    assert "XNoot" not in run.stderr and "footnote" not in run.stderr
    (written,) = (content / "letters").glob("2008-05-22-*.yaml")
    draft = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert draft["footnotes"] == {
        "ter-vertrouwelijke-inzage-gelegd": "Ter vertrouwelijke inzage gelegd, alleen voor de "
        "leden, bij het Centraal Informatiepunt van de Tweede Kamer der Staten-Generaal."
    }
    first = draft["sections"][0]["body"][0]
    assert first.startswith("In bijlage bied ik u aan[^ter-vertrouwelijke-inzage-gelegd] het ")


def test_a_wrapped_letter_without_a_signature_keeps_its_paragraphs_and_headings(
    tmp_path: Path,
) -> None:
    """tweedekamer.nl's text of a letter, cut before the signature: the blank line the file
    ends with does not stop the paragraphs and headings from being told apart by where the
    lines end short, and the note says so."""
    source = IMPORT / "tk-2022D17930.excerpt.txt"
    assert source.read_text(encoding="utf-8").endswith("\n")
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert (
        f"{source}:7: no blank line between paragraphs (as tweedekamer.nl prints a "
        "letter, or a PDF's text in reading order gives it): paragraphs and headings were told "
        "apart by where lines end short; compare them with the publication"
    ) in run.stderr.splitlines()
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    letter = next(s.letter for s in load_corpus(content).letters if str(s.path) == written)
    assert [line[:40] for line in outline(letter)] == [
        "Met deze brief geef ik u mijn reactie op",
        "Met de motie Van den Berg c.s. is de reg",
        "Ik zal deze brief beginnen met een korte",
        "# 1. Korte samenvatting",
        "De NSOB benoemt in zijn rapport vier kwe",
    ]


def test_a_heading_without_a_blank_line_under_it_is_set_apart_from_its_paragraph(
    tmp_path: Path,
) -> None:
    """Some tweedekamer.nl pages put a line of spaces between paragraphs but none under a
    heading: the heading is still a heading, and a paragraph is not cut where it has none."""
    source = IMPORT / "tk-2019D16092.excerpt.txt"
    letter = imported_letter(source, content_copy(tmp_path / "content"))
    assert [line[:40] for line in outline(letter)] == [
        "Met deze brief informeer ik uw Kamer ove",
        "# Aanleiding",
        "Nederland wil een veilig thuis bieden vo",
    ]
    assert outline(letter)[0].endswith("binnen de kaders van het vreemdelingen- en strafrecht.")


def test_a_reprint_is_signed_by_the_minister_its_heading_names(tmp_path: Path) -> None:
    """A reprint prints 'Nr. 7 HERDRUK1' above 'BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN':
    the letter without its signature is still proposed as that minister's."""
    content = content_copy(tmp_path / "content")
    run = cli("import", IMPORT / "tk-2022D36642.excerpt.txt", "--content", content)
    assert run.returncode == 0, run.stderr
    (written,) = (content / "letters").glob("2022-09-20-*.yaml")
    draft = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert draft["signatory"]["title"] == "De Minister van Buitenlandse Zaken,"
    assert (draft["sender"]["ministry"], draft["kamerstuk"]) == (
        "Ministerie van Buitenlandse Zaken",
        "35 982, nr. 7",
    )


# --- what it says when it cannot ------------------------------------------------------------


def test_a_scan_says_it_has_no_text_and_the_other_files_are_still_imported(
    tmp_path: Path,
) -> None:
    content = content_copy(tmp_path / "content")
    scan = IMPORT / "scan.pdf"
    motion = MOTIONS_XML / f"{COUNCIL}.xml"
    run = cli("import", scan, motion, "--content", content)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert (
        f"briefing: error: {scan}: the PDF has no text layer (it is a scan: images of pages); "
        "run text recognition (OCR) on it first"
    ) in run.stderr
    assert run.stdout == f"wrote {content / 'motions.yaml'}: motion dassen-21501-02-3027\n"


HOSTILE = {
    "billion laughs": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        b'"&lol;&lol;&lol;&lol;">]><officiele-publicatie>&lol2;</officiele-publicatie>',
        ":1: the XML declares a document type or entities",
    ),
    "external entity": (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<officiele-publicatie>&e;</officiele-publicatie>",
        ":1: the XML declares a document type or entities",
    ),
    "other XML": (
        b'<?xml version="1.0"?><html><body>Geachte voorzitter,</body></html>',
        ":1: this XML is not a Kamerstuk as officielebekendmakingen.nl publishes it",
    ),
    "broken XML": (
        b'<?xml version="1.0"?>\n<officiele-publicatie><kamerstuk>\n</officiele-publicatie>',
        ":3: the XML is not well-formed",
    ),
    "nested thousands deep": (
        b'<?xml version="1.0"?>\n<officiele-publicatie><kamerstuk><stuk>\n<al>'
        + b"<nadruk>" * 3000
        + b"x"
        + b"</nadruk>" * 3000
        + b"</al></stuk></kamerstuk></officiele-publicatie>",
        ":3: the XML nests elements more than 100 deep; the official XML of a Kamerstuk nests "
        "about a dozen: is the file damaged?",
    ),
    "broken PDF": (b"%PDF-1.7\n" + b"\x00" * 200, ": cannot read the PDF"),
    "neither": (
        b"Boodschappen\n\nmelk\nbrood\n",
        ":1: this is neither a letter nor a motion in a layout the importer reads",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_bad_and_hostile_files_give_a_clear_message(tmp_path: Path, case: str) -> None:
    data, message = HOSTILE[case]
    source = tmp_path / "kst-1-1.xml"
    source.write_bytes(data)
    content = content_copy(tmp_path / "content")
    before = {p.name: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    run = cli("import", source, "--content", content)
    assert run.returncode == 1
    assert run.stderr.startswith(f"briefing: error: {source}{message}"), run.stderr
    assert "Traceback" not in run.stderr and "root:x:0" not in run.stderr
    assert {p.name: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_the_official_xmls_numbered_divisions_give_headings_with_their_numbers(
    tmp_path: Path,
) -> None:
    """A letter's XML that parts its text in ``divisie`` elements, each under a ``kop`` with
    its ``nr`` and ``titel``, gives a section per division headed "2. Vervolgaanpak ...", not a
    paragraph "2.Vervolgaanpak ...". The XML is a made-up variant of kst-26485-395.xml (itself
    made for the tests, its number changed): no real letter's XML in this form is at hand."""
    xml = (IMPORT / "kst-26485-395.xml").read_text(encoding="utf-8")
    old = (
        '<tussenkop kopopmaak="vet">Vervolgaanpak misstanden tomatensector</tussenkop>\n'
        "          <al>"
    )
    assert old in xml
    xml = xml.replace(
        old,
        "<divisie><kop><nr>2.</nr><titel>Vervolgaanpak misstanden tomatensector</titel></kop><al>",
    ).replace("</lijst>\n        </tekst>", "</lijst></divisie>\n        </tekst>")
    xml = xml.replace(">395</ondernummer>", ">999</ondernummer>")  # not the content's letter
    source = tmp_path / "kst-26485-395.xml"
    source.write_text(xml, encoding="utf-8")
    draft, _ = imported_draft(tmp_path, source)
    headings = [section.get("heading") for section in draft["sections"]]
    assert headings[-1] == "2. Vervolgaanpak misstanden tomatensector"
    assert draft["sections"][-1]["body"][0].startswith("Tijdens het AO IMVO van 3 maart 2020")


def test_a_missing_file_or_a_folder_is_refused_saying_what_to_give(tmp_path: Path) -> None:
    """A path that is no file: the import says so and which files it reads, and exits 1; a
    file beside it is still imported."""
    content = content_copy(tmp_path / "content")
    missing, folder = tmp_path / "brief.txt", tmp_path / "letters"
    folder.mkdir()
    run = cli("import", missing, folder, IMPORT / "kst-26488-72.txt", "--content", content)
    assert run.returncode == 1
    assert run.stderr.splitlines()[:2] == [
        f"briefing: error: {missing} does not exist; give a letter's or a motion's file (text, "
        "PDF, saved web page or XML)",
        f"briefing: error: {folder} is a folder; give a letter's or a motion's file",
    ]
    assert run.stdout.startswith(f"wrote {content / 'letters'}")


@pytest.mark.parametrize("source", ["2016-01-29-letter.pdf", "kst-26488-72.txt"])
def test_a_letter_piped_in_as_dash_is_imported_and_its_notes_name_stdin(
    tmp_path: Path, source: str
) -> None:
    """``pbpaste | briefing import -``: the text (or the PDF) on standard input becomes the
    same draft as the file would, and its notes and the draft name ``<stdin>``."""
    content, by_file = content_copy(tmp_path / "content"), content_copy(tmp_path / "by-file")
    run = piped((IMPORT / source).read_bytes(), "import", "-", "--content", content)
    assert run.returncode == 0, run.stderr
    draft = Path(run.stdout.decode().removeprefix("wrote ").strip())
    assert draft.parent == content / "letters"
    assert cli("import", IMPORT / source, "--content", by_file).returncode == 0
    expected = (by_file / "letters" / draft.name).read_text(encoding="utf-8")
    text = draft.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("# Draft imported from <stdin> (")
    assert yaml.safe_load(text) == yaml.safe_load(expected)
    notes = run.stderr.decode().splitlines()
    place = "<stdin>, page " if source.endswith(".pdf") else "<stdin>:"
    assert notes and all(note.startswith(place) for note in notes)


def test_standard_input_empty_closed_or_given_twice_is_refused(tmp_path: Path) -> None:
    """Nothing to read, or ``-`` twice (the second would read nothing): refused, nothing written."""
    content = content_copy(tmp_path / "content")
    before = sorted(p.name for p in content.rglob("*"))
    empty = piped(b"", "import", "-", "--content", content)
    closed = piped(None, "import", "-", "--content", content)
    twice = piped(b"text", "import", "-", "-", "--content", content)
    assert (empty.returncode, empty.stderr.decode()) == (
        1,
        "briefing: error: <stdin> is empty; give the text of a letter or a motion (as text, PDF "
        "or the official XML)\n",
    )
    assert (closed.returncode, closed.stderr.decode()) == (
        1,
        "briefing: error: <stdin> is closed; pipe a letter or a motion into it\n",
    )
    assert (twice.returncode, twice.stderr.decode()) == (
        2,
        "briefing: error: '-' (standard input) can be read once; give it once\n",
    )
    assert sorted(p.name for p in content.rglob("*")) == before


def test_a_heading_after_parts_written_to_one_pattern_is_the_letters_not_the_last_parts(
    tmp_path: Path,
) -> None:
    """As the letter "Water en Bodem sturend" (25 November 2022) prints them, in bold: parts
    "1.", "2.1" and "2.2", each under "Problematiek" and ending with "Consequenties", then
    "Samen werken aan realisatie", which no part has, with headings in italics under it.
    It heads a section of the letter's, not the last part's; "Consequenties" stays with each
    part, and a heading a part has of its own ("Inzet" in 2.2 only) stays in it."""

    def paragraph(topic: str) -> str:
        return f"Dit is de tekst over {topic}, met de inzet van het kabinet.\n\n"

    def part(heading: str, *subheadings: str) -> str:
        return f"**{heading}**\n\n" + "".join(f"**{s}**\n\n" + paragraph(s) for s in subheadings)

    text = (IMPORT / "kst-29279-331.excerpt.txt").read_text(encoding="utf-8")
    head = text[: text.index("1. Inleiding")]
    body = (
        part("1. Water en bodem", "Problematiek", "Consequenties")
        + "**2. Gebieden**\n\n"
        + part("2.1 Laagveengebieden", "Problematiek", "Consequenties")
        + part("2.2 Hoge zandgronden", "Problematiek", "Inzet", "Consequenties")
        + part("Samen werken aan realisatie")
        + paragraph("de realisatie")
        + "*Financiering*\n\n"
        + paragraph("de financiering")
    )
    source = tmp_path / "water.txt"
    source.write_text(head + body + "De Minister van Infrastructuur en Waterstaat,\n", "utf-8")
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    assert (
        "nested by their numbers ('1.2' under '1.'), the others under the numbered heading "
        "before them, but 'Samen werken aan realisatie', which follows the parts and is none "
        "of theirs, at the top: check them and their levels\n"
    ) in run.stderr
    (written,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    letter = next(s.letter for s in load_corpus(content).letters if str(s.path) == written)

    def tree(sections: list[Section]) -> list[object]:
        return [(s.heading, tree(s.sections)) for s in sections]

    pattern: list[object] = [("Problematiek", []), ("Consequenties", [])]
    assert tree(letter.sections) == [
        ("1. Water en bodem", pattern),
        (
            "2. Gebieden",
            [
                ("2.1 Laagveengebieden", pattern),
                ("2.2 Hoge zandgronden", [pattern[0], ("Inzet", []), pattern[1]]),
            ],
        ),
        ("Samen werken aan realisatie", [("Financiering", [])]),
    ]


def test_a_debate_the_content_lacks_is_proposed_once_per_section(tmp_path: Path) -> None:
    """A section that names the commissiedebat of 16 June 2022 twice, which debates.yaml
    lacks, gets one comment proposing it and one note, at its first mention."""
    text = (IMPORT / "kst-29279-331.excerpt.txt").read_text(encoding="utf-8")
    named = (
        "In het commissiedebat van 16 juni 2022 is hierover gesproken.\n\n"
        "Zoals in het commissiedebat van 16 juni 2022 besproken, volgt hier de stand.\n\n"
    )
    source = tmp_path / "brief.txt"
    source.write_text(text.replace("1. Inleiding\n\n", f"1. Inleiding\n\n{named}"), "utf-8")
    content = content_copy(tmp_path / "content")
    run = cli("import", source, "--content", content)
    assert run.returncode == 0, run.stderr
    (draft,) = re.findall(r"^wrote (\S+\.yaml)$", run.stdout, re.MULTILINE)
    comments = re.sub(r"\s*\n\s*#\s*", " ", Path(draft).read_text(encoding="utf-8"))
    assert comments.count("the text names a debate") == 1
    assert (
        "TODO review: the text names a debate ('commissiedebat') on 2022-06-16 that is not "
        "in debates.yaml; add it there and list it here"
    ) in comments
    line = text.splitlines().index("1. Inleiding") + 3
    assert re.findall(r"^.*could not place.*$", run.stderr, re.MULTILINE) == [
        f"{source}:{line}: could not place the commissiedebat of 16 juni 2022: no debate on "
        "that day in debates.yaml; proposed in a comment of section '1-inleiding'"
    ]
