"""Loudness: the written file measures at the target (ffmpeg's meter, not our number) with true peak <= -1."""
from __future__ import annotations

import math
import subprocess
from array import array

import pytest

from broadcast.audio.engines import espeak
from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.audio.loudness import Encoding, measure, normalise
from broadcast.audio.mix import MIX_RATE, as_segment, lay, Take
from broadcast.audio import level
from broadcast.audio.conform import stretch
from broadcast.errors import EngineError
from broadcast.voices import load_voices

from audio_helpers import ebur128, tags

SENTENCES = [
    "Беларусь Қазақстанның сенімді одақтасы әрі серіктесі болып табылады.",
    "Өткен жылы Минскте үкіметаралық комиссияның кезекті мәжілісі өтті.",
    "Қос ел арасындағы сауда айналымы тоғыз жүз миллион долларға жуықтады.",
]


@pytest.fixture(scope="module")
def speech_wav(tmp_path_factory):
    """About 15 s of real espeak speech with pauses, quiet and peaky as a raw mix is."""
    voice = load_voices()["kk-anchor"]
    clips = [stretch(espeak.ENGINE.synthesize(text, voice), MIX_RATE) for text in SENTENCES]
    pcm, _ = lay([Take(clip, None, 500) for clip in clips])
    path = tmp_path_factory.mktemp("mix") / "mix.wav"
    as_segment(pcm).apply_gain(-9).export(path, format="wav")
    return path


def test_measure_reads_a_known_tone(tmp_path):
    path = tmp_path / "tone.wav"
    # A 1 kHz sine at -20 dBFS peak reads -23 LUFS (BS.1770's calibration: full scale reads -3.01).
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "aevalsrc=0.1*sin(2*PI*1000*t):s=48000:d=5", str(path)], check=True)
    measured = measure(path)
    assert measured.integrated == pytest.approx(-23.0, abs=0.15)
    assert measured.true_peak == pytest.approx(-20.0, abs=0.2)


@pytest.mark.parametrize("target", [-23.0, -16.0])
@pytest.mark.parametrize("fmt", ["mp3", "wav"])
def test_normalised_file_meets_target_and_true_peak(speech_wav, tmp_path, target, fmt):
    out = tmp_path / f"out.{fmt}"
    reported = normalise(speech_wav, out, Encoding(fmt), loudness=target)
    integrated, peak = ebur128(out)
    assert abs(integrated - target) <= 0.5
    assert peak <= -1.0
    assert reported.integrated == pytest.approx(integrated, abs=0.05) and reported.true_peak == pytest.approx(peak, abs=0.05)


def test_mp3_is_tagged_with_title_and_channel(speech_wav, tmp_path):
    out = tmp_path / "tagged.mp3"
    normalise(speech_wav, out, Encoding("mp3", tags=(("title", "Беларусь сапары"), ("artist", "Хабар 24"))))
    written = tags(out)
    assert "title=Беларусь сапары" in written and "artist=Хабар 24" in written


def test_a_silent_mix_is_refused(tmp_path):
    path = tmp_path / "silence.wav"
    as_segment(bytes(MIX_RATE * 2)).export(path, format="wav")
    with pytest.raises(EngineError, match="silent"):
        normalise(path, tmp_path / "out.wav", Encoding("wav"))


def test_ffmpeg_never_reads_the_terminal(monkeypatch):
    from broadcast.audio import pcm

    seen = []
    monkeypatch.setattr(pcm.subprocess, "Popen", lambda command, **kw: seen.append(command) or (_ for _ in ()).throw(OSError))
    with pytest.raises(OSError):
        pcm.run(["-version"])
    assert "-nostdin" in seen[0]


def test_a_missing_summary_is_asked_for_once_more(monkeypatch, speech_wav):
    from broadcast.audio import loudness

    real, calls = loudness.run, []

    def flaky(arguments, **options):
        calls.append(arguments)
        result = real(arguments, **options)
        return result if len(calls) > 1 else subprocess.CompletedProcess(result.args, 0, b"", b"no summary here")

    monkeypatch.setattr(loudness, "run", flaky)
    assert measure(speech_wav).integrated < -20 and len(calls) == 2
    calls.clear()
    monkeypatch.setattr(loudness, "run", lambda arguments, **options: subprocess.CompletedProcess([], 0, b"", b""))
    with pytest.raises(EngineError, match="no loudness summary"):
        measure(speech_wav)


def _sine(frequency: float, phase: float, seconds: float = 0.5, amplitude: float = 0.5) -> bytes:
    """A sine at 48 kHz, faded in and out (no step at its ends for the interpolation to ring on)."""
    count = round(48000 * seconds)
    fade = count // 10
    samples = array("h")
    for index in range(count):
        envelope = min(1.0, index / fade, (count - 1 - index) / fade)
        samples.append(round(amplitude * envelope * 32767 * math.sin(2 * math.pi * frequency * index / 48000 + phase)))
    return samples.tobytes()


def test_the_true_peak_is_found_between_the_samples():
    """A 12 kHz sine sampled at 45 degrees: every sample is 3 dB under its crest; the 4x interpolation finds the
    crest (within the BS.1770 filter's ripple), the sample peak does not."""
    pcm = _sine(12000, math.pi / 4)
    sample_peak = 20 * math.log10(max(abs(value) for value in array("h", pcm)) / 32768)
    assert sample_peak == pytest.approx(-9.0, abs=0.1)
    assert level.true_peak(pcm) == pytest.approx(-6.0, abs=0.25)


@pytest.mark.parametrize("frequency", [440.0, 3000.0, 9000.0])
def test_the_true_peak_of_a_sine_is_its_crest(frequency):
    assert level.true_peak(_sine(frequency, 0.3)) == pytest.approx(-6.0, abs=0.25)


def test_silence_has_no_true_peak():
    assert level.true_peak(bytes(4800)) == -math.inf and level.true_peak(b"") == -math.inf


def test_k_weighting_at_the_engines_rate_matches_the_standards_48_khz_filters():
    """Conform K-weights a take at the engine's own rate (22.05 kHz for espeak): the filters made there answer
    as BS.1770's 48 kHz coefficients do, so the loudness read does not depend on the rate."""
    import cmath

    from broadcast.audio.level import k_filters

    def answer(filters, hz, rate):
        z = cmath.exp(-2j * math.pi * hz / rate)
        gain = 1.0
        for b0, b1, b2, a1, a2 in filters:
            gain *= abs((b0 + b1 * z + b2 * z * z) / (1 + a1 * z + a2 * z * z))
        return 20 * math.log10(gain)

    standard = k_filters(48000)
    assert standard[0][0] == 1.53512485958697 and standard[1][3] == -1.99004745483398
    for rate, within in ((16000, 0.1), (22050, 0.05), (24000, 0.05)):
        for hz in [20 * 1.1**step for step in range(70) if 20 * 1.1**step < 0.45 * rate]:
            assert answer(k_filters(rate), hz, rate) == pytest.approx(answer(standard, hz, 48000), abs=within), (rate, hz)
    for hz in (50, 200, 1000, 1700, 3000, 6000, 10000):
        assert answer(k_filters(22050), hz, 22050) == pytest.approx(answer(standard, hz, 48000), abs=0.03), hz


def test_the_true_peak_is_the_standards_interpolation_worked_out_point_by_point():
    """true_peak interpolates whole stretches with audioop: the same values as BS.1770's filter summed in Python
    at every point between every two samples (near=0: everywhere), within audioop's rounding."""
    import random

    def reference(samples: list[int]) -> float:
        padded = [0] * level._TAPS + samples + [0] * level._TAPS
        best = max(abs(sample) for sample in samples)
        for index in range(level._TAPS - 1, level._TAPS + len(samples)):
            for phase in level._PHASES:
                best = max(best, abs(sum(weight * padded[index + level._TAPS // 2 - tap] for tap, weight in enumerate(phase))))
        return 20 * math.log10(best / 32768) if best else -math.inf

    chance = random.Random(12)
    for _ in range(60):
        samples = [chance.choice((0, chance.randint(-32768, 32767))) for _ in range(chance.randint(1, 400))]
        expected, got = reference(samples), level.true_peak(array("h", samples).tobytes(), near=0)
        assert got == expected or got == pytest.approx(expected, abs=1e-3)


def test_a_take_is_the_same_whichever_clips_share_its_conform_run():
    """The conform runs a story's segments in as few ffmpeg runs as the speaking allows (takes._Conformer), so a
    take and its loudness material must not depend on the clips conformed beside it."""
    from broadcast.audio.conform import conform_all

    voice = load_voices()["kk-anchor"]
    clips = [(espeak.ENGINE.synthesize(text, voice), tempo) for text, tempo in zip(SENTENCES, (0.9, 1.0, 1.2))]
    together = conform_all(clips, MIX_RATE)
    alone = [conform_all([clip], MIX_RATE)[0] for clip in clips]
    for (take, level_together), (single, level_alone) in zip(together, alone):
        assert take.samples == single.samples and take.words == single.words
        assert level_together.peak == level_alone.peak
        # the same filters from rest; ffmpeg's float arithmetic over frames cut elsewhere differs in the 6th digit
        assert level_together.energy == pytest.approx(level_alone.energy, rel=1e-4)  # 0.0004 dB


def test_each_take_is_handed_on_as_soon_as_it_is_conformed():
    """conform_all hands each take to `ready` while ffmpeg still runs (takes._Conformer lays and encodes a segment
    while the ones after it are conformed): the same takes and Levels it returns, an empty clip's too."""
    from broadcast.audio.clip import Clip
    from broadcast.audio.conform import conform_all

    voice = load_voices()["kk-anchor"]
    clips = [(espeak.ENGINE.synthesize(text, voice), tempo) for text, tempo in zip(SENTENCES, (0.9, 1.0, 1.2))]
    clips.insert(1, (Clip(b"", clips[0][0].rate), 1.0))
    handed: dict[int, object] = {}
    returned = conform_all(clips, MIX_RATE, lambda index, take: handed.setdefault(index, take))
    assert sorted(handed) == list(range(len(clips)))
    assert [handed[index] for index in range(len(clips))] == returned
    assert all(take.samples for index, (take, _) in enumerate(returned) if index != 1)


def test_a_segments_gain_is_the_true_peaks_whenever_the_true_peak_is_skipped():
    """level.segment_gain skips the true peak only when its bound (the loudest sample + TRUE_PEAK_REACH, peak_of's
    own premise) leaves the gain free of the ceiling and under the programme's peak so far: then the gain is the
    one matching_gain gives with the true peak, and the segment cannot raise the programme's peak."""
    import random

    chance = random.Random(7)
    for _ in range(80):
        takes = []
        for _ in range(chance.randint(1, 4)):
            top = chance.randint(200, 32767)
            samples = array("h", (chance.randint(-top, top) for _ in range(chance.randint(50, 400))))
            pcm = samples.tobytes()
            takes.append((pcm, 20 * math.log10(max(abs(sample) for sample in samples) / 32768)))
        loudness = chance.uniform(-40.0, -15.0)
        programme = chance.choice((-math.inf, chance.uniform(-12.0, 0.0)))
        gain, peak = level.segment_gain(loudness, takes, -23.0, -1.0, programme)
        true = level.peak_of(takes)
        assert gain == pytest.approx(level.matching_gain(loudness, true, -23.0, -1.0)) or peak == -math.inf
        if peak == -math.inf:
            loudest = max(sample_peak for _, sample_peak in takes)
            assert gain == -23.0 - loudness
            assert loudest + level.TRUE_PEAK_REACH + gain <= programme
            assert gain <= -1.0 - level.PEAK_MARGIN - (loudest + level.TRUE_PEAK_REACH)
        else:
            assert peak == pytest.approx(true + gain)


def test_a_conform_run_that_hangs_is_killed_and_told(monkeypatch, tmp_path):
    """The conform's watchdog: an ffmpeg that never ends and ignores SIGTERM (a filter graph that livelocked did
    both) is killed outright after the run's time and the render fails with an EngineError, not a hang."""
    import os
    import time

    from broadcast.audio import conform, pcm

    pids = tmp_path / "pid"
    stuck = tmp_path / "ffmpeg"
    stuck.write_text(f"#!/bin/sh\ntrap '' TERM\necho $$ > {pids}\nwhile :; do sleep 0.05; done\n")
    stuck.chmod(0o755)
    monkeypatch.setattr(pcm, "ffmpeg_exe", lambda: str(stuck))
    monkeypatch.setattr(conform, "WATCHDOG", 0.5)
    monkeypatch.setattr(conform, "WATCHDOG_PER_SECOND", 0.0)
    clip = espeak.ENGINE.synthesize(SENTENCES[0], load_voices()["kk-anchor"])
    started = time.monotonic()
    with pytest.raises(EngineError, match="could not conform the clips: it was still running after"):
        conform.conform_all([(clip, 1.1)], MIX_RATE)
    assert time.monotonic() - started < 10
    pid = int(pids.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, and reaped
