"""Evacuation in the MASCAL kernel: where a casualty goes (patient regulation) and which vehicle goes
for it (the dispatcher).

Where: when a casualty is ready to move, among the facilities it needs, the one where its care would
start soonest by estimate: the soonest delivery by a vehicle that may carry it, plus the work already
waiting, in hand or on its way there, shared over its servers. From a point of injury a T1 casualty goes
straight to surgery where its incident allows and a vehicle may carry it there; the others go to a
Role 1 (without one, T3 casualties to the nearest facility and the others to surgery). From a Role 1, on
to surgery.

Which vehicle: whenever a casualty is ready to move or a vehicle comes back, the most urgent waiting
casualty anywhere that an idle vehicle may carry (its asset serves the leg, reaches both places and its
nation's caveat allows) gets the vehicle that reaches it soonest; the vehicle takes up to its litters of
casualties waiting there for the same facility, most urgent first.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from jointex.rehearse.vignettes.mascal import state as st
from jointex.rehearse.vignettes.mascal.arrays import T1, T3
from jointex.rehearse.vignettes.mascal.heap import PICKUP, push
from jointex.rehearse.vignettes.mascal.state import Run


@njit(cache=True)
def _carrier(run: Run, place: int, facility: int, group: int) -> int:
    """The asset with an idle vehicle that may carry this casualty and reaches it soonest, or -1."""
    idle_count, carries, launch, travel, base = (
        run.idle_count,
        run.carries,
        run.launch_min,
        run.travel_min,
        run.base,
    )
    best, soonest = -1, np.inf
    for a in range(len(idle_count)):
        if idle_count[a] > 0 and carries[a, place, facility, group]:
            arrival = launch[a] + travel[a, base[a], place]
            if arrival < soonest:
                best, soonest = a, arrival
    return best


@njit(cache=True)
def _claim(run: Run, vehicle: int, i: int, now: float) -> None:
    st.leave(run, i, now)
    run.status[i] = st.CLAIMED
    run.vehicle_load[vehicle, run.vehicle_count[vehicle]] = i
    run.vehicle_count[vehicle] += 1


@njit(cache=True)
def _most_urgent_to_carry(run: Run) -> tuple[int, int]:
    """(casualty, place): the most urgent casualty waiting anywhere that an idle vehicle may carry."""
    memo, category, key_min = run.carrier_memo, run.category, run.key_min
    chosen, place = -1, -1
    for p in range(st.incidents(run) + st.facilities(run)):
        for f in range(st.facilities(run)):
            for g in range(run.estimate.shape[0]):
                line = st.evacuation_line(run, p, f, g)
                if run.size[line] == 0:
                    continue
                i = st.most_urgent(run, line)
                if chosen >= 0 and not st.before(category, key_min, i, chosen):
                    continue
                memo[p, f, g] = _carrier(run, p, f, g)
                if memo[p, f, g] >= 0:
                    chosen, place = i, p
    return chosen, place


@njit(cache=True)
def dispatch(run: Run, now: float) -> None:
    """Send idle vehicles to the most urgent casualties waiting for evacuation, while any can go."""
    while run.counters[st.IDLE] > 0:
        chosen, place = _most_urgent_to_carry(run)
        if chosen < 0:
            return
        facility = run.destination[chosen]
        a = run.carrier_memo[place, facility, run.group[chosen]]
        run.idle_count[a] -= 1
        vehicle = run.idle[a, run.idle_count[a]]
        run.counters[st.IDLE] -= 1
        run.vehicle_busy[vehicle] = True
        run.vehicle_start[vehicle] = now
        run.vehicle_count[vehicle] = 0
        run.vehicle_place[vehicle] = place
        run.vehicle_destination[vehicle] = facility
        _claim(run, vehicle, chosen, now)
        while run.vehicle_count[vehicle] < run.litters[a]:  # more going the same way, most urgent first
            best = -1
            for g in range(run.estimate.shape[0]):
                if run.carries[a, place, facility, g]:
                    i = st.most_urgent(run, st.evacuation_line(run, place, facility, g))
                    if i >= 0 and (best < 0 or st.before(run.category, run.key_min, i, best)):
                        best = i
            if best < 0:
                break
            _claim(run, vehicle, best, now)
        push(run, now + run.launch_min[a] + run.travel_min[a, run.base[a], place], PICKUP, vehicle, 0)


@njit(cache=True)
def _soonest(run: Run, i: int, place: int, role: int) -> tuple[int, float]:
    """(facility, estimated start): the facility where casualty ``i``'s care would start soonest by
    patient regulation's estimate (delivery by the soonest eligible vehicle, plus the work waiting,
    in hand or on its way there shared over its servers): among the Role 1s (``role`` 1, treatment)
    or the facilities that operate (``role`` 2, surgery). (-1, inf) when no vehicle can reach one."""
    estimate = run.estimate[run.group[i]]
    best, soonest = -1, np.inf
    for f in range(st.facilities(run)):
        if role == 1:
            line, mean = st.treatment_line(run, f), run.mean_treatment_min[f]
            if run.role[f] != 1:
                continue
        else:
            line, mean = st.surgery_line(run, f), run.mean_operation_min[f]
        servers = run.servers[line]
        if servers == 0 or estimate[place, f] == np.inf:
            continue
        work = run.size[line] + run.busy[line] + run.assigned[f]
        start = estimate[place, f] + work * mean / servers
        if start < soonest:
            best, soonest = f, start
    return best, soonest


@njit(cache=True)
def _destination(run: Run, i: int, place: int) -> int:
    """Where casualty ``i`` goes from ``place``. From a point of injury: a T1 casualty straight to
    surgery where the incident allows and a vehicle may carry it there; the others (and T1 without
    that) to a Role 1, or without one a T3 casualty to the nearest facility and the others to surgery.
    From a Role 1: to surgery. -1: no vehicle can carry it anywhere from there."""
    estimate = run.estimate[run.group[i]]
    if place < st.incidents(run):
        if run.category[i] == T1 and run.t1_direct[place]:
            surgery, _ = _soonest(run, i, place, 2)
            if surgery >= 0:
                return surgery
        aid, _ = _soonest(run, i, place, 1)
        if aid >= 0:
            return aid
        if run.category[i] == T3:
            best, soonest = -1, np.inf
            for f in range(st.facilities(run)):
                if estimate[place, f] < soonest:
                    best, soonest = f, estimate[place, f]
            return best
    return _soonest(run, i, place, 2)[0]


@njit(cache=True)
def ready_to_move(run: Run, i: int, place: int, now: float) -> None:
    run.place[i] = place
    run.ready_min[i] = now
    facility = _destination(run, i, place)
    if facility < 0:
        run.status[i] = st.NO_ROUTE
        return
    run.destination[i] = facility
    run.assigned[facility] += 1
    run.status[i] = st.EVACUATION_QUEUE
    st.join(run, st.evacuation_line(run, place, facility, run.group[i]), i, now)
    dispatch(run, now)
