"""What the assessment writes for people reads as English: counts agree with their nouns, measures go by
their titles (issue 13, point 2)."""

from __future__ import annotations

from jointex import assess, load_exercise
from jointex.assess.report import build_report
from jointex.security.release import release_exercise
from tests.conftest import EXAMPLES


def test_the_report_summary_counts_in_the_singular_where_there_is_one() -> None:
    loaded = load_exercise(EXAMPLES[0])
    release = release_exercise(loaded.exercise, None)
    assessment = assess(release.exercise, loaded.catalogue)
    assert len(assessment.interop.single_points_of_failure) == 1  # BALTIC SHIELD: EST-AD
    text = " ".join(build_report(assessment, release).summary)
    assert "1 single point of failure in the communications network" in text
    assert "1 single points" not in text
    assert f"holds {len(assessment.plan)} corrective actions" in text
    assert " 1 nations" not in text and " 1 units" not in text and " 1 gaps" not in text


def test_evidence_and_plan_items_name_measures_by_title_not_id() -> None:
    loaded = load_exercise(EXAMPLES[0])
    assessment = assess(loaded.exercise, loaded.catalogue)
    described = [text for r in assessment.ratings for text in (*r.strengths, *r.improvements)]
    described += [p.action for p in assessment.plan if p.objective is not None]
    measured = [text for text in described if "; target " in text]
    assert measured, "the flagship's measures are described"
    assert not [text for text in measured if "interop." in text or "_pct" in text]
