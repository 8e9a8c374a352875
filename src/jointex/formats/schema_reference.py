"""The file-format reference (docs/file-format.md), written from the JSON Schema so it cannot drift.

Regenerate with ``jointex schema --markdown --out docs/file-format.md``; a test fails when the file in
docs/ differs from what this module writes.
"""

from __future__ import annotations

import json
from typing import Any

from jointex.formats.schema import exercise_json_schema

INTRO = """# Exercise file format reference

*Generated from the JSON Schema of the model by `jointex schema --markdown`; do not edit by hand.*

An exercise is one YAML file (safe YAML only: no tags, no merge keys `<<`) whose top level is the
**Exercise** mapping below. Its `include:` list merges other files into it: each included file holds some
of the lists `phases`, `participants`, `controllers`, `actors`, `units`, `objectives`, `vignettes`,
`scenario.events`, plus `include` and `catalogue`, and their entries are appended. Paths resolve relative
to the including file, may be glob patterns (`nations/*.yaml`, `nations/**/*.yaml`), and must stay inside
the folder of the main exercise file: a pattern with `..` after a wildcard, or whose fixed start or a
symbolic link leads out of the folder, is refused before anything outside is listed. A file may be at most
16 MiB and nest values at most 64 deep; anchors and aliases may expand to at most 100,000 values.

Positions are WGS84: `"54.69, 25.28"` (lat, lon in decimal degrees), `[54.69, 25.28]`,
`{lat_deg: 54.69, lon_deg: 25.28}` or an MGRS reference such as `"35ULA7976060424"`. Scenario times count
from STARTEX (00:00 on `start_date`): `D+2 06:30`, `H+54`, `H+54:30`, an ISO 8601 duration (`P2DT6H30M`) or
seconds. Labels are a mapping or one banner string: `"NATO RESTRICTED // REL TO USA, GBR // EXERCISE"`;
an element without a label inherits its parent's, and a label may only be as restrictive or more.
"""


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        kinds = [_type_of(option) for option in prop["anyOf"] if option.get("type") != "null"]
        optional = any(option.get("type") == "null" for option in prop["anyOf"])
        return " or ".join(kinds) + (" (or null)" if optional else "")
    kind = prop.get("type")
    if kind == "array":
        items = prop.get("items") or (prop.get("prefixItems") or [{}])[0]
        return f"list of {_type_of(items) if items else 'values'}"
    if kind == "object":
        return "mapping"
    if kind == "string" and "format" in prop:
        return f"string ({prop['format']})"
    if kind == "string" and "pattern" in prop:
        return f"string matching `{prop['pattern']}`"
    return str(kind or "any")


def _default(prop: dict[str, Any]) -> str:
    if "default" not in prop:
        return ""
    value = prop["default"]
    if value in ((), [], {}):
        return "empty"
    return f"`{json.dumps(value)}`"


def _limits(prop: dict[str, Any]) -> str:
    bounds = []
    for key, text in (
        ("minimum", ">= {}"),
        ("exclusiveMinimum", "> {}"),
        ("maximum", "<= {}"),
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minItems", "at least {} entries"),
    ):
        if key in prop:
            bounds.append(text.format(prop[key]))
    return "; ".join(bounds)


def _section(name: str, definition: dict[str, Any]) -> list[str]:
    lines = [f"## {name}", ""]
    if definition.get("description"):
        lines += [" ".join(definition["description"].split()), ""]
    properties = definition.get("properties")
    if properties is None:
        for option in definition.get("anyOf", []):
            if "properties" in option:
                properties, definition = option["properties"], option
                break
    if "enum" in definition:
        lines += ["Values: " + ", ".join(f"`{v}`" for v in definition["enum"]), ""]
    if not properties:
        return lines
    required = set(definition.get("required", ()))
    lines += ["| field | type | required | default | notes |", "|---|---|---|---|---|"]
    for field_name, prop in properties.items():
        notes = " ".join(str(prop.get("description", "")).split())
        limits = _limits(prop)
        notes = "; ".join(part for part in (notes, limits) if part)
        lines.append(
            f"| `{field_name}` | {_type_of(prop)} | {'yes' if field_name in required else ''} | "
            f"{_default(prop)} | {notes.replace('|', '/')} |"
        )
    return [*lines, ""]


def render_format_reference() -> str:
    """The whole reference as Markdown."""
    schema = exercise_json_schema()
    lines = [INTRO, *_section("Exercise", schema)]
    for name, definition in sorted(schema.get("$defs", {}).items()):
        lines += _section(name, definition)
    return "\n".join(lines).rstrip() + "\n"
