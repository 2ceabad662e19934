"""A synthesized clip: mono 16-bit PCM, the one shape every engine returns and the mixer takes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Clip:
    samples: bytes  # signed 16-bit little-endian mono PCM
    rate: int  # samples per second
    # When each spoken word starts, ms from the clip's start, as the engine reported it; () when it did not.
    words: tuple[int, ...] = ()

    @property
    def frames(self) -> int:
        return len(self.samples) // 2

    @property
    def duration_ms(self) -> int:
        return round(self.frames * 1000 / self.rate) if self.rate else 0
