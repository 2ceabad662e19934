"""The audio draft of one story: its lines spoken in its cast's voices, framed by the house's sting, bed and
outro, and mastered (audio.master) with its captions, cue sheet and label track.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..house import House
from . import mix
from .clip import Clip
from .clip_cache import ClipCache
from .cues import CueSheet
from .draft_cache import Layout, file_digest, recipe_key
from .master import Draft, Options, Recipe, check_outputs, encoding_for, master, settings
from .pcm import decode
from .programme import MemorySink, Sink
from .speech import Job, Progress, Steps, line_keys, segment_cues, story_jobs
from .takes import lay_story, layout_of

if TYPE_CHECKING:
    from ..pipeline import Timed


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
            return layout_of(laid, sink.cursor), made
        # A bed, a sting or an outro: the speech is mixed under them in memory, and the whole metered after.
        speech = MemorySink(sink.target, sink.ceiling)
        laid, made = lay_story(jobs, clips, options.conform, speech, step)
        voice = mix.as_segment(bytes(speech.pcm))
        if sounds.bed:
            voice = _bed(voice, decode(sounds.bed, mix.MIX_RATE), jobs, [line.placed for line in laid])
        sting = decode(sounds.sting, mix.MIX_RATE) if sounds.sting else None
        outro = decode(sounds.outro, mix.MIX_RATE) if sounds.outro else None
        story_audio, offset = mix.with_ends(voice, sting, outro, sounds.after_sting, sounds.before_outro)
        sink.write(story_audio.raw_data)
        return layout_of(laid, len(story_audio), offset), made

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

    return master(output, options, encoding, key, Recipe(len(jobs), mixdown, sheet, metered), clips.folder, progress)


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


def _bed(voice, bed: Clip, jobs: list[Job], placed: list[mix.Placed]):
    """The bed under the lead, ducked under each of its lines."""
    lead = [where for job, where in zip(jobs, placed) if job.kind == "lead"]
    if not lead:
        return voice
    return mix.under(voice, bed, lead[0].start, lead[-1].end, [(where.start, where.speech_end) for where in lead])


