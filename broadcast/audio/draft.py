"""The audio draft: a timed story spoken line by line, conformed to the script's timing, mixed, brought to
broadcast loudness, and written with its captions, cue sheet and label track.

Each line's speech fills the share of the line's time that timing.py gives its syllables; the sentence
pauses follow it, and the segment's pause follows its last line, so segment boundaries in the audio
land where the script puts them.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .. import languages
from ..errors import EngineError, InputError, UsageError
from ..house import House
from ..model import Line, LineTiming
from ..output import atomic_path
from ..output import check_outputs as check_files
from ..scratch import run_folder
from ..voices import VoiceProfile
from . import captions, engines, mix
from .cache import ClipCache, clip_key
from .clip import Clip
from .conform import conform
from .cues import CueSheet, LineCue, SegmentCue
from .draft_cache import DraftCache, Layout, file_digest, recipe_key
from .loudness import EBU_R128, TRUE_PEAK_CEILING, Encoding, normalise
from .pcm import decode
from .silence import trim
from .voice_choice import distinct_guests

if TYPE_CHECKING:
    from ..api import Timed

FORMATS = ("mp3", "wav")

# progress(done, total, what): called as each clip is made and each file is written.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Options:
    engine: str | None = None  # speak every segment with this engine instead of each voice's own
    loudness: float = EBU_R128  # integrated target, LUFS
    ceiling: float = TRUE_PEAK_CEILING  # true peak, dBTP
    conform: bool = True
    bed: Path | None = None  # music under the lead, ducked under its speech
    sting: Path | None = None  # played before the story
    outro: Path | None = None  # played after it
    cache: Path | None = None  # clip cache folder; None: ClipCache's default
    # Caption and cue files by writer name (captions.WRITERS): a path, or None to skip that file.
    # A writer left out is written beside the audio (draft.mp3 -> draft.srt).
    outputs: dict[str, Path | None] = field(default_factory=dict)
    # Files the command reads (the article, a rundown and its stories) and other files it writes (a rundown's
    # -o): no output may name one of them.
    reads: tuple[Path, ...] = ()
    also_writes: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Draft:
    sheet: CueSheet
    files: tuple[Path, ...]  # everything written: the audio first
    made: int  # clips synthesized by this render
    cached: int  # clips the cache already held
    reused: bool = False  # the same recipe was rendered before: its kept file was copied


@dataclass(frozen=True)
class _Job:
    """One line to speak: its text and voice, the milliseconds its speech fills and the pause after."""

    segment: int
    kind: str
    line: Line
    voice: VoiceProfile
    engine: str
    slot: int
    pause: int


def make(timed: Timed, output: str | Path, options: Options = Options(), progress: Progress | None = None) -> Draft:
    """Render the audio draft of `timed` to `output` (.mp3 or .wav) with its captions and cues.

    An interrupted render leaves nothing under the output names; the clips it made stay cached.
    """
    output = Path(output)
    check_outputs(output, options)
    jobs = story_jobs(timed, options.engine)
    clips = ClipCache(options.cache)
    sounds = _sounds(timed.house, options)
    channel = timed.house.channel_name(timed.story.language)
    encoding = encoding_for(output, timed.story.title, channel)
    key = recipe_key([line_keys(jobs), [file_digest(path) for path in (sounds.bed, sounds.sting, sounds.outro)],
                      sounds.after_sting, sounds.before_outro, settings(options, encoding)])

    def mixdown(mixed: Path, step: Steps) -> tuple[Layout, int]:
        speech = speak(jobs, clips, options.conform, step)
        voice = mix.as_segment(speech.pcm)
        if sounds.bed:
            voice = _bed(voice, decode(sounds.bed, mix.MIX_RATE), jobs, speech.placed)
        sting = decode(sounds.sting, mix.MIX_RATE) if sounds.sting else None
        outro = decode(sounds.outro, mix.MIX_RATE) if sounds.outro else None
        story_audio, offset = mix.with_ends(voice, sting, outro, sounds.after_sting, sounds.before_outro)
        story_audio.export(mixed, format="wav")
        layout = Layout(
            placed=[(offset + p.start, offset + p.speech_end, offset + p.end) for p in speech.placed],
            natural=speech.natural,
            tempo=speech.tempo,
            duration=len(story_audio),
        )
        return layout, speech.made

    def sheet(layout: Layout) -> CueSheet:
        return CueSheet(
            title=timed.story.title,
            language=timed.story.language,
            channel=channel,
            audio=output.name,
            duration=layout.duration,
            segments=segment_cues(timed, jobs, layout),
            loudness=layout.loudness,
            target=options.loudness,
        )

    return render(output, options, encoding, key, Render(len(jobs), mixdown, sheet), clips.folder, progress)


class Steps:
    """Counts a render's steps for the progress callback: each clip spoken, each conformed, the loudness."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress or (lambda done, total, what: None)

    def __call__(self, what: str) -> None:
        self.done += 1
        self.progress(self.done, self.total, what)


@dataclass(frozen=True)
class Render:
    """What a draft is made of: how many clips it speaks, how its mix is made, how its cue sheet is drawn."""

    clips: int
    mixdown: Callable[[Path, Steps], tuple[Layout, int]]  # writes the WAV mix: (layout, clips made)
    sheet: Callable[[Layout], CueSheet]


def check_outputs(output: Path, options: Options) -> dict[str, Path]:
    """The caption and cue paths; before any work, UsageError when an output names an input or another
    output, InputError when one cannot be written."""
    if output.suffix.lower().lstrip(".") not in FORMATS:
        raise UsageError(f"{output}: the audio draft is written as .mp3 or .wav")
    destinations = _caption_paths(output, options.outputs)
    reads = (*options.reads, options.bed, options.sting, options.outro)
    check_files([*options.also_writes, output, *destinations.values()], reads)
    return destinations


def encoding_for(output: Path, title: str, channel: str) -> Encoding:
    return Encoding(output.suffix.lower().lstrip("."), tags=(("title", title), ("artist", channel), ("album", channel)))


def render(
    output: Path, options: Options, encoding: Encoding, key: str, recipe: Render, cache: Path, progress: Progress | None
) -> Draft:
    """Mix (or copy the draft kept under `key`), bring it to loudness once, write it with its captions and cues.

    Every file goes to a temporary name first and all are renamed together at the end: an interrupted
    render leaves nothing under the output names.
    """
    destinations = check_outputs(output, options)
    drafts = DraftCache(cache / "drafts")
    kept = drafts.get(key)
    steps = Steps(2 * recipe.clips + 1, progress)
    made = 0
    with contextlib.ExitStack() as renames, run_folder(output.parent) as scratch:
        if kept:
            audio_temp = renames.enter_context(atomic_path(output))
            shutil.copyfile(kept[0], audio_temp)
            layout = kept[1]
        else:
            mixed = scratch / "mix.wav"
            layout, made = recipe.mixdown(mixed, steps)
            steps("loudness")
            audio_temp = renames.enter_context(atomic_path(output))
            loudness = normalise(mixed, audio_temp, encoding, options.loudness, options.ceiling)
            layout = replace(layout, loudness=loudness)
            drafts.put(key, audio_temp, layout)
        sheet = recipe.sheet(layout)
        files = [output]
        for name, path in destinations.items():
            temporary = renames.enter_context(atomic_path(path))
            temporary.write_text(captions.write(name, sheet), encoding="utf-8")
            files.append(path)
        (progress or (lambda done, total, what: None))(1, 1, "written")
    return Draft(sheet=sheet, files=tuple(files), made=made, cached=recipe.clips - made, reused=kept is not None)


@dataclass(frozen=True)
class _Sounds:
    """What frames the speech: a bed under the lead, a sting before, an outro after, and the gaps."""

    bed: Path | None
    sting: Path | None
    outro: Path | None
    after_sting: int  # ms
    before_outro: int  # ms


def _sounds(house: House, options: Options) -> _Sounds:
    """The sounds the options name, else those the house style's [audio] names (beside its house.toml)."""
    settings = house.audio

    def sound(name: str) -> Path | None:
        given = getattr(options, name)
        if given or not settings.get(name):
            return given
        path = (house.folder / str(settings[name])).resolve()
        if house.folder.resolve() not in path.parents:  # a house names its own sounds, never a file elsewhere
            raise InputError(f"house style {house.name}: [audio] {name} must be a file inside its folder")
        return path

    def pause(name: str) -> int:
        try:
            return round(float(settings.get(name, 0)) * 1000)
        except (TypeError, ValueError):
            raise InputError(f"house style {house.name}: [audio] {name} must be seconds") from None

    return _Sounds(sound("bed"), sound("sting"), sound("outro"), pause("pause_after_sting"), pause("pause_before_outro"))


def line_keys(jobs: list[_Job]) -> list:
    """What decides each line's sound: its clip (by its cache key), kind, slot and pause."""
    return [(clip_key(engines.get(job.engine), job.line.spoken, job.voice), job.kind, job.slot, job.pause) for job in jobs]


def settings(options: Options, encoding: Encoding) -> tuple:
    """The render settings every recipe holds."""
    return (options.conform, options.loudness, options.ceiling, mix.MIX_RATE, repr(encoding))


@dataclass(frozen=True)
class Speech:
    """One story's lines spoken, conformed and laid on one timeline (ms from the story's first word)."""

    pcm: bytes  # mono 16-bit at mix.MIX_RATE
    placed: list[mix.Placed]
    natural: list[int]  # each line's speech as the engine said it, ms
    tempo: list[float]
    made: int  # clips synthesized now

    @property
    def duration(self) -> int:
        return self.placed[-1].end if self.placed else 0


def speak(jobs: list[_Job], clips: ClipCache, conform_on: bool, step: Steps) -> Speech:
    """Speak (or take from the cache), conform and lay one story's lines: the draft and the bulletin both do."""
    spoken, made = [], 0
    for job in jobs:
        clip, made_now = clips.get_or_make(engines.get(job.engine), job.line.spoken, job.voice)
        spoken.append(clip)
        made += made_now
        step("speaking")
    conformed = _conform(jobs, spoken, conform_on, lambda: step("conforming"))
    pcm, placed = mix.lay([result.take for result in conformed])
    return Speech(pcm, placed, [result.natural for result in conformed], [result.tempo for result in conformed], made)


def story_jobs(timed: Timed, engine: str | None) -> list[_Job]:
    """Every line to speak, in order; raise EngineError before any work when an engine lacks the language."""
    language = languages.get(timed.story.language)
    cast = distinct_guests(timed.cast)  # two guests on one profile must not sound like one person
    jobs = []
    for index, (segment, timing) in enumerate(zip(timed.story.segments, timed.timing.segments)):
        voice = cast.for_segment(segment)
        for position, (line, line_timing) in enumerate(zip(segment.lines, timing.lines)):
            slot, pause = _speech_and_pause(line, line_timing, voice, language)
            if position == len(segment.lines) - 1:
                pause += timing.pause
            jobs.append(_Job(index, segment.kind, line, voice, engine or voice.engine_name, slot, pause))
    for name in sorted({job.engine for job in jobs}):
        if timed.story.language not in engines.get(name).languages:
            able = [other for other in engines.names() if timed.story.language in engines.get(other).languages]
            raise UsageError(
                f"engine {name!r} cannot speak {timed.story.language!r}; engines that can: {', '.join(able) or 'none'}"
            )
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


@dataclass(frozen=True)
class _Conformed:
    take: mix.Take
    natural: int  # milliseconds of speech as the engine said it, silence trimmed
    tempo: float


def _conform(jobs: list[_Job], clips: list[Clip], enabled: bool, done: Callable[[], None]) -> list[_Conformed]:
    """Each clip trimmed and conformed to its slot; ffmpeg runs in parallel, one process a clip."""
    def one(pair: tuple[_Job, Clip]) -> _Conformed:
        job, clip = pair
        spoken = trim(clip)
        stretched, tempo = conform(spoken, job.slot, mix.MIX_RATE, enabled)
        take = mix.Take(clip=stretched, slot=job.slot if enabled else None, pause=job.pause)
        return _Conformed(take=take, natural=spoken.duration_ms, tempo=tempo)

    results = []
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
    try:
        for result in pool.map(one, zip(jobs, clips)):
            results.append(result)
            done()
    finally:  # on Ctrl-C the clips not started yet are dropped, not conformed first
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _bed(voice, bed: Clip, jobs: list[_Job], placed: list[mix.Placed]):
    """The bed under the lead, ducked under each of its lines."""
    lead = [where for job, where in zip(jobs, placed) if job.kind == "lead"]
    if not lead:
        return voice
    return mix.under(voice, bed, lead[0].start, lead[-1].end, [(where.start, where.speech_end) for where in lead])


def segment_cues(timed: Timed, jobs: list[_Job], layout: Layout, first: int = 0) -> tuple[SegmentCue, ...]:
    """The story's segments as laid; its lines are the layout's from index `first` on (a bulletin holds many
    stories). A line with no time left (cut off at the end of a bulletin item) is not shown."""
    segments = []
    for index, (segment, timing) in enumerate(zip(timed.story.segments, timed.timing.segments)):
        mine = [i for i, job in enumerate(jobs) if job.segment == index and _laid(layout, first + i)]
        if not mine:
            continue
        lines = tuple(LineCue(jobs[i].line.text, *layout.placed[first + i], tempo=layout.tempo[first + i]) for i in mine)
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


def _laid(layout: Layout, index: int) -> bool:
    start, _, end = layout.placed[index]
    return end > start


def _caption_paths(output: Path, chosen: dict[str, Path | None]) -> dict[str, Path]:
    """Where each caption and cue file goes: as `chosen` says, else beside the audio; None skips it."""
    stem = output.with_suffix("")
    paths = {name: chosen.get(name, Path(f"{stem}{suffix}")) for name, suffix in captions.SUFFIXES.items()}
    return {name: path for name, path in paths.items() if path is not None}
