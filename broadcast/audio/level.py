"""Loudness computed, not metered: BS.1770 from the speech's own K-weighted energy, silence counted as nothing.

The conform pass (conform.conform_all) hands back, beside each take, its K-weighted mean square per 100 ms
(ITU-R BS.1770's filter, run by ffmpeg). Laid on the programme's timeline, those sub-blocks give the 400 ms
gating blocks (75% overlap) that integrated loudness and loudness range are made of, so the programme's
loudness is known without running a meter over it, and long digital silence (a break, the pauses) costs
nothing: it holds no energy and falls under the absolute gate. Each segment's speech is brought to one
programme level from its own blocks, so the level does not jump where the voice changes.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

with warnings.catch_warnings():  # Python 3.11-3.12 warn that audioop goes in 3.13, where audioop-lts replaces it
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    import audioop

# BS.1770-4's K-weighting at 48 kHz (a high shelf, then a high pass), as ffmpeg biquad filters.
_SHELF = (1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585)
_HIGH_PASS = (1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621)
RATE = 48000
SUB_BLOCK = RATE // 10  # 100 ms: a gating block is four of them
# The weighted signal is written 12 dB down so the shelf's boost never clips the 32-bit integers.
_DOWN = 0.25
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU under the absolutely gated mean
RANGE_GATE = -20.0  # LU, for loudness range
SILENT = -70.0
# A sample peak says less than a true peak (the peaks between samples) and the MP3 encode adds a little:
# the level is kept this far under the ceiling, so no limiter is needed on speech.
PEAK_MARGIN = 1.0


def k_weighting() -> str:
    """The ffmpeg filter chain that K-weights 48 kHz audio (and turns it down by _DOWN)."""
    def biquad(b0: float, b1: float, b2: float, a1: float, a2: float) -> str:
        return f"biquad=b0={b0}:b1={b1}:b2={b2}:a0=1:a1={a1}:a2={a2}"

    return f"aformat=sample_fmts=flt,volume={_DOWN},{biquad(*_SHELF)},{biquad(*_HIGH_PASS)}"


@dataclass(frozen=True)
class Level:
    """A take's loudness material: K-weighted mean square per 100 ms from its start, and its sample peak."""

    energy: tuple[float, ...]
    peak: float  # dBFS, the largest sample

    def gained(self, db: float) -> Level:
        factor = 10 ** (db / 10)
        return Level(tuple(value * factor for value in self.energy), self.peak + db)


def measure(weighted: bytes, pcm: bytes) -> Level:
    """A take's Level from its K-weighted samples (32-bit, as k_weighting writes them) and its own 16-bit PCM."""
    scale = 1 / (_DOWN * 2**31) ** 2
    energy = []
    for start in range(0, len(weighted), SUB_BLOCK * 4):
        rms = audioop.rms(weighted[start : start + SUB_BLOCK * 4], 4)
        frames = min(SUB_BLOCK, (len(weighted) - start) // 4)
        energy.append(rms * rms * scale * frames / SUB_BLOCK)
    top = audioop.max(pcm, 2) if pcm else 0
    return Level(tuple(energy), 20 * math.log10(top / 32768) if top else -math.inf)


class Timeline:
    """The programme's 100 ms sub-blocks of energy; a take adds its own at the sub-block where it starts."""

    def __init__(self) -> None:
        self.energy: list[float] = []
        self.peak = -math.inf

    def add(self, start_ms: int, level: Level) -> None:
        first = round(start_ms / 100)
        need = first + len(level.energy)
        if need > len(self.energy):
            self.energy.extend([0.0] * (need - len(self.energy)))
        for offset, value in enumerate(level.energy):
            self.energy[first + offset] += value
        self.peak = max(self.peak, level.peak)

    def loudness(self, alone: bool = False) -> float:
        """Integrated loudness (LUFS), gated as BS.1770 gates it. `alone`: as heard between silences, so the
        blocks that hang over its ends count too (as they do where it sits in a programme)."""
        edge = [0.0] * 3 if alone else []
        return integrated(_blocks(edge + self.energy + edge))

    def range(self) -> float:
        """Loudness range (LU, EBU Tech 3342) from 3 s windows every 100 ms."""
        windows = [sum(self.energy[i : i + 30]) / 30 for i in range(max(len(self.energy) - 29, 1))]
        levels = sorted(_lufs(value) for value in windows if _lufs(value) > ABSOLUTE_GATE)
        if not levels:
            return 0.0
        gate = _lufs(sum(10 ** ((level + 0.691) / 10) for level in levels) / len(levels)) + RANGE_GATE
        kept = [level for level in levels if level > gate]
        return round(kept[int(0.95 * (len(kept) - 1))] - kept[int(0.10 * (len(kept) - 1))], 1) if kept else 0.0


def _blocks(energy: list[float]) -> list[float]:
    """The 400 ms gating blocks (every 100 ms) over sub-blocks; a span under 400 ms is one short block."""
    if len(energy) < 4:
        return [sum(energy) / max(len(energy), 1)] if energy else []
    return [(energy[i] + energy[i + 1] + energy[i + 2] + energy[i + 3]) / 4 for i in range(len(energy) - 3)]


def integrated(blocks: list[float]) -> float:
    """BS.1770 integrated loudness of gating blocks' mean squares: absolute, then relative gate."""
    loud = [value for value in blocks if _lufs(value) > ABSOLUTE_GATE]
    if not loud:
        return SILENT
    gate = _lufs(sum(loud) / len(loud)) + RELATIVE_GATE
    kept = [value for value in loud if _lufs(value) > gate]
    return _lufs(sum(kept) / len(kept))


def _lufs(mean_square: float) -> float:
    return -0.691 + 10 * math.log10(mean_square) if mean_square > 0 else -math.inf


def scale(pcm: bytes, db: float) -> bytes:
    """16-bit PCM `db` louder (or quieter)."""
    return audioop.mul(pcm, 2, 10 ** (db / 20)) if abs(db) > 1e-3 else pcm


def matching_gain(loudness: float, peak: float, target: float, ceiling: float) -> float:
    """dB that bring speech at `loudness` to `target`, held so its peak stays PEAK_MARGIN under `ceiling`."""
    if loudness <= SILENT:
        return 0.0
    return min(target - loudness, ceiling - PEAK_MARGIN - peak)
