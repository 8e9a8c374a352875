"""The metrics the interoperability analysis produces: exact values for the whole exercise."""

from __future__ import annotations

from jointex.model.interop import InteropDomain
from jointex.model.metrics.spec import COUNT, PERCENT, MetricSpec

SOURCE = "interoperability analysis"

INTEROP_METRIC_KEYS: dict[InteropDomain, str] = {
    InteropDomain.AAR: "aar",
    InteropDomain.FUEL: "fuel",
    InteropDomain.AMMUNITION: "ammunition",
    InteropDomain.DATA_LINK: "datalink",
    InteropDomain.VOICE: "voice",
    InteropDomain.C2: "c2",
    InteropDomain.GEOSPATIAL: "geospatial",
    InteropDomain.PROCEDURAL: "procedural",
    InteropDomain.HUMAN: "human",
}
"""The name of each domain in metric ids: ``interop.<key>.compatible_pairs_pct``."""

CONNECTED_DOMAINS = (InteropDomain.DATA_LINK, InteropDomain.VOICE, InteropDomain.C2)
"""The communications domains, also reported as ``interop.<key>.connected_pairs_pct``."""

INTEROP_METRICS: tuple[MetricSpec, ...] = (
    *(
        MetricSpec(
            f"interop.{key}.compatible_pairs_pct",
            "%",
            PERCENT,
            False,
            f"share of applicable unit pairs that work in {domain.value} (compatible or bridged)",
            SOURCE,
        )
        for domain, key in INTEROP_METRIC_KEYS.items()
    ),
    *(
        MetricSpec(
            f"interop.{INTEROP_METRIC_KEYS[domain]}.connected_pairs_pct",
            "%",
            PERCENT,
            False,
            f"share of applicable unit pairs that work in {domain.value} (as compatible_pairs_pct)",
            SOURCE,
        )
        for domain in CONNECTED_DOMAINS
    ),
    MetricSpec(
        "interop.comms.connected_pairs_pct",
        "%",
        PERCENT,
        False,
        "share of unit pairs with any radio or link that can reach each other, relays included",
        SOURCE,
    ),
    MetricSpec(
        "interop.overall_score_pct",
        "%",
        PERCENT,
        False,
        "applicable unit pairs that work, all domains",
        SOURCE,
    ),
    MetricSpec(
        "interop.single_points_of_failure",
        "points",
        COUNT,
        True,
        "single points of failure in the communications network",
        SOURCE,
    ),
    MetricSpec(
        "interop.blocked_vignette_pairs",
        "pairs",
        COUNT,
        True,
        "unit pairs of a vignette that a critical gap blocks",
        SOURCE,
    ),
)
