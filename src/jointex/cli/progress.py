"""The progress bar of long commands: a Rich bar on stderr, driven by the services' progress callback."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from jointex.cli.output import errors

if TYPE_CHECKING:
    from rich.progress import Task
    from rich.text import Text

ProgressCallback = Callable[[int, int], None]


def time_left(elapsed_s: float | None, done: float, total: float | None) -> str:
    """Time left at the pace so far (elapsed / done per replication); before the first replication is done
    there is no pace to go by."""
    if not elapsed_s or not done or total is None:
        return "estimating…"
    left = max(0.0, elapsed_s * (total - done) / done)
    return str(datetime.timedelta(seconds=round(left))) + " left"


@contextmanager
def progress_bar(
    description: str, show: bool, may_stop_early: bool = False
) -> Iterator[ProgressCallback | None]:
    """A callback ``(done, total)`` that draws the bar, or None when ``show`` is false (not a terminal,
    or --json). With ``may_stop_early``, the time left is an upper bound and says so."""
    if not show:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TimeElapsedColumn
    from rich.text import Text

    class _TimeLeft(ProgressColumn):
        def render(self, task: Task) -> Text:
            text = time_left(task.elapsed, task.completed, task.total)
            return Text(("at most " if may_stop_early and "left" in text else "") + text, style="cyan")

    bar = Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        _TimeLeft(),
        console=errors,
        transient=True,
    )
    task = bar.add_task(description, total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if not started:  # the clock starts with the work, not with loading and compiling the exercise
            bar.reset(task, total=total, completed=done)
            started = True
        else:
            bar.update(task, completed=done, total=total)

    with bar:
        yield update
