"""The audio draft of a whole bulletin: its items in running order on one timeline, brought to loudness once.

Each story is spoken and laid as a single story's draft lays it (audio.speech.speak); a break or sting is its
own sound file or silence. With conform on, every item is fit to its duration in the rundown (padded
with silence, or cut with a short fade), so each item starts in the audio at its cume time to the
millisecond and the file runs exactly as long as the bulletin's timing.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..audio import mix
from ..audio.clip import Clip
from ..audio.clip_cache import ClipCache
from ..audio.cues import CueSheet, ItemCue
from ..audio.draft_cache import Layout, file_digest, recipe_key
from ..audio.master import Draft, Options, Recipe, check_outputs, encoding_for, master, settings
from ..audio.pcm import decode
from ..audio.speech import Job, Progress, Steps, line_keys, segment_cues, speak, story_jobs
from ..errors import UsageError
from .bulletin import Bulletin
from .model import Item


def bulletin_draft(bulletin: Bulletin, output: str | Path, options: Options = Options(), progress: Progress | None = None) -> Draft:
    """Render the bulletin's audio draft to `output` (.mp3 or .wav) with its captions and cues beside it.

    Each story speaks with its own cast's voices (a Kazakh story in Kazakh voices, a Russian one in
    Russian); `options.bed`, `sting` and `outro` are a single story's and play no part here.
    """
    output = Path(output)
    check_outputs(output, options)
    items = bulletin.items
    jobs = [_jobs(item, options) for item in items]
    clips = ClipCache(options.cache)
    languages = [item.timed.story.language for item in items if item.timed]
    language = languages[0] if languages else ""
    channel = bulletin.house.channel_name(language)
    encoding = encoding_for(output, bulletin.rundown.title, channel)
    key = recipe_key(
        ["bulletin", [(item.kind, item.duration, line_keys(lines), file_digest(item.entry.audio)) for item, lines in zip(items, jobs)],
         settings(options, encoding)]
    )

    def mixdown(mixed: Path, step: Steps) -> tuple[Layout, int]:
        chunks: list[bytes] = []
        layout = Layout(placed=[], natural=[], tempo=[], duration=0)
        made = cursor = 0
        for item, lines in zip(items, jobs):
            words_cut = 0
            if item.timed is not None:
                speech = speak(lines, clips, options.conform, step)
                sound, length = Clip(speech.pcm, mix.MIX_RATE), item.duration if options.conform else speech.duration
                words_cut = max((p.speech_end - length for p in speech.placed), default=0)
                # A story that overruns its slot is cut at its end: no line is placed past it.
                layout.placed.extend(
                    (cursor + min(p.start, length), cursor + min(p.speech_end, length), cursor + min(p.end, length)) for p in speech.placed
                )
                layout.natural.extend(speech.natural)
                layout.tempo.extend(speech.tempo)
                made += speech.made
            else:
                sound, length = _sound(item), item.duration
            chunks.append(mix.to_length(sound, length).samples)
            layout.items.append((cursor, cursor + length, sound.duration_ms, max(words_cut, 0)))
            cursor += length
        mix.as_segment(b"".join(chunks)).export(mixed, format="wav")
        return replace(layout, duration=cursor), made

    def sheet(layout: Layout) -> CueSheet:
        cues, first = [], 0
        for item, lines, (start, end, spoken, words_cut) in zip(items, jobs, layout.items):
            segments = segment_cues(item.timed, lines, layout, first) if item.timed else ()
            first += len(lines)
            spoken_in = item.timed.story.language if item.timed else ""
            cues.append(ItemCue(item.slug, item.page, item.kind, spoken_in, start, end, item.duration, spoken, words_cut, segments))
        return CueSheet(
            title=bulletin.rundown.title,
            language=language,
            channel=channel,
            audio=output.name,
            duration=layout.duration,
            segments=tuple(segment for cue in cues for segment in cue.segments),
            loudness=layout.loudness,
            target=options.loudness,
            items=tuple(cues),
        )

    return master(output, options, encoding, key, Recipe(sum(map(len, jobs)), mixdown, sheet), clips.folder, progress)


def _jobs(item: Item, options: Options) -> list[Job]:
    """A story's lines to speak (none for a break or sting); an engine that cannot speak it names the item."""
    if item.timed is None:
        return []
    try:
        return story_jobs(item.timed, options.engine)
    except UsageError as error:
        raise UsageError(f"{item.entry.name}: {error}") from None


def _sound(item: Item) -> Clip:
    """A break's or sting's own sound file, else nothing (it is padded to silence of its duration)."""
    return decode(item.entry.audio, mix.MIX_RATE) if item.entry.audio else mix.silence(0)
