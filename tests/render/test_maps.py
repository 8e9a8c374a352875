"""Maps on real geography: land where the land is, one label per place, none covering another, and
APP-6 symbols from military-symbol for what the reader may see."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import PathPatch
from matplotlib.text import Text

from jointex.model import Label
from jointex.render.maps import MapDocument, style
from jointex.render.maps.basemap import base_map, scale_for
from jointex.render.maps.placement import Placer
from jointex.render.maps.sidc import unit_sidc
from jointex.render.maps.symbols import recognised, symbol
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.maps import exercise_map
from tests.conftest import EXAMPLES, REPO
from tests.rehearse.scenes import at

BALTIC = REPO / "examples" / "baltic-shield" / "exercise.yaml"
PACIFIC = REPO / "examples" / "pacific-shelter" / "exercise.yaml"


@pytest.fixture(scope="module")
def baltic() -> LoadedExercise:
    return load_exercise(BALTIC)


@pytest.fixture(scope="module")
def pacific() -> LoadedExercise:
    return load_exercise(PACIFIC)


@pytest.fixture(scope="module")
def maps(baltic: LoadedExercise, pacific: LoadedExercise) -> dict[str, MapDocument]:
    return {
        "baltic-area": exercise_map(baltic),
        "baltic-iamd": exercise_map(baltic, vignette="V-IAMD-RAID"),
        "pacific-area": exercise_map(pacific),
        "pacific-relief": exercise_map(pacific, vignette="V-HADR-RELIEF"),
    }


def _land_patch(document: MapDocument) -> PathPatch:
    axes = document.figure.axes[0]
    patches = [p for p in axes.patches if to_hex(p.get_facecolor()) == style.LAND]
    assert len(patches) == 1, "the map draws its land as one patch"
    return patches[0]


@pytest.mark.parametrize(
    ("name", "land", "sea"),
    [
        ("baltic-area", [(25.28, 54.69), (23.90, 54.90), (24.10, 56.95)], [(20.00, 55.50), (23.50, 59.60)]),
        ("baltic-iamd", [(25.28, 54.69), (23.32, 55.93)], [(23.50, 57.30)]),
        ("pacific-relief", [(124.75, 11.05), (124.95, 10.75), (125.20, 11.80)], [(125.30, 10.90)]),
        ("pacific-area", [(124.75, 11.05), (125.45, 11.60)], [(125.30, 10.90), (124.40, 11.20)]),
    ],
    ids=["vilnius-kaunas-riga-on-land", "iamd-sites-on-land", "leyte-samar-relief", "leyte-samar-area"],
)
def test_the_map_draws_land_where_the_land_is_and_not_on_the_sea(
    maps: dict[str, MapDocument], name: str, land: list[tuple[float, float]], sea: list[tuple[float, float]]
) -> None:
    path = _land_patch(maps[name]).get_path()
    for point in land:
        assert path.contains_point(point), f"{point} should be land on {name}"
    for point in sea:
        assert not path.contains_point(point), f"{point} should be sea on {name}"


def test_the_base_map_is_shipped_at_three_scales_and_picks_10m_for_a_small_area() -> None:
    assert scale_for(3.0, 3.5) == "10m"
    assert scale_for(40.0, 30.0) == "50m"
    assert scale_for(120.0, 60.0) == "110m"
    leyte = base_map((124.2, 10.0, 125.8, 11.7))
    assert leyte.scale == "10m"
    baltic = base_map((20.0, 53.5, 28.5, 60.0))
    assert {"Lithuania", "Latvia", "Estonia"} <= {name for name, _, _ in baltic.countries}
    assert not baltic.borders.is_empty  # Lithuania's borders with its neighbours
    folder = REPO / "src" / "jointex" / "render" / "maps" / "data"
    assert sum(f.stat().st_size for f in folder.glob("*.npz")) < 3_000_000


def test_every_site_and_source_has_exactly_one_label_with_its_name(
    maps: dict[str, MapDocument], pacific: LoadedExercise
) -> None:
    from jointex.model.hadr import HadrParameters

    vignette = next(v for v in pacific.exercise.vignettes if v.id == "V-HADR-RELIEF")
    parameters = HadrParameters.model_validate(vignette.parameters)
    labels = maps["pacific-relief"].labels
    sites = [label for label in labels if label.role == "site"]
    assert sorted(label.key for label in sites) == sorted(site.id for site in parameters.sites)
    names = {site.id: site.name or site.id for site in parameters.sites}
    assert all(label.artist.get_text() == names[label.key] for label in sites)
    sources = [label.key for label in labels if label.role == "source"]
    assert sorted(sources) == sorted(source.id for source in parameters.sources)


def _boxes(document: MapDocument, kinds: tuple[str, ...] = ("text",)) -> list[tuple[str, np.ndarray]]:
    figure = document.figure
    renderer = figure.canvas.get_renderer()
    boxes = [
        (f"label {label.key}", label.artist.get_window_extent(renderer).extents) for label in document.labels
    ]
    if "symbol" in kinds:
        axes = figure.axes[0]
        boxes += [
            (f"symbol {image.get_gid()}", image.get_window_extent(renderer).extents) for image in axes.images
        ]
    return boxes


def _overlaps(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


@pytest.mark.parametrize("name", ["baltic-area", "baltic-iamd", "pacific-area", "pacific-relief"])
def test_no_two_labels_or_symbols_overlap_as_rendered(maps: dict[str, MapDocument], name: str) -> None:
    document = maps[name]
    document.png(dpi=72)  # lay the figure out as saved
    boxes = _boxes(document, ("text", "symbol"))
    assert len(boxes) > 10
    clashes = [
        (a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if _overlaps(box_a, box_b)
    ]
    assert clashes == []
    frame = document.figure.axes[0].bbox.extents
    outside = [
        n for n, box in boxes if box[0] < frame[0] - 1 or box[2] > frame[2] + 1 or box[1] < frame[1] - 1
    ]
    assert outside == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_unit_of_the_examples_gets_a_sidc_military_symbol_recognises(path: Path) -> None:
    loaded = load_exercise(path)
    for unit in loaded.exercise.units:
        sidc = unit_sidc(unit, loaded.catalogue.platforms)
        assert re.fullmatch(r"\d{20}", sidc)
        assert recognised(sidc), f"{unit.id}: {sidc}"


def test_the_sidc_says_what_the_unit_is(baltic: LoadedExercise, pacific: LoadedExercise) -> None:
    import military_symbol

    def read(loaded: LoadedExercise, unit_id: str) -> tuple[str, list[str], str]:
        """(standard identity digit, the entity's names, the echelon) as the library reads the SIDC."""
        sidc = unit_sidc(loaded.exercise.units_by_id[unit_id], loaded.catalogue.platforms)
        drawn = military_symbol.get_symbol_class_from_sidc(sidc)
        amplifier = drawn.amplifier.names[0] if drawn.amplifier else ""
        return sidc[3], list(drawn.entity.names), amplifier

    identity, names, echelon = read(baltic, "USA-PATRIOT")
    assert (identity, echelon) == ("3", "company") and "air defense" in names  # friendly
    _, names, echelon = read(baltic, "USA-F35")
    assert "fixed wing" in names and echelon == "battalion"  # a squadron reads as a battalion
    assert "hospital ship" in read(pacific, "USA-MERCY")[1]
    _, names, echelon = read(pacific, "KOR-ENG")
    assert "engineer" in names and echelon == "company"
    assert "medical" in read(pacific, "AUS-ROLE2")[1]


def test_the_svg_embeds_military_symbol_own_drawing_of_each_unit(maps: dict[str, MapDocument]) -> None:
    import military_symbol

    document = maps["baltic-area"]
    svg = document.svg()
    drawn = re.findall(r'class="app6" data-sidc="(\d{20})"', svg)
    assert sorted(drawn) == sorted(document.symbols.values())
    assert "data:image/png" not in svg  # every symbol is vector, none left as pixels
    for sidc in set(drawn):
        library = military_symbol.get_symbol_svg_string_from_sidc(sidc, bounding_padding=2)
        body = re.search(r"<svg[^>]*>(.*)</svg>", library, re.DOTALL)
        assert body is not None and body[1].strip() in svg
    assert svg == document.svg()  # the same map gives the same file


def test_a_unit_withheld_from_a_nation_is_not_drawn_on_its_map(baltic: LoadedExercise) -> None:
    restricted = baltic.exercise.units_by_id["GBR-BATTLEGROUP"]
    assert restricted.label is not None and "POL" not in (restricted.label.releasable_to or ())
    for_poland = exercise_map(baltic, "POL")
    for_britain = exercise_map(baltic, "GBR")
    assert "GBR-BATTLEGROUP" not in {label.key for label in for_poland.labels}
    assert "GBR-BATTLEGROUP" not in for_poland.svg() + for_poland.html()
    assert "GBR-BATTLEGROUP" in {label.key for label in for_britain.labels}
    assert "REL TO EST, GBR, USA" in for_britain.marking


def test_units_at_home_bases_far_away_are_named_off_the_map(maps: dict[str, MapDocument]) -> None:
    document = maps["baltic-area"]
    drawn = {label.key for label in document.labels if label.role == "unit"}
    assert "USA-TANKER" not in drawn and "LTU-NASAMS" in drawn
    notes = " ".join(t.get_text() for t in document.figure.axes[1].texts)
    assert "USA-TANKER" in notes.replace("\n", " ")


def test_the_iamd_map_shows_assets_envelopes_and_threat_axes(maps: dict[str, MapDocument]) -> None:
    document = maps["baltic-iamd"]
    roles = {label.role for label in document.labels}
    assert {"asset", "raid", "unit"} <= roles
    assert {label.key for label in document.labels if label.role == "asset"} == {
        "VILNIUS",
        "SIAULIAI-AB",
        "ELEKTRENAI",
        "KAUNAS-HPP",
    }
    axes = document.figure.axes[0]
    arrows = [a for a in axes.texts if getattr(a, "arrow_patch", None) is not None and a.get_text() == ""]
    assert len(arrows) == 6  # one axis per raid
    envelopes = [p for p in axes.patches if isinstance(p, PathPatch) and p.get_facecolor()[3] == 0]
    assert len(envelopes) >= 5  # a ring per fire unit position with a range


def test_relief_trucks_follow_the_roads_and_only_day_one_shows_in_the_picture(
    maps: dict[str, MapDocument],
) -> None:
    document = maps["pacific-relief"]
    assert document.layers[0] == "day-1" and len(document.layers) == 7
    visible = [artist.get_visible() for artist in document.layer_artists]
    assert visible == [True] + [False] * 6
    day_one = document.layer_artists[0]
    longest = max(len(segment) for segment in day_one.get_segments())
    assert longest > 3  # a truck trip passes through road junctions and towns, not just its stops
    svg = document.svg()
    assert '<g id="day-2" class="day" style="display:none">' in svg
    assert document.layer_artists[1].get_visible() is False  # writing the SVG left the picture as it was


def test_the_placer_keeps_forty_labels_at_one_point_apart_and_inside_the_map() -> None:
    placer = Placer((0.0, 0.0, 600.0, 400.0))
    boxes = [placer.place((300.0, 200.0), (60.0, 10.0), 4.0) for _ in range(40)]
    assert len(set(boxes)) == 40
    assert not any(_overlaps(np.array(a), np.array(b)) for a, b in itertools.combinations(boxes, 2))
    assert all(b[0] >= 0 and b[2] <= 600 and b[1] >= 0 and b[3] <= 400 for b in boxes)
    assert boxes[0] == (306.0, 195.0, 366.0, 205.0)  # the first goes right beside its point


def test_an_unknown_sidc_is_refused_rather_than_drawn_blank() -> None:
    with pytest.raises(ValueError, match="does not recognise"):
        symbol("10031099151211000000")


def test_the_interoperability_and_after_action_reports_open_with_the_exercise_map(
    baltic: LoadedExercise, tmp_path: Path
) -> None:
    from jointex.security.readers import reader_for
    from jointex.service.interop import interop_for_exercise, interop_report
    from jointex.service.report import report_documents

    gbr = reader_for(baltic.exercise, "GBR")
    interop = interop_report(interop_for_exercise(baltic, gbr))
    (report,) = report_documents(baltic, gbr).documents
    images = []
    for page in (interop, report):
        html = page.content.decode("utf-8")
        found = re.search(r'id="exercise-map"[^>]*><img src="(data:image/png;base64,[^"]+)"', html)
        assert found is not None, page.name
        images.append(found[1])
    assert images[0] == images[1]  # one drawing of GBR's version serves both reports


def test_rehearsal_reports_carry_their_vignette_map(baltic: LoadedExercise, pacific: LoadedExercise) -> None:
    from jointex.render.simulation_html import render_simulation_html
    from jointex.service.simulate import simulate

    raid = simulate(baltic, "V-IAMD-RAID", replications=20)
    html = render_simulation_html(raid.simulation, raid.label, "")
    assert html.count('class="app6"') >= 5 and "label-asset-VILNIUS" in html
    relief = simulate(pacific, "V-HADR-RELIEF", replications=2)
    html = render_simulation_html(relief.simulation, relief.label)
    assert relief.simulation.detail is not None
    assert html.count('class="day"') == len(relief.simulation.detail.to_dict()["need_met_by_day_pct"])
    assert "label-site-PH0826-GUI" in html


def test_the_exercise_area_is_drawn_with_every_corner(
    maps: dict[str, MapDocument], pacific: LoadedExercise
) -> None:
    axes = maps["pacific-area"].figure.axes[0]
    outline = next(p for p in axes.patches if to_hex(p.get_edgecolor()) == style.AREA)
    corners = {(round(p.lon_deg, 2), round(p.lat_deg, 2)) for p in pacific.exercise.area.boundary}
    drawn = {(round(float(x), 2), round(float(y), 2)) for x, y in outline.get_path().vertices}
    assert corners <= drawn
    assert outline.get_path().contains_point((126.0, 10.0))  # the south-east corner of the area


# ------------------------------------------------------------------------------ printed size


def _smallest_text_pt(document: MapDocument) -> float:
    """The point size of the smallest text drawn on the map: labels, key, notes, degrees, scale bar."""
    document.png(dpi=72)  # lay the figure out as saved
    texts = [t for t in document.figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert len(texts) > 20
    return min(float(t.get_fontsize()) for t in texts)


@pytest.mark.parametrize("layout", [style.SHEET, style.REPORT, style.REPORT_TALL], ids=lambda x: x.name)
def test_every_text_of_every_map_is_at_least_7_points_at_its_printed_size(
    baltic: LoadedExercise, pacific: LoadedExercise, layout: style.Layout
) -> None:
    for document in _maps_in(baltic, pacific, layout):
        assert document.figure.get_size_inches()[0] == pytest.approx(layout.width_in)
        assert _smallest_text_pt(document) >= style.SMALLEST_PRINTED_PT, document.title


def _maps_in(
    baltic: LoadedExercise, pacific: LoadedExercise, layout: style.Layout, vignettes: bool = True
) -> list[MapDocument]:
    """The exercise map and, with ``vignettes``, the IAMD and relief maps, drawn at ``layout``."""
    from jointex.model.hadr import HadrParameters
    from jointex.rehearse.vignettes.hadr import compile_hadr
    from jointex.rehearse.vignettes.hadr.relief_map import relief_map
    from jointex.rehearse.vignettes.iamd.raid_map import iamd_map
    from jointex.render.maps.exercise import exercise_map as draw_exercise

    area = draw_exercise(baltic.exercise, baltic.catalogue.platforms, Label(), layout=layout)
    if not vignettes:
        return [area]
    raid = next(v for v in baltic.exercise.vignettes if v.id == "V-IAMD-RAID")
    relief = next(v for v in pacific.exercise.vignettes if v.id == "V-HADR-RELIEF")
    compiled = compile_hadr(pacific.exercise, relief)
    scene = compiled.scene
    parameters = HadrParameters.model_validate(relief.parameters)
    return [
        area,
        iamd_map(baltic.exercise, baltic.catalogue.platforms, raid, Label(), layout),
        relief_map(
            scene, compiled.nominal_plans(0), parameters, Label(), relief.name, [50.0] * scene.sites, layout
        ),
    ]


@pytest.mark.parametrize(
    ("layout", "vignettes"),
    [(style.SHEET, True), (style.REPORT, False), (style.REPORT_TALL, True)],
    ids=["sheet", "report", "report-tall"],
)
def test_the_key_and_its_notes_fit_beside_the_map_without_covering_each_other(
    baltic: LoadedExercise, pacific: LoadedExercise, layout: style.Layout, vignettes: bool
) -> None:
    """The exercise map's short key fits a report's map; a vignette's long key fits the tall one."""
    for document in _maps_in(baltic, pacific, layout, vignettes):
        document.png(dpi=72)
        renderer = document.figure.canvas.get_renderer()
        key = document.figure.axes[1]
        legend = key.get_legend().get_window_extent(renderer).extents
        notes = key.texts[0].get_window_extent(renderer).extents
        assert legend[1] > notes[3], f"{document.title}: the key runs into its notes"
        figure = document.figure.bbox.extents
        assert legend[3] <= figure[3] and notes[1] >= figure[1] and legend[2] <= figure[2] + 1
        assert notes[2] <= figure[2] + 1, f"{document.title}: the notes run off the figure"


def test_the_after_action_report_prints_its_map_at_its_size_with_text_of_7_points_or_more(
    baltic: LoadedExercise, tmp_path: Path
) -> None:
    from weasyprint.formatting_structure.boxes import ReplacedBox

    from jointex.render.page_layout import boxes
    from jointex.render.report_html import layout_report
    from jointex.security.release import release_exercise
    from jointex.service.maps import report_exercise_map
    from jointex.service.report import report_documents

    html = report_documents(baltic).documents[0].content.decode("utf-8")
    document = layout_report(html)
    images = [
        box
        for page in document.pages
        for box in boxes(page)
        if isinstance(box, ReplacedBox) and box.element.get("alt", "").startswith("Map of the exercise")
    ]
    assert len(images) == 1
    printed_in = images[0].width / 96  # CSS pixels
    release = release_exercise(baltic.exercise, None)
    drawn = report_exercise_map(release.exercise, baltic.catalogue.platforms, release.reader.nations)
    assert images[0].element.get("src") == drawn.png_data_uri()  # the report carries this drawing
    width_in = float(drawn.figure.get_size_inches()[0])
    assert _smallest_text_pt(drawn) * printed_in / width_in >= style.SMALLEST_PRINTED_PT
    assert printed_in <= style.A4_TEXT_WIDTH_IN + 0.01


def test_the_rehearsal_maps_are_drawn_as_wide_as_an_a4_page_text(
    baltic: LoadedExercise, pacific: LoadedExercise
) -> None:
    """Printed on A4, a map as wide as the page keeps the size it was drawn at (the test above shows its
    text is at least 7 points at that size)."""
    from jointex.render.simulation_html import render_simulation_html
    from jointex.service.simulate import simulate

    raid = simulate(baltic, "V-IAMD-RAID", replications=20)
    relief = simulate(pacific, "V-HADR-RELIEF", replications=2)
    pages = [
        render_simulation_html(raid.simulation, raid.label, ""),
        render_simulation_html(relief.simulation, relief.label),
    ]
    for html in pages:
        widths = [float(w) / 72 for w in re.findall(r'<svg [^>]*viewBox="0 0 ([\d.]+) [\d.]+"', html)]
        assert widths, "the report carries its map"
        assert max(widths) == pytest.approx(style.REPORT_TALL.width_in)
        assert max(widths) <= style.A4_TEXT_WIDTH_IN


def test_a_degree_of_longitude_is_measured_on_the_wgs84_ellipsoid() -> None:
    from pyproj import Geod

    from jointex.render.maps.geodesy import circle, km_per_degree_lon

    assert km_per_degree_lon(0.0) == pytest.approx(111.320, abs=0.001)  # WGS 84 equator
    assert km_per_degree_lon(60.0) == pytest.approx(55.800, abs=0.01)
    geod = Geod(ellps="WGS84")
    for lat in (-70.0, -12.5, 11.2, 55.0, 89.0):  # the closed form agrees with pyproj's geodesic
        metres = geod.inv(0.0, lat, 0.001, lat)[2]
        assert km_per_degree_lon(lat) == pytest.approx(metres / 1e3 / 0.001, rel=1e-6)
    ring = circle(55.0, 24.0, 100.0, points=8)
    assert ring[0] == pytest.approx(ring[-1])  # closed
    north = ring[0]
    assert north[0] == pytest.approx(24.0) and north[1] == pytest.approx(55.0 + 100 / 111.3, abs=0.01)


# ------------------------------------------------------------------------------ roads


def test_trucks_are_drawn_along_the_road_the_model_times_them_on() -> None:
    """A damaged short road and an intact longer one: the model times the truck over the longer road
    (quicker at the damaged road's reduced speed), and the map draws that road."""
    from jointex.model.hadr import HadrParameters
    from jointex.rehearse.vignettes.hadr.relief_map import relief_map
    from tests.rehearse.hadr_scenes import QUIET, depot, relief, site, truck

    parameters = {
        "sites": [site("T", 20, 0)],
        "sources": [depot("D", 0, 0)],
        "assets": [truck("TRUCK")],
        "roads": {
            "junctions": [{"id": "J", "position": at(10, 8)}],
            "segments": [
                {"ends": ["D", "T"], "state": "damaged"},
                {"ends": ["D", "J"]},
                {"ends": ["J", "T"]},
            ],
        },
        "disruptions": QUIET,
    }
    vignette = relief(parameters)
    scene = vignette.scene
    km, slow = scene.roads.travel(np.zeros(scene.roads.links, dtype=bool))
    direct = scene.roads.link_km[0]
    detour = scene.roads.link_km[1] + scene.roads.link_km[2]
    assert km[0, 1] == pytest.approx(direct) and direct < detour  # the damaged road is the shorter
    assert slow[0, 1] == pytest.approx(detour)  # the truck is timed on the longer, intact one
    plans = vignette.nominal_plans(0)
    assert plans[0].trips, "the plan sends the truck"
    document = relief_map(
        scene, plans, HadrParameters.model_validate(parameters), Label(), "Detour", None, style.REPORT
    )
    lat, lon = (float(v) for v in at(10, 8).split(","))
    drawn = [np.asarray(s) for s in document.layer_artists[0].get_segments()]
    assert any(np.allclose(point, (lon, lat), atol=1e-6) for line in drawn for point in line)


# ------------------------------------------------------------------------------ withheld from a nation


def _copy_with(example: str, tmp_path: Path, file: str, old: str, new: str) -> LoadedExercise:
    """The example copied into ``tmp_path`` with ``old`` replaced by ``new`` in one of its files."""
    import shutil

    folder = tmp_path / example
    shutil.copytree(REPO / "examples" / example, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_exercise(folder / "exercise.yaml")


def test_the_iamd_map_for_a_nation_leaves_out_a_fire_unit_withheld_from_it(tmp_path: Path) -> None:
    """USA-PATRIOT, a sensor and fire unit of the raid, released to LTU and USA only: POL's map of the
    raid has neither its symbol nor its engagement envelope, LTU's has both."""
    loaded = _copy_with(
        "baltic-shield",
        tmp_path,
        "nations/usa.yaml",
        "    equipment: [{platform: PATRIOT, count: 1}]\n",
        "    equipment: [{platform: PATRIOT, count: 1}]\n    label: NATO RESTRICTED // REL TO LTU, USA\n",
    )
    maps = {nation: exercise_map(loaded, nation, "V-IAMD-RAID") for nation in ("POL", "LTU")}

    def envelopes(document: MapDocument) -> int:
        axes = document.figure.axes[0]
        return sum(1 for p in axes.patches if isinstance(p, PathPatch) and p.get_facecolor()[3] == 0)

    for nation, shown in (("POL", False), ("LTU", True)):
        document = maps[nation]
        units = {label.key.split("@")[0] for label in document.labels if label.role == "unit"}
        assert ("USA-PATRIOT" in units) is shown, nation
        assert ("USA-PATRIOT" in document.svg() + document.html()) is shown, nation
        assert "DEU-PATRIOT" in units  # the rest of the defence is there
    assert envelopes(maps["POL"]) == envelopes(maps["LTU"]) - 1


def test_the_relief_map_for_a_nation_leaves_out_the_vehicles_withheld_from_it(tmp_path: Path) -> None:
    """NZL's airlift unit (its C-130s) released to NZL and PHL only: JPN's relief map has no NZL trips
    nor NZL in its key; PHL's has them. Supply sources and sites are the vignette's own and are withheld
    only with the whole vignette."""
    loaded = _copy_with(
        "pacific-shelter",
        tmp_path,
        "nations/nzl.yaml",
        "{platform: TACSAT-TERMINAL, count: 2}]}",
        '{platform: TACSAT-TERMINAL, count: 2}], label: "PS27 UNCLASSIFIED // REL TO NZL, PHL"}',
    )
    for nation, shown in (("JPN", False), ("PHL", True)):
        document = exercise_map(loaded, nation, "V-HADR-RELIEF")
        key = [t.get_text() for t in document.figure.axes[1].get_legend().get_texts()]
        assert ("NZL" in key) is shown, nation
        colour = dict(zip(key, document.figure.axes[1].get_legend().legend_handles, strict=True))
        if shown:
            nzl = to_hex(colour["NZL"].get_color())
            trips = [to_hex(c) for layer in document.layer_artists for c in layer.get_colors()]
            assert nzl in trips  # the C-130s fly
        assert {label.key for label in document.labels if label.role == "source"} >= {"MACTAN-AB", "TAC-AIR"}
