"""The humanitarian assistance and disaster relief (HADR) vignette: multinational relief distribution,
planned each day with PyVRP and lived through with aftershocks, weather and breakdowns."""

from jointex.rehearse.vignettes.hadr.compile import HadrVignette as HadrVignette
from jointex.rehearse.vignettes.hadr.compile import compile_hadr as compile_hadr
from jointex.rehearse.vignettes.hadr.plan import DayPlan as DayPlan
from jointex.rehearse.vignettes.hadr.scene import HadrScene as HadrScene
