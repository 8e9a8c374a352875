"""The communications network: who can reach whom by secure voice and data links, and what it hangs on.

The graph is bipartite: unit nodes and net nodes (a secure voice net is a waveform with key material, a
data net is a data link), an edge where a unit is on a net. Two units that share a net are two hops apart;
any unit can relay between the nets it is on (a voice relay, or forwarding where it is a gateway), so
units are connected when a path exists. A node whose loss splits the graph (an articulation point) is a
single point of failure: a unit (often a gateway) or a net (the only waveform two groups share). They are
ranked by how many nation pairs, then vignette participant pairs, they would cut apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from jointex.analyse.interop.profiles import UnitProfile
from jointex.model import Exercise


@dataclass(frozen=True)
class SinglePointOfFailure:
    kind: str  # "unit" or "net"
    name: str
    node: str  # its node in the graph
    nation_pairs_cut: tuple[tuple[str, str], ...]
    vignette_pairs_cut: int
    units_cut_off: int

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "name": self.name,
            "nation_pairs_cut": [list(p) for p in self.nation_pairs_cut],
            "vignette_pairs_cut": self.vignette_pairs_cut,
            "units_cut_off": self.units_cut_off,
        }


def _unit(uid: str) -> str:
    return f"unit:{uid}"


@dataclass(frozen=True)
class CommsNetwork:
    graph: nx.Graph
    unit_nation: dict[str, str]
    vignette_units: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, exercise: Exercise, profiles: Sequence[UnitProfile]) -> CommsNetwork:
        graph = nx.Graph()
        for profile in profiles:
            node = _unit(profile.unit.id)
            graph.add_node(node, kind="unit", nation=profile.unit.nation)
            for net in profile.voice_nets:
                graph.add_edge(node, f"voice:{net}")
            for link in profile.data_links:
                graph.add_edge(node, f"link:{link}")
        for node in graph.nodes:
            graph.nodes[node].setdefault("kind", "net")
        units = {p.unit.id: p.unit.nation for p in profiles}
        vignettes = {v.id: tuple(u for u in v.units if u in units) for v in exercise.vignettes}
        return cls(graph, units, vignettes)

    def components(self) -> list[list[str]]:
        """Groups of units that can reach each other, largest first."""
        groups = [
            sorted(n[5:] for n in c if n.startswith("unit:")) for c in nx.connected_components(self.graph)
        ]
        return sorted((g for g in groups if g), key=lambda g: (-len(g), g))

    def relay_path(self, a: str, b: str) -> list[str] | None:
        """The shortest chain unit, net, unit, ... from a to b, or None when they cannot reach each other."""
        try:
            path = nx.shortest_path(self.graph, _unit(a), _unit(b))
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return None
        return [node.split(":", 1)[1] for node in path]

    def _nation_pairs(self, graph: nx.Graph) -> set[tuple[str, str]]:
        reach: set[tuple[str, str]] = set()
        for component in nx.connected_components(graph):
            present = sorted({self.unit_nation[n[5:]] for n in component if n.startswith("unit:")})
            reach.update(combinations(present, 2))
        return reach

    def _vignette_pairs(self, graph: nx.Graph, without: str | None = None) -> int:
        """Pairs of units rehearsing the same vignette that can reach each other (``without`` left out)."""
        where = {n: i for i, c in enumerate(nx.connected_components(graph)) for n in c}
        return sum(
            1
            for units in self.vignette_units.values()
            for a, b in combinations(units, 2)
            if without not in (_unit(a), _unit(b))
            and _unit(a) in where
            and where.get(_unit(a)) == where.get(_unit(b))
        )

    def single_points_of_failure(self, limit: int = 200) -> list[SinglePointOfFailure]:
        """Articulation points ranked by the nation pairs, then vignette pairs, their loss cuts apart."""
        before_nations = self._nation_pairs(self.graph)
        found = []
        points = sorted(nx.articulation_points(self.graph), key=lambda n: (-self.graph.degree(n), n))[:limit]
        for node in points:
            reduced = self.graph.copy()
            reduced.remove_node(node)
            kind, name = node.split(":", 1)
            found.append(
                SinglePointOfFailure(
                    "unit" if kind == "unit" else "net",
                    name,
                    node,
                    tuple(sorted(before_nations - self._nation_pairs(reduced))),
                    self._vignette_pairs(self.graph, without=node) - self._vignette_pairs(reduced),
                    self._units_cut_off(node, reduced),
                )
            )
        found = [s for s in found if s.nation_pairs_cut or s.vignette_pairs_cut or s.units_cut_off]
        found.sort(key=lambda s: (-len(s.nation_pairs_cut), -s.vignette_pairs_cut, -s.units_cut_off, s.name))
        return found

    def _units_cut_off(self, node: str, reduced: nx.Graph) -> int:
        """Units of the node's component that end up outside the largest piece left when it is lost."""

        def units(nodes: set[str]) -> int:
            return sum(1 for n in nodes if n.startswith("unit:"))

        component = nx.node_connected_component(self.graph, node) - {node}
        pieces = [c for c in nx.connected_components(reduced) if c <= component]
        return units(component) - max((units(c) for c in pieces), default=0)
