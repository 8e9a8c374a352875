"""A large synthetic exercise for benchmarks: many nations, units and injects, valid throughout."""

from __future__ import annotations

import random
from pathlib import Path

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
                "measures": [{"metric": "m", "threshold": 1}],
            }
        ],
        "scenario": {"events": events},
    }
    path = folder / "exercise.yaml"
    path.write_text(yaml.safe_dump(main, sort_keys=False))
    return path
