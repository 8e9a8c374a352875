"""Vignette parameters are validated by their kind's model, where the kind has one."""

from __future__ import annotations

from pydantic import ValidationError

from jointex.errors import Problem
from jointex.model import VIGNETTE_PARAMETER_MODELS, Exercise


def check_vignette_parameters(exercise: Exercise) -> list[Problem]:
    """Each vignette's parameters fit its kind's model, and the units they name take part in it.

    A unit the parameters name that is missing from a vignette whose own unit list holds an unknown id is
    not reported: that id is reported by `check_references`, most often as a typo of the very unit named
    here, and the fix of that one problem is the fix of both.
    """
    problems: list[Problem] = []
    declared = exercise.units_by_id
    for v, vignette in enumerate(exercise.vignettes):
        model = VIGNETTE_PARAMETER_MODELS.get(vignette.kind)
        if model is None:
            continue  # a kind not built yet: its parameters stay plain data
        try:
            parameters = model.model_validate(vignette.parameters)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                message = str(item["msg"]).removeprefix("Value error, ")
                problems.append(
                    Problem(
                        f"{vignette.kind.value} parameter: {message}",
                        field=("vignettes", v, "parameters", *item["loc"]),
                    )
                )
            continue
        references = getattr(parameters, "unit_references", None)
        list_has_unknown_units = any(unit not in declared for unit in vignette.units)
        for path, unit in references() if references else ():
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
