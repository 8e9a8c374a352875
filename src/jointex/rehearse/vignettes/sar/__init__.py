"""The search and rescue (SAR) vignette: a multinational search at sea for survivors, planned on a
drifting probability map, with and without each nation's search units.

``VIGNETTE`` is the kind's plug-in (`jointex.rehearse.vignettes.plugin.VignetteModel`)."""

from jointex.rehearse.vignettes.sar.model import VIGNETTE as VIGNETTE
from jointex.rehearse.vignettes.sar.model import SarModel as SarModel
