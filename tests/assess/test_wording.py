"""What the assessment writes for people reads as English: counts agree with their nouns, measures go by
their titles (issue 13, point 2)."""

from __future__ import annotations

import json
from pathlib import Path

from jointex import assess, load_exercise
from jointex.assess.report import build_report
from jointex.render.report_html import render_report_html
from jointex.security.readers import reader_for
from jointex.security.release import release_exercise
from jointex.service.report import assess_version, observations_for
from jointex.service.runs import read_run_files
from tests.conftest import EXAMPLES, REPO
from tests.run_files import run_file

FLAGSHIP = REPO / "examples" / "baltic-shield" / "exercise.yaml"


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


def test_the_reports_evidence_names_the_defended_asset_and_json_keeps_the_id(tmp_path: Path) -> None:
    leakers = {"iamd.leakers.ELEKTRENAI": {"mean": 2.5, "ci_low": 2.0, "ci_high": 3.0}}
    runs = tmp_path / "runs"
    runs.mkdir()
    run = run_file(load_exercise(FLAGSHIP).exercise, "V-IAMD-RAID", leakers)
    (runs / "raid.json").write_text(json.dumps(run), encoding="utf-8")
    loaded = load_exercise(FLAGSHIP)
    version = assess_version(loaded, runs=read_run_files(runs), observations=observations_for(loaded))
    assessment = version.assessment
    (rating,) = [r for r in assessment.ratings if r.objective.id == "OBJ-CUAS-1"]
    assert rating.improvements[0].startswith("Leakers at Elektrenai power plant: 2.5 threats (95% CI")
    html = render_report_html(build_report(assessment, version.release, version.evidence))
    assert 'Leakers at Elektrenai power plant<br><code class="name">iamd.leakers.ELEKTRENAI</code>' in html
    assert "Leakers at ELEKTRENAI" not in html
    assert "iamd.leakers.ELEKTRENAI" in assessment.to_dict()["evidence"]  # --json: the metric's own name


def test_the_assessment_names_only_what_its_reader_may_see() -> None:
    restricted = "GBR-BATTLEGROUP"  # REL TO GBR, EST, USA
    loaded = load_exercise(FLAGSHIP)
    assert restricted not in assess_version(loaded).assessment.metric_labels
    gbr = reader_for(loaded.exercise, "GBR")
    assert restricted in assess_version(loaded, gbr).assessment.metric_labels
