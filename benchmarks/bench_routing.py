"""Claim: the relief planner's routing component (PyVRP with jointex's settings, `solve_routes`) reaches a
mean gap to the best-known solution of <= 1% on the CVRPLIB X instances in ../shared/benchmarks/cvrplib/X
with 10 s per instance; the baseline is a plain OR-Tools routing model (path cheapest arc, then guided
local search) with the same time, run in the same session.

Prints one row per instance (best known, PyVRP cost and gap, OR-Tools cost and gap) and the mean gaps.
Costs use distances rounded to the nearest integer, as CVRPLIB does.

    .venv/bin/python benchmarks/bench_routing.py [--seconds 10] [--folder ../shared/benchmarks/cvrplib/X]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np
import pyvrp
import vrplib
from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from pyvrp.stop import MaxRuntime

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from jointex.rehearse.vignettes.hadr.plan import solve_routes

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "cvrplib" / "X"


def pyvrp_cost(path: Path, seconds: float) -> float:
    data = pyvrp.read(str(path), round_func="round")
    result = solve_routes(data, MaxRuntime(seconds), seed=1)
    return float(result.cost()) if result.is_feasible() else float("inf")


def ortools_cost(instance: dict[str, np.ndarray], seconds: float, vehicles: int) -> float:
    distances = np.asarray(instance["edge_weight"]).round().astype(np.int64)
    demand = np.asarray(instance["demand"]).astype(np.int64)
    capacity = int(instance["capacity"])
    manager = pywrapcp.RoutingIndexManager(len(distances), vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)

    def distance(i: int, j: int) -> int:
        return int(distances[manager.IndexToNode(i), manager.IndexToNode(j)])

    def load(i: int) -> int:
        return int(demand[manager.IndexToNode(i)])

    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitCallback(distance))
    routing.AddDimensionWithVehicleCapacity(
        routing.RegisterUnaryTransitCallback(load), 0, [capacity] * vehicles, True, "load"
    )
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(parameters)
    return float(solution.ObjectiveValue()) if solution else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=0, help="only the first N instances (0: all)")
    args = parser.parse_args()
    instances = sorted(args.folder.glob("*.vrp"))
    if args.limit:
        instances = instances[: args.limit]
    if not instances:
        sys.exit(f"no .vrp files in {args.folder}")
    print(f"{'instance':<14}{'BKS':>9}{'PyVRP':>9}{'gap %':>8}{'OR-Tools':>10}{'gap %':>8}")
    gaps_pyvrp, gaps_ortools = [], []
    for path in instances:
        best = float(vrplib.read_solution(str(path.with_suffix(".sol")))["cost"])
        instance = vrplib.read_instance(str(path))
        minimum_vehicles = int(path.stem.split("-k")[-1])
        ours = pyvrp_cost(path, args.seconds)
        plain = ortools_cost(instance, args.seconds, vehicles=minimum_vehicles + 5)
        gap, gap_ortools = 100 * (ours - best) / best, 100 * (plain - best) / best
        gaps_pyvrp.append(gap)
        gaps_ortools.append(gap_ortools)
        print(
            f"{path.stem:<14}{best:>9.0f}{ours:>9.0f}{gap:>8.2f}{plain:>10.0f}{gap_ortools:>8.2f}", flush=True
        )
    mean_ours, mean_plain = statistics.fmean(gaps_pyvrp), statistics.fmean(gaps_ortools)
    print(
        f"mean gap: PyVRP {mean_ours:.2f}% (target <= 1%), OR-Tools {mean_plain:.2f}%, "
        f"{len(instances)} instances, {args.seconds:g} s each"
    )
    print(
        f"median gap: PyVRP {statistics.median(gaps_pyvrp):.2f}%, "
        f"OR-Tools {statistics.median(gaps_ortools):.2f}%"
    )
    print(f"ratio of mean gaps (OR-Tools / PyVRP): {mean_plain / max(mean_ours, 1e-9):.1f}x")


if __name__ == "__main__":
    main()
