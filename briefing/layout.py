"""Where things are: the content folder's files, the outputs' paths and anchors, the templates.

This is the one place that knows these names. The content layout::

    content/
      letters/<letter-id>.yaml
      motions.yaml  commitments.yaml  sectors.yaml  debates.yaml  settings.yaml
      kamer.yaml    (facts from the Kamer's records)
      qa/<debate-id>.yaml   (lines to take and questions for a debate)
      schemas/

and the outputs, under the output folder::

    letters/<letter-id>.pdf      briefings/<debate-id>.pdf
    sectors/<sector-id>.pdf      sectors/overzicht.pdf

Output names come from validated ids only. Reports link to letters relatively
(``../letters/<id>.pdf#s-<section>``), so the output folders must stay together. The HTML
edition (``html/``) holds a page beside each PDF (``letters/<id>.html``), whose links lead to
the other pages in the same way, and the templates' stylesheets and assets under ``style/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from briefing.errors import BriefingError, UsageError

# --- content ----------------------------------------------------------------------------------

LETTERS_DIR = "letters"
SETTINGS_FILE = "settings.yaml"
SCHEMAS_DIR = "schemas"
#: Facts from the Kamer's own records, written by ``briefing kamer link`` and reviewed.
KAMER_FILE = "kamer.yaml"
#: Lines to take and expected questions, one file per debate: ``qa/<debate-id>.yaml``.
NOTES_DIR = "qa"
#: Registry files by the kind of entry they hold; the file's stem is its top-level key.
REGISTRY_FILES: dict[str, str] = {
    "motion": "motions.yaml",
    "commitment": "commitments.yaml",
    "sector": "sectors.yaml",
    "debate": "debates.yaml",
}


def registry_key(kind: str) -> str:
    """The top-level key of a registry file: ``motions`` for motions.yaml."""
    return REGISTRY_FILES[kind].removesuffix(".yaml")


def content_files(root: Path) -> list[Path]:
    """Every file the content is read from: settings, registries, the Kamer's facts and
    letters, in that order."""
    names = [SETTINGS_FILE, *REGISTRY_FILES.values(), KAMER_FILE]
    files = [root / name for name in names if (root / name).is_file()]
    return files + yaml_files(root / NOTES_DIR) + yaml_files(root / LETTERS_DIR)


def yaml_files(folder: Path) -> list[Path]:
    """The content files in ``folder``: its ``.yaml`` files in name order, but the hidden
    ones, which no one wrote as content (an editor's lock file ``.#x.yaml``, the ``._x.yaml``
    a Mac leaves on a shared drive)."""
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))


def unread_files(root: Path) -> list[Path]:
    """The YAML files of the content that are never read, so that the user is told: a
    content file not ending in ``.yaml`` (``motions.yml``, ``letters/x.yml``), or one in a
    folder inside ``letters/`` or ``qa/``. Hidden files and folders are no content."""
    known = {Path(name).stem for name in (SETTINGS_FILE, *REGISTRY_FILES.values(), KAMER_FILE)}
    found = [p for p in sorted(root.glob("*")) if _misspelled(p) and p.stem in known]
    for folder in (root / LETTERS_DIR, root / NOTES_DIR):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            parts = path.relative_to(folder).parts
            if any(part[:1] == "." for part in parts):
                continue
            if _misspelled(path) or (len(parts) > 1 and is_yaml(path) and not path.is_dir()):
                found.append(path)
    return found


def is_yaml(path: Path) -> bool:
    """Whether ``path`` is named as a YAML file, however its extension is spelled."""
    return path.suffix.lower() in (".yaml", ".yml")


def _misspelled(path: Path) -> bool:
    return is_yaml(path) and path.suffix != ".yaml" and path.name[:1] != "."


def require_content(root: Path) -> None:
    """Refuse a folder that holds no content: no letter and no registry."""
    if not any(path.name != SETTINGS_FILE for path in content_files(root)):
        registries = ", ".join(REGISTRY_FILES.values())
        raise BriefingError(
            f"{root} holds no content: a content folder holds {LETTERS_DIR}/<YYYY-MM-DD-slug>.yaml "
            f"(one file per letter) and the registries {registries}; give the folder that holds "
            "them with --content"
        )


def require_apart(content: Path, out: Path) -> None:
    """Refuse an output folder that is the content folder or inside one of its folders:
    the PDFs would land among the content files, and watching would miss the content."""
    root, target = content.resolve(), out.resolve()
    inside = [
        name for name in (LETTERS_DIR, NOTES_DIR, SCHEMAS_DIR) if target.is_relative_to(root / name)
    ]
    if target == root or inside:
        where = "the content folder" if target == root else f"inside the content's {inside[0]}/"
        raise UsageError(
            f"--out {out} is {where}; the outputs go to a folder of their own, e.g. --out build"
        )


def schema_name(kind: str) -> str:
    """The file name of a kind's JSON Schema in ``schemas/``: ``letter.schema.json``."""
    return f"{kind}.schema.json"


# --- outputs ----------------------------------------------------------------------------------

BRIEFINGS_DIR = "briefings"
SECTORS_DIR = "sectors"
#: The sector summaries' folder holds the overview under this name, so no sector may use it.
OVERVIEW_ID = "overzicht"
#: The name of a briefing on a date that prepares no debate.
STATE_OF_PLAY = "stand-van-zaken"


def letter_pdf(letter_id: str) -> str:
    """A letter's PDF, relative to the output folder."""
    return f"{LETTERS_DIR}/{letter_id}.pdf"


def briefing_pdf(name: str) -> str:
    """A briefing's PDF, relative to the output folder; ``name`` is the debate's id."""
    return f"{BRIEFINGS_DIR}/{name}.pdf"


def sector_pdf(sector_id: str) -> str:
    """A sector summary's PDF (or the overview's, for :data:`OVERVIEW_ID`)."""
    return f"{SECTORS_DIR}/{sector_id}.pdf"


def section_anchor(section_id: str) -> str:
    """A letter section's anchor in the letter's HTML and named destination in its PDF."""
    return f"s-{section_id}"


#: The suffix of the documents that links lead to: ``.pdf`` in print, ``.html`` on screens.
_LINKED: ContextVar[str] = ContextVar("linked", default=".pdf")


@contextmanager
def linking_to(suffix: str) -> Iterator[None]:
    """Inside the block, links between documents lead to their ``suffix`` edition."""
    token = _LINKED.set(suffix)
    try:
        yield
    finally:
        _LINKED.reset(token)


def _linked(path: str) -> str:
    """``path`` (a PDF's, relative to the output folder) in the edition links lead to."""
    return path.removesuffix(".pdf") + _LINKED.get()


def letter_href(letter_id: str, anchor: str | None = None) -> str:
    """The link from a report (in a folder beside ``letters/``) to a letter or a place in it."""
    href = f"../{_linked(letter_pdf(letter_id))}"
    return f"{href}#{anchor}" if anchor else href


def sector_href(sector_id: str) -> str:
    """The link from a report in a folder beside ``sectors/`` to a sector summary (or to the
    overview, for :data:`OVERVIEW_ID`)."""
    return f"../{_linked(sector_pdf(sector_id))}"


def sibling_href(sector_id: str) -> str:
    """The link from one sector summary to another (or to the overview) in the same folder."""
    return _linked(f"{sector_id}.pdf")


# --- templates --------------------------------------------------------------------------------

_PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = "assets"


def templates_dir() -> Path:
    """The templates folder: inside the installed package, or beside it in a checkout."""
    installed = _PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "templates"


# --- the HTML edition -------------------------------------------------------------------------

#: The HTML edition's folder under the output folder, and its folder of stylesheets and assets.
EDITION_DIR = "html"
STYLE_DIR = "style"
#: The edition's (and the preview's) page that lists every document.
INDEX_PAGE = "index.html"


def page_path(output_path: str) -> str:
    """An output's page for screens, beside where its PDF would be: ``letters/<id>.html``."""
    return output_path.removesuffix(".pdf") + ".html"


def style_files(root: Path) -> dict[str, Path]:
    """The templates' files that pages for screens may use, by name: the stylesheets and
    everything under ``assets/``, none that leads out of the templates folder (a link)."""
    base = root.resolve()
    found = {p.name: p for p in sorted(root.glob("*.css"))}
    found |= {p.relative_to(root).as_posix(): p for p in sorted((root / ASSETS_DIR).rglob("*"))}
    return {
        name: path
        for name, path in found.items()
        if path.is_file() and path.resolve().is_relative_to(base)
    }
