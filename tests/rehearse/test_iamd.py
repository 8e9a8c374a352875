"""The IAMD vignette against closed-form results (docs/rehearsal.md, domain facts section 8), within Monte
Carlo tolerance: salvo leak, shoot-look-shoot leak and expected shots, independent layers, the saturation
bound; and reproducibility, monotonicity and what sharing the air picture changes."""

from __future__ import annotations

import itertools
import math

import numba
import numpy as np
import pytest

from jointex.rehearse.engine import replication_keys, run_replications
from jointex.rehearse.vignettes.iamd import IamdVignette, Mode
from tests.rehearse.iamd_scenes import TARGET, raid, scene, sensor, shooter

THREATS = 50
REPLICATIONS = 2000


def leak_and_shots(vignette: IamdVignette, replications: int = REPLICATIONS) -> tuple[float, float, float]:
    """Leak probability per threat, its standard error, and shots per threat."""
    table = run_replications(vignette, replications, seed=42)
    leaks = table.columns["iamd.leak_probability"]
    per_threat_se = math.sqrt(leaks.mean() * (1 - leaks.mean()) / (replications * vignette.threats))
    return float(leaks.mean()), per_threat_se, float(table.columns["iamd.shots"].mean() / vignette.threats)


def one_layer(p: float, salvo: int, doctrine: str, rounds: int = 1) -> IamdVignette:
    return scene(
        {
            "defended_assets": [TARGET],
            "raids": [raid(THREATS, 30)],
            "doctrine": doctrine,
            "engagement_rounds": rounds,
            "sensors": [sensor("A", 0, 0, 100, detection_probability=1.0)],
            "shooters": [shooter("A", 0, 0, p, salvo)],
        },
        {"A": "NOR"},
    )


@pytest.mark.parametrize(("p", "n"), [(0.6, 3), (0.7, 4), (0.3, 1)])
def test_a_single_salvo_leaks_with_probability_one_minus_p_to_the_n(p: float, n: int) -> None:
    leak, se, shots = leak_and_shots(one_layer(p, n, "shoot-shoot"))
    assert leak == pytest.approx((1 - p) ** n, abs=4 * se + 1e-4)
    assert shots == pytest.approx(n)


def test_shoot_look_shoot_matches_its_closed_form_and_saves_rounds() -> None:
    # p = 0.7, n = 2, k = 2: leak 0.0081 with 2.18 shots; a single salvo of 4 leaks the same with 4.0.
    leak, se, shots = leak_and_shots(one_layer(0.7, 2, "shoot-look-shoot", rounds=2))
    assert leak == pytest.approx(0.3**4, abs=4 * se + 1e-4)
    expected_shots = 2 * (1 + 0.3**2)
    assert shots == pytest.approx(expected_shots, abs=0.01)
    assert expected_shots == pytest.approx(2.18)
    salvo_leak, salvo_se, salvo_shots = leak_and_shots(one_layer(0.7, 4, "shoot-shoot"))
    assert salvo_leak == pytest.approx(0.0081, abs=4 * salvo_se + 1e-4)
    assert salvo_shots == pytest.approx(4.0)


def test_shoot_look_shoot_with_three_rounds() -> None:
    p, n, k = 0.5, 1, 3
    leak, se, shots = leak_and_shots(one_layer(p, n, "shoot-look-shoot", rounds=k))
    assert leak == pytest.approx((1 - p) ** (n * k), abs=4 * se + 1e-4)
    assert shots == pytest.approx(n * sum((1 - p) ** (n * i) for i in range(k)), abs=0.02)


def test_independent_layers_multiply() -> None:
    """Outer layer (NOR): detection 0.7 by one scan, one shot of p 0.5. Inner layer (USA): detection 0.9,
    a salvo of two at p 0.6. National pictures, so each layer sees only its own sensor. The closed form is
    prod_l [1 - Pd_l (1 - (1 - p_l)^n_l)]."""
    # A cruise missile covers 10 km in 40 s: a 5 km sensor radius and a 40 s scan give exactly one scan.
    layers = {
        "defended_assets": [TARGET],
        "raids": [raid(THREATS, 30)],
        "doctrine": "shoot-shoot",
        "sensors": [
            sensor("OUTER", -150, 0, 5, scan_period_s=40, detection_probability=0.7),
            sensor("INNER", -60, 0, 5, scan_period_s=40, detection_probability=0.9),
        ],
        "shooters": [shooter("OUTER", -120, 0, 0.5, 1), shooter("INNER", -30, 0, 0.6, 2)],
    }
    vignette = scene(layers, {"OUTER": "NOR", "INNER": "USA"})
    leak, se, _ = leak_and_shots(vignette)
    expected = (1 - 0.7 * 0.5) * (1 - 0.9 * (1 - 0.4**2))
    assert leak == pytest.approx(expected, abs=4 * se + 1e-4)


@pytest.mark.parametrize(("magazine", "salvo", "p"), [(20, 2, 1.0), (7, 2, 1.0), (30, 3, 0.8)])
def test_a_raid_beyond_the_magazine_leaks_at_least_the_saturation_bound(
    magazine: int, salvo: int, p: float
) -> None:
    vignette = scene(
        {
            "defended_assets": [TARGET],
            "raids": [raid(THREATS, 2)],
            "doctrine": "shoot-shoot",
            "sensors": [sensor("A", 0, 0, 100, detection_probability=1.0)],
            "shooters": [shooter("A", 0, 0, p, salvo, magazine=magazine)],
        },
        {"A": "NOR"},
    )
    leakers = run_replications(vignette, 300, seed=3).columns["iamd.leakers"]
    bound = THREATS - magazine // salvo
    assert leakers.min() >= bound
    if p == 1.0:
        assert np.all(leakers == bound)  # every full salvo kills one threat; nothing else can


def test_results_are_identical_for_any_batch_size_and_thread_count() -> None:
    vignette = one_layer(0.6, 2, "shoot-look-shoot", rounds=2)
    reference = run_replications(vignette, 97, seed=9, batch_size=97)
    for batch_size in (1, 8, 33):
        other = run_replications(vignette, 97, seed=9, batch_size=batch_size)
        for metric in vignette.metrics:
            assert np.array_equal(reference.columns[metric], other.columns[metric], equal_nan=True)
    threads = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        single = run_replications(vignette, 97, seed=9)
    finally:
        numba.set_num_threads(threads)
    assert np.array_equal(reference.columns["iamd.shots"], single.columns["iamd.shots"])
    assert not np.array_equal(
        reference.columns["iamd.shots"], run_replications(vignette, 97, seed=10).columns["iamd.shots"]
    )


def test_more_shooters_never_raise_the_expected_leakers() -> None:
    """A saturating raid against fire units with small magazines: each added unit can only help."""
    means = []
    for count in range(1, 6):
        vignette = scene(
            {
                "defended_assets": [TARGET],
                "raids": [raid(THREATS, 3)],
                "doctrine": "shoot-look-shoot",
                "sensors": [sensor("A", 0, 0, 100, detection_probability=0.9, scan_period_s=5)],
                "shooters": [shooter("A", 2 * k, 0, 0.6, 1, magazine=8, reload_s=4) for k in range(count)],
            },
            {"A": "NOR"},
        )
        leakers = run_replications(vignette, 400, seed=5).columns["iamd.leakers"]
        means.append((leakers.mean(), leakers.std(ddof=1) / math.sqrt(len(leakers))))
    for (before, se_before), (after, se_after) in itertools.pairwise(means):
        assert after <= before + 3 * math.hypot(se_before, se_after)
    assert means[-1][0] < means[0][0] - 10  # and in this raid they help a lot


def coalition(mode: Mode, usa_radar_km: float = 150, magazine: int = 12) -> IamdVignette:
    """Two nations' fire units side by side with small magazines, each with its own radar."""
    return scene(
        {
            "defended_assets": [TARGET],
            "raids": [raid(30, 4)],
            "doctrine": "shoot-look-shoot",
            "sensors": [
                sensor("NOR-AD", -10, 0, 150, scan_period_s=10, detection_probability=0.8),
                sensor("USA-AD", 0, 0, usa_radar_km, scan_period_s=5, detection_probability=0.8),
            ],
            "shooters": [
                shooter(
                    "NOR-AD",
                    -10,
                    0,
                    0.7,
                    1,
                    magazine=magazine,
                    reload_s=8,
                    time_of_flight_s=20,
                    range_km={"cruise_missile": [1, 40]},
                ),
                shooter(
                    "USA-AD",
                    0,
                    0,
                    0.7,
                    1,
                    magazine=magazine,
                    reload_s=8,
                    time_of_flight_s=20,
                    range_km={"cruise_missile": [1, 40]},
                ),
            ],
        },
        {"NOR-AD": "NOR", "USA-AD": "USA"},
        mode,
    )


def test_a_shared_picture_removes_double_engagements_and_reduces_leakers() -> None:
    integrated = run_replications(coalition(Mode.INTEGRATED), 500, seed=1)
    national = run_replications(coalition(Mode.NATIONAL), 500, seed=1)
    assert integrated.columns["iamd.double_engagements"].max() == 0
    assert national.columns["iamd.double_engagements"].mean() > 1
    gain = integrated.difference(national)
    assert gain["iamd.leakers"].ci_high < 0
    assert gain["iamd.double_engagements"].ci_high < 0


def test_tracks_over_the_link_let_a_short_sighted_unit_fire_earlier() -> None:
    integrated = run_replications(coalition(Mode.INTEGRATED, 25, magazine=100), 300, seed=1)
    national = run_replications(coalition(Mode.NATIONAL, 25, magazine=100), 300, seed=1)
    gain = integrated.difference(national)
    assert gain["iamd.leakers"].ci_high < 0
    assert gain["iamd.detect_to_engage_s"].ci_high < 0


def test_common_random_numbers_make_the_paired_interval_narrower() -> None:
    integrated = run_replications(coalition(Mode.INTEGRATED), 500, seed=1)
    national = run_replications(coalition(Mode.NATIONAL), 500, seed=1)
    unpaired_national = run_replications(coalition(Mode.NATIONAL), 500, seed=2)
    paired = integrated.difference(national)["iamd.leakers"].half_width
    unpaired = integrated.difference(unpaired_national)["iamd.leakers"].half_width
    assert paired < unpaired


def test_detection_is_exact_within_the_scan() -> None:
    """With pd = 1 the first detection falls on the first scan in range: uniformly within one scan period
    after the threat enters range, so the mean detect-to-engage time has a closed form."""
    vignette = scene(
        {
            "defended_assets": [TARGET],
            "raids": [raid(THREATS, 30)],
            "doctrine": "shoot-shoot",
            "sensors": [sensor("A", 0, 0, 100, scan_period_s=20, detection_probability=1.0)],
            "shooters": [shooter("A", 0, 0, 0.5, 1, reaction_s=100)],
        },
        {"A": "NOR"},
    )
    delay = run_replications(vignette, 500, seed=4).columns["iamd.detect_to_engage_s"]
    # Detection uniform in [0, 20) s after entering 100 km; the launch window opens at 20 km - 5 s of
    # flight, i.e. 320 - 5 = 315 s after entering; reaction 100 s never binds. Delay = 315 - U(0, 20).
    assert delay.mean() == pytest.approx(315 - 10, abs=0.3)
    assert delay.min() > 295 - 1e-9 and delay.max() <= 315 + 1e-9


def test_a_threat_out_of_every_sensors_reach_is_never_detected_and_leaks() -> None:
    vignette = scene(
        {
            "defended_assets": [TARGET],
            "raids": [raid(5, 30)],
            "sensors": [sensor("A", 0, 500, 100)],
            "shooters": [shooter("A", 0, 0, 1.0, 1)],
        },
        {"A": "NOR"},
    )
    columns = vignette.run(replication_keys(0, 0, 4))
    assert np.all(columns["iamd.never_detected"] == 5)
    assert np.all(columns["iamd.leakers"] == 5)
    assert np.all(np.isnan(columns["iamd.detect_to_engage_s"]))
