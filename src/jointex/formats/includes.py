"""The ``include:`` mechanism: one exercise, several files (a nation may keep its contribution in its own).

Each included file is a mapping with some of the list sections of an exercise (participants, units,
objectives...) and optionally ``scenario: {events: [...]}``; its lists are appended to the exercise's.
Includes resolve relative to the including file, may use glob patterns, may include further files, and
must stay inside the folder of the main exercise file. Cycles and files included twice are reported.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jointex.errors import MAX_PROBLEMS, FieldPath, InputError, MoreProblems, Problem, more_problems
from jointex.formats.include_globs import UnsafeGlobError, expand_glob, has_wildcard
from jointex.formats.safe_files import real_path
from jointex.formats.yaml_source import SourceMap, YamlDocument, read_yaml_mapping

LIST_SECTIONS = ("phases", "participants", "controllers", "actors", "units", "objectives", "vignettes")
INCLUDABLE = (*LIST_SECTIONS, "scenario", "include", "catalogue")
MAX_INCLUDED_FILES = 500


MAX_PATH_CHARS = 1024


def path_entry_problem(entry: object) -> str | None:
    """Why ``entry`` cannot be a relative file path in an exercise, or None when it can."""
    if not isinstance(entry, str) or not entry.strip():
        return "must be a file path"
    if "\x00" in entry:
        return "contains a NUL character"
    if len(entry) > MAX_PATH_CHARS or any(len(part) > 255 for part in entry.split("/")):
        return "is too long"
    if Path(entry).is_absolute() or re.match(r"[A-Za-z]:|[/\\]", entry):
        return "is absolute"
    return None


def display_path(file: Path) -> Path:
    """The path as the user should read it: relative to the current folder when it is below it."""
    try:
        return Path(os.path.relpath(file))
    except ValueError:
        return file


@dataclass
class MergedDocument:
    """The exercise's data with every include merged in, its source map, and the files read."""

    data: dict[str, Any]
    source: SourceMap
    root_folder: Path
    files: list[Path] = field(default_factory=list)


class _Merger:
    def __init__(self, main_file: Path) -> None:
        self.main_file = real_path(main_file)
        self.root_folder = self.main_file.parent
        self.merged = MergedDocument({}, SourceMap(), self.root_folder)
        self.first_included_by: dict[Path, Path] = {}
        self.problems: list[Problem] = []

    def run(self) -> MergedDocument:
        document = read_yaml_mapping(self.main_file, display_path(self.main_file))
        self.merged.data = dict(document.data)
        self.merged.source = document.source
        self.merged.files.append(document.file)
        self.merged.data["catalogue"] = self._rebase_catalogue(document)
        self._follow_includes(document, [self.main_file])
        if self.problems:
            self.problems.sort(key=lambda p: (str(p.file), p.line or 0, p.column or 0))
            raise InputError(tuple(self.problems))
        return self.merged

    def _rebase_catalogue(self, document: YamlDocument) -> list[Any]:
        """Catalogue paths of any file, rewritten relative to the main file's folder."""
        entries = document.data.get("catalogue", [])
        if not isinstance(entries, list):
            return entries  # type: ignore[no-any-return]  # the model reports the wrong type
        base = self._real_path(document).parent
        rebased: list[Any] = []
        for i, entry in enumerate(entries):
            if not isinstance(entry, str):
                rebased.append(entry)
                continue
            why = path_entry_problem(entry)
            if why:
                self.problems.append(
                    document.source.problem(
                        ("catalogue", i),
                        f"catalogue path {entry[:80]!r} {why}",
                        expected="a path relative to this file, such as 'catalogue/platforms.yaml'",
                    )
                )
                continue
            target = real_path(base / entry)
            if not target.is_relative_to(self.root_folder):
                self.problems.append(
                    document.source.problem(
                        ("catalogue", i),
                        f"catalogue file {entry!r} is outside the exercise folder",
                        expected="a file in the folder of the main exercise file, or below it",
                    )
                )
                continue
            rebased.append(target.relative_to(self.root_folder).as_posix())
        return rebased

    def _real_path(self, document: YamlDocument) -> Path:
        return real_path(Path.cwd() / document.file)

    def _targets(self, document: YamlDocument, index: int, pattern: Any) -> list[Path]:
        where: FieldPath = ("include", index)
        why = path_entry_problem(pattern)
        if why is not None:
            shown = repr(pattern[:80]) if isinstance(pattern, str) else "entry"
            self.problems.append(
                document.source.problem(
                    where,
                    f"include {shown} {why}",
                    expected="a path relative to this file, such as 'nations/usa.yaml'",
                )
            )
            return []
        assert isinstance(pattern, str)
        base = self._real_path(document).parent
        if not has_wildcard(pattern):
            return [base / pattern]
        try:
            found = expand_glob(pattern, base, self.root_folder, MAX_INCLUDED_FILES)
        except UnsafeGlobError as refused:
            self.problems.append(
                document.source.problem(
                    where,
                    f"include {pattern[:80]!r} {refused}",
                    expected="a pattern for files in the exercise folder, such as 'nations/*.yaml'",
                )
            )
            return []
        if len(found) > MAX_INCLUDED_FILES:
            raise InputError(
                (document.source.problem(where, f"{pattern!r} matches over {MAX_INCLUDED_FILES} files"),)
            )
        if not found:
            self.problems.append(document.source.problem(where, f"no file matches {pattern!r}"))
        return found

    def _follow_includes(self, document: YamlDocument, stack: list[Path]) -> None:
        includes = document.data.get("include", [])
        if not isinstance(includes, list):
            self.problems.append(
                document.source.problem(
                    ("include",),
                    "include must be a list of paths",
                    expected="include: [nations/usa.yaml, ...]",
                )
            )
            return
        for index, pattern in enumerate(includes):
            for target in self._targets(document, index, pattern):
                self._include(document, index, target, stack)

    def _include(self, parent: YamlDocument, index: int, target: Path, stack: list[Path]) -> None:
        where: FieldPath = ("include", index)
        real = real_path(target)
        shown = display_path(target)
        if not real.is_relative_to(self.root_folder):
            self.problems.append(
                parent.source.problem(
                    where,
                    f"include {shown} is outside the exercise folder",
                    expected="a file in the folder of the main exercise file, or below it",
                )
            )
            return
        if real in stack:
            chain = " -> ".join(str(display_path(p)) for p in [*stack[stack.index(real) :], real])
            self.problems.append(parent.source.problem(where, f"include cycle: {chain}"))
            return
        if real in self.first_included_by:
            self.problems.append(
                parent.source.problem(
                    where,
                    f"{shown} is already included by {display_path(self.first_included_by[real])}",
                    expected="each file included once",
                )
            )
            return
        if len(self.first_included_by) >= MAX_INCLUDED_FILES:
            raise InputError((parent.source.problem(where, f"over {MAX_INCLUDED_FILES} included files"),))
        self.first_included_by[real] = stack[-1]
        try:
            document = read_yaml_mapping(real, display_path(real))
        except InputError as error:
            for problem in error.problems:
                whole_file = problem.line is None and not isinstance(problem, MoreProblems)
                if whole_file:  # place it at the include entry
                    self.problems.append(
                        parent.source.problem(
                            where, f"included file {shown}: {problem.message}", problem.expected
                        )
                    )
                else:
                    self.problems.append(problem)
            return
        self.merged.files.append(document.file)
        self._merge(document)
        self._follow_includes(document, [*stack, real])

    def _merge(self, document: YamlDocument) -> None:
        data, merged = document.data, self.merged.data
        refused = [key for key in data if key not in INCLUDABLE]
        listed = refused if len(refused) <= MAX_PROBLEMS + 1 else refused[:MAX_PROBLEMS]
        document.source.prefetch((key,) for key in listed)
        for key in listed:
            self.problems.append(
                document.source.problem(
                    (key,),
                    f"an included file cannot set {key!r}",
                    expected="only " + ", ".join(INCLUDABLE) + " (the main file sets the rest)",
                )
            )
        if len(refused) > len(listed):
            self.problems.append(more_problems(len(refused) - len(listed), document.file))
        for key in LIST_SECTIONS:
            if key in data:
                self._append(document, (key,), data[key], merged.setdefault(key, []), (key,))
        scenario = data.get("scenario")
        if isinstance(scenario, dict):
            extra = sorted(set(scenario) - {"events"})
            if extra:
                self.problems.append(
                    document.source.problem(
                        ("scenario", extra[0]),
                        f"an included file cannot set scenario.{extra[0]}",
                        expected="only scenario.events",
                    )
                )
            target = merged.setdefault("scenario", {})
            if isinstance(target, dict) and "events" in scenario:
                self._append(
                    document,
                    ("scenario", "events"),
                    scenario["events"],
                    target.setdefault("events", []),
                    ("scenario", "events"),
                )
        merged.setdefault("catalogue", []).extend(self._rebase_catalogue(document))

    def _append(
        self, document: YamlDocument, path: FieldPath, items: Any, into: list[Any], merged_path: FieldPath
    ) -> None:
        if not isinstance(into, list):  # the main file's own section is not a list
            self.problems.append(self.merged.source.problem(merged_path, f"{path[-1]} must be a list"))
            return
        if not isinstance(items, list):
            self.problems.append(document.source.problem(path, f"{path[-1]} must be a list"))
            return
        offset = len(into)
        into.extend(items)
        depth = len(path)

        def rewrite(field_path: FieldPath) -> FieldPath | None:
            if field_path[:depth] != path or len(field_path) <= depth:
                return None
            index = field_path[depth]
            assert isinstance(index, int)
            return (*merged_path, index + offset, *field_path[depth + 1 :])

        self.merged.source.graft(document.source, rewrite)


def read_with_includes(main_file: Path) -> MergedDocument:
    """Read an exercise file and everything it includes into one mapping. Raises `InputError`."""
    return _Merger(main_file).run()
