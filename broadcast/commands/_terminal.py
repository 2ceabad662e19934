"""Colour on a terminal, and only there (not in files, pipes, or with NO_COLOR set)."""
from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from typing import IO, Any, Iterator, TextIO, cast

from ..output import control_picture

# What we draw ourselves on a terminal: colours (paint) and the progress bar's return and line erase. In the text
# they are markers holding a key made for this process, turned into the real sequences by VisibleStream on a
# terminal only after every control character in the text was made visible: an article cannot spell a marker,
# so no escape sequence from input reaches the terminal, not even one of our own colours.
_SEQUENCES = {
    "red": "\x1b[31m", "green": "\x1b[32m", "yellow": "\x1b[33m", "bold": "\x1b[1m", "reset": "\x1b[0m",
    "return": "\r", "erase line": "\r\x1b[K",
}
_KEY = os.urandom(8).hex()
# One pattern for every key (a pattern made anew by each run would be compiled anew by each run): a marker
# with another key is left as it is.
_MARKER = re.compile("\ue000([0-9a-f]{16})([a-z ]+)\ue001")


def ours(name: str) -> str:
    """The marker of one of our own sequences (`_SEQUENCES`): drawn on a terminal, dropped anywhere else."""
    assert name in _SEQUENCES, name
    return f"\ue000{_KEY}{name}\ue001"


def use_color(stream: IO[str]) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def paint(text: str, color: str) -> str:
    """`text` (escaped: it may come from an article) in `color` on a terminal."""
    return f"{ours(color)}{visible(text)}{ours('reset')}"


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
# to the terminal raw. Newlines and tabs are text. A lone surrogate (a file name's byte that is not UTF-8) can
# be written by no text stream: shown as the byte it stands for, `\xfe`.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xDC00:02x}"
    return control_picture(char)  # ␛ for ESC, ␇ for BEL, ␡ for DEL; U+FFFD for a C1 control or a bidi override


def visible(text: str, ours: bool = False) -> str:
    """`text` with every control character as a visible picture; then, `ours` (on a terminal), our own markers
    as the sequences they stand for, else none of them."""
    text = _CONTROL.sub(_picture, text)
    if "\ue000" not in text:
        return text

    def sequence(match: re.Match[str]) -> str:
        if match.group(1) != _KEY:
            return match.group()
        return _SEQUENCES.get(match.group(2), "") if ours else ""

    return _MARKER.sub(sequence, text)


class VisibleStream:
    """A text stream that shows control characters as pictures and draws our own markers (`ours`) on a terminal;
    bytes (`.buffer`: audio to stdout) pass."""

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
