"""Captions laid out for the screen: at most 42 characters a line, 2 lines a caption, 1-7 s on screen.

A line of the script longer than that is split at word boundaries into pieces of about equal length,
each given its share of the line's real speech time (docs/sources.md#captions).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ...timing import spread
from ..cues import CueSheet, LineCue

MAX_CHARS = 42
MAX_LINES = 2
MIN_MS = 1000
MAX_MS = 7000


@dataclass(frozen=True)
class Caption:
    start: int
    end: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def captions(sheet: CueSheet) -> list[Caption]:
    """The captions of the whole draft, in order, none overlapping and none past the end of the audio."""
    pieces = [
        piece
        for segment in sheet.segments
        for line in segment.lines
        for piece in (sound_label(line) if segment.segment.kind == "nat" else split(line))
    ]
    return _hold(pieces, sheet.duration)


def sound_label(line: LineCue) -> list[Caption]:
    """A nat's description as caption guidelines show a sound that is not speech: in square brackets
    ("[шум толпы, аплодисменты]"), up while the sound plays (at most MAX_MS), never as if someone said it.
    A description longer than a caption holds keeps its first words, marked as cut."""
    words = line.text.strip().strip("[]").split()
    if not words:
        return []
    for count in range(len(words), 0, -1):
        lines = wrap(("[" + " ".join(words[:count]) + ("]" if count == len(words) else "…]")).split())
        if lines:
            break
    else:
        lines = ("[" + words[0][: MAX_CHARS - 3] + "…]",)
    return [Caption(line.start, line.start + min(max(line.end - line.start, MIN_MS), MAX_MS), lines)]


def split(line: LineCue) -> list[Caption]:
    """One script line as captions that keep the limits. Each starts when its first word is said (the engine's
    word times), or, without them, takes a share of the line's speech in proportion to its characters."""
    words = line.text.split()
    if not words:
        return []
    duration = max(line.speech_end - line.start, 1)
    timed_words = len(line.words) == len(words)
    for count in range(max(1, math.ceil(duration / MAX_MS)), len(words) + 1):
        groups = _balanced(words, count)
        wrapped = [wrap(group) for group in groups]
        if timed_words:
            times = _by_words(line, [len(group) for group in groups])
        else:
            times = spread(duration, [len(" ".join(group)) + 1 for group in groups])
        if all(wrapped) and max(times) <= MAX_MS:
            return _timed(line.start, times, wrapped)
    # Only a single word wider than a caption line gets here: cut it, however it reads.
    chunks = [word[i : i + MAX_CHARS] for word in words for i in range(0, len(word), MAX_CHARS)]
    return _timed(line.start, spread(duration, [len(chunk) for chunk in chunks]), [(chunk,) for chunk in chunks])


def wrap(words: list[str]) -> tuple[str, ...] | None:
    """The words on at most two lines of at most 42 characters, the break where the lines are most even."""
    text = " ".join(words)
    if len(text) <= MAX_CHARS:
        return (text,)
    best = None
    for i in range(1, len(words)):
        top, bottom = " ".join(words[:i]), " ".join(words[i:])
        fits = len(top) <= MAX_CHARS and len(bottom) <= MAX_CHARS
        if fits and (best is None or max(map(len, (top, bottom))) < max(map(len, best))):
            best = (top, bottom)
    return best


def _balanced(words: list[str], count: int) -> list[list[str]]:
    """`words` cut into `count` runs of about equal characters (never an empty run)."""
    total = sum(len(word) + 1 for word in words)
    groups: list[list[str]] = [[]]
    running = 0
    for index, word in enumerate(words):
        left = len(words) - index  # words still to place, this one included
        must_cut = count - len(groups) >= left
        want_cut = running + (len(word) + 1) / 2 > total * len(groups) / count
        if groups[-1] and len(groups) < count and (must_cut or want_cut):
            groups.append([])
        groups[-1].append(word)
        running += len(word) + 1
    return groups


def _by_words(line: LineCue, sizes: list[int]) -> list[int]:
    """How long each group of words (of `sizes` words) shows: from its first word's onset to the next one's."""
    starts, index = [], 0
    for size in sizes:
        starts.append(min(max(line.words[index], line.start), line.speech_end) - line.start)
        index += size
    starts[0] = 0  # the line's first caption comes up with the line
    ends = [*starts[1:], max(line.speech_end - line.start, starts[-1])]
    return [end - start for start, end in zip(starts, ends)]


def _timed(start: int, times: list[int], texts: list) -> list[Caption]:
    result, cursor = [], start
    for duration, lines in zip(times, texts):
        result.append(Caption(start=cursor, end=cursor + duration, lines=tuple(lines)))
        cursor += duration
    return result


def _hold(pieces: list[Caption], end_of_audio: int) -> list[Caption]:
    """Each caption held at least MIN_MS where the next one (or the audio's end) leaves room; a piece that
    still flashes by is joined to its neighbour when the two fit one caption."""
    held = []
    for index, piece in enumerate(pieces):
        limit = pieces[index + 1].start if index + 1 < len(pieces) else end_of_audio
        held.append(Caption(piece.start, max(piece.end, min(piece.start + MIN_MS, limit)), piece.lines))
    joined: list[Caption] = []
    for piece in held:
        if joined and min(piece.end - piece.start, joined[-1].end - joined[-1].start) < MIN_MS:
            lines = wrap(" ".join(joined[-1].lines + piece.lines).split())
            if lines and piece.end - joined[-1].start <= MAX_MS:
                joined[-1] = Caption(joined[-1].start, piece.end, lines)
                continue
        joined.append(piece)
    return joined


def timestamp(ms: int, decimal: str) -> str:
    """`HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT)."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{decimal}{millis:03d}"
