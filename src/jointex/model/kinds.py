"""The vignette kinds the model layer knows: each kind's typed parameters and the metrics it produces.

One line per kind: a kind's model file (``model/<kind>.py``) defines its ``DECLARATION``, and adding a
kind is one import and one entry in ``_KINDS``. A kind without a declaration (one jointex cannot
rehearse yet) keeps its parameters as plain data (`jointex.model.vignette_kind.PlainParameters`).
"""

from __future__ import annotations

from jointex.model import hadr, iamd, mascal, sar
from jointex.model.vignette_kind import KindDeclaration, VignetteKind

_KINDS: tuple[KindDeclaration, ...] = (
    iamd.DECLARATION,
    hadr.DECLARATION,
    sar.DECLARATION,
    mascal.DECLARATION,
)

DECLARATIONS: dict[VignetteKind, KindDeclaration] = {declaration.kind: declaration for declaration in _KINDS}
"""Each declared kind's parameters and metrics, by kind."""
