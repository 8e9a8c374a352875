"""What every vignette kind declares in the model layer: its name, its typed parameters and its metrics.

A kind's parameters are pure data, so their model lives here, in ``model/<kind>.py``, beside the metrics a
rehearsal of that kind produces; `jointex.model.kinds` lists the declarations, one line per kind. An
exercise's vignette is validated against its kind's parameter model when the exercise is read (a union of
parameter models chosen by the vignette's ``kind``), so every layer above gets typed parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
    """Every metric a rehearsal of this kind produces, in the order a run reports them."""
    modes: tuple[str, ...] = ()
    """The ways of running a vignette of this kind that a run compares on common random numbers (IAMD:
    ``integrated``, ``national``), the default first; none for a kind with one way of running."""
    mode_titles: Mapping[str, str] = field(default_factory=dict)
    """How a metric's title reads for a mode other than the first (``national pictures``)."""

    def run_file_metrics(self) -> tuple[MetricSpec, ...]:
        """All that a run file of this kind may carry: the metrics, then those of each mode after the
        first as ``--mode both`` writes them (``iamd.national.leakers``)."""
        return (*self.metrics, *(spec for mode in self.modes[1:] for spec in self.mode_metrics(mode)))

    def mode_metrics(self, mode: str) -> tuple[MetricSpec, ...]:
        """The metrics as a run of ``mode`` writes them beside the first mode's: ``<kind>.<mode>.<name>``."""
        shown = self.mode_titles.get(mode, f"{mode} mode")
        return tuple(
            replace(
                spec,
                name=spec.name.replace(f"{self.kind.value}.", f"{self.kind.value}.{mode}.", 1),
                description=f"{spec.description}, {shown} (run file of --mode both)",
                title=f"{spec.title}, {shown}",
            )
            for spec in self.metrics
        )
