"""Vignette models, one package per kind: each compiles an exercise's vignette for the engine."""
