"""The one Jinja environment of jointex's HTML documents: the templates shipped in `render/templates/`,
autoescaped, with the display helpers every page uses, as functions and as filters (``number``: a number
rounded, with thousands separators and its unit; ``plural``: a count in words; ``metric_title`` and
``metric_unit``: a metric as people read it). A renderer adds its own helpers with `add_helpers`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, PackageLoader, Template, select_autoescape

from jointex.model.metrics.display import format_number, metric_title, metric_unit, plural

_ENVIRONMENT = Environment(
    loader=PackageLoader("jointex.render", "templates"), autoescape=select_autoescape(["html", "j2"])
)


def add_helpers(**helpers: Callable[..., Any]) -> None:
    """Make ``helpers`` callable in every template, as functions and as filters."""
    _ENVIRONMENT.globals.update(helpers)
    _ENVIRONMENT.filters.update(helpers)


add_helpers(number=format_number, plural=plural, metric_title=metric_title, metric_unit=metric_unit)


def template(name: str) -> Template:
    """The template ``name`` of `render/templates/`."""
    return _ENVIRONMENT.get_template(name)
