"""piper: neural voices from a model file the user supplies (e.g. kk_KZ-issai-high.onnx), offline.

Models come from model hubs, so none ships here: a profile names its file, `[engine] model = "/path.onnx"`
(its `.onnx.json` beside it), and the `piper-tts` package must be installed.
"""
from __future__ import annotations

import io
import threading
import wave
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from ...errors import EngineError
from ...voices import VoiceProfile
from ..clip import Clip
from ..silence import trim
from .base import Readiness

_LOCK = threading.Lock()  # one loaded model is shared by the threads of a render


def _model(voice: VoiceProfile) -> Path | None:
    model = voice.engine.get("model")
    return Path(str(model)).expanduser() if model else None


@cache
def _load(model: Path):
    try:
        from piper import PiperVoice

        return PiperVoice.load(str(model))
    except ImportError:
        raise EngineError("piper: the piper-tts package is not installed (pip install piper-tts)") from None
    except Exception as error:  # onnxruntime raises its own types for a bad model; report any as one line
        raise EngineError(f"piper: cannot load {model} ({type(error).__name__}: {error})") from None


class PiperEngine:
    name = "piper"
    languages = frozenset({"kk", "ru", "en"})  # whatever the model speaks; these are broadcast's

    def readiness(self, voice: VoiceProfile) -> Readiness:
        model = _model(voice)
        if model is None or not model.is_file():
            return Readiness(ready=False, online=False, detail="model missing")
        if find_spec("piper") is None:
            return Readiness(ready=False, online=False, detail="piper-tts not installed")
        return Readiness(ready=True, online=False, detail="ready, offline")

    def settings(self, voice: VoiceProfile) -> dict[str, object]:
        model = _model(voice)
        if model is None or not model.is_file():
            raise EngineError(f"piper: voice profile {voice.name}: model missing ({model or 'no model = in [engine]'})")
        stat = model.stat()
        # The file's name, size and time stand for its content: hashing a 100 MB model per clip is too slow.
        return {"model": str(model.resolve()), "size": stat.st_size, "mtime": int(stat.st_mtime)}

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        settings = self.settings(voice)
        piper_voice = _load(Path(str(settings["model"])))
        buffer = io.BytesIO()
        with _LOCK, wave.open(buffer, "wb") as out:
            # piper-tts 1.3 names it synthesize_wav; 1.2 wrote WAV from synthesize.
            speak = getattr(piper_voice, "synthesize_wav", None) or piper_voice.synthesize
            speak(text, out)
        buffer.seek(0)
        with wave.open(buffer, "rb") as sound:
            if sound.getsampwidth() != 2 or sound.getnchannels() != 1:
                raise EngineError("piper: the model did not give mono 16-bit audio")
            return trim(Clip(sound.readframes(sound.getnframes()), sound.getframerate()))


ENGINE = PiperEngine()
