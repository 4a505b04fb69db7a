"""The JSON Schema of every kind of content file, so an editor can complete and check fields.

``briefing schema`` writes them into the content folder's ``schemas/``; each content file
names its schema in a first-line modeline that the YAML language server (VS Code, Neovim,
JetBrains and others) reads::

    # yaml-language-server: $schema=../schemas/letter.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from briefing.corpus import REGISTRY_MODELS
from briefing.debate_notes import DebateNotes
from briefing.kamer.facts import KamerFacts
from briefing.layout import KAMER_FILE, NOTES_DIR, SCHEMAS_DIR, registry_key, schema_name
from briefing.model import Letter
from briefing.settings import Settings

MODELINE = "# yaml-language-server: $schema="


def _registry_model(kind: str, entry: type[BaseModel]) -> type[BaseModel]:
    key = registry_key(kind)
    return create_model(
        f"{key.capitalize()}File",
        __config__=ConfigDict(extra="forbid"),
        __doc__=f"The registry of {key}: one key, '{key}', holding the list.",
        **{key: (list[entry], Field(description=f"Every entry of {key}, one per item."))},  # type: ignore[call-overload,valid-type]
    )


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by file name: one for letters, one per registry, one for settings, one
    for the Kamer's facts (``kamer.yaml``) and one for a debate's questions (``qa/``)."""
    models: dict[str, type[BaseModel]] = {
        "letter": Letter,
        "settings": Settings,
        NOTES_DIR: DebateNotes,
    }
    models[KAMER_FILE.removesuffix(".yaml")] = KamerFacts
    for kind, entry in REGISTRY_MODELS.items():
        models[registry_key(kind)] = _registry_model(kind, entry)
    out = {}
    for name, model in models.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        out[schema_name(name)] = schema
    return out


def write_schemas(root: Path) -> list[Path]:
    """Write every schema into ``root/schemas``; return the files written."""
    folder = root / SCHEMAS_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
