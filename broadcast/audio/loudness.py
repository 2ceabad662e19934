"""Loudness: measure with ffmpeg's EBU R 128 meter, bring a mix to a target, limit its true peak.

EBU R 128 asks for -23 LUFS integrated (+-0.5 LU) with true peak at or under -1 dBTP; web and podcasts
use about -16 LUFS with the same ceiling (docs/sources.md#loudness). The written file is measured, not the mix
before encoding: MP3 encoding moves true peaks, so a file that misses is made again with corrected gain
and ceiling.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EngineError
from .pcm import run

EBU_R128 = -23.0
TRUE_PEAK_CEILING = -1.0
# Well inside R 128's +-0.5 LU, with room for the meter's 0.1 LU rounding.
LOUDNESS_TOLERANCE = 0.15
# The limiter aims a little under the ceiling: encoding and resampling add a few tenths of overshoot.
HEADROOM = 0.5
ATTEMPTS = 4
# The limiter runs at four times 48 kHz, so it catches the peaks between samples that true peak counts.
OVERSAMPLED = 192000
# What a 192 kbit/s MP3 encode takes off integrated loudness (see Encoding.loudness_loss).
MP3_LOSS = 0.25
# R 128's absolute gate: ffmpeg reports -70 LUFS for a file with nothing above it.
SILENT = -70.0

_SUMMARY = re.compile(r"I:\s+(?P<i>-?[\d.]+|-inf) LUFS.*?LRA:\s+(?P<lra>-?[\d.]+) LU.*?Peak:\s+(?P<tp>-?[\d.]+|-inf) dBFS", re.S)


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP
    range: float  # LU (loudness range)


@dataclass(frozen=True)
class Encoding:
    """How the normalised mix is written: container format and its tags."""

    format: str  # "mp3" or "wav"
    rate: int = 48000
    tags: tuple[tuple[str, str], ...] = ()
    bitrate: str = "192k"

    @property
    def loudness_loss(self) -> float:
        """LU the codec takes off: measured here, the same gain gave -20.0 LUFS as WAV and -20.2 as 192k MP3
        (espeak speech); aiming that much higher saves a second encode most of the time."""
        return MP3_LOSS if self.format == "mp3" else 0.0

    def arguments(self) -> list[str]:
        # LAME's quality 7 ("fast"): half the encode's time, no audible difference at 192k on a speech draft.
        # No bit reservoir: every frame holds its own data, so a draft's pieces (pieces.py) may be cut out of one
        # encode and joined to pieces of another (at 192k mono the reservoir gains nothing audible).
        mp3 = ["-c:a", "libmp3lame", "-b:a", self.bitrate, "-compression_level", "7", "-reservoir", "0"]
        codec = mp3 if self.format == "mp3" else ["-c:a", "pcm_s16le"]
        tags = [argument for key, value in self.tags for argument in ("-metadata", f"{key}={value}")]
        return ["-ar", str(self.rate), "-ac", "1", *codec, *tags, "-f", self.format]


def measure(path: str | Path) -> Loudness:
    """Integrated loudness, true peak and loudness range of a sound file, by ffmpeg's ebur128 meter."""
    arguments = ["-i", str(path), "-filter_complex", "ebur128=peak=true:framelog=quiet", "-f", "null", "-"]
    for _ in range(2):  # a summary lost once (seen on loaded machines) is asked for again
        stderr = run(arguments, what=f"measure {path}").stderr.decode(errors="replace")
        found = _SUMMARY.search(stderr[stderr.rfind("Summary:"):])
        if found:
            break
    else:
        raise EngineError(f"ffmpeg gave no loudness summary for {path}")
    return Loudness(integrated=float(found["i"]), true_peak=float(found["tp"]), range=float(found["lra"]))


def normalise(
    source: str | Path,
    target: str | Path,
    encoding: Encoding,
    loudness: float = EBU_R128,
    ceiling: float = TRUE_PEAK_CEILING,
) -> Loudness:
    """Write `source` to `target` at `loudness` LUFS with true peak under `ceiling` dBTP; the file's measure.

    Gain first, then a true-peak limiter; the written file is measured and, when it misses, made again
    with the gain and the limiter's ceiling corrected by what was missed.
    """
    before = measure(source)
    if before.integrated <= SILENT:
        raise EngineError(f"{source}: the mix is silent; nothing to bring to {loudness} LUFS")
    gain, limit = loudness - before.integrated + encoding.loudness_loss, ceiling - HEADROOM
    # Most speech mixes at -23 LUFS peak well under the ceiling: then gain alone does, and fast.
    limiting = before.true_peak + gain > limit
    for _ in range(ATTEMPTS):
        _encode(source, target, encoding, gain, limit if limiting else None)
        after = measure(target)
        loud_ok = abs(after.integrated - loudness) <= LOUDNESS_TOLERANCE
        peak_ok = after.true_peak <= ceiling - 0.05
        if loud_ok and peak_ok:
            return after
        gain += loudness - after.integrated
        if not peak_ok:
            limit = limit - (after.true_peak - ceiling + 0.2) if limiting else limit
            limiting = True
    return after


def _encode(source: str | Path, target: str | Path, encoding: Encoding, gain: float, limit: float | None) -> None:
    chain = f"volume={gain:.3f}dB"
    if limit is not None:
        chain += (
            f",aresample={OVERSAMPLED}:resampler=soxr,"
            f"alimiter=limit={10 ** (limit / 20):.5f}:level=false:attack=2:release=60:asc=true"
        )
    chain += f",aresample={encoding.rate}:resampler=soxr"
    run(["-loglevel", "error", "-i", str(source), "-af", chain, *encoding.arguments(), str(target)], what=f"write {target}")
