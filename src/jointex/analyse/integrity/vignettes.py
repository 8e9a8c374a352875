"""The units a vignette's parameters name (sensors, fire units, transport assets) take part in it.

The parameters themselves are validated by their kind's model when the exercise is read, so a wrong
value is reported there, at its line; this check needs the typed parameters' `unit_references`.
"""

from __future__ import annotations

from jointex.errors import Problem
from jointex.model import Exercise


def check_vignette_parameters(exercise: Exercise) -> list[Problem]:
    """Each unit a vignette's parameters name takes part in it.

    A unit the parameters name that is missing from a vignette whose own unit list holds an unknown id is
    not reported: that id is reported by `check_references`, most often as a typo of the very unit named
    here, and the fix of that one problem is the fix of both.
    """
    problems: list[Problem] = []
    declared = exercise.units_by_id
    for v, vignette in enumerate(exercise.vignettes):
        list_has_unknown_units = any(unit not in declared for unit in vignette.units)
        for path, unit in vignette.parameters.unit_references():
            if unit in vignette.units or (unit in declared and list_has_unknown_units):
                continue
            problems.append(
                Problem(
                    f"{vignette.kind.value} parameter: unit {unit!r} does not take part in "
                    f"{vignette.id}; expected one of its units {', '.join(vignette.units)}",
                    field=("vignettes", v, "parameters", *path),
                )
            )
    return problems
