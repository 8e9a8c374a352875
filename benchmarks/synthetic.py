"""A large synthetic exercise for benchmarks: many nations, units and injects, valid throughout."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

NATIONS = ["USA", "GBR", "FRA", "DEU", "POL", "NLD", "NOR", "LTU", "LVA", "EST"]
PLATFORMS = ["BOXER", "CV90", "JLTV", "HX77-TRUCK", "PATRIOT", "F-35A", "KC-135R", "LEOPARD-2A7", "DCM-NODE"]


def write_large_exercise(folder: Path, units: int = 5_000, injects: int = 20_000, seed: int = 7) -> Path:
    """Write a valid exercise with ``units`` units (one include file per nation) and ``injects`` injects."""
    rng = random.Random(seed)
    (folder / "nations").mkdir(parents=True, exist_ok=True)
    per_nation = units // len(NATIONS)
    unit_ids: list[str] = []
    for nation in NATIONS:
        nation_units = []
        for i in range(per_nation):
            unit_id = f"{nation}-{i:04d}"
            unit_ids.append(unit_id)
            nation_units.append(
                {
                    "id": unit_id,
                    "name": f"{nation} unit {i}",
                    "nation": nation,
                    "service": "land",
                    "echelon": "company",
                    "personnel": rng.randint(50, 200),
                    "exercise_location": f"{rng.uniform(54.5, 58.5):.4f}, {rng.uniform(22.0, 27.0):.4f}",
                    "equipment": [{"platform": rng.choice(PLATFORMS), "count": rng.randint(1, 20)}],
                    "comms": {"waveforms": ["VHF-FM"], "key_material": ["KEY-1"]},
                }
            )
        participant = {
            "nation": nation,
            "role": "host" if nation == "LTU" else "participant",
            "languages": ["en"],
            "standards": ["STANAG 2014"],
        }
        (folder / "nations" / f"{nation.lower()}.yaml").write_text(
            yaml.safe_dump({"participants": [participant], "units": nation_units}, sort_keys=False)
        )
    events = []
    per_incident = 100
    for e in range(injects // (per_incident * 10)):
        incidents = []
        for i in range(10):
            incidents.append(
                {
                    "id": f"INC-{e}-{i}",
                    "name": f"Incident {e}.{i}",
                    "injects": [
                        {
                            "serial": f"{e:03d}{i:02d}{j:03d}",
                            "time": f"D+{rng.randint(0, 9)} {rng.randint(0, 23):02d}:00",
                            "from": "EXCON",
                            "to": [rng.choice(unit_ids)],
                            "method": "message",
                            "controller": "EXCON",
                            "synopsis": "Synthetic inject for the benchmark.",
                            "expected_action": "Acknowledge.",
                            "objectives": ["OBJ-1"],
                        }
                        for j in range(per_incident)
                    ],
                }
            )
        events.append({"id": f"EV-{e}", "name": f"Event {e}", "incidents": incidents})
    main = {
        "format_version": 1,
        "id": "BIG",
        "name": "Large synthetic exercise",
        "type": "cax",
        "host_nation": "LTU",
        "start_date": "2027-05-10",
        "end_date": "2027-05-20",
        "label": "NATO UNCLASSIFIED",
        "area": {"boundary": ["54.0, 21.0", "59.0, 21.0", "59.0, 28.0", "54.0, 28.0"]},
        "include": ["nations/*.yaml"],
        "controllers": [{"id": "EXCON", "name": "Director", "nation": "LTU"}],
        "objectives": [
            {
                "id": "OBJ-1",
                "aspect": "interoperability",
                "statement": "Synthetic.",
                "owners": ["LTU"],
                "measures": [{"metric": "interop.overall_score_pct", "threshold": 1}],
            }
        ],
        "scenario": {"events": events},
    }
    path = folder / "exercise.yaml"
    path.write_text(yaml.safe_dump(main, sort_keys=False))
    return path


def iamd_raid_exercise(threats: int = 1_000, sensors: int = 50, shooters: int = 100, seed: int = 11) -> Any:
    """An exercise with one IAMD vignette: ``threats`` drones and missiles in 20 raids on 10 defended
    assets spread over 200 x 200 km, against ``sensors`` radars and ``shooters`` fire units of 10 nations."""
    import math

    from jointex.model import Exercise

    rng = random.Random(seed)

    def at(x_km: float, y_km: float) -> str:
        return f"{55.0 + y_km / 111.195:.5f}, {24.0 + x_km / (111.195 * math.cos(math.radians(55))):.5f}"

    assets = [
        {
            "id": f"A{k}",
            "position": at(rng.uniform(0, 200), rng.uniform(0, 200)),
            "value": rng.choice([1, 2, 3]),
        }
        for k in range(10)
    ]
    classes = ["small_drone", "loitering_munition", "cruise_missile", "ballistic_missile"]
    launch_km = {
        "small_drone": 60,
        "loitering_munition": 120,
        "cruise_missile": 300,
        "ballistic_missile": 600,
    }
    raids = []
    for k in range(20):
        threat = classes[k % 4]
        target = assets[k % 10]
        bearing = rng.uniform(0, 2 * math.pi)
        tx, ty = [float(v) for v in _km_of(target["position"])]
        raids.append(
            {
                "id": f"R{k}",
                "threat": threat,
                "count": threats // 20,
                "target": target["id"],
                "launch_point": at(
                    tx + launch_km[threat] * math.cos(bearing), ty + launch_km[threat] * math.sin(bearing)
                ),
                "launch_after_s": rng.uniform(0, 600),
                "interval_s": rng.uniform(1, 10),
            }
        )
    units = {}
    sensor_rows = []
    for k in range(sensors):
        unit = f"{NATIONS[k % 10]}-S{k}"
        units[unit] = NATIONS[k % 10]
        sensor_rows.append(
            {
                "unit": unit,
                "position": at(rng.uniform(-20, 220), rng.uniform(-20, 220)),
                "antenna_height_m": 20,
                "scan_period_s": rng.choice([2, 5, 10]),
                "detection_probability": 0.8,
                "detection_range_km": {
                    "small_drone": 20,
                    "loitering_munition": 40,
                    "cruise_missile": 150,
                    "ballistic_missile": 400,
                },
            }
        )
    shooter_rows = []
    for k in range(shooters):
        unit = f"{NATIONS[k % 10]}-F{k}"
        units[unit] = NATIONS[k % 10]
        near = assets[k % 10]
        x, y = _km_of(near["position"])
        shooter_rows.append(
            {
                "unit": unit,
                "position": at(x + rng.uniform(-10, 10), y + rng.uniform(-10, 10)),
                "magazine": rng.choice([8, 16, 24]),
                "salvo": rng.choice([1, 2]),
                "reaction_s": 10,
                "reload_s": 5,
                "time_of_flight_s": 15,
                "cost_per_shot": 1e6,
                "range_km": {c: [0.5, r] for c, r in zip(classes, (5, 15, 40, 30), strict=True)},
                "kill_probability": dict.fromkeys(classes, 0.7),
            }
        )
    data = {
        "format_version": 1,
        "id": "SYN-IAMD",
        "name": "Synthetic raid",
        "type": "cax",
        "host_nation": "LTU",
        "start_date": "2027-06-01",
        "end_date": "2027-06-10",
        "area": {"boundary": [at(-400, -400), at(600, -400), at(600, 600), at(-400, 600)]},
        "participants": [{"nation": n, "role": "host" if n == "LTU" else "participant"} for n in NATIONS],
        "units": [
            {
                "id": u,
                "name": u,
                "nation": n,
                "service": "air",
                "echelon": "company",
                "personnel": 50,
                "exercise_location": at(100, 100),
            }
            for u, n in units.items()
        ],
        "objectives": [
            {
                "id": "O",
                "aspect": "interoperability",
                "statement": "Defend.",
                "owners": ["LTU"],
                "measures": [{"metric": "iamd.leak_probability", "threshold": 0.1}],
            }
        ],
        "vignettes": [
            {
                "id": "RAID",
                "name": "Raid",
                "kind": "iamd",
                "start": "D+1 00:00",
                "end": "D+2 00:00",
                "units": list(units),
                "parameters": {
                    "defended_assets": assets,
                    "raids": raids,
                    "sensors": sensor_rows,
                    "shooters": shooter_rows,
                },
            }
        ],
    }
    return Exercise.model_validate(data)


def _km_of(position: str) -> tuple[float, float]:
    import math

    lat, lon = (float(v) for v in position.split(","))
    return ((lon - 24.0) * 111.195 * math.cos(math.radians(55)), (lat - 55.0) * 111.195)
