"""How long people last in the water: the cold-water survival table search planners use.

The US Coast Guard's table of expected survival time by water temperature (for an adult in ordinary
clothing, no immersion suit), from the body-cooling measurements of Hayward, Eckerson & Collis (1975),
*Thermal balance and survival time prediction of man in cold water*, Can. J. Physiol. Pharmacol.
53:21-32, as the USCG publishes it for boat crews and search planners (e.g. the *Boat Crew Seamanship
Manual*, COMDTINST M16114.5), gives a band of survival times per band of water temperature. Planners
take the band's upper end, so as not to stand a search down while someone may still be alive; Tikuisis
(1997), *Prediction of survival time at sea based on observed body cooling rates*, Aviat. Space Environ.
Med. 68:441-448, discusses the curves and their spread.

jointex places each band's upper end at the band's middle temperature and interpolates the logarithm of
the time linearly between them. In water too warm for the table to limit survival (above about 24 C),
and for people out of the water (in a raft or a boat), the planner's ``limit_h`` (exposure, thirst and
exhaustion; 72 hours unless the vignette says) is the median instead. A person's time of death is drawn
log-normally around that median (`jointex.model.sar.Survival`).
"""

from __future__ import annotations

import math

import numpy as np

from jointex.model.sar import SearchObject, Survival

SURVIVAL_TABLE: tuple[tuple[float, float, float], ...] = (
    # water from, to (C); expected survival time, upper end of the band (h)
    (-2.0, 0.3, 0.75),
    (0.3, 4.4, 1.5),
    (4.4, 10.0, 3.0),
    (10.0, 15.6, 6.0),
    (15.6, 21.1, 40.0),
)
"""USCG expected survival times (32.5, 40, 50, 60 and 70 F band edges); from 21.1 C ("3 hours to
indefinitely") and above 26.7 C ("indefinitely") the table sets no limit."""

NO_LIMIT_FROM_C = (21.1 + 26.7) / 2
"""The middle of the first band the table does not limit: from here the planner's limit applies."""


def median_survival_h(water_temperature_c: float, limit_h: float) -> float:
    """Median survival time in water of ``water_temperature_c``: the table's upper expected survival
    time at the band middles, log-linearly between them, and ``limit_h`` from the warm bands on (never
    more than ``limit_h``)."""
    temperatures = [(low + high) / 2 for low, high, _ in SURVIVAL_TABLE] + [NO_LIMIT_FROM_C]
    hours = [h for _, _, h in SURVIVAL_TABLE] + [max(limit_h, SURVIVAL_TABLE[-1][2])]
    logged = float(np.interp(water_temperature_c, temperatures, np.log(hours)))
    return min(math.exp(logged), limit_h)


def survival_median_h(search_object: SearchObject, survival: Survival, water_temperature_c: float) -> float:
    """The median survival time of the people with ``search_object``: the planner's, else the table's for
    people in the water, else the limit out of the water."""
    if survival.median_h is not None:
        return survival.median_h
    if search_object.immersed:
        return median_survival_h(water_temperature_c, survival.limit_h)
    return survival.limit_h
