"""Positions from PyYAML's event stream agree with the careful reader's, and a search stops early."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jointex.formats.yaml_positions import stream_positions
from jointex.formats.yaml_source import read_positions
from tests.conftest import REPO

EXAMPLE_FILES = sorted((REPO / "examples").rglob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(REPO / "examples")))
def test_every_position_agrees_with_the_careful_reader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    careful = read_positions(text, path)
    assert stream_positions(text, path) == careful
    wanted = [("units", 0, "name"), ("units", 0, "no such field"), ("no such section", 2)]
    found = stream_positions(text, path, wanted)
    assert found == {p: careful[p] for p in careful if any(w[: len(p)] == p for w in wanted)}


def test_a_search_reads_no_further_than_it_needs() -> None:
    text = "".join(f"k{i}: {{a: 1}}\n" for i in range(1_000_000))
    started = time.monotonic()
    found = stream_positions(text, Path("big.yaml"), [("k1", "a"), ("k2", "missing")])
    assert time.monotonic() - started < 0.5  # the whole stream takes seconds
    assert [(path, p.line, p.column) for path, p in found.items()] == [
        ((), 1, 1),
        (("k1",), 2, 5),
        (("k1", "a"), 2, 9),
        (("k2",), 3, 5),
    ]


def test_complex_keys_are_skipped() -> None:
    text = "? [a, b]\n: {c: 1}\nd: 2\n"
    assert {path: p.line for path, p in stream_positions(text, Path("x.yaml")).items()} == {(): 1, ("d",): 3}
