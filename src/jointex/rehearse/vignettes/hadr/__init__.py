"""The humanitarian assistance and disaster relief (HADR) vignette: multinational relief distribution,
planned each day with PyVRP and lived through with aftershocks, weather and breakdowns.

``VIGNETTE`` is the kind's plug-in (`jointex.rehearse.vignettes.plugin.VignetteModel`): everything jointex
knows of relief runs, reports, maps and plan files lives in this package."""

from jointex.rehearse.vignettes.hadr.compile import HadrVignette as HadrVignette
from jointex.rehearse.vignettes.hadr.compile import compile_hadr as compile_hadr
from jointex.rehearse.vignettes.hadr.detail import ReliefDetail as ReliefDetail
from jointex.rehearse.vignettes.hadr.model import VIGNETTE as VIGNETTE
from jointex.rehearse.vignettes.hadr.model import HadrModel as HadrModel
from jointex.rehearse.vignettes.hadr.plan import DayPlan as DayPlan
from jointex.rehearse.vignettes.hadr.scene import HadrScene as HadrScene
