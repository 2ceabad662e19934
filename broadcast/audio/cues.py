"""The draft as it was laid: where each segment and line of the story really sits in the audio.

Captions, the cue sheet and the label track are all written from this one sheet (captions/), so they
agree with each other and with the audio. Times are integer milliseconds from the start of the file.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Segment
from .loudness import Loudness


@dataclass(frozen=True)
class LineCue:
    text: str  # as written, less what is not said: captions show what the prompter shows, not the spoken form
    start: int
    speech_end: int  # the words end here
    end: int  # the line's pauses end here
    tempo: float  # the conform factor its clip was played at
    words: tuple[int, ...] = ()  # each written word's onset (ms from the start of the file), from the engine's


class _Span:
    """What a cue with a start, an end and the script's estimate says of itself."""

    start: int
    end: int
    estimate: int

    @property
    def duration(self) -> int:
        return self.end - self.start

    @property
    def difference(self) -> float:
        """Audio against the script's estimate, as a fraction (+0.02: the audio runs 2% long)."""
        return (self.duration - self.estimate) / self.estimate if self.estimate else 0.0


@dataclass(frozen=True)
class SegmentCue(_Span):
    segment: Segment
    voice: str
    engine: str
    start: int
    end: int
    estimate: int  # what the script's timing gives the segment
    spoken: int  # the engine's own length for it (speech as synthesized plus the script's pauses)
    lines: tuple[LineCue, ...]

    @property
    def lower_third(self) -> str:
        return self.segment.speaker.lower_third if self.segment.speaker else ""


@dataclass(frozen=True)
class ItemCue(_Span):
    """One item of a bulletin as laid: a story with its segments, or a break or sting (no segments)."""

    slug: str
    page: str
    kind: str  # story, break, sting
    language: str  # a story's; "" for a break or sting
    start: int
    end: int
    estimate: int  # the item's duration in the rundown
    spoken: int  # what the story's speech (or the given sound file) ran before it was fit to its slot
    words_cut: int  # ms of a story's speech past its end (cut off); what else was cut is its closing pause
    segments: tuple[SegmentCue, ...] = ()


@dataclass(frozen=True)
class CueSheet:
    title: str
    language: str
    channel: str
    audio: str  # the audio file's name, as the cue files refer to it
    duration: int
    segments: tuple[SegmentCue, ...]
    loudness: Loudness | None = None
    target: float | None = None  # LUFS asked for
    items: tuple[ItemCue, ...] = ()  # a bulletin's items in running order (their segments are `segments` too)

    @property
    def estimate(self) -> int:
        return sum(segment.estimate for segment in self.segments)

    @property
    def speech(self) -> int:
        """The story's audio without sting and outro."""
        return sum(segment.duration for segment in self.segments)
