"""Safe YAML reading that knows where every value came from.

The exercise file is written by people and sometimes by adversaries, so this reader:

- reads only regular files (not pipes or devices), refuses files over ``MAX_FILE_BYTES``, text that is
  not UTF-8, documents that are not one mapping, and values nested over ``MAX_DEPTH`` deep;
- expands anchors and aliases within a budget, so a "billion laughs" document is refused at once
  instead of eating the memory, and refuses recursive aliases, merge keys (``<<``) and non-standard tags;
- reports duplicate keys, which plain PyYAML silently overwrites;
- can give the line and column of every value by its field path, so later stages can say
  ``units[3].personnel`` is wrong at ``nations/usa.yaml:41:16``.

Two parsers share the work. The data comes from yaml-rs (a Rust YAML parser, about twenty times faster
than PyYAML's C loader on large exercises) with duplicate keys refused and alias expansion capped. The
careful reader, PyYAML's safe composer walked node by node, finds positions and explains problems; it runs
first on any file with anchors, tags, merge keys, document markers, control characters or deep indentation,
and on any file yaml-rs refuses. Otherwise positions come only when a problem needs them, from PyYAML's
event stream (`yaml_positions`), so a valid file pays for one parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml_rs

from jointex.errors import MAX_PROBLEMS, FieldPath, InputError, Problem, more_problems
from jointex.formats.safe_files import MAX_FILE_BYTES as MAX_FILE_BYTES
from jointex.formats.safe_files import decode_utf8, read_regular_file
from jointex.formats.source_map import Position as Position
from jointex.formats.source_map import SourceMap as SourceMap
from jointex.formats.yaml_positions import Loader as _Loader
from jointex.formats.yaml_positions import stream_positions

MAX_ALIAS_EXPANSION_NODES = 100_000
MAX_DEPTH = 64

_MERGE_TAG = "tag:yaml.org,2002:merge"
_PLAIN_TAGS: dict[type[yaml.Node], str] = {
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG_ANCHOR_ALIAS = re.compile(r"[!&*]")
_TOKEN_START = frozenset(" \t\r\n[{,")
# Block nesting needs indentation or a compact '- ', '? ' or ': ' per level, so a value nested N deep
# starts past column N: a line starting with MAX_DEPTH such characters may nest too deep for the fast
# parser, which recurses on the C stack and crashes near 12,000 levels (flow nesting it caps at 256).
_DEEP_START = re.compile(rf"[ \t?:-]{{{MAX_DEPTH}}}")
# one pattern per line break, each starting with a literal character: a fast scan
_DEEP_LINES = {br: re.compile(rf"{br}[ \t?:-]{{{MAX_DEPTH}}}") for br in ("\n", "\r")}


def needs_careful_reading(text: str) -> bool:
    """Whether a text has anything the fast parser should not see first: control characters, tags,
    anchors, aliases, merge keys, document markers, or a line that may nest values over `MAX_DEPTH` deep
    (the careful reader refuses those). Errs on the careful side; each test is a scan in C."""
    if _CONTROL_CHARACTERS.search(text) or "<<" in text:
        return True
    if _DEEP_START.match(text) or any(br in text and deep.search(text) for br, deep in _DEEP_LINES.items()):
        return True
    if text.startswith(("---", "...")) or "\n---" in text or "\n..." in text:
        return True
    # a tag, anchor or alias starts a token; the '*' of a glob such as 'nations/*.yaml' does not
    return any(
        m.start() == 0 or text[m.start() - 1] in _TOKEN_START for m in _TAG_ANCHOR_ALIAS.finditer(text)
    )


_RS_LOCATION = re.compile(r"at line (\d+), column (\d+)")


@dataclass(frozen=True)
class YamlDocument:
    data: dict[str, Any]
    source: SourceMap
    file: Path


def _read_text(file: Path, display: Path) -> str:
    raw = read_regular_file(
        file,
        display,
        expected="a YAML file",
        expected_size="an exercise file split with include: into files of at most 16 MiB each",
    )
    text = decode_utf8(raw, display, "a UTF-8 encoded YAML file")
    if not text.strip():
        raise InputError.single(
            "the file is empty", file=display, line=1, column=1, expected="a YAML mapping"
        )
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


class _CarefulReader:
    """Walks PyYAML's composed node graph: records positions, enforces budgets, explains problems.

    It builds no data (the fast parser does): keys are read as written, scalars are only checked for tags.
    """

    def __init__(self, display: Path) -> None:
        self.display = display
        self.positions: dict[FieldPath, Position] = {}
        self.problems: list[Problem] = []
        self.problems_not_listed = 0
        self.seen: set[int] = set()
        self.alias_nodes = 0
        self.on_stack: set[int] = set()

    def position(self, node: yaml.Node) -> Position:
        return Position(self.display, node.start_mark.line + 1, node.start_mark.column + 1)

    def fail(self, node: yaml.Node, message: str, path: FieldPath, expected: str | None = None) -> InputError:
        mark = self.position(node)
        return InputError.single(
            message, file=self.display, line=mark.line, column=mark.column, field=path, expected=expected
        )

    def walk(self, node: yaml.Node, path: FieldPath, depth: int = 0, in_alias: bool = False) -> None:
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
                    node,
                    f"aliases expand to over {MAX_ALIAS_EXPANSION_NODES:,} values; refused as a "
                    "possible YAML bomb",
                    path,
                    expected="anchors and aliases used sparingly",
                )
        if depth > MAX_DEPTH:
            raise self.fail(node, f"values nested over {MAX_DEPTH} levels deep", path)
        self.positions[path] = self.position(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise self.fail(node, f"unsupported YAML tag {node.tag}", path, expected="plain YAML values")
            return
        if not isinstance(node, yaml.SequenceNode | yaml.MappingNode) or node.tag != _PLAIN_TAGS[type(node)]:
            raise self.fail(node, f"unsupported YAML tag {node.tag}", path, expected="plain YAML values")
        self.on_stack.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                for i, item in enumerate(node.value):
                    self.walk(item, (*path, i), depth + 1, in_alias)
            else:
                self.mapping(node, path, depth, in_alias)
        finally:
            self.on_stack.discard(key)

    def mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int, in_alias: bool) -> None:
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise self.fail(
                    key_node,
                    "merge keys (<<) are not supported",
                    path,
                    expected="the fields written out, or an include: file",
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a mapping key must be a plain name", path)
            key = str(key_node.value)
            if key in first_seen and len(self.problems) >= MAX_PROBLEMS:
                self.problems_not_listed += 1
                continue
            if key in first_seen:
                self.problems.append(
                    Problem(
                        f"duplicate key {key!r} (first at line {first_seen[key].line})",
                        file=self.display,
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                        field=(*path, key),
                        expected="each key once per mapping",
                    )
                )
                continue
            first_seen[key] = self.position(key_node)
            self.walk(value_node, (*path, key), depth + 1, in_alias)


def read_positions(text: str, display: Path) -> dict[FieldPath, Position]:
    """The careful reading: the position of every value by field path, or `InputError` explaining why not."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as error:
            raise InputError((_syntax_problem(error, text, display),)) from None
        except RecursionError:
            raise InputError.single("values nested too deeply", file=display) from None
        if node is None:
            raise InputError.single(
                "the file holds no YAML document", file=display, line=1, column=1, expected="a YAML mapping"
            )
        if not isinstance(node, yaml.MappingNode):
            raise InputError.single(
                f"the top level is a {'list' if isinstance(node, yaml.SequenceNode) else 'single value'}",
                file=display,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
                expected="a mapping of fields (key: value)",
            )
        reader = _CarefulReader(display)
        reader.walk(node, ())
        if reader.problems_not_listed:
            reader.problems.append(more_problems(reader.problems_not_listed, display))
        if reader.problems:
            raise InputError(tuple(reader.problems))
        return reader.positions
    finally:
        loader.dispose()


def _fast_data(text: str, display: Path) -> Any:
    limits = yaml_rs.AliasLimits(
        max_total_replayed_events=MAX_ALIAS_EXPANSION_NODES, max_replay_stack_depth=MAX_DEPTH
    )
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=limits)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # YAMLDecodeError, or a Rust panic (pyo3 raises it as a BaseException)
        read_positions(text, display)  # explains the problem with its position, in PyYAML's words
        message = str(error).splitlines()[0]  # the careful reader saw nothing wrong: report yaml-rs's view
        where = _RS_LOCATION.search(str(error))
        line, column = (int(where[1]), int(where[2])) if where else (None, None)
        raise InputError.single(
            f"YAML syntax error: {message}", file=display, line=line, column=column
        ) from None


def read_yaml_mapping(file: Path, display: Path | None = None) -> YamlDocument:
    """Read one YAML file whose top level is a mapping; positions of its values come on demand.

    ``display`` is the path shown to the user (relative to where they stand, usually). Raises `InputError`.
    """
    display = display or file
    text = _read_text(file, display)
    if needs_careful_reading(text):
        positions = read_positions(text, display)
        source = SourceMap(lambda: positions)
    else:
        source = SourceMap(
            lambda: stream_positions(text, display), lambda wanted: stream_positions(text, display, wanted)
        )
    data = _fast_data(text, display)
    if not isinstance(data, dict):
        read_positions(text, display)  # says what the top level is, and where
        raise InputError.single(
            "the top level is not a mapping",
            file=display,
            line=1,
            column=1,
            expected="a mapping of fields (key: value)",
        )
    return YamlDocument(data, source, display)
