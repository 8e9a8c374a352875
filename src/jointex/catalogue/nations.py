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
def _iso639() -> tuple[tuple[str, str | None, str], ...]:
    """(alpha-3, alpha-2 or None, name) of every ISO 639 language."""
    import pycountry

    return tuple((lang.alpha_3, getattr(lang, "alpha_2", None), lang.name) for lang in pycountry.languages)


@cache
def languages() -> dict[str, str]:
    """ISO 639 languages by both their 2-letter and 3-letter codes."""
    table = {alpha_3: name for alpha_3, _, name in _iso639()}
    table.update({alpha_2: name for _, alpha_2, name in _iso639() if alpha_2})
    return table


def nation_name(code: str) -> str:
    nation = nations().get(code)
    return nation.name if nation else code


@cache
def _alpha3_languages() -> dict[str, str]:
    table = {alpha_3: alpha_3 for alpha_3, _, _ in _iso639()}
    table.update({alpha_2: alpha_3 for alpha_3, alpha_2, _ in _iso639() if alpha_2})
    return table


def language_key(code: str) -> str:
    """One key per language, whether written with 2 letters (``en``) or 3 (``eng``)."""
    return _alpha3_languages().get(code.lower(), code.lower())
