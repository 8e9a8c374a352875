"""The public API is chosen on purpose: this test fails when it changes without a decision."""

from __future__ import annotations

import subprocess
import sys

import jointex

DOCUMENTED = {
    "__version__",
    "Catalogue",
    "Exercise",
    "InputError",
    "JointexError",
    "Label",
    "LoadedExercise",
    "Problem",
    "InteropResult",
    "Assessment",
    "assess",
    "assess_exercise",
    "analyse_interop",
    "builtin_catalogue",
    "exercise_json_schema",
    "load_exercise",
    "summarise",
    "validate_exercise",
    "simulate",
    "SimulationRun",
}


def test_all_is_the_documented_set() -> None:
    assert set(jointex.__all__) == DOCUMENTED


def test_every_public_name_resolves() -> None:
    for name in jointex.__all__:
        assert getattr(jointex, name) is not None


def test_a_public_function_stays_itself_once_the_subpackage_of_its_name_is_imported() -> None:
    code = (
        "import jointex, jointex.assess.plan; jointex.assess_exercise; from jointex import assess; "
        "print(callable(jointex.assess), callable(assess), jointex.assess.__module__)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["True", "True", "jointex.assess.assessment"]


def test_importing_jointex_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys, jointex.cli.main; "
        "print(sorted(m for m in ('pydantic', 'shapely', 'pycountry') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
