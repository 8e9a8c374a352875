"""The MASCAL parameters as a planner writes them: defaults by vehicle type, and clear errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from jointex.catalogue import builtin_catalogue
from jointex.errors import InputError
from jointex.model import Exercise
from jointex.model.mascal import EvacuationAsset, MascalParameters, Stage
from jointex.model.metrics import METRICS
from jointex.rehearse.vignettes.mascal import VIGNETTE
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, Setting
from tests.rehearse.mascal.scenes import chain, compiled, exercise


def test_vehicles_take_their_types_defaults_unless_given() -> None:
    helicopter = EvacuationAsset.model_validate({"id": "H", "unit": "U", "type": "helicopter"})
    assert (helicopter.litters, helicopter.speed_kmh, helicopter.launch_min) == (4, 220, 15)
    assert helicopter.pick_up_at == (Stage.POINT_OF_INJURY, Stage.ROLE_1)
    assert helicopter.deliver_to == (Stage.ROLE_2, Stage.ROLE_3)
    ambulance = EvacuationAsset.model_validate({"id": "A", "unit": "U", "type": "ambulance", "litters": 4})
    assert (ambulance.litters, ambulance.speed_kmh, ambulance.deliver_to) == (4, 50, (Stage.ROLE_1,))
    crewed = EvacuationAsset.model_validate(
        {"id": "A", "unit": "U", "type": "ambulance", "count": 6, "crews": 4}
    )
    assert crewed.vehicles == 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p["incidents"][0].update(triage={"t1": 0.5, "t2": 0.6}), "triage shares sum to"),
        (lambda p: p["facilities"][0].update(surgical_tables=1), "a Role 1 has no surgical tables"),
        (lambda p: p["facilities"][1].update(surgical_tables=0), "expected surgical_tables >= 1"),
        (lambda p: p["facilities"][2].pop("position"), "host-nation facility (no unit) needs a position"),
        (lambda p: p["evacuation"][0].pop("unit"), "host-nation asset (no unit) needs a base"),
        (lambda p: p["evacuation"][0].update(id="R1"), "appear more than once"),
        (lambda p: p["evacuation"][0].update(deliver_to=["point_of_injury"]), "deliver_to names facilities"),
        (
            lambda p: p["incidents"][0].update(groups=[{"nation": "USA", "share": 0.4}]),
            "shares must sum to 1",
        ),
    ],
)
def test_bad_parameters_say_what_was_expected(change: Any, message: str) -> None:
    parameters = chain()
    change(parameters)
    with pytest.raises(ValidationError, match=re.escape(message)):
        MascalParameters.model_validate(parameters)


def test_the_parameters_name_their_units_and_places() -> None:
    parameters = MascalParameters.model_validate(chain())
    assert parameters.unit_references() == [
        (("facilities", 0, "unit"), "NOR-MED"),
        (("facilities", 1, "unit"), "USA-MED"),
        (("evacuation", 0, "unit"), "NOR-MED"),
        (("evacuation", 1, "unit"), "USA-MED"),
    ]
    assert parameters.place_names()["HOSP"] == "City hospital"


def test_an_incident_past_the_vignettes_end_is_refused() -> None:
    parameters = chain()
    parameters["incidents"][0]["over_min"] = 13 * 60
    with pytest.raises(InputError, match="after the vignette's end"):
        compiled(parameters)


def test_a_facility_of_a_unit_without_a_position_needs_one() -> None:
    parameters = chain()
    del parameters["facilities"][0]["position"]
    data = exercise(parameters).model_dump()
    data["units"][0]["exercise_location"] = None
    ex = Exercise.model_validate(data)
    with pytest.raises(InputError, match="NOR-MED has no exercise_location") as error:
        VIGNETTE.compile(Setting(ex, ex.vignettes[0], builtin_catalogue()), SINGLE_RUN)
    assert error.value.problems[0].field == ("vignettes", 0, "parameters", "facilities", 0, "position")


def test_every_metric_a_run_reports_is_declared() -> None:
    vignette = compiled(chain())
    for metric in vignette.metrics:
        spec = METRICS.find(metric)
        assert spec is not None and spec.source.startswith("MASCAL"), metric
    assert METRICS.find("mascal.surgery_within_2h_pct").lower_is_better is False  # type: ignore[union-attr]
    assert METRICS.domain("mascal.gain_pp.vehicle.HELO").low == -100


def test_a_withheld_unit_takes_its_facilities_and_vehicles_with_it() -> None:
    from collections import Counter

    from jointex.security.release import releasable_parameters

    vignette = exercise(chain()).vignettes[0]
    withheld: Counter[str] = Counter()
    kept = releasable_parameters(vignette, {"USA-MED"}, withheld)
    assert isinstance(kept, MascalParameters)
    assert [f.id for f in kept.facilities] == ["R2", "HOSP"]
    assert [a.id for a in kept.evacuation] == ["HELO"]
    assert withheld == Counter({"mascal facilities": 1, "mascal evacuation": 1})
    # without either unit no vehicle is left: the drill cannot stand, and is withheld whole
    assert releasable_parameters(vignette, set()) is None
