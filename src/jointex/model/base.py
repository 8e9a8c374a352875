"""Shared building blocks of the vocabulary: the frozen base model and constrained identifiers."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class Frozen(BaseModel):
    """Base of every model: immutable, unknown fields refused, surrounding whitespace trimmed."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        populate_by_name=True,
        use_enum_values=False,
    )


IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:/\-]*$"
NATION_CODE_PATTERN = r"^[A-Za-z]{3}$"
LANGUAGE_CODE_PATTERN = r"^[A-Za-z]{2,3}$"

Identifier = Annotated[
    str,
    StringConstraints(pattern=IDENTIFIER_PATTERN, min_length=1, max_length=80),
]
"""An id a planner types: letters, digits and ``_ . : / -``, starting with a letter or digit."""

NationCode = Annotated[str, StringConstraints(pattern=NATION_CODE_PATTERN, to_upper=True)]
"""An ISO 3166-1 alpha-3 trigraph (``USA``, ``GBR``, ``POL``); checked against the catalogue later."""

LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN, to_lower=True)]
"""An ISO 639 language code, two letters (``en``) or three (``eng``)."""

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=20_000)]
