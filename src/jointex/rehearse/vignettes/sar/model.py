"""The search and rescue vignette as a plug-in: how jointex compiles, sums up and draws a search.

Two modes on common random numbers: the ``optimal`` allocation of the search effort on the probability
map (Koopman and Stone) and ``uniform`` coverage of the search area. The detail is the probability of
success by hour, each nation's effort and the value of its units, and both allocations' plans; the
report shows the probability of success by hour and the map of the search.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from jointex.model import Label
from jointex.model.sar import ALLOCATIONS
from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.engine import RunTable
from jointex.rehearse.vignettes.plugin import CompiledVignette, Figure, Rehearsed, Setting, VignetteModel
from jointex.rehearse.vignettes.sar.compile import SarVignette
from jointex.rehearse.vignettes.sar.detail import SarDetail, sar_detail
from jointex.rehearse.vignettes.sar.plan import OPTIMAL, plan_search
from jointex.rehearse.vignettes.sar.scene import compile_scene

if TYPE_CHECKING:
    from jointex.render.maps.document import MapDocument
    from jointex.render.maps.style import Layout

IN_DETAIL = ("sar.pos_h", "sar.effort_share_pct.", "sar.effort_nm2.")
"""Metrics the detail tables show (by hour, by nation) rather than the table of estimates."""


class SarModel(VignetteModel):
    """Search and rescue at sea: a multinational search for survivors on a drifting probability map
    (docs/sar.md)."""

    kind = VignetteKind.SAR
    title = "search and rescue"
    modes_note = (
        "Both allocations drew the same drift cases and survival times (common random numbers); a "
        "difference whose interval excludes 0 is what planning the effort on the probability map gains "
        "over spreading it evenly."
    )

    def compile(self, setting: Setting, mode: str) -> SarVignette:
        """The search planned in allocation ``mode`` (with every unit and without each nation's), ready
        for replications. Raises `InputError` for a search unit whose base cannot be placed."""
        if mode not in self.modes:
            raise ValueError(f"a SAR vignette runs in one of the modes {self.modes}, not {mode!r}")
        return SarVignette(compile_scene(setting.exercise, setting.vignette), mode)

    def detail(
        self, setting: Setting, compiled: CompiledVignette, runs: Mapping[str, RunTable], seed: int
    ) -> SarDetail:
        """Probability of success by hour, nations' effort and value, and both allocations' plans (the
        allocation not run is planned here, for its expected share found)."""
        if not isinstance(compiled, SarVignette):
            raise TypeError(f"a SAR detail needs a compiled SAR vignette, not {type(compiled).__name__}")
        planned = {compiled.allocation: compiled.plan.planned_pod}
        for allocation in ALLOCATIONS:
            if allocation not in planned:
                planned[allocation] = plan_search(compiled.scene, allocation).planned_pod
        return sar_detail(compiled, runs, planned)

    def estimated(self, metric: str) -> bool:
        """The hour-by-hour and per-nation effort metrics live in the detail tables."""
        return not metric.startswith(IN_DETAIL)

    def map(
        self, setting: Setting, label: Label, layout: Layout | None = None, rehearsed: Rehearsed | None = None
    ) -> MapDocument:
        """The probability map, the last known position and drift, and the search areas and tracks of
        the plan (the rehearsal's first allocation, else the optimal one). Raises `MissingSystemLibrary`
        without the Cairo library that draws unit symbols."""
        from jointex.rehearse.vignettes.sar.sar_map import sar_map
        from jointex.render.maps import style

        allocation = next(iter(rehearsed.runs), OPTIMAL) if rehearsed is not None else OPTIMAL
        scene = compile_scene(setting.exercise, setting.vignette)
        plan = plan_search(scene, allocation if allocation in ALLOCATIONS else OPTIMAL)
        return sar_map(
            scene, plan, setting.exercise, setting.catalogue.platforms, label, layout or style.SHEET
        )

    def figures(self, rehearsed: Rehearsed, label: Label) -> Sequence[Figure]:
        """The probability of success by hour (the first allocation run), then the map of the search
        (left out, with a warning that says what to install, without the Cairo library)."""
        from jointex.render.charts import interval_line

        allocation, table = next(iter(rehearsed.runs.items()))
        summary = table.summary()
        hours = sorted(int(m.removeprefix("sar.pos_h")) for m in summary if m.startswith("sar.pos_h"))
        title = "Probability of success by hour"
        target = rehearsed.targets.get("sar.pos")
        chart = interval_line(
            f"{title} ({allocation} allocation; mean, 95% CI)",
            [str(h) for h in hours],
            [
                (
                    summary[f"sar.pos_h{h}"].mean,
                    summary[f"sar.pos_h{h}"].ci_low,
                    summary[f"sar.pos_h{h}"].ci_high,
                )
                for h in hours
            ],
            "probability of success",
            float(target) if target is not None else None,
        )
        return [
            Figure(
                title,
                f'<img src="{chart}" alt="{title}">',
                "Found with someone alive by the end of each hour of the search, with its 95% confidence "
                "band"
                + (
                    "; the line is the objective's target for the whole search."
                    if target is not None
                    else "."
                ),
            ),
            self._map_figure(rehearsed, label),
        ]

    def _map_figure(self, rehearsed: Rehearsed, label: Label) -> Figure:
        from jointex.errors import MissingSystemLibrary
        from jointex.render.maps import style
        from jointex.render.maps.symbols import map_left_out

        title = "Map of the search"
        try:
            return Figure(
                title, self.map(rehearsed.setting, label, style.REPORT_TALL, rehearsed).svg_element()
            )
        except MissingSystemLibrary as missing:
            return Figure(title, "", warnings=map_left_out(missing))


VIGNETTE = SarModel()
