"""Confidentiality labels and the release policy: what may leave jointex, and to whom."""
