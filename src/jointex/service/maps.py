"""`jointex map`: the map of an exercise, or of one of its vignettes, as one reader may see it.

The map is drawn from the version of the exercise released to the reader (`release_exercise`): a unit,
sensor or fire unit withheld from that version is not on it. It carries the label of what it shows.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jointex.catalogue import Catalogue
from jointex.errors import InputError, MissingSystemLibrary, Problem
from jointex.model import Exercise, Vignette, VignetteKind
from jointex.model.platform import Platform
from jointex.security.labels import document_label, force_labels, vignette_labels
from jointex.security.readers import Reader, reader_for
from jointex.security.release import release_exercise
from jointex.service.exercises import LoadedExercise

if TYPE_CHECKING:
    from jointex.render.maps.document import MapDocument, MapFormat

MAP_SUFFIXES = (".svg", ".png", ".html")


def map_format(path: Path) -> MapFormat:
    """The format a map is written in, from its file name. Raises `InputError` for another suffix."""
    suffix = path.suffix.lower()
    if suffix not in MAP_SUFFIXES:
        raise InputError.single(
            f"cannot write a map as {path.name!r}",
            field=("--out",),
            expected="a file name ending in " + ", ".join(MAP_SUFFIXES),
        )
    kind: MapFormat = "svg" if suffix == ".svg" else "png" if suffix == ".png" else "html"
    return kind


def exercise_map(
    loaded: LoadedExercise, reader: Reader | str | None = None, vignette: str | None = None
) -> MapDocument:
    """The map of the exercise area and its units, or with ``vignette`` that vignette's map (the kind's
    own, `VignetteModel.map`; for a kind without one, the vignette's units), as
    ``reader`` (a nation; by default, or with ``ALL``, the coalition) may see it. Raises `InputError`."""
    release = release_exercise(loaded.exercise, reader_for(loaded.exercise, reader))
    exercise = release.exercise
    readers = release.reader.nations
    if vignette is None:
        from jointex.render.maps.exercise import exercise_map as draw_exercise

        label = document_label(exercise, force_labels(exercise), readers)
        return draw_exercise(exercise, loaded.catalogue.platforms, label)
    from jointex.rehearse.simulate import find_vignette

    chosen = find_vignette(exercise, vignette, among=VignetteKind)
    return vignette_map(exercise, loaded.catalogue, chosen, readers)


def vignette_map(
    exercise: Exercise, catalogue: Catalogue, vignette: Vignette, readers: Iterable[str] = ()
) -> MapDocument:
    """The map of ``vignette`` of ``exercise`` (a released version for ``readers``), marked with the label
    of what it shows (the vignette, its units and objectives): the kind's own map, or for a kind without
    one, the exercise map of the vignette's units."""
    from jointex.rehearse.vignettes.plugin import Setting
    from jointex.rehearse.vignettes.registry import vignette_model

    label = document_label(exercise, vignette_labels(exercise, vignette), readers)
    model = vignette_model(vignette.kind)
    drawn = model.map(Setting(exercise, vignette, catalogue), label) if model is not None else None
    if drawn is not None:
        return drawn
    from jointex.render.maps.exercise import exercise_map as draw_exercise

    units = [exercise.units_by_id[u] for u in vignette.units if u in exercise.units_by_id]
    return draw_exercise(
        exercise, catalogue.platforms, label, units, f"{vignette.name} ({vignette.id}, {vignette.kind.value})"
    )


@dataclass(frozen=True)
class ReportMap:
    """The exercise map of a report, or why the report goes without it."""

    image: str
    """A PNG data URI; empty when the map could not be drawn."""
    warnings: tuple[Problem, ...] = ()
    """Why it could not be drawn and how to make it (the Cairo library to install), for the shell to say."""


def report_exercise_map(
    exercise: Exercise, platforms: Mapping[str, Platform], readers: Iterable[str] = ()
) -> MapDocument:
    """The exercise map of a released version as the reports print it (`style.REPORT`: as wide as the
    text of an A4 page). Raises `MissingSystemLibrary` without the Cairo library."""
    from jointex.render.maps import style
    from jointex.render.maps.exercise import exercise_map as draw_exercise

    label = document_label(exercise, force_labels(exercise), readers)
    return draw_exercise(exercise, platforms, label, layout=style.REPORT)


_IMAGES: OrderedDict[str, str] = OrderedDict()
_IMAGES_KEPT = 16


def exercise_map_image(
    exercise: Exercise, platforms: Mapping[str, Platform], readers: Iterable[str] = ()
) -> ReportMap:
    """The exercise map of a released version (`report_exercise_map`) as a PNG, for the reports (HTML and
    PDF). Without the Cairo library that draws the unit symbols the report goes out without its map, and
    the warning says what to install.

    Versions that show the same thing (most nations' versions of an exercise hold the same units under the
    same banner) share one drawing: images are kept per content, the last few in this process."""
    label = document_label(exercise, force_labels(exercise), readers)
    categories = sorted(
        {
            (line.platform, platforms[line.platform].category.value)
            for u in exercise.units
            for line in u.equipment
            if line.platform in platforms
        }
    )
    content = json.dumps(
        [
            label.marking,
            exercise.name,
            exercise.host_nation,
            str(exercise.start_date),
            str(exercise.end_date),
            exercise.area.model_dump(mode="json"),
            [u.model_dump(mode="json", exclude={"comms"}) for u in exercise.units],
            categories,
        ],
        sort_keys=True,
    )
    key = hashlib.sha256(content.encode("utf-8")).hexdigest()
    if key in _IMAGES:
        _IMAGES.move_to_end(key)
        return ReportMap(_IMAGES[key])
    try:
        image = report_exercise_map(exercise, platforms, readers).png_data_uri()
    except MissingSystemLibrary as missing:
        from jointex.render.maps.symbols import map_left_out

        return ReportMap("", map_left_out(missing))
    _IMAGES[key] = image
    while len(_IMAGES) > _IMAGES_KEPT:
        _IMAGES.popitem(last=False)
    return ReportMap(image)
