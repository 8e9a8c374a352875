"""jointex: plan, rehearse, run and assess multinational joint military exercises.

The public API, chosen on purpose::

    import jointex
    loaded = jointex.load_exercise("examples/baltic-shield/exercise.yaml")
    print(jointex.summarise(loaded.exercise, loaded.catalogue).total_personnel)

Names are imported on first use, so `import jointex` (and the `jointex` command) start quickly.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Exercise": "jointex.model",
    "Label": "jointex.model",
    "Catalogue": "jointex.catalogue",
    "builtin_catalogue": "jointex.catalogue",
    "JointexError": "jointex.errors",
    "InputError": "jointex.errors",
    "Problem": "jointex.errors",
    "LoadedExercise": "jointex.service.exercises",
    "load_exercise": "jointex.service.exercises",
    "validate_exercise": "jointex.service.exercises",
    "summarise": "jointex.analyse.summary",
    "analyse_interop": "jointex.analyse.interop",
    "assess": "jointex.assess",
    "assess_exercise": "jointex.service.report",
    "Assessment": "jointex.assess",
    "InteropResult": "jointex.analyse.interop",
    "exercise_json_schema": "jointex.formats.schema",
    "simulate": "jointex.service.simulate",
    "SimulationRun": "jointex.service.simulate",
}

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:
    from jointex.analyse.interop import InteropResult as InteropResult
    from jointex.analyse.interop import analyse_interop as analyse_interop
    from jointex.analyse.summary import summarise as summarise
    from jointex.assess import Assessment as Assessment
    from jointex.assess import assess as assess
    from jointex.catalogue import Catalogue as Catalogue
    from jointex.catalogue import builtin_catalogue as builtin_catalogue
    from jointex.errors import InputError as InputError
    from jointex.errors import JointexError as JointexError
    from jointex.errors import Problem as Problem
    from jointex.formats.schema import exercise_json_schema as exercise_json_schema
    from jointex.model import Exercise as Exercise
    from jointex.model import Label as Label
    from jointex.service.exercises import LoadedExercise as LoadedExercise
    from jointex.service.exercises import load_exercise as load_exercise
    from jointex.service.exercises import validate_exercise as validate_exercise
    from jointex.service.report import assess_exercise as assess_exercise
    from jointex.service.simulate import SimulationRun as SimulationRun
    from jointex.service.simulate import simulate as simulate


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jointex' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """``jointex`` itself. A public name that is also a subpackage's (``assess``, the function, and
    ``jointex.assess``, the package) stays the public one: the import system's binding of the subpackage
    on its parent, whenever something imports ``jointex.assess.*``, is not kept."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, ModuleType) and value.__name__ == f"{__name__}.{name}":
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
