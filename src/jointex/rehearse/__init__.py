"""Rehearsal: reproducible Monte Carlo simulation of an exercise's vignettes.

`rehearse.engine` holds the random streams per replication, the batched runner and the result tables
with confidence intervals; `rehearse.vignettes` one plug-in package per simulated kind
(`plugin.VignetteModel`, found by `registry`); `rehearse.simulate` asks the kind's model to compile a
vignette for each mode asked for and runs it.
"""
