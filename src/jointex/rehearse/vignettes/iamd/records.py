"""The compiled scene as the kernel reads it: typed records of arrays, one row per thing.

Each record is a `NamedTuple` of arrays (and a few counts), which Numba takes as one argument and reads
by field name (``fire_units.salvo[j]``), so the kernel's steps pass five records instead of some thirty
arrays in a fixed order. Records are flat (no record inside a record): a parallel loop hands each record
to its threads field by field, which Numba does for a flat tuple only.

Indices: threats, sensors, fire units, nations and picture groups are numbered from 0 in the order of
the compiled scene (`compile.py`); nations in sorted order of their codes.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray


class Sensors(NamedTuple):
    """One row per sensor."""

    scan_period_s: NDArray[np.float64]
    detection_probability: NDArray[np.float64]
    """Per scan with the threat in range."""
    latency_s: NDArray[np.float64]
    """``[sensor, nation]``: from the sensor's detection to the nation holding the track (0 within the
    sensor's nation, the data link's delay to a linked nation, ``inf`` without a link)."""


class Threats(NamedTuple):
    """One row per threat of the raid."""

    impact_s: NDArray[np.float64]
    """When the threat reaches its target, unless killed first."""
    asset: NDArray[np.int64]
    """The defended asset it targets."""
    assets: int
    """Defended assets in the scene."""


class FireUnits(NamedTuple):
    """One row per fire unit."""

    nation: NDArray[np.int64]
    picture_group: NDArray[np.int64]
    """Nations that see each other's tracks share an engagement picture (a group)."""
    reaction_s: NDArray[np.float64]
    reload_s: NDArray[np.float64]
    time_of_flight_s: NDArray[np.float64]
    magazine: NDArray[np.int64]
    salvo: NDArray[np.int64]
    first_window: NDArray[np.int64]
    """Fire unit j's engagement windows are rows ``first_window[j]`` to ``first_window[j + 1]`` of
    `EngagementWindows` (one more entry than fire units)."""
    picture_groups: int


class DetectionWindows(NamedTuple):
    """One row per (threat, sensor) pair that can ever see each other: the time the threat is in range."""

    threat: NDArray[np.int64]
    sensor: NDArray[np.int64]
    enter_s: NDArray[np.float64]
    leave_s: NDArray[np.float64]


class EngagementWindows(NamedTuple):
    """One row per launch window of a (threat, fire unit) pair: grouped by fire unit
    (`FireUnits.first_window`), each fire unit's in priority order (priority, then time to impact)."""

    threat: NDArray[np.int64]
    open_s: NDArray[np.float64]
    """Earliest launch whose intercept falls inside the envelope."""
    close_s: NDArray[np.float64]
    """Latest such launch."""
    salvo_kill: NDArray[np.float64]
    """Probability that one salvo kills the threat."""
    rounds: int
    """Engagements a fire unit may make in one window (1 with shoot-shoot)."""


class KernelScene(NamedTuple):
    """Everything the kernel reads, compiled once for any number of replications."""

    sensors: Sensors
    threats: Threats
    fire_units: FireUnits
    detections: DetectionWindows
    engagements: EngagementWindows
