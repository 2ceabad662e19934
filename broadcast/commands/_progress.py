"""A one-line progress bar on stderr, drawn only when stderr is a terminal (never into logs or pipes)."""
from __future__ import annotations

import sys
from typing import IO, Callable

WIDTH = 30


def progress_bar(stream: IO[str] | None = None) -> Callable[[int, int, str], None] | None:
    """A `progress(done, total, what)` callback that redraws one line, or None when not on a terminal."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def draw(done: int, total: int, what: str) -> None:
        filled = WIDTH * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} {what:<12}")
        if done >= total:
            stream.write("\r" + " " * (WIDTH + 30) + "\r")  # the report prints where the bar was
        stream.flush()

    return draw
