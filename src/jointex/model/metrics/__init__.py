"""The one registry of metrics: every metric id an analysis, a vignette or evaluators produce.

Each source declares its metrics here (name or name pattern, unit, domain, which way is better,
description), as Datasette keeps its settings in one place; validation (objectives' measures), statistics
(confidence intervals inside the domain) and rendering (which differences are improvements) all read it.
The declarations are pure data, so they live in the model, beside the vignette kinds' parameter models;
each kind's metrics come from its declaration (`jointex.model.kinds`).
"""

from typing import TYPE_CHECKING

from jointex.model.metrics.hadr import HADR_METRICS as HADR_METRICS
from jointex.model.metrics.iamd import IAMD_METRICS as IAMD_METRICS
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

if TYPE_CHECKING:
    from jointex.model.vignette_kind import VignetteKind

    METRICS: MetricRegistry
    """Every metric jointex knows. An objective's measure must name one of them (`jointex validate`)."""

    VIGNETTE_METRICS: dict[VignetteKind, tuple[MetricSpec, ...]]
    """The metrics a rehearsal of each declared kind produces, hence all that its run file may carry."""


def __getattr__(name: str) -> object:
    """``METRICS`` and ``VIGNETTE_METRICS``, built on first use from the kinds' declarations
    (`jointex.model.kinds`), whose model files import this package's metric modules: built at import,
    they would make an import cycle."""
    if name not in ("METRICS", "VIGNETTE_METRICS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from jointex.model.kinds import DECLARATIONS

    kinds = {kind: declaration.run_file_metrics() for kind, declaration in DECLARATIONS.items()}
    vignette_metrics = [spec for metrics in kinds.values() for spec in metrics]
    globals()["VIGNETTE_METRICS"] = kinds
    globals()["METRICS"] = MetricRegistry((*INTEROP_METRICS, *vignette_metrics, *OBSERVED_METRICS))
    return globals()[name]
