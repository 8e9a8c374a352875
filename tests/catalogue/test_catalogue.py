"""The shipped catalogue: big enough, internally consistent, and right on the sourced AAR facts."""

from __future__ import annotations

from collections import Counter

import pytest

from jointex.catalogue import builtin_catalogue, nations
from jointex.model import AarMethod, PlatformCategory, ReceiverMethod


def test_at_least_60_platform_types_across_the_required_families() -> None:
    platforms = builtin_catalogue().platforms.values()
    assert len(platforms) >= 60
    categories = Counter(p.category for p in platforms)
    for needed in (
        PlatformCategory.FIGHTER,
        PlatformCategory.TANKER,
        PlatformCategory.AIRLIFT,
        PlatformCategory.HELICOPTER,
        PlatformCategory.ISR,
        PlatformCategory.MAIN_BATTLE_TANK,
        PlatformCategory.SURFACE_COMBATANT,
        PlatformCategory.AIR_DEFENCE,
        PlatformCategory.COUNTER_DRONE,
        PlatformCategory.MEDICAL,
        PlatformCategory.ENGINEER,
        PlatformCategory.LOGISTICS,
        PlatformCategory.C2,
    ):
        assert categories[needed] >= 1, needed


def test_every_attribute_names_a_reference_entry() -> None:
    catalogue = builtin_catalogue()
    for platform in catalogue.platforms.values():
        assert set(platform.fuels) <= set(catalogue.fuels), platform.id
        assert set(platform.ammunition) <= set(catalogue.ammunition), platform.id
        assert set(platform.data_links) <= set(catalogue.data_links), platform.id
        assert set(platform.waveforms) <= set(catalogue.waveforms), platform.id
        assert set(platform.c2_systems) <= set(catalogue.c2_systems), platform.id
        for attribute in platform.uncertain:
            head, _, tail = attribute.partition(".")
            assert head in type(platform).model_fields, (platform.id, attribute)
            if tail:
                assert tail in type(platform).model_fields[head].annotation.model_fields, (
                    platform.id,
                    attribute,
                )
    for fuel in catalogue.fuels.values():
        assert {s.fuel for s in fuel.substitutes} <= set(catalogue.fuels)


@pytest.mark.parametrize(
    ("platform", "tanker", "receiver"),
    [
        ("KC-135R", (AarMethod.BOOM,), None),
        ("KC-46A", (AarMethod.BOOM, AarMethod.DROGUE), ReceiverMethod.RECEPTACLE),
        ("VOYAGER", (AarMethod.DROGUE,), None),
        ("KC-130J", (AarMethod.DROGUE,), ReceiverMethod.PROBE),
        ("A400M", (AarMethod.DROGUE,), ReceiverMethod.PROBE),
        ("F-35A", (), ReceiverMethod.RECEPTACLE),
        ("F-35B", (), ReceiverMethod.PROBE),
        ("F-16C", (), ReceiverMethod.RECEPTACLE),
        ("C-17A", (), ReceiverMethod.RECEPTACLE),
        ("TORNADO", (), ReceiverMethod.PROBE),
    ],
)
def test_aar_facts_from_the_sourced_tables(
    platform: str, tanker: tuple[AarMethod, ...], receiver: ReceiverMethod | None
) -> None:
    aar = builtin_catalogue().platforms[platform].aar
    assert aar.tanker == tanker
    assert aar.receiver == receiver


def test_the_kc135_drogue_adapter_is_a_bridge_with_its_limit() -> None:
    (adapter,) = builtin_catalogue().platforms["KC-135R"].aar.adapters
    assert adapter.provides is AarMethod.DROGUE
    assert "one method per sortie" in adapter.limit


def test_uncertain_facts_are_marked() -> None:
    catalogue = builtin_catalogue()
    assert "aar.receiver" in catalogue.platforms["EF-2000"].uncertain
    assert catalogue.standards["STANAG 2310"].uncertain
    assert not catalogue.standards["STANAG 4172"].uncertain


def test_close_names_are_suggested() -> None:
    assert builtin_catalogue().suggest("platforms", "F35A")[0] == "F-35A"
    assert builtin_catalogue().suggest("platforms", "Voyagr") == ["VOYAGER"]


def test_nations_come_from_iso_3166() -> None:
    assert nations()["LTU"].name == "Lithuania"
    assert len(nations()) >= 240
