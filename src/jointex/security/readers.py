"""Who a document is for: one participating nation, or the coalition (every participating nation at once).

Without ``--for`` jointex builds the **coalition version** of a document: only what every participating
nation may see, so that any of them can read it. ``--for ALL`` says the same explicitly; ``--for POL``
builds Poland's version.
"""

from __future__ import annotations

from dataclasses import dataclass

from jointex.errors import InputError
from jointex.model import Exercise, Label

COALITION = "ALL"
"""What ``--for`` takes for the coalition version."""


@dataclass(frozen=True)
class Reader:
    """The nations that must all be allowed to see an element for it to go into the document."""

    name: str
    """A nation code, or ``ALL`` for the coalition version."""
    nations: frozenset[str]

    @property
    def is_coalition(self) -> bool:
        return self.name == COALITION

    @property
    def nation(self) -> str | None:
        """The nation this version is for; None for the coalition version."""
        return None if self.is_coalition else self.name

    def may_see(self, label: Label) -> bool:
        return all(label.releases_to(nation) for nation in self.nations)

    @property
    def description(self) -> str:
        """How the documents name their reader: 'POL', or 'every participating nation'."""
        return "every participating nation" if self.is_coalition else self.name


def reader_for(exercise: Exercise, wanted: Reader | str | None) -> Reader:
    """The reader of a version of ``exercise``: a participating nation (``"pol"`` reads POL), or the
    coalition for None or ``ALL``; a `Reader` already made is checked against this exercise (the
    coalition is every nation taking part in it). Shells call this once, where the request comes in
    (``--for``, an API's nation), and pass the `Reader` on. Raises `InputError` for a nation that does not
    take part."""
    if isinstance(wanted, Reader):
        wanted = wanted.name
    if wanted is None or wanted.strip().upper() == COALITION:
        return Reader(COALITION, frozenset(exercise.nations))
    nation = wanted.strip().upper()
    if nation not in exercise.nations:
        raise InputError.single(
            f"{nation} does not take part in the exercise",
            field=("--for",),
            expected="one of " + ", ".join(exercise.nations) + f", or {COALITION} for the coalition version",
        )
    return Reader(nation, frozenset({nation}))
