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


def test_the_cli_reference_is_up_to_date() -> None:
    from jointex.cli.reference import render_cli_reference

    written = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == render_cli_reference(), (
        "docs/cli.md is stale: run `python -m jointex.cli.reference > docs/cli.md`"
    )


def test_the_readme_quick_start_has_exactly_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert [c.split()[0] for c in commands] == ["./scripts/demo", "./scripts/test"]
    assert "./scripts/test" in (REPO / ".ci" / "run").read_text()


def test_the_metric_reference_is_up_to_date_and_lists_every_metric() -> None:
    from jointex.formats.metric_reference import render_metric_reference
    from jointex.model.metrics import METRICS

    written = (REPO / "docs" / "metrics.md").read_text(encoding="utf-8")
    assert written == render_metric_reference(), (
        "docs/metrics.md is stale: run `python -m jointex.formats.metric_reference > docs/metrics.md`"
    )
    for spec in METRICS:
        assert f"`{spec.name}`" in written
