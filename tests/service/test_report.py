"""The after-action report: releasability checked by parsing the HTML, and the PDF's sections."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from jointex import load_exercise
from jointex.errors import InputError
from jointex.formats.observations import find_observations, read_observations
from jointex.model import Exercise, Label
from jointex.security.readers import reader_for
from jointex.service.files import Written, write_documents
from jointex.service.report import ReportDocuments, observations_for, report_documents
from tests.conftest import EXAMPLES

SECTIONS = [  # crisis response has no objective in the flagship: one line of the summary, no section
    "Executive summary",
    "Ratings by aspect",
    "Interoperability",
    "Technology",
    "Diplomacy and trust",
    "Deterrence",
    "Interoperability gaps",
    "Improvement plan",
    "Simulation runs used",
]


def _report(
    path: Path, out: Path, nation: str | None = None, pdf: bool = False
) -> tuple[ReportDocuments, tuple[Written, ...]]:
    """``jointex report PATH --out OUT [--for NATION] [--pdf]``: the report's documents, and the files
    they were written to."""
    loaded = load_exercise(path)
    reader = reader_for(loaded.exercise, nation)
    made = report_documents(loaded, reader, observations=observations_for(loaded), pdf=pdf)
    return made, write_documents(made.documents, out)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []
        self.text: list[str] = []
        self.banners: list[str] = []
        self._in_banner = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("data-label"):
            self.labels.append(str(found["data-label"]))
        self._in_banner = found.get("class") == "banner"

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_banner and data.strip():
            self.banners.append(data.strip())
            self._in_banner = False


def _withheld(exercise: Exercise, path: Path, nation: str) -> list[str]:
    """Strings that identify elements whose label does not release them to ``nation``."""
    top = exercise.label
    nation_label = {p.nation: p.label or top for p in exercise.participants}
    found = [u.id for u in exercise.units if not (u.label or nation_label[u.nation]).releases_to(nation)]
    found += [o.id for o in exercise.objectives if not (o.label or top).releases_to(nation)]
    observations = find_observations(path)
    if observations:
        found += [
            o.text
            for o in read_observations(observations).observations
            if o.label and not o.label.releases_to(nation)
        ]
    return found


CASES = [(path, nation) for path in EXAMPLES for nation in load_exercise(path).exercise.nations]


@pytest.mark.parametrize(("path", "nation"), CASES, ids=[f"{p.parent.name}-{n}" for p, n in CASES])
def test_a_report_for_a_nation_holds_only_what_is_releasable_to_it(
    path: Path, nation: str, tmp_path: Path
) -> None:
    exercise = load_exercise(path).exercise
    _, written = _report(path, tmp_path, nation)
    page = _Page()
    page.feed(written[0].path.read_text(encoding="utf-8"))
    assert page.labels, "every objective, gap and action carries its label"
    for marking in page.labels:
        assert Label.model_validate(marking).releases_to(nation), marking
    assert page.banners and all(Label.model_validate(b).releases_to(nation) for b in page.banners)
    text = " ".join(page.text)
    for withheld in _withheld(exercise, path, nation):
        assert withheld not in text, f"{withheld!r} is not releasable to {nation}"


def test_withheld_elements_exist_in_the_examples() -> None:
    """The test above would prove little if nothing were withheld: check that something is."""
    withheld = {(p.parent.name, n): _withheld(load_exercise(p).exercise, p, n) for p, n in CASES}
    assert withheld[("baltic-shield", "POL")] == [
        "GBR-BATTLEGROUP",
        "After the terminal failure the German fire unit kept the picture over JREAP-C within four minutes.",
    ]
    assert "OBJ-DET-1" in withheld[("coalition-cyber", "FRA")]


def test_the_pdf_has_every_section_and_the_label_on_every_page(tmp_path: Path) -> None:
    run, written = _report(EXAMPLES[0], tmp_path, "USA", pdf=True)
    pdf = PdfReader(written[1].path)
    (title, chapters) = pdf.outline[0], pdf.outline[1]
    assert title.title == "After-action report and improvement plan"
    assert [entry.title for entry in chapters if not isinstance(entry, list)] == SECTIONS
    marking = run.report.label.marking
    assert marking == "NATO RESTRICTED // REL TO USA"
    pages = [page.extract_text() for page in pdf.pages]
    assert len(pages) > 1
    assert all(marking in text for text in pages)
    assert all(f"page {i} of {len(pages)}" in text for i, text in enumerate(pages, start=1))


def test_each_objective_says_how_much_of_its_evidence_was_withheld(tmp_path: Path) -> None:
    """The German fire unit's observation (about inject 3003, REL TO DEU, LTU, USA) is evidence for
    OBJ-IAMD-1: the coalition version and POL's say one piece was withheld; LTU's and the USA's hold it."""
    coalition, written = _report(EXAMPLES[0], tmp_path / "all")
    assert coalition.report.withheld_by_objective == {"OBJ-IAMD-1": 1}
    page = _Page()
    page.feed(written[0].path.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert "1 piece of evidence about this objective is not releasable" in text
    assert "Coalition version" in text
    assert "Withheld from this version: 1 unit, 1 inject, 1 observation." in text
    assert _report(EXAMPLES[0], tmp_path / "pol", "POL")[0].report.withheld_by_objective == {"OBJ-IAMD-1": 1}
    for nation in ("LTU", "USA"):
        assert _report(EXAMPLES[0], tmp_path / nation, nation)[0].report.withheld_by_objective == {}


def test_the_host_nation_can_read_the_default_report(tmp_path: Path) -> None:
    exercise = load_exercise(EXAMPLES[0]).exercise
    run, _ = _report(EXAMPLES[0], tmp_path)
    assert run.report.label.releases_to(exercise.host_nation)
    assert all(run.report.label.releases_to(nation) for nation in exercise.nations)


def test_an_observations_file_linking_out_of_the_exercise_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("observations: []\n", encoding="utf-8")
    folder = tmp_path / "exercise"
    folder.mkdir()
    (folder / "exercise.yaml").write_text("x: 1\n", encoding="utf-8")
    (folder / "observations.yaml").symlink_to(outside)
    with pytest.raises(InputError, match="leads out of the exercise folder") as refused:
        find_observations(folder / "exercise.yaml")
    assert "elsewhere" not in str(refused.value)


def test_measures_of_unequal_weight_show_their_weights(tmp_path: Path) -> None:
    """OBJ-CUAS-1 weighs detect-to-engage time half: its table says so (the rule then reads "met by
    weight", tests/assess/test_ratings.py)."""
    html = _report(EXAMPLES[0], tmp_path)[1][0].path.read_text(encoding="utf-8")
    cuas = html[html.index('id="OBJ-CUAS-1"') :]
    cuas = cuas[: cuas.index("</table>")]
    assert "<th>Weight</th>" in cuas and '<td class="weight">0.5</td>' in cuas


def test_the_report_is_made_as_documents_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server asks for the documents and stores them itself: making them writes no file."""
    loaded = load_exercise(EXAMPLES[0])
    monkeypatch.chdir(tmp_path)
    before = sorted(EXAMPLES[0].parent.rglob("*"))
    made = report_documents(loaded, reader_for(loaded.exercise, "USA"), pdf=True)
    assert [(d.name, d.media_type) for d in made.documents] == [
        ("BS27-after-action-report-for-USA.html", "text/html"),
        ("BS27-after-action-report-for-USA.pdf", "application/pdf"),
    ]
    assert made.documents[1].content.startswith(b"%PDF")
    assert f'<div class="banner">{made.report.label.marking}</div>'.encode() in made.documents[0].content
    assert list(tmp_path.iterdir()) == [] and sorted(EXAMPLES[0].parent.rglob("*")) == before


def test_the_observations_are_those_the_caller_passes() -> None:
    """The file beside the exercise is read only when the shell asks for it (`observations_for`): a
    caller with its own observations (none here) gets a report from those."""
    loaded = load_exercise(EXAMPLES[0])
    beside = report_documents(loaded, observations=observations_for(loaded))
    none = report_documents(loaded)
    assert beside.report.withheld_by_objective == {"OBJ-IAMD-1": 1}
    assert none.report.withheld_by_objective == {}
    assert beside.assessment.observations.observations and not none.assessment.observations.observations


def test_an_interoperability_analysis_of_another_version_is_refused() -> None:
    from jointex.service.interop import interop_for_exercise

    loaded = load_exercise(EXAMPLES[0])
    for_poland = interop_for_exercise(loaded, reader_for(loaded.exercise, "POL"))
    with pytest.raises(ValueError, match="POL's version, not USA's"):
        report_documents(loaded, reader_for(loaded.exercise, "USA"), interop=for_poland)
    made = report_documents(loaded, for_poland.reader, interop=for_poland)
    assert made.assessment.interop is for_poland.result
