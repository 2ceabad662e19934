"""Loudness: the written file measures at the target (ffmpeg's meter, not our number) with true peak <= -1."""
from __future__ import annotations

import subprocess

import pytest

from broadcast.audio.engines import espeak
from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.audio.loudness import Encoding, measure, normalise
from broadcast.audio.mix import MIX_RATE, as_segment, lay, Take
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
