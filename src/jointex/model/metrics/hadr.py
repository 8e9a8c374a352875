"""The metrics a relief (HADR) rehearsal produces, per replication (``rehearse/vignettes/hadr``)."""

from __future__ import annotations

from jointex.model.metrics.spec import COUNT, NON_NEGATIVE, PERCENT, PROPORTION, MetricSpec

SOURCE = "HADR (relief) vignette"

_OVERALL = (
    MetricSpec(
        "hadr.need_met_pct",
        "%",
        PERCENT,
        False,
        "share of the need met over the run, need-weighted",
        SOURCE,
        title="Need met",
    ),
    MetricSpec(
        "hadr.deprivation_person_days",
        "person-days",
        NON_NEGATIVE,
        True,
        "sum over days and sites of people x unmet share",
        SOURCE,
        title="Deprivation",
    ),
    MetricSpec(
        "hadr.max_time_to_first_delivery_h",
        "h",
        NON_NEGATIVE,
        True,
        "longest wait for a first delivery (never: the end of the run)",
        SOURCE,
        title="Longest wait for a first delivery",
    ),
    MetricSpec(
        "hadr.mean_time_to_first_delivery_h",
        "h",
        NON_NEGATIVE,
        True,
        "mean wait for a first delivery over sites",
        SOURCE,
        title="Mean wait for a first delivery",
    ),
    MetricSpec(
        "hadr.sites_never_reached",
        "sites",
        COUNT,
        True,
        "sites with no delivery at all",
        SOURCE,
        title="Sites never reached",
    ),
    MetricSpec(
        "hadr.gini_coverage",
        "Gini coefficient",
        PROPORTION,
        True,
        "inequality of the sites' shares of need met (0: all equal)",
        SOURCE,
        title="Inequality of coverage (Gini)",
    ),
    MetricSpec(
        "hadr.delivered_t", "t", NON_NEGATIVE, False, "tonnes delivered", SOURCE, title="Tonnes delivered"
    ),
    MetricSpec(
        "hadr.tonne_km", "tonne-km", NON_NEGATIVE, None, "tonne-km carried", SOURCE, title="Tonne-km carried"
    ),
    MetricSpec("hadr.sorties", "trips", COUNT, None, "trips flown or driven", SOURCE, title="Trips"),
    MetricSpec("hadr.cost_usd", "USD", NON_NEGATIVE, True, "operating cost", SOURCE, title="Operating cost"),
)

HADR_METRICS: tuple[MetricSpec, ...] = (
    *_OVERALL,
    MetricSpec(
        "hadr.need_met_day<day>_pct",
        "%",
        PERCENT,
        False,
        "share of day d's need met, need-weighted",
        SOURCE,
        title="Need met on day <day>",
    ),
    MetricSpec(
        "hadr.need_met_pct.<site>",
        "%",
        PERCENT,
        False,
        "a site's share of need met",
        SOURCE,
        title="Need met at <site>",
    ),
    MetricSpec(
        "hadr.time_to_first_delivery_h.<site>",
        "h",
        NON_NEGATIVE,
        True,
        "hours to a site's first delivery (never: the end of the run)",
        SOURCE,
        title="Wait for a first delivery at <site>",
    ),
    MetricSpec(
        "hadr.delivered_t.<nation>",
        "t",
        NON_NEGATIVE,
        None,
        "tonnes this nation delivered",
        SOURCE,
        title="Tonnes delivered by <nation>",
    ),
    MetricSpec(
        "hadr.delivery_share_pct.<nation>",
        "%",
        PERCENT,
        None,
        "this nation's share of the tonnes delivered",
        SOURCE,
        title="Share of tonnes delivered by <nation>",
    ),
    MetricSpec(
        "hadr.tonne_km.<nation>",
        "tonne-km",
        NON_NEGATIVE,
        None,
        "tonne-km this nation carried",
        SOURCE,
        title="Tonne-km carried by <nation>",
    ),
    MetricSpec(
        "hadr.sorties.<nation>",
        "trips",
        COUNT,
        None,
        "trips this nation flew or drove",
        SOURCE,
        title="Trips by <nation>",
    ),
    MetricSpec(
        "hadr.cost_usd.<nation>",
        "USD",
        NON_NEGATIVE,
        None,
        "this nation's operating cost",
        SOURCE,
        title="Operating cost of <nation>",
    ),
)
"""In the order a run reports them (each nation's figures grouped by what they count)."""
