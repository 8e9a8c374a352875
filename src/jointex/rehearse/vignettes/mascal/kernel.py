"""The MASCAL kernel: each replication an event-driven run of the medical chain, for a batch at once.

A casualty is hurt at its point of injury at a drawn time, in a drawn triage category. The dead and the
expectant stay there. The others get first aid from the first responders (most urgent first), then wait
to be evacuated to the nearest Role 1 (T3 casualties, and the others when there is one), where a
treatment team treats (and, for T1 and T2, resuscitates) them. T3 casualties are then back to duty; T1
and T2 casualties need surgery: at a facility that operates they join its surgery line (an operating
table with its team and, where beds are counted, a free bed after it); from a Role 1 they wait to be
evacuated to the surgical facility that patient regulation picks (the soonest estimated start of
surgery: delivery by the soonest eligible vehicle, plus the surgical work already waiting or on its way
there, shared over its tables). A casualty arriving without resuscitation is resuscitated there first.

Evacuation: whenever a casualty is ready to move or a vehicle comes back, the dispatcher sends, for the
most urgent waiting casualty anywhere that some idle vehicle may carry (its asset serves the leg, reaches
both places and its nation's caveat allows), the vehicle that reaches it soonest; it takes on up to its
litters more casualties waiting there for the same facility, most urgent first, goes (launch, travel),
loads, delivers, turns around and comes back to its base.

Deterioration (a proxy, docs/mascal.md): an unoperated T2 casualty becomes T1 after an exponential time;
a T1 casualty dies if surgery has not started within a Weibull time (rising hazard) of injury or of
becoming T1. Surgery stops the clock.

Each replication runs the scene as planned and then each variant (one more surgical team at a facility,
one more vehicle of an asset) on the same draws (`draws.py`): common random numbers, so differences are
paired. Replications run in parallel (``prange``); each depends only on its key.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from jointex.rehearse.vignettes.mascal import arrays as ar
from jointex.rehearse.vignettes.mascal import evacuation as ev
from jointex.rehearse.vignettes.mascal import state as st
from jointex.rehearse.vignettes.mascal.accounts import close
from jointex.rehearse.vignettes.mascal.arrays import (
    DEAD,
    EXPECTANT,
    EXPONENTIAL,
    FIXED,
    T1,
    T2,
    T3,
    Scene,
    Variants,
)
from jointex.rehearse.vignettes.mascal.draws import draw
from jointex.rehearse.vignettes.mascal.heap import (
    BED_FREE,
    DEATH,
    DELIVERY,
    DETERIORATION,
    FIRST_AID_DONE,
    INJURY,
    PICKUP,
    RETURN,
    SURGERY_DONE,
    TREATMENT_DONE,
    next_time,
    pending,
    pop,
    push,
)
from jointex.rehearse.vignettes.mascal.state import Run


# -- care times ----------------------------------------------------------------------------------------
@njit(cache=True, inline="always")
def _duration(kind, mean, mu, sigma, row: int, category: int, decides) -> float:  # type: ignore[no-untyped-def]
    """A step's duration for a casualty of ``category``, from its draws ``(uniform, normal)``."""
    law = kind[row, category]
    if law == FIXED:
        return float(mean[row, category])
    if law == EXPONENTIAL:
        return float(-mean[row, category] * math.log1p(-decides[0]))
    return float(math.exp(mu[row, category] + sigma[row, category] * decides[1]))


@njit(cache=True, inline="always")
def _time_to_death(run: Run, i: int) -> float:
    """Minutes from injury (or from becoming T1) to death without surgery: Weibull, rising hazard."""
    return float(run.t1_scale_min * (-math.log1p(-run.death_draw[i])) ** (1.0 / run.t1_shape))


@njit(cache=True, inline="always")
def _time_to_deterioration(run: Run, i: int) -> float:
    """Minutes until an unoperated T2 casualty becomes T1: exponential."""
    return float(-run.t2_mean_min * math.log1p(-run.deterioration_draw[i]))


# -- care ----------------------------------------------------------------------------------------------
@njit(cache=True, inline="always")
def _note_queue(run: Run, f: int) -> None:
    """Keep the facility's longest queue, after any who joined it were taken into care."""
    waiting = run.size[st.treatment_line(run, f)] + run.size[st.surgery_line(run, f)]
    run.max_queue[f] = max(run.max_queue[f], waiting)


@njit(cache=True)
def _start_first_aid(run: Run, k: int, now: float) -> None:
    while run.busy[k] < run.servers[k] and run.size[k] > 0:
        i = st.most_urgent(run, k)
        st.leave(run, i, now)
        run.busy[k] += 1
        run.status[i] = st.FIRST_AID
        run.first_aid_min[i] = now
        took = _duration(
            run.first_aid_kind,
            run.first_aid_mean,
            run.first_aid_mu,
            run.first_aid_sigma,
            0,
            run.category[i],
            run.first_aid_draw[i],
        )
        push(run, now + took, FIRST_AID_DONE, i, k)


@njit(cache=True)
def _start_treatment(run: Run, f: int, now: float) -> None:
    line = st.treatment_line(run, f)
    while run.busy[line] < run.servers[line] and run.size[line] > 0:
        i = st.most_urgent(run, line)
        st.leave(run, i, now)
        run.busy[line] += 1
        run.status[i] = st.TREATMENT
        if run.category[i] != T3 and not run.resuscitated[i]:
            run.resuscitation_min[i] = now
        took = _duration(
            run.treatment_kind,
            run.treatment_mean,
            run.treatment_mu,
            run.treatment_sigma,
            f,
            run.category[i],
            run.treatment_draw[i],
        )
        push(run, now + took, TREATMENT_DONE, i, f)


@njit(cache=True)
def _start_surgery(run: Run, f: int, now: float) -> None:
    line = st.surgery_line(run, f)
    while run.busy[line] < run.servers[line] and run.beds_free[f] != 0 and run.size[line] > 0:
        i = st.most_urgent(run, line)
        st.leave(run, i, now)
        run.busy[line] += 1
        if run.beds_free[f] > 0:
            run.beds_free[f] -= 1
        run.status[i] = st.SURGERY
        run.surgery_min[i] = now
        took = _duration(
            run.surgery_kind,
            run.surgery_mean,
            run.surgery_mu,
            run.surgery_sigma,
            f,
            run.category[i],
            run.surgery_draw[i],
        )
        push(run, now + took, SURGERY_DONE, i, f)


@njit(cache=True)
def _to_surgery_or_onward(run: Run, i: int, f: int, now: float) -> None:
    """After treatment (or on arrival, resuscitated): T3 back to duty; T1 and T2 into the surgery line
    here, or onward to surgery."""
    line = st.surgery_line(run, f)
    if run.category[i] == T3:
        run.status[i] = st.TREATED
    elif run.servers[line] > 0:
        run.status[i] = st.SURGERY_QUEUE
        st.join(run, line, i, now)
        _start_surgery(run, f, now)
        _note_queue(run, f)
    else:
        ev.ready_to_move(run, i, st.incidents(run) + f, now)


@njit(cache=True)
def _arrive(run: Run, i: int, f: int, now: float) -> None:
    run.reached[i] = True
    run.admitted[f] += 1
    run.assigned[f] -= 1
    run.destination[i] = -1
    line = st.treatment_line(run, f)
    if run.category[i] == T3 or not run.resuscitated[i]:
        if run.servers[line] > 0:
            run.status[i] = st.TREATMENT_QUEUE
            st.join(run, line, i, now)
            _start_treatment(run, f, now)
            _note_queue(run, f)
            return
        if run.category[i] != T3:  # no treatment teams: resuscitated in the operating theatre
            run.resuscitated[i] = True
            run.resuscitation_min[i] = now
    _to_surgery_or_onward(run, i, f, now)


@njit(cache=True)
def _die(run: Run, i: int, now: float) -> None:
    status = run.status[i]
    if st.waiting_to_move(status):
        run.point_wait_min[run.place[i]] += now - run.ready_min[i]
        run.point_legs[run.place[i]] += 1
    if run.line[i] >= 0:
        st.leave(run, i, now)
    if st.bound_for_a_facility(status):
        run.assigned[run.destination[i]] -= 1
    run.status[i] = st.DIED
    run.counters[st.DEATHS] += 1
    if run.reached[i]:
        run.counters[st.DIED_OF_WOUNDS] += 1


# -- events --------------------------------------------------------------------------------------------
@njit(cache=True)
def _injury(run: Run, i: int, now: float) -> None:
    category = run.category[i]
    if category == DEAD:
        run.status[i] = st.KILLED
        return
    if category == EXPECTANT:
        run.status[i] = st.EXPECTANT_CARE
        return
    if category == T1:
        dies = now + _time_to_death(run, i)
        if dies <= run.horizon_min:
            push(run, dies, DEATH, i, 0)
    elif category == T2:
        worse = now + _time_to_deterioration(run, i)
        if worse <= run.horizon_min:
            push(run, worse, DETERIORATION, i, 0)
    k = run.incident[i]
    if run.servers[k] > 0:
        run.status[i] = st.FIRST_AID_QUEUE
        st.join(run, k, i, now)
        _start_first_aid(run, k, now)
    else:
        ev.ready_to_move(run, i, k, now)


@njit(cache=True)
def _pickup(run: Run, vehicle: int, now: float) -> None:
    asset, place = run.vehicle_asset[vehicle], run.vehicle_place[vehicle]
    facility = run.vehicle_destination[vehicle]
    aboard = 0
    for k in range(run.vehicle_count[vehicle]):
        i = run.vehicle_load[vehicle, k]
        if run.status[i] == st.CLAIMED:
            run.point_wait_min[place] += now - run.ready_min[i]
            run.point_legs[place] += 1
            run.status[i] = st.TRANSIT
            run.asset_carried[asset] += 1
            run.flow[place, facility] += 1
            aboard += 1
        else:  # died waiting
            run.vehicle_load[vehicle, k] = -1
    if aboard:
        there = st.incidents(run) + facility
        push(run, now + run.load_min[asset] + run.travel_min[asset, place, there], DELIVERY, vehicle, 0)
    else:
        push(run, now + run.travel_min[asset, place, run.base[asset]], RETURN, vehicle, 0)


@njit(cache=True)
def _delivery(run: Run, vehicle: int, now: float) -> None:
    asset, facility = run.vehicle_asset[vehicle], run.vehicle_destination[vehicle]
    for k in range(run.vehicle_count[vehicle]):
        i = run.vehicle_load[vehicle, k]
        if i >= 0 and run.status[i] == st.TRANSIT:
            _arrive(run, i, facility, now)
    there = st.incidents(run) + facility
    back = run.turnaround_min[asset] + run.travel_min[asset, there, run.base[asset]]
    push(run, now + back, RETURN, vehicle, 0)


@njit(cache=True)
def _return(run: Run, vehicle: int, now: float) -> None:
    asset = run.vehicle_asset[vehicle]
    run.asset_busy_min[asset] += now - run.vehicle_start[vehicle]
    run.vehicle_busy[vehicle] = False
    run.idle[asset, run.idle_count[asset]] = vehicle
    run.idle_count[asset] += 1
    run.counters[st.IDLE] += 1
    ev.dispatch(run, now)


@njit(cache=True)
def _end_of_care(run: Run, kind: int, i: int, f: int, now: float) -> None:
    """First aid, treatment or surgery done: free the server, move the casualty on, serve the next."""
    if kind == FIRST_AID_DONE:
        st.touch(run, f, now)
        run.busy[f] -= 1
        if run.status[i] == st.FIRST_AID:
            ev.ready_to_move(run, i, f, now)
        _start_first_aid(run, f, now)
    elif kind == TREATMENT_DONE:
        line = st.treatment_line(run, f)
        st.touch(run, line, now)
        run.busy[line] -= 1
        if run.status[i] == st.TREATMENT:
            if run.category[i] != T3:
                run.resuscitated[i] = True
            _to_surgery_or_onward(run, i, f, now)
        _start_treatment(run, f, now)
    else:
        line = st.surgery_line(run, f)
        st.touch(run, line, now)
        run.busy[line] -= 1
        run.status[i] = st.TREATED
        if run.beds_free[f] >= 0:
            push(run, now + run.hold_min[f], BED_FREE, f, 0)
        _start_surgery(run, f, now)


@njit(cache=True)
def _event(run: Run, now: float, kind: int, a: int, b: int) -> None:
    """Apply one event: ``a`` is the casualty (the vehicle for pick-up, delivery and return, the
    facility for a bed), ``b`` the incident or facility whose server it frees."""
    if kind == INJURY:
        _injury(run, a, now)
    elif kind == PICKUP:
        _pickup(run, a, now)
    elif kind == DELIVERY:
        _delivery(run, a, now)
    elif kind == RETURN:
        _return(run, a, now)
    elif FIRST_AID_DONE <= kind <= SURGERY_DONE:
        _end_of_care(run, kind, a, b, now)
    elif kind == BED_FREE:
        run.beds_free[a] += 1
        _start_surgery(run, a, now)
    elif kind == DETERIORATION:
        if run.category[a] == T2 and st.awaiting_surgery(run.status[a]):
            st.become_t1(run, a, now)
            run.counters[st.DETERIORATED] += 1
            dies = now + _time_to_death(run, a)
            if dies <= run.horizon_min:
                push(run, dies, DEATH, a, 0)
    elif kind == DEATH and st.awaiting_surgery(run.status[a]):
        _die(run, a, now)


# -- replications --------------------------------------------------------------------------------------
@njit(cache=True)
def replicate(  # type: ignore[no-untyped-def]
    scene: Scene, draws, variants: Variants, v, summary, facility_out, point_out, asset_out, flow_out
):
    """Run variant ``v`` of the scene on a replication's draws, into its rows of the outputs."""
    run = st.new_run(scene, draws, variants, v)
    for i in range(len(draws.category)):
        push(run, draws.injured_min[i], INJURY, i, 0)
    while pending(run) > 0 and next_time(run) <= scene.horizon_min:
        now, kind, a, b = pop(run)
        _event(run, now, kind, a, b)
    close(run, summary, facility_out, point_out, asset_out, flow_out)


@njit(cache=True)
def _replication(k0, k1, parts, variants: Variants, summary, facility, point, asset, flow):  # type: ignore[no-untyped-def]
    """Every variant of one replication, on its draws."""
    scene = Scene(*parts)
    draws = draw(k0, k1, scene.incidents)
    for v in range(variants.extra_tables.shape[0]):
        replicate(scene, draws, variants, v, summary[v], facility[v], point[v], asset[v], flow[v])


@njit(cache=True, parallel=True)
def _run_batch(  # type: ignore[no-untyped-def]
    keys,
    horizon_min,
    incidents,
    first_aid,
    treatment,
    surgery,
    facilities,
    assets,
    outcomes,
    estimate,
    variants,
):
    count = keys.shape[0]
    n_variants = variants.extra_tables.shape[0]
    n_facilities = len(facilities.role)
    places = len(incidents.start_min) + n_facilities
    summary = np.zeros((count, n_variants, ar.SUMMARY_COLUMNS))
    facility = np.zeros((count, n_variants, n_facilities, ar.FACILITY_COLUMNS))
    point = np.zeros((count, n_variants, places, 2))
    asset = np.zeros((count, n_variants, len(assets.vehicles), ar.ASSET_COLUMNS))
    flow = np.zeros((count, n_variants, places, n_facilities))
    for r in prange(count):
        parts = (
            horizon_min,
            incidents,
            first_aid,
            treatment,
            surgery,
            facilities,
            assets,
            outcomes,
            estimate,
        )
        _replication(
            keys[r, 0], keys[r, 1], parts, variants, summary[r], facility[r], point[r], asset[r], flow[r]
        )
    return summary, facility, point, asset, flow


def run_batch(keys, scene: Scene, variants: Variants):  # type: ignore[no-untyped-def]
    """Per replication r and variant v: ``summary[r, v]`` (columns `arrays.SUMMARY`), ``facility[r, v,
    f]`` (`arrays.FACILITY`; busy area per table or team), ``point[r, v, p]`` (evacuation waits summed,
    legs), ``asset[r, v, a]`` (`arrays.ASSET`), ``flow[r, v, p, f]``. (Numba's parallel loop takes the
    scene's records one by one, not nested.)"""
    return _run_batch(keys, *scene, variants)
