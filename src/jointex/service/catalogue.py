"""Browse the reference catalogue: list a section, show one entry."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from jointex.catalogue import SECTIONS, builtin_catalogue, nations
from jointex.errors import InputError

LISTABLE = (*SECTIONS, "nations")


def _entry_dict(entry: Any) -> dict[str, Any]:
    if hasattr(entry, "model_dump"):
        data: dict[str, Any] = entry.model_dump(mode="json", exclude_defaults=True)
        return data
    return asdict(entry)


def list_section(section: str, category: str | None = None) -> list[dict[str, Any]]:
    """The entries of one catalogue section as plain rows; platforms may be filtered by category."""
    section = section.replace("-", "_")
    if section == "nations":
        return [{"id": n.code, "name": n.name} for n in sorted(nations().values(), key=lambda n: n.code)]
    if section not in SECTIONS:
        raise InputError.single(
            f"unknown catalogue section {section!r}",
            field=("section",),
            expected="one of " + ", ".join(s.replace("_", "-") for s in LISTABLE),
        )
    entries: list[Any] = list(builtin_catalogue().section(section).values())
    if category is not None:
        entries = [e for e in entries if getattr(getattr(e, "category", None), "value", None) == category]
    return [_entry_dict(entry) for entry in entries]


def section_columns(section: str, rows: list[dict[str, Any]]) -> list[str]:
    """The columns a listing of ``section`` shows people (its ``--json`` keeps every field): a platform's
    id, name, category and domain; for the other sections, those of id, name, title, standard and
    dimension that some entry has."""
    if section.replace("-", "_") == "platforms":
        return ["id", "name", "category", "domain"]
    return [
        key for key in ("id", "name", "title", "standard", "dimension") if any(key in row for row in rows)
    ]


def show_entry(entry_id: str) -> tuple[str, dict[str, Any]]:
    """The entry with this id, from whichever section holds it, and that section's name."""
    catalogue = builtin_catalogue()
    for section in SECTIONS:
        entries = catalogue.section(section)
        if entry_id in entries:
            return section, _entry_dict(entries[entry_id])
        for key in entries:
            if key.casefold() == entry_id.casefold():
                return section, _entry_dict(entries[key])
    if entry_id.upper() in nations():
        nation = nations()[entry_id.upper()]
        return "nations", {"id": nation.code, "name": nation.name}
    close = catalogue.suggest("platforms", entry_id) + catalogue.suggest("standards", entry_id)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError.single(
        f"no catalogue entry {entry_id!r}{hint}",
        field=("id",),
        expected="an id from 'jointex catalogue list'",
    )
