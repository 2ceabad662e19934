"""The speech engines: espeak speaks kk, ru and en offline from the espeakng-loader wheel; silence is trimmed."""
from __future__ import annotations

import math
import threading
from array import array
from dataclasses import replace
from pathlib import Path

import pytest

from broadcast import languages
from broadcast.api import load
from broadcast.audio.clip import Clip
from broadcast.audio.engines import espeak, get, names
from broadcast.audio.silence import trim
from broadcast.errors import EngineError, UsageError
from broadcast.voices import load_voices

from conftest import FIXTURES, SEED

LINES = {
    "kk": "Беларусь Қазақстанмен сауда көлемін арттыруға ниетті.",
    "ru": "Беларусь намерена увеличить товарооборот с Казахстаном.",
    "en": "Belarus intends to increase its trade with Kazakhstan.",
}
STORIES = {"kk": SEED, "ru": FIXTURES / "ru" / "belarus.txt", "en": FIXTURES / "en" / "belarus.txt"}


def rms(clip: Clip) -> float:
    samples = array("h")
    samples.frombytes(clip.samples)
    return math.sqrt(sum(value * value for value in samples) / max(len(samples), 1))


def test_registry_lists_the_engines():
    assert {"espeak", "gtts"} <= set(names())
    assert get("espeak") is espeak.ENGINE


def test_an_engine_asked_by_name_is_the_registrys_own_whichever_way_it_is_found():
    # get() imports the module of the engine's own name alone (espeak, piper); gtts lives in google.py.
    from broadcast.audio import engines
    from broadcast.audio.engines import google

    assert engines._alone("espeak") is espeak.ENGINE
    assert engines._alone("gtts") is None and get("gtts") is google.ENGINE
    assert {name: get(name) for name in names()} == engines._registry()
    with pytest.raises(UsageError, match="unknown engine 'nope'"):
        get("nope")


def test_espeak_uses_the_wheels_library_not_a_system_one():
    import espeakng_loader

    espeak._library()
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc to see which libraries are loaded")
    loaded = {line.split()[-1] for line in maps.read_text().splitlines() if "libespeak" in line}
    assert loaded == {str(Path(espeakng_loader.get_library_path()).resolve())}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_espeak_speaks_each_language_for_as_long_as_its_syllables_take(lang):
    voice = load_voices()[f"{lang}-anchor"]
    clip = espeak.ENGINE.synthesize(LINES[lang], voice)
    estimate = languages.get(lang).syllables(LINES[lang]) / voice.read_rate
    assert clip.rate == 22050 and rms(clip) > 1000  # speech, not silence
    assert 0.75 * estimate <= clip.duration_ms / 1000 <= 1.33 * estimate


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_espeak_rate_calibration_holds_for_whole_stories(lang):
    """The fitted words-per-minute factors keep synthesized speech within 10% of the script's estimate."""
    timed = load(STORIES[lang], lang=lang)
    language = languages.get(lang)
    estimated = synthesized = 0.0
    for segment in timed.story.segments:
        voice = timed.cast.for_segment(segment)
        for line in segment.lines:
            estimated += language.syllables(line.spoken) / voice.read_rate
            synthesized += espeak.ENGINE.synthesize(line.spoken, voice).duration_ms / 1000
    assert 0.9 <= synthesized / estimated <= 1.1


def test_female_and_male_profiles_get_different_shipped_variants():
    voices = load_voices()
    library = espeak._library()
    for lang in ("kk", "ru", "en"):
        female = espeak.ENGINE.settings(voices[f"{lang}-guest-female"])
        male = espeak.ENGINE.settings(voices[f"{lang}-guest-male"])
        assert female["voice"].split("+")[1].startswith("f") and male["voice"].split("+")[1].startswith("m")
        assert library.has_variant(female["voice"].split("+")[1]) and library.has_variant(male["voice"].split("+")[1])
        assert female["pitch"] > male["pitch"]
        roles = ("anchor", "reporter", "guest-female", "guest-male")
        assert len({espeak.ENGINE.settings(voices[f"{lang}-{role}"])["voice"] for role in roles}) == 4
    text = LINES["kk"]
    assert espeak.ENGINE.synthesize(text, voices["kk-guest-female"]) != espeak.ENGINE.synthesize(text, voices["kk-guest-male"])


def test_variant_follows_gender_when_the_profile_names_none():
    voice = load_voices()["kk-guest-female"]
    assert espeak.voice_name(replace(voice, engine={"name": "espeak"})) == "kk+f3"
    assert espeak.voice_name(replace(voice, gender="male", engine={"name": "espeak"})) == "kk+m3"
    assert espeak.voice_name(replace(voice, gender="unknown", engine={"name": "espeak"})) == "kk"


def test_read_rate_sets_words_per_minute_and_a_profile_can_fix_it():
    voice = load_voices()["kk-anchor"]
    faster = replace(voice, read_rate=voice.read_rate * 1.2)
    assert espeak.words_per_minute(faster) > espeak.words_per_minute(voice)
    assert espeak.words_per_minute(replace(voice, engine={**voice.engine, "wpm": 170})) == 170
    assert espeak.words_per_minute(replace(voice, read_rate=100.0)) == 450  # espeak's ceiling


def test_readiness_is_offline_and_names_what_is_missing():
    voice = load_voices()["kk-anchor"]
    assert espeak.ENGINE.readiness(voice).ready and not espeak.ENGINE.readiness(voice).online
    missing_voice = espeak.ENGINE.readiness(replace(voice, engine={"voice": "zz-nowhere"}))
    assert not missing_voice.ready and "zz-nowhere" in missing_voice.detail
    missing_variant = espeak.ENGINE.readiness(replace(voice, engine={"voice": "kk", "variant": "nope9"}))
    assert not missing_variant.ready and "nope9" in missing_variant.detail


def test_unknown_voice_is_an_engine_error():
    voice = load_voices()["kk-anchor"]
    with pytest.raises(EngineError, match="no voice"):
        espeak.ENGINE.synthesize("сәлем", replace(voice, engine={"voice": "zz-nowhere"}))


def test_calls_from_threads_are_serialized_and_each_gets_its_own_speech():
    voices = load_voices()
    jobs = [(LINES[lang], voices[f"{lang}-{role}"]) for lang in LINES for role in ("anchor", "guest-male")]
    alone = [espeak.ENGINE.synthesize(text, voice) for text, voice in jobs]
    together: list[Clip | None] = [None] * len(jobs)

    def speak(index: int) -> None:
        together[index] = espeak.ENGINE.synthesize(*jobs[index])

    threads = [threading.Thread(target=speak, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # espeak's noise sources (rand()) make runs differ by some milliseconds, so compare lengths, not bytes.
    for mine, reference in zip(together, alone):
        assert mine is not None and abs(mine.duration_ms - reference.duration_ms) <= 50


def test_trim_cuts_leading_and_trailing_silence_only():
    tone = array("h", [0] * 1000 + [5000, -5000] * 500 + [0] * 3000)
    trimmed = trim(Clip(tone.tobytes(), 1000), keep_ms=10)
    assert trimmed.frames == 1000 + 2 * 10
    assert trim(Clip(bytes(2000), 1000)).frames == 0


def test_each_speaker_gets_a_voice_of_their_gender_and_keeps_it():
    timed = load(SEED)
    guests = [(s.speaker.name, timed.cast.for_segment(s)) for s in timed.story.segments if s.role == "guest"]
    assert len(guests) >= 2
    for name, voice in guests:
        speaker = next(s.speaker for s in timed.story.segments if s.speaker and s.speaker.name == name)
        assert voice.gender == speaker.gender
        assert espeak.voice_name(voice).split("+")[1][0] == speaker.gender[0]  # f1-f5 or m1-m8
    voices_of: dict[str, set[str]] = {}
    for name, voice in guests:
        voices_of.setdefault(name, set()).add(voice.name)
    assert len(voices_of) < len(guests) and all(len(names) == 1 for names in voices_of.values())  # a repeat bite


def test_piper_without_a_model_says_so(tmp_path):
    from importlib.util import find_spec

    from broadcast.audio.engines import piper

    voice = replace(load_voices()["kk-anchor"], engine={"name": "piper", "model": str(tmp_path / "kk.onnx")})
    assert piper.ENGINE.readiness(voice).detail == "model missing"
    with pytest.raises(EngineError, match="model missing"):
        piper.ENGINE.synthesize("сәлем", voice)
    if find_spec("piper") is None:
        (tmp_path / "kk.onnx").write_bytes(b"not a model")
        assert piper.ENGINE.readiness(voice).detail == "piper-tts not installed"
        with pytest.raises(EngineError, match="not installed"):
            piper.ENGINE.synthesize("сәлем", voice)


def test_readiness_reports_a_library_that_does_not_load(monkeypatch):
    def broken():
        raise EngineError("espeak: cannot load libespeak-ng from espeakng-loader (gone)")

    monkeypatch.setattr(espeak, "_library", broken)
    readiness = espeak.ENGINE.readiness(load_voices()["kk-anchor"])
    assert not readiness.ready and not readiness.online and "cannot load libespeak-ng" in readiness.detail


def test_two_guests_of_one_gender_sound_different_and_keep_their_voice():
    from broadcast.api import prepare
    from broadcast.audio.voice_choice import distinct_guests

    text = (
        "Елордада жаңа емхана ашылды.\n\n"
        "Айгүл Сәрсенова, емхана бас дәрігері:\n- Біз науқастарды кезексіз қабылдаймыз.\n"
        "Сәуле Ахметова, дәрігер:\n- Жабдықтар жаңа.\n"
        "Айгүл Сәрсенова, емхана бас дәрігері:\n- Кезек жоқ.\n"
    )
    timed = prepare(text, lang="kk")
    cast = distinct_guests(timed.cast)
    first, second = (cast.guests[name] for name in ("Айгүл Сәрсенова", "Сәуле Ахметова"))
    assert first == timed.cast.guests["Айгүл Сәрсенова"]  # the first keeps the profile as it is
    heard = {espeak.voice_name(v) for v in (cast.anchor, cast.reporter, first, second)}
    assert len(heard) == 4 and espeak.voice_name(second).split("+")[1].startswith("f")
    assert second.read_rate == first.read_rate  # timing does not change
    assert espeak.ENGINE.settings(second) != espeak.ENGINE.settings(first)  # nor do they share cache entries
    bites = [cast.for_segment(s).name for s in timed.story.segments if s.role == "guest"]
    assert bites == [first.name, second.name, first.name]


def test_a_bad_engine_number_is_the_profiles_fault():
    from broadcast.errors import InputError

    voice = load_voices()["kk-anchor"]
    with pytest.raises(InputError, match="engine pitch must be a number"):
        espeak.ENGINE.settings(replace(voice, engine={**voice.engine, "pitch": "high"}))


def test_settings_left_out_take_espeaks_defaults_not_the_last_voices():
    voice = replace(load_voices()["kk-anchor"], engine={"name": "espeak"})
    assert (espeak.ENGINE.settings(voice)["pitch"], espeak.ENGINE.settings(voice)["range"]) == (50, 50)


def test_ctrl_c_during_espeak_synthesis_stops_it_and_caches_nothing(tmp_path):
    """The interrupt lands inside the ctypes callback (Python code called from the C library): it must not
    be swallowed there, and the half-made clip must not enter the cache."""
    import signal

    from broadcast.audio.clip_cache import ClipCache

    voice = load_voices([])["kk-anchor-female"] if "kk-anchor-female" in load_voices([]) else next(
        v for v in load_voices([]).values() if v.language == "kk"
    )
    text = " ".join(["Беларусь президенті Александр Лукашенко Қазақстанға ресми сапармен келді."] * 12)
    cache = ClipCache(tmp_path / "clips")

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        espeak.ENGINE.synthesize("Сәлем.", voice)  # loaded first: the timer must fall inside the long line
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(KeyboardInterrupt):
            cache.get_or_make(espeak.ENGINE, text, voice)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not list((tmp_path / "clips").rglob("*.wav"))
    # The library is left ready: the next line speaks whole.
    clip, made = cache.get_or_make(espeak.ENGINE, "Сәлеметсіз бе.", voice)
    assert made and clip.duration_ms > 300


def test_a_synthesis_that_never_reaches_its_end_is_an_engine_error(monkeypatch):
    """espeak marks the end of a line with an empty buffer; samples without it are never a whole clip."""
    library = espeak._library()
    original = library._collect

    def drop_the_end(wav, count, events):
        return original(wav, count, events) if wav else 0

    monkeypatch.setattr(library, "_collect", drop_the_end)
    callback = espeak._CALLBACK(library._collect)
    library._lib.espeak_SetSynthCallback(callback)
    try:
        with pytest.raises(EngineError, match="before the end"):
            library.speak("Сәлем.", "kk", 160, 50, 50)
    finally:
        library._lib.espeak_SetSynthCallback(library._callback)
