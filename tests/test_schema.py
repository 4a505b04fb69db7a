"""The JSON Schema an editor uses to complete and check content while a letter is typed in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from briefing.cli import main
from briefing.layout import content_files
from briefing.loading import load_document
from tests.conftest import CONTENT

MODELINE = "# yaml-language-server: $schema="
FILES = content_files(CONTENT)


def schema_for(path: Path) -> Path:
    """The schema a content file names on its first line."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), f"{path} does not name its schema"
    return (path.parent / first.removeprefix(MODELINE)).resolve()


def test_the_bundled_schemas_are_what_the_schema_command_writes(content_copy: Path) -> None:
    for schema in (content_copy / "schemas").glob("*.json"):
        schema.unlink()
    assert main(["schema", "--content", str(content_copy)]) == 0
    written = {p.name: p.read_text(encoding="utf-8") for p in (content_copy / "schemas").iterdir()}
    bundled = {p.name: p.read_text(encoding="utf-8") for p in (CONTENT / "schemas").iterdir()}
    assert written == bundled
    assert set(written) == {
        "letter.schema.json",
        "motions.schema.json",
        "commitments.schema.json",
        "sectors.schema.json",
        "debates.schema.json",
        "settings.schema.json",
        "kamer.schema.json",
        "qa.schema.json",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_content_file_names_a_schema_it_satisfies(path: Path) -> None:
    schema = json.loads(schema_for(path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    document, problems = load_document(path)  # dates stay text, as in an editor
    assert not problems
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(document.data)]
    assert errors == []


def test_the_schema_flags_a_misspelt_field_as_the_check_does(content_copy: Path) -> None:
    letter = sorted((content_copy / "letters").glob("*.yaml"))[0]
    text = letter.read_text(encoding="utf-8").replace("\nsubject:", "\nsubjekt:", 1)
    letter.write_text(text, encoding="utf-8")
    schema = json.loads(schema_for(letter).read_text(encoding="utf-8"))
    document, _ = load_document(letter)
    messages = [e.message for e in Draft202012Validator(schema).iter_errors(document.data)]
    assert any("'subjekt' was unexpected" in m for m in messages), messages
    assert any("'subject' is a required property" in m for m in messages), messages


def test_every_field_explains_itself() -> None:
    """An editor shows a field's description while the author types it."""
    bare = []
    for path in (CONTENT / "schemas").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        for name, model in {"": schema, **schema.get("$defs", {})}.items():
            for field, spec in model.get("properties", {}).items():
                if not spec.get("description"):
                    bare.append(f"{path.name}: {name}.{field}")
    assert bare == []
