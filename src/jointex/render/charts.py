"""Charts as inline PNG (base64 data URIs), so a report is one self-contained file that works offline."""

from __future__ import annotations

import base64
import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: reports are written on servers and in CI

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib.ticker import MaxNLocator
from numpy.typing import NDArray

STATE_COLOURS = {
    "compatible": "#2e7d32",
    "bridged": "#f9a825",
    "incompatible": "#c62828",
    "not applicable": "#bdbdbd",
}


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def heatmap(title: str, nations: tuple[str, ...], scores: NDArray[np.float64], directed: bool) -> str:
    """Nation x nation score heatmap; grey where the domain does not apply."""
    figure, axes = plt.subplots(figsize=(0.55 * len(nations) + 2.2, 0.5 * len(nations) + 1.6))
    masked = np.ma.masked_invalid(scores)
    colours = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#e0e0e0")
    image = axes.imshow(masked, cmap=colours, vmin=0.0, vmax=1.0)
    axes.set_xticks(range(len(nations)), nations, rotation=90)
    axes.set_yticks(range(len(nations)), nations)
    axes.set_title(title + (" (row refuels column)" if directed else ""), fontsize=10)
    for (row, column), value in np.ndenumerate(scores):
        if not np.isnan(value):
            axes.text(column, row, f"{value:.0%}", ha="center", va="center", fontsize=6)
    figure.colorbar(image, ax=axes, fraction=0.046, pad=0.04, label="share of unit pairs that work")
    return _png(figure)


def network_drawing(graph: nx.Graph, unit_nation: dict[str, str], highlight: set[str]) -> str:
    """The communications network: units coloured by nation, nets as small squares, SPOFs outlined."""
    figure, axes = plt.subplots(figsize=(9, 7))
    layout = nx.spring_layout(graph, seed=7, k=0.6)
    nations = sorted(set(unit_nation.values()))
    palette = matplotlib.colormaps["tab10"]
    units = [n for n in graph.nodes if n.startswith("unit:")]
    nets = [n for n in graph.nodes if not n.startswith("unit:")]
    nx.draw_networkx_edges(graph, layout, ax=axes, alpha=0.3)
    nx.draw_networkx_nodes(
        graph,
        layout,
        nodelist=nets,
        node_shape="s",
        node_size=60,
        node_color="#616161",
        edgecolors=["#c62828" if n in highlight else "#616161" for n in nets],
        linewidths=2,
        ax=axes,
    )
    nx.draw_networkx_nodes(
        graph,
        layout,
        nodelist=units,
        node_size=260,
        node_color=[palette(nations.index(unit_nation[n[5:]]) % 10) for n in units],
        edgecolors=["#c62828" if n in highlight else "white" for n in units],
        linewidths=2.5,
        ax=axes,
    )
    nx.draw_networkx_labels(
        graph, layout, labels={n: n.split(":", 1)[1] for n in graph.nodes}, font_size=6, ax=axes
    )
    for i, nation in enumerate(nations):
        axes.scatter([], [], color=palette(i % 10), label=nation)
    axes.legend(loc="lower left", fontsize=7, ncols=min(5, len(nations)))
    axes.set_title(
        "Secure voice and data link network (squares: nets; red outline: single point of failure)", fontsize=9
    )
    axes.axis("off")
    return _png(figure)


RATING_COLOURS = {"P": "#2e7d32", "S": "#9ccc65", "M": "#f9a825", "U": "#c62828", "not rated": "#bdbdbd"}
STATUS_COLOURS = {"met": "#2e7d32", "uncertain": "#f9a825", "not met": "#c62828", "no evidence": "#bdbdbd"}


def stacked_bars(title: str, rows: dict[str, dict[str, int]], colours: dict[str, str]) -> str:
    """One horizontal bar per row (an aspect), stacked by category (a rating or a measure status)."""
    figure, axes = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 1.4))
    names = list(rows)
    left = np.zeros(len(names))
    for category, colour in colours.items():
        values = np.array([rows[name].get(category, 0) for name in names], dtype=float)
        axes.barh(names, values, left=left, color=colour, label=category)
        left += values
    axes.invert_yaxis()
    axes.set_title(title, fontsize=10)
    axes.set_xlabel("count")
    axes.legend(loc="lower right", fontsize=7, ncols=len(colours))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _png(figure)


def interval_bars(
    title: str,
    categories: list[str],
    series: dict[str, list[tuple[float, float, float]]],
    ylabel: str,
) -> str:
    """Grouped vertical bars, one group per category and one bar per series (e.g. a C2 mode), each a
    mean with its 95% confidence interval as an error bar: ``series[name][k] = (mean, low, high)``."""
    figure, axes = plt.subplots(figsize=(7.5, 3.2))
    width = 0.8 / max(len(series), 1)
    colours = ["#1565c0", "#ef6c00", "#6a1b9a"]
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
            color=colours[k % len(colours)],
            label=name,
        )
    axes.set_xticks(x, categories, fontsize=8)
    axes.set_title(title, fontsize=10)
    axes.set_ylabel(ylabel)
    axes.legend(fontsize=8)
    return _png(figure)


def interval_line(
    title: str,
    labels: list[str],
    values: list[tuple[float, float, float]],
    ylabel: str,
    target: float | None = None,
) -> str:
    """A mean per step (e.g. per day) with its 95% confidence band, and an optional target line."""
    figure, axes = plt.subplots(figsize=(7.5, 3.2))
    x = np.arange(len(labels))
    axes.fill_between(x, [v[1] for v in values], [v[2] for v in values], color="#90caf9", label="95% CI")
    axes.plot(x, [v[0] for v in values], marker="o", color="#1565c0", label="mean")
    if target is not None:
        axes.axhline(target, color="#c62828", linestyle="--", linewidth=1, label=f"target {target:g}")
    axes.set_xticks(x, labels, fontsize=8)
    axes.set_ylim(bottom=0)
    axes.set_title(title, fontsize=10)
    axes.set_ylabel(ylabel)
    axes.legend(fontsize=8)
    return _png(figure)
