"""The event list of a run: a binary heap in the run's arrays, ordered by time, then by the order events
were scheduled (so that events at the same time happen in a fixed, reproducible order).

An event is (time, kind, a, b): ``a`` and ``b`` are the numbers it concerns (a casualty and a facility,
or a vehicle). The arrays hold the most events a replication can have pending at once
(`state.heap_capacity`).
"""

from __future__ import annotations

from numba import njit

from jointex.rehearse.vignettes.mascal.state import Run

INJURY, FIRST_AID_DONE, TREATMENT_DONE, SURGERY_DONE, PICKUP, DELIVERY, RETURN, BED_FREE = range(8)
DETERIORATION, DEATH = 8, 9
"""Kinds of event; the ends of care (first aid, treatment, surgery) are numbered together."""


@njit(cache=True, inline="always")
def _before(time, seq, i: int, j: int) -> bool:  # type: ignore[no-untyped-def]
    return bool(time[i] < time[j] or (time[i] == time[j] and seq[i] < seq[j]))


@njit(cache=True, inline="always")
def _swap(time, seq, kind, a, b, i: int, j: int) -> None:  # type: ignore[no-untyped-def]
    time[i], time[j] = time[j], time[i]
    seq[i], seq[j] = seq[j], seq[i]
    kind[i], kind[j] = kind[j], kind[i]
    a[i], a[j] = a[j], a[i]
    b[i], b[j] = b[j], b[i]


@njit(cache=True)
def push(run: Run, when: float, what: int, first: int, second: int) -> None:
    """Schedule an event."""
    time, seq, kind, a, b, count = (
        run.heap_time,
        run.heap_seq,
        run.heap_kind,
        run.heap_a,
        run.heap_b,
        run.heap_count,
    )
    i = count[0]
    time[i], seq[i], kind[i], a[i], b[i] = when, count[1], what, first, second
    count[0] += 1
    count[1] += 1
    while i > 0:
        parent = (i - 1) // 2
        if not _before(time, seq, i, parent):
            break
        _swap(time, seq, kind, a, b, i, parent)
        i = parent


@njit(cache=True, inline="always")
def pending(run: Run) -> int:
    return int(run.heap_count[0])


@njit(cache=True, inline="always")
def next_time(run: Run) -> float:
    """The time of the next event; the heap must not be empty."""
    return float(run.heap_time[0])


@njit(cache=True)
def pop(run: Run) -> tuple[float, int, int, int]:
    """Remove the next event and return (time, kind, a, b); the heap must not be empty."""
    time, seq, kind, a, b, count = (
        run.heap_time,
        run.heap_seq,
        run.heap_kind,
        run.heap_a,
        run.heap_b,
        run.heap_count,
    )
    event = (time[0], kind[0], a[0], b[0])
    last = count[0] - 1
    count[0] = last
    if last > 0:
        time[0], seq[0], kind[0], a[0], b[0] = time[last], seq[last], kind[last], a[last], b[last]
        i = 0
        while True:
            left = 2 * i + 1
            if left >= last:
                break
            child = left
            if left + 1 < last and _before(time, seq, left + 1, left):
                child = left + 1
            if not _before(time, seq, child, i):
                break
            _swap(time, seq, kind, a, b, i, child)
            i = child
    return event
