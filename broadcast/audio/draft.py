"""The audio draft: a timed story spoken line by line, conformed to the script's timing, mixed, brought to
broadcast loudness, and written with its captions, cue sheet and label track.

Each line's speech fills the share of the line's time that timing.py gives its syllables; the sentence
pauses follow it, and the segment's pause follows its last line, so segment boundaries in the audio
land where the script puts them.
"""
from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .. import languages
from ..errors import EngineError, InputError, UsageError
from ..house import House
from ..model import Line, LineTiming
from ..output import atomic_path, writable_folder
from ..voices import VoiceProfile
from . import captions, engines, mix
from .cache import ClipCache, clip_key
from .clip import Clip
from .cues import CueSheet, LineCue, SegmentCue
from .draft_cache import DraftCache, Layout, file_digest, recipe_key
from .loudness import EBU_R128, TRUE_PEAK_CEILING, Encoding, Loudness, normalise
from .pcm import decode
from .programme import Encoder, MemorySink, Sink, WavSink
from .takes import Laid, lay_story
from .voice_choice import distinct_guests

if TYPE_CHECKING:
    from ..api import Timed

FORMATS = ("mp3", "wav")
# The computed peak is the largest sample; the peaks between samples and the encode add up to about this.
TRUE_PEAK_ALLOWANCE = 0.5
# Speech brought to a target up to this loud peaks under -1 dBTP without a limiter (espeak speech peaks about
# 19 dB over its loudness): the level is computed and the mix streamed. Louder targets are metered and limited.
STREAMED_UP_TO = -20.0

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

    metered = bool(sounds.bed or sounds.sting or sounds.outro)

    def mixdown(sink: Sink, step: Steps) -> tuple[Layout, int]:
        if not metered:
            laid, made = lay_story(jobs, clips, options.conform, sink, step)
            return _layout(laid, sink.cursor), made
        # A bed, a sting or an outro: the speech is mixed over in memory and the whole metered after.
        speech = MemorySink(sink.target, sink.ceiling)
        laid, made = lay_story(jobs, clips, options.conform, speech, step)
        voice = mix.as_segment(bytes(speech.pcm))
        if sounds.bed:
            voice = _bed(voice, decode(sounds.bed, mix.MIX_RATE), jobs, [line.placed for line in laid])
        sting = decode(sounds.sting, mix.MIX_RATE) if sounds.sting else None
        outro = decode(sounds.outro, mix.MIX_RATE) if sounds.outro else None
        story_audio, offset = mix.with_ends(voice, sting, outro, sounds.after_sting, sounds.before_outro)
        sink.write(story_audio.raw_data)
        return _layout(laid, len(story_audio), offset), made

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

    return render(output, options, encoding, key, Render(len(jobs), mixdown, sheet, metered), clips.folder, progress)


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
    mixdown: Callable[[Sink, Steps], tuple[Layout, int]]  # writes the mix to the sink: (layout, clips made)
    sheet: Callable[[Layout], CueSheet]
    metered: bool = False  # the mix holds sounds whose loudness is not computed (a bed, a sting): meter it after


def check_outputs(output: Path, options: Options) -> dict[str, Path]:
    """The caption and cue paths; UsageError or InputError, before any work, when `output` cannot be written."""
    if output.suffix.lower().lstrip(".") not in FORMATS:
        raise UsageError(f"{output}: the audio draft is written as .mp3 or .wav")
    destinations = _caption_paths(output, options.outputs)
    for path in (output, *destinations.values()):
        writable_folder(path)
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
    with contextlib.ExitStack() as renames, tempfile.TemporaryDirectory(prefix="broadcast-mix-") as scratch:
        if kept:
            audio_temp = renames.enter_context(atomic_path(output))
            shutil.copyfile(kept[0], audio_temp)
            layout = kept[1]
        elif recipe.metered or options.loudness > STREAMED_UP_TO:
            # Sounds whose loudness is not computed (a bed, a sting), or a target loud enough that speech needs
            # a limiter: the mix is written whole, levels matched at R 128, then metered and normalised.
            mixed = Path(scratch) / "mix.wav"
            sink = WavSink(mixed, min(options.loudness, EBU_R128), options.ceiling)
            try:
                layout, made = recipe.mixdown(sink, steps)
            finally:
                sink.close()
            steps("loudness")
            audio_temp = renames.enter_context(atomic_path(output))
            layout = replace(layout, loudness=normalise(mixed, audio_temp, encoding, options.loudness, options.ceiling))
            drafts.put(key, audio_temp, layout)
        else:
            # Speech (and sound files) brought to the programme level as laid and streamed into one encode; the
            # codec's known loss is made up by aiming that much higher. It is encoded beside the scratch mix and
            # moved to the output's temporary name only when whole.
            encoded = Path(scratch) / f"draft.{encoding.format}"
            with Encoder(encoded, encoding, options.loudness + encoding.loudness_loss, options.ceiling) as encoder:
                layout, made = recipe.mixdown(encoder, steps)
            steps("loudness")
            timeline = encoder.timeline
            loudness = Loudness(
                integrated=round(timeline.loudness() - encoding.loudness_loss, 1),
                true_peak=round(timeline.peak + TRUE_PEAK_ALLOWANCE, 1),
                range=timeline.range(),
            )
            layout = replace(layout, loudness=loudness)
            audio_temp = renames.enter_context(atomic_path(output))
            shutil.move(encoded, audio_temp)
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
        return given or (house.folder / settings[name] if settings.get(name) else None)

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


def _layout(laid: list[Laid], duration: int, offset: int = 0) -> Layout:
    """Where the story's lines landed (moved by `offset`, the sting before them) and what conform did."""
    return Layout(
        placed=[(offset + line.placed.start, offset + line.placed.speech_end, offset + line.placed.end) for line in laid],
        natural=[line.natural for line in laid],
        tempo=[line.tempo for line in laid],
        duration=duration,
        words=[[offset + onset for onset in line.words] for line in laid],
    )


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
        lines = tuple(
            LineCue(
                jobs[i].line.prompt, *layout.placed[first + i], tempo=layout.tempo[first + i],
                words=tuple(layout.words[first + i]) if first + i < len(layout.words) else (),
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


def _laid(layout: Layout, index: int) -> bool:
    start, _, end = layout.placed[index]
    return end > start


def _caption_paths(output: Path, chosen: dict[str, Path | None]) -> dict[str, Path]:
    """Where each caption and cue file goes: as `chosen` says, else beside the audio; None skips it."""
    stem = output.with_suffix("")
    paths = {name: chosen.get(name, Path(f"{stem}{suffix}")) for name, suffix in captions.SUFFIXES.items()}
    return {name: path for name, path in paths.items() if path is not None}
