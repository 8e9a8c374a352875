"""Maps on real geography: Natural Earth land, coastlines and borders shipped with jointex, units as APP-6
symbols (military-symbol), labels that never cover each other; as SVG, PNG or a self-contained HTML page.

- `exercise.exercise_map`: the exercise area and its units;
- `iamd.iamd_map`: an IAMD vignette's defended assets, sensors, fire unit envelopes and threat axes.

A vignette kind that draws its own map does so in its package (the relief map:
``rehearse/vignettes/hadr/relief_map.py``), from the primitives here: `canvas`, `furniture`,
`placement`, `style` and `document`.
"""

from jointex.render.maps.document import MapDocument as MapDocument
from jointex.render.maps.document import MapFormat as MapFormat
