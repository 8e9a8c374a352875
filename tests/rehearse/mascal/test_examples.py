"""The mass casualty vignettes of the examples: a collapsed hospital in PACIFIC SHELTER and a missile
strike on an air base in BALTIC SHIELD, valid, rehearsed, and measured by their objectives."""

from __future__ import annotations

import pytest

from jointex import load_exercise
from jointex.model.mascal import MascalParameters
from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.mascal import VIGNETTE
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, Setting
from jointex.service.exercises import validate_exercise
from tests.conftest import REPO

EXAMPLES = [
    ("pacific-shelter", "V-MASCAL", {"PHL", "USA", "AUS", "JPN", "KOR"}),
    ("baltic-shield", "V-MASCAL-AIRBASE", {"LTU", "USA", "NLD", "DEU"}),
]


@pytest.mark.parametrize(("folder", "vignette_id", "nations"), EXAMPLES)
def test_the_example_rehearses_its_mass_casualty_drill(
    folder: str, vignette_id: str, nations: set[str]
) -> None:
    path = REPO / "examples" / folder / "exercise.yaml"
    report = validate_exercise(path)
    assert report.ok and not report.problems, [str(p) for p in report.problems]
    loaded = load_exercise(path)
    vignette = next(v for v in loaded.exercise.vignettes if v.id == vignette_id)
    assert isinstance(vignette.parameters, MascalParameters)
    compiled = VIGNETTE.compile(Setting(loaded.exercise, vignette, loaded.catalogue), SINGLE_RUN)
    assert compiled.caveats == ()
    assert set(compiled.scene.nations) == nations
    measured = {
        m.metric for o in loaded.exercise.objectives if o.id in vignette.objectives for m in o.measures
    }
    assert measured and measured <= set(compiled.metrics)
    summary = run_replications(compiled, 100, seed=0).summary()
    assert 0 < summary["mascal.surgery_within_2h_pct"].mean < 100
    assert summary["mascal.deaths"].mean > 0
