"""What every vignette kind declares in the model layer: its name, its typed parameters and its metrics.

A kind's parameters are pure data, so their model lives here, in ``model/<kind>.py``, beside the metrics a
rehearsal of that kind produces; `jointex.model.kinds` lists the declarations, one line per kind. An
exercise's vignette is validated against its kind's parameter model when the exercise is read (a union of
parameter models chosen by the vignette's ``kind``), so every layer above gets typed parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import ConfigDict

from jointex.model.base import Frozen
from jointex.model.metrics.spec import MetricSpec

FieldPath = tuple[str | int, ...]


class VignetteKind(StrEnum):
    IAMD = "iamd"
    HADR = "hadr"
    SAR = "sar"
    MASCAL = "mascal"
    COMMS = "comms"
    CYBER = "cyber"
    MOVEMENT = "movement"


class VignetteParameters(Frozen):
    """Base of each kind's parameters. A kind names the exercise's units its parameters refer to
    (`unit_references`), so that the exercise checks can find a unit that does not take part and the
    release policy can remove what a withheld unit brings (a sensor, a fire unit, a helicopter)."""

    def unit_references(self) -> list[tuple[FieldPath, str]]:
        """(field path, unit id) of every unit the parameters name; the path's first two steps are a
        list of the parameters and the index of the element that names the unit (``("sensors", 2,
        "unit")``): the element the release policy removes when the unit is withheld."""
        return []

    def place_names(self) -> dict[str, str]:
        """Names of the ids the kind's metric names hold (sites, assets), for titles people read."""
        return {}


class PlainParameters(VignetteParameters):
    """The parameters of a kind jointex cannot rehearse yet: any data, kept as the planner wrote it."""

    model_config = ConfigDict(extra="allow")


@dataclass(frozen=True)
class KindDeclaration:
    """A vignette kind as the model layer knows it."""

    kind: VignetteKind
    parameters: type[VignetteParameters]
    metrics: tuple[MetricSpec, ...]
    """Every metric a rehearsal of this kind produces (all that its run file may carry), in the order a
    run reports them."""
