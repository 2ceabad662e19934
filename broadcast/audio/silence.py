"""Trim the silence engines leave before and after speech, so the mixer places pauses itself."""
from __future__ import annotations

import warnings
from array import array

from .clip import Clip

with warnings.catch_warnings():  # Python 3.11-3.12 warn that audioop goes in 3.13, where audioop-lts replaces it
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    import audioop

# About -44 dBFS: well under speech, above the dither and MP3 noise some engines leave in "silence".
FLOOR = 200
# Keep a few milliseconds of the edge so a soft onset (an unvoiced consonant) is not clipped.
KEEP_MS = 20


def trim(clip: Clip, floor: int = FLOOR, keep_ms: int = KEEP_MS) -> Clip:
    """The clip without leading and trailing samples quieter than `floor`, keeping `keep_ms` at each edge."""
    samples = array("h")
    samples.frombytes(clip.samples[: len(clip.samples) // 2 * 2])
    loud = _edges(samples, floor)
    if not loud:
        return Clip(b"", clip.rate, tuple(0 for _ in clip.words))
    keep = clip.rate * keep_ms // 1000
    first, last = max(loud[0] - keep, 0), min(loud[1] + keep + 1, len(samples))
    cut = round(first * 1000 / clip.rate)
    words = tuple(max(onset - cut, 0) for onset in clip.words)
    return Clip(samples[first:last].tobytes(), clip.rate, words)


_BLOCK = 256  # samples looked at at once (audioop, in C) before the one sample is found


def _edges(samples: array, floor: int) -> tuple[int, ...]:
    """(first, last) index of a sample louder than `floor`, or () when there is none."""
    pcm = samples.tobytes()
    blocks = range(0, len(samples), _BLOCK)
    start = next((at for at in blocks if audioop.max(pcm[2 * at : 2 * (at + _BLOCK)], 2) > floor), None)
    if start is None:
        return ()
    end = next(at for at in reversed(blocks) if audioop.max(pcm[2 * at : 2 * (at + _BLOCK)], 2) > floor)
    first = next(i for i in range(start, min(start + _BLOCK, len(samples))) if abs(samples[i]) > floor)
    last = next(i for i in range(min(end + _BLOCK, len(samples)) - 1, end - 1, -1) if abs(samples[i]) > floor)
    return first, last
