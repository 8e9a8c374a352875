"""Scenario time: offsets from the start of the exercise, written the way controllers write them.

Accepted forms: ``D+2 06:30`` (day 2 after STARTEX day, at 06:30), ``D-1``, ``H+54`` or ``H+54:30`` (hours
after STARTEX, 00:00 on the start date), ISO 8601 durations (``P2DT6H30M``), or a number of seconds.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

_D_FORM = re.compile(r"^D\s*([+-])\s*(\d+)(?:\s+(\d{1,2}):?(\d{2}))?$", re.IGNORECASE)
_H_FORM = re.compile(r"^H\s*([+-])\s*(\d+)(?::(\d{2}))?$", re.IGNORECASE)
SCENARIO_TIME_FORMS = "'D+2 06:30', 'H+54', 'H+54:30', an ISO 8601 duration like 'P2DT6H30M', or seconds"


def parse_scenario_time(value: Any) -> Any:
    """Turn a controller's time notation into a ``timedelta`` from STARTEX (start date, 00:00)."""
    if isinstance(value, (timedelta, bool)):
        return value
    if isinstance(value, (int, float)):
        return timedelta(seconds=value)
    if not isinstance(value, str):
        raise ValueError(f"expected a scenario time such as {SCENARIO_TIME_FORMS}")
    return _parse_text(value)


@lru_cache(maxsize=8192)
def _parse_text(value: str) -> timedelta | str:
    """Parse one written time; cached, since an MSEL repeats the same times many times over."""
    text = value.strip()
    match = _D_FORM.match(text)
    if match:
        sign = -1 if match[1] == "-" else 1
        hours, minutes = int(match[3] or 0), int(match[4] or 0)
        if hours > 23 or minutes > 59:
            raise ValueError(f"{value!r} has a time of day past 23:59; expected HH:MM from 00:00 to 23:59")
        return sign * timedelta(days=int(match[2])) + timedelta(hours=hours, minutes=minutes)
    match = _H_FORM.match(text)
    if match:
        sign = -1 if match[1] == "-" else 1
        return sign * timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
    if text.upper().startswith("P") or text.upper().startswith("-P"):
        return text  # pydantic reads ISO 8601 durations itself
    raise ValueError(f"cannot read the scenario time {value!r}; expected {SCENARIO_TIME_FORMS}")


def format_scenario_time(offset: timedelta) -> str:
    """``D+2 06:30`` for an offset from STARTEX; the inverse of :func:`parse_scenario_time`."""
    total_min = int(offset.total_seconds() // 60)
    sign = "-" if total_min < 0 else "+"
    days, minutes = divmod(abs(total_min), 24 * 60)
    if sign == "-" and minutes:
        return f"H-{abs(total_min) // 60}:{abs(total_min) % 60:02d}"
    return f"D{sign}{days} {minutes // 60:02d}:{minutes % 60:02d}"


ScenarioTime = Annotated[
    timedelta,
    BeforeValidator(parse_scenario_time),
    PlainSerializer(format_scenario_time, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "description": f"Scenario time from STARTEX: {SCENARIO_TIME_FORMS}.",
            "anyOf": [{"type": "string"}, {"type": "number"}],
        }
    ),
]
