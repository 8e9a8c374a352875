"""The batched runner: replications in batches, an optional stop when the intervals are narrow enough."""

from __future__ import annotations

import numpy as np

from jointex.model.metrics import METRICS
from jointex.rehearse.engine.protocol import CompiledVignette
from jointex.rehearse.engine.results import Estimate, RunTable
from jointex.rehearse.engine.stopping import Progress
from jointex.rehearse.engine.streams import replication_keys


def run_replications(
    vignette: CompiledVignette,
    replications: int,
    seed: int,
    batch_size: int = 256,
    target_half_width: float | None = None,
    minimum: int = 100,
    progress: Progress | None = None,
) -> RunTable:
    """Run up to ``replications`` replications in batches of ``batch_size``.

    Replication i always draws from the stream of (seed, i), so the table is identical whatever the batch
    size. With ``target_half_width``, the run stops after the first batch (once ``minimum`` replications
    are done) where every headline metric's 95% interval is narrower than that on each side; the
    replications run are then the first n, exactly as a fixed run of n would give them. ``progress`` is
    called with (done, replications) before the first batch and after each.
    """
    if replications < 1 or batch_size < 1:
        raise ValueError("expected replications >= 1 and batch_size >= 1")
    parts: dict[str, list[np.ndarray]] = {m: [] for m in vignette.metrics}
    domains = {m: METRICS.domain(m) for m in vignette.headline}
    done = 0
    if progress is not None:
        progress(0, replications)
    while done < replications:
        count = min(batch_size, replications - done)
        columns = vignette.run(replication_keys(seed, done, count))
        for metric in vignette.metrics:
            parts[metric].append(np.asarray(columns[metric], dtype=np.float64))
        done += count
        if progress is not None:
            progress(done, replications)
        if (
            target_half_width is not None
            and done >= minimum
            and all(
                Estimate.of(np.concatenate(parts[m]), domains[m]).half_width < target_half_width
                for m in vignette.headline
            )
        ):
            break
    return RunTable({m: np.concatenate(chunks) for m, chunks in parts.items()}, seed)
