"""Where the relief can go and how long it takes: great-circle distances and the road network.

Places are numbered sources first, then sites (then road junctions, which are never visited). Aircraft
and landing craft go direct (great circle). Trucks drive the road network: without segments, every pair
of road-accessible places is joined by the great-circle distance times the road factor; with segments,
by shortest paths over the open and damaged ones (damaged ones at reduced speed). A road *link* is what
an aftershock can close: a segment, or, without segments, a place's access to the road.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_array
from scipy.sparse.csgraph import dijkstra

from jointex.model.hadr import Access, HadrParameters, Junction, SegmentState, Site, SupplySource

EARTH_RADIUS_KM = 6_371.0088


def great_circle_km(lat_deg: NDArray[np.float64], lon_deg: NDArray[np.float64]) -> NDArray[np.float64]:
    """``[i, j]``: haversine distance between points i and j, km."""
    lat = np.radians(lat_deg)
    lon = np.radians(lon_deg)
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))), dtype=np.float64)


@dataclass(frozen=True)
class RoadNetwork:
    """The road graph compiled once; `travel` gives distances for any set of closed links."""

    places: int
    """Sources and sites (the first ``places`` nodes)."""
    road_access: NDArray[np.bool_]
    """[node]: the place has road access (junctions always do)."""
    gc_km: NDArray[np.float64]
    """[node, node]: great-circle km."""
    road_factor: float
    link_ends: NDArray[np.int64]
    """[link, 2]: the two nodes a segment joins; empty without segments (then link i is place i's access)."""
    link_km: NDArray[np.float64]
    link_slowdown: NDArray[np.float64]
    """[link]: 1 on open roads, 1 / damaged speed factor on damaged ones."""
    initially_closed: NDArray[np.bool_]

    @property
    def links(self) -> int:
        return len(self.link_km) if len(self.link_ends) else self.places

    def travel(self, closed: NDArray[np.bool_]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """``(km, slow_km)`` by road between places (``inf`` when unreachable) with the links in ``closed``
        shut. ``slow_km`` is the time-equivalent distance (km at the truck's speed) of the quickest path,
        counting damaged segments as longer; ``km`` is the shortest distance. Closing a link never
        shortens either."""
        n = self.places
        if not len(self.link_ends):
            usable = self.road_access[:n] & ~closed
            km = np.where(usable[:, None] & usable[None, :], self.gc_km[:n, :n] * self.road_factor, np.inf)
            np.fill_diagonal(km, 0.0)
            return km, km.copy()
        open_links = ~closed & ~self.initially_closed
        ends = self.link_ends[open_links]
        nodes = len(self.gc_km)
        km = _shortest(ends, self.link_km[open_links], nodes)[:n, :n]
        slow = _shortest(ends, (self.link_km * self.link_slowdown)[open_links], nodes)[:n, :n]
        cut = ~self.road_access[:n]
        for matrix in (km, slow):
            matrix[cut, :] = np.inf
            matrix[:, cut] = np.inf
            np.fill_diagonal(matrix, 0.0)
        return km, slow

    def quickest_routes(self, closed: NDArray[np.bool_]) -> RoadRoutes:
        """The roads a truck drives between places with the links in ``closed`` shut: the quickest paths,
        whose time-equivalent length `travel` gives as ``slow_km`` (damaged segments count as longer)."""
        if not len(self.link_ends):
            return RoadRoutes(None)
        open_links = ~closed & ~self.initially_closed
        graph = _graph(
            self.link_ends[open_links], (self.link_km * self.link_slowdown)[open_links], len(self.gc_km)
        )
        _, predecessors = dijkstra(
            graph, directed=True, indices=np.arange(self.places), return_predecessors=True
        )
        return RoadRoutes(np.asarray(predecessors, dtype=np.int64))


@dataclass(frozen=True)
class RoadRoutes:
    """The quickest road paths from every place, node by node (`RoadNetwork.quickest_routes`)."""

    predecessors: NDArray[np.int64] | None
    """[place, node]: the node before ``node`` on the path from ``place`` (negative where no road leads);
    None without segments, where a leg has no road geometry (great-circle km times the road factor)."""

    def path(self, start: int, end: int) -> list[int]:
        """Nodes from place ``start`` to node ``end`` (places and junctions), ends included; ``[start,
        end]`` without segments or where no road joins them."""
        if self.predecessors is None or start == end:
            return [start, end]
        nodes = [end]
        while nodes[-1] != start:
            before = int(self.predecessors[start, nodes[-1]])
            if before < 0:
                return [start, end]
            nodes.append(before)
        return nodes[::-1]


def _graph(ends: NDArray[np.int64], weights: NDArray[np.float64], nodes: int) -> csr_array:
    """The road graph in both directions, keeping the shorter of parallel segments (csr sums duplicates,
    so reduce first)."""
    rows = np.concatenate([ends[:, 0], ends[:, 1]])
    cols = np.concatenate([ends[:, 1], ends[:, 0]])
    values = np.concatenate([weights, weights])
    order = np.lexsort((values, cols, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return csr_array((values[first], (rows[first], cols[first])), shape=(nodes, nodes))


def _shortest(ends: NDArray[np.int64], weights: NDArray[np.float64], nodes: int) -> NDArray[np.float64]:
    if not len(ends):
        result = np.full((nodes, nodes), np.inf)
        np.fill_diagonal(result, 0.0)
        return result
    return np.asarray(dijkstra(_graph(ends, weights, nodes), directed=True), dtype=np.float64)


def compile_roads(parameters: HadrParameters) -> RoadNetwork:
    """The road network of a vignette, places numbered sources first, then sites, then junctions."""
    places: list[SupplySource | Site] = [*parameters.sources, *parameters.sites]
    nodes: list[SupplySource | Site | Junction] = [*places, *parameters.roads.junctions]
    index = {node.id: i for i, node in enumerate(nodes)}
    lat = np.array([node.position.lat_deg for node in nodes])
    lon = np.array([node.position.lon_deg for node in nodes])
    gc = great_circle_km(lat, lon)
    access = np.array(
        [Access.ROAD in p.access for p in places] + [True] * len(parameters.roads.junctions), dtype=bool
    )
    factor = parameters.roads.road_factor
    segments = parameters.roads.segments
    ends = np.array([[index[a], index[b]] for a, b in (s.ends for s in segments)], dtype=np.int64).reshape(
        -1, 2
    )
    km = np.array(
        [
            s.length_km if s.length_km is not None else gc[index[s.ends[0]], index[s.ends[1]]] * factor
            for s in segments
        ]
    )
    slowdown = np.array(
        [
            1 / parameters.roads.damaged_speed_factor if s.state is SegmentState.DAMAGED else 1.0
            for s in segments
        ]
    )
    closed = np.array([s.state is SegmentState.CLOSED for s in segments], dtype=bool)
    return RoadNetwork(len(places), access, gc, factor, ends, km, slowdown, closed)
