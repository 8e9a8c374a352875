"""The run file format: what produced a run, in a digest of the exercise version that is the same in any
process; files of the first format are refused with what to do."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from jointex.model.digests import exercise_digest, vignette_digest
from jointex.model.runs import RunResult
from jointex.service.exercises import load_exercise
from tests.conftest import REPO

PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


def _digest_in_a_fresh_process(hash_seed: str) -> str:
    code = (
        "from jointex.service.exercises import load_exercise\n"
        "from jointex.model.digests import exercise_digest\n"
        f"print(exercise_digest(load_exercise({str(PACIFIC)!r}).exercise))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return done.stdout.strip()


def test_the_digest_does_not_depend_on_the_order_of_sets() -> None:
    """Relief sites' access modes are sets, whose order changes from one process to the next."""
    here = exercise_digest(load_exercise(PACIFIC).exercise)
    assert _digest_in_a_fresh_process("1") == _digest_in_a_fresh_process("2") == here


def test_a_change_anywhere_changes_the_digest() -> None:
    exercise = load_exercise(PACIFIC).exercise
    vignette = exercise.vignettes[0]
    renamed = vignette.model_copy(update={"name": vignette.name + " (rev 2)"})
    assert vignette_digest(renamed) != vignette_digest(vignette)
    edited = exercise.model_copy(update={"vignettes": (renamed, *exercise.vignettes[1:])})
    assert exercise_digest(edited) != exercise_digest(exercise)


@pytest.mark.parametrize("written", [{"format": "jointex-run/1"}, {}])
def test_a_first_format_run_file_is_refused_with_what_to_do(written: dict[str, str]) -> None:
    old = {
        **written,
        "exercise": "BS27",
        "vignette": "V-IAMD-RAID",
        "replications": 10,
        "seed": 0,
        "metrics": {},
    }
    with pytest.raises(ValidationError) as caught:
        RunResult.model_validate(old)
    (error,) = caught.value.errors()
    assert "made by an older jointex" in error["msg"] and "jointex-run/2" in error["msg"]
