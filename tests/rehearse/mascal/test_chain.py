"""The chain's rules as a planner relies on them: results that depend on the seed alone, what-ifs paired
on the same casualties, national caveats, the 10-1-2 clocks and where casualties go."""

from __future__ import annotations

import numpy as np
import pytest

from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.mascal import arrays as ar
from tests.rehearse.mascal.scenes import chain, compiled, outputs
from tests.rehearse.scenes import at


@pytest.fixture(scope="module")
def blast():  # type: ignore[no-untyped-def]
    return compiled(chain(80))


def test_results_depend_on_the_seed_alone_not_the_batch_size(blast) -> None:  # type: ignore[no-untyped-def]
    small = run_replications(blast, 30, seed=7, batch_size=4)
    large = run_replications(blast, 30, seed=7, batch_size=30)
    assert small.columns.keys() == large.columns.keys()
    for metric in small.columns:
        np.testing.assert_array_equal(small.columns[metric], large.columns[metric], err_msg=metric)
    other = run_replications(blast, 30, seed=8, batch_size=30)
    assert not np.array_equal(other.columns["mascal.deaths"], large.columns["mascal.deaths"])


def test_what_ifs_meet_the_same_casualties(blast) -> None:  # type: ignore[no-untyped-def]
    # every variant of a replication hurts the same people in the same categories at the same times
    out = outputs(blast, 20)
    summary = out.summary
    for column in (ar.T1_COUNT, ar.KILLED_AT_SCENE, ar.EXPECTANT_CARE, ar.BLEEDING_ELIGIBLE):
        assert (summary[:, :, column] == summary[:, :1, column]).all()


def test_a_surgical_team_where_none_waits_changes_nothing_at_all() -> None:
    # a hospital no vehicle reaches: one more team there changes no replication in any way
    parameters = chain(80)
    parameters["facilities"].append(
        {"id": "FAR", "role": 3, "position": "61.9, 10.5", "surgical_tables": 1, "access": ["road"]}
    )
    parameters["evacuation"][0]["deliver_to"] = ["role1"]
    vignette = compiled(parameters)
    table = run_replications(vignette, 40, seed=1)
    assert (table.columns["mascal.gain_pp.surgical_team.FAR"] == 0).all()
    assert (table.columns["mascal.deaths_averted.surgical_team.FAR"] == 0).all()


def test_a_vehicle_where_evacuation_is_the_bottleneck_saves_lives() -> None:
    # one helicopter for 150 casualties: a second one gets T1 casualties to surgery sooner
    vignette = compiled(
        chain(
            150,
            evacuation=[
                {"id": "AMB", "unit": "NOR-MED", "type": "ambulance", "count": 6},
                {"id": "HELO", "unit": "USA-MED", "type": "helicopter", "count": 1, "base": "60.0, 11.2"},
            ],
        )
    )
    summary = run_replications(vignette, 60, seed=2).summary()
    assert summary["mascal.gain_pp.vehicle.HELO"].ci_low > 0
    assert summary["mascal.deaths_averted.vehicle.HELO"].ci_low > 0
    assert summary["mascal.vehicle_utilisation_pct.HELO"].mean > 80


def test_a_caveat_keeps_an_asset_to_those_it_may_carry() -> None:
    # US helicopters that may carry only their own: civilians reach surgery only by road, never by air
    parameters = chain(80)
    parameters["incidents"][0]["groups"] = [{"nation": "NOR", "civilian": True, "share": 1}]
    parameters["evacuation"][1]["carries"] = "own"
    vignette = compiled(parameters)
    table = run_replications(vignette, 20, seed=3)
    assert (table.columns["mascal.evacuated.USA"] == 0).all()
    assert (table.columns["mascal.admitted.USA"] == 0).all()
    assert any("on from Aid station to surgery" in caveat for caveat in vignette.caveats)
    parameters["evacuation"][1]["carries"] = "any"
    assert compiled(parameters).caveats == ()


def test_coalition_assets_carry_service_members_not_civilians() -> None:
    parameters = chain(100)
    parameters["incidents"][0]["groups"] = [
        {"nation": "USA", "share": 0.5},
        {"nation": "NOR", "civilian": True, "share": 0.5},
    ]
    parameters["evacuation"][0]["carries"] = "coalition"
    vignette = compiled(parameters)
    carries = vignette.scene.arrays.assets.carries
    groups = vignette.scene.groups
    usa, civilians = (groups.index(g) for g in sorted(groups, key=lambda g: g.civilian))
    assert carries[0, 0, 0, usa] and not carries[0, 0, 0, civilians]
    assert carries[1, 1, 1, civilians]


def test_with_ample_care_the_10_1_2_timeline_is_met() -> None:
    # responders and teams for everyone, vehicles at the scene, and casualties who do not die within the
    # hour (a long Weibull clock): bleeding control within 10 minutes, resuscitation within an hour and
    # surgery within two for every T1 casualty
    parameters = chain(
        20,
        incidents=[
            {
                "id": "BLAST",
                "position": "60.0, 10.5",
                "casualties": 20,
                "first_responders": 40,
                "t1_direct_to_surgery": False,
            }
        ],
    )
    quick = {t: {"mean_min": 5, "distribution": "fixed"} for t in ("t1", "t2", "t3")}
    parameters.update(first_aid=quick, treatment=quick, deterioration={"t1_survival_scale_h": 200})
    parameters["facilities"][0]["treatment_teams"] = 20
    parameters["facilities"][1].update(surgical_tables=20, beds=None, position=at(10, 0))
    parameters["evacuation"] = [
        {
            "id": "AMB",
            "unit": "NOR-MED",
            "type": "ambulance",
            "count": 40,
            "base": "60.0, 10.5",
            "pick_up_at": ["point_of_injury", "role1"],
            "deliver_to": ["role1", "role2"],
            "speed_kmh": 120,
        },
    ]
    table = run_replications(compiled(parameters), 30, seed=4)
    for metric in (
        "mascal.bleeding_control_within_10min_pct",
        "mascal.resuscitation_within_1h_pct",
        "mascal.surgery_within_2h_pct",
    ):
        values = table.columns[metric]
        assert (values[np.isfinite(values)] == 100).all(), metric
    assert (table.columns["mascal.deaths"] == 0).all()


def test_t1_casualties_fly_straight_to_surgery_unless_the_incident_says_otherwise() -> None:
    direct = compiled(chain(60))
    out = outputs(direct, 20)
    places = [p.id for p in direct.scene.places]
    facilities = [f.id for f in direct.scene.facilities]
    from_blast_to_surgery = out.flow[:, 0, places.index("BLAST"), facilities.index("R2")]
    assert from_blast_to_surgery.sum() > 0
    parameters = chain(60)
    parameters["incidents"][0]["t1_direct_to_surgery"] = False
    through_role1 = outputs(compiled(parameters), 20)
    assert through_role1.flow[:, 0, 0, 1:].sum() == 0


def test_beds_limit_surgery() -> None:
    # one bed at the only surgical facility, held 24 hours: one operation, however many wait
    parameters = chain(80)
    parameters["facilities"] = [parameters["facilities"][0], dict(parameters["facilities"][1], beds=1)]
    out = outputs(compiled(parameters), 10)
    assert (out.summary[:, 0, ar.OPERATED_T1] <= 1).all()
    assert (out.facility[:, 0, 1, ar.MAX_QUEUE] > 3).all()
