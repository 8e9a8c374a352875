"""The object-per-entity baseline (benchmarks/bench_sar.py) and the kernel agree in distribution."""

from __future__ import annotations

import math

import numpy as np

from jointex.catalogue.catalogue import builtin_catalogue
from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.plugin import Setting
from jointex.rehearse.vignettes.sar import VIGNETTE
from jointex.rehearse.vignettes.sar.compile import SarVignette
from tests.rehearse.sar.objects import run_objects
from tests.rehearse.sar.scenes import helicopter, sar_exercise


def test_the_object_model_agrees_with_the_kernel() -> None:
    exercise = sar_exercise(
        [helicopter("H1", "NOR-HELO"), helicopter("H2", "USA-HELO", pattern="expanding_square")],
        datum={"position": "60.0, 10.5", "hours_before_start": 4, "position_error_nm": 3.0},
        search_object={"type": "person_in_water", "people": 2},
    )
    compiled = VIGNETTE.compile(Setting(exercise, exercise.vignettes[0], builtin_catalogue()), "optimal")
    assert isinstance(compiled, SarVignette)
    kernel = run_replications(compiled, 3_000, seed=1).columns
    objects = run_objects(compiled, 400, seed=9)
    for metric in ("sar.pos", "sar.found", "sar.lives_saved", "sar.value_pos.USA"):
        k, o = kernel[metric], objects[metric]
        error = math.hypot(k.std() / math.sqrt(len(k)), o.std() / math.sqrt(len(o)))
        assert abs(k.mean() - o.mean()) < 4 * error, metric
    found_k = kernel["sar.time_to_find_h"][np.isfinite(kernel["sar.time_to_find_h"])]
    found_o = objects["sar.time_to_find_h"][np.isfinite(objects["sar.time_to_find_h"])]
    error = math.hypot(found_k.std() / math.sqrt(len(found_k)), found_o.std() / math.sqrt(len(found_o)))
    assert abs(found_k.mean() - found_o.mean()) < 4 * error
