"""Speech shared by a story's draft and a bulletin's: the lines to speak, spoken (or taken from the clip cache),
conformed to the script's timing and laid on one timeline, and the cues of the segments as laid.

Each line's speech fills the share of the line's time that timing.py gives its syllables; the sentence
pauses follow it, and the segment's pause follows its last line, so segment boundaries in the audio
land where the script puts them.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..interrupt import checkpoint
from ..errors import UsageError
from ..model import Line, LineTiming
from ..voices import VoiceProfile
from . import engines
from .clip_cache import clip_key
from .cues import LineCue, SegmentCue
from .draft_cache import Layout
from .voice_choice import distinct_guests

if TYPE_CHECKING:
    from ..pipeline import Timed

# progress(done, total, what): called as each clip is made and each file is written.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Job:
    """One line to speak: its text and voice, the milliseconds its speech fills and the pause after."""

    segment: int
    kind: str
    line: Line
    voice: VoiceProfile
    engine: str
    slot: int
    pause: int


class Steps:
    """Counts a render's steps for the progress callback: each clip spoken, each conformed, the loudness."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress or (lambda done, total, what: None)
        self._lock = threading.Lock()  # steps are counted from the speaking thread and the conforming ones

    def __call__(self, what: str) -> None:
        checkpoint()  # between steps: a stop that was dropped where it landed stops the render here
        with self._lock:
            self.done += 1
            self.progress(self.done, self.total, what)


def line_keys(jobs: list[Job]) -> list:
    """What decides each line's sound: its clip (by its cache key), kind, slot and pause."""
    return [(clip_key(engines.get(job.engine), job.line.spoken, job.voice), job.kind, job.slot, job.pause) for job in jobs]


def story_jobs(timed: Timed, engine: str | None) -> list[Job]:
    """Every line to speak, in order; raise EngineError before any work when an engine lacks the language."""
    cast = distinct_guests(timed.cast)  # two guests on one profile must not sound like one person
    jobs = []
    for index, (segment, timing) in enumerate(zip(timed.story.segments, timed.timing.segments)):
        voice = cast.for_segment(segment)
        language = timed.languages.of(segment)  # a Russian synch is timed by Russian rules, with the user's lexicon
        for position, (line, line_timing) in enumerate(zip(segment.lines, timing.lines)):
            slot, pause = _speech_and_pause(line, line_timing, voice, language)
            if position == len(segment.lines) - 1:
                pause += timing.pause
            jobs.append(Job(index, segment.kind, line, voice, engine or voice.engine_name, slot, pause))
    for name in sorted({job.engine for job in jobs}):
        needed = sorted({timed.story.language_of(timed.story.segments[job.segment]) for job in jobs if job.engine == name})
        for code in needed:
            if code not in engines.get(name).languages:
                able = [other for other in engines.names() if code in engines.get(other).languages]
                raise UsageError(f"engine {name!r} cannot speak {code!r}; engines that can: {', '.join(able) or 'none'}")
    return jobs


def _speech_and_pause(line: Line, timing: LineTiming, voice: VoiceProfile, language) -> tuple[int, int]:
    """The line's time split as timing.py counts it: syllables at the read rate, then the sentence pauses.

    A SOT with a given tape length stretches both in proportion.
    """
    speech = timing.syllables / voice.read_rate
    pauses = language.sentence_ends(line.spoken) * voice.pause_sentence
    if speech + pauses <= 0:
        return 0, timing.duration
    slot = round(timing.duration * speech / (speech + pauses))
    return slot, timing.duration - slot


def segment_cues(timed: Timed, jobs: list[Job], layout: Layout, first: int = 0) -> tuple[SegmentCue, ...]:
    """The story's segments as laid; its lines are the layout's from index `first` on (a bulletin holds many
    stories). A line with no time left (cut off at the end of a bulletin item) is not shown."""
    segments = []
    for index, (segment, timing) in enumerate(zip(timed.story.segments, timed.timing.segments)):
        mine = [i for i, job in enumerate(jobs) if job.segment == index and _laid(layout, first + i)]
        if not mine:
            continue
        language = timed.languages.of(segment)
        lines = tuple(
            LineCue(
                jobs[i].line.prompt, *layout.placed[first + i], tempo=layout.tempo[first + i],
                words=written_onsets(jobs[i].line.prompt, layout.words[first + i] if first + i < len(layout.words) else [],
                                     language.spoken),
            )
            for i in mine
        )
        job = jobs[mine[0]]
        segments.append(
            SegmentCue(
                segment=segment,
                voice=job.voice.name,
                engine=job.engine,
                start=lines[0].start,
                end=lines[-1].end,
                estimate=timing.duration,
                spoken=sum(layout.natural[first + i] + jobs[i].pause for i in mine),
                lines=lines,
            )
        )
    return tuple(segments)


def written_onsets(written: str, spoken: list[int], say: Callable[[str], str]) -> tuple[int, ...]:
    """When each written word of a line starts in the audio, from the onsets of its spoken words.

    A written word is found among the spoken ones by saying the words before it: "1992 жылы" is five spoken
    words before "жылы". () when the engine gave no word times.
    """
    if not spoken:
        return ()
    words = written.split()
    onsets = []
    for index in range(len(words)):
        said = len(say(" ".join(words[:index])).split()) if index else 0
        onsets.append(spoken[min(said, len(spoken) - 1)])
    return tuple(onsets)


def _laid(layout: Layout, index: int) -> bool:
    start, _, end = layout.placed[index]
    return end > start
