"""On-air timing: pure functions from a story and its cast to times. No I/O.

A line takes its spoken syllables at the voice's read rate, plus a pause after each sentence; a segment
is its lines plus the pause before the next segment; the story is its segments. Times are integer
milliseconds, so every sum is exact.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from .languages import Language, StoryLanguages, of_story
from .languages.base import sentences
from .model import Cut, Fit, Line, LineTiming, Segment, SegmentTiming, Story, Timing
from .timecode import to_second
from .voices import Cast, VoiceProfile

SpanT = TypeVar("SpanT", LineTiming, SegmentTiming)


def time_line(spoken: str, language: Language, voice: VoiceProfile) -> tuple[int, int]:
    """(milliseconds, syllables) for one spoken line read by `voice`."""
    syllables, ends = language.counts(spoken)
    seconds = syllables / voice.read_rate + ends * voice.pause_sentence
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


def time_story(story: Story, cast: Cast, languages: StoryLanguages | None = None) -> Timing:
    """Every line, segment and the story: start and duration, with read (anchor, reporter) and tape (SOT).

    `languages`: the story's languages as the pipeline resolved them (with the user's lexicons); without them,
    the packaged and the user's own lexicons."""
    languages = languages or of_story(story)
    segments, cursor = [], 0
    for index, segment in enumerate(story.segments):
        voice = cast.for_segment(segment)
        last = index == len(story.segments) - 1
        pause = 0 if last else round(voice.pause_segment * 1000)
        timed = time_segment(segment, cursor, voice, languages.of(segment), pause)
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
        # Made directly, not by dataclasses.replace (a render makes one a line: replace was a tenth of it).
        lines = tuple(
            LineTiming(start, to_second(line.end) - start, line.syllables)
            for line in timed.lines for start in (to_second(line.start),)
        )
        start, end = to_second(timed.start), to_second(timed.end)
        spoken_end = lines[-1].end if lines else start
        segments.append(replace(timed, start=start, duration=end - start, lines=lines, pause=end - spoken_end))
    return _totals(story, segments)


def on_the_second(span: SpanT) -> SpanT:
    """A timed line or segment with its start and end rounded to the second (`timecode.to_second`)."""
    start = to_second(span.start)
    return replace(span, start=start, duration=to_second(span.end) - start)


# A cut's unit: (segment, line, sentence) indexes.
Unit = tuple[int, int, int]


def sentences_of(line: Line) -> list[tuple[str, str]]:
    """A line's sentences as written and as said, side by side. A line whose written and spoken
    sentences do not pair up one to one is cut whole: one piece."""
    written, said = sentences(line.text), sentences(line.spoken)
    if len(written) > 1 and len(written) == len(said):
        return list(zip(written, said))
    return [(line.text, line.spoken)]


def cut_order(story: Story) -> list[Unit]:
    """The sentences that may be cut, lowest value first.

    Voice-over and stand-ups go first, from the end of the package back; then the tails of untaped bites (a
    bite keeps its first sentence); then the tag; the lead last. Never the lead's first sentence (the story
    must open) nor the story's last (its sign-off)."""

    def units_of(kinds: tuple[str, ...], keep_first: bool) -> list[Unit]:
        found: list[Unit] = []
        for s, segment in enumerate(story.segments):
            if segment.kind in kinds and segment.tape is None:
                units = [(s, i, k) for i, line in enumerate(segment.lines) for k in range(len(sentences_of(line)))]
                found.extend(units[1:] if keep_first else units)
        return found[::-1]

    last = _last_sentence(story)
    order = units_of(("vo", "standup"), False) + units_of(("sot",), True) + units_of(("tag",), False)
    return [unit for unit in order + units_of(("lead",), True) if unit != last]


def _last_sentence(story: Story) -> Unit | None:
    for s in range(len(story.segments) - 1, -1, -1):
        lines = story.segments[s].lines
        if lines:
            return (s, len(lines) - 1, len(sentences_of(lines[-1])) - 1)
    return None


def without(story: Story, cut: set[Unit]) -> Story:
    """The story with the given sentences left out; emptied lines and segments go too."""
    segments = []
    for s, segment in enumerate(story.segments):
        lines = []
        for i, line in enumerate(segment.lines):
            pieces = sentences_of(line)
            kept = [piece for k, piece in enumerate(pieces) if (s, i, k) not in cut]
            if len(kept) == len(pieces):
                lines.append(line)
            elif kept:
                text = " ".join(written for written, _ in kept)
                unread = line.unread if line.unread and text.endswith(line.unread) else ""
                lines.append(replace(line, text=text, spoken=" ".join(said for _, said in kept), unread=unread))
        if lines:
            segments.append(replace(segment, lines=tuple(lines)))
    return replace(story, segments=tuple(segments))


def fit(story: Story, cast: Cast, slot: float, languages: StoryLanguages | None = None) -> Fit:
    """The story against a slot of `slot` seconds, with the smallest set of sentences (lowest value first)
    whose cutting makes it fit: taken in cut order until it fits, then any the others make unneeded let go.
    When every sentence that may go is not enough, all are listed and `Fit.still_over` says by how much."""
    slot_ms = round(slot * 1000)
    languages = languages or of_story(story)
    duration = time_story(story, cast, languages).duration
    order = cut_order(story)

    def length(cut: set[Unit]) -> int:
        return time_story(without(story, cut), cast, languages).duration

    chosen: list[Unit] = []
    for unit in order:
        if duration <= slot_ms or (chosen and length(set(chosen)) <= slot_ms):
            break
        chosen.append(unit)
    if length(set(chosen)) <= slot_ms:
        # Let go of what the rest already covers, the longest first: no sentence is cut that need not be.
        for unit in sorted(chosen, key=lambda u: length({u})):
            if length(set(chosen) - {unit}) <= slot_ms:
                chosen.remove(unit)
    cuts, taken, remaining = [], set(), duration
    for s, i, k in chosen:
        taken.add((s, i, k))
        after = length(taken)
        line = story.segments[s].lines[i]
        written = sentences_of(line)[k][0]
        cuts.append(Cut(segment=s, line=i, source_line=line.source_line, saves=remaining - after, sentence=k, text=written))
        remaining = after
    return Fit(slot=slot_ms, duration=duration, cuts=tuple(cuts))
