"""Interoperability settings of an exercise: national clearances, waivers and the standards required."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from jointex.model.base import Frozen, NationCode, ShortText


class InteropDomain(StrEnum):
    """The domains the interoperability analysis checks (NATO dimensions: technical, procedural, human)."""

    AAR = "aar"
    FUEL = "fuel"
    AMMUNITION = "ammunition"
    DATA_LINK = "data-link"
    VOICE = "voice"
    C2 = "c2"
    GEOSPATIAL = "geospatial"
    PROCEDURAL = "procedural"
    HUMAN = "human"


class Clearance(Frozen):
    """A national clearance that overrides the rule for one pair, as the AAR doctrine's national annexes do.

    For ``aar`` the pair is (tanker platform, receiver platform); for ``fuel`` and ``ammunition`` it is
    (supplying nation, receiving nation).
    """

    domain: InteropDomain
    provider: ShortText
    receiver: ShortText
    cleared: bool
    source: ShortText | None = Field(default=None, description="Where the clearance is written down.")


class Waiver(Frozen):
    """A national waiver: the nations accept a pair that the rule finds incompatible in one domain."""

    domain: InteropDomain
    nations: tuple[NationCode, ...] = Field(min_length=2, max_length=2)
    note: ShortText


class InteropSettings(Frozen):
    clearances: tuple[Clearance, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    required_standards: tuple[ShortText, ...] | None = Field(
        default=None,
        description="Standards every pair of nations needs for the procedural domain; by default those "
        "adopted by at least half of the participants.",
    )
