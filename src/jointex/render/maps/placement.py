"""Where labels go: a deterministic greedy placement in which no label covers another, nor a marker.

Labels are placed one after the other in the order given. Each tries positions around its point, the
nearest first (right, left, above, below, then the corners), then rings further out in sixteen
directions, then any free spot of the map, nearest first; the first position that lies inside the map
and overlaps nothing placed before (labels, symbols, markers, the scale bar...) wins. A label moved away
from its point gets a leader line. The same input always gives the same map.

Boxes are ``(x0, y0, x1, y1)`` in display pixels of the figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

Box = tuple[float, float, float, float]
GAP_PX = 2.0
"""Clear space between a label and its point's marker, and around every label."""


@dataclass
class Placer:
    """Boxes taken so far inside ``bounds`` (the map's frame, in display pixels)."""

    bounds: Box
    taken: list[Box] = field(default_factory=list)

    def block(self, box: Box) -> None:
        """Keep labels off this box (a marker, a symbol, the scale bar)."""
        self.taken.append(box)

    def place(
        self,
        anchor: tuple[float, float],
        size: tuple[float, float],
        clearance: float = 0.0,
        first: Box | None = None,
        ignore: int | None = None,
    ) -> Box:
        """The free box of ``size`` (w, h) nearest ``anchor``, taken from now on. ``clearance`` is the
        radius of the point's own marker, which the label stays clear of; ``first`` a box to try before
        all others; ``ignore`` the index in `taken` of the point's own marker. Falls back to the position
        beside the point when the map has no free spot left (a map too crowded to read)."""
        around = _around(anchor, size, clearance, self.bounds)
        if first is not None:
            around = np.vstack([np.array([first], dtype=float), around])
        stages = (around, _grid(anchor, size, self.bounds))
        chosen = stages[0][0]
        for candidates in stages:
            free = self._free(candidates, ignore)
            if free.any():
                chosen = candidates[int(np.argmax(free))]
                break
        box: Box = (float(chosen[0]), float(chosen[1]), float(chosen[2]), float(chosen[3]))
        self.taken.append(box)
        return box

    def place_at(self, box: Box) -> bool:
        """Take ``box`` if it is inside the map and free (for optional labels such as country names)."""
        candidate = np.array([box])
        if not self._free(candidate)[0]:
            return False
        self.taken.append(box)
        return True

    def _free(self, candidates: NDArray[np.float64], ignore: int | None = None) -> NDArray[np.bool_]:
        x0, y0, x1, y1 = self.bounds
        inside = (
            (candidates[:, 0] >= x0)
            & (candidates[:, 1] >= y0)
            & (candidates[:, 2] <= x1)
            & (candidates[:, 3] <= y1)
        )
        if not self.taken:
            return inside
        taken = np.array(self.taken)
        if ignore is not None:
            taken = np.delete(taken, ignore, axis=0)
        pad = GAP_PX / 2
        overlaps = (
            (candidates[:, None, 0] - pad < taken[None, :, 2])
            & (candidates[:, None, 2] + pad > taken[None, :, 0])
            & (candidates[:, None, 1] - pad < taken[None, :, 3])
            & (candidates[:, None, 3] + pad > taken[None, :, 1])
        )
        return np.asarray(inside & ~overlaps.any(axis=1), dtype=bool)


def _boxes(corners: NDArray[np.float64], size: tuple[float, float]) -> NDArray[np.float64]:
    return np.column_stack([corners, corners[:, 0] + size[0], corners[:, 1] + size[1]])


def _around(
    anchor: tuple[float, float], size: tuple[float, float], clearance: float, bounds: Box
) -> NDArray[np.float64]:
    """Boxes beside the point, best first, then in rings further out (up to a third of the map)."""
    ax, ay = anchor
    w, h = size
    d = clearance + GAP_PX
    near = [
        (ax + d, ay - h / 2),  # right
        (ax - d - w, ay - h / 2),  # left
        (ax - w / 2, ay + d),  # above
        (ax - w / 2, ay - d - h),  # below
        (ax + d * 0.7, ay + d * 0.7),  # upper right
        (ax + d * 0.7, ay - d * 0.7 - h),  # lower right
        (ax - d * 0.7 - w, ay + d * 0.7),  # upper left
        (ax - d * 0.7 - w, ay - d * 0.7 - h),  # lower left
    ]
    angles = np.radians(np.arange(0, 360, 22.5))
    step = max(h, 6.0)
    reach = math.hypot(bounds[2] - bounds[0], bounds[3] - bounds[1]) / 3
    radius, angle = np.meshgrid(np.arange(d + step, d + reach, step), angles, indexing="ij")
    centre_x = ax + np.cos(angle) * (radius + w / 2)
    centre_y = ay + np.sin(angle) * (radius + h / 2)
    rings = np.column_stack([centre_x.ravel() - w / 2, centre_y.ravel() - h / 2])
    return _boxes(np.vstack([np.array(near), rings]), size)


def _grid(anchor: tuple[float, float], size: tuple[float, float], bounds: Box) -> NDArray[np.float64]:
    """Every position of the map on a grid of the label's height, nearest the point first."""
    w, h = size
    step = max(h, 6.0)
    gx, gy = np.meshgrid(np.arange(bounds[0], bounds[2] - w, step), np.arange(bounds[1], bounds[3] - h, step))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    order = np.argsort(
        np.hypot(grid[:, 0] + w / 2 - anchor[0], grid[:, 1] + h / 2 - anchor[1]), kind="stable"
    )
    return _boxes(grid[order], size) if len(grid) else _boxes(np.array([[anchor[0], anchor[1]]]), size)
