"""Rendering many documents in one process: stylesheets are parsed once, yet never stale."""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pypdf.generic import DictionaryObject

from briefing.layout import templates_dir
from briefing.write import scoped_pseudo_elements, write_pdf
from tests.conftest import text_of


def _templates(tmp_path: Path) -> Path:
    """A copy of the templates folder with a stylesheet that prints a word after paragraphs."""
    root = tmp_path / "templates"
    shutil.copytree(templates_dir(), root)
    (root / "extra.css").write_text('p::after { content: " EEN" }', encoding="utf-8")
    return root


def _html(root: Path) -> str:
    return (
        f'<link rel="stylesheet" href="{(root / "fonts.css").as_uri()}">'
        f'<link rel="stylesheet" href="{(root / "extra.css").as_uri()}">'
        "<p style=\"font-family: 'Fira Sans'\">tekst</p>"
    )


def test_every_document_records_the_stylesheets_and_fonts_it_used(tmp_path: Path) -> None:
    root = _templates(tmp_path)
    first = write_pdf(_html(root), tmp_path / "a.pdf", root)
    second = write_pdf(_html(root), tmp_path / "b.pdf", root)
    # The second document reuses the parsed sheets, but records them all the same, so that
    # an edit to a stylesheet or a font rebuilds it as well.
    assert first.resources == second.resources
    assert {"fonts.css", "extra.css", "assets/fonts/FiraSans-Regular.ttf"} <= set(second.resources)
    assert text_of(tmp_path / "b.pdf").split() == ["tekst", "EEN"]


def test_an_edited_stylesheet_is_read_again_in_the_same_process(tmp_path: Path) -> None:
    root = _templates(tmp_path)
    write_pdf(_html(root), tmp_path / "a.pdf", root)
    sheet = root / "extra.css"
    sheet.write_text('p::after { content: " TWEE" }', encoding="utf-8")
    os.utime(sheet, ns=(0, 0))  # a different time even where the clock is coarse
    write_pdf(_html(root), tmp_path / "b.pdf", root)
    assert text_of(tmp_path / "a.pdf").split() == ["tekst", "EEN"]
    assert text_of(tmp_path / "b.pdf").split() == ["tekst", "TWEE"]


def test_a_stylesheet_outside_the_templates_is_still_refused(tmp_path: Path) -> None:
    root = _templates(tmp_path)
    outside = tmp_path / "outside.css"
    outside.write_text('p::after { content: " GEHEIM" }', encoding="utf-8")
    html = _html(root) + f'<link rel="stylesheet" href="{outside.as_uri()}">'
    rendered = write_pdf(html, tmp_path / "a.pdf", root)
    assert "GEHEIM" not in text_of(tmp_path / "a.pdf")
    assert not any("outside" in name for name in rendered.resources)


def _fonts(pdf: Path) -> set[str]:
    """The names of the fonts a PDF embeds, without their subset prefix."""
    names = set()
    for page in pypdf.PdfReader(pdf).pages:
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        fonts = resources["/Font"]
        assert isinstance(fonts, DictionaryObject)
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="forks rendering processes"
)
def test_the_parent_renders_with_its_fonts_after_a_forked_process_rendered(
    tmp_path: Path,
) -> None:
    root = _templates(tmp_path)
    write_pdf(_html(root), tmp_path / "parent-before.pdf", root)
    child = multiprocessing.get_context("fork").Process(
        target=write_pdf, args=(_html(root), tmp_path / "child.pdf", root)
    )
    child.start()
    child.join()
    assert child.exitcode == 0
    styled = _html(root) + "<p style=\"font-family: 'Fira Sans'\"><b>vet</b> <i>schuin</i></p>"
    write_pdf(styled, tmp_path / "parent-after.pdf", root)
    assert _fonts(tmp_path / "parent-before.pdf") == {"Fira-Sans"}
    assert _fonts(tmp_path / "child.pdf") == {"Fira-Sans"}
    assert _fonts(tmp_path / "parent-after.pdf") == {
        "Fira-Sans",
        "Fira-Sans-Bold",
        "Fira-Sans-Italic",
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the lookup runs it on Linux")
def test_rendering_runs_no_c_compiler_to_find_weasyprints_libraries(tmp_path: Path) -> None:
    """Imported as WeasyPrint is by default, it runs the C compiler over and over to look its
    libraries up (a Ctrl-C that reaches the compiler leaves its files in the temporary
    folder); imported as the build imports it, it never does, and it renders."""
    compilers = tmp_path / "bin"
    compilers.mkdir()
    runs = tmp_path / "runs"
    for name in ("gcc", "cc"):
        compiler = compilers / name
        compiler.write_text(f'#!/bin/sh\necho "$0" >> {runs}\nexit 1\n', encoding="utf-8")
        compiler.chmod(0o755)
    path = {**os.environ, "PATH": f"{compilers}{os.pathsep}{os.environ['PATH']}"}
    plain = "import weasyprint"
    ours = "from briefing.write import html_type; html_type()(string='<p>tekst</p>').render()"
    for code in (plain, ours):
        runs.unlink(missing_ok=True)
        done = subprocess.run(
            [sys.executable, "-c", code], env=path, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        ran = runs.read_text(encoding="utf-8").splitlines() if runs.exists() else []
        if code == plain:
            assert len(ran) > 1, "WeasyPrint no longer runs the compiler: look again"
        else:
            assert ran == []


def test_weasyprint_styles_pseudo_elements_only_on_the_elements_that_have_them() -> None:
    """WeasyPrint's own stylesheet, as the build renders with it, has no rule for a
    pseudo-element alone, which every element matches and had six styles computed that none
    used (a tenth of a dossier's time); a list item's marker and a footnote's call and
    marker keep theirs."""
    from weasyprint.html import UA

    scoped = scoped_pseudo_elements(UA)
    assert re.findall(r"^::[a-z-]+", UA, re.MULTILINE), "WeasyPrint's sheet changed: look again"
    assert re.findall(r"^::[a-z-]+", scoped, re.MULTILINE) == []
    for rule in ("li::marker {", ".footnote::footnote-call {", ".footnote::footnote-marker {"):
        assert sum(line.startswith(rule) for line in scoped.splitlines()) == 1, rule
    assert len(scoped.splitlines()) == len(UA.splitlines()) - 3  # the notes' three rules


def test_a_written_pdf_has_styles_computed_for_pseudo_elements_its_elements_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing a PDF computes the style of a list item's marker and of a footnote's call and
    marker, and of no other pseudo-element: not six for every element."""
    from weasyprint.css import StyleFor

    computed: list[str] = []
    compute = StyleFor.set_computed_styles

    def counted(self: StyleFor, element: object, *args: object, **kwargs: object) -> None:
        computed.append(str(kwargs.get("pseudo_type")))
        compute(self, element, *args, **kwargs)

    monkeypatch.setattr(StyleFor, "set_computed_styles", counted)
    root = templates_dir()
    html = (
        '<html lang="nl">'
        f'<link rel="stylesheet" href="{(root / "fonts.css").as_uri()}">'
        f'<link rel="stylesheet" href="{(root / "letter.css").as_uri()}">'
        "<p>Een zin<span class='footnote'>Een voetnoot.</span> en nog een.</p>"
        "<ul><li>een</li><li>twee</li></ul>" + "<p>Tekst <em>met</em> nadruk.</p>" * 20
    )
    write_pdf(html, tmp_path / "out.pdf", root)
    pseudo = sorted(name for name in computed if name != "None" and not name.startswith("@"))
    assert pseudo == ["footnote-call", "footnote-marker", "marker", "marker"]
    text = text_of(tmp_path / "out.pdf")
    assert "Een zin1 en nog een. • een • twee" in text and "1 Een voetnoot." in text


def test_no_file_is_begun_beside_the_pdf_while_its_document_is_laid_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Laying a document out takes the most of its time; a build killed meanwhile (SIGKILL,
    a power cut) leaves nothing half written beside the PDF, not even a temporary file."""
    import briefing.write

    target = tmp_path / "briefings" / "out.pdf"
    beside: list[list[str]] = []
    layout = briefing.write._layout

    def looked(*args: Any, **kwargs: Any) -> Any:
        beside.append(sorted(p.name for p in tmp_path.rglob("*") if p.is_file()))
        return layout(*args, **kwargs)

    monkeypatch.setattr(briefing.write, "_layout", looked)
    root = templates_dir()
    write_pdf('<html lang="nl"><p>Een zin.</p>', target, root)
    assert beside == [[]]
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["out.pdf"]
    assert "Een zin." in text_of(target)
