"""User catalogue files: extra platform types kept next to the exercise (``catalogue:`` key)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from jointex.errors import InputError, Problem
from jointex.formats.includes import display_path
from jointex.formats.validation_errors import validation_problems
from jointex.formats.yaml_source import read_yaml_mapping
from jointex.model.platform import Platform


def read_platform_file(path: Path) -> list[Platform]:
    """Read a catalogue file ``platforms: [...]`` of platform types. Raises `InputError`."""
    document = read_yaml_mapping(path, display_path(path))
    problems: list[Problem] = []
    unknown = sorted(set(document.data) - {"platforms"})
    for key in unknown:
        problems.append(document.source.problem((key,), f"unknown section {key!r}", expected="platforms"))
    entries = document.data.get("platforms", [])
    if not isinstance(entries, list):
        raise InputError((document.source.problem(("platforms",), "platforms must be a list"),))
    platforms: list[Platform] = []
    for index, entry in enumerate(entries):
        try:
            platforms.append(Platform.model_validate(entry))
        except ValidationError as error:
            problems.extend(validation_problems(error, document.source, Platform, ("platforms", index)))
    if problems:
        raise InputError(tuple(problems))
    return platforms
