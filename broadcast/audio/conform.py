"""Conform: stretch a spoken clip to the length the script gives it, at the mix's sample rate.

ffmpeg's `atempo` changes tempo and keeps pitch; within 0.8-1.25x it stays clean on speech, so the
factor is held to that range and a clip that needs more simply runs long (the report shows it).
"""
from __future__ import annotations

from .clip import Clip
from .pcm import raw, run

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
    result = run(arguments, stdin=clip.samples, what="conform a clip")
    return Clip(result.stdout, rate)


def conform(clip: Clip, target_ms: int, rate: int, enabled: bool = True) -> tuple[Clip, float]:
    """(clip at `rate`, tempo used): stretched toward `target_ms` when `enabled`, else only resampled."""
    tempo = tempo_for(clip.duration_ms, target_ms) if enabled else 1.0
    return stretch(clip, rate, tempo), tempo


def fit(clip: Clip, ms: int) -> Clip:
    """The clip padded with silence, or trimmed, to exactly `ms` milliseconds."""
    size = clip.rate * ms // 1000 * 2
    return Clip(clip.samples[:size].ljust(size, b"\0"), clip.rate)
