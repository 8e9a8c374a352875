"""Positions of values from PyYAML's event stream: no nodes are built, and a search stops once it is done.

Used for files the fast parser has already accepted (no anchors, aliases or tags), where positions are
only needed to place problems: all of them (`stream_positions`), or those of a few paths and their
ancestors (``wanted``), which in a file of a million keys are usually found in its first lines.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jointex.errors import FieldPath
from jointex.formats.source_map import Position, Positions

Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass
class _Open:
    """A mapping or sequence being read: its path (None inside a complex key), and where it is in it."""

    path: FieldPath | None
    is_mapping: bool
    key: str | int | None = 0  # the key being read (None: a complex key), or the next index
    expecting_key: bool = True


class _Search:
    """Which paths are still looked for; None looks for every path."""

    def __init__(self, wanted: Collection[FieldPath] | None) -> None:
        self.targets = None if wanted is None else {p[:end] for p in wanted for end in range(len(p) + 1)}
        self.pending = None if self.targets is None else set(self.targets)

    def records(self, path: FieldPath) -> bool:
        return self.targets is None or path in self.targets

    def found(self, path: FieldPath) -> None:
        if self.pending is not None:
            self.pending.discard(path)

    def closed(self, path: FieldPath) -> None:
        """Paths below a closed mapping or sequence that were not found are not in the file."""
        if self.pending is not None and self.targets is not None and path in self.targets:
            depth = len(path)
            self.pending = {p for p in self.pending if len(p) <= depth or p[:depth] != path}

    @property
    def done(self) -> bool:
        return self.pending is not None and not self.pending


def stream_positions(text: str, display: Path, wanted: Collection[FieldPath] | None = None) -> Positions:
    """Position of every value by field path, or (``wanted``) of those paths and their ancestors only.

    Stops at the first YAML error and returns what it found so far.
    """
    search = _Search(wanted)
    positions: Positions = {}
    stack: list[_Open] = []
    loader = Loader(text)
    try:
        while not search.done:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, _ENDS):
                closed = stack.pop().path
                if closed is not None:
                    search.closed(closed)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue  # stream and document start and end
            path = _child_path(stack, event)
            mark = event.start_mark
            if path is not None and mark is not None and search.records(path):
                positions[path] = Position(display, mark.line + 1, mark.column + 1)
                search.found(path)
            if isinstance(event, _STARTS):
                stack.append(_Open(path, isinstance(event, yaml.MappingStartEvent)))
    except yaml.YAMLError:
        pass  # the fast parser accepted the file; PyYAML does not: place what was found
    finally:
        loader.dispose()
    return positions


def _child_path(stack: list[_Open], event: yaml.Event) -> FieldPath | None:
    """The path of the value ``event`` starts; None for a mapping key or anything inside a complex key."""
    if not stack:
        return ()
    top = stack[-1]
    if top.is_mapping and top.expecting_key:
        top.expecting_key = False
        top.key = str(event.value) if isinstance(event, yaml.ScalarEvent) else None
        return None
    if top.path is None or top.key is None:
        if top.is_mapping:
            top.expecting_key = True
        return None
    if top.is_mapping:
        top.expecting_key = True
        return (*top.path, top.key)
    assert isinstance(top.key, int)
    top.key += 1
    return (*top.path, top.key - 1)
