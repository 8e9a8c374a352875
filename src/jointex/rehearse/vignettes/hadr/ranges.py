"""Every trip within its asset's range: the longest trip an asset can make, from a source through its
sites and back to a source.

PyVRP bounds a route's distance, all trips of the day together, not each trip's. The routing profile
already prices out every leg that lies on no trip within range (`problem.legs_within_range`), which is
exact for trips of one or two stops that load at the source nearest their first stop and end at the one
nearest their last (always so for an asset that loads at one source); a longer trip made of such legs,
or one between other sources, can still be too long. After solving, the plan finds those trips
(`legs_to_forbid`), forbids one leg of each and solves again, and as a last resort drops stops from a
trip until it is within range (`within_range`): the lots dropped stay undelivered today.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pyvrp

from jointex.rehearse.vignettes.hadr.problem import RANGE_TOLERANCE_KM, RoutingProblem


@dataclass(frozen=True)
class RouteTrip:
    """One trip of a PyVRP route: the source it loads at, its clients in order, the source it ends at."""

    start: int
    clients: tuple[int, ...]
    end: int


def route_trips(route: pyvrp.Route) -> list[RouteTrip]:
    """The trips of a route, empty ones left out."""
    trips: list[RouteTrip] = []
    start, clients = -1, list[int]()
    for activity in route.schedule():
        if activity.is_depot():
            if clients:
                trips.append(RouteTrip(start, tuple(clients), activity.idx))
            start, clients = activity.idx, []
        elif activity.is_client():
            clients.append(activity.idx)
    return trips


def _path(problem: RoutingProblem, trip: RouteTrip) -> list[int]:
    data = problem.data
    return [trip.start, *(data.client(c).location for c in trip.clients), trip.end]


def _trip_km(problem: RoutingProblem, profile: int, path: list[int]) -> float:
    km = problem.km[profile]
    return float(sum(km[a, b] for a, b in itertools.pairwise(path)))


def legal_trip(problem: RoutingProblem, profile: int, path: list[int]) -> bool:
    """Whether the trip along ``path`` (places) uses only legs the asset may use and is within range."""
    allowed = problem.allowed[profile]
    legs_ok = all(allowed[a, b] for a, b in itertools.pairwise(path))
    return legs_ok and _trip_km(problem, profile, path) <= problem.range_km[profile] + RANGE_TOLERANCE_KM


def legs_to_forbid(problem: RoutingProblem, solution: pyvrp.Solution) -> set[tuple[int, int, int]]:
    """``(profile, from place, to place)``: for each trip longer than its range, its longest leg between
    two sites, else (a trip of one stop between two sources) its longest leg; both ways, since the trip
    reversed is as long."""
    legs: set[tuple[int, int, int]] = set()
    sources = problem.data.num_depots
    for route in solution.routes():
        profile = route.vehicle_type()
        km = problem.km[profile]
        for trip in route_trips(route):
            path = _path(problem, trip)
            if _trip_km(problem, profile, path) <= problem.range_km[profile] + RANGE_TOLERANCE_KM:
                continue
            trip_legs = list(itertools.pairwise(path))
            between_sites = [(a, b) for a, b in trip_legs if a >= sources and b >= sources and a != b]
            a, b = max(between_sites or trip_legs, key=lambda leg: km[leg])
            legs |= {(profile, a, b), (profile, b, a)}
    return legs


def within_range(problem: RoutingProblem, solution: pyvrp.Solution) -> pyvrp.Solution:
    """The solution with every trip within range and on allowed legs, dropping stops where needed.
    Infeasible routes are kept as they are (the plan does not use them)."""
    routes: list[pyvrp.Route] = []
    changed = False
    for route in solution.routes():
        fitted = _fit_route(problem, route) if route.is_feasible() else route
        changed |= fitted is not route
        if fitted is not None:
            routes.append(fitted)
    return pyvrp.Solution(problem.data, routes) if changed else solution


def _fit_route(problem: RoutingProblem, route: pyvrp.Route) -> pyvrp.Route | None:
    """The route with stops dropped until each trip is legal (None: nothing left). The visits kept are
    a subsequence of the route's, so (distances and durations being metric) it stays on time; a trip
    emptied joins its neighbours' legs, so the trips are checked again until none changes."""
    profile = route.vehicle_type()
    trips = route_trips(route)
    while True:
        fitted = [_fit(problem, profile, trip) for trip in trips]
        if fitted == trips:
            return route
        kept = [trip for trip in fitted if trip.clients]
        if not kept:
            return None
        route = pyvrp.Route(problem.data, activities(kept, int(route.start_depot())), profile)
        trips = route_trips(route)


def _fit(problem: RoutingProblem, profile: int, trip: RouteTrip) -> RouteTrip:
    """Drop whole stops (all lots of a site delivered back to back) until the trip is legal: the stop
    whose removal makes it legal at the least prize, else the one whose removal saves most km."""
    stops = [list(group) for _, group in itertools.groupby(trip.clients, lambda c: _location(problem, c))]
    while stops and not legal_trip(problem, profile, _stop_path(problem, trip, stops)):
        options = []
        for i in range(len(stops)):
            rest = stops[:i] + stops[i + 1 :]
            path = _stop_path(problem, trip, rest)
            prize = sum(problem.data.client(c).prize for c in stops[i])
            legal = legal_trip(problem, profile, path)
            options.append((0, prize, i) if legal else (1, _trip_km(problem, profile, path), i))
        del stops[min(options)[2]]
    return RouteTrip(trip.start, tuple(c for stop in stops for c in stop), trip.end)


def _location(problem: RoutingProblem, client: int) -> int:
    return int(problem.data.client(client).location)


def _stop_path(problem: RoutingProblem, trip: RouteTrip, stops: list[list[int]]) -> list[int]:
    return [trip.start, *(_location(problem, stop[0]) for stop in stops), trip.end]


def activities(trips: list[RouteTrip], home: int | None = None) -> list[pyvrp.Activity]:
    """A route's visits after its start depot (``home``) and before its end depot: each trip's clients,
    and the source where a trip ends and the next loads; a first trip that loads elsewhere than at
    ``home`` (when given) starts with the empty move there."""
    visits: list[pyvrp.Activity] = []
    for k, trip in enumerate(trips):
        if k or (home is not None and trip.start != home):
            visits.append(pyvrp.Activity(pyvrp.ActivityType.DEPOT, trip.start))
        visits.extend(pyvrp.Activity(pyvrp.ActivityType.CLIENT, c) for c in trip.clients)
    return visits
