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

from briefing.corpus import LETTERS_DIR, REGISTRIES
from briefing.kamer.facts import FACTS_FILE, KamerFacts
from briefing.model import Letter
from briefing.settings import SETTINGS_FILE, Settings

SCHEMAS_DIR = "schemas"
MODELINE = "# yaml-language-server: $schema="


def _registry_model(file_name: str, entry: type[BaseModel]) -> type[BaseModel]:
    key = file_name.removesuffix(".yaml")
    return create_model(
        f"{key.capitalize()}File",
        __config__=ConfigDict(extra="forbid"),
        __doc__=f"The registry of {key}: one key, '{key}', holding the list.",
        **{key: (list[entry], Field(description=f"Every entry of {key}, one per item."))},  # type: ignore[call-overload]
    )


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by file name: one for letters, one per registry, one for settings and
    one for the Kamer's facts (``kamer.yaml``)."""
    models: dict[str, type[BaseModel]] = {"letter": Letter, "settings": Settings}
    models[FACTS_FILE.removesuffix(".yaml")] = KamerFacts
    for file_name, entry in REGISTRIES.values():
        models[file_name.removesuffix(".yaml")] = _registry_model(file_name, entry)
    out = {}
    for name, model in models.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        out[f"{name}.schema.json"] = schema
    return out


def schema_of(content_file: Path, root: Path) -> str:
    """The schema a content file follows, as a path relative to the file."""
    if content_file.parent == root / LETTERS_DIR:
        return f"../{SCHEMAS_DIR}/letter.schema.json"
    if content_file.name == SETTINGS_FILE:
        return f"{SCHEMAS_DIR}/settings.schema.json"
    return f"{SCHEMAS_DIR}/{content_file.stem}.schema.json"


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
