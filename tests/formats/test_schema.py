"""The JSON Schema of the exercise file describes each vignette kind's parameters, as the model reads them."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from jointex.formats.includes import read_with_includes
from jointex.formats.schema import exercise_json_schema
from jointex.model.kinds import DECLARATIONS
from tests.conftest import EXAMPLES


def _errors(vignette: dict[str, Any]) -> list[str]:
    exercise = json.loads(json.dumps(read_with_includes(EXAMPLES[0]).data, default=str))
    exercise["vignettes"] = [vignette]
    validator = jsonschema.Draft202012Validator(exercise_json_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(exercise)]


def _vignette(kind: str, parameters: dict[str, Any]) -> dict[str, Any]:
    return {"id": "V", "name": "Drill", "kind": kind, "start": "D+1", "end": "D+2", "parameters": parameters}


def test_every_declared_kind_has_its_parameter_model_in_the_schema() -> None:
    schema = exercise_json_schema()
    parameters = schema["$defs"]["Vignette"]["properties"]["parameters"]
    named = {option["$ref"].rsplit("/", 1)[-1] for option in parameters["anyOf"] if "$ref" in option}
    assert named == {d.parameters.__name__ for d in DECLARATIONS.values()}
    assert named <= set(schema["$defs"])
    assert "VignetteParameters" not in schema["$defs"]


def test_a_vignettes_parameters_are_checked_against_its_own_kind() -> None:
    relief = read_with_includes(EXAMPLES[2]).data["vignettes"]
    hadr = json.loads(json.dumps(next(v for v in relief if v["kind"] == "hadr")["parameters"], default=str))
    assert _errors(_vignette("hadr", hadr)) == []
    as_iamd = _errors(_vignette("iamd", hadr))
    assert any("'defended_assets' is a required property" in error for error in as_iamd)
    assert _errors(_vignette("cyber", {"anything": [1, 2]})) == []
