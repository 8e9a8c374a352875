"""The executive summary names the most important gaps and corrective actions, chosen by the builder."""

from __future__ import annotations

from dataclasses import replace

from jointex.assess.report import KEY_ITEMS, build_report, key_actions
from jointex.service.exercises import load_exercise
from jointex.service.report import AssessedVersion, assess_version, observations_for
from tests.conftest import REPO

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"


def _assessed() -> AssessedVersion:
    """The coalition version assessed as `jointex report` does, with the evaluators' observations."""
    loaded = load_exercise(FLAGSHIP)
    return assess_version(loaded, observations=observations_for(loaded))


def test_key_actions_go_to_the_worst_rated_objectives_first_one_each_and_none_done() -> None:
    version = _assessed()
    assessment = version.assessment
    plan, ratings = assessment.plan, assessment.ratings
    hseep = {r.objective.id: r.hseep.value for r in ratings if r.hseep}
    chosen = [plan[i] for i in key_actions(plan, ratings)]
    assert len(chosen) == KEY_ITEMS
    # OBJ-AAR-1 is rated U: the evaluators' own action on it comes first, not the proposed one
    assert hseep["OBJ-AAR-1"] == "U"
    assert chosen[0].objective == "OBJ-AAR-1" and not chosen[0].proposed
    assert [hseep[c.objective] for c in chosen if c.objective] == ["U", "M", "M"]
    assert len({c.objective for c in chosen}) == KEY_ITEMS, "one action per objective"
    # an action already done is not among the most important
    done = [replace(p, status="done") if p is chosen[0] else p for p in plan]
    after = [done[i] for i in key_actions(done, ratings)]
    assert chosen[0].action not in {a.action for a in after}
    assert any(a.objective == "OBJ-AAR-1" and a.proposed for a in after), "the objective's other action"


def test_the_report_names_the_gaps_blocking_the_most_vignette_pairs() -> None:
    version = _assessed()
    report = build_report(version.assessment, version.release, version.evidence)
    blocked = [g.critical_pairs for g in version.assessment.interop.gaps]
    named = [entry.item.critical_pairs for entry in report.key_gaps]
    assert named == sorted(blocked, reverse=True)[:KEY_ITEMS]
    assert [entry.item for entry in report.key_actions] == [
        version.assessment.plan[i] for i in key_actions(version.assessment.plan, version.assessment.ratings)
    ]
