"""Use cases that compose the layers for the shells: one function per user action."""
