"""The JSON Schema of the exercise file, generated from the model so it cannot drift."""

from __future__ import annotations

from typing import Any

from jointex.model.exercise import Exercise

SCHEMA_ID = "https://jointex.dev/schema/exercise-1.json"


def exercise_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of an exercise file, as the files are written (``from``, ``to``...)."""
    schema = Exercise.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
