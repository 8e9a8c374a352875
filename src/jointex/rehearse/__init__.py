"""Rehearsal: reproducible Monte Carlo simulation of an exercise's vignettes.

`rehearse.engine` holds the random streams per replication, the batched runner and the result tables
with confidence intervals; `rehearse.vignettes` one package per simulated kind (IAMD today);
`rehearse.simulate` compiles a vignette for each C2 mode and runs it.
"""
