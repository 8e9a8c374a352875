"""The vignette plug-in interface: what a kind of drill gives the rest of jointex.

Each kind is one package under `rehearse/vignettes/<kind>/` (named by its `VignetteKind` value) whose
``VIGNETTE`` is a `VignetteModel`: its typed parameters and metrics (declared in the model layer, in
``model/<kind>.py``), how it compiles a vignette of an exercise into a `CompiledVignette` for the
engine, the modes a run compares (or none), a kind-specific detail result (``to_dict`` for ``--json``,
tables for the terminal and the HTML report) and, optionally, its map and charts. Nothing above the
packages asks which kind it holds: `jointex.rehearse.vignettes.registry` finds the package, and the
simulation, the CLI, the HTML report and the maps ask the model.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from jointex.errors import InputError, Problem
from jointex.model import Exercise, Label, Vignette
from jointex.model.kinds import DECLARATIONS
from jointex.model.metrics import MetricSpec
from jointex.model.vignette_kind import VignetteKind, VignetteParameters
from jointex.rehearse.engine.protocol import CompiledVignette as EngineVignette
from jointex.rehearse.engine.results import RunTable
from jointex.rehearse.engine.stopping import StoppingRule

if TYPE_CHECKING:
    from jointex.analyse.interop import InteropResult
    from jointex.catalogue import Catalogue
    from jointex.render.maps.document import MapDocument
    from jointex.render.maps.style import Layout


class CompiledVignette(EngineVignette, Protocol):
    """A vignette compiled once for the engine (metrics, headline metrics, ``run(keys)``), for any number
    of replications, with how long a run goes by default and where its guarantees may not hold."""

    @property
    def stopping(self) -> StoppingRule:
        """How long a run goes when the user does not say."""
        ...

    @property
    def caveats(self) -> tuple[str, ...]:
        """Where the model's guarantees may not hold for this scene, one sentence each."""
        ...


class Setting:
    """What a vignette is compiled from: the exercise version rehearsed (already released to its
    reader), the vignette, the reference catalogue and, computed once on first use or passed in by a
    caller that already has it, the interoperability analysis of that version."""

    def __init__(
        self,
        exercise: Exercise,
        vignette: Vignette,
        catalogue: Catalogue,
        interop: InteropResult | None = None,
    ) -> None:
        self.exercise, self.vignette, self.catalogue = exercise, vignette, catalogue
        if interop is not None:
            self.__dict__["interop"] = interop  # what `interop` would otherwise compute

    @cached_property
    def interop(self) -> InteropResult:
        from jointex.analyse.interop import analyse_interop

        return analyse_interop(self.exercise, self.catalogue)


@dataclass(frozen=True)
class DetailTable:
    """A table of a kind's detail result, as the terminal and the HTML report show it: cells already
    written as people read them (rounded, with intervals)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    left_columns: int = 1
    """How many leading columns hold words (left-aligned); the rest hold numbers."""
    shown: int | None = None
    """Rows shown before the rest are folded away (HTML) or summed up in ``rest_note`` (terminal)."""
    rest_note: str = ""
    note: str = ""
    """A sentence under the table: how to read it."""


class VignetteDetail(Protocol):
    """What a kind's rehearsal tells beyond its metrics' estimates (a relief run's sites by need met, a
    search's probability of success by hour)."""

    def to_dict(self) -> dict[str, Any]:
        """The detail for ``--json`` (keys in snake case, numbers unrounded)."""
        ...

    def tables(self) -> tuple[DetailTable, ...]:
        """The detail as tables for people."""
        ...


@dataclass(frozen=True)
class Figure:
    """A chart or map of a rehearsal report: trusted markup the kind drew (an SVG element), and what the
    report had to go without (a map without the Cairo library), for the shell to say."""

    title: str
    markup: str
    caption: str = ""
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Rehearsed:
    """A finished run as a kind's renderers see it."""

    setting: Setting
    runs: Mapping[str, RunTable]
    seed: int
    detail: VignetteDetail | None
    targets: Mapping[str, float] = field(default_factory=dict)
    metric_labels: Mapping[str, str] = field(default_factory=dict)


SINGLE_RUN = "run"
"""The key of the one run of a kind without modes."""


class VignetteModel(ABC):
    """One kind of drill, registered as its package's ``VIGNETTE``."""

    kind: ClassVar[VignetteKind]
    title: ClassVar[str]
    """The kind in the planners' words: ``search and rescue``."""
    exports_files: ClassVar[tuple[str, ...]] = ()
    """The file-name suffixes `exports` writes (``-plan.csv``), known before any run; none by default."""
    modes_note: ClassVar[str] = ""
    """The sentence under a comparison of modes: what the difference measures."""

    @property
    def parameters(self) -> type[VignetteParameters]:
        return DECLARATIONS[self.kind].parameters

    @property
    def metrics(self) -> tuple[MetricSpec, ...]:
        return DECLARATIONS[self.kind].metrics

    @property
    def modes(self) -> tuple[str, ...]:
        """The modes a run can compare on common random numbers (IAMD: ``integrated``, ``national``), the
        default first; none for a kind with one way of running (declared in the model layer)."""
        return DECLARATIONS[self.kind].modes

    def runs_for(self, mode: str | None) -> tuple[str, ...]:
        """The runs a request makes: the mode asked for, ``both`` (every mode), or by default the first;
        a kind without modes makes one run. Raises `InputError` for a mode the kind does not have."""
        if not self.modes:
            if mode is not None:
                raise InputError.single(
                    f"--mode compares ways of running a drill; a {self.title} vignette ({self.kind.value}) "
                    "runs only one way: leave out --mode",
                    field=("--mode",),
                    expected=f"no --mode with a {self.kind.value} vignette",
                )
            return (SINGLE_RUN,)
        if mode is None:
            return (self.modes[0],)
        if mode == "both":
            return self.modes
        if mode not in self.modes:
            raise InputError.single(
                f"a {self.title} vignette ({self.kind.value}) has no mode {mode!r}",
                field=("--mode",),
                expected=f"one of {', '.join((*self.modes, 'both'))}",
            )
        return (mode,)

    @abstractmethod
    def compile(self, setting: Setting, mode: str) -> CompiledVignette:
        """The vignette compiled for the engine, in ``mode`` (`SINGLE_RUN` for a kind without modes).
        Raises `InputError` when the scene cannot be rehearsed (a unit without a position...)."""

    def detail(
        self, setting: Setting, compiled: CompiledVignette, runs: Mapping[str, RunTable], seed: int
    ) -> VignetteDetail | None:
        """The kind's detail result from the finished runs; ``compiled``: the first mode's."""
        return None

    def estimated(self, metric: str) -> bool:
        """Whether the table of estimates shows ``metric`` (a per-site metric may live in a detail
        table instead; ``--json`` keeps every metric)."""
        return True

    def map(
        self, setting: Setting, label: Label, layout: Layout | None = None, rehearsed: Rehearsed | None = None
    ) -> MapDocument | None:
        """The vignette's map, marked with ``label``: from the parameters alone (`jointex map`), or with
        what a rehearsal found (the report). None: the exercise map of the vignette's units stands in."""
        return None

    def figures(self, rehearsed: Rehearsed, label: Label) -> Sequence[Figure]:
        """The report's charts and maps, in reading order."""
        return ()

    def exports(self, rehearsed: Rehearsed, label: Label) -> Mapping[str, str]:
        """Files a planner takes into other tools (a relief plan as CSV and GeoJSON), by file-name
        suffix (``-plan.csv``); empty when the kind has none."""
        return {}
