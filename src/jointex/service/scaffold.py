"""`jointex new`: a valid exercise folder to start from, one include file per nation.

The files are written as a person writes them, like the bundled examples: no YAML anchors or aliases,
lists indented under their key, short lists and small records of plain values on one line
(``owners: [NOR, USA]``, ``- [60.0, 9.0]``, ``- {platform: DCM-NODE, count: 1}``).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from jointex.catalogue import nations
from jointex.errors import InputError
from jointex.model.geo import GeoPoint

HEADER = "# {title}\n# Created by `jointex new`. Validate with: jointex validate {file}\n"


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    if not slug:
        raise InputError.single(
            f"cannot make a folder name from {name!r}",
            field=("name",),
            expected="a name with letters or digits",
        )
    return slug


FLOW_WIDTH = 100
"""A list or record of plain values is written on one line when it fits in this many characters."""


def read_centre(text: str) -> GeoPoint:
    """The centre of the exercise area from ``--centre`` ('lat, lon' or MGRS). Raises `InputError`."""
    try:
        return GeoPoint.model_validate(text)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        names = {"lat_deg": "latitude", "lon_deg": "longitude"}
        where = ".".join(names.get(str(part), str(part)) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InputError.single(
            f"{where}: {message}" if where else message,
            field=("--centre",),
            expected="'lat, lon' in decimal degrees or an MGRS reference",
        ) from None


def read_start_date(text: str | None) -> date:
    """STARTEX from ``--start`` (YYYY-MM-DD); in 90 days when not given. Raises `InputError`."""
    if text is None:
        return date.today() + timedelta(days=90)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError.single(
            f"cannot read the date {text!r}", field=("--start",), expected="YYYY-MM-DD"
        ) from None


def _plain(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _one_line_length(values: list[Any]) -> int:
    """About how long a list or record of plain values is on one line."""
    return sum(len(str(value)) + 2 for value in values) + 2


class _PlainDumper(yaml.SafeDumper):
    """YAML as a person writes it: no anchors or aliases, lists indented under their key, and lists or
    records of plain values on one line when short."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    one_line = all(_plain(item) for item in data) and _one_line_length(data) <= FLOW_WIDTH
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=one_line)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    one_line = (
        all(_plain(item) for item in data.values())
        and _one_line_length([*data, *data.values()]) <= FLOW_WIDTH
    )
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=one_line)


_PlainDumper.add_representer(list, _represent_list)
_PlainDumper.add_representer(dict, _represent_dict)


def _dump(header: str, data: dict[str, Any]) -> str:
    body = yaml.dump(
        data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False
    )
    return header + body


def _exercise(name: str, host: str, start: date, centre: GeoPoint, everyone: list[str]) -> dict[str, Any]:
    lat, lon = centre.lat_deg, centre.lon_deg
    return {
        "format_version": 1,
        "id": _slug(name).upper()[:20],
        "name": name,
        "type": "ftx",
        "host_nation": host,
        "start_date": start,
        "end_date": start + timedelta(days=9),
        "label": "NATO UNCLASSIFIED",
        "area": {
            "name": f"{name} area",
            "boundary": [
                [round(lat - 1, 4), round(lon - 1, 4)],
                [round(lat + 1, 4), round(lon - 1, 4)],
                [round(lat + 1, 4), round(lon + 1, 4)],
                [round(lat - 1, 4), round(lon + 1, 4)],
            ],
        },
        "include": ["nations/*.yaml"],
        "phases": [
            {"id": "DEPLOY", "name": "Deployment", "start": start, "end": start + timedelta(days=1)},
            {
                "id": "PLAY",
                "name": "Live play",
                "start": start + timedelta(days=2),
                "end": start + timedelta(days=7),
            },
            {
                "id": "REDEPLOY",
                "name": "Redeployment",
                "start": start + timedelta(days=8),
                "end": start + timedelta(days=9),
            },
        ],
        "controllers": [{"id": "EXCON-DIR", "name": "Exercise director", "nation": host, "cell": "excon"}],
        "actors": [{"id": "MEDIA", "name": "Media (role-played)"}],
        "objectives": [
            {
                "id": "OBJ-1",
                "aspect": "interoperability",
                "statement": "Exchange a common operational picture between all national headquarters.",
                "owners": everyone,
                "measures": [
                    {
                        "metric": "interop.c2.connected_pairs_pct",
                        "comparator": ">=",
                        "threshold": 90,
                        "unit": "percent",
                    }
                ],
            }
        ],
        "vignettes": [
            {
                "id": "V-1",
                "name": "Communications check",
                "kind": "comms",
                "start": "D+2 08:00",
                "end": "D+2 12:00",
                "units": [f"{n}-HQ" for n in everyone],
                "objectives": ["OBJ-1"],
            }
        ],
        "scenario": {"name": "Starting scenario", "events": [_first_event(host)]},
    }


def _first_event(host: str) -> dict[str, Any]:
    inject = {
        "serial": "0001",
        "time": "D+2 08:00",
        "from": "EXCON-DIR",
        "to": [f"{host}-HQ"],
        "method": "message",
        "controller": "EXCON-DIR",
        "synopsis": "STARTEX: all headquarters report communications status.",
        "expected_action": "Each headquarters reports its status within 30 minutes.",
        "objectives": ["OBJ-1"],
    }
    incident = {"id": "INC-1", "name": "Communications check", "injects": [inject]}
    return {"id": "EV-1", "name": "Start of play", "incidents": [incident]}


def _nation_file(code: str, host: str, centre: GeoPoint, index: int) -> dict[str, Any]:
    position = f"{centre.lat_deg + 0.1 * index:.4f}, {centre.lon_deg:.4f}"
    return {
        "participants": [
            {
                "nation": code,
                "role": "host" if code == host else "participant",
                "languages": ["en"],
                "standards": ["STANAG 2014"],
            }
        ],
        "units": [
            {
                "id": f"{code}-HQ",
                "name": f"{nations()[code].name} national headquarters",
                "nation": code,
                "service": "command",
                "echelon": "headquarters",
                "personnel": 50,
                "exercise_location": {"name": "Headquarters site", "position": position},
                "equipment": [{"platform": "DCM-NODE", "count": 1}],
            }
        ],
    }


def scaffold_exercise(
    name: str, parent: Path, host: str, others: list[str], start: date, centre: GeoPoint
) -> Path:
    """Create ``parent/<slug of name>/`` with a valid exercise and one file per nation; return its main file.

    Written to a temporary folder first and moved into place, so a failure leaves nothing half-written.
    """
    codes = [host.upper(), *(n.upper() for n in others if n.upper() != host.upper())]
    unknown = [code for code in codes if code not in nations()]
    if unknown:
        raise InputError.single(
            f"unknown nation {', '.join(unknown)}",
            field=("nations",),
            expected="ISO 3166-1 alpha-3 codes such as USA, GBR, POL",
        )
    target = parent / _slug(name)
    if target.exists():
        raise InputError.single(f"{target} already exists", field=("name",), expected="a new folder name")
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".jointex-new-", dir=parent))
    try:
        (staging / "nations").mkdir()
        main = staging / "exercise.yaml"
        main.write_text(
            _dump(
                HEADER.format(title=name, file=target / "exercise.yaml"),
                _exercise(name, codes[0], start, centre, codes),
            ),
            encoding="utf-8",
        )
        for index, code in enumerate(codes):
            (staging / "nations" / f"{code.lower()}.yaml").write_text(
                _dump(
                    f"# {nations()[code].name}: contribution to {name}\n",
                    _nation_file(code, codes[0], centre, index),
                ),
                encoding="utf-8",
            )
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target / "exercise.yaml"
