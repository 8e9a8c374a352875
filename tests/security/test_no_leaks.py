"""Nothing withheld from a reader reaches any document built for that reader.

Property tests: random exercises (tests/security/labelled_exercises.py) with a label on every kind of
element, for every participating nation and for the coalition (ALL), through every command's output:
``show`` (the summary), ``interop`` (JSON and HTML), ``simulate`` of an IAMD and of a relief vignette
(JSON, HTML, run file, plan CSV and GeoJSON) and ``report`` (HTML and JSON) with observations, corrective
actions and run files. What is withheld is decided by the oracle in labelled_exercises.py from the labels
alone; each output is searched for the ids, names and texts of withheld elements and for the codes of
withheld nations outside label markings, and its banner must release to its reader and be at least as
restrictive as every element it names.

Each command's output is read three ways where it has them: the service's result (``to_dict``), the
files it writes, and what the CLI prints (text and ``--json``). A version the oracle refuses (the exercise
label or the host's participation not releasable to the reader) must raise a clear `InputError` (exit 2,
no traceback, nothing withheld named).

The property tests draw charts as text (`text_charts`): each chart returns a data URI holding every text
it was given (titles, axis labels, node names), so what a chart would print is searched too, and the
examples stay fast. The fixed cases on the bundled examples draw the real charts.

Failing examples are not shrunk by default (up to 5 minutes per test here); set ``JOINTEX_SHRINK=1`` to
shrink them. ``pytest --hypothesis-show-statistics`` shows what the examples exercised (readers, refused
versions, kinds of element withheld, run files cited).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import networkx as nx
import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jointex.cli.main import app
from jointex.errors import InputError
from jointex.model import Label
from jointex.security.readers import reader_for
from jointex.service.exercises import LoadedExercise, load_exercise
from jointex.service.files import write_document, write_documents
from jointex.service.interop import interop_for_exercise, interop_report
from jointex.service.report import ReportDocuments, observations_for, report_documents
from jointex.service.runs import read_run_files
from jointex.service.simulate import simulate, write_exports, write_run_file, write_simulation_html
from tests.conftest import REPO
from tests.security.labelled_exercises import (
    CLASSIFICATIONS,
    HADR_VIGNETTE,
    IAMD_VIGNETTE,
    Element,
    Lab,
    Spec,
    Withheld,
    child_labels,
    labelled_exercises,
    leaks,
    oracle,
    strip_markings,
)

try:  # `jointex show --for` (another engineer's work): summarise what the reader may see
    from jointex.service.summary import summary_for_exercise
except ImportError:  # pragma: no cover - until show --for lands: the summary of the released exercise
    summary_for_exercise = None

PROPERTY = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
    # shrinking a failing example takes up to 5 minutes per test here: on request only
    phases=tuple(Phase)
    if os.environ.get("JOINTEX_SHRINK")
    else tuple(p for p in Phase if p is not Phase.shrink),
)
BAD_TEXT = ("Traceback", "pydantic", "validation error", "ValidationError", "errors.pydantic.dev")
runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # Rich tables at full width: no id cut short


def cli(args: list[str]) -> str:
    """What ``jointex ARGS`` prints (stdout and stderr); it must succeed."""
    result = runner.invoke(app, args, env=WIDE)
    output = result.stdout + result.stderr
    assert result.exit_code == 0, f"jointex {' '.join(args)}: exit {result.exit_code}\n{output}"
    return output


# ---------------------------------------------------------------------------------------------- helpers


def _chart_texts(value: Any, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _chart_texts(key, found)
            _chart_texts(item, found)
    elif isinstance(value, nx.Graph):
        found.extend(str(node) for node in value.nodes)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _chart_texts(item, found)
    elif isinstance(value, np.ndarray):
        return


def _text_chart(*args: Any, **kwargs: Any) -> str:
    found: list[str] = []
    _chart_texts([args, kwargs], found)
    return "data:text/plain;charset=utf-8," + " | ".join(found)


@contextmanager
def text_charts() -> Iterator[None]:
    """Every chart of the HTML renderers as the texts it was given, not a PNG (fast, and searchable)."""
    import jointex.render.charts as charts
    import jointex.render.interop_html
    import jointex.render.report_html
    import jointex.render.simulation_html

    with ExitStack() as stack:
        for module in (
            jointex.render.interop_html,
            jointex.render.report_html,
            jointex.render.simulation_html,
        ):
            for name, value in vars(module).items():
                if callable(value) and getattr(value, "__module__", "") == charts.__name__ and name[0] != "_":
                    stack.enter_context(mock.patch.object(module, name, _text_chart))
        yield


def write_spec(spec: Spec, folder: Path) -> Path:
    (folder / "exercise.yaml").write_text(yaml.safe_dump(spec.data, sort_keys=False), encoding="utf-8")
    (folder / "observations.yaml").write_text(
        yaml.safe_dump(spec.observations, sort_keys=False), encoding="utf-8"
    )
    return folder / "exercise.yaml"


def load_spec(spec: Spec, folder: Path) -> LoadedExercise:
    return load_exercise(write_spec(spec, folder))


def assert_no_leaks(outputs: dict[str, str], withheld: Withheld, allowed: tuple[str, ...] = ()) -> None:
    found = {name: leaks(text, withheld, allowed) for name, text in outputs.items()}
    found = {name: what for name, what in found.items() if what}
    where = [
        f"  {name}: ...{context}..."
        for name, what in found.items()
        for word in what[:3]
        for context in contexts(strip_markings(outputs[name]), word)
    ]
    assert not found, f"withheld from {sorted(withheld.reader)} but shown: {found}\n" + "\n".join(where)


def contexts(text: str, word: str, width: int = 70, most: int = 2) -> list[str]:
    """Where ``word`` appears in ``text``, with ``width`` characters either side, on one line."""
    pattern = rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])" if len(word) == 3 else re.escape(word)
    return [
        " ".join(text[max(0, m.start() - width) : m.end() + width].split())
        for m in list(re.finditer(pattern, text))[:most]
    ]


def assert_clear_refusal(error: InputError, withheld: Withheld, allowed: tuple[str, ...] = ()) -> None:
    text = str(error)
    assert text.strip(), "an InputError without a message"
    assert not [bad for bad in BAD_TEXT if bad in text], f"refusal is not clear: {text}"
    assert_no_leaks({"error message": text}, withheld, allowed)


def assert_cli_refuses(args: list[str], withheld: Withheld, allowed: tuple[str, ...] = ()) -> None:
    result = runner.invoke(app, args, env=WIDE)
    output = result.stdout + result.stderr
    assert result.exit_code == 2, f"jointex {' '.join(args)}: exit {result.exit_code}\n{output}"
    assert not [bad for bad in BAD_TEXT if bad in output], f"jointex {' '.join(args)}: not clear: {output}"
    assert_no_leaks({f"jointex {args[0]} output": output}, withheld, allowed)


def lab_of(label: Label) -> Lab:
    return Lab(
        label.classification.rank,
        None if label.releasable_to is None else frozenset(label.releasable_to),
        frozenset(label.caveats),
    )


def assert_banner(label: Label, withheld: Withheld, what: str) -> None:
    """The banner releases to every nation the document is for."""
    assert lab_of(label).releases_to(withheld.reader), (
        f"{what}: banner {label.marking!r} does not release to {sorted(withheld.reader)} "
        f"(participants withheld from this version: {sorted(withheld.nations)})"
    )


def shown_elements(text: str, spec: Spec, withheld: Withheld) -> list[Element]:
    """The released elements a document names (by id, serial or text; participants by nation code)."""
    plain = strip_markings(text)
    # whom the document is for is not what it contains: the reader's code, the coalition's list
    addressees = plain.replace(", ".join(sorted(spec.nations)), "")
    if len(withheld.reader) == 1:
        addressees = re.sub(rf"(?<![A-Za-z0-9]){next(iter(withheld.reader))}(?![A-Za-z0-9])", "", addressees)
    gone = {id(e) for e in withheld.elements}
    shown = []
    for element in spec.elements:
        if id(element) in gone or element.kind in ("controller", "asset", "waiver", "clearance"):
            continue
        if element.kind == "participant":
            if re.search(rf"(?<![A-Za-z0-9]){element.key}(?![A-Za-z0-9])", addressees):
                shown.append(element)
        elif element.key in plain:
            shown.append(element)
    return shown


def assert_aggregate(
    label: Label, outputs: dict[str, str], spec: Spec, withheld: Withheld, what: str
) -> None:
    """The banner is at least as restrictive as every element the document names: classification,
    caveats and REL TO (an element without a list counts as releasable to the version's nations)."""
    banner = lab_of(label)
    # an element without a list: releasable to the version's nations, and to its readers (the coalition
    # version is for every participant, even one whose participation it withholds)
    version = (frozenset(spec.nations) - withheld.nations) | withheld.reader
    under = []
    for element in {
        id(e): e for text in outputs.values() for e in shown_elements(text, spec, withheld)
    }.values():
        lab = element.effective
        rel = lab.rel if lab.rel is not None else version
        wider = (banner.rel if banner.rel is not None else version) - rel
        if banner.rank < lab.rank or not lab.caveats <= banner.caveats or wider:
            where = [
                f"{name}: ...{c}..."
                for name, text in outputs.items()
                for c in contexts(strip_markings(text), element.key, most=1)
            ]
            under.append(f"{element.kind} {element.key} ({lab.marking}) in {where[:2]}")
    assert not under, f"{what}: banner {label.marking!r} is less restrictive than what it shows: {under}"


def version_texts(data: Any) -> str:
    return json.dumps(data, default=str, ensure_ascii=False)


readers = st.data()


def note(withheld: Withheld, reader: str) -> None:
    """Hypothesis statistics (pytest --hypothesis-show-statistics): what the examples exercised."""
    event("reader", "ALL" if reader == "ALL" else "a nation")
    if withheld.refused:
        event("version", "refused")
        return
    kinds = sorted({e.kind for e in withheld.elements})
    event("version", "nothing withheld" if not kinds else "withheld: some " + ", ".join(kinds))
    for kind in ("participant", "unit", "objective", "vignette", "inject", "observation", "action"):
        event(f"{kind}s withheld", "some" if kind in kinds else "none")


def draw_reader(data: st.DataObject, spec: Spec) -> str:
    return data.draw(st.sampled_from((*spec.nations, "ALL", "ALL")), label="reader")


# ------------------------------------------------------------------------------- property: show, interop


@settings(PROPERTY, max_examples=250)
@given(spec=labelled_exercises(), data=readers)
def test_show_and_interop_show_nothing_withheld(spec: Spec, data: st.DataObject) -> None:
    reader = draw_reader(data, spec)
    withheld = oracle(spec, reader)
    note(withheld, reader)
    with tempfile.TemporaryDirectory() as tmp, text_charts():
        folder = Path(tmp)
        loaded = load_spec(spec, folder)
        if withheld.refused:
            with pytest.raises(InputError) as refused:
                interop_for_exercise(loaded, reader_for(loaded.exercise, reader))
            assert_clear_refusal(refused.value, withheld)
            assert_cli_refuses(["interop", str(folder), "--for", reader, "--json"], withheld)
            assert_cli_refuses(["show", str(folder), "--for", reader], withheld)
            return
        run = interop_for_exercise(loaded, reader_for(loaded.exercise, reader))
        write_document(interop_report(run), folder / "interop.html")
        outputs = {
            "interop JSON": version_texts(run.result.to_dict()),
            "interop HTML": (folder / "interop.html").read_text(encoding="utf-8"),
            "interop": cli(["interop", str(folder), "--for", reader, "--top", "50"]),
        }
        assert_no_leaks(outputs, withheld)
        assert_banner(run.label, withheld, "interop")
        assert run.label.marking in outputs["interop HTML"]
        assert_aggregate(run.label, outputs, spec, withheld, "interop")

        if summary_for_exercise is not None:
            shown = summary_for_exercise(loaded, reader_for(loaded.exercise, reader))
            summary, label = shown.to_dict(), shown.label
        else:  # pragma: no cover
            from jointex.analyse.summary import summarise

            summary = summarise(run.exercise, loaded.catalogue).to_dict()
            label = Label.model_validate(summary["label"])
        outputs = {
            "show JSON": version_texts(summary),
            "show --json": cli(["show", str(folder), "--for", reader, "--json"]),
            "show": cli(["show", str(folder), "--for", reader]),
        }
        assert_no_leaks(outputs, withheld)
        assert_banner(label, withheld, "show")
        assert_aggregate(label, outputs, spec, withheld, "show")


# ------------------------------------------------------------------------------ property: simulate


def simulate_outputs(run: Any, folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    html = write_simulation_html(run, folder / "simulation.html").path
    outputs = {
        "simulate JSON": version_texts({**run.simulation.to_dict(), "release": run.release.to_dict()}),
        "simulation HTML": html.read_text(encoding="utf-8"),
        "run file": write_run_file(run, folder).read_text(encoding="utf-8"),
    }
    if run.simulation.model.exports_files:
        for path in write_exports(run, folder):
            outputs[f"plan {path.suffix}"] = path.read_text(encoding="utf-8")
    return outputs


def check_simulation(spec: Spec, reader: str, vignette: str, folder: Path, **options: Any) -> None:
    withheld = oracle(spec, reader)
    note(withheld, reader)
    loaded = load_spec(spec, folder)
    kept = not withheld.refused and vignette not in withheld.keys("vignette")
    event(f"{vignette} for this reader", "refused" if withheld.refused else "kept" if kept else "withheld")
    try:
        run = simulate(loaded, vignette, replications=2, seed=1, reader=reader, **options)
    except InputError as error:
        assert not kept or vignette in withheld.optional, f"simulate {vignette} for {reader} refused: {error}"
        assert_clear_refusal(error, withheld, allowed=(vignette,))
        return
    assert kept, f"simulate {vignette} for {reader} ran though the oracle withholds it"
    outputs = simulate_outputs(run, folder / "out")
    args = [
        "simulate",
        str(folder),
        "--vignette",
        vignette,
        "--for",
        reader,
        "--replications",
        "2",
        "--seed",
        "1",
    ]
    outputs["simulate"] = cli(args + (["--mode", options["mode"]] if "mode" in options else []))
    assert_no_leaks(outputs, withheld)
    assert_banner(run.label, withheld, f"simulate {vignette}")
    for name in ("simulation HTML", "plan .csv", "plan .geojson"):
        if name in outputs:
            assert run.label.marking in outputs[name], f"{name} does not carry its banner"
    assert_aggregate(run.label, outputs, spec, withheld, f"simulate {vignette}")


@settings(PROPERTY, max_examples=200)
@given(spec=labelled_exercises(), data=readers)
def test_iamd_rehearsal_shows_nothing_withheld(spec: Spec, data: st.DataObject) -> None:
    reader = draw_reader(data, spec)
    with tempfile.TemporaryDirectory() as tmp, text_charts():
        check_simulation(spec, reader, IAMD_VIGNETTE, Path(tmp), mode="both")


@settings(PROPERTY, max_examples=150)
@given(spec=labelled_exercises(), data=readers)
def test_relief_rehearsal_shows_nothing_withheld(spec: Spec, data: st.DataObject) -> None:
    reader = draw_reader(data, spec)
    with tempfile.TemporaryDirectory() as tmp, text_charts():
        check_simulation(spec, reader, HADR_VIGNETTE, Path(tmp))


# -------------------------------------------------------------------------------- property: report


def add_run_files(
    data: st.DataObject,
    spec: Spec,
    loaded: LoadedExercise,
    reader: str | None,
    runs: Path,
    withheld: Withheld,
) -> None:
    """Rehearse both vignettes for ``reader`` (None: the coalition) and write their run files into
    ``runs``, some relabelled more restrictively or unlabelled; each run's file name and seed mark it."""
    oracle_reader = oracle(spec, reader or "ALL")
    if oracle_reader.refused:
        return
    for vignette, options in ((IAMD_VIGNETTE, {"mode": "both"}), (HADR_VIGNETTE, {})):
        if vignette in oracle_reader.keys("vignette"):
            continue
        k = len(list(runs.glob("*.json")))
        stem, seed = f"QZRF{k}X", 7001 + 13 * k
        try:
            run = simulate(loaded, vignette, replications=2, seed=seed, reader=reader, **options)
        except InputError:
            assert vignette in oracle_reader.optional
            continue
        with tempfile.TemporaryDirectory() as tmp:
            content = json.loads(write_run_file(run, Path(tmp)).read_text(encoding="utf-8"))
        relabel = data.draw(
            st.sampled_from(["keep", "stricter", "stricter", "none" if reader is None else "keep"])
        )
        own = lab_of(run.label)
        if relabel == "stricter":
            own = data.draw(child_labels(own, spec.nations, none_ok=False))
            content["label"] = own.marking
        elif relabel == "none":
            content["label"] = None
            own = spec.top
        (runs / f"{stem}.json").write_text(json.dumps(content), encoding="utf-8")
        if vignette in withheld.keys("vignette") or not own.releases_to(withheld.reader):
            withheld.elements.append(Element("run", stem, own, own, (stem,)))


@settings(PROPERTY, max_examples=200)
@given(spec=labelled_exercises(), data=readers)
def test_after_action_report_shows_nothing_withheld(spec: Spec, data: st.DataObject) -> None:
    reader = draw_reader(data, spec)
    withheld = oracle(spec, reader)
    note(withheld, reader)
    with tempfile.TemporaryDirectory() as tmp, text_charts():
        folder = Path(tmp)
        loaded = load_spec(spec, folder)
        runs, out = folder / "runs", folder / "out"
        runs.mkdir()
        out.mkdir()
        add_run_files(data, spec, loaded, None, runs, withheld)
        if reader != "ALL" and data.draw(st.booleans(), label="runs of the reader's version"):
            add_run_files(data, spec, loaded, reader, runs, withheld)
        observations = folder / "observations.yaml"
        if withheld.refused:
            with pytest.raises(InputError) as refused:
                write_report(loaded, out, runs, reader, observations)
            assert_clear_refusal(refused.value, withheld)
            assert_cli_refuses(
                ["report", str(folder), "--for", reader, "--out", str(out), "--json"], withheld
            )
            return
        result, written = write_report(loaded, out, runs, reader, observations)
        event("run files", len(list(runs.glob("*.json"))))
        event("run files withheld", len(withheld.keys("run")))
        event(
            "observations withheld", f"{len(withheld.keys('observation'))} of {len(spec.of('observation'))}"
        )
        event("actions withheld", f"{len(withheld.keys('action'))} of {len(spec.of('action'))}")
        outputs = {path.name: path.read_text(encoding="utf-8") for path in written}
        outputs["report JSON"] = version_texts(
            {
                **result.assessment.to_dict(),
                "release": result.report.release,
                "evidence_withheld_by_objective": result.report.withheld_by_objective,
            }
        )
        outputs["report"] = cli(
            ["report", str(folder), "--for", reader, "--runs", str(runs), "--out", str(folder / "cli")]
        )
        assert_no_leaks(outputs, withheld)
        assert_banner(result.report.label, withheld, "report")
        assert_aggregate(result.report.label, outputs, spec, withheld, "report")


# ------------------------------------------------------------------- fixed cases on the bundled examples
#
# The prober's findings (1-5) and the leaks the properties found (6-10), each on a copy of a bundled
# example with a label or two added. The charts here are the real ones.


def copy_example(name: str, tmp_path: Path, edits: dict[str, Any] | None = None) -> Path:
    """A copy of examples/NAME in tmp_path, with ``edits`` ({file: function changing its data}) made."""
    folder = tmp_path / name
    shutil.copytree(REPO / "examples" / name, folder)
    for file, edit in (edits or {}).items():
        path = folder / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def set_label(section: str, key: str, marking: str, field: str = "id") -> Any:
    """An edit giving the element of ``section`` whose ``field`` is ``key`` the label ``marking``."""

    def edit(data: dict[str, Any]) -> None:
        next(item for item in data[section] if item[field] == key)["label"] = marking

    return edit


def withheld_from(
    reader: str, texts: tuple[str, ...], nations: set[str] | frozenset[str] = frozenset()
) -> Withheld:
    """What the fixed cases check: ``texts`` and the codes of ``nations`` never shown to ``reader``."""
    readers = (
        frozenset({reader})
        if reader != "ALL"
        else frozenset({"DEU", "EST", "GBR", "LTU", "NLD", "POL", "USA"})
    )
    return Withheld(readers, False, [Element("fixed", texts[0], None, Lab(), texts)], set(nations), set())


NLD_ONLY_TO_USA = {
    "nations/nld.yaml": set_label("participants", "NLD", "NATO UNCLASSIFIED // REL TO NLD, USA", "nation")
}
"""Baltic Shield with the Netherlands' participation releasable to the Netherlands and the USA only."""
NLD_TEXTS = ("NLD-PATRIOT", "NLD-F35", "EVAL-LEAD", "Lead evaluator", "Netherlands")


def write_report(
    loaded: LoadedExercise, out: Path, runs: Path, reader: str, observations: Path
) -> tuple[ReportDocuments, list[Path]]:
    """What `jointex report --for READER --runs RUNS --observations OBSERVATIONS --out OUT` makes and
    writes."""
    made = report_documents(
        loaded,
        reader_for(loaded.exercise, reader),
        runs=read_run_files(runs),
        observations=observations_for(loaded, observations),
    )
    return made, [page.path for page in write_documents(made.documents, out)]


def report_for(folder: Path, out: Path, reader: str | None) -> dict[str, str]:
    """The report's HTML, its --json output and its text output, for ``reader`` (None: the coalition)."""
    args = ["report", str(folder), "--out", str(out)] + (["--for", reader] if reader else [])
    outputs = {"report --json": cli([*args, "--json"]), "report": cli(args)}
    for path in out.glob("*.html"):
        outputs[path.name] = path.read_text(encoding="utf-8")
    return outputs


def test_1_a_unit_withheld_from_poland_leaves_its_iamd_raid(tmp_path: Path) -> None:
    edits = {"nations/deu.yaml": set_label("units", "DEU-PATRIOT", "NATO RESTRICTED // REL TO DEU, USA")}
    folder = copy_example("baltic-shield", tmp_path, edits)
    args = ["simulate", str(folder), "--vignette", "V-IAMD-RAID", "--for", "POL", "--replications", "2"]
    args += ["--mode", "both", "--seed", "1", "--html", str(tmp_path / "raid.html")]
    outputs = {
        "simulate --json": cli([*args, "--json", "--runs", str(tmp_path / "runs")]),
        "simulate": cli(args),
        "HTML": (tmp_path / "raid.html").read_text(encoding="utf-8"),
        "run file": (tmp_path / "runs" / "V-IAMD-RAID.json").read_text(encoding="utf-8"),
    }
    assert_no_leaks(outputs, withheld_from("POL", ("DEU-PATRIOT",)))


def test_2_a_unit_withheld_from_australia_leaves_the_relief_plan(tmp_path: Path) -> None:
    edits = {"nations/kor.yaml": set_label("units", "KOR-ENG", "PS27 UNCLASSIFIED // REL TO KOR, PHL")}
    folder = copy_example("pacific-shelter", tmp_path, edits)
    run = simulate(
        load_exercise(folder / "exercise.yaml"), "V-HADR-RELIEF", replications=2, seed=1, reader="AUS"
    )
    outputs = simulate_outputs(run, tmp_path / "out")
    assert set(outputs) >= {"simulate JSON", "simulation HTML", "plan .csv", "plan .geojson"}
    assert_no_leaks(outputs, withheld_from("AUS", ("KOR-TRUCKS", "KOR-ENG")))
    unknown = {name for name, text in outputs.items() if re.search(r"\bUNK\b", strip_markings(text))}
    assert not unknown, f"a nation 'UNK' in {sorted(unknown)}"


def test_3_a_participant_withheld_from_poland_owns_nothing_in_its_report(tmp_path: Path) -> None:
    """Fails while an observation's observer (EVAL-LEAD, the Dutch lead evaluator) is shown."""
    folder = copy_example("baltic-shield", tmp_path, NLD_ONLY_TO_USA)
    assert_no_leaks(report_for(folder, tmp_path / "out", "POL"), withheld_from("POL", NLD_TEXTS, {"NLD"}))


def test_4_observations_about_an_inject_withheld_from_poland_stay_out_of_its_report(tmp_path: Path) -> None:
    folder = copy_example("baltic-shield", tmp_path)
    texts = ("3003", "After the terminal failure", "Link 16 terminal failure at the German Patriot unit")
    assert_no_leaks(report_for(folder, tmp_path / "out", "POL"), withheld_from("POL", texts))


def _only_to_usa(data: dict[str, Any]) -> None:
    """The exercise releasable to the USA only, its elements unlabelled (they would loosen it)."""

    def unlabel(value: Any) -> None:
        if isinstance(value, dict):
            value.pop("label", None)
            for item in value.values():
                unlabel(item)
        elif isinstance(value, list):
            for item in value:
                unlabel(item)

    unlabel(data)
    data["label"] = "NATO UNCLASSIFIED // REL TO USA"


def _strip_labels(data: dict[str, Any]) -> None:
    for unit in data.get("units", []):
        unit.pop("label", None)


@pytest.mark.parametrize(
    "command",
    [["show"], ["interop"], ["simulate", "--vignette", "V-IAMD-RAID", "--replications", "2"], ["report"]],
    ids=lambda c: c[0],
)
def test_5_nothing_releasable_is_refused_clearly(tmp_path: Path, command: list[str]) -> None:
    edits = {"exercise.yaml": _only_to_usa, "nations/gbr.yaml": _strip_labels}
    folder = copy_example("baltic-shield", tmp_path, edits)
    withheld = withheld_from("POL", ("V-IAMD-RAID", "DEU-PATRIOT", "BALTIC SHIELD", "Baltic IAMD"))
    loaded = load_exercise(folder / "exercise.yaml")
    with pytest.raises(InputError) as refused:
        interop_for_exercise(loaded, reader_for(loaded.exercise, "POL"))
    assert_clear_refusal(refused.value, withheld)
    extra = ["--out", str(tmp_path)] if command[0] == "report" else []
    for output in ([], ["--json"]):
        assert_cli_refuses([command[0], str(folder), *command[1:], "--for", "POL", *extra, *output], withheld)


@pytest.mark.parametrize("command", ["show", "interop", "report"])
def test_6_the_coalition_version_does_not_name_a_participant_withheld_from_it(
    tmp_path: Path, command: str
) -> None:
    """Fails while the coalition release statement lists every participating nation, the Netherlands
    too: 'Coalition version: built from only what every participating nation (DEU, ..., NLD, ...) may
    see. Withheld from this version: 1 participant, ...'."""
    folder = copy_example("baltic-shield", tmp_path, NLD_ONLY_TO_USA)
    if command == "report":
        outputs = report_for(folder, tmp_path / "out", None)
    else:
        outputs = {
            command: cli([command, str(folder)]),
            f"{command} --json": cli([command, str(folder), "--json"]),
        }
    assert_no_leaks(outputs, withheld_from("ALL", NLD_TEXTS, {"NLD"}))


def test_7_an_objective_measure_does_not_name_a_nation_withheld_from_the_reader(tmp_path: Path) -> None:
    """Fails while a released objective's measures are shown whole: OBJ-IAMD-1 measuring iamd.shots.NLD
    puts NLD in Poland's report."""

    def measure_dutch_shots(data: dict[str, Any]) -> None:
        objective = next(o for o in data["objectives"] if o["id"] == "OBJ-IAMD-1")
        objective["measures"].append({"metric": "iamd.shots.NLD", "comparator": ">=", "threshold": 1})

    folder = copy_example(
        "baltic-shield", tmp_path, {**NLD_ONLY_TO_USA, "exercise.yaml": measure_dutch_shots}
    )
    assert_no_leaks(
        report_for(folder, tmp_path / "out", "POL"), withheld_from("POL", ("iamd.shots.NLD",), {"NLD"})
    )


def test_8_an_objective_measure_does_not_name_an_asset_of_a_vignette_withheld_from_the_reader(
    tmp_path: Path,
) -> None:
    """Fails while OBJ-CUAS-1 (owned by POL and LTU) shows its measure iamd.leakers.ELEKTRENAI, a
    defended asset of the raid withheld from Poland."""
    raid = set_label("vignettes", "V-IAMD-RAID", "NATO RESTRICTED // REL TO DEU, LTU, USA")
    folder = copy_example("baltic-shield", tmp_path, {"exercise.yaml": raid})
    texts = ("V-IAMD-RAID", "ELEKTRENAI", "Elektrenai power plant", "R-DRONE-ELK")
    assert_no_leaks(report_for(folder, tmp_path / "out", "POL"), withheld_from("POL", texts))


@pytest.mark.parametrize("reader", ["ALL", "POL"])
def test_9_the_banner_releases_to_the_reader_whose_own_participation_is_withheld(
    tmp_path: Path, reader: str
) -> None:
    """Fails while unlabelled elements count as releasable to the version's nations only: the coalition
    version without the Netherlands is marked REL TO everyone but NLD though the Netherlands is one of its
    readers; Poland's version, when Poland's participation is not releasable to Poland, is marked REL TO
    everyone but POL."""
    if reader == "ALL":
        edits = NLD_ONLY_TO_USA
    else:
        edits = {
            "nations/pol.yaml": set_label(
                "participants", "POL", "NATO UNCLASSIFIED // REL TO LTU, USA", "nation"
            )
        }
    folder = copy_example("baltic-shield", tmp_path, edits)
    loaded = load_exercise(folder / "exercise.yaml")
    run = interop_for_exercise(loaded, reader_for(loaded.exercise, reader))
    readers = withheld_from(reader, ("unused-QZ",)).reader
    assert lab_of(run.label).releases_to(readers), f"interop for {reader}: banner {run.label.marking}"
    simulation = simulate(loaded, "V-IAMD-RAID", replications=2, seed=1, reader=reader)
    assert lab_of(simulation.label).releases_to(readers), (
        f"simulate for {reader}: banner {simulation.label.marking}"
    )


def test_10_the_interop_banner_covers_the_vignettes_its_gaps_name(tmp_path: Path) -> None:
    """Fails while the interoperability analysis is labelled from the forces alone: its gaps name the
    vignettes they block (V-IAMD-RAID, NATO SECRET here) under a NATO UNCLASSIFIED banner."""
    raid = set_label("vignettes", "V-IAMD-RAID", "NATO SECRET")
    folder = copy_example("baltic-shield", tmp_path, {"exercise.yaml": raid})
    loaded = load_exercise(folder / "exercise.yaml")
    run = interop_for_exercise(loaded, reader_for(loaded.exercise, "POL"))
    assert "V-IAMD-RAID" in json.dumps(run.result.to_dict())
    assert run.label.classification.value == "SECRET", f"interop banner {run.label.marking} names V-IAMD-RAID"


def test_11_a_run_file_labelled_away_from_the_reader_is_not_cited(tmp_path: Path) -> None:
    """Fails while the report recomputes a run's label from the exercise and ignores the label the run
    file carries: the coalition's rehearsal of the raid, relabelled REL TO DEU, LTU, USA, is cited (file,
    seed, metrics) in Poland's report."""
    folder = copy_example("baltic-shield", tmp_path)
    runs = tmp_path / "runs"
    args = ["simulate", str(folder), "--vignette", "V-IAMD-RAID", "--replications", "2", "--seed", "4243"]
    cli([*args, "--runs", str(runs)])
    path = runs / "V-IAMD-RAID.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    content["label"] = "NATO RESTRICTED // REL TO DEU, LTU, USA"
    path.write_text(json.dumps(content), encoding="utf-8")
    out = tmp_path / "out"
    outputs = {
        "report --json": cli(
            ["report", str(folder), "--for", "POL", "--runs", str(runs), "--out", str(out), "--json"]
        )
    }
    outputs.update({p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")})
    assert_no_leaks(outputs, withheld_from("POL", ("V-IAMD-RAID.json", "seed 4243", "4243")))


def test_the_classifications_the_oracle_draws_are_jointex_s() -> None:
    parsed = tuple(Label.model_validate(f"NATO {c}").classification.value for c in CLASSIFICATIONS)
    assert parsed == CLASSIFICATIONS
