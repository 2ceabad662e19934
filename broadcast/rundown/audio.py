"""The audio draft of a whole bulletin: its items in running order on one timeline, brought to loudness once.

Each story is spoken and laid as a single story's draft lays it (audio.takes.lay_story), streamed into the
encoder as it is laid; a break or sting is its own sound file (brought to the programme level) or silence.
With conform on, every item is fit to its duration in the rundown (padded with silence, or cut with a short
fade), so each item starts in the audio at its cume time to the millisecond and the file runs exactly as long
as the bulletin's timing.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from functools import partial
from pathlib import Path

from ..audio import engines, mix
from ..audio.clip_cache import ClipCache
from ..audio.conform import conform_all
from ..audio.cues import CueSheet, ItemCue
from ..audio.draft_cache import Layout, file_digest, recipe_key
from ..audio.level import Timeline, matching_gain, scale, true_peak
from ..audio.master import Draft, Options, Recipe, check_outputs, encoding_for, master, settings
from ..audio.pcm import decode
from ..audio.programme import Sink
from ..audio.speech import Job, Progress, Steps, line_keys, segment_cues, story_jobs
from ..audio.takes import lay_story
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

    def mixdown(sink: Sink, step: Steps) -> tuple[Layout, int]:
        layout = Layout(placed=[], natural=[], tempo=[], duration=0)
        made = 0
        ahead = _Ahead(clips)
        try:
            made = _mix_items(sink, step, layout, ahead)
        finally:
            ahead.stop()
        return replace(layout, duration=sink.cursor), made + ahead.made

    def _mix_items(sink: Sink, step: Steps, layout: Layout, ahead: _Ahead) -> int:
        made = 0
        stories = [index for index, item in enumerate(items) if item.timed is not None]
        following = {story: jobs[after] for story, after in zip(stories, stories[1:])}
        for index, (item, lines) in enumerate(zip(items, jobs)):
            start, words_cut = sink.cursor, 0
            if item.timed is not None:
                end = start + item.duration if options.conform else None
                ahead.wait()  # this story's clips, spoken ahead while the one before was laid
                laid, made_now = lay_story(lines, clips, options.conform, sink, step, end,
                                           spoken=partial(ahead.speak, following.get(index, [])))
                words_cut = max((line.cut for line in laid), default=0)
                layout.placed.extend((line.placed.start, line.placed.speech_end, line.placed.end) for line in laid)
                layout.natural.extend(line.natural for line in laid)
                layout.tempo.extend(line.tempo for line in laid)
                layout.words.extend([onset for onset in line.words if end is None or onset < end] for line in laid)
                made += made_now
                spoken = sum(line.full for line in laid)
            else:
                spoken = _lay_sound(item, sink)
            length = item.duration if (item.timed is None or options.conform) else sink.cursor - start
            sink.silence(start + length - sink.cursor)
            sink.boundary()  # the item's end: within a few ms, where an encoder in pieces may cut
            layout.items.append((start, sink.cursor, spoken, max(words_cut, 0)))
        return made

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


class _Ahead:
    """The next story's clips spoken on a thread while this story's last segments are conformed, laid and
    encoded, so espeak keeps a core busy between stories; what it made is counted here (the story finds them
    cached). Stopped (after the clip it is on) when the render ends or is interrupted."""

    def __init__(self, clips: ClipCache) -> None:
        self.clips, self.made = clips, 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def speak(self, jobs: list[Job]) -> None:
        self.wait()
        if jobs:
            self._thread = threading.Thread(target=self._speak, args=(jobs,), name="broadcast-ahead", daemon=True)
            self._thread.start()

    def _speak(self, jobs: list[Job]) -> None:
        for job in jobs:
            if self._stop.is_set():
                return
            try:
                _, made = self.clips.get_or_make(engines.get(job.engine), job.line.spoken, job.voice)
            except Exception:  # noqa: BLE001 -- the story's own turn speaks it again and reports what fails
                return
            self.made += made

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def stop(self) -> None:
        self._stop.set()
        self.wait()


def _jobs(item: Item, options: Options) -> list[Job]:
    """A story's lines to speak (none for a break or sting); an engine that cannot speak it names the item."""
    if item.timed is None:
        return []
    try:
        return story_jobs(item.timed, options.engine)
    except UsageError as error:
        raise UsageError(f"{item.entry.name}: {error}") from None


def _lay_sound(item: Item, sink: Sink) -> int:
    """A break's or sting's own sound file laid at the programme level, fit to the item's duration; its own length
    (ms). Without a file the item is silence."""
    if not item.entry.audio:
        return 0
    sound = decode(item.entry.audio, mix.MIX_RATE)
    fitted, level = conform_all([(mix.to_length(sound, item.duration), 1.0)], mix.MIX_RATE)[0]
    timeline = Timeline()
    timeline.add(0, level)
    peak = true_peak(fitted.samples)  # 4x oversampled, as a meter reads it
    gain = matching_gain(timeline.loudness(alone=True), peak, sink.target, sink.ceiling)
    sink.timeline.peak = max(sink.timeline.peak, peak + gain)
    sink.write(scale(fitted.samples, gain), level.gained(gain))
    return sound.duration_ms

