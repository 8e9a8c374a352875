"""Safe YAML reading that remembers where every value came from.

The exercise file is written by people and sometimes by adversaries, so this reader:

- uses the safe loader only (no Python objects), through libyaml when present;
- refuses files over ``MAX_FILE_BYTES``, text that is not UTF-8, and documents that are not one mapping;
- expands anchors and aliases within a budget, so a "billion laughs" document is refused at once
  instead of eating the memory, and refuses recursive aliases and merge keys (``<<``);
- reports duplicate keys, which plain PyYAML silently overwrites;
- records the line and column of every mapping, list and scalar by its field path, so later stages can say
  ``units[3].personnel`` is wrong at ``nations/usa.yaml:41:16``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jointex.errors import FieldPath, InputError, Problem

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_ALIAS_EXPANSION_NODES = 100_000
MAX_DEPTH = 64

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = {yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}


@dataclass(frozen=True)
class Position:
    """Where a value starts in a file (1-based line and column)."""

    file: Path
    line: int
    column: int


class SourceMap:
    """Field path -> position of the value, for one document or several merged."""

    def __init__(self) -> None:
        self.positions: dict[FieldPath, Position] = {}

    def add(self, path: FieldPath, position: Position) -> None:
        self.positions[path] = position

    def locate(self, path: FieldPath) -> Position | None:
        """Position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return None

    def problem(self, path: FieldPath, message: str, expected: str | None = None, **extra: Any) -> Problem:
        """A problem placed at ``path``."""
        where = self.locate(path)
        return Problem(
            message,
            file=where.file if where else None,
            line=where.line if where else None,
            column=where.column if where else None,
            field=path,
            expected=expected,
            **extra,
        )

    def graft(self, other: SourceMap, rewrite: Callable[[FieldPath], FieldPath | None]) -> None:
        """Take ``other``'s positions, each path rewritten (or dropped when ``rewrite`` returns None)."""
        for path, position in other.positions.items():
            new_path = rewrite(path)
            if new_path is not None:
                self.positions[new_path] = position


@dataclass(frozen=True)
class YamlDocument:
    data: dict[str, Any]
    source: SourceMap
    file: Path


def _read_text(file: Path, display: Path) -> str:
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise InputError.single("file not found", file=display) from None
    except OSError as error:
        raise InputError.single(f"cannot read the file: {error.strerror}", file=display) from None
    if not file.is_file():
        raise InputError.single("not a regular file", file=display, expected="a YAML file")
    if size > MAX_FILE_BYTES:
        raise InputError.single(
            f"file is {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit",
            file=display,
            expected="an exercise file split with include: into files of at most 16 MiB each",
        )
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError.single(
            "the file is not UTF-8 text (binary data?)", file=display, line=line, column=column,
            expected="a UTF-8 encoded YAML file",
        ) from None
    if not text.strip():
        raise InputError.single("the file is empty", file=display, line=1, column=1, expected="a YAML mapping")
    return text


def _syntax_problem(error: yaml.YAMLError, text: str, display: Path) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:  # the reader's errors carry a character position, not a mark
        offset = int(getattr(error, "position", 0))
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    return Problem(message, file=display, line=line, column=column)


class _Builder:
    """Turns a composed node graph into plain data, recording positions and enforcing budgets."""

    def __init__(self, loader: Any, display: Path) -> None:
        self.loader = loader
        self.display = display
        self.source = SourceMap()
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.alias_nodes = 0
        self.on_stack: set[int] = set()

    def position(self, node: yaml.Node) -> Position:
        return Position(self.display, node.start_mark.line + 1, node.start_mark.column + 1)

    def fail(self, node: yaml.Node, message: str, path: FieldPath, expected: str | None = None) -> InputError:
        mark = self.position(node)
        return InputError.single(message, file=self.display, line=mark.line, column=mark.column,
                                 field=path, expected=expected)

    def build(self, node: yaml.Node, path: FieldPath, depth: int = 0, in_alias: bool = False) -> Any:
        key = id(node)
        if key in self.on_stack:
            raise self.fail(node, "recursive alias: a value contains itself", path)
        if key in self.seen:
            in_alias = True
        self.seen.add(key)
        if in_alias:
            self.alias_nodes += 1
            if self.alias_nodes > MAX_ALIAS_EXPANSION_NODES:
                raise self.fail(
                    node, f"aliases expand to over {MAX_ALIAS_EXPANSION_NODES:,} values; refused as a "
                    "possible YAML bomb", path, expected="anchors and aliases used sparingly",
                )
        if depth > MAX_DEPTH:
            raise self.fail(node, f"values nested over {MAX_DEPTH} levels deep", path)
        self.source.add(path, self.position(node))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if node.tag != _PLAIN_TAGS[type(node)]:
            raise self.fail(node, f"unsupported YAML tag {node.tag}", path, expected="plain YAML values")
        self.on_stack.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, i), depth + 1, in_alias) for i, item in enumerate(node.value)]
            return self.mapping(node, path, depth, in_alias)
        finally:
            self.on_stack.discard(key)

    def scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        construct = self.loader.yaml_constructors.get(node.tag)
        if construct is None:
            raise self.fail(node, f"unsupported YAML tag {node.tag}", path, expected="plain YAML values")
        try:
            return construct(self.loader, node)
        except (ValueError, yaml.YAMLError) as error:
            problem = getattr(error, "problem", None) or str(error)
            raise self.fail(node, f"cannot read {node.value!r}: {problem}", path) from None

    def mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int, in_alias: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise self.fail(key_node, "merge keys (<<) are not supported", path,
                                expected="the fields written out, or an include: file")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a mapping key must be a plain name", path)
            key = str(self.scalar(key_node, path))
            if key in first_seen:
                earlier = first_seen[key]
                self.problems.append(Problem(
                    f"duplicate key {key!r} (first at line {earlier.line})",
                    file=self.display, line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1, field=(*path, key),
                    expected="each key once per mapping",
                ))
                continue
            first_seen[key] = self.position(key_node)
            result[key] = self.build(value_node, (*path, key), depth + 1, in_alias)
        return result


def read_yaml_mapping(file: Path, display: Path | None = None) -> YamlDocument:
    """Read one YAML file whose top level is a mapping, with positions of every value.

    ``display`` is the path shown to the user (relative to where they stand, usually). Raises `InputError`.
    """
    display = display or file
    text = _read_text(file, display)
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as error:
            raise InputError((_syntax_problem(error, text, display),)) from None
        except RecursionError:
            raise InputError.single("values nested too deeply", file=display) from None
        if node is None:
            raise InputError.single("the file holds no YAML document", file=display, line=1, column=1,
                                    expected="a YAML mapping")
        if not isinstance(node, yaml.MappingNode):
            raise InputError.single(
                f"the top level is a {'list' if isinstance(node, yaml.SequenceNode) else 'single value'}",
                file=display, line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                expected="a mapping of fields (key: value)",
            )
        builder = _Builder(loader, display)
        data = builder.build(node, ())
        if builder.problems:
            raise InputError(tuple(builder.problems))
        return YamlDocument(data, builder.source, display)
    finally:
        loader.dispose()
