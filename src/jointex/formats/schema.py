"""The JSON Schema of the exercise file, generated from the model so it cannot drift.

A vignette's ``parameters`` are described by the parameter model of each declared kind
(`jointex.model.kinds.DECLARATIONS`): any of them as a field's type (``anyOf``, with a plain mapping for
the kinds jointex cannot rehearse yet), and exactly the one of the vignette's ``kind`` (``if``/``then``),
so an editor that reads the schema checks parameters as `jointex validate` does.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from jointex.model.exercise import Exercise
from jointex.model.kinds import DECLARATIONS

SCHEMA_ID = "https://jointex.dev/schema/exercise-1.json"


def exercise_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of an exercise file, as the files are written (``from``, ``to``...)."""
    declarations = list(DECLARATIONS.values())
    refs, schema = models_json_schema(
        [(Exercise, "validation"), *((d.parameters, "validation") for d in declarations)], by_alias=True
    )
    definitions: dict[str, Any] = schema["$defs"]
    exercise = definitions.pop(refs[(Exercise, "validation")]["$ref"].rsplit("/", 1)[-1])
    definitions.pop("VignetteParameters", None)  # the base of the kinds' models, described by them
    kinds = [(d.kind.value, refs[(d.parameters, "validation")]) for d in declarations]
    vignette = definitions["Vignette"]
    vignette["properties"]["parameters"] = {
        "anyOf": [ref for _, ref in kinds] + [{"type": "object"}],
        "description": "The parameters of the vignette's kind: "
        + ", ".join(f"{ref['$ref'].rsplit('/', 1)[-1]} for {kind}" for kind, ref in kinds)
        + "; any mapping for a kind jointex cannot rehearse yet.",
    }
    vignette["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": {"parameters": ref}},
        }
        for kind, ref in kinds
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **exercise,
        "$defs": dict(sorted(definitions.items())),
    }
