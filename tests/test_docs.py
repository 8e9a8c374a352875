"""Docs that cannot drift: the file-format reference is generated from the schema."""

from __future__ import annotations

from jointex.formats.schema_reference import render_format_reference
from tests.conftest import REPO


def test_the_file_format_reference_is_up_to_date() -> None:
    written = (REPO / "docs" / "file-format.md").read_text(encoding="utf-8")
    assert written == render_format_reference(), (
        "docs/file-format.md is stale: run `jointex schema --markdown --out docs/file-format.md`"
    )


def test_the_reference_documents_every_model() -> None:
    text = render_format_reference()
    for section in (
        "## Exercise",
        "## Unit",
        "## Inject",
        "## Label",
        "## Vignette",
        "## Objective",
        "## Measure",
    ):
        assert section in text
