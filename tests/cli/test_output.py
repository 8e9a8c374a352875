"""`--json` output is strict JSON: what is not a finite number is written as null."""

from __future__ import annotations

import json

import pytest

from jointex.cli.output import print_json


def test_json_output_has_no_nan_or_infinity(capsys: pytest.CaptureFixture[str]) -> None:
    print_json({"a": float("nan"), "b": [1.5, float("inf"), (float("-inf"),)], "c": {"d": 2}})

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    assert json.loads(capsys.readouterr().out, parse_constant=refuse) == {
        "a": None,
        "b": [1.5, None, [None]],
        "c": {"d": 2},
    }
