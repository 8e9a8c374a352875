"""Confidentiality labels in the style of STANAG 4774: policy, classification, releasable-to, caveats.

A label is on the exercise and, optionally, on any participant, unit, objective, vignette or inject. An
element without its own label inherits its parent's. A child label may add restrictions but never lift
one: a lower classification, a wider releasable-to list, or a dropped caveat is an error.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict, field_validator, model_validator

from jointex.model.base import Frozen, NationCode, ShortText


class Classification(StrEnum):
    """Classification levels, from least to most restrictive (compare with ``rank``)."""

    UNCLASSIFIED = "UNCLASSIFIED"
    RESTRICTED = "RESTRICTED"
    CONFIDENTIAL = "CONFIDENTIAL"
    SECRET = "SECRET"
    TOP_SECRET = "TOP SECRET"

    @property
    def rank(self) -> int:
        return list(Classification).index(self)

    @property
    def marking(self) -> str:
        return self.value

    @classmethod
    def parse(cls, text: str) -> Classification:
        key = " ".join(text.replace("-", " ").replace("_", " ").split()).upper()
        try:
            return cls(key)
        except ValueError:
            levels = ", ".join(level.value for level in cls)
            raise ValueError(f"unknown classification {text!r}; expected one of {levels}") from None


_MARKING = re.compile(
    r"^\s*(?:(?P<policy>[A-Z0-9]+)\s+)??"
    r"(?P<classification>UNCLASSIFIED|RESTRICTED|CONFIDENTIAL|SECRET|TOP SECRET)"
    r"(?P<rest>(?:\s*//.*)?)\s*$",
    re.IGNORECASE,
)


def _parse_marking(text: str) -> dict[str, Any]:
    """Read a banner marking such as ``NATO RESTRICTED // REL TO USA, GBR // EXERCISE``."""
    match = _MARKING.match(text)
    if match is None:
        raise ValueError(
            f"cannot read the marking {text!r}; expected e.g. 'NATO RESTRICTED // REL TO USA, GBR'"
        )
    result: dict[str, Any] = {"classification": match["classification"]}
    if match["policy"]:
        result["policy"] = match["policy"].upper()
    caveats: list[str] = []
    for part in (p.strip() for p in match["rest"].split("//") if p.strip()):
        if part.upper().startswith("REL TO"):
            nations = [n.strip() for n in re.split(r"[,\s]+", part[6:]) if n.strip()]
            result["releasable_to"] = nations
        else:
            caveats.append(part.upper())
    if caveats:
        result["caveats"] = caveats
    return result


def _or_marking(schema: dict[str, Any]) -> None:
    """Make the label's JSON Schema also accept the one-line banner marking."""
    as_object = {k: v for k, v in schema.items() if k != "description"}
    description = schema.get("description", "")
    schema.clear()
    schema.update(
        {
            "description": description,
            "anyOf": [
                {
                    "type": "string",
                    "description": "A banner marking, e.g. 'NATO RESTRICTED // REL TO USA, GBR'",
                },
                as_object,
            ],
        }
    )


class Label(Frozen):
    """A confidentiality label.

    ``releasable_to`` lists the nations that may see the element; ``None`` means no releasability limit
    beyond the classification, that is every participating nation. Written in a file either as a mapping
    or as one banner string (``"NATO RESTRICTED // REL TO USA, GBR"``).
    """

    model_config = ConfigDict(json_schema_extra=lambda schema: _or_marking(schema))

    policy: ShortText = "NATO"
    classification: Classification = Classification.UNCLASSIFIED
    releasable_to: tuple[NationCode, ...] | None = None
    caveats: tuple[ShortText, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _from_marking(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _parse_marking(value)
        return value

    @field_validator("classification", mode="before")
    @classmethod
    def _classification_by_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            return Classification.parse(value)
        return value

    @field_validator("releasable_to", mode="after")
    @classmethod
    def _sorted_nations(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if value is None else tuple(sorted(set(value)))

    @field_validator("caveats", mode="after")
    @classmethod
    def _upper_caveats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({caveat.upper() for caveat in value}))

    @property
    def marking(self) -> str:
        """The banner line printed on every page: ``NATO RESTRICTED // REL TO GBR, USA``."""
        parts = [f"{self.policy} {self.classification.marking}"]
        if self.releasable_to is not None:
            parts.append("REL TO " + (", ".join(self.releasable_to) or "NONE"))
        parts.extend(self.caveats)
        return " // ".join(parts)

    def releases_to(self, nation: str) -> bool:
        """Whether this label lets ``nation`` see the element (classification clearance aside)."""
        return self.releasable_to is None or nation in self.releasable_to

    def loosenings_of(self, parent: Label) -> list[str]:
        """What this label lifts of ``parent``'s restrictions; empty when it is at least as restrictive."""
        found: list[str] = []
        if self.classification.rank < parent.classification.rank:
            found.append(
                f"classification {self.classification.marking} is lower than {parent.classification.marking}"
            )
        if parent.releasable_to is not None:
            if self.releasable_to is None:
                found.append(
                    "releasable to all participants, but the parent is REL TO "
                    + ", ".join(parent.releasable_to)
                )
            else:
                extra = sorted(set(self.releasable_to) - set(parent.releasable_to))
                if extra:
                    found.append(f"releases to {', '.join(extra)}, which the parent does not")
        dropped = sorted(set(parent.caveats) - set(self.caveats))
        if dropped:
            found.append(f"drops the caveat {', '.join(dropped)}")
        return found


UNCLASSIFIED = Label()
"""The label of an element nobody marked: NATO UNCLASSIFIED, releasable to every participant."""
