"""On-air timing: pure functions from a story and its cast to times. No I/O.

A line takes its spoken syllables at the voice's read rate, plus a pause after each sentence; a segment
is its lines plus the pause before the next segment; the story is its segments. Times are integer
milliseconds, so every sum is exact.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from . import languages
from .languages import Language
from .model import Cut, Fit, LineTiming, Segment, SegmentTiming, Story, Timing
from .timecode import to_second
from .voices import Cast, VoiceProfile

SpanT = TypeVar("SpanT", LineTiming, SegmentTiming)


def time_line(spoken: str, language: Language, voice: VoiceProfile) -> tuple[int, int]:
    """(milliseconds, syllables) for one spoken line read by `voice`."""
    syllables = language.syllables(spoken)
    seconds = syllables / voice.read_rate + language.sentence_ends(spoken) * voice.pause_sentence
    return round(seconds * 1000), syllables


def spread(total: int, weights: list[int]) -> list[int]:
    """Split `total` ms in proportion to `weights`, exactly (largest remainder)."""
    weight_sum = sum(weights)
    if weight_sum <= 0:
        weights, weight_sum = [1] * len(weights), len(weights)
    shares = [total * weight / weight_sum for weight in weights]
    parts = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def time_segment(segment: Segment, start: int, voice: VoiceProfile, language: Language, pause: int) -> SegmentTiming:
    """A segment's timing from `start`; a SOT or nat with a known tape length runs exactly that long (a nat
    has nothing to read: without a length it takes no time)."""
    estimates = [time_line(line.spoken, language, voice) for line in segment.lines]
    durations = [duration for duration, _ in estimates]
    if segment.tape is not None:
        durations = spread(round(segment.tape * 1000), durations)
        pause = 0  # the tape's own length includes its in and out
    lines, cursor = [], start
    for duration, (_, syllables) in zip(durations, estimates):
        lines.append(LineTiming(start=cursor, duration=duration, syllables=syllables))
        cursor += duration
    return SegmentTiming(
        start=start, duration=cursor - start + pause, pause=pause, lines=tuple(lines), voice=voice.name
    )


def time_story(story: Story, cast: Cast) -> Timing:
    """Every line, segment and the story: start and duration, with read (anchor, reporter) and tape (SOT)."""
    segments, cursor = [], 0
    for index, segment in enumerate(story.segments):
        voice = cast.for_segment(segment)
        last = index == len(story.segments) - 1
        pause = 0 if last else round(voice.pause_segment * 1000)
        timed = time_segment(segment, cursor, voice, languages.get(story.language_of(segment)), pause)
        segments.append(timed)
        cursor += timed.duration
    return _totals(story, segments)


def _totals(story: Story, segments: list[SegmentTiming]) -> Timing:
    """The story's timing from its segments': read (anchor, reporter) and tape (SOT) add up to the duration."""
    duration = segments[-1].end if segments else 0
    tape = sum(t.duration for s, t in zip(story.segments, segments) if s.on_tape)
    return Timing(segments=tuple(segments), duration=duration, read=duration - tape, tape=tape)


def as_shown(story: Story, timing: Timing) -> Timing:
    """The timing as a table shows it: every running time rounded to the second, every duration the
    difference of the rounded times around it, so the durations add up to the totals shown."""
    segments = []
    for timed in timing.segments:
        lines = tuple(on_the_second(line) for line in timed.lines)
        shown = on_the_second(timed)
        spoken_end = lines[-1].end if lines else shown.start
        segments.append(replace(shown, lines=lines, pause=shown.end - spoken_end))
    return _totals(story, segments)


def on_the_second(span: SpanT) -> SpanT:
    """A timed line or segment with its start and end rounded to the second (`timecode.to_second`)."""
    start = to_second(span.start)
    return replace(span, start=start, duration=to_second(span.end) - start)


def cut_order(story: Story) -> list[tuple[int, int]]:
    """(segment, line) indexes in the order to cut them, lowest value first.

    Voice-over and stand-ups go first, from the end of the package back; then the tails of untaped bites (a bite keeps
    its first line); then the tag; the lead last, and never its first line (the story must still open).
    """
    def lines_of(kinds: tuple[str, ...], keep_first: bool) -> list[tuple[int, int]]:
        found = []
        for s, segment in enumerate(story.segments):
            if segment.kind in kinds and segment.tape is None:
                first = 1 if keep_first else 0
                found.extend((s, i) for i in range(first, len(segment.lines)))
        return found[::-1]

    return lines_of(("vo", "standup"), False) + lines_of(("sot",), True) + lines_of(("tag",), False) + lines_of(("lead",), True)


def without(story: Story, cut: set[tuple[int, int]]) -> Story:
    """The story with the given (segment, line) lines left out; emptied segments go too."""
    segments = []
    for s, segment in enumerate(story.segments):
        lines = tuple(line for i, line in enumerate(segment.lines) if (s, i) not in cut)
        if lines:
            segments.append(replace(segment, lines=lines))
    return replace(story, segments=tuple(segments))


def fit(story: Story, cast: Cast, slot: float) -> Fit:
    """The story against a slot of `slot` seconds, with the cuts (lowest value first) that make it fit."""
    slot_ms = round(slot * 1000)
    duration = time_story(story, cast).duration
    cuts: list[Cut] = []
    chosen: set[tuple[int, int]] = set()
    remaining = duration
    for s, i in cut_order(story):
        if remaining <= slot_ms:
            break
        chosen.add((s, i))
        after = time_story(without(story, chosen), cast).duration
        cuts.append(Cut(segment=s, line=i, source_line=story.segments[s].lines[i].source_line, saves=remaining - after))
        remaining = after
    return Fit(slot=slot_ms, duration=duration, cuts=tuple(cuts))
