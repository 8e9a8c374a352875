"""Renderers: results in, documents out (HTML, charts). They decide layout, never content or releasability."""
