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

DOMAIN_TITLES: dict[InteropDomain, str] = {
    InteropDomain.AAR: "Air-to-air refuelling",
    InteropDomain.FUEL: "Fuel",
    InteropDomain.AMMUNITION: "Ammunition",
    InteropDomain.DATA_LINK: "Data links",
    InteropDomain.VOICE: "Voice",
    InteropDomain.C2: "Command and control",
    InteropDomain.GEOSPATIAL: "Geospatial",
    InteropDomain.PROCEDURAL: "Procedures",
    InteropDomain.HUMAN: "Language",
}
"""Each domain in the planners' words, for the metrics' titles."""


_PAIRS_OF: dict[InteropDomain, str] = {
    **DOMAIN_TITLES,
    InteropDomain.DATA_LINK: "Data-link",
    InteropDomain.PROCEDURAL: "Procedural",
}
"""Each domain as it qualifies the unit pairs a metric counts: ``Data-link pairs that work``."""


def domain_title(domain: InteropDomain | str) -> str:
    """A domain in the planners' words (``data-link`` -> ``Data links``); an unknown name as it is."""
    try:
        return DOMAIN_TITLES[InteropDomain(domain)]
    except ValueError:
        return str(domain)


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
            title=f"{_PAIRS_OF[domain]} pairs that work",
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
            title=f"{_PAIRS_OF[domain]} pairs connected",
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
        title="Unit pairs that can reach each other",
    ),
    MetricSpec(
        "interop.overall_score_pct",
        "%",
        PERCENT,
        False,
        "applicable unit pairs that work, all domains",
        SOURCE,
        title="Interoperability score",
    ),
    MetricSpec(
        "interop.single_points_of_failure",
        "points",
        COUNT,
        True,
        "single points of failure in the communications network",
        SOURCE,
        title="Single points of failure",
    ),
    MetricSpec(
        "interop.blocked_vignette_pairs",
        "pairs",
        COUNT,
        True,
        "unit pairs of a vignette that a critical gap blocks",
        SOURCE,
        title="Vignette pairs blocked by a critical gap",
    ),
)
