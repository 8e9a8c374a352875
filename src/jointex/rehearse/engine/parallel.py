"""Replications on worker processes, for vignettes whose replications run Python code.

A relief replication plans each day with PyVRP and Python around it; neither lets go of the interpreter
for long, so threads take turns on one core. Worker processes run replications side by side: the Pacific
relief example's 30 replications took 14 s on two threads and 7.7 s on two worker processes (2 cores).
Each replication depends only on its scene and key, so the results are the same as in one process, in any
order and for any number of workers.

One pool serves the whole program: started on first use, reused by every later run (starting a worker
costs about half a second: a fresh interpreter imports jointex), shut down at exit. Workers are started
with ``spawn``, a fresh interpreter, never ``fork``: the parent may hold Numba's and Rich's threads, and
a forked copy of their locks can hang.

A spawned worker imports the program's main module again, so worker processes are started only once the
program has said its main module is safe to import again (`allow_worker_processes`: all its work under
``if __name__ == "__main__":``). The `jointex` command says so; a script that calls `jointex.simulate`
runs its replications in its own process unless it says so too.
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TypeVar

Scene = TypeVar("Scene")
Key = TypeVar("Key")
Result = TypeVar("Result")

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0
_processes_allowed = False


def allow_worker_processes(allowed: bool = True) -> None:
    """Let `map_replications` start worker processes: call it only from a program whose main module does
    its work under ``if __name__ == "__main__":`` (each worker imports that module again)."""
    global _processes_allowed
    _processes_allowed = allowed


def map_replications(
    replicate: Callable[[Scene, Key], Result], scene: Scene, keys: Sequence[Key], workers: int
) -> list[Result]:
    """``[replicate(scene, key) for key in keys]``, on up to ``workers`` processes.

    ``replicate`` must be a module-level function and ``scene`` picklable. One worker, one key, or a
    call from inside a worker process runs here, in this process; so does everything when the program
    has not called `allow_worker_processes` or this system cannot start processes."""
    if (
        not _processes_allowed
        or workers <= 1
        or len(keys) <= 1
        or multiprocessing.parent_process() is not None
    ):
        return [replicate(scene, key) for key in keys]
    pool = _shared_pool(workers)
    if pool is None:
        return [replicate(scene, key) for key in keys]
    try:
        return list(pool.map(partial(replicate, scene), keys))
    except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh next time
        _shutdown()
        raise


def _shared_pool(workers: int) -> ProcessPoolExecutor | None:
    global _pool, _pool_workers
    if _pool is not None and _pool_workers == workers:
        return _pool
    _shutdown()
    try:
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, NotImplementedError):  # no process support (a locked-down sandbox): run here
        return None
    _pool_workers = workers
    return _pool


def _shutdown() -> None:
    global _pool, _pool_workers
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _pool_workers = None, 0


atexit.register(_shutdown)
