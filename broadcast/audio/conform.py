"""Conform: stretch a spoken clip to the length the script gives it, at the mix's sample rate.

ffmpeg's `atempo` changes tempo and keeps pitch; within 0.8-1.25x it stays clean on speech, so the
factor is held to that range and a clip that needs more simply runs long (the report shows it).
"""
from __future__ import annotations

import math
import os
import queue
import threading
from itertools import accumulate
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from ..scratch import run_folder
from .clip import Clip
from .level import Level, k_weighting, measure
from .pcm import raw, run, streamed, wider

SLOWEST, FASTEST = 0.8, 1.25


def tempo_for(spoken_ms: int, target_ms: int) -> float:
    """The atempo factor that makes `spoken_ms` of speech last `target_ms`, held to [SLOWEST, FASTEST]."""
    if spoken_ms <= 0 or target_ms <= 0:
        return 1.0
    return min(FASTEST, max(SLOWEST, spoken_ms / target_ms))


def stretch(clip: Clip, rate: int, tempo: float = 1.0) -> Clip:
    """The clip `tempo` times faster (pitch kept) and resampled to `rate`, in one ffmpeg run."""
    filters = []
    if abs(tempo - 1.0) > 1e-4:
        filters.append(f"atempo={tempo:.6f}")
    if clip.rate != rate:
        filters.append(f"aresample={rate}:resampler=soxr")
    if not clip.samples:
        return Clip(b"", rate)
    if not filters:
        return clip
    arguments = ["-loglevel", "error", *raw(clip.rate), "-i", "pipe:0", "-af", ",".join(filters), *raw(rate), "pipe:1"]
    seconds = clip.frames / clip.rate
    result = run(arguments, stdin=clip.samples, what="conform a clip", timeout=WATCHDOG + WATCHDOG_PER_SECOND * seconds)
    return Clip(result.stdout, rate)


def conform(clip: Clip, target_ms: int, rate: int, enabled: bool = True) -> tuple[Clip, float]:
    """(clip at `rate`, tempo used): stretched toward `target_ms` when `enabled`, else only resampled."""
    tempo = tempo_for(clip.duration_ms, target_ms) if enabled else 1.0
    return stretch(clip, rate, tempo), tempo


def fit(clip: Clip, ms: int) -> Clip:
    """The clip padded with silence, or trimmed, to exactly `ms` milliseconds."""
    size = clip.rate * ms // 1000 * 2
    return Clip(clip.samples[:size].ljust(size, b"\0"), clip.rate)


def conformed_length(frames: int, rate: int, tempo: float, to_rate: int) -> int:
    """Frames a clip of `frames` at `rate` has after `tempo` and resampling to `to_rate` (what atempo gives)."""
    return round(frames / tempo * to_rate / rate)


# The watchdog on a conform run (pcm.run): it is killed after this many seconds plus WATCHDOG_PER_SECOND a
# second of audio it conforms. A run takes some 2 ms of CPU a second of audio (0.3 s for the example's 175 s), so
# only a run that hangs meets it, however loaded the machine.
WATCHDOG = 30.0
WATCHDOG_PER_SECOND = 0.25

# A run's filter graph is one argument of some 300 characters a clip, and Linux takes at most 128 KiB in one
# argument: a segment of 1,800 lines was "Argument list too long", a traceback. Longer segments take more runs.
MOST_CLIPS_A_RUN = 200

Ready = Callable[[int, tuple[Clip, Level]], None]  # a take (its index among the clips) as soon as it is made


def conform_all(clips: list[tuple[Clip, float]], rate: int, ready: Ready | None = None) -> list[tuple[Clip, Level]]:
    """Every (clip, tempo) stretched and brought to `rate` in one ffmpeg run a source rate, with each take's
    Level (its K-weighted energy, for the loudness computed in level.py) from the same run.

    The clips go in one after another; each is cut out, stretched, resampled and padded or cut to the length
    its tempo gives, so the takes come back joined with known lengths and are split again here. With `ready`,
    each take is also handed to it (with its index in `clips`) as soon as it is made, in no promised order.
    """
    results: list[tuple[Clip, Level] | None] = [None] * len(clips)
    by_rate: dict[int, list[int]] = {}
    for index, (clip, _) in enumerate(clips):
        if clip.samples:
            by_rate.setdefault(clip.rate, []).append(index)
        else:
            empty = (Clip(b"", rate, clip.words), Level((), -math.inf))
            results[index] = empty
            if ready is not None:
                ready(index, empty)
    for source_rate, indices in by_rate.items():
        for first in range(0, len(indices), MOST_CLIPS_A_RUN):
            group = indices[first : first + MOST_CLIPS_A_RUN]
            handed = None if ready is None else (lambda at, take, group=group: ready(group[at], take))
            for index, result in zip(group, _conform_group([clips[i] for i in group], source_rate, rate, handed)):
                results[index] = result
    return [result for result in results if result is not None]


def _conform_group(
    clips: list[tuple[Clip, float]], source: int, rate: int, ready: Ready | None = None
) -> list[tuple[Clip, Level]]:
    lengths = [conformed_length(clip.frames, source, tempo, rate) for clip, tempo in clips]
    # The K-weighted copy is taken before the resampling, at the engine's rate (half 48 kHz's samples to filter,
    # write and read back for espeak's 22.05 kHz): loudness does not depend on the rate it is measured at.
    weighed = [conformed_length(clip.frames, source, tempo, source) for clip, tempo in clips]
    # The clips come in one after another and are cut apart where each ends (each frame goes to one clip's
    # chain only, however many clips share the run).
    ends = list(accumulate(clip.frames for clip, _ in clips))[:-1]
    cut = f"asegment=samples={'|'.join(map(str, ends))}" if ends else "anull"
    graph = [f"[0:a]{cut}" + "".join(f"[s{i}]" for i in range(len(clips)))]
    for i, (_, tempo) in enumerate(clips):
        # No asetpts to start each clip's timestamps at 0: the pads and trims count samples, atempo and the
        # resampler carry the clip's own timestamps, and the takes and weights come out the same byte for byte
        # (25 filters fewer for the example, 2.6% of the run's instructions).
        chain = [f"atempo={tempo:.6f}"] if abs(tempo - 1.0) > 1e-4 else []
        to_rate = [f"aresample={rate}"] if source != rate else []  # ffmpeg's own resampler: a third of soxr's time
        graph.append(f"[s{i}]" + ",".join([*chain, "asplit=2"]) + f"[t{i}][u{i}]")
        graph.append(f"[t{i}]" + ",".join([*to_rate, f"apad=whole_len={lengths[i]}", f"atrim=end_sample={lengths[i]}"]) + f"[c{i}]")
        # Each take K-weighted alone (filters starting from rest), so its Level is the same whichever clips
        # share its ffmpeg run.
        graph.append(f"[u{i}]apad=whole_len={weighed[i]},atrim=end_sample={weighed[i]},{k_weighting(source)}[k{i}]")
    # Each output leaves in frames of a second (never padded): ffmpeg hands every frame from thread to thread (filter,
    # encoder, muxer), so a few large frames cost less than the filters' small ones (about 15% of the run's CPU).
    graph.append("".join(f"[c{i}]" for i in range(len(clips))) + f"concat=n={len(clips)}:v=0:a=1,asetnsamples=n={rate}:p=0[out]")
    graph.append("".join(f"[k{i}]" for i in range(len(clips)))
                 + f"concat=n={len(clips)}:v=0:a=1,aformat=sample_fmts=s32,asetnsamples=n={source}:p=0[weighted]")
    # The clips in through a file in this run's scratch folder under TMPDIR (a run killed outright leaves it to
    # the next run's sweep); the takes (stdout) and their K-weighted copy (a second pipe, read on its own thread,
    # or ffmpeg would block on whichever output is not read) come out as ffmpeg makes them, and each take is
    # handed to `ready` as soon as its samples are in: the laying and the encode of the first segments go on
    # while ffmpeg still conforms the later ones.
    seconds = sum(clip.frames for clip, _ in clips) / source
    takes: list[tuple[Clip, Level]] = []
    with run_folder(Path(tempfile.gettempdir())) as scratch:
        handle, made = tempfile.mkstemp(prefix="conform-clips-", suffix=".raw", dir=scratch)
        os.close(handle)
        clips_path = Path(made)
        try:
            with open(clips_path, "wb") as file:
                file.writelines(clip.samples for clip, _ in clips)
            reading, writing = os.pipe()
            wider(writing)
            try:
                arguments = [
                    "-loglevel", "error", *raw(source), "-i", str(clips_path), "-filter_complex", ";".join(graph),
                    "-map", "[out]", *raw(rate), "pipe:1", "-map", "[weighted]", "-f", "s32le", "-ar", str(source),
                    "-ac", "1", f"pipe:{writing}",
                ]
                with streamed(arguments, "conform the clips", WATCHDOG + WATCHDOG_PER_SECOND * seconds, writing) as out:
                    os.close(writing)
                    writing = -1
                    # Both pipes are drained on their own threads, whatever the laying does with the takes, so
                    # ffmpeg never waits on one output while the other is read.
                    pcms: queue.SimpleQueue[bytes] = queue.SimpleQueue()
                    weights: queue.SimpleQueue[bytes] = queue.SimpleQueue()
                    with open(reading, "rb", buffering=0) as weighted:
                        reading = -1
                        readers = [
                            threading.Thread(target=_read_each, args=(pipe, sizes, into), name="broadcast-conformed", daemon=True)
                            for pipe, sizes, into in ((out, [2 * n for n in lengths], pcms),
                                                      (weighted, [4 * n for n in weighed], weights))
                        ]
                        for reader in readers:
                            reader.start()
                        handed = 0  # takes handed to `ready`: none after one ffmpeg gave short, until it ends well
                        try:
                            for (clip, tempo), frames in zip(clips, lengths):
                                pcm = pcms.get()
                                complete = len(pcm) == 2 * frames
                                takes.append(_take(clip, tempo, pcm.ljust(2 * frames, b"\0"), weights.get(), rate, source))
                                if complete and handed == len(takes) - 1 and ready is not None:
                                    ready(handed, takes[-1])
                                    handed += 1
                        finally:
                            for reader in readers:
                                reader.join()
                # The run ended well (streamed raises otherwise): the takes it gave short, padded, go too.
                if ready is not None:
                    for at in range(handed, len(takes)):
                        ready(at, takes[at])
            finally:
                for fd in (reading, writing):
                    if fd >= 0:
                        os.close(fd)
        finally:
            clips_path.unlink(missing_ok=True)
    return takes


def _take(clip: Clip, tempo: float, pcm: bytes, weighted: bytes, rate: int, source: int) -> tuple[Clip, Level]:
    words = tuple(round(onset / tempo) for onset in clip.words)
    return Clip(pcm, rate, words), measure(weighted, pcm, source)


def _read_exactly(file: BinaryIO, size: int) -> bytes:
    """`size` bytes from `file`, fewer only at its end."""
    parts, got = [], 0
    while got < size:
        part = file.read(size - got)
        if not part:
            break
        parts.append(part)
        got += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _read_each(file: BinaryIO, sizes: list[int], into: queue.SimpleQueue[bytes]) -> None:
    """Each of `sizes` bytes read from `file` in turn and put on `into` (short, empty, at its end)."""
    for size in sizes:
        into.put(_read_exactly(file, size))
    while file.read(1 << 16):  # whatever follows, so ffmpeg never blocks on this pipe
        pass
