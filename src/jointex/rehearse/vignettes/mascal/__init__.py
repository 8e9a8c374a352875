"""The mass casualty (MASCAL) vignette: casualties of an incident through the coalition's medical chain,
from the point of injury to Role 1, 2 and 3 with the evacuation between them, against the 10-1-2
timeline (docs/mascal.md)."""

from jointex.rehearse.vignettes.mascal.compiled import MascalVignette as MascalVignette
from jointex.rehearse.vignettes.mascal.model import MascalModel as MascalModel

VIGNETTE = MascalModel()
