"""The integrated air and missile defence / counter-drone vignette: a raid against a multinational
defence, with and without a shared air picture.

``VIGNETTE`` is the kind's plug-in (`jointex.rehearse.vignettes.plugin.VignetteModel`): everything jointex
knows of IAMD runs, their costs, charts and map is reached through it."""

from jointex.rehearse.vignettes.iamd.compile import IamdVignette as IamdVignette
from jointex.rehearse.vignettes.iamd.compile import Mode as Mode
from jointex.rehearse.vignettes.iamd.compile import compile_iamd as compile_iamd
from jointex.rehearse.vignettes.iamd.detail import CostDetail as CostDetail
from jointex.rehearse.vignettes.iamd.links import link_latency as link_latency
from jointex.rehearse.vignettes.iamd.model import VIGNETTE as VIGNETTE
from jointex.rehearse.vignettes.iamd.model import IamdModel as IamdModel
