"""Moves between the trips of one vehicle, which PyVRP's search does not make.

PyVRP's local search moves and swaps deliveries within one trip and between vehicles, but not between
two trips of the same vehicle (its operators skip those pairs), so a vehicle's split of the day's
deliveries into trips stays as the search first made it: a truck whose first trip took the nearest two
sites and whose second the farthest drives 100 km where swapping two deliveries gives 80.

After the search, each route with several trips is improved by the best of: relocating a delivery to
another trip of the same route (at its cheapest place there), or swapping two deliveries of two of its
trips in place. A move is kept when the route's capacity per trip holds, every trip stays within range
on legs the asset may use, PyVRP finds the new route feasible (time windows, working day, crew duty)
and it costs less; a trip emptied by a move disappears with its reload. Repeated until no move helps.
"""

from __future__ import annotations

import itertools

import numpy as np
import pyvrp

from jointex.rehearse.vignettes.hadr.problem import RoutingProblem
from jointex.rehearse.vignettes.hadr.ranges import legal_trip

MAX_MOVES_PER_ROUTE = 50
CANDIDATES = 4
"""Best moves tried per round before the route is left as it is."""


def exchange_between_trips(problem: RoutingProblem, solution: pyvrp.Solution) -> pyvrp.Solution:
    """The solution with each feasible route of several trips improved (see module doc)."""
    routes = []
    changed = False
    for route in solution.routes():
        better = _improve(problem, route) if route.is_feasible() and route.num_trips() > 1 else route
        changed |= better is not route
        routes.append(better)
    return pyvrp.Solution(problem.data, routes) if changed else solution


def _improve(problem: RoutingProblem, route: pyvrp.Route) -> pyvrp.Route:
    for _ in range(MAX_MOVES_PER_ROUTE):
        better = _best_move(problem, route)
        if better is None:
            return route
        route = better
    return route


def _visits(route: pyvrp.Route) -> list[tuple[bool, int]]:
    """(is a depot, index) of every visit, the start and end depots included."""
    return [(activity.is_depot(), int(activity.idx)) for activity in route.schedule()]


def _best_move(problem: RoutingProblem, route: pyvrp.Route) -> pyvrp.Route | None:
    data = problem.data
    vehicle_type = route.vehicle_type()
    units = np.asarray(data.distance_matrix(data.vehicle_type(vehicle_type).profile))
    capacity = np.array(data.vehicle_type(vehicle_type).capacity)
    visits = _visits(route)
    loc = np.array([idx if depot else data.client(idx).location for depot, idx in visits])
    is_client = np.array([not depot for depot, _ in visits])
    trip = np.cumsum(~is_client) - 1  # a depot starts a trip; the end depot starts none
    demand = np.zeros((len(visits), len(capacity)), dtype=np.int64)
    demand[is_client] = [data.client(idx).delivery for depot, idx in visits if not depot]
    load = np.zeros((trip.max() + 1, len(capacity)), dtype=np.int64)
    np.add.at(load, trip, demand)
    p = np.flatnonzero(is_client)  # client positions
    prev, nxt = loc[p - 1], loc[p + 1]
    a = loc[p]
    removal = units[prev, a] + units[a, nxt] - units[prev, nxt]
    # relocate client at p[i] into edge q (between visits q and q + 1) of another trip
    q = np.arange(len(visits) - 1)
    edge_trip = trip[q]  # the edge leaving visit q belongs to q's trip
    insertion = units[loc[q][None, :], a[:, None]] + units[a[:, None], loc[q + 1][None, :]]
    insertion = insertion - units[loc[q], loc[q + 1]][None, :]
    fits = np.all(load[edge_trip][None, :, :] + demand[p][:, None, :] <= capacity, axis=2)
    relocate = np.where(fits & (edge_trip[None, :] != trip[p][:, None]), insertion - removal[:, None], 0)
    # swap the clients at p[i] and p[j] (different trips, so never adjacent) in place
    here = units[prev, a] + units[a, nxt]
    replace = units[prev[:, None], a[None, :]] + units[a[None, :], nxt[:, None]] - here[:, None]
    swap_load_i = load[trip[p]][:, None, :] - demand[p][:, None, :] + demand[p][None, :, :]
    swap_ok = np.all(swap_load_i <= capacity, axis=2)
    swap_ok &= swap_ok.T & (trip[p][:, None] != trip[p][None, :])
    swap = np.where(swap_ok, replace + replace.T, 0)
    moves = [(float(relocate[i, j]), 0, i, j) for i, j in zip(*np.nonzero(relocate < 0), strict=True)]
    moves += [(float(swap[i, j]), 1, i, j) for i, j in zip(*np.nonzero(np.triu(swap < 0)), strict=True)]
    for _, kind, i, j in sorted(moves)[:CANDIDATES]:
        order = list(range(len(visits)))
        if kind == 0:
            order.remove(p[i])
            order.insert(order.index(j) + 1, p[i])
        else:
            order[p[i]], order[p[j]] = order[p[j]], order[p[i]]
        candidate = _route(problem, route, [visits[k] for k in order])
        if candidate is not None and candidate.distance_cost() < route.distance_cost():
            return candidate
    return None


def _route(problem: RoutingProblem, route: pyvrp.Route, visits: list[tuple[bool, int]]) -> pyvrp.Route | None:
    """The route through ``visits`` (reloads with no delivery since the last one dropped), if every trip is
    legal and PyVRP finds it feasible."""
    inner = visits[1:-1]
    kept: list[tuple[bool, int]] = []
    for visit in inner:
        if visit[0] and kept and kept[-1][0]:
            kept[-1] = visit  # an empty trip: load at the later source only
        elif visit[0] and not kept and visit == visits[0]:
            continue  # a reload at home before any delivery
        else:
            kept.append(visit)
    if kept and kept[-1][0]:
        kept.pop()
    data = problem.data
    full = [visits[0], *kept, visits[-1]]
    profile = data.vehicle_type(route.vehicle_type()).profile
    bounds = [k for k, (depot, _) in enumerate(full) if depot]
    for start, end in itertools.pairwise(bounds):
        path = [
            full[start][1],
            *(data.client(idx).location for _, idx in full[start + 1 : end]),
            full[end][1],
        ]
        if not legal_trip(problem, profile, path):
            return None
    activities = [
        pyvrp.Activity(pyvrp.ActivityType.DEPOT if depot else pyvrp.ActivityType.CLIENT, idx)
        for depot, idx in kept
    ]
    candidate = pyvrp.Route(data, activities, route.vehicle_type())
    return candidate if candidate.is_feasible() else None
