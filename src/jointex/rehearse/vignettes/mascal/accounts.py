"""The end of a replication's window in the MASCAL kernel: every account brought up to the end (lines'
integrals, vehicles on missions, casualties still waiting) and the replication's sums written out."""

from __future__ import annotations

import numpy as np
from numba import njit

from jointex.rehearse.vignettes.mascal import arrays as ar
from jointex.rehearse.vignettes.mascal import state as st
from jointex.rehearse.vignettes.mascal.arrays import T1, T2
from jointex.rehearse.vignettes.mascal.state import Run


@njit(cache=True, inline="always")
def _flag(condition: bool) -> float:
    return 1.0 if condition else 0.0


@njit(cache=True)
def _close_casualties(run: Run, summary) -> None:  # type: ignore[no-untyped-def]
    """Each casualty's share of the 10-1-2 timeline and where it ended; waits cut at the end."""
    horizon = run.horizon_min
    for i in range(len(run.status)):
        status = run.status[i]
        if run.line[i] >= 0 and status != st.EVACUATION_QUEUE:
            run.wait_min[run.line[i]] += horizon - run.joined_min[i]
        if st.waiting_to_move(status):
            run.point_wait_min[run.place[i]] += horizon - run.ready_min[i]
            run.point_legs[run.place[i]] += 1
        injured = run.injured_min[i]
        first = run.first_category[i]
        if first <= T2:
            if run.responders[run.incident[i]] > 0:
                summary[ar.BLEEDING_ELIGIBLE] += 1.0
                summary[ar.BLEEDING_10MIN] += _flag(run.first_aid_min[i] - injured <= 10.0)
            summary[ar.REACHED_ALIVE] += _flag(run.reached[i])
        if first == T1:
            summary[ar.T1_COUNT] += 1.0
            summary[ar.RESUSCITATION_1H] += _flag(run.resuscitation_min[i] - injured <= 60.0)
            summary[ar.SURGERY_2H] += _flag(run.surgery_min[i] - injured <= 120.0)
            if run.surgery_min[i] < np.inf:
                summary[ar.OPERATED_T1] += 1.0
                summary[ar.TIME_TO_SURGERY] += run.surgery_min[i] - injured
        if status == st.KILLED:
            summary[ar.KILLED_AT_SCENE] += 1.0
        elif status == st.EXPECTANT_CARE:
            summary[ar.EXPECTANT_CARE] += 1.0
        elif status == st.TREATED:
            summary[ar.TREATED] += 1.0
        elif status == st.NOT_INJURED:
            summary[ar.NOT_INJURED] += 1.0
        elif status != st.DIED:
            summary[ar.IN_CHAIN] += 1.0


@njit(cache=True)
def close(run: Run, summary, facility_out, point_out, asset_out, flow_out):  # type: ignore[no-untyped-def]
    """Bring every account to the end of the window and write the replication's results."""
    horizon = run.horizon_min
    for line in range(len(run.size)):
        st.touch(run, line, horizon)
    for v in range(len(run.vehicle_busy)):
        if run.vehicle_busy[v]:
            run.asset_busy_min[run.vehicle_asset[v]] += horizon - run.vehicle_start[v]
    _close_casualties(run, summary)
    summary[ar.DEATHS] = run.counters[st.DEATHS]
    summary[ar.DIED_OF_WOUNDS] = run.counters[st.DIED_OF_WOUNDS]
    summary[ar.DETERIORATED] = run.counters[st.DETERIORATED]
    summary[ar.EVACUATION_WAIT] = run.point_wait_min.sum()
    summary[ar.EVACUATION_LEGS] = run.point_legs.sum()
    for f in range(st.facilities(run)):
        treatment, surgery = st.treatment_line(run, f), st.surgery_line(run, f)
        main = surgery if run.servers[surgery] > 0 else treatment
        facility_out[f, ar.QUEUE_AREA] = run.queue_area[treatment] + run.queue_area[surgery]
        facility_out[f, ar.WAIT] = run.wait_min[treatment] + run.wait_min[surgery]
        facility_out[f, ar.JOINED] = run.joined[treatment] + run.joined[surgery]
        facility_out[f, ar.MAX_QUEUE] = run.max_queue[f]
        facility_out[f, ar.BUSY_AREA] = run.busy_area[main] / max(run.servers[main], 1)
        facility_out[f, ar.ADMITTED] = run.admitted[f]
    for p in range(len(run.point_legs)):
        point_out[p, 0] = run.point_wait_min[p]
        point_out[p, 1] = run.point_legs[p]
    for a in range(len(run.asset_busy_min)):
        asset_out[a, 0] = run.asset_busy_min[a]
        asset_out[a, 1] = run.asset_carried[a]
    for v in range(len(run.vehicle_asset)):
        asset_out[run.vehicle_asset[v], 2] += 1.0
    flow_out[:, :] = run.flow
