"""Equipment and communications must name catalogue entries; standards should."""

from __future__ import annotations

from jointex.catalogue import Catalogue
from jointex.errors import FieldPath, Problem, Severity
from jointex.model import Exercise


def _unknown(
    catalogue: Catalogue, section: str, wanted: str, path: FieldPath, what: str, severity: Severity
) -> Problem:
    close = catalogue.suggest(section, wanted)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return Problem(
        f"unknown {what} {wanted!r}{hint}",
        field=path,
        severity=severity,
        expected=f"a {what} id from the catalogue (jointex catalogue list {section}) or your "
        "own catalogue file",
    )


def check_catalogue_references(exercise: Exercise, catalogue: Catalogue) -> list[Problem]:
    """Unknown platforms are errors (analyses need their attributes); unknown comms or standards warn."""
    problems: list[Problem] = []
    for u, unit in enumerate(exercise.units):
        for k, line in enumerate(unit.equipment):
            if line.platform not in catalogue.platforms:
                problems.append(
                    _unknown(
                        catalogue,
                        "platforms",
                        line.platform,
                        ("units", u, "equipment", k, "platform"),
                        "platform",
                        Severity.ERROR,
                    )
                )
        for section, what in (
            ("waveforms", "waveform"),
            ("data_links", "data link"),
            ("c2_systems", "C2 system"),
        ):
            for k, item in enumerate(getattr(unit.comms, section)):
                if item not in catalogue.section(section):
                    problems.append(
                        _unknown(
                            catalogue,
                            section,
                            item,
                            ("units", u, "comms", section, k),
                            what,
                            Severity.WARNING,
                        )
                    )
    for p, participant in enumerate(exercise.participants):
        for k, standard in enumerate(participant.standards):
            if standard not in catalogue.standards:
                problems.append(
                    _unknown(
                        catalogue,
                        "standards",
                        standard,
                        ("participants", p, "standards", k),
                        "standard",
                        Severity.WARNING,
                    )
                )
    return problems
