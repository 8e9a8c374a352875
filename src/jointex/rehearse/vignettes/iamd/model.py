"""The IAMD vignette as a plug-in: how jointex compiles, sums up and draws an integrated air and missile
defence rehearsal. Two modes on common random numbers (the integrated and the national air picture); the
detail is the costs in the vignette's currency; the report shows the vignette's map and leakers per
defended asset and rounds per nation, one bar per mode."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from textwrap import wrap
from typing import TYPE_CHECKING

from jointex.model import Label
from jointex.model.iamd import IamdParameters
from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.engine import RunTable
from jointex.rehearse.vignettes.iamd.compile import IamdVignette, Mode, compile_iamd
from jointex.rehearse.vignettes.iamd.detail import CostDetail
from jointex.rehearse.vignettes.iamd.links import link_latency
from jointex.rehearse.vignettes.plugin import CompiledVignette, Figure, Rehearsed, Setting, VignetteModel

if TYPE_CHECKING:
    from jointex.render.maps.document import MapDocument
    from jointex.render.maps.style import Layout

_CATEGORY_WIDTH = 16
"""Characters per line of a bar's name under a chart."""

_CHARTS = (  # metric prefix, title, axis, what a bar is
    ("iamd.leakers", "Leakers per defended asset", "threats", "defended asset"),
    ("iamd.shots", "Interceptors fired per nation", "rounds", "nation"),
)


class IamdModel(VignetteModel):
    """Integrated air and missile defence and counter-drone: a raid against a multinational defence,
    with and without a shared air picture (docs/rehearsal.md)."""

    kind = VignetteKind.IAMD
    title = "integrated air and missile defence"
    modes_note = (
        "Both modes drew the same random numbers (common random numbers); a difference whose interval "
        "excludes 0 is what the shared air picture changes."
    )

    def compile(self, setting: Setting, mode: str) -> IamdVignette:
        """The raid, sensors and fire units as the kernel's arrays, with tracks crossing between nations
        over the data links the interoperability analysis finds (``integrated``) or not at all
        (``national``). Raises `InputError` for a sensor or fire unit without a position, or a threat
        arriving after the vignette's end."""
        if mode not in self.modes:
            raise ValueError(f"an IAMD vignette runs in one of the modes {self.modes}, not {mode!r}")
        parameters = setting.vignette.parameters_as(IamdParameters)
        latency_s, nations = link_latency(setting.interop, setting.vignette, parameters.c2)
        return compile_iamd(setting.exercise, setting.vignette, latency_s, nations, Mode(mode))

    def detail(
        self, setting: Setting, compiled: CompiledVignette, runs: Mapping[str, RunTable], seed: int
    ) -> CostDetail:
        """The costs of each mode run, in the vignette's currency."""
        if not isinstance(compiled, IamdVignette):
            raise TypeError(f"an IAMD detail needs a compiled IAMD vignette, not {type(compiled).__name__}")
        summaries = {mode: table.summary() for mode, table in runs.items()}
        return CostDetail(
            currency=setting.vignette.parameters_as(IamdParameters).currency,
            threats_launched_millions=compiled.threat_cost_total / 1e6,
            interceptor_cost_millions={m: s["iamd.interceptor_cost_millions"] for m, s in summaries.items()},
            cost_exchange_ratio={m: s["iamd.cost_exchange_ratio"] for m, s in summaries.items()},
        )

    def map(
        self, setting: Setting, label: Label, layout: Layout | None = None, rehearsed: Rehearsed | None = None
    ) -> MapDocument:
        """Defended assets, sensors and fire units with their envelopes, and the raid's threat axes (the
        same before and after a rehearsal); sensors and fire units of units the version withholds are
        left out. Raises `MissingSystemLibrary` without the Cairo library that draws unit symbols."""
        from jointex.rehearse.vignettes.iamd.raid_map import iamd_map
        from jointex.render.maps import style

        platforms = setting.catalogue.platforms
        return iamd_map(setting.exercise, platforms, setting.vignette, label, layout or style.SHEET)

    def figures(self, rehearsed: Rehearsed, label: Label) -> Sequence[Figure]:
        """The vignette's map (left out, with a warning that says what to install, without the Cairo
        library), then leakers per defended asset and rounds fired per nation, one bar per mode run."""
        figures = [self._map_figure(rehearsed, label)]
        for prefix, title, axis, category in _CHARTS:
            chart = _interval_chart(rehearsed, prefix, f"{title} (mean, 95% CI)", axis)
            if chart is not None:
                figures.append(
                    Figure(
                        title,
                        f'<img src="{chart}" alt="{title}">',
                        f"One bar per {category} and mode run, with its 95% confidence interval.",
                    )
                )
        return figures

    def _map_figure(self, rehearsed: Rehearsed, label: Label) -> Figure:
        from jointex.errors import MissingSystemLibrary
        from jointex.render.maps import style
        from jointex.render.maps.symbols import map_left_out

        title = "Map of the vignette"
        try:
            return Figure(
                title, self.map(rehearsed.setting, label, style.REPORT_TALL, rehearsed).svg_element()
            )
        except MissingSystemLibrary as missing:
            return Figure(title, "", warnings=map_left_out(missing))


def _interval_chart(rehearsed: Rehearsed, prefix: str, title: str, axis: str) -> str | None:
    """Grouped bars of the metrics ``<prefix>.<id>`` (one group per id, named as people know it, one bar
    per mode run) as a PNG data URI; None when the run has none."""
    from jointex.render.charts import interval_bars

    summaries = {mode: table.summary() for mode, table in rehearsed.runs.items()}
    metrics = [m for m in next(iter(summaries.values())) if m.startswith(prefix + ".")]
    if not metrics:
        return None
    labels = rehearsed.metric_labels
    categories = [
        "\n".join(wrap(labels.get(id_, id_), _CATEGORY_WIDTH))
        for id_ in (m.removeprefix(prefix + ".") for m in metrics)
    ]
    series = {
        mode: [(summary[m].mean, summary[m].ci_low, summary[m].ci_high) for m in metrics]
        for mode, summary in summaries.items()
    }
    return interval_bars(title, categories, series, axis)


VIGNETTE = IamdModel()
