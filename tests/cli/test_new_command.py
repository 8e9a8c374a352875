"""`jointex new` writes files as a person writes them, like the bundled examples, and they validate."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from jointex.cli.main import app
from tests.conftest import REPO

runner = CliRunner()


def _new(tmp_path: Path) -> list[Path]:
    result = runner.invoke(
        app,
        ["new", "NORDIC BRIDGE 28", "--dir", str(tmp_path), "--start", "2028-03-01", "--nations", "USA,SWE"],
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "nordic-bridge-28"
    return [folder / "exercise.yaml", *sorted((folder / "nations").glob("*.yaml"))]


def test_the_files_have_no_anchors_or_aliases(tmp_path: Path) -> None:
    for file in _new(tmp_path):
        text = file.read_text(encoding="utf-8")
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
        assert not any(isinstance(event, yaml.AliasEvent) for event in events), file
        assert not any(getattr(event, "anchor", None) for event in events), file
        assert not re.search(r"[&*]id\d+", text), file


def test_the_files_validate_as_one_exercise(tmp_path: Path) -> None:
    main = _new(tmp_path)[0]
    result = runner.invoke(app, ["validate", str(main.parent)])
    assert result.exit_code == 0, result.output
    assert "NORDIC BRIDGE 28 is valid — 3 nations, 3 units" in result.stdout


def test_the_files_read_like_the_examples(tmp_path: Path) -> None:
    main, *nations = _new(tmp_path)
    text = main.read_text(encoding="utf-8")
    assert "- - " not in text, "no nested-list boundaries"
    assert "\n    - [60.0, 9.0]\n    - [62.0, 9.0]\n" in text, "corners one per line, as [lat, lon]"
    assert "\nphases:\n  - {id: DEPLOY, name: Deployment, start: 2028-03-01, end: 2028-03-02}\n" in text
    assert "\n    owners: [NOR, USA, SWE]\n" in text
    assert "\n            - serial: '0001'\n              time: D+2 08:00\n" in text
    nation = next(f for f in nations if f.name == "usa.yaml").read_text(encoding="utf-8")
    assert "\nunits:\n  - id: USA-HQ\n" in nation
    assert "\n    equipment:\n      - {platform: DCM-NODE, count: 1}\n" in nation
    # the examples' style: lists under their key are indented, records of plain values fit on one line
    flagship = (REPO / "examples" / "baltic-shield" / "exercise.yaml").read_text(encoding="utf-8")
    assert "\nphases:\n  - {id: RSOI," in flagship and "\n    - [53.90, 21.00]\n" in flagship
