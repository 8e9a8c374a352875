"""The `jointex` command. Each command parses its arguments, calls one service function and prints.

Exit codes: 0 ok, 2 bad input (every problem printed, one per line, no traceback), 1 internal error.
Heavy libraries are imported inside the commands so that `jointex --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from jointex.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    console,
    errors,
    fail_with,
    print_json,
    print_problems,
)
from jointex.errors import InputError

if TYPE_CHECKING:
    from jointex.security.readers import Reader
    from jointex.service.exercises import LoadedExercise

app = typer.Typer(
    name="jointex",
    help="Plan, rehearse, run and assess multinational joint exercises.\n\n"
    "Exit codes: 0 ok, 2 bad input, 1 internal error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
catalogue_app = typer.Typer(
    help="Browse the reference catalogue of platforms, fuels, links and standards.", no_args_is_help=True
)
app.add_typer(catalogue_app, name="catalogue")


JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
FOR_HELP = (
    "Build from only what is releasable to this nation; by default, or with ALL, from only what every "
    "participating nation may see (the coalition version)."
)


def _check_outputs(
    as_json: bool,
    *,
    files: dict[str, Path | None] | None = None,
    folders: dict[str, Path | None] | None = None,
) -> None:
    """Leave with exit code 2, before any work starts, when an output option names a path that cannot be
    written (a folder for a file, a file for a folder...)."""
    from jointex.service.files import check_outputs

    try:
        check_outputs(files=files or {}, folders=folders or {})
    except InputError as error:
        fail_with(error, as_json)


def _load_for(file: Path, wanted: str | None, as_json: bool) -> tuple[LoadedExercise, Reader]:
    """The exercise file loaded, and the reader ``--for`` names (a participating nation; the coalition
    without one or with ALL), checked once here; leave with exit code 2 when either is bad input."""
    from jointex.security.readers import reader_for
    from jointex.service.exercises import load_exercise

    try:
        loaded = load_exercise(file)
        return loaded, reader_for(loaded.exercise, wanted)
    except InputError as error:
        fail_with(error, as_json)


def _exercise_path(path: Path) -> Path:
    """A folder stands for the ``exercise.yaml`` in it (``jointex simulate examples/pacific-shelter``)."""
    return path / "exercise.yaml" if path.is_dir() and (path / "exercise.yaml").is_file() else path


ExerciseFile = Annotated[
    Path,
    typer.Argument(
        help="The exercise YAML file (or its folder, for the exercise.yaml in it).",
        show_default=False,
        callback=_exercise_path,
    ),
]


@app.command()
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(help="Exercise files (or their folders) to validate.", show_default=False),
    ],
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Check exercise files: syntax, types, references, metric names, dates, places, labels and catalogue."""
    from jointex.cli.output import print_problems
    from jointex.cli.render import render_validation
    from jointex.service.exercises import validate_exercise

    reports = [validate_exercise(_exercise_path(path)) for path in files]
    failed = any(not r.ok or (strict and r.problems) for r in reports)
    if as_json:
        print_json({"ok": not failed, "files": [r.to_dict() for r in reports]})
    else:
        for report in reports:
            render_validation(report)
            print_problems(report.problems)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def show(
    file: ExerciseFile,
    reader: Annotated[str | None, typer.Option("--for", help=FOR_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """Summarise an exercise: participants, forces, equipment, objectives, vignettes and the MSEL."""
    from jointex.cli.render import render_summary
    from jointex.service.summary import summary_for_exercise

    loaded, chosen = _load_for(file, reader, as_json)
    try:
        shown = summary_for_exercise(loaded, chosen)
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json(shown.to_dict())
        return
    render_summary(shown.summary, shown.label.marking, shown.statement)


@app.command()
def interop(
    file: ExerciseFile,
    html: Annotated[Path | None, typer.Option(help="Also write a self-contained HTML report here.")] = None,
    top: Annotated[int, typer.Option(help="How many gaps and single points of failure to print.")] = 15,
    reader: Annotated[str | None, typer.Option("--for", help=FOR_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """Analyse interoperability: domain matrices, nation scores, gaps, remedies, single points of failure."""
    from jointex.cli.render_interop import render_interop
    from jointex.service.files import write_document
    from jointex.service.interop import interop_for_exercise, interop_report

    _check_outputs(as_json, files={"--html": html})
    loaded, chosen = _load_for(file, reader, as_json)
    try:
        run = interop_for_exercise(loaded, chosen)
        written = write_document(interop_report(run), html) if html else None
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json(
            {
                **run.to_dict(),
                "html": str(written.path) if written else None,
                "warnings": [w.to_dict() for w in written.warnings] if written else [],
            }
        )
        return
    console.print(f"Label: {run.label.marking}", style="bold", markup=False)
    console.print(run.statement, markup=False)
    render_interop(run.result, run.measures(), top)
    if written:
        console.print(f"HTML report: {written.path}", markup=False)
        print_problems(written.warnings)


@app.command()
def report(
    file: ExerciseFile,
    runs: Annotated[Path | None, typer.Option(help="Folder of simulation run results (*.json).")] = None,
    reader: Annotated[str | None, typer.Option("--for", help=FOR_HELP)] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write the PDF.")] = False,
    observations: Annotated[
        Path | None,
        typer.Option(help="Observations file (default: observations.yaml or .csv beside the exercise)."),
    ] = None,
    out: Annotated[Path, typer.Option(help="Folder to write the report into.")] = Path(),
    as_json: JsonOption = False,
) -> None:
    """Rate every objective from evidence and write the after-action report and improvement plan."""
    from jointex.cli.render_assessment import render_assessment
    from jointex.service.files import write_documents
    from jointex.service.report import observations_for, report_documents
    from jointex.service.runs import read_run_files

    _check_outputs(as_json, folders={"--out": out})
    loaded, chosen = _load_for(file, reader, as_json)
    try:
        result = report_documents(
            loaded,
            chosen,
            runs=read_run_files(runs) if runs else (),
            observations=observations_for(loaded, observations),
            pdf=pdf,
        )
        written = write_documents(result.documents, out)
    except InputError as error:
        fail_with(error, as_json)
    warnings = [*(w for page in written for w in page.warnings), *result.warnings]
    if as_json:
        print_json(
            {
                **result.to_dict(),
                "written": [str(page.path) for page in written],
                "warnings": [w.to_dict() for w in warnings],
            }
        )
        return
    render_assessment(result.assessment, result.report.label.marking)
    console.print(result.report.release, markup=False)
    for page in written:
        console.print(f"Report: {page.path}", markup=False)
    print_problems(warnings)


@app.command()
def simulate(
    file: ExerciseFile,
    vignette: Annotated[
        str | None, typer.Option(help="Id of the vignette to rehearse (default: the only one that can be).")
    ] = None,
    replications: Annotated[
        int | None,
        typer.Option(
            min=2,
            max=1_000_000,
            help="Run exactly N replications (with --precision, at most N). Default, per vignette kind: "
            "iamd up to 1,000, stopping once the leak probability's 95% CI is within +-0.005 (at least "
            "100); hadr up to 100, stopping once the need met is within +-1 point (at least 30); sar up "
            "to 5,000 and mascal up to 1,000, each until its headline metric is precise (docs/rehearsal.md).",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[int, typer.Option(min=0, help="Random seed: the same seed gives the same numbers.")] = 0,
    mode: Annotated[
        str | None,
        typer.Option(
            help="For a kind with modes, one of them or both (the two on the same random numbers, and "
            "the difference): iamd integrated (the default: shared air picture) or national "
            "(stovepipes); sar optimal (the default: effort where the object most likely is) or uniform. "
            "Other kinds have one mode.",
            show_default=False,
        ),
    ] = None,
    precision: Annotated[
        float | None,
        typer.Option(
            help="Stop early once the headline metric's 95% CI half-width is below this (up to "
            "--replications, else the kind's cap)."
        ),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Replications per batch (default: iamd 256, hadr one per worker); results do not change.",
            show_default=False,
        ),
    ] = None,
    reader: Annotated[str | None, typer.Option("--for", help=FOR_HELP)] = None,
    html: Annotated[Path | None, typer.Option(help="Also write a self-contained HTML report here.")] = None,
    runs: Annotated[
        Path | None,
        typer.Option(help="Also write the run file (jointex-run/2) into this folder for `report`."),
    ] = None,
    plans: Annotated[
        Path | None,
        typer.Option(
            help="Relief (hadr) only: also write the daily plans as CSV and GeoJSON into this folder."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Rehearse a vignette by Monte Carlo: estimates with 95% confidence intervals.

    IAMD: per C2 mode (integrated, national, both). HADR (relief distribution): need met by day, the
    sites worst served (by name, the rest summed up) and each nation's share of deliveries; --plans
    exports the daily plans. SAR (search and rescue): probability of success by hour, time to find and
    each nation's value to the search. MASCAL (mass casualties): 10-1-2 timelines through the medical
    chain, its bottleneck and what one more surgical team or helicopter changes.
    """
    from jointex.cli.progress import progress_bar
    from jointex.cli.render_simulation import render_simulation
    from jointex.security.release import release_statement
    from jointex.service.files import write_placed
    from jointex.service.simulate import export_documents, run_file_document, simulation_page
    from jointex.service.simulate import simulate as run_simulation

    _check_outputs(as_json, files={"--html": html}, folders={"--runs": runs, "--plans": plans})
    loaded, chosen_reader = _load_for(file, reader, as_json)
    allow_worker_processes()
    show = not as_json and sys.stderr.isatty()
    try:
        with progress_bar(
            "Rehearsing", show, may_stop_early=replications is None or precision is not None
        ) as bar:
            result = run_simulation(
                loaded,
                vignette,
                replications=replications,
                seed=seed,
                mode=mode,
                reader=chosen_reader,
                batch_size=batch_size,
                precision=precision,
                progress=bar,
                with_exports=plans is not None,
            )
        placed = [(simulation_page(result), html)] if html else []
        if runs:
            document = run_file_document(result)
            placed.append((document, runs / document.name))
        if plans:
            placed.extend((document, plans / document.name) for document in export_documents(result))
        pages = write_placed(placed)
        written = [page.path for page in pages]
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json(
            {
                **result.simulation.to_dict(),
                "label": result.label.marking,
                "release": result.release.to_dict(),
                "written": [str(p) for p in written],
                "warnings": [w.to_dict() for page in pages for w in page.warnings],
            }
        )
        return
    console.print(f"Label: {result.label.marking}", style="bold", markup=False)
    console.print(release_statement(result.release), markup=False)
    render_simulation(result.simulation)
    for path in written:
        console.print(f"Written: {path}", markup=False)
    print_problems([w for page in pages for w in page.warnings])


@app.command("map")
def map_(
    file: ExerciseFile,
    out: Annotated[
        Path,
        typer.Option(help="The map file to write: .svg, .png or .html (a page with the map and its key)."),
    ],
    vignette: Annotated[
        str | None,
        typer.Option(
            help="Map this vignette instead: IAMD defence and raid, relief plan, search areas, medical "
            "chain, or its units."
        ),
    ] = None,
    reader: Annotated[str | None, typer.Option("--for", help=FOR_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """Draw the exercise area and its units (APP-6 symbols) on the base map, or a vignette's map."""
    from jointex.service.files import write_bytes_atomically
    from jointex.service.maps import exercise_map, map_format

    _check_outputs(as_json, files={"--out": out})
    loaded, chosen_reader = _load_for(file, reader, as_json)
    try:
        kind = map_format(out)
        document = exercise_map(loaded, chosen_reader, vignette)
        write_bytes_atomically(out, document.render(kind))
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json({"ok": True, "label": document.marking, "title": document.title, "written": str(out)})
        return
    console.print(f"Label: {document.marking}", style="bold", markup=False)
    console.print(f"Map: {out}", markup=False)


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of stdout.")] = None,
    markdown: Annotated[bool, typer.Option(help="The human-readable file-format reference instead.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Print the JSON Schema of the exercise file (or its Markdown reference)."""
    import json

    from jointex.formats.schema import exercise_json_schema
    from jointex.formats.schema_reference import render_format_reference

    _check_outputs(as_json, files={"--out": out})
    text = render_format_reference() if markdown else json.dumps(exercise_json_schema(), indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    from jointex.service.files import write_text_atomically

    try:
        write_text_atomically(out, text)
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json({"ok": True, "written": str(out)})
    else:
        console.print(f"Wrote {out}", markup=False)


@catalogue_app.command("list")
def catalogue_list(
    section: Annotated[
        str,
        typer.Argument(
            help="platforms, nations, fuels, ammunition, data-links, waveforms, c2-systems or standards."
        ),
    ] = "platforms",
    category: Annotated[
        str | None, typer.Option(help="Only platforms of this category (e.g. tanker).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the entries of a catalogue section."""
    from rich.table import Table

    from jointex.service.catalogue import list_section, section_columns

    try:
        rows = list_section(section, category)
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json(rows)
        return
    columns = section_columns(section, rows)
    table = Table(title=f"{section} ({len(rows)})", title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row.get(column, "")) for column in columns))
    console.print(table)


@catalogue_app.command("show")
def catalogue_show(
    entry: Annotated[str, typer.Argument(help="Id of a platform, fuel, link, waveform, standard or nation.")],
    as_json: JsonOption = False,
) -> None:
    """Show one catalogue entry with all its attributes."""
    from jointex.service.catalogue import show_entry

    try:
        section, data = show_entry(entry)
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json({"section": section, **data})
        return
    console.print(f"[bold]{data.get('name') or data.get('title')}[/bold] ({section})")
    for key, value in data.items():
        console.print(f"  {key}: {_plain(value)}", markup=False)


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value) if value else "-"
    if isinstance(value, dict):
        return "; ".join(f"{k} {_plain(v)}" for k, v in value.items())
    return str(value)


@app.command()
def new(
    name: Annotated[str, typer.Argument(help="Exercise name, e.g. 'NORDIC BRIDGE 28'.")],
    directory: Annotated[
        Path, typer.Option("--dir", help="Folder to create the exercise folder in.")
    ] = Path(),
    host: Annotated[str, typer.Option(help="Host nation (ISO alpha-3).")] = "NOR",
    nations: Annotated[str, typer.Option(help="Other nations, comma-separated.")] = "USA,GBR,DEU",
    start: Annotated[str | None, typer.Option(help="STARTEX date YYYY-MM-DD (default: in 90 days).")] = None,
    centre: Annotated[
        str, typer.Option(help="Centre of the exercise area, 'lat, lon' or MGRS.")
    ] = "61.0, 10.0",
    as_json: JsonOption = False,
) -> None:
    """Create a new, valid exercise folder with one include file per nation."""
    from jointex.service.scaffold import read_centre, read_start_date, scaffold_exercise

    _check_outputs(as_json, folders={"--dir": directory})
    try:
        start_date = read_start_date(start)
        point = read_centre(centre)
        main_file = scaffold_exercise(
            name, directory, host, [n.strip() for n in nations.split(",") if n.strip()], start_date, point
        )
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json({"ok": True, "exercise": str(main_file)})
    else:
        console.print(
            f"Created {main_file.parent}/ — check it with: jointex validate {main_file.parent}", markup=False
        )


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the reports.")] = Path("jointex-demo"),
    as_json: JsonOption = False,
) -> None:
    """Run the main job on the bundled flagship example (BALTIC SHIELD 27) and write its reports."""
    from jointex.cli.output import print_problems
    from jointex.cli.render import render_summary, render_validation
    from jointex.cli.render_assessment import render_assessment
    from jointex.cli.render_interop import render_interop_brief
    from jointex.cli.render_simulation import render_simulation
    from jointex.service.demo import run_demo

    _check_outputs(as_json, folders={"--out": out})
    allow_worker_processes()
    try:
        result = run_demo(out)
    except InputError as error:
        fail_with(error, as_json)
    if as_json:
        print_json(result.to_dict())
    else:
        render_validation(result.report)
        print_problems(result.report.problems)
        if result.summary:
            render_summary(result.summary, result.summary.label, result.release)
        if result.interop:
            render_interop_brief(result.interop)
        for rehearsal in result.rehearsals:
            render_simulation(rehearsal.simulation)
        if result.not_rehearsed_note:
            console.print(result.not_rehearsed_note, style="yellow", markup=False)
        if result.assessment:
            render_assessment(result.assessment, result.label)
        for path in result.written:
            console.print(f"Report: {path}", markup=False)
        print_problems(result.warnings)
    if not result.report.ok:
        raise typer.Exit(EXIT_BAD_INPUT)


def allow_worker_processes() -> None:
    """Let rehearsals run replications on worker processes: each worker imports the program's main
    module again, and the `jointex` command's does nothing when imported."""
    from jointex.rehearse.engine.parallel import allow_worker_processes as allow

    allow()


def run() -> None:
    """Console entry point: anything unexpected is an internal error (exit 1), shown without a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        errors.print("Interrupted.", markup=False)
        sys.exit(130)
    except Exception as error:  # a defect of jointex, not bad input
        errors.print(f"internal error: {type(error).__name__}: {error}", style="bold red", markup=False)
        errors.print("This is a bug in jointex; please report it with the command you ran.", markup=False)
        sys.exit(EXIT_INTERNAL)


__all__ = ["EXIT_BAD_INPUT", "app", "run"]
