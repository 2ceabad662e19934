"""A one-line progress bar on stderr, drawn only when stderr is a terminal (never into logs or pipes)."""
from __future__ import annotations

import sys
from typing import IO, Callable, TextIO, cast

from ._terminal import VisibleStream, ours

WIDTH = 30


def progress_bar(stream: IO[str] | None = None) -> Callable[[int, int, str], None] | None:
    """A `progress(done, total, what)` callback that redraws one line, or None when not on a terminal."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None
    if not isinstance(stream, VisibleStream):  # what it names may come from input; our redraw is a marker
        stream = cast(TextIO, VisibleStream(cast(TextIO, stream)))

    def draw(done: int, total: int, what: str) -> None:
        filled = WIDTH * done // max(total, 1)
        stream.write(f"{ours('return')}[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} {what:<12}")
        if done >= total:
            stream.write(ours("return") + " " * (WIDTH + 30) + ours("return"))  # the report prints where the bar was
        stream.flush()

    return draw
