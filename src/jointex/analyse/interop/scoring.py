"""Scores per nation pair and their mapping to NATO interoperability degrees and LISI levels.

Score: for each domain, the share of applicable unit pairs that work (a bridged pair counts half); a
nation pair's overall score is the mean over the domains that apply to it.

Degrees follow what the pair can exchange, using the best state any of their unit pairs reaches:

| NATO degree | LISI level | the pair has |
|---|---|---|
| 0 none | 0 isolated | neither secure voice nor a data link |
| 1 unstructured data exchange | 1 connected | secure voice (direct or bridged) |
| 2 structured data exchange | 2 functional | a data link (direct or through a gateway) |
| 3 seamless sharing of data | 3 domain | a data link and a common C2 system |
| 4 seamless sharing of information | 4 enterprise | degree 3, the required standards, a shared language |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from jointex.analyse.interop.domain import DomainResult
from jointex.analyse.interop.states import State
from jointex.model import InteropDomain

NATO_DEGREES = (
    "none",
    "unstructured data exchange",
    "structured data exchange",
    "seamless sharing of data",
    "seamless sharing of information",
)
LISI_LEVELS = ("isolated", "connected", "functional", "domain", "enterprise")


@dataclass(frozen=True)
class PairScore:
    nations: tuple[str, str]
    score: float
    nato_degree: int
    lisi_level: int
    weakest_domain: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "nations": list(self.nations),
            "score": None if np.isnan(self.score) else round(self.score, 3),
            "nato_degree": self.nato_degree,
            "nato_degree_name": NATO_DEGREES[self.nato_degree],
            "lisi_level": self.lisi_level,
            "lisi_level_name": LISI_LEVELS[self.lisi_level],
            "weakest_domain": self.weakest_domain,
        }


def degree(best: Mapping[InteropDomain, int]) -> int:
    """NATO degree (0-4) of a pair from the best state it reaches in each domain."""

    def works(domain: InteropDomain, absent_ok: bool = False) -> bool:
        state = best.get(domain, State.NOT_APPLICABLE)
        return state >= State.BRIDGED or (absent_ok and state == State.NOT_APPLICABLE)

    if works(InteropDomain.DATA_LINK):
        if works(InteropDomain.C2):
            if works(InteropDomain.PROCEDURAL, absent_ok=True) and works(InteropDomain.HUMAN, absent_ok=True):
                return 4
            return 3
        return 2
    return 1 if works(InteropDomain.VOICE) else 0


def pair_scores(domains: Mapping[InteropDomain, DomainResult], nations: tuple[str, ...]) -> list[PairScore]:
    """One score per unordered pair of distinct nations."""
    scores: dict[InteropDomain, NDArray[np.float64]] = {d: r.score for d, r in domains.items()}
    states = {d: r.state for d, r in domains.items()}
    result = []
    for a in range(len(nations)):
        for b in range(a + 1, len(nations)):
            per_domain = {
                d: float(np.nanmean([s[a, b], s[b, a]]))
                if not (np.isnan(s[a, b]) and np.isnan(s[b, a]))
                else float("nan")
                for d, s in scores.items()
            }
            applicable = {d: v for d, v in per_domain.items() if not np.isnan(v)}
            overall = float(np.mean(list(applicable.values()))) if applicable else float("nan")
            weakest = min(applicable, key=lambda d: applicable[d]).value if applicable else None
            best = {d: max(int(s[a, b]), int(s[b, a])) for d, s in states.items()}
            level = degree(best)
            result.append(PairScore((nations[a], nations[b]), overall, level, level, weakest))
    return result
