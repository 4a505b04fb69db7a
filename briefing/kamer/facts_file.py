"""Reading and writing ``content/kamer.yaml``: the facts as the content is read (the loader's
limits, the model, every problem at its ``path:line:column``), and written atomically, with the
comments a person wrote, after reading the new text back."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from briefing.errors import BriefingError, ContentError, errors_in
from briefing.kamer.comments import Comment, with_comments
from briefing.kamer.facts import KamerFacts
from briefing.loading import load_document
from briefing.types import Kamerstuk
from briefing.validation import validate

HEADER = """\
# yaml-language-server: $schema=schemas/kamer.schema.json
# Facts from the Tweede Kamer's open data (CC0), written by 'briefing kamer link'.
# The ids (zaak, activiteit, toezegging) link a content item to the Kamer's record: add or
# correct one by hand, then run 'briefing kamer link' again to refresh the other facts.
"""

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_facts(path: Path) -> KamerFacts:
    """The facts in ``path`` (none when the file does not exist); a :class:`ContentError`
    with every problem at its ``path:line:column`` when the file is not valid."""
    if not path.exists():
        return KamerFacts()
    document, problems = load_document(path)
    problems = errors_in(problems)
    if document.data is not None and not problems:
        facts, problems = validate(document, KamerFacts, document.data)
        if facts is not None:
            return facts
    raise ContentError(problems)


def written(number: Kamerstuk | None) -> str | None:
    """A Kamerstuk number as the content writes it: ``26 485, nr. 293``."""
    return f"{number.dossier_display}, nr. {number.number}" if number else None


def plain(value: Any) -> Any:
    """A model's value as plain YAML data: no empty values, Kamerstuk numbers as written."""
    if isinstance(value, BaseModel):
        out = {}
        for name in type(value).model_fields:
            item = getattr(value, name)
            if item is not None and item != []:
                out[name] = plain(item)
        return out
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, Kamerstuk):
        return written(value)
    if isinstance(value, str):
        return str(value)  # a reference type is written as plain text
    return value


def dump_facts(facts: KamerFacts) -> str:
    """The file's text: the header, then every list, entries in the order given."""
    data = {name: plain(getattr(facts, name)) for name in type(facts).model_fields}
    if not data["refused"]:
        del data["refused"]  # written by hand, where there is any
    body = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def write_facts(path: Path, facts: KamerFacts, comments: Sequence[Comment] = ()) -> None:
    """Write ``facts`` atomically, with ``comments`` at their places, after reading the new
    text back as the content is read (the loader's limits, the model) and finding the same
    facts."""
    text = with_comments(dump_facts(facts), comments)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        document, problems = load_document(Path(temporary), display_path=path)
        written, more = (
            validate(document, KamerFacts, document.data) if not problems else (None, [])
        )
        if written != facts:
            raise BriefingError(
                f"{path}: the facts would not read back as written; nothing was written: "
                + "; ".join(str(p) for p in problems + more)
            )
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
