"""The metrics an IAMD / counter-drone rehearsal produces, per replication (``rehearse/vignettes/iamd``)."""

from __future__ import annotations

from jointex.model.metrics.spec import COUNT, NON_NEGATIVE, PROPORTION, MetricSpec

SOURCE = "IAMD vignette"

IAMD_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec(
        "iamd.leakers", "threats", COUNT, True, "threats that reached their target", SOURCE, title="Leakers"
    ),
    MetricSpec(
        "iamd.leak_probability",
        "probability",
        PROPORTION,
        True,
        "leakers / threats",
        SOURCE,
        title="Leak probability",
    ),
    MetricSpec(
        "iamd.leakers.<asset>",
        "threats",
        COUNT,
        True,
        "threats that reached this defended asset",
        SOURCE,
        title="Leakers at <asset>",
    ),
    MetricSpec("iamd.shots", "rounds", COUNT, None, "rounds fired", SOURCE, title="Rounds fired"),
    MetricSpec(
        "iamd.shots.<nation>",
        "rounds",
        COUNT,
        None,
        "rounds this nation fired",
        SOURCE,
        title="Rounds fired by <nation>",
    ),
    MetricSpec(
        "iamd.interceptor_cost_millions",
        "million in the vignette's currency",
        NON_NEGATIVE,
        True,
        "rounds x cost_per_shot, in millions of the vignette's currency (USD by default)",
        SOURCE,
        title="Interceptor cost",
    ),
    MetricSpec(
        "iamd.cost_exchange_ratio",
        "ratio",
        NON_NEGATIVE,
        True,
        "interceptor cost / cost of the threats launched",
        SOURCE,
        title="Cost-exchange ratio",
    ),
    MetricSpec(
        "iamd.double_engagements",
        "launches",
        COUNT,
        True,
        "launches at a threat another picture group was already engaging",
        SOURCE,
        title="Double engagements",
    ),
    MetricSpec(
        "iamd.detect_to_engage_s",
        "s",
        NON_NEGATIVE,
        True,
        "mean over engaged threats of first launch minus first detection",
        SOURCE,
        title="Detect-to-engage time",
    ),
    MetricSpec(
        "iamd.never_detected",
        "threats",
        COUNT,
        True,
        "threats no sensor ever detected",
        SOURCE,
        title="Threats never detected",
    ),
)
"""In the order a run reports them."""
