"""Colour on a terminal, and only there (not in files, pipes, or with NO_COLOR set)."""
from __future__ import annotations

import os
from typing import IO

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
