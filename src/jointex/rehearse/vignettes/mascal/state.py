"""One run of the chain as a single object of arrays: the scene it reads, the replication's draws, and
its state (casualties, waiting lines, servers, vehicles, the event list).

Numba passes a tuple of arrays by value and counts a reference for every array in it each time one is
bound or passed, so the run is a `structref` instead: one reference, each array reached by name
(``run.status[i]``) at the cost of one pointer. The scene itself stays in typed records
(`arrays.Scene`); `new_run` copies their references in.

Every place where casualties wait is a *line*: first aid at each point of injury, treatment and surgery
at each facility, and evacuation at each pick-up place (points of injury and facilities). A line is a
priority queue of three first-come, first-served queues, one per category (T1, T2, T3), each a doubly
linked list through the casualties (``next``, ``prev``): the most urgent is the head of the first queue
that is not empty, and a casualty leaves from anywhere (dies, is claimed by a vehicle) in constant time.
A casualty who deteriorates moves to the T1 queue's tail: "first come" counts from when it became T1.
Every casualty joins at the current time, so each queue stays in order of that time. Lines keep the
integrals of their length and of their busy servers over time, for the mean queue (Little's law) and
utilisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numba import njit, types
from numba.experimental import structref

from jointex.rehearse.vignettes.mascal.arrays import Scene, Variants
from jointex.rehearse.vignettes.mascal.draws import Draws

# where a casualty is
NOT_INJURED = 0
FIRST_AID_QUEUE = 1
FIRST_AID = 2
EVACUATION_QUEUE = 3
CLAIMED = 4
"""A vehicle is on its way to pick the casualty up."""
TRANSIT = 5
TREATMENT_QUEUE = 6
TREATMENT = 7
SURGERY_QUEUE = 8
SURGERY = 9
NO_ROUTE = 10
"""Waiting at a pick-up place no vehicle can carry it from."""
TREATED = 11
DIED = 12
KILLED = 13
EXPECTANT_CARE = 14

# run.counters
IDLE = 0
DEATHS = 1
DIED_OF_WOUNDS = 2
DETERIORATED = 3

FIELDS = (
    # the scene
    "horizon_min",
    "responders",
    "t1_direct",
    "first_aid_kind",
    "first_aid_mean",
    "first_aid_mu",
    "first_aid_sigma",
    "treatment_kind",
    "treatment_mean",
    "treatment_mu",
    "treatment_sigma",
    "surgery_kind",
    "surgery_mean",
    "surgery_mu",
    "surgery_sigma",
    "role",
    "hold_min",
    "mean_treatment_min",
    "mean_operation_min",
    "litters",
    "launch_min",
    "load_min",
    "turnaround_min",
    "base",
    "travel_min",
    "carries",
    "t1_scale_min",
    "t1_shape",
    "t2_mean_min",
    "estimate",
    # the replication's draws
    "incident",
    "injured_min",
    "first_category",
    "group",
    "first_aid_draw",
    "treatment_draw",
    "surgery_draw",
    "deterioration_draw",
    "death_draw",
    # casualties
    "category",
    "status",
    "line",
    "next",
    "prev",
    "key_min",
    "joined_min",
    "ready_min",
    "place",
    "destination",
    "reached",
    "resuscitated",
    "first_aid_min",
    "resuscitation_min",
    "surgery_min",
    # lines
    "head",
    "tail",
    "size",
    "servers",
    "busy",
    "queue_area",
    "busy_area",
    "last_min",
    "wait_min",
    "joined",
    # facilities
    "max_queue",
    "beds_free",
    "assigned",
    "admitted",
    # vehicles and assets
    "vehicle_asset",
    "vehicle_start",
    "vehicle_busy",
    "vehicle_load",
    "vehicle_count",
    "vehicle_place",
    "vehicle_destination",
    "idle",
    "idle_count",
    "asset_busy_min",
    "asset_carried",
    # places
    "carrier_memo",
    "point_wait_min",
    "point_legs",
    "flow",
    "counters",
    # the event list
    "heap_time",
    "heap_seq",
    "heap_kind",
    "heap_a",
    "heap_b",
    "heap_count",
)
"""The run's arrays by name. Lines are numbered first aid (one per incident), treatment and surgery (one
each per facility), evacuation (one per pick-up place, facility and group of casualties); ``heap_count``
is ``[size, next sequence]``."""


@structref.register
class RunType(types.StructRef):
    def preprocess_fields(self, fields: Any) -> tuple[Any, ...]:
        return tuple((name, types.unliteral(kind)) for name, kind in fields)  # type: ignore[no-untyped-call]


if TYPE_CHECKING:
    Run = Any
    """For the type checker: the run's arrays are reached by the names in `FIELDS`."""
else:

    class Run(structref.StructRefProxy):
        """A run of the chain (see the module's docstring); built by `new_run` inside the kernel."""

    structref.define_constructor(Run, RunType, FIELDS)


@njit(cache=True)
def heap_capacity(casualties: int, vehicles: int) -> int:
    """The most events pending at once: per casualty an injury, or at most one end of care, one death
    and one deterioration, and a bed to free after surgery; one per vehicle."""
    return 4 * casualties + vehicles + 16


@njit(cache=True)
def new_run(scene: Scene, draws: Draws, variants: Variants, v: int) -> Run:
    """The run of variant ``v`` of the scene on a replication's draws, every casualty not yet hurt,
    every vehicle idle at its base."""
    n = len(draws.category)
    incidents = len(scene.incidents.start_min)
    facilities = len(scene.facilities.role)
    places = incidents + facilities
    lines = incidents + 2 * facilities + places * facilities * scene.evacuation_estimate_min.shape[0]
    vehicles = scene.assets.vehicles + variants.extra_vehicles[v]
    total = int(vehicles.sum())
    capacity = heap_capacity(n, total)
    care = (scene.first_aid, scene.treatment, scene.surgery)
    run = Run(
        scene.horizon_min,
        scene.incidents.responders,
        scene.incidents.t1_direct,
        care[0].kind,
        care[0].mean_min,
        care[0].mu,
        care[0].sigma,
        care[1].kind,
        care[1].mean_min,
        care[1].mu,
        care[1].sigma,
        care[2].kind,
        care[2].mean_min,
        care[2].mu,
        care[2].sigma,
        scene.facilities.role,
        scene.facilities.hold_min,
        scene.facilities.mean_treatment_min,
        scene.facilities.mean_operation_min,
        scene.assets.litters,
        scene.assets.launch_min,
        scene.assets.load_min,
        scene.assets.turnaround_min,
        scene.assets.base,
        scene.assets.travel_min,
        scene.assets.carries,
        scene.outcomes.t1_scale_min,
        scene.outcomes.t1_shape,
        scene.outcomes.t2_mean_min,
        scene.evacuation_estimate_min,
        draws.incident,
        draws.injured_min,
        draws.category,
        draws.group,
        draws.first_aid,
        draws.treatment,
        draws.surgery,
        draws.deterioration,
        draws.death,
        draws.category.copy(),
        np.zeros(n, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.zeros(n),
        np.zeros(n),
        np.zeros(n),
        np.full(n, -1, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.zeros(n, dtype=np.bool_),
        np.zeros(n, dtype=np.bool_),
        np.full(n, np.inf),
        np.full(n, np.inf),
        np.full(n, np.inf),
        np.full((lines, 3), -1, dtype=np.int64),
        np.full((lines, 3), -1, dtype=np.int64),
        np.zeros(lines, dtype=np.int64),
        np.zeros(lines, dtype=np.int64),
        np.zeros(lines, dtype=np.int64),
        np.zeros(lines),
        np.zeros(lines),
        np.zeros(lines),
        np.zeros(lines),
        np.zeros(lines, dtype=np.int64),
        np.zeros(facilities, dtype=np.int64),
        scene.facilities.beds.copy(),
        np.zeros(facilities, dtype=np.int64),
        np.zeros(facilities, dtype=np.int64),
        np.empty(total, dtype=np.int64),
        np.zeros(total),
        np.zeros(total, dtype=np.bool_),
        np.empty((total, max(int(scene.assets.litters.max()), 1)), dtype=np.int64),
        np.zeros(total, dtype=np.int64),
        np.zeros(total, dtype=np.int64),
        np.zeros(total, dtype=np.int64),
        np.empty((len(vehicles), max(int(vehicles.max()), 1)), dtype=np.int64),
        np.zeros(len(vehicles), dtype=np.int64),
        np.zeros(len(vehicles)),
        np.zeros(len(vehicles), dtype=np.int64),
        np.empty((places, facilities, scene.evacuation_estimate_min.shape[0]), dtype=np.int64),
        np.zeros(places),
        np.zeros(places, dtype=np.int64),
        np.zeros((places, facilities), dtype=np.int64),
        np.zeros(4, dtype=np.int64),
        np.empty(capacity),
        np.empty(capacity, dtype=np.int64),
        np.empty(capacity, dtype=np.int64),
        np.empty(capacity, dtype=np.int64),
        np.empty(capacity, dtype=np.int64),
        np.zeros(2, dtype=np.int64),
    )
    run.servers[:incidents] = scene.incidents.responders
    for f in range(facilities):
        run.servers[incidents + f] = scene.facilities.teams[f]
        run.servers[incidents + facilities + f] = scene.facilities.tables[f] + variants.extra_tables[v, f]
    vehicle = 0
    for a in range(len(vehicles)):
        for _ in range(vehicles[a]):
            run.vehicle_asset[vehicle] = a
            run.idle[a, run.idle_count[a]] = vehicle
            run.idle_count[a] += 1
            vehicle += 1
    run.counters[IDLE] = total
    return run


@njit(cache=True, inline="always")
def incidents(run: Run) -> int:
    return len(run.responders)


@njit(cache=True, inline="always")
def facilities(run: Run) -> int:
    return len(run.role)


@njit(cache=True, inline="always")
def before(category, key_min, i: int, j: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether casualty ``i`` goes before ``j``: higher category, then longer in it, then number (given
    the run's ``category`` and ``key_min`` arrays)."""
    if category[i] != category[j]:
        return bool(category[i] < category[j])
    if key_min[i] != key_min[j]:
        return bool(key_min[i] < key_min[j])
    return i < j


@njit(cache=True, inline="always")
def touch(run: Run, line: int, now: float) -> None:
    """Bring the line's integrals up to ``now`` before its length or busy servers change."""
    elapsed = now - run.last_min[line]
    if elapsed > 0.0:
        run.queue_area[line] += run.size[line] * elapsed
        run.busy_area[line] += run.busy[line] * elapsed
        run.last_min[line] = now


@njit(cache=True, inline="always")
def _append(run: Run, line: int, i: int) -> None:
    category = run.category[i]
    last = run.tail[line, category]
    run.prev[i], run.next[i] = last, -1
    if last >= 0:
        run.next[last] = i
    else:
        run.head[line, category] = i
    run.tail[line, category] = i


@njit(cache=True, inline="always")
def _unlink(run: Run, line: int, i: int) -> None:
    category = run.category[i]
    before_i, after_i = run.prev[i], run.next[i]
    if before_i >= 0:
        run.next[before_i] = after_i
    else:
        run.head[line, category] = after_i
    if after_i >= 0:
        run.prev[after_i] = before_i
    else:
        run.tail[line, category] = before_i


@njit(cache=True)
def join(run: Run, line: int, i: int, now: float) -> None:
    touch(run, line, now)
    run.line[i] = line
    run.joined_min[i] = now
    run.key_min[i] = now
    _append(run, line, i)
    run.size[line] += 1
    run.joined[line] += 1


@njit(cache=True)
def leave(run: Run, i: int, now: float) -> None:
    """Take ``i`` out of its line, adding its wait to the line's."""
    line = run.line[i]
    touch(run, line, now)
    _unlink(run, line, i)
    run.size[line] -= 1
    run.line[i] = -1
    run.wait_min[line] += now - run.joined_min[i]


@njit(cache=True)
def become_t1(run: Run, i: int, now: float) -> None:
    """A T2 casualty deteriorates: T1 from now, at the tail of its line's T1 queue if it waits in one."""
    line = run.line[i]
    if line >= 0:
        _unlink(run, line, i)
    run.category[i] = 0
    run.key_min[i] = now
    if line >= 0:
        _append(run, line, i)


@njit(cache=True, inline="always")
def most_urgent(run: Run, line: int) -> int:
    """The casualty the line serves next, or -1 when it is empty."""
    for category in range(3):
        if run.head[line, category] >= 0:
            return int(run.head[line, category])
    return -1


@njit(cache=True, inline="always")
def awaiting_surgery(status: int) -> bool:
    """Alive and not yet operated on (nor back to duty): still deteriorating."""
    return (FIRST_AID_QUEUE <= status <= SURGERY_QUEUE) or status == NO_ROUTE


@njit(cache=True, inline="always")
def waiting_to_move(status: int) -> bool:
    """Waiting at a pick-up place: for a vehicle, or for one that is on its way, or with no route."""
    return status in (EVACUATION_QUEUE, CLAIMED, NO_ROUTE)


@njit(cache=True, inline="always")
def bound_for_a_facility(status: int) -> bool:
    """Given a destination it has not reached yet."""
    return EVACUATION_QUEUE <= status <= TRANSIT


@njit(cache=True, inline="always")
def treatment_line(run: Run, f: int) -> int:
    return incidents(run) + f


@njit(cache=True, inline="always")
def surgery_line(run: Run, f: int) -> int:
    return incidents(run) + facilities(run) + f


@njit(cache=True, inline="always")
def evacuation_line(run: Run, place: int, facility: int, group: int) -> int:
    """The line of casualties of ``group`` waiting at ``place`` to go to ``facility``: one line per leg
    and group, so that the dispatcher finds whom an idle vehicle may carry without walking a line."""
    groups: int = run.estimate.shape[0]
    first = incidents(run) + 2 * facilities(run)
    return first + (place * facilities(run) + facility) * groups + group
