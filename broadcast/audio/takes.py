"""A story's lines spoken, conformed and laid on the programme, a segment at a time.

The engine speaks a segment's lines on the calling thread while the segments before are conformed (two
conforming threads, each taking every segment spoken and not yet taken: one ffmpeg run for the lines of several
segments not yet conformed; conformed takes are cached like clips), and one worker thread brings each segment,
in order, to the programme's level and writes it to the sink: synthesis, conform and the encoder each keep a
core busy, and a story starts a few ffmpeg runs, not one a segment.
Each segment's speech is brought to one level from its own loudness (level.py), so voices do not jump in
level where they change.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from itertools import groupby
from typing import TYPE_CHECKING, Callable

from . import engines
from .clip_cache import ClipCache, clip_key, take_key
from .clip import Clip
from .conform import conform_all, fit, tempo_for
from .draft_cache import Layout
from .level import Level, Timeline, scale, segment_gain
from .mix import CUT_FADE_MS, SLACK_MS, Placed, as_segment
from .programme import RATE, Sink
from .silence import trim

if TYPE_CHECKING:
    from .speech import Job

_Take = tuple[Clip, Level, int, float]  # a conformed take, its Level, its speech's natural ms, the tempo used
_Wanted = tuple[Clip, float, str]  # a clip trimmed, the tempo it is conformed at, its take's key (_wanted)


@dataclass(frozen=True)
class Laid:
    """Where a line landed and what conform did to it."""

    placed: Placed  # ms from the start of the programme
    natural: int  # ms of speech as the engine said it
    tempo: float
    words: tuple[int, ...]  # each spoken word's onset, ms from the start of the programme
    gain: float  # dB the line's segment was brought up (or down) to the programme level
    full: int  # ms the line and its pause run uncut
    cut: int  # ms of its speech cut off at the end given to lay_story


def lay_story(
    jobs: list[Job], clips: ClipCache, conform_on: bool, sink: Sink, step: Callable[[str], None],
    end: int | None = None, spoken: Callable[[], None] | None = None,
) -> tuple[list[Laid], int]:
    """Speak and lay `jobs` on `sink` from its cursor; (each line as laid, clips synthesized now).

    With `end` (ms on the sink), nothing is written past it: a line still speaking there is cut with a short
    fade, the lines after it are laid nowhere (start = end). `spoken` is called once every line is spoken,
    while the last segments are still conformed and laid (a bulletin starts speaking its next story then).
    """
    made = 0
    takes = ClipCache(clips.folder / "takes")  # conformed takes, beside the clips
    futures: list[Future[list[Laid]]] = []
    conformer = _Conformer(takes, conform_on, step)
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="broadcast-lay")
    try:
        for _, group in groupby(jobs, key=lambda job: job.segment):
            segment = list(group)
            said = []
            for job in segment:
                clip, made_now = clips.get_or_make(engines.get(job.engine), job.line.spoken, job.voice)
                said.append(clip)
                made += made_now
                step("speaking")
            conformed = conformer.submit(segment, said)
            futures.append(worker.submit(_lay_segment, segment, conformed, conform_on, sink, end))
        conformer.spoken()
        if spoken is not None:
            spoken()
        laid = [line for future in futures for line in future.result()]
    except BaseException:
        conformer.close(cancel=True)
        worker.shutdown(wait=True, cancel_futures=True)
        raise
    worker.shutdown()
    conformer.close()
    return laid, made


class _Conformer:
    """Segments conformed on WORKERS threads as they are spoken, in two ffmpeg runs a story: the first segment
    alone, so the laying and the encode start at once, then every other segment in one run once all are spoken.
    Each ffmpeg run costs its start (some 15 ms of CPU and 2,000-3,000 page faults) and its threads' hand-offs,
    while the engine speaks a whole story in a few tenths of a second; a third run (the example used to take
    three to five) cost more CPU than the waiting it saved (benchmarks/audio_speed.py).
    A take does not depend on the run it was made in (conform._conform_group), so how the segments fall into
    runs changes nothing. A run's takes are read as ffmpeg makes them, and each segment goes to the laying (and
    the encoder) as soon as its own takes are in: the encode of the second segment overlaps the conform of the
    later ones instead of waiting for the whole run. A segment whose takes are all in the cache (a mix redone)
    waits for no run: it is taken from the cache at once, while the engine's clips of the next are still read."""

    WORKERS = 2
    BATCH = 1 << 30  # after the first run: segments a run before every segment is spoken (none: wait for all)

    def __init__(self, takes: ClipCache, conform_on: bool, step: Callable[[str], None]) -> None:
        self.takes, self.conform_on, self.step = takes, conform_on, step
        self._waiting: list[tuple[list[Job], list[_Wanted], Future[list[_Take]]]] = []
        self._kept: list[tuple[list[Job], list[_Wanted], Future[list[_Take]]]] = []  # their takes all cached
        self._changed = threading.Condition()
        self._closed = self._spoken = self._begun = False
        self._threads = [threading.Thread(target=self._work, name="broadcast-conform", daemon=True)
                         for _ in range(self.WORKERS)]
        for thread in self._threads:
            thread.start()

    def submit(self, jobs: list[Job], spoken: list[Clip]) -> Future[list[_Take]]:
        """The segment's takes, once conformed (or taken from the cache)."""
        conformed: Future[list[_Take]] = Future()
        # Each clip trimmed and its take's key worked out once: here, and handed to the run (_takes).
        wanted = [_wanted(job, clip, self.conform_on) for job, clip in zip(jobs, spoken)]
        kept = all(self.takes.path(key).exists() for _, _, key in wanted)
        with self._changed:
            (self._kept if kept else self._waiting).append((jobs, wanted, conformed))
            self._changed.notify()
        return conformed

    def spoken(self) -> None:
        """Every segment is submitted: what waits is conformed now, however little."""
        with self._changed:
            self._spoken = True
            self._changed.notify_all()

    def close(self, cancel: bool = False) -> None:
        """Wait for the runs under way; with `cancel`, the segments not yet taken are not conformed."""
        with self._changed:
            self._closed = True
            if cancel:
                for _, _, conformed in self._waiting + self._kept:
                    conformed.cancel()
                self._waiting.clear()
                self._kept.clear()
            self._changed.notify_all()
        for thread in self._threads:
            thread.join()

    def _work(self) -> None:
        while True:
            with self._changed:
                while not self._closed and not self._kept and (
                    not self._waiting or (self._begun and not self._spoken and len(self._waiting) < self.BATCH)
                ):
                    self._changed.wait()
                if self._kept:  # from the cache: no ffmpeg run, so no reason to wait for others
                    batch, self._kept = self._kept, []
                elif not self._waiting:
                    return
                else:
                    batch, self._waiting, self._begun = self._waiting, [], True
            batch = [entry for entry in batch if entry[2].set_running_or_notify_cancel()]
            self._run(batch)

    def _run(self, batch: list[tuple[list[Job], list[_Wanted], Future[list[_Take]]]]) -> None:
        """The batch's takes made; each segment's future is resolved as soon as its takes are (they come in
        order), so the laying and the encode of a segment go on while ffmpeg still conforms the ones after it."""
        sizes = [len(jobs) for jobs, _, _ in batch]
        made: list[_Take] = []
        done = 0  # segments of the batch resolved

        def ready(take: _Take | None = None) -> None:
            nonlocal done
            if take is not None:
                made.append(take)
            while done < len(batch) and len(made) >= sum(sizes[: done + 1]):
                at = sum(sizes[:done])
                batch[done][2].set_result(made[at : at + sizes[done]])
                done += 1

        try:
            ready()  # segments of no lines at the start
            wanted = [each for _, of_segment, _ in batch for each in of_segment]
            _takes([job for jobs, _, _ in batch for job in jobs], [clip for clip, _, _ in wanted],
                   self.takes, self.conform_on, self.step, ready, wanted)
        except BaseException as error:  # noqa: BLE001 -- handed to the laying thread through each future
            for _, _, conformed in batch[done:]:
                conformed.set_exception(error)


def layout_of(laid: list[Laid], duration: int, offset: int = 0) -> Layout:
    """Where a story's lines landed (moved by `offset`, a sting before them) and what conform did."""
    return Layout(
        placed=[(offset + line.placed.start, offset + line.placed.speech_end, offset + line.placed.end) for line in laid],
        natural=[line.natural for line in laid],
        tempo=[line.tempo for line in laid],
        duration=duration,
        words=[[offset + onset for onset in line.words] for line in laid],
    )


def _lay_segment(jobs: list[Job], conformed: Future[list[_Take]], conform_on: bool, sink: Sink, end: int | None) -> list[Laid]:
    takes = conformed.result()
    slots = [job.slot if conform_on else None for job in jobs]
    lengths = [_length(take, slot, tempo == 1.0) for (take, _, _, tempo), slot in zip(takes, slots)]
    rooms = [_room(length, slot, job.pause) for length, slot, job in zip(lengths, slots, jobs)]
    # The segment's own loudness, laid as it will be, gives the gain that brings it to the programme level.
    alone, at = Timeline(), 0
    for (_, level, _, _), whole in zip(takes, rooms):
        alone.add(at, level)
        at += whole
    # The gain, held so the true peak (4x oversampled) stays under the ceiling, and the programme's true peak.
    gain, peak = segment_gain(alone.loudness(alone=True), [(take.samples, level.peak) for take, level, _, _ in takes],
                              sink.target, sink.ceiling, sink.timeline.peak)
    sink.timeline.peak = max(sink.timeline.peak, peak)
    laid: list[Laid] = []
    for (take, level, natural, tempo), length, whole in zip(takes, lengths, rooms):
        start = sink.cursor
        speech = min(take.duration_ms, length)
        room = whole if end is None else max(min(whole, end - start), 0)
        if room < length:
            pcm = _cut(scale(fit(take, length).samples, gain), room)
            sink.write(pcm[: 2 * RATE // 1000 * room], level.gained(gain) if room else None)
        else:
            # The take's samples brought to level, then the silence that fills its length (not scaled, not copied).
            size = 2 * RATE // 1000 * length
            voiced = scale(take.samples[:size], gain)
            sink.write(voiced, level.gained(gain))
            if size > len(voiced):
                sink.write(bytes(size - len(voiced)))
        sink.silence(room - min(room, length))
        if len(laid) < len(takes) - 1:
            sink.seam()  # a line's end inside the segment: a piece may end in its pause (the segment's end: below)
        placed = Placed(start, start + min(speech, room), start + room)
        words = tuple(start + onset for onset in take.words)
        laid.append(Laid(placed, natural, tempo, words, gain, whole, max(speech - room, 0)))
    sink.boundary()  # the segment's end: an encoder in pieces may end one here, a few ms into the pause
    if laid and laid[-1].placed.end != sink.cursor:
        last = laid[-1]
        laid[-1] = replace(last, placed=replace(last.placed, end=max(sink.cursor, last.placed.speech_end)))
    return laid


def _takes(
    jobs: list[Job], spoken: list[Clip], cache: ClipCache, conform_on: bool, step: Callable[[str], None],
    ready: Callable[[_Take], None] | None = None, worked_out: list[_Wanted] | None = None,
) -> list[_Take]:
    """Each clip trimmed and conformed to its slot at RATE, with its Level, natural length and tempo: from the
    cache where it holds the take, the rest in one ffmpeg run. With `ready`, each take is also handed to it, in
    order, as soon as it and every take before it are made. `worked_out`: each clip's _wanted when the caller
    has it already (_Conformer.submit: a clip is trimmed and its take's key worked out once), `spoken` then unused."""
    if worked_out is None:
        worked_out = [_wanted(job, clip, conform_on) for job, clip in zip(jobs, spoken)]
    wanted = [(clip, tempo, key, cache.get(key)) for clip, tempo, key in worked_out]
    missing = [index for index, (_, _, _, found) in enumerate(wanted) if found is None]
    made: dict[int, tuple[Clip, Level]] = {}
    takes: list[_Take] = []

    def advance() -> None:
        """The takes made, in order, up to the first one still being conformed."""
        while len(takes) < len(wanted):
            index = len(takes)
            trimmed, tempo, key, found = wanted[index]
            if found is not None:
                take, meta = found
                level = Level(tuple(meta["energy"]), float(meta["peak"]))
            elif index in made:
                take, level = made.pop(index)
                cache.put(key, take, {"energy": list(level.energy), "peak": level.peak})
            else:
                return
            takes.append((take, level, trimmed.duration_ms, tempo))
            step("conforming")
            if ready is not None:
                ready(takes[-1])

    def conformed(at: int, take: tuple[Clip, Level]) -> None:
        made[missing[at]] = take
        advance()

    advance()
    if missing:
        conform_all([(wanted[i][0], wanted[i][1]) for i in missing], RATE, conformed)
    advance()
    return takes


def _wanted(job: Job, clip: Clip, conform_on: bool) -> tuple[Clip, float, str]:
    """The clip trimmed, the tempo it is conformed at and the key of its take in the cache."""
    trimmed = trim(clip)
    tempo = _tempo(trimmed.duration_ms, job) if conform_on else 1.0
    return trimmed, tempo, take_key(clip_key(engines.get(job.engine), job.line.spoken, job.voice), tempo, RATE)


# A line whose speech, as the engine said it, misses its slot by no more than the pause after it can give or take
# is not stretched: its words keep the engine's own pace, and the pause after them takes up the difference, so the
# next line starts where the script puts it. The pause may grow by up to all of itself (a line said short) and
# give up to half of itself (a line said long). Stretching (atempo) was half the conform's work and every take
# needed it; in the bundled example half the lines, and half its speech, now go unstretched.
PAUSE_GIVES, PAUSE_TAKES = 0.5, 1.0


def _tempo(natural: int, job: Job) -> float:
    """The tempo a line is conformed at: 1.0 when the pause after it takes up what it misses its slot by."""
    if job.slot - PAUSE_TAKES * job.pause <= natural <= job.slot + PAUSE_GIVES * job.pause:
        return 1.0
    return tempo_for(natural, job.slot)


def _length(take: Clip, slot: int | None, natural: bool = False) -> int:
    """The take fills its slot (speech, then silence) unless its speech runs longer: then it keeps every word.
    A `natural` take (not stretched) is never cut: it runs past its slot into its pause (_room)."""
    speech = take.duration_ms
    if slot is None or speech > slot + (0 if natural else SLACK_MS):
        return speech
    return slot


def _room(length: int, slot: int | None, pause: int) -> int:
    """The line's length and the pause after it: a line that runs past its slot by no more than PAUSE_GIVES of its
    pause takes that time from the pause (the next line starts where the script puts it); further, it runs long."""
    if slot is not None and 0 < length - slot <= PAUSE_GIVES * pause:
        return slot + pause
    return length + pause


def _cut(pcm: bytes, ms: int) -> bytes:
    """`pcm` cut at `ms` with a short fade-out, so it stops without a click."""
    cut = pcm[: 2 * RATE // 1000 * ms]
    return as_segment(cut, RATE).fade_out(min(CUT_FADE_MS, ms // 2)).raw_data if cut else b""
