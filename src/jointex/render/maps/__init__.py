"""Maps on real geography: Natural Earth land, coastlines and borders shipped with jointex, units as APP-6
symbols (military-symbol), labels that never cover each other; as SVG, PNG or a self-contained HTML page.

- `exercise.exercise_map`: the exercise area and its units (and a vignette's units, for a kind without
  a map of its own).

A vignette kind draws its own map in its package (the raid map: ``rehearse/vignettes/iamd/raid_map.py``;
the relief map: ``rehearse/vignettes/hadr/relief_map.py``), from the primitives here: `canvas`, `furniture`,
`placement`, `style` and `document`.
"""

from jointex.render.maps.document import MapDocument as MapDocument
from jointex.render.maps.document import MapFormat as MapFormat
