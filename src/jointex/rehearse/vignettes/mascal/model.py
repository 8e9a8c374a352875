"""The MASCAL vignette as a plug-in: how jointex compiles, sums up and draws a mass casualty rehearsal.
One way of running (no modes); the what-ifs (one more surgical team, one more vehicle) run inside every
replication on its random numbers. The detail is each facility's queue, waiting and utilisation, the
evacuation legs, each nation's load, the bottleneck and the what-ifs; the report shows the evacuation
chain as a flow diagram and the map of facilities and routes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from jointex.model import Label
from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.engine import RunTable
from jointex.rehearse.vignettes.mascal.compile import caveats, compile_scene, variants
from jointex.rehearse.vignettes.mascal.compiled import MascalVignette
from jointex.rehearse.vignettes.mascal.detail import MascalDetail, build_detail
from jointex.rehearse.vignettes.plugin import (
    SINGLE_RUN,
    CompiledVignette,
    Figure,
    Rehearsed,
    Setting,
    VignetteModel,
)

if TYPE_CHECKING:
    from jointex.render.maps.document import MapDocument
    from jointex.render.maps.style import Layout

_ESTIMATED = (
    ".mean_queue.",
    ".max_queue.",
    ".mean_wait_min.",
    ".utilisation_pct.",
    ".evacuation_wait_min.",
    ".vehicle_utilisation_pct.",
    ".admitted.",
    ".evacuated.",
    ".gain_pp.",
    ".deaths_averted.",
)
"""Metrics of one facility, place, asset, nation or what-if: in the detail's tables, not the estimates."""


class MascalModel(VignetteModel):
    """Mass casualties through the medical chain: point of injury, Role 1, 2 and 3, with the evacuation
    between them, against the 10-1-2 timeline (docs/mascal.md)."""

    kind = VignetteKind.MASCAL
    title = "mass casualty"

    def compile(self, setting: Setting, mode: str) -> MascalVignette:
        """The incidents, facilities and evacuation assets as the kernel's arrays, with a variant for one
        more surgical team at each facility that operates and one more vehicle of each asset. Raises
        `InputError` for a facility or base without a position, a unit the exercise does not hold, an
        incident that goes on past the vignette's end, or no facility that operates."""
        if mode != SINGLE_RUN:
            raise ValueError(
                f"a mass casualty vignette has one way of running ({SINGLE_RUN!r}), not {mode!r}"
            )
        scene = compile_scene(setting.exercise, setting.vignette)
        arrays, what_ifs = variants(scene)
        return MascalVignette(scene, arrays, what_ifs, caveats(scene))

    def detail(
        self, setting: Setting, compiled: CompiledVignette, runs: Mapping[str, RunTable], seed: int
    ) -> MascalDetail:
        """Facilities, evacuation, nations and what-ifs from the run's estimates; legs and the bottleneck
        from its first replications run again as planned."""
        if not isinstance(compiled, MascalVignette):
            raise TypeError(
                f"a mass casualty detail needs a compiled MASCAL vignette, not {type(compiled).__name__}"
            )
        table = runs[SINGLE_RUN]
        return build_detail(compiled, table.summary(), table.replications, seed)

    def estimated(self, metric: str) -> bool:
        """The chain's headline metrics; those of one facility, place, asset, nation or what-if live in the
        detail's tables (``--json`` keeps them all)."""
        return not any(part in metric for part in _ESTIMATED)

    def map(
        self, setting: Setting, label: Label, layout: Layout | None = None, rehearsed: Rehearsed | None = None
    ) -> MapDocument:
        """Points of injury, facilities (their unit's symbol, or a red cross for a host-nation hospital),
        the assets' bases and every route they may take; after a rehearsal, the routes used, as wide as
        the casualties carried. Raises `MissingSystemLibrary` without the Cairo library that draws unit
        symbols."""
        from jointex.rehearse.vignettes.mascal.map import mascal_map
        from jointex.render.maps import style

        detail = self._detail_of(rehearsed) if rehearsed is not None else None
        scene = compile_scene(setting.exercise, setting.vignette)
        vignette = setting.vignette
        subtitle = (
            f"{vignette.id} (mass casualty) · {scene.casualties:,} casualties · points of injury, treatment "
            "facilities, evacuation bases and routes"
        )
        return mascal_map(
            scene,
            setting.exercise.units_by_id,
            setting.catalogue.platforms,
            vignette.name,
            subtitle,
            label,
            layout or style.SHEET,
            detail,
        )

    def figures(self, rehearsed: Rehearsed, label: Label) -> Sequence[Figure]:
        """The evacuation chain as a flow diagram with its waits, then the map (left out, with a warning
        that says what to install, without the Cairo library)."""
        from jointex.errors import MissingSystemLibrary
        from jointex.rehearse.vignettes.mascal.flow import flow_svg
        from jointex.render.maps import style
        from jointex.render.maps.symbols import map_left_out

        detail = self._detail_of(rehearsed)
        chain = Figure(
            "Evacuation chain",
            flow_svg(detail),
            "Boxes: points of injury and facilities by role, with the mean waits and how busy each is "
            "(its surgical tables; a Role 1's treatment teams); arrows: casualties moved per replication; "
            "outlined in red: the bottleneck, where casualties spent the most time waiting.",
        )
        title = "Map of the medical chain"
        try:
            drawn = Figure(
                title, self.map(rehearsed.setting, label, style.REPORT_TALL, rehearsed).svg_element()
            )
        except MissingSystemLibrary as missing:
            drawn = Figure(title, "", warnings=map_left_out(missing))
        return (chain, drawn)

    def _detail_of(self, rehearsed: Rehearsed) -> MascalDetail:
        """The rehearsal's detail, or (when the caller kept none) the same detail made again."""
        if isinstance(rehearsed.detail, MascalDetail):
            return rehearsed.detail
        compiled = self.compile(rehearsed.setting, SINGLE_RUN)
        return self.detail(rehearsed.setting, compiled, rehearsed.runs, rehearsed.seed)
