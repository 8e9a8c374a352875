"""The registry of metrics knows every metric jointex produces, and what each one's values mean."""

from __future__ import annotations

import pytest

import jointex
from jointex.analyse.interop import analyse_interop
from jointex.assess.evidence import interop_metrics
from jointex.model.metrics import METRICS, PERCENT, PROPORTION, DomainKind
from jointex.rehearse.vignettes.hadr import compile_hadr
from jointex.service.exercises import load_exercise
from jointex.service.simulate import run_file
from tests.conftest import EXAMPLES, REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"
PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


def test_every_metric_of_an_iamd_run_file_is_declared() -> None:
    run = jointex.simulate(FLAGSHIP, "V-IAMD-RAID", replications=20, mode="both")
    names = run_file(run).metrics
    assert "iamd.national.leak_probability" in names
    assert [m for m in names if METRICS.find(m) is None] == []
    assert METRICS.find("iamd.leakers.ELEKTRENAI") is not None
    assert METRICS.domain("iamd.national.leak_probability") == PROPORTION


def test_every_metric_of_a_relief_run_is_declared() -> None:
    loaded = load_exercise(PACIFIC)
    vignette = next(v for v in loaded.exercise.vignettes if v.id == "V-HADR-RELIEF")
    metrics = compile_hadr(loaded.exercise, vignette).metrics
    assert "hadr.need_met_day7_pct" in metrics
    assert [m for m in metrics if METRICS.find(m) is None] == []
    assert METRICS.domain("hadr.need_met_day3_pct") == PERCENT


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_interoperability_metric_is_declared(path) -> None:  # type: ignore[no-untyped-def]
    loaded = load_exercise(path)
    produced = interop_metrics(analyse_interop(loaded.exercise, loaded.catalogue))
    assert [m for m in produced if METRICS.find(m) is None] == []


def test_patterns_match_whole_names_only() -> None:
    assert METRICS.find("hadr.need_met_dayX_pct") is None
    assert METRICS.find("iamd.leakers.") is None
    assert METRICS.find("iamd.leak_probability.extra") is None
    spec = METRICS.find("observer.transparency_rating")
    assert (
        spec is not None
        and spec.domain.kind is DomainKind.RATING
        and (spec.domain.low, spec.domain.high) == (1, 4)
    )


def test_which_way_is_better_is_declared_not_guessed_from_the_name() -> None:
    assert METRICS.improvement("iamd.detect_to_engage_s", -40.0, -10.0) is True
    assert METRICS.improvement("hadr.need_met_pct", -4.0, -1.0) is False
    assert METRICS.improvement("iamd.leak_probability", -0.02, 0.01) is None  # the interval holds 0
    assert METRICS.improvement("iamd.shots", 2.0, 5.0) is None  # neither way is better
