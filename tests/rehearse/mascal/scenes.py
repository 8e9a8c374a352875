"""Small MASCAL scenes for the tests: a point of injury at the origin of a local km plane, facilities and
evacuation assets placed by (east, north) km, in a one-vignette exercise."""

from __future__ import annotations

from typing import Any

import numpy as np

from jointex.catalogue import builtin_catalogue
from jointex.model import Exercise
from jointex.rehearse.engine import replication_keys
from jointex.rehearse.vignettes.mascal import VIGNETTE, MascalVignette
from jointex.rehearse.vignettes.mascal.compiled import Outputs
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, Setting
from tests.rehearse.scenes import at, exercise_with

UNITS = {"NOR-MED": "NOR", "USA-MED": "USA"}


def incident(casualties: int, **given: Any) -> dict[str, Any]:
    return {"id": "BLAST", "name": "Blast", "position": at(0, 0), "casualties": casualties, **given}


def chain(casualties: int = 60, **given: Any) -> dict[str, Any]:
    """A blast 2 km from a Norwegian Role 1, 40 km from a US Role 2 and 80 km from a host-nation
    hospital; Norwegian ambulances to the Role 1, US helicopters on to surgery."""
    return {
        "incidents": [incident(casualties, over_min=30)],
        "facilities": [
            {"id": "R1", "name": "Aid station", "role": 1, "unit": "NOR-MED", "position": at(2, 0)},
            {
                "id": "R2",
                "name": "Field hospital",
                "role": 2,
                "unit": "USA-MED",
                "position": at(40, 0),
                "surgical_tables": 2,
                "beds": 10,
            },
            {
                "id": "HOSP",
                "name": "City hospital",
                "role": 3,
                "position": at(80, 10),
                "treatment_teams": 4,
                "surgical_tables": 4,
            },
        ],
        "evacuation": [
            {"id": "AMB", "name": "Ambulances", "unit": "NOR-MED", "type": "ambulance", "count": 4},
            {
                "id": "HELO",
                "name": "MEDEVAC helicopters",
                "unit": "USA-MED",
                "type": "helicopter",
                "count": 2,
                "base": at(40, 0),
            },
        ],
        **given,
    }


def single_queue(casualties: int, over_min: float, teams: int, mean_min: float) -> dict[str, Any]:
    """Casualties (all T3) arriving as a Poisson stream at one Role 1 where they are hurt, treated by
    ``teams`` teams in exponential times of mean ``mean_min``: an M/M/c queue. Litter bearers (a vehicle
    per casualty, no travel) carry each one in as soon as it is hurt; no first aid."""
    return {
        "incidents": [
            incident(
                casualties,
                over_min=over_min,
                first_responders=0,
                triage={"t1": 0, "t2": 0, "t3": 1, "expectant": 0, "dead": 0},
            )
        ],
        "facilities": [
            {
                "id": "R1",
                "role": 1,
                "unit": "NOR-MED",
                "position": at(0, 0),
                "treatment_teams": teams,
                "treatment": {
                    t: {"mean_min": mean_min, "distribution": "exponential"} for t in ("t1", "t2", "t3")
                },
            },
            {"id": "R2", "role": 2, "unit": "USA-MED", "position": at(50, 0), "surgical_tables": 1},
        ],
        "evacuation": [
            {
                "id": "BEARERS",
                "unit": "NOR-MED",
                "type": "ambulance",
                "count": 200,
                "litters": 1,
                "launch_min": 0,
                "load_min": 0,
                "turnaround_min": 0,
                "base": at(0, 0),
            },
        ],
    }


def exercise(parameters: dict[str, Any], hours: int = 12) -> Exercise:
    """The minimal exercise with NOR-MED and USA-MED and one MASCAL vignette of ``hours``."""
    days, rest = divmod(hours, 24)
    end = f"D+{1 + days} {rest:02d}:00"
    return exercise_with(
        UNITS,
        "medical",
        {
            "name": "Mass casualty",
            "kind": "mascal",
            "start": "D+1 00:00",
            "end": end,
            "parameters": parameters,
        },
    )


def compiled(parameters: dict[str, Any], hours: int = 12) -> MascalVignette:
    ex = exercise(parameters, hours)
    return VIGNETTE.compile(Setting(ex, ex.vignettes[0], builtin_catalogue()), SINGLE_RUN)


def outputs(vignette: MascalVignette, replications: int, seed: int = 0) -> Outputs:
    return vignette.simulate(replication_keys(seed, 0, replications))


def finite(values: np.ndarray) -> np.ndarray:
    return values[np.isfinite(values)]
