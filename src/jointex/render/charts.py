"""Charts that need a drawing (the network, estimates with their intervals) as inline PNG (base64 data
URIs), so a report is one self-contained file that works offline. Legends sit outside the plotted area,
never over it. Tables of numbers (heatmaps, counts by category) are HTML: see `jointex.render.html_charts`.
"""

from __future__ import annotations

import base64
import functools
import io
import math
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # no display: reports are written on servers and in CI

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

NATION_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#17becf",
    "#bcbd22",
    "#e377c2",
    "#aec7e8",
    "#98df8a",
    "#c5b0d5",
)
"""Nation fills in the network drawing: no red, so a nation never reads as a warning."""
NET_COLOUR = "#616161"
SINGLE_POINT_RING = "#000000"
"""The ring around a single point of failure: black, unlike any nation's fill."""
SERIES_COLOURS = ("#1565c0", "#ef6c00", "#6a1b9a")
LABEL_POINTS = 7.5
DPI = 110


def png(figure: Figure, tight: bool = True) -> str:
    """The figure as a PNG data URI (and closed); ``tight`` trims its margins (one more drawing pass)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight" if tight else None)
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _network_layout(graph: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Connected nodes by a spring layout; units on no shared net in a row beneath them. The same
    network is drawn the same way every time, whatever order its nodes were added in."""
    connected = nx.Graph()
    connected.add_nodes_from(sorted(n for n in graph.nodes if graph.degree(n) > 0))
    connected.add_edges_from(sorted(tuple(sorted(edge)) for edge in graph.edges))
    placed = nx.spring_layout(connected, seed=seed, k=1.6 / math.sqrt(max(len(connected), 1)), iterations=200)
    layout = {n: (float(x), float(y)) for n, (x, y) in placed.items()}
    alone = sorted(n for n in graph.nodes if graph.degree(n) == 0)
    if alone:
        xs = [p[0] for p in layout.values()] or [-1.0, 1.0]
        bottom = min((p[1] for p in layout.values()), default=0.0) - 0.25
        left, right = min(xs), max(xs)
        step = (right - left) / max(len(alone), 1)
        for i, node in enumerate(alone):
            layout[node] = (left + step * (i + 0.5), bottom)
    return layout


def _overlap(a: Bbox, b: Bbox) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def _alignment(dx: float, dy: float) -> tuple[str, str]:
    """Text alignment that keeps a label on the far side of its offset from the node."""
    ha = "left" if dx > 0.3 else "right" if dx < -0.3 else "center"
    va = "bottom" if dy > 0.3 else "top" if dy < -0.3 else "center"
    return ha, va


# (distance in node radii, dx, dy): the 8 places next to the node first, then rings further out every 30°
_CANDIDATES = [
    (1.0, dx, dy)
    for dx, dy in (
        (1, 0),
        (-1, 0),
        (0, 1),
        (0, -1),
        (0.75, 0.75),
        (-0.75, 0.75),
        (0.75, -0.75),
        (-0.75, -0.75),
    )
] + [
    (distance, math.cos(math.radians(angle)), math.sin(math.radians(angle)))
    for distance in (2.2, 3.4, 4.8, 6.5)
    for angle in range(0, 360, 30)
]


def _box_at(x: float, y: float, width: float, height: float, ha: str, va: str) -> Bbox:
    x0 = x if ha == "left" else x - width if ha == "right" else x - width / 2
    y0 = y if va == "bottom" else y - height if va == "top" else y - height / 2
    return Bbox([[x0, y0], [x0 + width, y0 + height]])


def place_labels(
    axes: Axes,
    renderer: RendererBase,
    positions: dict[str, tuple[float, float]],
    labels: dict[str, str],
    radii_pt: dict[str, float],
    order: Sequence[str],
) -> dict[str, Annotation]:
    """Label each node where the label covers no other label and no node: the first free place next to
    it, else further out with a leader line; the least crowded place when none is free."""
    scale = axes.figure.dpi / 72
    nodes = {}
    for node, (x, y) in positions.items():
        cx, cy = axes.transData.transform((x, y))
        r = radii_pt[node] * scale
        nodes[node] = Bbox([[cx - r, cy - r], [cx + r, cy + r]])
    frame = axes.get_window_extent(renderer)
    taken: list[Bbox] = []
    placed: dict[str, Annotation] = {}
    style = {"fontsize": LABEL_POINTS, "zorder": 5}
    for node in order:
        probe = axes.text(0, 0, labels[node], **style)  # type: ignore[arg-type]
        size = probe.get_window_extent(renderer)
        probe.remove()
        cx, cy = nodes[node].x0 + nodes[node].width / 2, nodes[node].y0 + nodes[node].height / 2
        gap = (radii_pt[node] + 2) * scale
        best: tuple[float, float, float, float] = (math.inf, 1.0, 1.0, 0.0)
        for distance, dx, dy in _CANDIDATES:
            ha, va = _alignment(dx, dy)
            box = _box_at(cx + dx * gap * distance, cy + dy * gap * distance, size.width, size.height, ha, va)
            box = box.padded(3)
            crowding = sum(_overlap(box, other) for other in taken)
            crowding += sum(_overlap(box, b) for n, b in nodes.items() if n != node)
            crowding += box.width * box.height - _overlap(box, frame)  # outside the drawing
            if crowding < best[0]:
                best = (crowding, distance, dx, dy)
            if crowding == 0:
                break
        _, distance, dx, dy = best
        ha, va = _alignment(dx, dy)
        offset = (dx * gap * distance / scale, dy * gap * distance / scale)
        placed[node] = axes.annotate(
            labels[node],
            positions[node],
            xytext=offset,
            textcoords="offset points",
            ha=ha,
            va=va,
            arrowprops={"arrowstyle": "-", "color": "#757575", "lw": 0.7, "shrinkA": 0}
            if distance > 1
            else None,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
            **style,  # type: ignore[arg-type]
        )
        taken.append(_box_at(cx + offset[0] * scale, cy + offset[1] * scale, size.width, size.height, ha, va))
    return placed


def network_figure(graph: nx.Graph, unit_nation: dict[str, str], single_points: set[str]) -> Figure:
    """The communications network: units as circles filled with their nation's colour, voice nets as
    grey squares and data links as grey diamonds, single points of failure ringed in black; every node
    named, no two names overlapping. Units on no shared secure net stand in a row at the bottom."""
    figure = plt.figure(figsize=(10, 7.6), dpi=DPI)
    axes = figure.add_axes((0.01, 0.1, 0.98, 0.85))
    axes.axis("off")
    layout = _network_layout(graph)
    xs, ys = [p[0] for p in layout.values()], [p[1] for p in layout.values()]
    width, height = max(xs) - min(xs) or 1.0, max(ys) - min(ys) or 1.0
    axes.set_xlim(min(xs) - 0.18 * width, max(xs) + 0.18 * width)
    axes.set_ylim(min(ys) - 0.05 * height, max(ys) + 0.05 * height)
    nations = sorted(set(unit_nation.values()))
    colour = {n: NATION_COLOURS[i % len(NATION_COLOURS)] for i, n in enumerate(nations)}
    units = [n for n in graph.nodes if n.startswith("unit:")]
    voice = [n for n in graph.nodes if n.startswith("voice:")]
    links = [n for n in graph.nodes if not n.startswith(("unit:", "voice:"))]
    nx.draw_networkx_edges(graph, layout, ax=axes, alpha=0.25)
    sizes = {"unit": 190.0, "net": 70.0}
    for nodes, shape in ((voice, "s"), (links, "D")):
        nx.draw_networkx_nodes(
            graph,
            layout,
            nodelist=nodes,
            node_shape=shape,
            node_size=sizes["net"],
            node_color=NET_COLOUR,
            ax=axes,
        )
    nx.draw_networkx_nodes(
        graph,
        layout,
        nodelist=units,
        node_size=sizes["unit"],
        node_color=[colour[unit_nation[n[5:]]] for n in units],
        edgecolors="white",
        linewidths=1.0,
        ax=axes,
    )
    radii = {n: math.sqrt(sizes["unit" if n in units else "net"]) / 2 for n in graph.nodes}
    ringed = [n for n in graph.nodes if n in single_points]
    if ringed:
        ring = [(2 * (radii[n] + 4)) ** 2 for n in ringed]
        axes.scatter(
            [layout[n][0] for n in ringed],
            [layout[n][1] for n in ringed],
            s=ring,
            facecolors="none",
            edgecolors=SINGLE_POINT_RING,
            linewidths=2.2,
            zorder=4,
        )
        radii.update({n: radii[n] + 5 for n in ringed})
    alone = [n for n in units if graph.degree(n) == 0]
    if alone:
        axes.annotate(
            "On no shared secure net:",
            (axes.get_xlim()[0], layout[alone[0]][1]),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=LABEL_POINTS,
            fontstyle="italic",
            va="center",
        )
    order = sorted(
        graph.nodes, key=lambda n: (n not in single_points, not n.startswith("unit:"), -graph.degree(n), n)
    )
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    place_labels(axes, renderer, layout, {n: n.split(":", 1)[1] for n in graph.nodes}, radii, order)
    nation_keys = [
        Line2D(
            [], [], marker="o", linestyle="", markersize=9, markerfacecolor=colour[n], markeredgecolor="white"
        )
        for n in nations
    ]
    figure.legend(
        nation_keys,
        nations,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.035),
        ncols=len(nations),
        fontsize=8,
        frameon=False,
    )
    handles = [
        Line2D([], [], marker="s", linestyle="", markersize=6, color=NET_COLOUR),
        Line2D([], [], marker="D", linestyle="", markersize=5, color=NET_COLOUR),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=13,
            markerfacecolor="none",
            markeredgecolor="black",
            mew=2.2,
        ),
    ]
    names = ["voice net (radio / crypto key)", "data link", "single point of failure"]
    figure.legend(
        handles, names, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=3, fontsize=8, frameon=False
    )
    figure.suptitle("Secure voice and data link network", fontsize=10, y=0.985)
    return figure


def network_drawing(graph: nx.Graph, unit_nation: dict[str, str], single_points: set[str]) -> str:
    """`network_figure` as a PNG data URI. Versions of a report that show the same network (several
    nations' versions often do) draw it once."""
    edges = tuple(sorted(tuple(sorted(edge)) for edge in graph.edges))
    nodes = tuple(sorted(graph.nodes))
    return _network_png(nodes, edges, tuple(sorted(unit_nation.items())), tuple(sorted(single_points)))


@functools.lru_cache(maxsize=16)
def _network_png(
    nodes: tuple[str, ...],
    edges: tuple[tuple[str, str], ...],
    unit_nation: tuple[tuple[str, str], ...],
    single_points: tuple[str, ...],
) -> str:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return png(network_figure(graph, dict(unit_nation), set(single_points)), tight=False)


def interval_bars_figure(
    title: str,
    categories: list[str],
    series: dict[str, list[tuple[float, float, float]]],
    ylabel: str,
) -> Figure:
    """Grouped vertical bars, one group per category and one bar per series (e.g. a C2 mode), each a
    mean with its 95% confidence interval as an error bar: ``series[name][k] = (mean, low, high)``. The
    legend stands below the chart."""
    figure, axes = plt.subplots(figsize=(7.5, 3.5), layout="constrained")
    width = 0.8 / max(len(series), 1)
    x = np.arange(len(categories))
    for k, (name, values) in enumerate(series.items()):
        means = np.array([v[0] for v in values])
        below = np.maximum(means - np.array([v[1] for v in values]), 0)
        above = np.maximum(np.array([v[2] for v in values]) - means, 0)
        axes.bar(
            x + (k - (len(series) - 1) / 2) * width,
            means,
            width,
            yerr=(below, above),
            capsize=3,
            color=SERIES_COLOURS[k % len(SERIES_COLOURS)],
            label=name,
        )
    axes.set_xticks(x, categories, fontsize=8)
    axes.set_title(title, fontsize=10)
    axes.set_ylabel(ylabel)
    figure.legend(loc="outside lower center", ncols=max(len(series), 1), fontsize=8, frameon=False)
    return figure


def interval_bars(
    title: str,
    categories: list[str],
    series: dict[str, list[tuple[float, float, float]]],
    ylabel: str,
) -> str:
    """`interval_bars_figure` as a PNG data URI."""
    return png(interval_bars_figure(title, categories, series, ylabel))


def interval_line_figure(
    title: str,
    labels: list[str],
    values: list[tuple[float, float, float]],
    ylabel: str,
    target: float | None = None,
) -> Figure:
    """A mean per step (e.g. per day) with its 95% confidence band, and an optional target line; the
    legend stands below the chart."""
    figure, axes = plt.subplots(figsize=(7.5, 3.5), layout="constrained")
    x = np.arange(len(labels))
    axes.fill_between(x, [v[1] for v in values], [v[2] for v in values], color="#90caf9", label="95% CI")
    axes.plot(x, [v[0] for v in values], marker="o", color="#1565c0", label="mean")
    if target is not None:
        axes.axhline(target, color="#c62828", linestyle="--", linewidth=1, label=f"target {target:g}")
    axes.set_xticks(x, labels, fontsize=8)
    axes.set_ylim(bottom=0)
    axes.set_title(title, fontsize=10)
    axes.set_ylabel(ylabel)
    figure.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    return figure


def interval_line(
    title: str,
    labels: list[str],
    values: list[tuple[float, float, float]],
    ylabel: str,
    target: float | None = None,
) -> str:
    """`interval_line_figure` as a PNG data URI."""
    return png(interval_line_figure(title, labels, values, ylabel, target))
