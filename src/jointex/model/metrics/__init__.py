"""The one registry of metrics: every metric id an analysis, a vignette or evaluators produce.

Each source declares its metrics here (name or name pattern, unit, domain, which way is better,
description), as Datasette keeps its settings in one place; validation (objectives' measures), statistics
(confidence intervals inside the domain) and rendering (which differences are improvements) all read it.
The declarations are pure data, so they live in the model, beside the vignette kinds' parameter models.
"""

from jointex.model.metrics.hadr import HADR_METRICS as HADR_METRICS
from jointex.model.metrics.iamd import IAMD_METRICS as IAMD_METRICS
from jointex.model.metrics.iamd import IAMD_NATIONAL_METRICS as IAMD_NATIONAL_METRICS
from jointex.model.metrics.interop import INTEROP_METRIC_KEYS as INTEROP_METRIC_KEYS
from jointex.model.metrics.interop import INTEROP_METRICS as INTEROP_METRICS
from jointex.model.metrics.observed import OBSERVED_METRICS as OBSERVED_METRICS
from jointex.model.metrics.spec import COUNT as COUNT
from jointex.model.metrics.spec import NON_NEGATIVE as NON_NEGATIVE
from jointex.model.metrics.spec import PERCENT as PERCENT
from jointex.model.metrics.spec import PROPORTION as PROPORTION
from jointex.model.metrics.spec import UNBOUNDED as UNBOUNDED
from jointex.model.metrics.spec import Domain as Domain
from jointex.model.metrics.spec import DomainKind as DomainKind
from jointex.model.metrics.spec import MetricRegistry as MetricRegistry
from jointex.model.metrics.spec import MetricSpec as MetricSpec
from jointex.model.metrics.spec import metric_names as metric_names
from jointex.model.metrics.spec import rating as rating
from jointex.model.vignette import VignetteKind

METRICS = MetricRegistry(
    (*INTEROP_METRICS, *IAMD_METRICS, *IAMD_NATIONAL_METRICS, *HADR_METRICS, *OBSERVED_METRICS)
)
"""Every metric jointex knows. An objective's measure must name one of them (`jointex validate`)."""

VIGNETTE_METRICS: dict[VignetteKind, tuple[MetricSpec, ...]] = {
    VignetteKind.IAMD: (*IAMD_METRICS, *IAMD_NATIONAL_METRICS),
    VignetteKind.HADR: HADR_METRICS,
}
"""The metrics a rehearsal of each kind produces, hence all that its run file may carry."""
