"""Affected sites and people in need from an HXL-tagged CSV (Humanitarian Exchange Language).

Humanitarian clusters share needs assessments as spreadsheets with a row of HXL hashtags under the
headers. jointex reads, with libhxl:

===================  ========  =====================================================================
hashtag              needed    meaning
===================  ========  =====================================================================
``#loc+code``        yes       site id (a P-code such as ``PH0802601``)
``#loc+name``        no        site name
``#geo+lat``         one of    latitude, decimal degrees (with ``#geo+lon``)
``#geo+lon``                   longitude, decimal degrees
``#geo+coord``                 "lat, lon" or an MGRS reference, instead of the two above
``#inneed``          one of    people in need (preferred), else ``#affected``, else ``#population``
``#severity``        no        priority 1 (lowest) to 5 (most urgent); default 3
``#access``          no        how loads arrive: ``road``, ``helicopter``, ``airstrip``, ``beach``,
                               separated by spaces, commas or semicolons; default ``road helicopter``
===================  ========  =====================================================================

Attributes after the hashtag (``#inneed+total``) are allowed: libhxl matches tag patterns. Every row
becomes a `Site`, checked on the spot, so a bad value is reported at its file, line and hashtag.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jointex.errors import InputError, Problem
from jointex.formats.includes import display_path, path_entry_problem
from jointex.formats.safe_files import real_path
from jointex.formats.yaml_source import MAX_FILE_BYTES, SourceMap
from jointex.model.hadr import Site

MAX_SITES = 20_000
_POPULATION_TAGS = ("#inneed", "#affected", "#population")
_FIELD_TAG = {
    "id": "#loc+code",
    "name": "#loc+name",
    "population": "#inneed",
    "priority": "#severity",
    "access": "#access",
    "position": "#geo",
}


def read_hxl_sites(path: Path) -> list[Site]:
    """Every row of an HXL CSV as a `Site`. Raises `InputError` naming file, line and hashtag."""
    import hxl  # libhxl: imported here, it is slow to import and only this reader needs it

    shown = display_path(path)
    if not path.is_file():
        raise InputError.single("no such file", file=shown, expected="an HXL-tagged CSV of affected sites")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError.single("file over the 16 MiB limit", file=shown)
    try:
        source = hxl.data(str(path), hxl.InputOptions(allow_local=True, encoding="utf-8"))
        tags = [column.display_tag for column in source.columns]
    except hxl.input.HXLTagsNotFoundException:
        raise InputError.single(
            "no row of HXL hashtags in the first 25 rows",
            file=shown,
            expected="a row such as '#loc+code,#loc+name,#geo+lat,#geo+lon,#inneed' under the headers",
        ) from None
    except (hxl.HXLException, UnicodeDecodeError, OSError) as error:
        raise InputError.single(f"cannot read as HXL CSV: {error}", file=shown) from None
    _require_tags(tags, shown)
    population_tag = next(t for t in _POPULATION_TAGS if _has(tags, t))
    sites: list[Site] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in source:
        line = row.source_row_number + 1
        if len(sites) >= MAX_SITES:
            raise InputError.single(f"over {MAX_SITES} sites", file=shown, line=line)
        if not any((value or "").strip() for value in row.values):
            continue
        raw = _row_fields(row, tags, population_tag)
        try:
            site = Site.model_validate(raw)
        except ValidationError as error:
            for detail in error.errors():
                field = str(detail["loc"][0]) if detail["loc"] else "position"
                tag = population_tag if field == "population" else _FIELD_TAG.get(field, field)
                problems.append(
                    Problem(
                        f"{detail['msg']} (got {_shown_value(raw.get(field))})",
                        file=shown,
                        line=line,
                        field=(tag,),
                    )
                )
            continue
        if site.id in seen:
            problems.append(
                Problem(
                    f"site {site.id} is already on line {seen[site.id]}",
                    file=shown,
                    line=line,
                    field=("#loc+code",),
                    expected="one row per site",
                )
            )
            continue
        seen[site.id] = line
        sites.append(site)
    if problems:
        raise InputError(tuple(problems))
    if not sites:
        raise InputError.single("no site rows under the hashtags", file=shown)
    return sites


def _has(tags: list[str], pattern: str) -> bool:
    """Whether a column matches the HXL tag pattern (the hashtag and every attribute named)."""
    wanted = pattern.split("+")
    for tag in tags:
        parts = tag.split("+")
        if parts[0] == wanted[0] and set(wanted[1:]) <= set(parts[1:]):
            return True
    return False


def _require_tags(tags: list[str], shown: Path) -> None:
    missing: list[str] = []
    if not _has(tags, "#loc+code"):
        missing.append("#loc+code (the site id)")
    if not (_has(tags, "#geo+coord") or (_has(tags, "#geo+lat") and _has(tags, "#geo+lon"))):
        missing.append("#geo+lat and #geo+lon, or #geo+coord (the position)")
    if not any(_has(tags, t) for t in _POPULATION_TAGS):
        missing.append("#inneed, #affected or #population (the people in need)")
    if missing:
        raise InputError.single(
            "missing HXL hashtags: " + "; ".join(missing),
            file=shown,
            line=None,
            expected=f"these hashtags in the hashtag row (found {', '.join(tags) or 'none'})",
        )


def _row_fields(row: Any, tags: list[str], population_tag: str) -> dict[str, Any]:
    def cell(pattern: str) -> str | None:
        value = row.get(pattern) if _has(tags, pattern) else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    raw: dict[str, Any] = {"id": cell("#loc+code"), "population": _number(cell(population_tag))}
    if _has(tags, "#geo+lat") and _has(tags, "#geo+lon"):
        raw["position"] = [_number(cell("#geo+lat")), _number(cell("#geo+lon"))]
    else:
        raw["position"] = cell("#geo+coord")
    if name := cell("#loc+name"):
        raw["name"] = name
    if (severity := cell("#severity")) is not None:
        raw["priority"] = _number(severity)
    if (access := cell("#access")) is not None:
        raw["access"] = [part.lower() for part in re.split(r"[\s,;]+", access) if part]
    return {key: value for key, value in raw.items() if value is not None}


def _number(text: str | None) -> Any:
    """A number written with thousands separators ("12,500") as an int or float; other text as is, for
    the model to refuse with a clear message."""
    if text is None:
        return None
    cleaned = text.replace(",", "").replace(" ", "")
    try:
        number = float(cleaned)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def _shown_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def merge_hxl_sites(data: dict[str, Any], source: SourceMap, root_folder: Path) -> None:
    """Read the ``sites_file`` of every HADR vignette in an exercise's merged data and append its sites
    to ``parameters.sites``. The file must lie in the exercise's folder or below it. Raises `InputError`.
    """
    problems: list[Problem] = []
    vignettes = data.get("vignettes")
    if not isinstance(vignettes, list):
        return
    for index, vignette in enumerate(vignettes):
        if not isinstance(vignette, dict) or vignette.get("kind") != "hadr":
            continue
        parameters = vignette.get("parameters")
        if not isinstance(parameters, dict) or parameters.get("sites_file") is None:
            continue
        where = ("vignettes", index, "parameters", "sites_file")
        entry = parameters["sites_file"]
        why = path_entry_problem(entry)
        if why is not None:
            problems.append(source.problem(where, f"sites_file {why}", "a CSV path relative to the exercise"))
            continue
        target = real_path(root_folder / entry)
        if not target.is_relative_to(root_folder):
            problems.append(
                source.problem(
                    where,
                    f"sites_file {entry} is outside the exercise folder",
                    expected="a file in the folder of the main exercise file, or below it",
                )
            )
            continue
        if not target.is_file():
            problems.append(source.problem(where, f"no file {entry}", "an HXL CSV next to the exercise"))
            continue
        try:
            sites = read_hxl_sites(target)
        except InputError as error:
            problems.extend(error.problems)
            continue
        inline = parameters.get("sites") or []
        if not isinstance(inline, list):
            continue  # the model reports the wrong type
        parameters["sites"] = [*inline, *(site.model_dump(mode="json") for site in sites)]
    if problems:
        raise InputError(tuple(problems))
