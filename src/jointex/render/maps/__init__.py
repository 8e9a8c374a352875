"""Maps on real geography: Natural Earth land, coastlines and borders shipped with jointex, units as APP-6
symbols (military-symbol), labels that never cover each other; as SVG, PNG or a self-contained HTML page.

- `exercise.exercise_map`: the exercise area and its units;
- `iamd.iamd_map`: an IAMD vignette's defended assets, sensors, fire unit envelopes and threat axes;
- `relief.relief_map`: a relief vignette's sites, sources, roads and daily trips.
"""

from jointex.render.maps.document import MapDocument as MapDocument
from jointex.render.maps.document import MapFormat as MapFormat
