"""WeasyPrint, which lays out the PDF reports, loaded with a clear error when its system libraries are
missing: it needs Pango (and GLib, HarfBuzz, Fontconfig with it), which pip cannot install."""

from __future__ import annotations

from typing import Any

from jointex.errors import MissingSystemLibrary, Problem

INSTALL_PANGO = (
    "on Debian/Ubuntu with `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`, on Fedora with "
    "`sudo dnf install pango`, on macOS with `brew install pango`"
)


def missing_pango(reason: str) -> Problem:
    """The problem saying that PDF output needs Pango, and how to install it."""
    return Problem(
        f"PDF output needs Pango, a system library that is not installed ({reason}); install it "
        f"{INSTALL_PANGO}"
    )


def weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class. Raises `MissingSystemLibrary` when Pango cannot be loaded."""
    try:
        from weasyprint import HTML
    except OSError as error:  # cffi could not open libgobject, libpango...: the message names the library
        raise MissingSystemLibrary((missing_pango(str(error).splitlines()[0][:200]),)) from None
    return HTML


def pdf_engine_problem() -> Problem | None:
    """Why no PDF can be made on this machine (Pango is missing, and how to install it), or None when
    one can: asked before anything is written, so that a report is written whole or not at all."""
    try:
        weasyprint_html()
    except MissingSystemLibrary as missing:
        return missing.problems[0]
    return None
