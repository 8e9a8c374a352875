"""The kinds jointex rehearses: each is the package `rehearse/vignettes/<kind>/` named by its
`VignetteKind` value, whose ``VIGNETTE`` is its `VignetteModel`. A package is imported on first use, so a
command that rehearses one kind does not load the others (HADR brings PyVRP)."""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache

from jointex.model.vignette_kind import VignetteKind
from jointex.rehearse.vignettes.plugin import VignetteModel

_PACKAGE = "jointex.rehearse.vignettes"


@cache
def rehearsed_kinds() -> tuple[VignetteKind, ...]:
    """The kinds with a package, in the order `VignetteKind` lists them."""
    return tuple(kind for kind in VignetteKind if importlib.util.find_spec(f"{_PACKAGE}.{kind.value}"))


@cache
def vignette_model(kind: VignetteKind) -> VignetteModel | None:
    """The model of ``kind``; None when jointex cannot rehearse it yet."""
    if kind not in rehearsed_kinds():
        return None
    model = getattr(importlib.import_module(f"{_PACKAGE}.{kind.value}"), "VIGNETTE", None)
    if not isinstance(model, VignetteModel) or model.kind is not kind:
        raise TypeError(f"{_PACKAGE}.{kind.value}.VIGNETTE is not the VignetteModel of {kind.value}")
    return model
