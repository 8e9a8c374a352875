"""The vignette kinds' declarations: one line per kind, read by the registry of metrics and by vignettes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jointex.model import Vignette, VignetteKind
from jointex.model.hadr import HadrParameters
from jointex.model.iamd import IamdParameters
from jointex.model.kinds import DECLARATIONS
from jointex.model.metrics import METRICS, VIGNETTE_METRICS
from tests.conftest import REPO


def test_the_registry_of_metrics_holds_every_declared_kinds_metrics() -> None:
    assert {kind: d.run_file_metrics() for kind, d in DECLARATIONS.items()} == VIGNETTE_METRICS
    for declaration in DECLARATIONS.values():
        assert declaration.metrics, declaration.kind
        assert all(spec in METRICS.specs for spec in declaration.run_file_metrics())


@pytest.mark.parametrize(
    "first", ["jointex.model.kinds", "jointex.model.metrics", "jointex.model.vignette", "jointex.model.iamd"]
)
def test_the_model_layer_imports_whichever_module_comes_first(first: str) -> None:
    code = (
        f"import {first}\nfrom jointex.model.metrics import VIGNETTE_METRICS\nprint(sorted(VIGNETTE_METRICS))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "iamd" in done.stdout and "hadr" in done.stdout


def test_a_kinds_package_gets_its_own_typed_parameters_and_no_other() -> None:
    raid = Vignette.model_validate(
        {
            "id": "V",
            "name": "Raid",
            "kind": "iamd",
            "start": "D+1",
            "end": "D+2",
            "parameters": {
                "defended_assets": [{"id": "T", "position": "60.5, 10.5"}],
                "raids": [
                    {
                        "id": "R",
                        "threat": "small_drone",
                        "count": 2,
                        "target": "T",
                        "launch_point": "60.6, 10.6",
                    }
                ],
                "sensors": [{"unit": "NOR-1", "detection_range_km": {"small_drone": 10}}],
                "shooters": [
                    {
                        "unit": "NOR-1",
                        "magazine": 4,
                        "range_km": {"small_drone": [0, 2]},
                        "kill_probability": {"small_drone": 0.5},
                    }
                ],
            },
        }
    )
    assert raid.kind is VignetteKind.IAMD
    assert raid.parameters_as(IamdParameters).sensors[0].unit == "NOR-1"
    with pytest.raises(TypeError, match="V is of kind iamd"):
        raid.parameters_as(HadrParameters)
