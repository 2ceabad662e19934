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
    pcm = clip.samples[: len(clip.samples) // 2 * 2]
    loud = _edges(pcm, floor)
    if not loud:
        return Clip(b"", clip.rate, tuple(0 for _ in clip.words))
    keep = clip.rate * keep_ms // 1000
    first, last = max(loud[0] - keep, 0), min(loud[1] + keep + 1, len(pcm) // 2)
    cut = round(first * 1000 / clip.rate)
    words = tuple(max(onset - cut, 0) for onset in clip.words)
    return Clip(pcm[2 * first : 2 * last], clip.rate, words)


_BLOCK = 256  # samples looked at at once (audioop, in C) before the one sample is found


def _edges(pcm: bytes, floor: int) -> tuple[int, ...]:
    """(first, last) index of a sample of 16-bit `pcm` louder than `floor`, or () when there is none."""
    count = len(pcm) // 2
    blocks = range(0, count, _BLOCK)
    start = next((at for at in blocks if audioop.max(pcm[2 * at : 2 * (at + _BLOCK)], 2) > floor), None)
    if start is None:
        return ()
    end = next(at for at in reversed(blocks) if audioop.max(pcm[2 * at : 2 * (at + _BLOCK)], 2) > floor)
    head, tail = array("h", pcm[2 * start : 2 * (start + _BLOCK)]), array("h", pcm[2 * end : 2 * (end + _BLOCK)])
    first = start + next(i for i, sample in enumerate(head) if abs(sample) > floor)
    last = end + max(i for i, sample in enumerate(tail) if abs(sample) > floor)
    return first, last
