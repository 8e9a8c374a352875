"""The compiled scene of a MASCAL vignette as typed records of arrays, as the Numba kernel reads them.

Places are numbered once: the incidents (points of injury) first, then the facilities, then each
evacuation asset's base. Times are minutes from the vignette's start. Care times are coded by
distribution (`FIXED`, `EXPONENTIAL`, `LOGNORMAL`) with their mean and, for the lognormal, the
parameters of the underlying normal.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

T1, T2, T3, EXPECTANT, DEAD = 0, 1, 2, 3, 4
"""Triage categories, in order of priority (the index of a category's share in `Incidents.triage_cdf`)."""
CATEGORIES = ("T1", "T2", "T3", "expectant", "dead")

FIXED, EXPONENTIAL, LOGNORMAL = 0, 1, 2


class Incidents(NamedTuple):
    """Points of injury: casualties ``first[k]`` to ``first[k + 1] - 1`` are hurt at incident k."""

    first: NDArray[np.int64]
    start_min: NDArray[np.float64]
    over_min: NDArray[np.float64]
    front_loaded: NDArray[np.bool_]
    responders: NDArray[np.int64]
    t1_direct: NDArray[np.bool_]
    """T1 casualties go straight to surgery from here when a vehicle may carry them there."""
    triage_cdf: NDArray[np.float64]
    """``[k, category]``: cumulative shares T1, T2, T3, expectant, dead."""
    group_cdf: NDArray[np.float64]
    """``[k, group]``: cumulative shares of the casualty groups (nation, civilian)."""


class CareTimes(NamedTuple):
    """``[facility or 0, category]``: a step's duration law by category (T1, T2, T3)."""

    kind: NDArray[np.int64]
    mean_min: NDArray[np.float64]
    mu: NDArray[np.float64]
    sigma: NDArray[np.float64]


class Facilities(NamedTuple):
    role: NDArray[np.int64]
    teams: NDArray[np.int64]
    tables: NDArray[np.int64]
    beds: NDArray[np.int64]
    """-1: beds do not limit surgery."""
    hold_min: NDArray[np.float64]
    mean_treatment_min: NDArray[np.float64]
    mean_operation_min: NDArray[np.float64]
    """Mean T1 treatment and operation: patient regulation's estimate of the wait for care."""


class Assets(NamedTuple):
    vehicles: NDArray[np.int64]
    litters: NDArray[np.int64]
    launch_min: NDArray[np.float64]
    load_min: NDArray[np.float64]
    turnaround_min: NDArray[np.float64]
    base: NDArray[np.int64]
    """The place number of each asset's base."""
    travel_min: NDArray[np.float64]
    """``[asset, from place, to place]``: driving or flying time."""
    carries: NDArray[np.bool_]
    """``[asset, pick-up place, facility, group]``: may this asset carry a casualty of this group from
    there to that facility (it serves both stages, reaches both places and its caveat allows)."""


class Outcomes(NamedTuple):
    t1_scale_min: float
    t1_shape: float
    t2_mean_min: float


class Scene(NamedTuple):
    horizon_min: float
    incidents: Incidents
    first_aid: CareTimes
    treatment: CareTimes
    surgery: CareTimes
    facilities: Facilities
    assets: Assets
    outcomes: Outcomes
    evacuation_estimate_min: NDArray[np.float64]
    """``[group, pick-up place, facility]``: the soonest an eligible vehicle could deliver from there
    (launch, drive or fly to the pick-up place, load, go): what patient regulation compares."""


class Variants(NamedTuple):
    """The runs each replication makes on the same random numbers: row 0 the scene as planned, the
    others with one more surgical team at a facility or one more vehicle of an asset."""

    extra_tables: NDArray[np.int64]
    """``[variant, facility]``."""
    extra_vehicles: NDArray[np.int64]
    """``[variant, asset]``."""


SUMMARY = (
    "surgery_2h",
    "t1",
    "resuscitation_1h",
    "bleeding_10min",
    "bleeding_eligible",
    "time_to_surgery_min",
    "operated_t1",
    "deaths",
    "died_of_wounds",
    "reached_alive",
    "evacuation_wait_min",
    "evacuation_legs",
    "killed_at_scene",
    "expectant",
    "treated",
    "in_chain",
    "not_injured",
    "deteriorated",
)
"""The columns of a replication's summary, per variant (sums and counts, divided afterwards)."""
(
    SURGERY_2H,
    T1_COUNT,
    RESUSCITATION_1H,
    BLEEDING_10MIN,
    BLEEDING_ELIGIBLE,
    TIME_TO_SURGERY,
    OPERATED_T1,
    DEATHS,
    DIED_OF_WOUNDS,
    REACHED_ALIVE,
    EVACUATION_WAIT,
    EVACUATION_LEGS,
    KILLED_AT_SCENE,
    EXPECTANT_CARE,
    TREATED,
    IN_CHAIN,
    NOT_INJURED,
    DETERIORATED,
) = range(len(SUMMARY))

FACILITY = ("queue_area", "wait_min", "joined", "max_queue", "busy_area", "admitted")
"""Per facility: the integral of the queue over time (casualty-minutes), the waits summed, casualties
that joined a queue, the longest queue, the integral of busy tables (teams at a Role 1) per table or
team, admissions."""
QUEUE_AREA, WAIT, JOINED, MAX_QUEUE, BUSY_AREA, ADMITTED = range(len(FACILITY))
SUMMARY_COLUMNS, FACILITY_COLUMNS, ASSET_COLUMNS = len(SUMMARY), len(FACILITY), 3

ASSET = ("busy_min", "carried", "vehicles")
"""Per evacuation asset: minutes its vehicles spent on missions (summed), casualties carried, vehicles."""
