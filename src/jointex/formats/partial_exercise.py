"""An exercise with type problems, read as far as it can be, so that the checks beyond types still run.

Pydantic reports every wrong value, but the checks beyond types (references, dates, places, labels) need
a typed `Exercise`, and without one a negative head count would hide an ENDEX before STARTEX, a duplicate
id and a label problem until it is fixed. So the values that do not validate are set aside, and what is
left is validated again:

- a wrong field of an element (a unit, a participant, an inject, an equipment line...) is left out, and
  when the element cannot do without it, the element is left out whole;
- a wrong top-level field is left out too, and a required one gets a stand-in value: the checks that read
  such a field cannot run (`PartialExercise.stand_ins` names the fields).

Elements left out are remembered (`set_aside_ids`, `set_aside_nations`), so that a reference to a unit
that could not be read is not reported as a reference to an unknown unit. Left-out list items shift the
items after them: `PartialExercise.as_written` gives a field path back its indexes as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from jointex.errors import FieldPath
from jointex.model.exercise import Exercise

ELEMENT_LISTS = frozenset(
    {
        ("phases",),
        ("participants",),
        ("controllers",),
        ("actors",),
        ("units",),
        ("objectives",),
        ("vignettes",),
        ("scenario", "events"),
        ("scenario", "events", "incidents"),
        ("scenario", "events", "incidents", "injects"),
        ("units", "equipment"),
        ("objectives", "measures"),
    }
)
"""Lists of elements (named by their keys, indexes left out), whose items may be left out one by one.
Other lists are values (an area's corners, a label's nations): a wrong item sets aside the whole value."""

IDENTIFIED = frozenset({"phases", "controllers", "actors", "units", "objectives", "vignettes"})
"""Top-level sections whose elements others name by id."""

STAND_INS: dict[str, Any] = {
    "id": "UNREADABLE",
    "name": "(unreadable)",
    "type": "ftx",
    "host_nation": "XXX",
    "start_date": "2000-01-01",
    "end_date": "2000-01-01",
    "area": {"boundary": ["0, 0", "0, 1", "1, 1"]},
}
"""Values for required top-level fields that could not be read; the checks reading them do not run."""

MAX_PASSES = 12

_REMOVE = object()


@dataclass(frozen=True)
class PartialExercise:
    """What could be read of an exercise with type problems (``exercise`` None when nothing could)."""

    exercise: Exercise | None
    stand_ins: frozenset[str] = frozenset()
    """Top-level fields not read as written (left out, or given a stand-in value)."""
    set_aside_ids: frozenset[str] = frozenset()
    """Ids of the units, controllers, actors, objectives, phases and vignettes left out."""
    set_aside_nations: frozenset[str] = frozenset()
    """Nations of the participants left out (``?`` for one without a nation that can be read)."""
    kept: dict[FieldPath, tuple[int, ...]] = field(default_factory=dict)
    """For each list (by its path as written) that lost items: the indexes as written of the items kept."""

    def as_written(self, path: FieldPath) -> FieldPath:
        """``path`` in the partial exercise, with each list index as it is in the file."""
        if not self.kept:
            return path
        written: list[str | int] = []
        for part in path:
            kept = self.kept.get(tuple(written))
            if isinstance(part, int) and kept is not None and 0 <= part < len(kept):
                part = kept[part]
            written.append(part)
        return tuple(written)


def read_partial_exercise(data: dict[str, Any], error: ValidationError) -> PartialExercise:
    """The exercise in ``data`` less the values behind ``error`` (and what cannot do without them)."""
    reading = _Reading(data)
    for _ in range(MAX_PASSES):
        if not reading.set_aside(_locations(error)):
            break
        try:
            exercise = Exercise.model_validate(reading.current)
        except ValidationError as again:
            error = again
            continue
        return reading.result(exercise)
    return PartialExercise(None)


def _locations(error: ValidationError) -> list[tuple[str, FieldPath]]:
    return [(str(item["type"]), tuple(item["loc"])) for item in error.errors(include_url=False)]


class _Reading:
    """The data with a growing set of values left out, each named by its path as written."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.current: dict[str, Any] = data
        self.removed: dict[Any, Any] = {}  # a trie of paths as written; _REMOVE marks a removed value
        self.kept: dict[FieldPath, tuple[int, ...]] = {}
        self.stand_ins: set[str] = set()
        self.stand_in_values: dict[str, Any] = {}
        self.set_aside_ids: set[str] = set()
        self.set_aside_nations: set[str] = set()

    def result(self, exercise: Exercise) -> PartialExercise:
        return PartialExercise(
            exercise,
            frozenset(self.stand_ins),
            frozenset(self.set_aside_ids),
            frozenset(self.set_aside_nations),
            dict(self.kept),
        )

    def set_aside(self, errors: Iterable[tuple[str, FieldPath]]) -> bool:
        """Leave out what each error is about; False when an error cannot be set aside."""
        changed = False
        for kind, loc in errors:
            action = self._action(kind, loc)
            if action is None:
                return False
            changed |= action
        if not changed:
            return False
        self.current, kept = _rebuild(self.data, self.removed, ())
        self.current = {**self.current, **self.stand_in_values}
        self.kept = {path: tuple(indexes) for path, indexes in kept.items()}
        return True

    def _action(self, kind: str, loc: FieldPath) -> bool | None:
        """Set aside what the error at ``loc`` is about: True when something new was left out, False when
        it already was, None when it cannot be."""
        element = _nearest_element(self.current, loc)
        if element == () and len(loc) == 1 and kind == "missing":
            return self._stand_in(str(loc[0]))
        if kind == "missing" and len(loc) == len(element) + 1:
            return self._leave_out_element(element)
        if len(loc) > len(element) and _has(self.current, loc[: len(element) + 1]):
            name = loc[len(element)]
            if element == () and (kind != "extra_forbidden" or len(loc) > 1):
                self.stand_ins.add(str(name))  # a top-level value not read as written
            if element == ("scenario",) and name == "events":
                self.stand_ins.add("scenario")
            return self._remove((*element, name))
        return self._leave_out_element(element)

    def _stand_in(self, name: str) -> bool | None:
        if name not in STAND_INS:
            return None
        self.stand_ins.add(name)
        if name in self.stand_in_values:
            return False
        self.stand_in_values[name] = STAND_INS[name]
        return True

    def _leave_out_element(self, element: FieldPath) -> bool | None:
        if element == ():
            return None
        if element == ("scenario",):
            self.stand_ins.add("scenario")
            return self._remove(element)
        written = self.as_written(element)
        item = _value(self.data, written)
        if isinstance(item, dict):
            section = written[0]
            if section in IDENTIFIED and isinstance(item.get("id"), str | int):
                self.set_aside_ids.add(str(item["id"]).strip())
            if section == "participants":
                nation = item.get("nation")
                self.set_aside_nations.add(nation.strip().upper() if isinstance(nation, str) else "?")
        elif written[0] == "participants" and len(written) == 2:
            self.set_aside_nations.add("?")
        return self._remove(element)

    def _remove(self, path: FieldPath) -> bool:
        """Leave out the value at ``path`` (in the current data); False when it already was."""
        node = self.removed
        written = self.as_written(path)
        for part in written[:-1]:
            child = node.get(part)
            if child is _REMOVE:
                return False
            if child is None:
                child = node[part] = {}
            node = child
        if node.get(written[-1]) is _REMOVE:
            return False
        node[written[-1]] = _REMOVE
        return True

    def as_written(self, path: FieldPath) -> FieldPath:
        return PartialExercise(None, kept=self.kept).as_written(path)


def _is_element_list(path: FieldPath) -> bool:
    return tuple(part for part in path if not isinstance(part, int)) in ELEMENT_LISTS


_ABSENT = object()


def _child(value: Any, part: str | int) -> Any:
    """``value[part]`` when the data has it, else `_ABSENT`."""
    if isinstance(value, dict) and part in value:
        return value[part]
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    return _ABSENT


def _nearest_element(data: Any, loc: FieldPath) -> FieldPath:
    """The longest prefix of ``loc`` that is an element in ``data`` (the top level is one)."""
    nearest: FieldPath = ()
    value = data
    for end, part in enumerate(loc, start=1):
        value = _child(value, part)
        if value is _ABSENT:
            break
        prefix = loc[:end]
        if (prefix == ("scenario",) and isinstance(value, dict)) or (
            isinstance(part, int) and _is_element_list(prefix[:-1])
        ):
            nearest = prefix
    return nearest


def _has(data: Any, path: FieldPath) -> bool:
    value = data
    for part in path:
        value = _child(value, part)
        if value is _ABSENT:
            return False
    return True


def _value(data: Any, path: FieldPath) -> Any:
    value = data
    for part in path:
        value = value[part]
    return value


def _rebuild(value: Any, removed: dict[Any, Any], path: FieldPath) -> tuple[Any, dict[FieldPath, list[int]]]:
    """A copy of ``value`` without the values marked in ``removed``; only what changes is copied. Also
    returns, for each list that lost items, the indexes of the items kept."""
    kept: dict[FieldPath, list[int]] = {}
    if isinstance(value, dict):
        out = dict(value)
        for key, below in removed.items():
            if key not in out:
                continue
            if below is _REMOVE:
                del out[key]
            else:
                out[key], deeper = _rebuild(out[key], below, (*path, key))
                kept.update(deeper)
        return out, kept
    if isinstance(value, list):
        gone = {i for i, below in removed.items() if below is _REMOVE}
        indexes = [i for i in range(len(value)) if i not in gone]
        if gone:
            kept[path] = indexes
        items = []
        for i in indexes:
            item = value[i]
            if i in removed:
                item, deeper = _rebuild(item, removed[i], (*path, i))
                kept.update(deeper)
            items.append(item)
        return items, kept
    return value, kept
