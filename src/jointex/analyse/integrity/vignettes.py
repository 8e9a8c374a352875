"""Vignette parameters are validated by their kind's model, where the kind has one."""

from __future__ import annotations

from pydantic import ValidationError

from jointex.errors import Problem
from jointex.model import VIGNETTE_PARAMETER_MODELS, Exercise


def check_vignette_parameters(exercise: Exercise) -> list[Problem]:
    problems: list[Problem] = []
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
        for path, unit in references() if references else ():
            if unit not in vignette.units:
                problems.append(
                    Problem(
                        f"{vignette.kind.value} parameter: unit {unit!r} does not take part in "
                        f"{vignette.id}; expected one of its units {list(vignette.units)}",
                        field=("vignettes", v, "parameters", *path),
                    )
                )
    return problems
