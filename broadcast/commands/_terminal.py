"""Colour on a terminal, and only there (not in files, pipes, or with NO_COLOR set)."""
from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from typing import IO, Any, Iterator, TextIO, cast

_CODES = {"red": "31", "green": "32", "yellow": "33", "bold": "1"}


def use_color(stream: IO[str]) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def paint(text: str, color: str) -> str:
    return f"\033[{_CODES[color]}m{text}\033[0m"


def paint_over_under(table: str) -> str:
    """Rows that start with OVER in red, UNDER in green: how newsroom systems show a slot."""
    rows = []
    for row in table.split("\n"):
        if row.startswith("OVER"):
            row = paint(row, "red")
        elif row.startswith("UNDER"):
            row = paint(row, "green")
        rows.append(row)
    return "\n".join(rows)


# Control characters an article may carry (ESC starts ANSI and OSC sequences: colours, a cleared screen, the
# window's title, a link, the clipboard), C1 controls and bidi overrides: shown as a visible picture, never sent
# to the terminal raw. Newlines and tabs are text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What we draw ourselves on a terminal: our colours (paint), the progress bar's return and line erase.
_OURS = re.compile(r"(\x1b\[(?:1|31|32|33|0)m|\x1b\[K|\r)")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\x7f":
        return "\u2421"  # ␡
    if char < " ":
        return chr(0x2400 + ord(char))  # ␛ for ESC, ␇ for BEL, ...
    return "\ufffd"


def visible(text: str, ours: bool = False) -> str:
    """`text` with every control character as a visible picture; `ours` keeps our own colours and the
    progress bar's redraw (only on a terminal, where we drew them)."""
    if not ours:
        return _CONTROL.sub(_picture, text)
    parts = _OURS.split(text)
    return "".join(part if index % 2 else _CONTROL.sub(_picture, part) for index, part in enumerate(parts))


class VisibleStream:
    """A text stream that shows control characters as pictures; bytes (`.buffer`: audio to stdout) pass."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        try:
            self._ours = stream.isatty()
        except (AttributeError, ValueError):
            self._ours = False

    def write(self, text: str) -> int:
        return self._stream.write(visible(text, self._ours))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def visible_output() -> Iterator[None]:
    """Everything a command prints (tables, prompter text, warnings, errors) goes through VisibleStream: the
    one place where an article's escape sequences are kept from the terminal."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = cast(TextIO, VisibleStream(sys.stdout)), cast(TextIO, VisibleStream(sys.stderr))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
