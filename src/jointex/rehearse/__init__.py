"""Rehearsal: reproducible Monte Carlo simulation of an exercise's vignettes.

The engine (`rehearse.engine`) is built: random streams per replication, the batched runner, result
tables with confidence intervals. The vignette models themselves (IAMD first) are not built yet.
"""
