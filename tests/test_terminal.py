"""Colour only on a terminal."""
from __future__ import annotations

import io

from broadcast.commands._terminal import VisibleStream, paint_over_under, use_color


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_colour_only_on_a_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(Tty()) and not use_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Tty())


def test_over_red_under_green():
    tty = Tty()
    VisibleStream(tty).write(paint_over_under("TOTAL 2:58\nOVER  +0:28\nUNDER -0:02"))
    assert tty.getvalue().split("\n") == ["TOTAL 2:58", "\033[31mOVER  +0:28\033[0m", "\033[32mUNDER -0:02\033[0m"]
