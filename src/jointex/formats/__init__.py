"""Every file format in and out, one module each. Parsing turns text into model objects and nothing more."""
