"""Durations as newsrooms write them."""
from __future__ import annotations

import pytest

from broadcast.timecode import format_clock, format_duration, parse_duration


@pytest.mark.parametrize(
    "text, seconds",
    [("90", 90), ("1:30", 90), ("0:01:30", 90), ("1:00:00", 3600), ("0:12.5", 12.5), (" 2:05 ", 125), ("45.25", 45.25),
     ("90s", 90), ("1.5m", 90), ("2 min", 120), ("12.5sec", 12.5)],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "1:75", "abc", "1:2:3:4", "-5", "1,5", "1:", "1.5h", "m"])
def test_bad_duration(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize(
    "ms, text, signed",
    [(0, "0:00", "+0:00"), (28_400, "0:28", "+0:28"), (-2_600, "-0:03", "-0:03"), (3_725_000, "1:02:05", "+1:02:05")],
)
def test_format_duration(ms, text, signed):
    assert format_duration(ms) == text and format_duration(ms, signed=True) == signed


@pytest.mark.parametrize("ms", [0, 600, 12_000, 12_500, 59_900, 75_000, 3_600_000])
def test_clock_reads_back(ms):
    assert round(parse_duration(format_clock(ms)) * 1000) == ms
