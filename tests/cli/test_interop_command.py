"""`jointex interop`: tables for people, JSON for programs, a self-contained HTML report."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jointex.cli.main import app
from tests.conftest import EXAMPLES, MINIMAL, WriteFolder

runner = CliRunner()


class _References(HTMLParser):
    """Collects every URL a page would load, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value or "" for name, value in attrs if name in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_interop_json_has_matrices_pairs_gaps_and_spofs(path: Path) -> None:
    result = runner.invoke(app, ["interop", "--json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    nations = data["nations"]
    assert set(data["domains"]) == {
        "aar",
        "fuel",
        "ammunition",
        "data-link",
        "voice",
        "c2",
        "geospatial",
        "procedural",
        "human",
    }
    for domain in data["domains"].values():
        assert len(domain["state"]) == len(nations) and all(
            len(row) == len(nations) for row in domain["state"]
        )
    assert len(data["pairs"]) == len(nations) * (len(nations) - 1) // 2
    assert all(0 <= p["nato_degree"] <= 4 and p["lisi_level"] == p["nato_degree"] for p in data["pairs"])
    for gap in data["gaps"]:
        assert gap["problem"] and gap["remedy"]
    assert [g["critical_pairs"] for g in data["gaps"]] == sorted(
        (g["critical_pairs"] for g in data["gaps"]), reverse=True
    )


def test_interop_prints_tables(tmp_path: Path) -> None:
    result = runner.invoke(app, ["interop", str(EXAMPLES[0])], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for heading in (
        "Air-to-air refuelling (row refuels column)",
        "Voice",
        "Measures for objectives",
        "Nation pairs",
        "Gaps and remedies",
        "Single points",
    ):
        assert heading in result.stdout
    assert "AAR sortie conflict in V-AAR-TRAIL: KC-135R (USA-TANKER)" in result.stdout


def test_the_html_report_is_self_contained_and_labelled(tmp_path: Path) -> None:
    out = tmp_path / "report" / "interop.html"
    result = runner.invoke(app, ["interop", str(EXAMPLES[2]), "--html", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["html"] == str(out)
    page = _References()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.urls, "the report has images"
    assert all(url.startswith("data:image/png;base64,") for url in page.urls), (
        "nothing is loaded from outside"
    )
    text = " ".join(page.text)
    assert text.count("PS27 UNCLASSIFIED // REL TO AUS, FRA, IDN, JPN, KOR, NZL, PHL, USA") == 2
    for heading in (
        "Nation pairs",
        "Gaps and remedies",
        "Single points of failure",
        "Bridges in use",
        "Domains",
    ):
        assert heading in text


def test_interop_on_bad_input_exits_2(write_folder: WriteFolder) -> None:
    path = write_folder({"exercise.yaml": MINIMAL.replace("type: ftx", "type: wargame")})
    result = runner.invoke(app, ["interop", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_the_interop_report_carries_the_label_of_what_it_was_built_from(tmp_path: Path) -> None:
    full = tmp_path / "full.html"
    result = runner.invoke(app, ["interop", str(EXAMPLES[0]), "--html", str(full), "--json"])
    data = json.loads(result.stdout)
    # The coalition version: the GBR battle group (REL TO GBR, EST, USA) is withheld, so every nation may
    # read it, and the label says so; the DEU inject is withheld too and is not in an analysis of forces.
    assert not any("GBR-BATTLEGROUP" in component for component in data["components"])
    everyone = "NATO UNCLASSIFIED // REL TO DEU, EST, GBR, LTU, NLD, POL, USA"
    assert data["label"] == everyone
    assert data["release"] == {"reader": "ALL", "withheld": {"injects": 1, "units": 1}}
    page = _References()
    page.feed(full.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert text.count(everyone) == 2
    assert "Coalition version" in text and "Withheld from this version: 1 unit, 1 inject." in text
    usa = runner.invoke(app, ["interop", str(EXAMPLES[0]), "--for", "USA", "--json"])
    data = json.loads(usa.stdout)
    assert any("GBR-BATTLEGROUP" in component for component in data["components"])
    assert data["label"] == "NATO RESTRICTED // REL TO EST, GBR, USA"  # the battle group's, not the inject's


def test_interop_for_a_nation_leaves_out_what_it_may_not_see(tmp_path: Path) -> None:
    out = tmp_path / "pol.html"
    result = runner.invoke(app, ["interop", str(EXAMPLES[0]), "--for", "POL", "--html", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["label"] == "NATO UNCLASSIFIED // REL TO DEU, EST, GBR, LTU, NLD, POL, USA"
    assert not any("GBR-BATTLEGROUP" in component for component in data["components"])
    html = out.read_text(encoding="utf-8")
    assert "GBR-BATTLEGROUP" not in html
    page = _References()
    page.feed(html)
    assert "Prepared for release to POL" in " ".join(" ".join(page.text).split())
