"""The command-line reference (docs/cli.md), written from the commands themselves so it cannot drift.

Regenerate with ``python -m jointex.cli.reference > docs/cli.md``; a test fails when docs/ is stale.
Typer keeps its Click objects private, so this reads them by their documented attributes only.
"""

from __future__ import annotations

from typing import Any

import typer.main

from jointex.cli.main import app


def _parameter_line(parameter: Any) -> str:
    if parameter.param_type_name == "argument":
        name = str(parameter.name).upper()
        many = " ..." if parameter.nargs == -1 else ""
        required = "required" if parameter.required else "optional"
        described = f": {parameter.help}" if getattr(parameter, "help", None) else ""
        return f"- `{name}{many}` ({required}){described}"
    flags = ", ".join(f"`{flag}`" for flag in (*parameter.opts, *parameter.secondary_opts))
    text = f"- {flags}: {parameter.help or ''}".rstrip()
    if not parameter.is_flag and parameter.default not in (None, (), ""):
        text += f" Default: `{parameter.default}`."
    return text


def _command_section(path: str, command: Any) -> list[str]:
    arguments = " ".join(
        f"{str(p.name).upper()}{'...' if p.nargs == -1 else ''}"
        for p in command.params
        if p.param_type_name == "argument"
    )
    lines = [
        f"## `{path}`",
        "",
        (command.help or "").strip(),
        "",
        "```",
        f"{path} [OPTIONS] {arguments}".rstrip(),
    ]
    lines += ["```", ""]
    lines += [_parameter_line(p) for p in command.params if p.name != "help"]
    return [*lines, ""]


def render_cli_reference() -> str:
    """The whole reference as Markdown."""
    root: Any = typer.main.get_command(app)
    lines = [
        "# Command-line reference",
        "",
        "*Generated from the commands by `python -m jointex.cli.reference`; do not edit by hand.*",
        "",
        (root.help or "").strip(),
        "",
        "Every command takes `--json` for machine-readable output on stdout (strict JSON: a value that is "
        "not a finite number is `null`; metrics by their names, numbers unrounded).",
        "",
        "For people, tables show each metric by its title with its name (the one an objective's measure "
        "uses) beside it, and numbers rounded to what their 95% interval supports. Piped into another "
        "program or a file, tables keep each row on one line (up to 1,000 characters; set `COLUMNS` to "
        "choose a width).",
        "",
        "Every command that writes checks its output paths before any work starts: a folder option (`--out`, "
        "`--runs`, `--plans`, `--dir`) that names a file, or a file option (`--html`, `schema --out`) that "
        "names a folder, exits 2 with the option and path named, before anything is rehearsed or written.",
        "",
    ]
    for name in sorted(root.commands):
        command = root.commands[name]
        if hasattr(command, "commands"):
            for sub in sorted(command.commands):
                lines += _command_section(f"jointex {name} {sub}", command.commands[sub])
        else:
            lines += _command_section(f"jointex {name}", command)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render_cli_reference(), end="")
