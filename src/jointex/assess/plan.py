"""The improvement plan: the evaluators' corrective actions, and those the assessment proposes.

Proposed actions close the gaps found: one per objective rated below standard (owned by the objective's
owners) and one per interoperability gap that blocks a vignette (owned by the nations that must act on
its remedy: the one lacking the standard, radio, key or tanker, or both sides of an agreement such as a
gateway or national supply). They are due 90 days after ENDEX, open, and marked as proposed so owners
confirm them.
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
    """One corrective action. ``owners`` are the nations that must act: one for an evaluator's action,
    one or more for a proposed one. ``units`` are those an action closing an interoperability gap names
    (its label is theirs too)."""

    action: str
    owners: tuple[str, ...]
    due: date
    status: str
    objective: str | None
    proposed: bool
    units: tuple[str, ...] = ()

    @property
    def owner(self) -> str:
        """The owners as a planner reads them: ``LTU, POL``."""
        return ", ".join(self.owners)

    def to_dict(self) -> dict[str, object]:
        return {
            "action": self.action,
            "owner": self.owner,
            "owners": list(self.owners),
            "due": self.due.isoformat(),
            "status": self.status,
            "objective": self.objective,
            "proposed": self.proposed,
            "units": list(self.units),
        }


def improvement_plan(
    exercise: Exercise,
    ratings: Sequence[ObjectiveRating],
    gaps: Sequence[Gap],
    actions: Sequence[CorrectiveAction],
) -> list[PlanItem]:
    due = exercise.end_date + DUE_AFTER_ENDEX
    items = [PlanItem(a.action, (a.owner,), a.due, a.status.value, a.objective, False) for a in actions]
    for rating in ratings:
        if rating.training in (Training.P, Training.U) and rating.improvements:
            items.append(
                PlanItem(
                    f"Improve {rating.objective.id} — {rating.improvements[0]}",
                    tuple(rating.objective.owners),
                    due,
                    "open",
                    rating.objective.id,
                    True,
                )
            )
    for gap in gaps:
        if gap.critical_pairs > 0:
            action = f"{gap.problem} — {gap.remedy}"
            items.append(PlanItem(action, gap.owners, due, "open", None, True, gap.units))
    return items
