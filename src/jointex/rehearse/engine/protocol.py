"""What a vignette model gives the engine: a compiled vignette that runs a batch of replications.

A vignette kind compiles the exercise into structure-of-arrays state once (geometry, units, parameters)
and then runs any batch of replications from their keys, returning one column per metric with one value
per replication. New drills are new packages under `rehearse/vignettes/`, not edits of the engine.

A kind also declares its metrics (unit, domain, which way is better) in the registry of metrics,
`jointex.model.metrics`, and names them from there (its compiled vignette's ``declared``), and says how
long a run goes by default (its ``stopping``, a `StoppingRule`).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
from numpy.typing import NDArray


class CompiledVignette(Protocol):
    @property
    def metrics(self) -> tuple[str, ...]:
        """Every metric a run returns, as ``kind.name`` ids (e.g. ``iamd.leak_probability``)."""
        ...

    @property
    def headline(self) -> tuple[str, ...]:
        """The metrics whose confidence intervals the stopping rule watches."""
        ...

    def run(self, keys: NDArray[np.uint64]) -> dict[str, NDArray[np.float64]]:
        """One value per replication (a row of ``keys``) for each metric."""
        ...
