"""The random streams of `streams.py` for Numba kernels: the same numbers, one at a time.

``uniform(k0, k1, stream, index)`` equals ``uniforms(keys, stream, 1, index)`` for the replication whose
key is ``(k0, k1)``; a test holds the two together.
"""

from __future__ import annotations

import numpy as np
from numba import njit

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_STREAM_STRIDE = np.uint64(0xD1B54A32D192ED03)
_S30 = np.uint64(30)
_S27 = np.uint64(27)
_S31 = np.uint64(31)
_S11 = np.uint64(11)


@njit(cache=True, inline="always")
def _mix(z: np.uint64) -> np.uint64:
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


@njit(cache=True)
def uniform(k0: np.uint64, k1: np.uint64, stream: int, index: int) -> float:
    """Uniform [0, 1) number ``index`` of ``stream`` for the replication keyed ``(k0, k1)``."""
    counter = k0 + (np.uint64(index) + np.uint64(stream) * _STREAM_STRIDE) * _GOLDEN
    bits = _mix(_mix(counter) ^ k1)
    return float(bits >> _S11) * (1.0 / 9007199254740992.0)
