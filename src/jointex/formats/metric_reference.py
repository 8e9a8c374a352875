"""The metric reference (docs/metrics.md), generated from the registry of metrics so it cannot drift."""

from __future__ import annotations

from jointex.model.metrics import METRICS

INTRO = """\
# Metric reference

*Generated from the registry of metrics (`jointex.model.metrics`) by
`python -m jointex.formats.metric_reference`; do not edit by hand.*

Every measure of an objective names one of these metrics; `jointex validate` refuses any other name
(exit 2, with the closest known names). A name in angle brackets is filled in by the exercise:
`<asset>` a defended asset, `<nation>` a nation, `<site>` a relief site, `<day>` a day number, `<name>`
the evaluators' own name. The domain decides how a 95% interval is computed (docs/rehearsal.md, "The
engine") and keeps it inside the values the metric can take; *better* says which way is an improvement
(coloured in the rehearsal report's integrated minus national column). Reports and terminal tables show a
metric by its *title*, placeholders filled in with the names the exercise gives (`Leakers at Vilnius
government district` for `iamd.leakers.VILNIUS`, nations by their country names), with the name in grey
beside it; `--json` and run files keep the metric names as they are. Costs of the IAMD vignette are in
the currency its parameters name (`currency`, an ISO 4217 code, USD by default), in which its
`cost_per_shot` and threat costs are written; the rehearsal's cost table names it (`USD million`).
"""

_BETTER = {True: "lower", False: "higher", None: ""}


def _markdown(text: str) -> str:
    """``text`` with its placeholders escaped, so that ``<asset>`` is not read as an HTML tag."""
    return text.replace("<", "\\<").replace(">", "\\>")


def render_metric_reference() -> str:
    lines = [INTRO]
    sources = list(dict.fromkeys(spec.source for spec in METRICS))
    for source in sources:
        lines += [
            f"## {source[0].upper()}{source[1:]}",
            "",
            "| metric | title | unit | domain | better | meaning |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| `{spec.name}` | {_markdown(spec.title)} | {spec.unit} | {spec.domain} | "
            f"{_BETTER[spec.lower_is_better]} | {spec.description} |"
            for spec in METRICS
            if spec.source == source
        ]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render_metric_reference(), end="")
