"""espeak-ng, the default engine: offline, through the C library and data the espeakng-loader wheel ships.

No system espeak-ng is needed, and no Python binding: the maintained ones on PyPI call the `espeak-ng`
program or compile against its headers, so a small ctypes binding over `speak_lib.h` serves here.
The library keeps global state and is not thread-safe: it is initialised once per process and every
call goes through one lock.
"""
from __future__ import annotations

import bisect
import ctypes
import re
import sys
import threading
from functools import cache
from pathlib import Path

from ...errors import EngineError, InputError
from ...voices import VoiceProfile
from ..clip import Clip
from ..silence import trim
from . import espeak_kk
from .base import Readiness

# From espeak-ng's speak_lib.h.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000  # report a missing data folder instead of exiting the process
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_ENDPAUSE = 0x1000  # let the last sound end naturally (trim() removes the pause), not cut mid-phoneme
_RATE, _PITCH, _RANGE = 1, 3, 4
_RATE_MIN, _RATE_MAX = 80, 450  # words per minute espeak accepts
_EE_OK = 0
_PHONEMES_IPA = 0x02  # espeak_TextToPhonemes: IPA rather than espeak's own phoneme names
_PHONEME_SEPARATOR = ord("|") << 8  # espeak_TextToPhonemes: its own phoneme names, this character between them
_PHONEME_INPUT = 0x100  # espeakPHONEMES: [[...]] in the text is phoneme input (espeak_kk.front_rounded writes it)
# The samples come to the callback this many ms at a time (the library's default is 60): each call takes the
# GIL from the render's other threads, so a line is a few calls, not one every 60 ms (the samples are the same).
_BUFFER_MS = 1000

# espeak's rate is in words per minute; a profile's read_rate is in syllables per second (pauses excluded):
# wpm = read_rate x factor. Fitted by measurement (libespeak-ng 1.52.0, 2026-11): every line of the seed story
# and of tests/fixtures/{ru,en}/belarus.txt, spoken by its cast voice, trimmed clip against the line's
# syllables / read_rate; the factor was refitted until the story totals met (kk 164.2 s synthesized for
# 163.8 s estimated, ru 157.1/156.2, en 126.3/124.6; single lines 0.83-1.23x). espeak's rate is not linear
# in wpm, so refit after changing a read_rate by much. tests/test_engines.py keeps the totals within 10%.
WPM_PER_SYLLABLE_RATE = {"kk": 29.6, "ru": 21.6, "en": 33.4}
DEFAULT_WPM_PER_SYLLABLE_RATE = 30.0

# Variants shipped in espeakng-loader's data (voices/!v), in the order a voice of that gender takes them.
VARIANTS = {"female": ("f3", "f4", "f2", "f5", "f1"), "male": ("m3", "m2", "m6", "m4", "m1", "m7")}
_DEFAULT_PITCH = _DEFAULT_RANGE = 50  # espeak's own defaults; always set, since the library keeps the last ones

_EVENT_END_OF_LIST, _EVENT_WORD = 0, 1
_CONTINUE, _ABORT = 0, 1  # what the synth callback returns


class _Event(ctypes.Structure):
    """speak_lib.h's espeak_EVENT: what the library reports beside the samples (a word starts here, ...)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),  # 1-based character of the text where the word starts
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),  # ms from the start of the synthesis
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    ]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


def _speech(voice: VoiceProfile) -> tuple[str, int, int, int]:
    """What espeak is told for `voice`: its voice name, words a minute, pitch and pitch range."""
    pitch, span = round(_setting(voice, "pitch", _DEFAULT_PITCH)), round(_setting(voice, "range", _DEFAULT_RANGE))
    return voice_name(voice), words_per_minute(voice), pitch, span


class _Library:
    """The loaded libespeak-ng: one per process, used under `_LOCK`."""

    def __init__(self, library: Path, data: Path) -> None:
        self.data = data
        self._lib = ctypes.CDLL(str(library))
        self._lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self._lib.espeak_Info.restype = ctypes.c_char_p
        self._lib.espeak_Info.argtypes = [ctypes.c_void_p]
        self._lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self._lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self._lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        self.rate = self._lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS, str(data).encode(), _INITIALIZE_DONT_EXIT)
        if self.rate <= 0:
            raise OSError(f"espeak_Initialize failed for data folder {data}")
        self.version = (self._lib.espeak_Info(None) or b"?").decode()
        self._pcm = bytearray()
        self._words: list[tuple[int, int]] = []  # (character, ms) of each word event
        self._finished = False  # espeak said the synthesis ended: the samples are the whole line
        self._raised: BaseException | None = None
        self._voice = ""  # the voice set last by speak()
        self._callback = _CALLBACK(self._collect)  # kept on self: the library holds only a raw pointer
        self._lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav, count: int, events) -> int:
        # An exception cannot cross the C library: ctypes would print and drop it (a Ctrl-C here was
        # swallowed and the render went on with a short clip). Keep it, stop the synthesis, raise after.
        # A signal handler may also raise on entry, before this try: _keep() catches that one.
        if self._raised is not None:
            return _ABORT
        try:
            if not wav:  # speak_lib.h: a NULL buffer marks the end of the synthesis
                self._finished = True
            elif count > 0:
                self._pcm += ctypes.string_at(wav, count * 2)
            index = 0
            while events and events[index].type != _EVENT_END_OF_LIST:
                if events[index].type == _EVENT_WORD:
                    self._words.append((events[index].text_position, events[index].audio_position))
                index += 1
            return _CONTINUE
        except BaseException as error:  # KeyboardInterrupt above all
            self._raised = error
            return _ABORT

    def _keep(self, previous):
        """An unraisable hook that keeps what the callback raised (the next call aborts the synthesis)."""

        def hook(unraisable) -> None:
            if unraisable.object == self._collect and unraisable.exc_value is not None:
                self._raised = unraisable.exc_value
            else:
                previous(unraisable)

        return hook

    def has_voice(self, name: str) -> bool:
        self._voice = ""  # the library's current voice is now this one, or none
        return self._lib.espeak_SetVoiceByName(name.encode()) == _EE_OK

    def has_variant(self, variant: str) -> bool:
        # espeak accepts an unknown "+variant" silently and speaks the plain voice, so look for the file.
        return (self.data / "voices" / "!v" / variant).is_file()

    def phonemes(self, text: str, voice: str) -> str:
        """How `voice` would say `text`, in IPA, by espeak's own espeak_TextToPhonemes (nothing is synthesized);
        `[[...]]` in `text` is phoneme input, as synthesis reads it."""
        if not self.has_voice(voice):
            raise EngineError(f"espeak: no voice {voice!r} in {self.data}")
        # The library reads phoneme input only after a synthesis asked for it: an empty one does.
        self._pcm, self._words = bytearray(), []
        self._lib.espeak_Synth(b"", 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8 | _PHONEME_INPUT, None, None)
        return " ".join(self._text_to_phonemes(text, _PHONEMES_IPA))

    def phoneme_names(self, word: str, voice: str) -> list[str]:
        """espeak's own phoneme names for one word as `voice` (a base voice, no variant) says it."""
        if self._voice.partition("+")[0] != voice and not self.has_voice(voice):
            raise EngineError(f"espeak: no voice {voice!r} in {self.data}")
        return "|".join(self._text_to_phonemes(word, _PHONEME_SEPARATOR)).split("|")

    def _text_to_phonemes(self, text: str, mode: int) -> list[str]:
        function = self._lib.espeak_TextToPhonemes
        function.restype = ctypes.c_char_p
        function.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        clauses = []
        while pointer.value:  # one clause a call; the library moves the pointer on, to NULL at the end
            clauses.append((function(ctypes.byref(pointer), _CHARS_UTF8, mode) or b"").decode("utf-8"))
        return clauses

    def speak(self, text: str, voice: str, wpm: int, pitch: int, pitch_range: int) -> tuple[bytes, list[tuple[int, int]]]:
        """The samples and, for each word, (its 1-based character in `text`, ms from the start)."""
        # Choosing a voice loads its files (milliseconds): only when it changes.
        if voice != self._voice and not self.has_voice(voice):
            raise EngineError(f"espeak: no voice {voice!r} in {self.data}")
        self._voice = voice
        for parameter, value in ((_RATE, wpm), (_PITCH, pitch), (_RANGE, pitch_range)):
            self._lib.espeak_SetParameter(parameter, value, 0)
        encoded = text.encode("utf-8")
        self._pcm, self._words, self._finished, self._raised = bytearray(), [], False, None
        previous = sys.unraisablehook
        sys.unraisablehook = self._keep(previous)
        try:
            flags = _CHARS_UTF8 | _ENDPAUSE | _PHONEME_INPUT
            status = self._lib.espeak_Synth(encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0, flags, None, None)
            self._lib.espeak_Synchronize()
        finally:
            sys.unraisablehook = previous
        if self._raised is not None:
            raised, self._raised = self._raised, None
            raise raised
        if status != _EE_OK:
            raise EngineError(f"espeak: synthesis failed (code {status}) for voice {voice!r}")
        if not self._finished:  # cut off before its end: never let a partial line pass as the whole
            raise EngineError(f"espeak: synthesis stopped before the end of the line for voice {voice!r}")
        return bytes(self._pcm), self._words


_LOCK = threading.RLock()  # re-entrant: loading happens under it too, from calls that may already hold it


def _library() -> _Library:
    """The process's libespeak-ng, loaded and initialised on first use; EngineError when it cannot be."""
    with _LOCK:  # two threads must not both initialise it
        return _load()


@cache
def _load() -> _Library:
    try:
        import espeakng_loader

        return _Library(Path(espeakng_loader.get_library_path()), Path(espeakng_loader.get_data_path()))
    except (ImportError, OSError, AttributeError) as error:
        raise EngineError(f"espeak: cannot load libespeak-ng from espeakng-loader ({error})") from None


def voice_name(voice: VoiceProfile) -> str:
    """The espeak voice with its variant, e.g. `kk+f3`: the profile's, or one that fits its gender."""
    base = str(voice.engine.get("voice") or voice.language)
    variant = voice.engine.get("variant") or VARIANTS.get(voice.gender, ("",))[0]
    return f"{base}+{variant}" if variant else base


def words_per_minute(voice: VoiceProfile) -> int:
    """espeak's rate for the profile: its own `wpm`, else read_rate scaled by the language's measured factor."""
    factor = WPM_PER_SYLLABLE_RATE.get(voice.language, DEFAULT_WPM_PER_SYLLABLE_RATE)
    wpm = _setting(voice, "wpm", voice.read_rate * _setting(voice, "wpm_per_syllable_rate", factor))
    return max(_RATE_MIN, min(_RATE_MAX, round(wpm)))


def _setting(voice: VoiceProfile, key: str, default: float) -> float:
    """A number from the profile's [engine] table, or `default`; a bad value is the profile's fault."""
    value = voice.engine.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"voice profile {voice.path or voice.name}: engine {key} must be a number, not {value!r}")
    return float(value)


class EspeakEngine:
    name = "espeak"
    languages = frozenset({"kk", "ru", "en"})

    def readiness(self, voice: VoiceProfile) -> Readiness:
        try:
            library = _library()
        except EngineError as error:
            return Readiness(ready=False, online=False, detail=str(error))
        name = voice_name(voice)
        base, _, variant = name.partition("+")
        with _LOCK:
            known = library.has_voice(base)
        if not known:
            return Readiness(ready=False, online=False, detail=f"no espeak voice {base!r}")
        if variant and not library.has_variant(variant):
            return Readiness(ready=False, online=False, detail=f"no espeak variant {variant!r}")
        return Readiness(ready=True, online=False, detail="ready, offline")

    def settings(self, voice: VoiceProfile) -> dict[str, object]:
        respelled = {"respelling": espeak_kk.VERSION} if voice.language == "kk" else {}
        name, wpm, pitch, span = _speech(voice)
        return {**respelled, "voice": name, "wpm": wpm, "pitch": pitch, "range": span, "library": _library().version}

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        library = _library()
        with _LOCK:
            text = _said(library, text, voice)  # the same words, so the word events still name them
            pcm, events = library.speak(text, *_speech(voice))
        return trim(Clip(pcm, library.rate, word_onsets(text, events)))


def _said(library: _Library, text: str, voice: VoiceProfile) -> str:
    """`text` as espeak is given it: no phoneme input of its own; Kazakh respelled, its ү words as phonemes."""
    text = espeak_kk.unbracketed(text)
    if voice.language != "kk":
        return text
    base = voice_name(voice).partition("+")[0]
    return espeak_kk.front_rounded(espeak_kk.respell(text), lambda word: _phoneme_names(library, word, base))


def _phoneme_names(library: _Library, word: str, voice: str) -> list[str]:
    key = (word.lower(), voice)
    if key not in _NAMES:
        _NAMES[key] = library.phoneme_names(word.lower(), voice)
    return _NAMES[key]


_NAMES: dict[tuple[str, str], list[str]] = {}  # a word's phoneme names: the same for the life of the library


def word_onsets(text: str, events: list[tuple[int, int]]) -> tuple[int, ...]:
    """When each whitespace-separated word of `text` starts (ms), from espeak's word events (character, ms).

    espeak may report a word twice or not at all (punctuation alone, a word it splits): each word takes its
    first event, and a word without one starts where the word before it did.
    """
    starts = [match.start() for match in re.finditer(r"\S+", text)]
    onsets: list[int | None] = [None] * len(starts)
    for character, ms in events:
        index = bisect.bisect_right(starts, character - 1) - 1
        if 0 <= index < len(onsets) and onsets[index] is None:
            onsets[index] = ms
    result, last = [], 0
    for onset in onsets:
        last = max(last, onset if onset is not None else last)
        result.append(last)
    return tuple(result)


def phonemes(text: str, voice: VoiceProfile) -> str:
    """The IPA espeak makes of `text` for `voice`, respelled as synthesis respells it."""
    library = _library()
    with _LOCK:
        return library.phonemes(_said(library, text, voice), voice_name(voice).partition("+")[0])


ENGINE = EspeakEngine()
