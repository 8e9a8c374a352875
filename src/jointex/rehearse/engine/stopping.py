"""How long a run goes when the user does not say: each vignette kind declares its own rule.

A kind whose replications take microseconds (IAMD, in a Numba kernel) can afford many; one that plans
every day of a relief operation with PyVRP (about half a second a replication) cannot, and reports its
progress in small batches so that the bar moves and the time estimate is honest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called by the runner as it starts (``done`` 0) and after each batch;
``total`` is the most it will run."""


@dataclass(frozen=True)
class StoppingRule:
    """Up to ``cap`` replications, in batches of ``batch_size``; stop after the first batch, once
    ``minimum`` are done, where every headline metric's 95% interval half-width is below ``half_width``
    (never, when it is None)."""

    cap: int
    half_width: float | None
    minimum: int = 100
    batch_size: int = 256

    def __post_init__(self) -> None:
        if self.cap < 1 or self.minimum < 1 or self.batch_size < 1:
            raise ValueError("expected cap, minimum and batch_size >= 1")
        if self.half_width is not None and self.half_width <= 0:
            raise ValueError(f"expected half_width > 0, got {self.half_width}")

    def describe(self, headline: tuple[str, ...]) -> str:
        """The rule as `--help` and the docs state it."""
        if self.half_width is None:
            return f"{self.cap:,} replications"
        return (
            f"up to {self.cap:,} replications, stopping (after at least {self.minimum:,}) once the 95% "
            f"interval of {', '.join(headline)} is narrower than +-{self.half_width:g}"
        )
