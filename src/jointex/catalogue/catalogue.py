"""The reference catalogue: platform types and reference entries, built in and extended by users."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from jointex.model.platform import Platform
from jointex.model.reference import Fuel, ReferenceItem, Standard

SECTIONS = ("platforms", "fuels", "ammunition", "data_links", "waveforms", "c2_systems", "standards")


@dataclass(frozen=True)
class Catalogue:
    """Everything jointex knows about equipment and standards, by id."""

    platforms: Mapping[str, Platform]
    fuels: Mapping[str, Fuel] = field(default_factory=dict)
    ammunition: Mapping[str, ReferenceItem] = field(default_factory=dict)
    data_links: Mapping[str, ReferenceItem] = field(default_factory=dict)
    waveforms: Mapping[str, ReferenceItem] = field(default_factory=dict)
    c2_systems: Mapping[str, ReferenceItem] = field(default_factory=dict)
    standards: Mapping[str, Standard] = field(default_factory=dict)

    def section(self, name: str) -> Mapping[str, Any]:
        if name not in SECTIONS:
            raise KeyError(name)
        mapping: Mapping[str, Any] = getattr(self, name)
        return mapping

    def suggest(self, section: str, wanted: str, limit: int = 3) -> list[str]:
        """The closest ids (and ids of closest names) in a section, for 'did you mean' messages."""
        entries = self.section(section)
        by_key = {key.casefold(): key for key in entries}
        for key, entry in entries.items():
            name = getattr(entry, "name", None) or getattr(entry, "title", None)
            if name:
                by_key.setdefault(str(name).casefold(), key)
        matches = difflib.get_close_matches(wanted.casefold(), list(by_key), n=limit * 2, cutoff=0.5)
        found: list[str] = []
        for match in matches:
            if by_key[match] not in found:
                found.append(by_key[match])
        return found[:limit]

    def with_platforms(self, platforms: Iterable[Platform]) -> Catalogue:
        """A catalogue where the given platforms are added, replacing built-in ones of the same id."""
        merged = dict(self.platforms)
        merged.update((platform.id, platform) for platform in platforms)
        return replace(self, platforms=merged)


def _read_data(name: str) -> dict[str, Any]:
    text = resources.files("jointex.catalogue").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


@cache
def builtin_catalogue() -> Catalogue:
    """The catalogue shipped with jointex (package data), read once per process."""
    platforms = _read_data("platforms.yaml")["platforms"]
    reference = _read_data("reference.yaml")
    return Catalogue(
        platforms={p["id"]: Platform.model_validate(p) for p in platforms},
        fuels={f["id"]: Fuel.model_validate(f) for f in reference["fuels"]},
        ammunition={a["id"]: ReferenceItem.model_validate(a) for a in reference["ammunition"]},
        data_links={d["id"]: ReferenceItem.model_validate(d) for d in reference["data_links"]},
        waveforms={w["id"]: ReferenceItem.model_validate(w) for w in reference["waveforms"]},
        c2_systems={c["id"]: ReferenceItem.model_validate(c) for c in reference["c2_systems"]},
        standards={s["id"]: Standard.model_validate(s) for s in reference["standards"]},
    )
