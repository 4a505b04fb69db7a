"""The README documents every command and every option the command line has."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from briefing.cli import parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The rows of the README's table of commands, by the command they document.
ROWS = {
    match["command"]: match[0]
    for match in re.finditer(r"^\| `briefing (?P<command>[a-z ]+?)(?: \[| FILE|`).*$", README, re.M)
}


def _commands(
    top: argparse.ArgumentParser, prefix: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command (``build``, ``kamer sync``) with its parser."""
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                command = f"{prefix}{name}"
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    yield from _commands(sub, f"{command} ")
                else:
                    yield command, sub


COMMANDS = dict(_commands(parser()))


def _options(command: argparse.ArgumentParser) -> list[str]:
    """The long options of a command, without the ones every command has."""
    return [
        option
        for action in command._actions
        for option in action.option_strings
        if option.startswith("--") and option not in ("--help", "--debug")
    ]


def test_every_command_has_a_row_in_the_readme() -> None:
    assert len(COMMANDS) >= 6
    assert sorted(set(COMMANDS) - set(ROWS)) == []
    assert sorted(set(ROWS) - set(COMMANDS)) == [], "the README documents a command that is gone"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_is_in_its_command_row(command: str) -> None:
    row = ROWS.get(command, "")
    missing = [
        option
        for option in _options(COMMANDS[command])
        if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", row)
    ]
    assert not missing, f"{command}: {missing} not in its README row"


def test_the_options_every_command_has_are_in_the_readme() -> None:
    for option in ("--version", "--debug"):
        assert f"`{option}`" in README


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_commands_help_reads_as_written(command: str) -> None:
    """``briefing COMMAND --help`` prints its description from the left margin, as a paragraph
    of the docstring reads, with no line of spaces alone."""
    after_usage = COMMANDS[command].format_help().split("\n\n", 1)[1]
    description = re.split(r"\n(?:positional arguments|options):", after_usage)[0]
    lines = description.strip("\n").splitlines()
    assert lines and lines[0][0].isupper()
    assert [line for line in lines if line.startswith(" ") or line.endswith(" ")] == []
