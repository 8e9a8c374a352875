"""Which texts the careful reader sees first: anything with tags, anchors, aliases, merge keys, document
markers or control characters; not the glob of an include or an ampersand inside a word."""

from __future__ import annotations

import pytest

from jointex.formats.yaml_source import needs_careful_reading


@pytest.mark.parametrize(
    ("text", "careful"),
    [
        ("id: X\ninclude: [nations/*.yaml]\n", False),
        ("name: R&D cell\n", False),
        ("synopsis: Go! Now.\n", False),
        ("a: &anchor [1]\nb: *anchor\n", True),
        ("b: [*anchor]\n", True),
        ("*alias: 1\n", True),
        ("x: !!python/object:os.system []\n", True),
        ("a: {<<: *b}\n", True),
        ("---\nid: X\n", True),
        ("id: X\n...\n", True),
        ("id: X\x00\n", True),
    ],
)
def test_what_needs_careful_reading(text: str, careful: bool) -> None:
    assert needs_careful_reading(text) is careful
