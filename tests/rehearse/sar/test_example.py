"""The search for tsunami survivors of PACIFIC SHELTER, and a search written wrongly."""

from __future__ import annotations

import pytest

from jointex import load_exercise
from jointex.errors import InputError
from jointex.model.sar import SarParameters
from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.plugin import Setting
from jointex.rehearse.vignettes.sar import VIGNETTE
from tests.conftest import MINIMAL, REPO, WriteFolder


def test_pacific_shelter_rehearses_its_search_for_survivors_at_sea() -> None:
    loaded = load_exercise(REPO / "examples" / "pacific-shelter" / "exercise.yaml")
    vignette = next(v for v in loaded.exercise.vignettes if v.id == "V-SAR")
    parameters = vignette.parameters_as(SarParameters)
    compiled = VIGNETTE.compile(Setting(loaded.exercise, vignette, loaded.catalogue), "optimal")
    assert compiled.caveats == ()
    nations = {loaded.exercise.units_by_id[a.unit].nation for a in parameters.assets}
    assert nations == {"USA", "JPN", "AUS", "IDN", "NZL"}
    objective = loaded.exercise.objectives_by_id["OBJ-SAR-1"]
    assert {m.metric for m in objective.measures} <= set(compiled.metrics)
    table = run_replications(compiled, 300, seed=0)
    assert 0.5 < table.columns["sar.pos"].mean() <= 1.0
    assert {f"sar.value_pos.{n}" for n in nations} <= set(table.columns)


def test_a_search_written_wrongly_is_reported_where_it_is(write_folder: WriteFolder) -> None:
    vignette = """\
vignettes:
  - id: V
    name: Search
    kind: sar
    start: D+1 06:00
    end: D+1 18:00
    units: [NOR-1]
    parameters:
      datum: {position: "60.5, 10.5", hours_before_start: 2}
      search_object: {type: person_in_the_water}
      environment: {wind: {from_deg: 0, speed_kn: 10}, current: {set_deg: 90, drift_kn: 0.5},
                    water_temperature_c: 12}
      assets: [{id: H1, unit: NOR-1, platform: helicopter, search_speed_kn: 90}]
"""
    path = write_folder({"exercise.yaml": MINIMAL + vignette})
    with pytest.raises(InputError) as raised:
        load_exercise(path)
    messages = [str(p) for p in raised.value.problems]
    assert any(
        "exercise.yaml:38:" in m and "search_object.type" in m and "person_in_water" in m for m in messages
    ), messages
    assert any("exercise.yaml:41:" in m and "endurance_h" in m for m in messages), messages
