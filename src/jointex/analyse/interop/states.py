"""Compatibility states of a pair, ordered so that a larger code is a better state."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class State(IntEnum):
    NOT_APPLICABLE = 0
    INCOMPATIBLE = 1
    BRIDGED = 2
    COMPATIBLE = 3

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")

    @property
    def symbol(self) -> str:
        return {0: "·", 1: "✗", 2: "~", 3: "✓"}[self.value]


@dataclass(frozen=True)
class Cell:
    """The state of one pair, the bridge that makes it work (if any), and why."""

    state: State
    via: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"state": self.state.label, "via": self.via, "reason": self.reason}


def versus(first: str, second: str) -> str:
    """``a vs b`` in a fixed order, so a symmetric pair reads the same whichever way round it is met."""
    low, high = sorted((first, second))
    return f"{low} vs {high}"
