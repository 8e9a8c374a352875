"""The integrated air and missile defence / counter-drone vignette: a raid against a multinational
defence, with and without a shared air picture."""

from jointex.rehearse.vignettes.iamd.compile import IamdVignette as IamdVignette
from jointex.rehearse.vignettes.iamd.compile import Mode as Mode
from jointex.rehearse.vignettes.iamd.compile import compile_iamd as compile_iamd
from jointex.rehearse.vignettes.iamd.links import link_latency as link_latency
