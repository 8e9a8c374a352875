"""Where every value came from: field path -> file, line and column, for one document or several merged."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jointex.errors import FieldPath, InputError, Problem


@dataclass(frozen=True)
class Position:
    """Where a value starts in a file (1-based line and column).

    ``field`` is the value's path in its own file when that differs from its path in the merged exercise
    (``units[0]`` of ``nations/usa.yaml`` is ``units[4]`` once merged); None when they are the same.
    """

    file: Path
    line: int
    column: int
    field: FieldPath | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


Positions = dict[FieldPath, Position]


class SourceMap:
    """Field path -> position of the value, for one document or several merged.

    Positions may be computed on first use (``compute``), so that a valid file is parsed only once; with
    ``find`` (positions of some paths, reading no further than they need), `prefetch` places a few problems
    in a huge file without mapping all of it.
    """

    def __init__(
        self,
        compute: Callable[[], Positions] | None = None,
        find: Callable[[Collection[FieldPath]], Positions] | None = None,
    ) -> None:
        self._positions: Positions | None = None if compute else {}
        self._compute = compute
        self._find = find
        self._found: Positions = {}
        self._prefetched: set[FieldPath] = set()
        self._grafts: list[tuple[SourceMap, Callable[[FieldPath], FieldPath | None]]] = []

    @property
    def positions(self) -> Positions:
        if self._positions is None:
            assert self._compute is not None
            try:
                self._positions = self._compute()
            except InputError:  # the careful reader disagrees with the fast one: fall back to no positions
                self._positions = {}
        if self._grafts:
            grafts, self._grafts = self._grafts, []
            for other, rewrite in grafts:
                for path, position in other.positions.items():
                    new_path = rewrite(path)
                    if new_path is not None:
                        self._positions[new_path] = (
                            position if new_path == path else replace(position, field=position.field or path)
                        )
        return self._positions

    def prefetch(self, paths: Iterable[FieldPath]) -> None:
        """Find where ``paths`` are now, reading the file only as far as they need (if not mapped yet)."""
        if self._positions is not None or self._find is None or self._grafts:
            return
        wanted = set(paths) - self._prefetched
        if not wanted:
            return
        try:
            self._found.update(self._find(wanted))
        except InputError:
            return
        self._prefetched |= wanted

    def locate(self, path: FieldPath) -> Position | None:
        """Position of ``path``, or of its nearest ancestor that has one."""
        return self._nearest(path)[0]

    def _nearest(self, path: FieldPath) -> tuple[Position | None, int]:
        """The position of ``path`` or of its nearest ancestor, and the length of that ancestor's path."""
        prefetched = self._positions is None and not self._grafts and path in self._prefetched
        positions = self._found if prefetched else self.positions
        for end in range(len(path), -1, -1):
            found = positions.get(path[:end])
            if found is not None:
                return found, end
        return None, 0

    def local_path(self, path: FieldPath) -> FieldPath:
        """``path`` as written in the file the value comes from: ``units[0].echelon`` of
        ``nations/usa.yaml``, not ``units[4].echelon`` of the merged exercise."""
        where, end = self._nearest(path)
        if where is None or where.field is None:
            return path
        return (*where.field, *path[end:])

    def problem(self, path: FieldPath, message: str, expected: str | None = None, **extra: Any) -> Problem:
        """A problem placed at ``path``: its file, line, column and field path in that file."""
        where, end = self._nearest(path)
        return Problem(
            message,
            file=where.file if where else None,
            line=where.line if where else None,
            column=where.column if where else None,
            field=(*where.field, *path[end:]) if where and where.field is not None else path,
            expected=expected,
            **extra,
        )

    def place(self, problem: Problem) -> Problem:
        """Give a problem found by field path in the merged exercise its file, line and column, and its
        field path in that file; its second place (``also_at``) too."""
        if problem.also_at and problem.also_at_where is None:
            second = self.locate(problem.also_at)
            if second is not None:
                problem = replace(problem, also_at_where=str(second))
        if problem.file is not None:
            return problem
        where, end = self._nearest(problem.field)
        if where is None:
            return problem
        field = problem.field if where.field is None else (*where.field, *problem.field[end:])
        return replace(problem, file=where.file, line=where.line, column=where.column, field=field)

    def graft(self, other: SourceMap, rewrite: Callable[[FieldPath], FieldPath | None]) -> None:
        """Take ``other``'s positions, each path rewritten (or dropped when ``rewrite`` returns None)."""
        self._grafts.append((other, rewrite))
