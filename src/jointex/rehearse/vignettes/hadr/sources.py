"""Trips loaded where the stock is.

PyVRP knows no stock per source, so a plan may send more trips to load at one source than it holds or
can handle in a day while another source the same vehicles load at has plenty: in one day-1 plan of the
Pacific example, the helicopters and C-130s that reload at Tacloban airport took 193 t of water from its
150 t, and the trips that loaded last carried food only. Loading (`plan._load`) cuts such trips back.

Before that, each trip in order of departure takes its load from what its source has left; a trip that
would find it short (stock of a commodity, or handling throughput) is moved to load at another source its
vehicle may use, the nearest to where the vehicle comes from with enough left, when the route stays on
legs within range and PyVRP finds it feasible. A first trip moves by an empty leg from home.
"""

from __future__ import annotations

import numpy as np
import pyvrp
from numpy.typing import NDArray

from jointex.rehearse.vignettes.hadr.problem import RoutingProblem
from jointex.rehearse.vignettes.hadr.ranges import RouteTrip, activities, legal_trip, route_trips


def load_where_stocked(problem: RoutingProblem, solution: pyvrp.Solution) -> pyvrp.Solution:
    """The solution with trips moved from sources that would run short (see module doc)."""
    routes = list(solution.routes())
    departures = sorted(
        (depart, r, k)
        for r, route in enumerate(routes)
        if route.is_feasible()
        for k, depart in enumerate(_departures(route))
    )
    stock = problem.stock_units.copy()
    handled = np.zeros(len(stock))
    changed = False
    for _, r, k in departures:
        trips = route_trips(routes[r])
        trip = trips[k]
        units = problem.lot_units[list(trip.clients)].sum(axis=0)
        source = trip.start
        if not _has(problem, stock, handled, source, units):
            moved = _move(problem, routes[r], trips, k, units, stock, handled)
            if moved is not None:
                routes[r], source, changed = moved, route_trips(moved)[k].start, True
        taken = np.minimum(units, np.maximum(stock[source], 0))
        stock[source] -= taken
        handled[source] += float(taken @ problem.kg_per_unit)
    return pyvrp.Solution(problem.data, routes) if changed else solution


def _departures(route: pyvrp.Route) -> list[float]:
    """When each (non-empty) trip of the route leaves its source, loaded."""
    times: list[float] = []
    leaving, loaded = 0.0, False
    for activity in route.schedule():
        if activity.is_depot():
            leaving, loaded = float(activity.end_time), False
        elif not loaded:
            times.append(leaving)
            loaded = True
    return times


def _has(
    problem: RoutingProblem,
    stock: NDArray[np.float64],
    handled: NDArray[np.float64],
    source: int,
    units: NDArray[np.float64],
) -> bool:
    kg = float(units @ problem.kg_per_unit)
    return (
        bool(np.all(stock[source] >= units - 1e-9)) and handled[source] + kg <= problem.throughput_kg[source]
    )


def _move(
    problem: RoutingProblem,
    route: pyvrp.Route,
    trips: list[RouteTrip],
    k: int,
    units: NDArray[np.float64],
    stock: NDArray[np.float64],
    handled: NDArray[np.float64],
) -> pyvrp.Route | None:
    """The route with trip ``k`` loading at the nearest other source that has enough, if legal."""
    data = problem.data
    vehicle_type = route.vehicle_type()
    profile = data.vehicle_type(vehicle_type).profile
    home = int(route.start_depot())
    came_from = home if k == 0 else data.client(trips[k - 1].clients[-1]).location
    km = problem.km[profile]
    sources = sorted(data.vehicle_type(vehicle_type).reload_depots, key=lambda s: km[came_from, s])
    for source in sources:
        if source == trips[k].start or not _has(problem, stock, handled, source, units):
            continue
        changed = list(trips)
        changed[k] = RouteTrip(source, trips[k].clients, trips[k].end)
        if k:
            changed[k - 1] = RouteTrip(trips[k - 1].start, trips[k - 1].clients, source)
        paths = [_path(data, trip) for trip in changed[max(0, k - 1) : k + 1]]
        if not all(legal_trip(problem, profile, path) for path in paths):
            continue
        if k == 0 and not problem.allowed[profile][home, source]:
            continue
        candidate = pyvrp.Route(data, activities(changed, home), vehicle_type)
        if candidate.is_feasible():
            return candidate
    return None


def _path(data: pyvrp.ProblemData, trip: RouteTrip) -> list[int]:
    return [trip.start, *(data.client(c).location for c in trip.clients), trip.end]
