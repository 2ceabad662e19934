"""Audio test helpers: a stand-in speech engine (a syllable-paced tone) and ffmpeg's own readings of a file
(loudness, length, tags), kept apart from the code under test."""
from __future__ import annotations

import math
import re
import subprocess
from array import array

from broadcast import languages
from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.audio.clip import Clip
from broadcast.audio.engines.base import Readiness

RATE = 22050


def tone(ms: int, rate: int = RATE, pitch: float = 220.0, amplitude: int = 9000, lead_ms: int = 0) -> Clip:
    """A tone that swells four times a second (speech-like loudness), after `lead_ms` of silence."""
    count = rate * ms // 1000
    samples = array("h", bytes(2 * (rate * lead_ms // 1000)))
    samples.extend(
        int(amplitude * (0.55 + 0.45 * math.sin(2 * math.pi * 4 * i / rate)) * math.sin(2 * math.pi * pitch * i / rate))
        for i in range(count)
    )
    samples.extend(array("h", bytes(2 * (rate * lead_ms // 1000))))
    return Clip(samples.tobytes(), rate)


class ToneEngine:
    name = "tone"
    languages = frozenset({"kk", "ru", "en"})

    def __init__(self, factor: float = 1.1) -> None:
        self.factor = factor  # >1: speaks slower than the script assumes, so conform has work to do
        self.calls = 0

    def readiness(self, voice):
        return Readiness(ready=True, online=False, detail="test tone")

    def settings(self, voice):
        return {"factor": self.factor, "pitch": 180 if voice.gender == "female" else 120}

    def synthesize(self, text, voice):
        self.calls += 1
        seconds = languages.get(voice.language).syllables(text) / voice.read_rate * self.factor
        return tone(round(seconds * 1000), pitch=self.settings(voice)["pitch"], lead_ms=120)


def ebur128(path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) of a file, read straight from ffmpeg's own meter summary."""
    command = [ffmpeg_exe(), "-nostats", "-i", str(path), "-filter_complex", "ebur128=peak=true", "-f", "null", "-"]
    summary = subprocess.run(command, capture_output=True, text=True, check=True).stderr.rsplit("Summary:", 1)[1]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"True peak:\s+Peak:\s+(-?[\d.]+) dBFS", summary).group(1))
    return integrated, peak


def decoded_seconds(path) -> float:
    """How long a sound file plays, by decoding all of it with ffmpeg (not by its header)."""
    result = subprocess.run([ffmpeg_exe(), "-i", str(path), "-f", "null", "-"], capture_output=True, text=True, check=True)
    hours, minutes, seconds = re.findall(r"time=(\d+):(\d+):([\d.]+)", result.stderr)[-1]
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def tags(path) -> str:
    """A file's metadata as ffmpeg's ffmetadata text (`title=...` lines)."""
    command = [ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
