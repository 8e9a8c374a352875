"""Random streams: replication i draws from a stream derived from (seed, i), read by counter.

Replication i's key is ``SeedSequence(seed).spawn(...)[i]``'s state (two 64-bit words, computed directly
as ``SeedSequence(seed, spawn_key=(i,))``). Its random numbers are a counter-based hash of that key, a
stream number (one per purpose: detection, kill...) and an index within the stream: the SplitMix64
finaliser, applied twice with both key words mixed in. Any number is computed without the ones before it,
so a result depends on (seed, replication, stream, index) alone, never on batch size, worker count or
order, and a vectorised kernel draws for thousands of replications in one array operation.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_STREAM_STRIDE = np.uint64(0xD1B54A32D192ED03)


def replication_keys(seed: int, first: int, count: int) -> NDArray[np.uint64]:
    """``[r, 0:2]``: the keys of replications ``first .. first + count - 1``."""
    keys = np.empty((count, 2), dtype=np.uint64)
    for row, replication in enumerate(range(first, first + count)):
        keys[row] = np.random.SeedSequence(seed, spawn_key=(replication,)).generate_state(2, dtype=np.uint64)
    return keys


def _mix(z: NDArray[np.uint64]) -> NDArray[np.uint64]:
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def uniforms(keys: NDArray[np.uint64], stream: int, count: int, start: int = 0) -> NDArray[np.float64]:
    """``[r, j]``: uniform [0, 1) number ``start + j`` of ``stream`` for replication r's key."""
    index = np.arange(start, start + count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        counter = keys[:, 0:1] + (index[None, :] + np.uint64(stream) * _STREAM_STRIDE) * _GOLDEN
        bits = _mix(_mix(counter) ^ keys[:, 1:2])
    return (bits >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)
