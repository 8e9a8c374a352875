"""The evacuation chain as a flow diagram: points of injury, then Role 1, 2 and 3 facilities in columns,
a box for each with its waits and how busy it is, and an arrow for each evacuation leg as wide as the
casualties it carried. Drawn as SVG markup (crisp at any size, searchable, no image to encode), in the
house style of the report's charts (`jointex.render.charts`: muted lines, one accent for what needs
attention, here the bottleneck)."""

from __future__ import annotations

from html import escape

from jointex.model.metrics.display import MISSING, format_number
from jointex.rehearse.engine import Estimate
from jointex.rehearse.vignettes.mascal.detail import MascalDetail

BOX_W, BOX_H, ROW_GAP, TOP, SIDE = 200, 84, 26, 44, 24
LINE = "#607d8b"
TEXT = "#212121"
MUTED = "#616161"
ACCENT = "#c62828"
"""The bottleneck's outline: the one red of the drawing."""
BUSY = (("#2e7d32", 70.0), ("#f9a825", 90.0), ("#c62828", 1e9))
"""Utilisation bar colours: below 70%, below 90%, from 90% up."""
COLUMNS = ("Point of injury", "Role 1", "Role 2", "Role 3")


def _number(e: Estimate | None) -> str:
    return MISSING if e is None or e.n == 0 else format_number(e.mean)


def _shorten(text: str, length: int = 28) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def flow_svg(detail: MascalDetail) -> str:
    """The diagram as an ``<svg>`` element as wide as its container."""
    boxes: dict[str, tuple[int, list[str], float | None]] = {}
    for id_, name, wait in detail.incidents:
        boxes[id_] = (0, [name, "point of injury", f"wait for evacuation {_number(wait)} min"], None)
    for f in detail.facilities:
        lines = [
            f.name,
            f"{f.nation} · Role {f.role} · admitted {_number(f.admitted)}",
            f"wait for care {_number(f.mean_wait_min)} min",
        ]
        if f.evacuation_wait_min is not None and f.evacuation_wait_min.n:
            lines.append(f"wait to move on {_number(f.evacuation_wait_min)} min")
        busy = f.utilisation_pct.mean if f.utilisation_pct.n else None
        boxes[f.id] = (f.role, lines, busy)
    columns = sorted({column for column, _, _ in boxes.values()})
    x_of = {c: SIDE + k * (BOX_W + 110) for k, c in enumerate(columns)}
    rows: dict[int, int] = {}
    at: dict[str, tuple[float, float]] = {}
    for id_, (column, _, _) in boxes.items():
        row = rows.get(column, 0)
        rows[column] = row + 1
        at[id_] = (x_of[column], TOP + row * (BOX_H + ROW_GAP))
    width = SIDE * 2 + len(columns) * BOX_W + (len(columns) - 1) * 110
    height = TOP + max(rows.values()) * (BOX_H + ROW_GAP) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Evacuation chain: casualties by leg, waits and utilisation" '
        f'font-family="sans-serif" font-size="11">'
    ]
    parts += [
        f'<text x="{x_of[c] + BOX_W / 2}" y="20" text-anchor="middle" font-weight="bold" fill="{MUTED}">'
        f"{COLUMNS[c]}</text>"
        for c in columns
    ]
    legs = _legs(detail, at)
    parts += legs[: len(detail.legs)]
    bottleneck = detail.bottleneck.place if detail.bottleneck else None
    for id_, (_, lines, busy) in boxes.items():
        parts += _box(at[id_], lines, busy, id_ == bottleneck)
    parts += legs[len(detail.legs) :]  # the numbers over the boxes' edges
    parts.append("</svg>")
    return "".join(parts)


def _ports(ends: list[tuple[int, str, float]]) -> dict[int, float]:
    """Spread the legs meeting one side of a box along it, in the order of the boxes at their other end:
    ``ends`` are (leg, box, y of the other end); returns each leg's y on this side."""
    spread: dict[int, float] = {}
    by_box: dict[str, list[tuple[float, int]]] = {}
    for leg, box, other in ends:
        by_box.setdefault(box, []).append((other, leg))
    for box, legs in by_box.items():
        top = float(box.split("@")[1])
        for k, (_, leg) in enumerate(sorted(legs)):
            spread[leg] = top + 14 + (BOX_H - 28) * (k + 1) / (len(legs) + 1)
    return spread


def _legs(detail: MascalDetail, at: dict[str, tuple[float, float]]) -> list[str]:
    """Each leg as a curve from the right side of its pick-up place to the left side of its facility, as
    wide as the casualties it carried, with their number where it arrives."""
    most = max((leg.casualties for leg in detail.legs), default=0.0)
    legs = list(detail.legs)
    out = _ports(
        [(k, f"{leg.origin}@{at[leg.origin][1]}", at[leg.destination][1]) for k, leg in enumerate(legs)]
    )
    into = _ports(
        [(k, f"{leg.destination}@{at[leg.destination][1]}", at[leg.origin][1]) for k, leg in enumerate(legs)]
    )
    paths, labels = [], []
    for k, leg in enumerate(legs):
        (x0, _), (x1, _) = at[leg.origin], at[leg.destination]
        start = (x0 + BOX_W, out[k])
        if x1 <= x0:  # within a column or backwards: around the right side
            end = (x1 + BOX_W, into[k])
            bend = max(start[0], end[0]) + 60
            path = (
                f"M{start[0]},{start[1]:.1f} C{bend},{start[1]:.1f} {bend},{end[1]:.1f} {end[0]},{end[1]:.1f}"
            )
            anchor, label_x = "start", end[0] + 4
        else:
            end = (x1, into[k])
            middle = (start[0] + end[0]) / 2
            path = (
                f"M{start[0]},{start[1]:.1f} C{middle},{start[1]:.1f} {middle},{end[1]:.1f} "
                f"{end[0]},{end[1]:.1f}"
            )
            anchor, label_x = "end", end[0] - 4
        stroke = 1.5 + 9 * leg.casualties / most if most > 0 else 1.5
        paths.append(
            f'<path d="{path}" fill="none" stroke="{LINE}" stroke-opacity="0.5" stroke-width="{stroke:.1f}"/>'
        )
        text = escape(format_number(leg.casualties))
        place = f'x="{label_x:.0f}" y="{end[1] - 3:.0f}" text-anchor="{anchor}" font-size="10"'
        labels.append(f'<text {place} fill="white" stroke="white" stroke-width="3">{text}</text>')  # halo
        labels.append(f'<text {place} fill="{TEXT}">{text}</text>')
    return paths + labels


def _box(corner: tuple[float, float], lines: list[str], busy: float | None, bottleneck: bool) -> list[str]:
    x, y = corner
    outline = f'stroke="{ACCENT}" stroke-width="3"' if bottleneck else f'stroke="{LINE}" stroke-width="1"'
    parts = [f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="white" {outline}/>']
    for k, line in enumerate(lines):
        weight = ' font-weight="bold"' if k == 0 else ""
        colour = TEXT if k == 0 else MUTED
        parts.append(
            f'<text x="{x + 8}" y="{y + 16 + k * 15}" fill="{colour}"{weight}>'
            f"{escape(_shorten(line, 29 if k == 0 else 34))}</text>"
        )
    if busy is not None:
        share = min(max(busy, 0.0), 100.0) / 100
        colour = next(c for c, below in BUSY if busy < below)
        parts.append(
            f'<rect x="{x + 8}" y="{y + BOX_H - 10}" width="{BOX_W - 60}" height="5" fill="#eceff1"/>'
        )
        parts.append(
            f'<rect x="{x + 8}" y="{y + BOX_H - 10}" width="{(BOX_W - 60) * share:.1f}" height="5" '
            f'fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{x + BOX_W - 8}" y="{y + BOX_H - 5}" text-anchor="end" fill="{MUTED}">'
            f"{escape(format_number(busy))}% busy</text>"
        )
    if bottleneck:
        parts.append(
            f'<text x="{x + BOX_W}" y="{y - 5}" text-anchor="end" fill="{ACCENT}" font-weight="bold">'
            "bottleneck</text>"
        )
    return parts
