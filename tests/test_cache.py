"""The clip cache: made once, found again, bad entries redone, writes atomic."""
from __future__ import annotations

import os
import subprocess
import sys
import wave
from dataclasses import replace

import pytest

from broadcast.audio.clip_cache import ClipCache, clip_key, from_wav, to_wav
from broadcast.audio.clip import Clip
from broadcast.audio.engines import espeak
from broadcast.audio.engines.base import Readiness
from broadcast.errors import InputError
from broadcast.voices import load_voices

from conftest import ROOT


class CountingEngine:
    """A stand-in engine that says how often it was asked to speak."""

    name = "counting"
    languages = frozenset({"kk", "ru", "en"})

    def __init__(self) -> None:
        self.calls = 0

    def readiness(self, voice):
        return Readiness(ready=True, online=False)

    def settings(self, voice):
        return {"pitch": voice.engine.get("pitch")}

    def synthesize(self, text, voice):
        self.calls += 1
        return Clip(text.encode("utf-8").ljust(4000, b"\1")[:4000], 16000)


@pytest.fixture
def voice():
    return load_voices()["kk-anchor"]


def test_second_request_synthesizes_nothing(tmp_path, voice):
    engine, clips = CountingEngine(), ClipCache(tmp_path)
    first, made = clips.get_or_make(engine, "Сәлем", voice)
    again, made_again = ClipCache(tmp_path).get_or_make(engine, "Сәлем", voice)
    assert made and not made_again and again == first and engine.calls == 1


def test_real_espeak_clip_is_made_once(tmp_path, voice):
    clips = ClipCache(tmp_path)
    first, made = clips.get_or_make(espeak.ENGINE, "Бүгін Астанада күн ашық.", voice)
    second, made_again = clips.get_or_make(espeak.ENGINE, "Бүгін Астанада күн ашық.", voice)
    assert made and not made_again and second == first
    assert (clips.stats.hits, clips.stats.misses) == (1, 1)


def test_text_settings_and_engine_each_change_the_key(voice):
    engine = CountingEngine()
    base = clip_key(engine, "Сәлем", voice)
    assert clip_key(engine, "Сәлем!", voice) != base
    assert clip_key(engine, "Сәлем", replace(voice, engine={**voice.engine, "pitch": 10})) != base
    assert clip_key(espeak.ENGINE, "Сәлем", voice) != base
    assert clip_key(engine, "Сәлем", replace(voice, name="renamed")) == base  # only what changes the sound


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_deleted_and_made_again(tmp_path, voice, damage):
    engine, clips = CountingEngine(), ClipCache(tmp_path)
    clip, _ = clips.get_or_make(engine, "Сәлем", voice)
    path = clips.path(clip_key(engine, "Сәлем", voice))
    data = path.read_bytes()
    damaged = {
        "truncate": data[: len(data) // 2],
        "flip": data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:],
        "empty": b"",
        "garbage": b"not a wave file at all",
    }[damage]
    path.write_bytes(damaged)
    again, made = clips.get_or_make(engine, "Сәлем", voice)
    assert made and again == clip and engine.calls == 2 and clips.stats.repaired == 1
    assert from_wav(path.read_bytes()) == clip


def test_entries_are_plain_wav_files(tmp_path, voice):
    clips = ClipCache(tmp_path)
    clip, _ = clips.get_or_make(CountingEngine(), "Сәлем", voice)
    with wave.open(str(next(tmp_path.rglob("*.wav"))), "rb") as entry:
        assert (entry.getnchannels(), entry.getsampwidth(), entry.getframerate()) == (1, 2, 16000)
        assert entry.readframes(entry.getnframes()) == clip.samples


def test_odd_length_and_empty_clips_round_trip():
    for clip in (Clip(b"\1\2\3", 8000), Clip(b"", 22050)):
        assert from_wav(to_wav(clip)) == clip


def test_a_failed_write_leaves_no_entry_and_no_temporary_file(tmp_path, voice, monkeypatch):
    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="cannot write"):
        ClipCache(tmp_path).get_or_make(CountingEngine(), "Сәлем", voice)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_default_folder_is_the_users_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert ClipCache().folder == tmp_path / "broadcast" / "clips"


_WRITER = """
import sys
from pathlib import Path
from broadcast.audio.clip_cache import ClipCache
from broadcast.audio.clip import Clip
clips = ClipCache(Path(sys.argv[1]))
clip = Clip(bytes(range(256)) * 2000, 22050)
for _ in range(40):
    clips._write(clips.path("ab" * 32), clip)
"""


def test_two_processes_writing_one_entry_never_show_a_partial_file(tmp_path):
    """Readers racing two writers of the same entry see no entry or a whole one, never a torn one."""
    path = ClipCache(tmp_path).path("ab" * 32)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path)], env=env) for _ in range(2)]
    while any(writer.poll() is None for writer in writers):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        assert from_wav(data) is not None
    assert all(writer.returncode == 0 for writer in writers)
    assert from_wav(path.read_bytes()) is not None
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary files left behind


@pytest.mark.parametrize("damage", ["a folder", "a folder with files", "a short clip"])
def test_an_entry_that_is_a_folder_or_not_whole_is_replaced_not_a_permanent_error(tmp_path, damage):
    engine, voice = CountingEngine(), next(iter(load_voices([]).values()))
    cache = ClipCache(tmp_path)
    path = cache.path(clip_key(engine, "Сәлем", voice))
    if damage == "a short clip":  # a clip cut 60 ms short, checksum and all recomputed: its count no longer fits
        whole = to_wav(engine.synthesize("Сәлем", voice))
        path.parent.mkdir(parents=True)
        path.write_bytes(whole[:-1920][:4] + (len(whole) - 1920 - 8).to_bytes(4, "little") + whole[8:-1920])
    else:
        path.mkdir(parents=True)
        if damage == "a folder with files":
            (path / "inside").write_bytes(b"x")
    clip, made = cache.get_or_make(engine, "Сәлем", voice)
    assert made and path.is_file() and from_wav(path.read_bytes()) == clip
    assert cache.stats.repaired == 1
