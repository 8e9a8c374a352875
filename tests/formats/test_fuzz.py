"""Fuzzing the loader: whatever the bytes, it returns an exercise or raises InputError, nothing else."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jointex.errors import InputError
from jointex.service.exercises import load_exercise
from tests.conftest import MINIMAL

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load(folder: Path, content: bytes) -> None:
    main = folder / "exercise.yaml"
    main.write_bytes(content)
    try:
        load_exercise(main)
    except InputError as error:
        assert error.problems, "an InputError must name at least one problem"
        for problem in error.problems:
            assert problem.message


@FUZZ
@given(content=st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path: Path, content: bytes) -> None:
    _load(tmp_path, content)


@FUZZ
@given(position=st.integers(0, len(MINIMAL)), cut=st.integers(0, 40), insert=st.text(max_size=20))
def test_mutated_valid_exercise(tmp_path: Path, position: int, cut: int, insert: str) -> None:
    mutated = MINIMAL[:position] + insert + MINIMAL[position + cut :]
    _load(tmp_path, mutated.encode("utf-8", errors="surrogatepass"))


SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=15)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=25,
)
KEYS = st.sampled_from(
    [
        "id",
        "name",
        "units",
        "participants",
        "area",
        "scenario",
        "include",
        "label",
        "objectives",
        "vignettes",
        "start_date",
        "catalogue",
        "type",
        "x",
    ]
)


@FUZZ
@given(document=st.dictionaries(KEYS, DOCUMENTS, max_size=8))
def test_structured_documents(tmp_path: Path, document: dict[str, object]) -> None:
    _load(tmp_path, yaml.safe_dump(document).encode())
