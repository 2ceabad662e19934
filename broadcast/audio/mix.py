"""The mixer: the story's speech on one timeline with its pauses, a music bed ducked under the lead, and
an optional intro sting and outro, assembled with pydub.
"""
from __future__ import annotations

from dataclasses import dataclass

from .clip import Clip
from .conform import fit
from .ffmpeg import audio_segment

# Broadcast audio runs at 48 kHz; every clip is brought to it before it is laid.
MIX_RATE = 48000
# atempo lands within a few milliseconds of the length asked for: that much is trimmed or padded.
SLACK_MS = 40
# The bed sits this far under the lead's speech level in the gaps, and ducks this much more under speech.
BED_UNDER_SPEECH_DB = -14.0
DUCK_DB = -12.0
DUCK_RAMP_MS = 250
BED_FADE_MS = 1200
# A sound cut short to fit its slot fades out over this much of its end, so it stops without a click.
CUT_FADE_MS = 300


@dataclass(frozen=True)
class Take:
    """One line's speech and the silence after it."""

    clip: Clip  # at MIX_RATE
    slot: int | None  # milliseconds the speech should fill; None: its own length
    pause: int  # milliseconds of silence after the speech


@dataclass(frozen=True)
class Placed:
    """Where a take landed, in milliseconds from the start of the speech."""

    start: int
    speech_end: int  # the words end here
    end: int  # the pause after them ends here: the next take starts

    @property
    def speech(self) -> int:
        return self.speech_end - self.start


def lay(takes: list[Take], rate: int = MIX_RATE) -> tuple[bytes, list[Placed]]:
    """The takes one after another as mono PCM, and where each landed.

    A take fills its slot exactly (speech, then silence up to the slot) unless its speech runs longer
    than the slot: then it keeps every word and the story runs long from there.
    """
    chunks: list[bytes] = []
    placed: list[Placed] = []
    cursor = 0
    for take in takes:
        speech = take.clip.duration_ms
        length = speech if take.slot is None or speech > take.slot + SLACK_MS else take.slot
        chunks.append(fit(take.clip, length).samples)
        chunks.append(silence(take.pause, rate).samples)
        placed.append(Placed(start=cursor, speech_end=cursor + min(speech, length), end=cursor + length + take.pause))
        cursor += length + take.pause
    return b"".join(chunks), placed


def silence(ms: int, rate: int = MIX_RATE) -> Clip:
    return Clip(bytes(rate * ms // 1000 * 2), rate)


def to_length(clip: Clip, ms: int) -> Clip:
    """The clip padded with silence to exactly `ms`, or cut there with a short fade-out."""
    cut = fit(clip, ms)
    if len(clip.samples) <= len(cut.samples):
        return cut
    faded = as_segment(cut.samples, cut.rate).fade_out(min(CUT_FADE_MS, ms // 2))
    return Clip(faded.raw_data, cut.rate)


def as_segment(pcm: bytes, rate: int = MIX_RATE):
    """Mono 16-bit PCM as a pydub AudioSegment."""
    return audio_segment()(data=pcm, sample_width=2, frame_rate=rate, channels=1)


def under(voice, bed: Clip, start: int, end: int, speech: list[tuple[int, int]]):
    """`voice` with `bed` looped from `start` to `end` ms, ducked under each (from, to) span of speech."""
    music = as_segment(bed.samples, bed.rate)
    if len(music) == 0 or end <= start:
        return voice
    length = end - start
    music = (music * (length // len(music) + 1))[:length]
    level = voice[start:end].dBFS + BED_UNDER_SPEECH_DB - music.dBFS
    music = music.apply_gain(level)
    for spoken_from, spoken_to in speech:
        # pydub's fade applies its end gain to all that follows: down before the words, back up after them.
        down, up = max(spoken_from - start, 1), min(spoken_to - start, length - 1)
        music = music.fade(to_gain=DUCK_DB, start=max(down - DUCK_RAMP_MS, 0), end=down)
        music = music.fade(from_gain=0, to_gain=-DUCK_DB, start=up, end=min(up + DUCK_RAMP_MS, length))
    music = music.fade_in(min(BED_FADE_MS, length // 4)).fade_out(min(BED_FADE_MS, length // 4))
    return voice.overlay(music, position=start)


def with_ends(voice, sting: Clip | None = None, outro: Clip | None = None, after_sting: int = 0, before_outro: int = 0):
    """(`voice` after an intro sting and before an outro, each with its gap; where the voice now starts, ms)."""
    before = as_segment(sting.samples + silence(after_sting, sting.rate).samples, sting.rate) if sting else as_segment(b"")
    after = as_segment(silence(before_outro, outro.rate).samples + outro.samples, outro.rate) if outro else as_segment(b"")
    return before + voice + after, len(before)
