"""The metrics evaluators measure and record in observations (``metric`` and ``value``).

Observers' own measures go under ``observer.<name>``; the suffix says the domain, as units in names do
(``_rating`` is a judgement on the 1-4 scale, ``_pct`` a percentage, ``_h``/``_min``/``_s`` a duration,
``_count`` a count). Drills jointex cannot simulate yet are measured by evaluators under their kind's
name.
"""

from __future__ import annotations

from jointex.model.metrics.spec import COUNT, NON_NEGATIVE, PERCENT, UNBOUNDED, MetricSpec, rating

SOURCE = "evaluator observations"

RATING_SCALE = rating(1, 4)
"""Observers' ratings: 1 (poor) to 4 (excellent)."""

OBSERVED_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec(
        "observer.<name>_rating",
        "rating 1-4",
        RATING_SCALE,
        False,
        "an evaluator's rating, 1 to 4",
        SOURCE,
        title="<name> (evaluators' rating)",
    ),
    MetricSpec(
        "observer.<name>_pct", "%", PERCENT, None, "a share measured by evaluators", SOURCE, title="<name>"
    ),
    MetricSpec(
        "observer.<name>_count", "count", COUNT, None, "a count taken by evaluators", SOURCE, title="<name>"
    ),
    *(
        MetricSpec(
            f"observer.<name>_{unit}",
            unit,
            NON_NEGATIVE,
            None,
            "a duration timed by evaluators",
            SOURCE,
            title="<name>",
        )
        for unit in ("h", "min", "s")
    ),
    MetricSpec(
        "observer.<name>",
        "as recorded",
        UNBOUNDED,
        None,
        "any other value evaluators measure",
        SOURCE,
        title="<name>",
    ),
    MetricSpec(
        "comms.join_time_h",
        "h",
        NON_NEGATIVE,
        True,
        "hours for a mission network participant to join (FMN joining)",
        SOURCE,
        title="Time to join the mission network",
    ),
    MetricSpec(
        "cyber.time_to_detect_min",
        "min",
        NON_NEGATIVE,
        True,
        "minutes from attack to detection",
        SOURCE,
        title="Time to detect a cyber attack",
    ),
    MetricSpec(
        "cyber.time_to_contain_min",
        "min",
        NON_NEGATIVE,
        True,
        "minutes from attack to containment",
        SOURCE,
        title="Time to contain a cyber attack",
    ),
)
