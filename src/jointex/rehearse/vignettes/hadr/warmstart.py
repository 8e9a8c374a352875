"""Vehicles' days filled trip by trip, all vehicles together: the search's warm start and its last step.

PyVRP's local search puts a delivery not yet planned into a trip that has room for it and moves a planned
one to a new trip (a reload), but it does not open a new trip for a delivery not yet planned, nor move
deliveries between two trips of one vehicle. From its random start it therefore often settles on fewer
trips than the day allows: a truck that carries two sites' loads serves two sites of three.

`fill_days` is a parallel greedy insertion at the ends of the vehicles' days, from an empty plan (the
warm start) or from a plan whose days it extends (after the search, and after trips were cut back to
range). Each vehicle is at a place and a time with a load on board; a delivery may end its current
trip (append) or start its next one (reload at the source nearest to where the vehicle is, then go).
The pair (vehicle, delivery) taken next is chosen by regret over vehicle types, on the value of the
delivery (prize net of the detour's cost) per second of the vehicle's day: a delivery only one type can
take goes first, else the one that loses most if it does not go to its best type; it goes to the best
vehicle of that type, as long as the load, the site's time window, the range, the trips per day and the
way home before the end of the working day and crew duty allow. The working day is counted from the
route's start, so a route found feasible here is feasible for PyVRP (which may start it later); each
is checked by PyVRP all the same, and a route that fails is left as it was.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import pyvrp
from numpy.typing import NDArray

from jointex.rehearse.vignettes.hadr.problem import RANGE_TOLERANCE_KM, RoutingProblem
from jointex.rehearse.vignettes.hadr.ranges import RouteTrip, activities, route_trips


@dataclass(frozen=True)
class _Clients:
    location: NDArray[np.int64]
    demand: NDArray[np.int64]
    """[client, load dimension]."""
    service_s: NDArray[np.int64]
    early_s: NDArray[np.int64]
    late_s: NDArray[np.int64]
    prize: NDArray[np.float64]
    units: NDArray[np.float64]
    """[client, commodity]."""
    kg: NDArray[np.float64]

    @classmethod
    def of(cls, problem: RoutingProblem) -> _Clients:
        clients = problem.data.clients()
        return cls(
            location=np.array([c.location for c in clients], dtype=np.int64),
            demand=np.array([c.delivery for c in clients], dtype=np.int64).reshape(len(clients), -1),
            service_s=np.array([c.service_duration for c in clients], dtype=np.int64),
            early_s=np.array([c.tw_early for c in clients], dtype=np.int64),
            late_s=np.array([c.tw_late for c in clients], dtype=np.int64),
            prize=np.array([c.prize for c in clients], dtype=np.float64),
            units=problem.lot_units,
            kg=problem.lot_units @ problem.kg_per_unit,
        )

    def take(self, index: NDArray[np.int64]) -> _Clients:
        """The clients at ``index``."""
        return _Clients(
            self.location[index],
            self.demand[index],
            self.service_s[index],
            self.early_s[index],
            self.late_s[index],
            self.prize[index],
            self.units[index],
            self.kg[index],
        )


@dataclass
class _Stock:
    """What each source has left to load today, as the days are filled."""

    units: NDArray[np.float64]
    """[source, commodity]."""
    handled_kg: NDArray[np.float64]
    throughput_kg: NDArray[np.float64]

    @classmethod
    def of(cls, problem: RoutingProblem) -> _Stock:
        sources = len(problem.stock_units)
        return cls(problem.stock_units.copy(), np.zeros(sources), problem.throughput_kg)

    def covers(self, sources: NDArray[np.int64], clients: _Clients) -> NDArray[np.bool_]:
        """[source, client]: whether each of ``sources`` can still load each of ``clients``."""
        left = self.units[sources] + 1e-9
        ok = self.handled_kg[sources][:, None] + clients.kg <= self.throughput_kg[sources][:, None]
        for c in range(left.shape[1]):  # a few commodities: cheaper than a reduction over an axis
            ok &= clients.units[:, c] <= left[:, c, None]
        return ok

    def covers_one(self, source: int, client: int, clients: _Clients) -> bool:
        enough = bool(np.all(clients.units[client] <= self.units[source] + 1e-9))
        return enough and self.handled_kg[source] + clients.kg[client] <= self.throughput_kg[source]

    def draw(self, source: int, units: NDArray[np.float64], kg: float) -> None:
        self.units[source] -= units
        self.handled_kg[source] += kg


@dataclass(frozen=True)
class _Type:
    """A vehicle type's matrices and limits, read once."""

    index: int
    units: NDArray[np.int64]
    """[place, place]: routing distance units (what the cost is counted in)."""
    seconds: NDArray[np.int64]
    km: NDArray[np.float64]
    allowed: NDArray[np.bool_]
    range_km: float
    home: int
    end: int
    reload: NDArray[np.int64]
    back_units: NDArray[np.int64]
    """[place]: to the nearest source the type loads at."""
    back_s: NDArray[np.int64]
    capacity: NDArray[np.int64]
    cost: float
    start_s: int
    """Start of the working day."""
    duty_s: int
    """Crew duty: a route ends this long after it starts, at the latest."""
    day_end_s: int
    """End of the working day."""
    trips: int
    load_s: NDArray[np.int64]
    """[source]."""
    home_s: NDArray[np.int64]
    """[client]: from the client's site home (the route's end)."""
    home_km: NDArray[np.float64]
    home_ok: NDArray[np.bool_]
    """[client]: the leg home may be used."""
    back_units_client: NDArray[np.int64]
    back_s_client: NDArray[np.int64]
    net_base: NDArray[np.float64]
    """[client]: prize less the cost of the way from its site to the nearest source."""

    @classmethod
    def of(cls, problem: RoutingProblem, index: int, clients: _Clients) -> _Type:
        data = problem.data
        vt = data.vehicle_type(index)
        units = np.asarray(data.distance_matrix(vt.profile))
        seconds = np.asarray(data.duration_matrix(vt.profile))
        home = int(vt.start_depot)
        end = int(vt.end_depot)
        reload = np.array(vt.reload_depots or [home], dtype=np.int64)
        back_units = units[:, reload].min(axis=1)
        loc = clients.location
        return cls(
            index=index,
            units=units,
            seconds=seconds,
            km=problem.km[vt.profile],
            allowed=problem.allowed[vt.profile],
            range_km=problem.range_km[vt.profile] + RANGE_TOLERANCE_KM,
            home=home,
            end=end,
            reload=reload,
            back_units=back_units,
            back_s=seconds[:, reload].min(axis=1),
            capacity=np.array(vt.capacity, dtype=np.int64),
            cost=float(vt.unit_distance_cost),
            start_s=int(vt.tw_early),
            duty_s=int(vt.shift_duration),
            day_end_s=int(vt.tw_late),
            trips=int(vt.max_reloads) + 1 if vt.reload_depots else 1,
            load_s=np.array([d.service_duration for d in data.depots()], dtype=np.int64),
            home_s=seconds[loc, end],
            home_km=problem.km[vt.profile][loc, end],
            home_ok=problem.allowed[vt.profile][loc, end],
            back_units_client=back_units[loc],
            back_s_client=seconds[:, reload].min(axis=1)[loc],
            net_base=clients.prize - float(vt.unit_distance_cost) * back_units[loc],
        )


@dataclass
class _Vehicle:
    """Where one vehicle's day has got to."""

    kind: _Type
    place: int
    now_s: int
    trips: list[RouteTrip] = field(default_factory=list)
    source: int = -1
    """Where the current trip loaded."""
    stops: list[int] = field(default_factory=list)
    """The current trip's deliveries."""
    km: float = 0.0
    """On the current trip so far."""
    load: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    limit_s: int = 0
    """Back home by then."""
    route: pyvrp.Route | None = None
    """The route the day started from, if any."""
    extended: bool = False
    stock: _Stock | None = None

    @classmethod
    def at_home(cls, kind: _Type) -> _Vehicle:
        now = kind.start_s + int(kind.load_s[kind.home])
        limit = min(kind.day_end_s, kind.start_s + kind.duty_s)
        return cls(kind, kind.home, now, source=kind.home, load=np.zeros_like(kind.capacity), limit_s=limit)

    @classmethod
    def after(cls, kind: _Type, route: pyvrp.Route, clients: _Clients) -> _Vehicle:
        """The vehicle at the end of its last delivery on ``route``, its last trip still open."""
        *done, last = route_trips(route)
        *_, final = (activity for activity in route.schedule() if activity.is_client())
        path = [last.start, *(int(clients.location[c]) for c in last.clients)]
        return cls(
            kind,
            path[-1],
            int(final.end_time),
            trips=done,
            source=last.start,
            stops=list(last.clients),
            km=float(sum(kind.km[a, b] for a, b in itertools.pairwise(path))),
            load=clients.demand[list(last.clients)].sum(axis=0),
            limit_s=min(kind.day_end_s, int(route.start_time()) + kind.duty_s),
            route=route,
        )

    def options(
        self, clients: _Clients, free: NDArray[np.bool_]
    ) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
        """(value per second, the source it reloads at first or -1) of each delivery as this vehicle's
        next; -inf where it cannot take it. Row 0: on the current trip; then one row per source the
        vehicle may reload at."""
        kind = self.kind
        sources = np.array([self.source])
        places, now = np.array([self.place]), np.array([self.now_s])
        km, load = np.array([self.km]), self.load[None, :]
        if self.stops and len(self.trips) + 1 < kind.trips:
            reload = kind.reload[kind.allowed[self.place, kind.reload]]
            ready = self.now_s + kind.seconds[self.place, reload] + kind.load_s[reload]
            sources, places = np.append(sources, reload), np.append(places, reload)
            now, km = np.append(now, ready), np.append(km, np.zeros(len(reload)))
            load = np.vstack([load, np.zeros((len(reload), load.shape[1]), dtype=load.dtype)])
        score = self._score(clients, free, sources, places, now, km, load)
        row = np.argmax(score, axis=0)
        value = np.take_along_axis(score, row[None, :], axis=0)[0]
        return value, np.where(row > 0, sources[row], -1)

    def _score(
        self,
        clients: _Clients,
        free: NDArray[np.bool_],
        sources: NDArray[np.int64],
        places: NDArray[np.int64],
        now_s: NDArray[np.int64],
        km: NDArray[np.float64],
        load: NDArray[np.int64],
    ) -> NDArray[np.float64]:
        """[option, client]: value per second of going from ``places`` (loaded at ``sources``, at
        ``now_s``, ``km`` into the trip with ``load`` on board) to each client."""
        kind, loc, at = self.kind, clients.location, places[:, None]
        begin = np.maximum(now_s[:, None] + kind.seconds[at, loc], clients.early_s)
        done = begin + clients.service_s
        ok = (
            (free & kind.home_ok)
            & kind.allowed[at, loc]
            & (begin <= clients.late_s)
            & (done + kind.home_s <= self.limit_s)
            & (km[:, None] + kind.km[at, loc] + kind.home_km <= kind.range_km)
        )
        for d in range(len(kind.capacity)):  # kg and litres
            ok &= load[:, d, None] + clients.demand[:, d] <= kind.capacity[d]
        if self.stock is not None:
            ok &= self.stock.covers(sources, clients)
        net = kind.net_base - kind.cost * (kind.units[at, loc] - kind.back_units[at])
        spent = np.maximum(done - (self.now_s + kind.back_s[self.place]) + kind.back_s_client, 1)
        return np.where(ok & (net > 0), net / spent, -np.inf)

    def take(self, client: int, reload_at: int, clients: _Clients) -> None:
        """Deliver ``client`` next, first reloading at source ``reload_at`` (-1: on the current trip)."""
        kind = self.kind
        if reload_at >= 0:
            self.trips.append(RouteTrip(self.source, tuple(self.stops), reload_at))
            self.now_s += int(kind.seconds[self.place, reload_at] + kind.load_s[reload_at])
            self.place, self.source, self.stops, self.km = reload_at, reload_at, [], 0.0
            self.load = np.zeros_like(self.load)
        loc = int(clients.location[client])
        begin = max(self.now_s + int(kind.seconds[self.place, loc]), int(clients.early_s[client]))
        self.now_s = begin + int(clients.service_s[client])
        self.km += float(kind.km[self.place, loc])
        self.load = self.load + clients.demand[client]
        self.place = loc
        self.stops.append(client)
        self.extended = True
        if self.stock is not None:
            self.stock.draw(self.source, clients.units[client], float(clients.kg[client]))

    def day(self) -> list[RouteTrip]:
        last = [RouteTrip(self.source, tuple(self.stops), self.kind.end)] if self.stops else []
        return self.trips + last


def fill_days(problem: RoutingProblem, solution: pyvrp.Solution | None = None) -> pyvrp.Solution | None:
    """Every vehicle's day filled with deliveries not yet planned (see module doc), from ``solution``'s
    routes or, without one, from home; None when there is no route."""
    data = problem.data
    clients = _Clients.of(problem)
    stock = _Stock.of(problem)
    free = np.ones(data.num_clients, dtype=bool)
    routes = list(solution.routes()) if solution is not None else []
    vehicles: list[_Vehicle] = []
    kept: list[pyvrp.Route] = []  # infeasible routes: not a plan, left to the caller as they are
    for vehicle_type in range(data.num_vehicle_types):
        kind = _Type.of(problem, vehicle_type, clients)
        own = [route for route in routes if route.vehicle_type() == vehicle_type]
        for route in own:
            free[[a.idx for a in route.schedule() if a.is_client()]] = False
        kept += [route for route in own if not route.is_feasible()]
        feasible = [route for route in own if route.is_feasible()]
        vehicles += [_Vehicle.after(kind, route, clients) for route in feasible]
        spare = data.vehicle_type(vehicle_type).num_available - len(own)
        vehicles += [_Vehicle.at_home(kind) for _ in range(spare)]
        for route in feasible:
            for trip in route_trips(route):
                lots = list(trip.clients)
                stock.draw(trip.start, clients.units[lots].sum(axis=0), float(clients.kg[lots].sum()))
    for vehicle in vehicles:
        vehicle.stock = stock
    if vehicles and free.any():
        _fill(vehicles, clients, free)
    for vehicle in vehicles:
        kept += _route(data, vehicle)
    return pyvrp.Solution(data, kept) if kept else None


def _fill(vehicles: list[_Vehicle], clients: _Clients, free: NDArray[np.bool_]) -> None:
    stock = vehicles[0].stock
    scores = np.empty((len(vehicles), len(free)))
    reloads = np.empty(scores.shape, dtype=np.int64)
    at_home: dict[int, int] = {}  # vehicles of a type still at home have the same options
    for v, vehicle in enumerate(vehicles):
        if vehicle.route is None and (twin := at_home.get(vehicle.kind.index)) is not None:
            scores[v], reloads[v] = scores[twin], reloads[twin]
            continue
        scores[v], reloads[v] = vehicle.options(clients, free)
        if vehicle.route is None:
            at_home[vehicle.kind.index] = v
    kinds = np.array([vehicle.kind.index for vehicle in vehicles])
    first_of_type = np.flatnonzero(np.diff([-1, *kinds]))
    per_type = np.maximum.reduceat(scores, first_of_type, axis=0)  # [type, delivery]: best vehicle's
    row_of_type = np.cumsum(np.diff([-1, *kinds]) != 0) - 1
    while (choice := _choose(per_type, scores)) is not None:
        v, client = choice
        vehicle = vehicles[v]
        source = int(reloads[v, client]) if reloads[v, client] >= 0 else vehicle.source
        if stock is not None and not stock.covers_one(source, client, clients):
            scores[v], reloads[v] = vehicle.options(clients, free)  # the source ran short since
            per_type[row_of_type[v]] = scores[kinds == kinds[v]].max(axis=0)
            continue
        vehicle.take(client, int(reloads[v, client]), clients)
        free[client] = False
        scores[:, client] = per_type[:, client] = -np.inf
        scores[v], reloads[v] = vehicles[v].options(clients, free)
        per_type[row_of_type[v]] = scores[kinds == kinds[v]].max(axis=0)


def _route(data: pyvrp.ProblemData, vehicle: _Vehicle) -> list[pyvrp.Route]:
    original = [vehicle.route] if vehicle.route is not None else []
    if not vehicle.extended:
        return original
    route = pyvrp.Route(data, activities(vehicle.day(), vehicle.kind.home), vehicle.kind.index)
    return [route] if route.is_feasible() else original


def _choose(per_type: NDArray[np.float64], scores: NDArray[np.float64]) -> tuple[int, int] | None:
    """(vehicle, delivery) to plan next: regret insertion over vehicle types (``per_type``: the best
    value per second of a type's vehicles). A delivery only one type can take goes first (the best of
    them); else the one that loses most if it does not go to its best type; it goes to the best vehicle."""
    best = per_type.max(axis=0)
    feasible = np.isfinite(best)
    if not feasible.any():
        return None
    if len(per_type) > 1:
        second = np.partition(per_type, len(per_type) - 2, axis=0)[-2]
    else:
        second = np.full_like(best, -np.inf)
    only = feasible & ~np.isfinite(second)
    if only.any():
        client = int(np.argmax(np.where(only, best, -np.inf)))
    else:
        client = int(np.argmax(np.where(feasible, best - np.where(feasible, second, 0), -np.inf)))
    return int(np.argmax(scores[:, client])), client
