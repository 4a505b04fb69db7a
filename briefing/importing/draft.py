"""Writing the draft letter file: YAML laid out like the hand-made letters, with comments.

The draft has the key order and the style of the content's letters (written by
:mod:`briefing.importing.yaml_text`): long texts as folded block scalars (``>-``) wrapped
at 100 columns, lists of ids in brackets, a blank line between sections. Proposals to
review carry a ``# TODO review:`` comment above their key. Before anything is written the
draft is read back and checked as ``briefing check`` would check it, and it is written
without ever replacing a file.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import textwrap
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from briefing.corpus import load_corpus
from briefing.errors import BriefingError
from briefing.importing.parsed import Body, DraftSection, Head, ItemList, Paragraph, Proposal
from briefing.importing.references import Proposals
from briefing.importing.text import collapse
from briefing.importing.yaml_text import (
    WIDTH,
    NodePath,
    comment_lines,
    document_lines,
    yaml_lines,
)
from briefing.layout import LETTERS_DIR, REGISTRY_FILES
from briefing.loading import format_path
from briefing.streams import Origin

#: libyaml's loader where PyYAML has it: the check reads the whole file back.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/letter.schema.json"
#: The keys of a section that hold what the letter reports, proposed with their evidence.
UPDATE_KEYS = ("motion_updates", "commitment_updates", "sector_events", "figures")


class Draft:
    """A draft letter: its data, the review comments by node path, and source lines."""

    def __init__(self, located: Callable[[str], str]) -> None:
        #: A text that names lines of the source ("line 12"), as its reader finds them (in a
        #: PDF, "page 3").
        self.located = located
        self.data: dict[str, Any] = {}
        self.comments: dict[NodePath, list[str]] = {}
        self.remarks: dict[NodePath, list[str]] = {}
        self.lines: dict[NodePath, int] = {}

    def comment(self, path: NodePath, text: str) -> None:
        """Add a ``# TODO review:`` comment above the node at ``path``."""
        self.comments.setdefault(path, []).append(text)


def build_draft(
    letter_id: str, head: Head, body: Body, proposals: Proposals, located: Callable[[str], str]
) -> Draft:
    """The draft's data and comments, in the key order of the hand-made letters; ``located``
    gives a text that names lines of the source as its reader finds them ("line 12", in a
    PDF "page 3")."""
    draft = Draft(located)
    sender: dict[str, Any] = {
        "ministry": head.ministry,
        "directorate": head.directorate,
        "visiting_address": head.visiting_address,
        "postal_address": head.postal_address,
    }
    if head.country:
        sender["country"] = head.country
    if head.website:
        sender["website"] = head.website
    references: dict[str, Any] = {"ours": head.ours}
    if head.yours:
        references["yours"] = head.yours
    references["attachments"] = head.attachments
    data: dict[str, Any] = {
        "id": letter_id,
        "date": head.date,
        "subject": head.subject,
        "sender": sender,
        "references": references,
        "addressee": {"lines": head.addressee},
        "salutation": head.salutation,
        "signatory": {"title": head.signatory_title, "name": head.signatory_name},
    }
    if head.cosignatories:
        data["cosignatories"] = [{"title": t, "name": n} for t, n in head.cosignatories]
    if proposals.debate:
        data["debate"] = proposals.debate
        if proposals.debate_review:
            draft.comment(("debate",), proposals.debate_review)
    if head.kamerstuk:
        data["kamerstuk"] = head.kamerstuk
    for field, why in head.review.items():
        draft.comment(tuple(field.split(".")), why)
    for field, line in head.lines.items():
        draft.lines[tuple(field.split("."))] = line
    for key, sections in (("sections", body.sections), ("annex", body.annex)):
        if sections or key == "sections":
            data[key] = [_section(section, (key, i), draft) for i, section in enumerate(sections)]
    if body.footnotes or body.footnote_comments:
        data["footnotes"] = dict(body.footnotes)
        for text in body.footnote_comments:
            draft.comment(("footnotes",), text)
    draft.data = data
    return draft


def _section(section: DraftSection, path: NodePath, draft: Draft) -> dict[str, Any]:
    data: dict[str, Any] = {"id": section.id}
    draft.lines[path] = section.line
    if section.heading:
        data["heading"] = section.heading
    body: list[Any] = []
    for index, block in enumerate(section.body):
        if isinstance(block, ItemList):
            body.append({"items": _items(block.items, (*path, "body", index), draft)})
        else:
            body.append(block.text)
            draft.lines[(*path, "body", index)] = block.line
    if body:
        data["body"] = body
    for key in ("motions", "commitments", "sectors", "debates"):
        _references(section, key, data, path, draft)
    for key in UPDATE_KEYS:
        _proposals([p for p in section.proposals if p.key == key], key, data, path, draft)
    for key in ("amounts", "milestones"):
        _references(section, key, data, path, draft)
    if section.sections:
        data["sections"] = [
            _section(sub, (*path, "sections", i), draft) for i, sub in enumerate(section.sections)
        ]
    return data


def _items(items: list[Paragraph], path: NodePath, draft: Draft) -> list[Any]:
    """A list's items as the draft writes them: an item's text, or ``{text, items}`` for
    one with a list under it; each with the line it starts on."""
    written: list[Any] = []
    for index, item in enumerate(items):
        here = (*path, "items", index)
        if item.items:
            draft.lines[(*here, "text")] = draft.lines[here] = item.line
            written.append({"text": item.text, "items": _items(item.items, here, draft)})
        else:
            draft.lines[here] = item.line
            written.append(item.text)
    return written


def _references(
    section: DraftSection, key: str, data: dict[str, Any], path: NodePath, draft: Draft
) -> None:
    value = getattr(section, key)
    if value or key in section.comments:
        data[key] = value
    for text in section.comments.get(key, []):
        draft.comment((*path, key), draft.located(text))


def _proposals(
    proposals: list[Proposal], key: str, data: dict[str, Any], path: NodePath, draft: Draft
) -> None:
    """Certain proposals as entries, each under its evidence; the others commented out."""
    certain = [p for p in proposals if p.certain]
    shelved = [p for p in proposals if not p.certain]
    if certain or shelved:
        data[key] = [p.data for p in certain]
    for index, proposal in enumerate(certain):
        if proposal.why:
            draft.comment((*path, key, index), proposal.why)
        draft.remarks[(*path, key, index)] = _evidence(proposal, draft.located)
    for proposal in shelved:
        lines = _wrapped(f"TODO review: {proposal.why}") + _evidence(proposal, draft.located)
        lines += [f"  {line}" for line in yaml_lines([proposal.data], 0)]
        draft.remarks.setdefault((*path, key), []).extend(lines)


def _evidence(proposal: Proposal, located: Callable[[str], str]) -> list[str]:
    """The sentences that support a proposal, quoted with where they stand in the source."""
    lines = []
    for line, sentence in proposal.evidence:
        lines += _wrapped(f'{located(f"from line {line}")}: "{collapse(sentence)}"')
    return lines


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - 20, break_long_words=False, break_on_hyphens=False)


# --- YAML text ------------------------------------------------------------------------------


#: How a draft's opening comment names the file it was imported from, and the way it is read.
_IMPORTED_FROM = "Draft imported from"
_IMPORTED_FROM_RE = re.compile(rf"^{_IMPORTED_FROM} (.+?) \(")


def render(draft: Draft, source_name: str, layout: str) -> str:
    """The draft as YAML text, starting with the schema line."""
    out = [SCHEMA_LINE]
    out += comment_lines(
        0,
        f"{_IMPORTED_FROM} {source_name} ({layout}). Check every 'TODO review' comment, "
        "write each section's summary, then run 'briefing check'.",
        "",
    )
    out += document_lines(draft.data, draft.comments, draft.remarks)
    return "\n".join(out) + "\n"


def imported_from(path: Path) -> str | None:
    """The name of the file that the draft at ``path`` says it was imported from (its opening
    comment, as :func:`render` writes it); ``None`` when it says none or cannot be read."""
    try:
        with path.open(encoding="utf-8") as handle:
            head = [handle.readline() for _ in range(6)]
    except (OSError, UnicodeDecodeError):
        return None
    comment = []
    for line in head[1:]:
        if not line.startswith("#"):
            break
        comment.append(line.lstrip("#").strip())
    match = _IMPORTED_FROM_RE.match(" ".join(comment))
    return match[1] if match else None


# --- checking and writing -------------------------------------------------------------------


def check(text: str, draft: Draft, source: Origin, content: Path) -> None:
    """Check the YAML text as ``briefing check`` would; a :class:`BriefingError` if invalid.

    The draft is checked beside a copy of the content's registries, so every rule of the
    content applies. The text must also read back as the data it was written from; if not,
    the writer has a bug (a ``RuntimeError``, which the command line reports as internal).
    """
    if yaml.load(text, Loader=_LOADER) != _comparable(draft.data):
        raise RuntimeError(f"the draft of {source} does not read back as it was written")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for file_name in REGISTRY_FILES.values():
            if (content / file_name).is_file():
                shutil.copyfile(content / file_name, root / file_name)
        (root / LETTERS_DIR).mkdir()
        path = root / LETTERS_DIR / f"{draft.data['id']}.yaml"
        path.write_text(text, encoding="utf-8")
        problems = [p for p in load_corpus(root).errors if p.path == path]
    if problems:
        shown = []
        for problem in problems[:5]:
            line = _source_line(draft, problem.field)
            where = f"line {line}: " if line else ""
            shown.append(f"{where}{problem.field}: {problem.message}")
        raise BriefingError(f"{source}: the text cannot be held as a letter: " + "; ".join(shown))


def _source_line(draft: Draft, field: str) -> int | None:
    """The source line of the draft's node named ``field`` (or of its nearest parent)."""
    named = {format_path(path): line for path, line in draft.lines.items()}
    while field:
        if field in named:
            return named[field]
        parent = re.sub(r"(?:\.[^.\[]*|\[\d+\])$", "", field)
        field = "" if parent == field else parent
    return None


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def write_new(path: Path, text: str, source: Origin) -> None:
    """Write ``text``, the draft of ``source``, to ``path``, which must not exist; never
    replaces a file."""
    exists = (
        f"{source}: its draft would be {path}, which already exists; the import never "
        "overwrites a file. Move or rename that file first, or import into another folder with "
        "--content DIR"
    )
    if path.exists():
        raise BriefingError(exists)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        try:
            os.link(temporary, path)  # fails if the target appeared meanwhile
        except FileExistsError:
            raise BriefingError(exists) from None
        except OSError:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
    except FileExistsError:
        raise BriefingError(exists) from None
    except OSError as exc:
        raise BriefingError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)
