"""The roads a relief truck drives between two places, as the model routes it.

The relief model (`jointex.rehearse.vignettes.hadr.network`) measures a truck's leg as the shortest path
over the road segments that are not closed; this module finds the same path node by node, so the map
draws a trip along the roads it uses. Without segments the model has no road geometry (a leg is the
great-circle distance times the road factor) and the leg is drawn straight.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_array
from scipy.sparse.csgraph import dijkstra

from jointex.rehearse.vignettes.hadr.network import RoadNetwork


@dataclass(frozen=True)
class RoadPaths:
    """Shortest road paths from every place (sources and sites) over the open and damaged segments."""

    predecessors: NDArray[np.int32] | None
    """[place, node]: the node before ``node`` on the shortest path from ``place``; None without segments."""

    def path(self, start: int, end: int) -> list[int]:
        """Nodes from ``start`` to ``end`` (places and junctions), ends included; ``[start, end]`` when
        the network has no segments or no road joins them."""
        if self.predecessors is None or start == end:
            return [start, end]
        nodes = [end]
        while nodes[-1] != start:
            before = int(self.predecessors[start, nodes[-1]])
            if before < 0:
                return [start, end]
            nodes.append(before)
        return nodes[::-1]


def road_paths(network: RoadNetwork) -> RoadPaths:
    """The paths the model's distances come from, with every segment open except those closed from the
    start (the plan without disruptions)."""
    if not len(network.link_ends):
        return RoadPaths(None)
    usable = ~network.initially_closed
    ends = network.link_ends[usable]
    km = network.link_km[usable]
    nodes = len(network.gc_km)
    rows = np.concatenate([ends[:, 0], ends[:, 1]])
    cols = np.concatenate([ends[:, 1], ends[:, 0]])
    values = np.concatenate([km, km])
    order = np.lexsort((values, cols, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    graph = csr_array((values[first], (rows[first], cols[first])), shape=(nodes, nodes))
    _, predecessors = dijkstra(
        graph, directed=True, indices=np.arange(network.places), return_predecessors=True
    )
    return RoadPaths(np.asarray(predecessors, dtype=np.int32))
