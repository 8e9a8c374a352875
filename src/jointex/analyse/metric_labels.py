"""The names people know an exercise's ids by, for metric titles: ``Leakers at Vilnius government
district`` rather than ``Leakers at VILNIUS``, ``Need met at Guiuan`` rather than ``Need met at PH0826-GUI``.

Built from the version of the exercise a document is for (the released one), so a title never names what
its reader may not see. The metric names themselves (``iamd.leakers.VILNIUS``) keep the ids: objectives,
run files and ``--json`` use them.
"""

from __future__ import annotations

from jointex.catalogue import nation_name
from jointex.model import Exercise, Vignette


def metric_labels(exercise: Exercise, vignette: Vignette | None = None) -> dict[str, str]:
    """Id -> name for the placeholders of metric names (`jointex.model.metrics.display.metric_title`):
    participating nations (``DEU`` -> ``Germany``), units, and each vignette's places as its kind's
    parameters name them (defended assets; relief sites and supply sources). ``vignette`` (one rehearsed)
    names its own places last, so they win over another vignette's place of the same id. An id without
    a name is left out (its title shows the id)."""
    labels = {nation: nation_name(nation) for nation in exercise.nations}
    labels.update({unit.id: unit.name for unit in exercise.units})
    for each in (*exercise.vignettes, *((vignette,) if vignette else ())):
        labels.update(each.parameters.place_names())
    return labels
