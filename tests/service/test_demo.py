"""`jointex demo` without its rehearsals: each version of the flagship is analysed for interoperability
once, and that one analysis feeds both of its reports and its assessment."""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest

from jointex.analyse.interop import InteropResult
from jointex.model.assessment import Observations
from jointex.service import demo, interop
from jointex.service.exercises import load_exercise


def test_each_version_is_analysed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    analysed: list[frozenset[str]] = []
    analyse = interop.analyse_interop

    def counted(exercise: Any, catalogue: Any) -> InteropResult:
        analysed.append(frozenset(u.id for u in exercise.units))
        return analyse(exercise, catalogue)

    def again(*args: Any) -> None:
        raise AssertionError("the assessment analysed interoperability again")

    monkeypatch.setattr(interop, "analyse_interop", counted)
    monkeypatch.setattr(import_module("jointex.assess.assessment"), "analyse_interop", again)
    loaded = load_exercise(demo.flagship_exercise_file())
    coalition = interop.interop_for_exercise(loaded)
    report, _ = demo.after_action_documents(loaded, Observations(), interop=coalition)
    assert report.assessment.interop is coalition.result
    documents, _ = demo._per_nation(loaded, demo._Evidence(Observations(), ()))
    assert len(analysed) == 1 + len(loaded.exercise.nations)
    assert len(set(analysed)) > 1, "the versions differ: POL's lacks the British battle group"
    assert [d.name for d in documents[:2]] == [
        "per-nation/DEU/BS27-after-action-report-for-DEU.html",
        "per-nation/DEU/interop-for-DEU.html",
    ]
