"""The kernel against its SimPy peer (tests/rehearse/mascal/simpy_peer.py): the same chain written as
processes and objects with Python's own random numbers agrees in distribution."""

from __future__ import annotations

import math

from jointex.rehearse.engine import run_replications
from jointex.rehearse.vignettes.mascal import MascalVignette
from jointex.rehearse.vignettes.mascal.compile import variants
from tests.rehearse.mascal.scenes import chain, compiled, finite
from tests.rehearse.mascal.simpy_peer import run_peer


def test_the_kernel_and_its_simpy_peer_agree() -> None:
    scene = compiled(chain(60)).scene
    plan = MascalVignette(scene, variants(scene, what_ifs=False)[0], ())
    kernel = run_replications(plan, 1_500, seed=11).columns
    peer = run_peer(scene, 300, seed=12)
    for metric, values in peer.items():
        k, p = finite(kernel[metric]), finite(values)
        error = math.hypot(k.std(ddof=1) / math.sqrt(len(k)), p.std(ddof=1) / math.sqrt(len(p)))
        assert abs(k.mean() - p.mean()) <= 4 * error, (metric, k.mean(), p.mean())
