"""Nations and languages from ISO 3166 and ISO 639, through pycountry."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Nation:
    code: str
    name: str


@cache
def nations() -> dict[str, Nation]:
    """Every ISO 3166-1 country by alpha-3 trigraph."""
    import pycountry

    return {c.alpha_3: Nation(c.alpha_3, getattr(c, "common_name", c.name)) for c in pycountry.countries}


@cache
def languages() -> dict[str, str]:
    """ISO 639 languages by both their 2-letter and 3-letter codes."""
    import pycountry

    table: dict[str, str] = {}
    for language in pycountry.languages:
        table[language.alpha_3] = language.name
        if hasattr(language, "alpha_2"):
            table[language.alpha_2] = language.name
    return table


def nation_name(code: str) -> str:
    nation = nations().get(code)
    return nation.name if nation else code


@cache
def _alpha3_languages() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for language in pycountry.languages:
        table[language.alpha_3] = language.alpha_3
        if hasattr(language, "alpha_2"):
            table[language.alpha_2] = language.alpha_3
    return table


def language_key(code: str) -> str:
    """One key per language, whether written with 2 letters (``en``) or 3 (``eng``)."""
    return _alpha3_languages().get(code.lower(), code.lower())
