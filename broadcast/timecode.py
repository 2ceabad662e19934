"""Durations and clock times as newsrooms write them: `90`, `90s`, `1.5m`, `1:30`, `0:01:30`, `19:00:00`."""
from __future__ import annotations

import re

# ASCII digits only: `int()` reads Arabic-Indic (٩٠) and other digits, which no newsroom types for a time.
_CLOCK = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:\.\d+)?)$", re.ASCII)
_WITH_UNIT = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|sec|m|min)$", re.IGNORECASE | re.ASCII)
# Below this, a bare number may as well mean minutes (`--slot 1.5`): a slot that short is never meant.
AMBIGUOUS_BELOW = 10
ACCEPTED = "1:30, 90s or 1.5m"
# The longest duration anything takes (a slot, a tape, a story, a bulletin): a day. Beyond it is a typo.
LONGEST = 24 * 3600
RANGE = "above 0 and at most 24:00:00"


def check_seconds(seconds: float, text: object) -> float:
    """`seconds` if it is a duration we can time (above 0, at most a day, a number); else ValueError naming the range."""
    if not 0 < seconds <= LONGEST:  # also NaN
        raise ValueError(f"{text!r} is out of range: a duration must be {RANGE}")
    return seconds


def parse_duration(text: str) -> float:
    """Seconds from `SS`, `M:SS` or `H:MM:SS` (fractions of a second allowed), or `90s`, `1.5m`; 0 is allowed
    here (the caller says what 0 means), anything longer than a day is refused with the range."""
    seconds = _parse_duration(text)
    if seconds and not seconds <= LONGEST:
        raise ValueError(f"{text.strip()!r} is out of range: a duration must be {RANGE}")
    return seconds


def _parse_duration(text: str) -> float:
    if len(text) > 40:
        raise ValueError(f"{text[:20]!r}... is not a duration like 90, 1:30, 0:01:30, 90s or 1.5m")
    unit = _WITH_UNIT.match(text.strip())
    if unit:
        return float(unit[1]) * (60 if unit[2].lower().startswith("m") else 1)
    match = _CLOCK.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a duration like 90, 1:30, 0:01:30, 90s or 1.5m")
    hours, minutes, seconds = match.groups()
    if (minutes is not None) and float(seconds) >= 60:
        raise ValueError(f"{text!r}: seconds must be under 60")
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds)


def is_bare_number(text: str) -> bool:
    """`1.5` or `90`: a number with neither a colon nor a unit."""
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", text.strip(), re.ASCII))


def to_second(milliseconds: int) -> int:
    """Milliseconds rounded to the nearest whole second (a half second up, away from zero), still in ms.

    Tables round running times with it and show each duration as the difference of two rounded running
    times (the newsroom convention), so a column of durations adds up to the total it shows.
    """
    rounded = (abs(milliseconds) + 500) // 1000 * 1000
    return -rounded if milliseconds < 0 else rounded


def format_duration(milliseconds: int, signed: bool = False) -> str:
    """`M:SS` (or `H:MM:SS`), rounded to the second; `signed` puts + or − in front."""
    sign = ("-" if milliseconds < 0 else "+") if signed else ("-" if milliseconds < 0 else "")
    total = to_second(abs(milliseconds)) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return sign + body


def format_clock(milliseconds: int) -> str:
    """`M:SS`, keeping tenths when there are any (`0:12.5`): exact enough to read back."""
    minutes, rest = divmod(milliseconds, 60_000)
    seconds = rest / 1000
    text = f"{seconds:04.1f}" if rest % 1000 else f"{rest // 1000:02d}"
    return f"{minutes}:{text}"


_TIME_OF_DAY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", re.ASCII)
DAY = 86_400_000  # milliseconds


def parse_time_of_day(text: str) -> int:
    """Milliseconds after midnight from `HH:MM:SS` or `HH:MM` (an on-air start, a hard out)."""
    match = _TIME_OF_DAY.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time of day like 19:00:00")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        raise ValueError(f"{text!r} is not a time of day (hours 0-23, minutes and seconds 0-59)")
    return (hours * 3600 + minutes * 60 + seconds) * 1000


def format_time_of_day(milliseconds: int) -> str:
    """`HH:MM:SS` on the clock, rounded to the second; a bulletin running past midnight wraps."""
    total = to_second(milliseconds) // 1000 % (DAY // 1000)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"
