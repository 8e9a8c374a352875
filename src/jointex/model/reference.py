"""Reference entries of the catalogue beside platforms: fuels, ammunition, links, waveforms, C2, standards."""

from __future__ import annotations

from enum import StrEnum

from jointex.model.base import Frozen, ShortText


class FuelSubstitute(Frozen):
    """A fuel that may stand in for another, with the caveat a logistician must read."""

    fuel: ShortText
    caveat: str
    uncertain: bool = False


class Fuel(Frozen):
    id: ShortText
    name: ShortText
    description: str | None = None
    substitutes: tuple[FuelSubstitute, ...] = ()


class ReferenceItem(Frozen):
    """An ammunition family, data link, waveform or C2 system, with the standard that defines it."""

    id: ShortText
    name: ShortText
    standard: ShortText | None = None
    uncertain: bool = False
    notes: str | None = None


class Dimension(StrEnum):
    """NATO dimensions of interoperability."""

    TECHNICAL = "technical"
    PROCEDURAL = "procedural"
    HUMAN = "human"


class Standard(Frozen):
    id: ShortText
    title: ShortText
    dimension: Dimension
    uncertain: bool = False
