"""The improvement plan: the evaluators' corrective actions, and those the assessment proposes.

Proposed actions close the gaps found: one per objective rated below standard (owned by its first owning
nation) and one per interoperability gap that blocks a vignette (owned by the first nation concerned).
They are due 90 days after ENDEX, open, and marked as proposed so owners confirm them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from jointex.analyse.interop.gaps import Gap
from jointex.assess.ratings import ObjectiveRating, Training
from jointex.model import Exercise
from jointex.model.assessment import CorrectiveAction

DUE_AFTER_ENDEX = timedelta(days=90)


@dataclass(frozen=True)
class PlanItem:
    action: str
    owner: str
    due: date
    status: str
    objective: str | None
    proposed: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "action": self.action,
            "owner": self.owner,
            "due": self.due.isoformat(),
            "status": self.status,
            "objective": self.objective,
            "proposed": self.proposed,
        }


def improvement_plan(
    exercise: Exercise,
    ratings: Sequence[ObjectiveRating],
    gaps: Sequence[Gap],
    actions: Sequence[CorrectiveAction],
) -> list[PlanItem]:
    due = exercise.end_date + DUE_AFTER_ENDEX
    items = [PlanItem(a.action, a.owner, a.due, a.status.value, a.objective, False) for a in actions]
    for rating in ratings:
        if rating.training in (Training.P, Training.U) and rating.improvements:
            items.append(
                PlanItem(
                    f"Improve {rating.objective.id}: {rating.improvements[0]}",
                    rating.objective.owners[0],
                    due,
                    "open",
                    rating.objective.id,
                    True,
                )
            )
    for gap in gaps:
        if gap.critical_pairs > 0:
            items.append(PlanItem(f"{gap.problem} — {gap.remedy}", gap.nations[0], due, "open", None, True))
    return items
