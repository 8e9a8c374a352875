"""Every vignette kind jointex rehearses is a plug-in: one package under `rehearse/vignettes/<kind>/` with
its `VignetteModel`, declared in the model layer, and nothing above the packages asks which kind it holds."""

from __future__ import annotations

import re

import pytest

from jointex.errors import InputError
from jointex.model import VignetteKind
from jointex.model.kinds import DECLARATIONS
from jointex.model.metrics import METRICS, VIGNETTE_METRICS
from jointex.rehearse.vignettes.plugin import SINGLE_RUN, VignetteModel
from jointex.rehearse.vignettes.registry import rehearsed_kinds, vignette_model
from tests.conftest import REPO

SOURCE = REPO / "src" / "jointex"


@pytest.mark.parametrize("kind", rehearsed_kinds(), ids=str)
def test_each_rehearsed_kind_is_one_registered_model_declared_in_the_model_layer(kind: VignetteKind) -> None:
    model = vignette_model(kind)
    assert isinstance(model, VignetteModel) and model.kind is kind
    assert DECLARATIONS[kind].parameters is model.parameters
    assert model.metrics and set(model.metrics) <= set(METRICS.specs)
    assert all(spec.name.startswith(f"{kind.value}.") for spec in model.metrics)
    default = model.runs_for(None)
    assert default == ((model.modes[0],) if model.modes else (SINGLE_RUN,))
    with pytest.raises(InputError):
        model.runs_for("no-such-mode")


def test_a_kind_without_a_package_is_not_rehearsed() -> None:
    assert VignetteKind.COMMS not in rehearsed_kinds()
    assert vignette_model(VignetteKind.COMMS) is None


def test_no_code_above_the_kind_packages_asks_which_kind_it_holds() -> None:
    """The if-kind chains the redesign removed stay removed: outside a kind's own package and model file,
    no module names a rehearsed kind's enum member or imports a kind's package."""
    kinds = list(rehearsed_kinds())
    member = re.compile(r"VignetteKind\.(" + "|".join(k.name for k in kinds) + r")\b")
    package = re.compile(r"rehearse\.vignettes\.(" + "|".join(k.value for k in kinds) + r")\b")
    own = {f"rehearse/vignettes/{k.value}/" for k in kinds} | {f"model/{k.value}.py" for k in kinds}
    offenders = []
    for path in SOURCE.rglob("*.py"):
        relative = path.relative_to(SOURCE).as_posix()
        if any(relative.startswith(prefix) for prefix in own):
            continue
        text = path.read_text(encoding="utf-8")
        if member.search(text) or package.search(text):
            offenders.append(relative)
    assert offenders == []


@pytest.mark.parametrize("kind", rehearsed_kinds(), ids=str)
def test_a_run_file_of_every_mode_is_accepted_by_the_report(kind: VignetteKind) -> None:
    """`--mode both` writes the second mode's metrics as ``<kind>.<mode>.<metric>``: the registry of
    metrics knows them for every kind with modes, so `jointex report --runs` accepts its run file. A
    comparison is of two modes: ``both`` names them."""
    declaration = DECLARATIONS[kind]
    assert len(declaration.modes) in (0, 2)
    for mode in declaration.modes[1:]:
        for spec in declaration.metrics:
            name = spec.name.replace(f"{kind.value}.", f"{kind.value}.{mode}.", 1)
            found = METRICS.find(name.replace("<", "").replace(">", ""))
            assert found is not None and found.name == name
            assert found in VIGNETTE_METRICS[kind]
