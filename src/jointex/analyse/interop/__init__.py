"""Interoperability analysis: who can refuel, supply, talk to and understand whom.

`analyse_interop` runs every domain (AAR, fuel, ammunition, data links, secure voice, C2, geospatial,
procedural, human) on an exercise, scores nation pairs (NATO degrees, LISI levels), builds the
communications network with its single points of failure, and lists the gaps with their remedies.
"""

from __future__ import annotations

from jointex.analyse.interop.result import InteropResult, analyse_interop
from jointex.analyse.interop.states import Cell, State

__all__ = ["Cell", "InteropResult", "State", "analyse_interop"]
