"""The result of a simulation run, as `jointex simulate --runs` writes it and `jointex report` reads it.

A run file (format ``jointex-run/2``) records what produced it: the exercise version (its digest, of all
of it, before anything is withheld) and the vignette it rehearsed (id, kind, digest), the reader whose
version was rehearsed (None for the coalition version), the mode its kind ran in (IAMD: the C2 mode),
seed, replications and the jointex version. The report refuses a run file that does not match the
exercise it assesses (`jointex.assess.run_checks`). Files of the first format (``jointex-run/1``) carried
none of this and are refused: rehearse again.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import Field, StringConstraints, model_validator

from jointex.model.base import Frozen, Identifier, NationCode, ShortText
from jointex.model.digests import DIGEST_PATTERN
from jointex.model.labels import Label
from jointex.model.vignette import VignetteKind

RUN_FORMAT: Final = "jointex-run/2"
OLDER_FORMATS = ("jointex-run/1",)

Digest = Annotated[str, StringConstraints(pattern=DIGEST_PATTERN)]
"""``sha256:`` and 64 lower-case hexadecimal digits (`jointex.model.digests`)."""

FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]


class MetricEstimate(Frozen):
    mean: FiniteFloat
    ci_low: FiniteFloat | None = None
    ci_high: FiniteFloat | None = None

    @model_validator(mode="after")
    def _interval_around_mean(self) -> MetricEstimate:
        if (self.ci_low is None) != (self.ci_high is None):
            raise ValueError("give ci_low and ci_high together")
        if (
            self.ci_low is not None
            and self.ci_high is not None
            and not self.ci_low <= self.mean <= self.ci_high
        ):
            raise ValueError("expected ci_low <= mean <= ci_high")
        return self


class RunResult(Frozen):
    """Headline metrics of one vignette's Monte Carlo run (means with 95% confidence intervals), and what
    produced them."""

    format: Literal["jointex-run/2"] = RUN_FORMAT
    exercise: Identifier
    exercise_digest: Digest = Field(description="Digest of the exercise version rehearsed, all of it.")
    vignette: Identifier
    vignette_kind: VignetteKind
    vignette_digest: Digest
    reader: NationCode | None = Field(
        default=None, description="The nation whose version was rehearsed; None for the coalition version."
    )
    mode: ShortText = Field(
        default="run",
        description="The mode rehearsed, as its kind names it (IAMD: integrated, national or both); "
        "``run`` for a kind without modes.",
    )
    replications: int = Field(ge=1)
    seed: int = Field(ge=0)
    jointex_version: ShortText
    label: Label | None = None
    metrics: dict[ShortText, MetricEstimate]

    @model_validator(mode="before")
    @classmethod
    def _current_format(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        written = data.get("format")
        if written in OLDER_FORMATS or (written is None and "exercise_digest" not in data):
            raise ValueError(
                f"a {written or 'jointex-run/1'} run file, made by an older jointex, does not say which "
                f"exercise version it rehearsed; run `jointex simulate --runs` again ({RUN_FORMAT})"
            )
        return data
