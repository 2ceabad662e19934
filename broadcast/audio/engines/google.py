"""gtts: Google Translate's text-to-speech through the gTTS client. Online; Russian and English, no Kazakh.

The module is not named `gtts` so that it does not shadow the gTTS package it imports.
Set BROADCAST_GTTS_URL (e.g. `http://127.0.0.1:8000`) to send gTTS's requests to another host with the same
batchexecute interface: a proxy, or the loopback stand-in the tests run.
"""
from __future__ import annotations

import io
import ipaddress
import os
import re
import time
from functools import cache
from urllib.parse import urlsplit, urlunsplit

from ...errors import EngineError, UsageError
from ...voices import VoiceProfile
from ..clip import Clip
from ..ffmpeg import audio_segment
from ..silence import trim
from .base import Readiness

URL_VARIABLE = "BROADCAST_GTTS_URL"
TIMEOUT = (5.0, 20.0)  # seconds to connect, to read; gTTS waits forever by default
ATTEMPTS = 3  # one try and two retries
BACKOFF = 1.0  # seconds before the first retry, doubling after each
GOOGLE_RATE = 24000  # Google's speech comes as 24 kHz mono MP3; an empty clip gets the same rate


@cache
def _client() -> type:
    """gTTS with one addition: it can send its requests to the host BROADCAST_GTTS_URL names."""
    from gtts import gTTS

    class Client(gTTS):
        base_url: str | None = None

        def _prepare_requests(self):
            prepared = super()._prepare_requests()
            if self.base_url:
                base = urlsplit(self.base_url)
                for request in prepared:
                    url = urlsplit(request.url)
                    request.prepare_url(urlunsplit((base.scheme, base.netloc, url.path, url.query, "")), None)
            return prepared

    return Client


def base_url() -> str | None:
    """BROADCAST_GTTS_URL, checked: an http(s) URL with a host and a valid port, or nothing."""
    value = os.environ.get(URL_VARIABLE) or None
    if value is None:
        return None
    shown = value if len(value) <= 60 and value.isprintable() else repr(value[:60])
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port out of range or not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or not _is_host(parts.hostname):
        raise UsageError(f"{URL_VARIABLE}={shown} is not an http(s) URL like http://127.0.0.1:8000")
    return value


def _is_host(name: str) -> bool:
    """An IP address, or a DNS name of letters, digits and hyphens in labels of at most 63 (RFC 1035): a space
    or a 5,000-letter label reached the HTTP library, a traceback."""
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    labels = name.rstrip(".").split(".")
    return len(name) <= 253 and all(_LABEL.fullmatch(label) for label in labels)


_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


@cache
def _supported() -> frozenset[str]:
    from gtts.lang import tts_langs

    return frozenset(tts_langs())


def _transient(error: Exception) -> bool:
    """No answer at all, a timeout, a server error or rate limiting: worth another try."""
    response = getattr(error, "rsp", None)
    return response is None or response.status_code >= 500 or response.status_code == 429


def _failure(error: Exception, client) -> str:
    """What went wrong, in a few words: gTTS keeps the HTTP response, or the requests error as the context."""
    response = getattr(error, "rsp", None)
    if response is not None:
        return f"HTTP {response.status_code} {response.reason} from {urlsplit(response.url).netloc}"
    cause = type(error.__context__).__name__ if error.__context__ is not None else "no answer"
    host = urlsplit(client.base_url).netloc if client.base_url else f"translate.google.{client.tld}"
    return f"cannot reach {host} ({cause})"


class GttsEngine:
    name = "gtts"
    languages = frozenset({"ru", "en"})  # broadcast's languages that Google speaks
    attempts = ATTEMPTS
    backoff = BACKOFF

    def _lang(self, voice: VoiceProfile) -> str:
        lang = str(voice.engine.get("lang") or voice.language)
        if lang not in _supported():
            from . import names, get

            others = [name for name in names() if voice.language in get(name).languages and name != self.name]
            instead = f"; use {' or '.join(others)}" if others else ""
            raise UsageError(f"gtts cannot speak {lang!r} (Google has no voice for it){instead}")
        return lang

    def readiness(self, voice: VoiceProfile) -> Readiness:
        try:
            self._lang(voice)
            base_url()
        except UsageError as error:
            return Readiness(ready=False, online=True, detail=str(error))
        return Readiness(ready=True, online=True, detail="online, needs network")

    def settings(self, voice: VoiceProfile) -> dict[str, object]:
        from gtts import __version__

        base_url()  # a bad BROADCAST_GTTS_URL is refused before any work
        return {
            "lang": self._lang(voice),
            "tld": str(voice.engine.get("tld", "com")),
            "slow": bool(voice.engine.get("slow", False)),
            "gtts": __version__,
        }

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        settings = self.settings(voice)
        if not text.strip():
            return Clip(b"", GOOGLE_RATE)
        return trim(_decode_mp3(self._fetch(text, settings)))

    def _fetch(self, text: str, settings: dict[str, object]) -> bytes:
        """The MP3 gTTS gets for `text`, retrying transient failures with exponential backoff."""
        from gtts import gTTSError

        client = _client()(text, tld=settings["tld"], lang=settings["lang"], slow=settings["slow"], lang_check=False, timeout=TIMEOUT)
        client.base_url = base_url()
        attempt, delay = 1, self.backoff
        while True:
            mp3 = io.BytesIO()
            try:
                client.write_to_fp(mp3)
                return mp3.getvalue()
            except gTTSError as error:
                if not _transient(error) or attempt >= self.attempts:
                    tries = f", {attempt} attempts" if attempt > 1 else ""
                    raise EngineError(f"gtts: {_failure(error, client)}{tries}; check the network or use espeak") from None
            except AssertionError:  # gTTS asserts when nothing speakable is left after its clean-up
                return b""
            time.sleep(delay)
            attempt, delay = attempt + 1, delay * 2


def _decode_mp3(mp3: bytes) -> Clip:
    """MP3 bytes to a mono 16-bit Clip at the MP3's own rate."""
    if not mp3:
        return Clip(b"", GOOGLE_RATE)
    segment = audio_segment()
    from pydub.exceptions import CouldntDecodeError

    try:
        sound = segment.from_file(io.BytesIO(mp3), format="mp3", codec="mp3")
    except (CouldntDecodeError, OSError) as error:
        raise EngineError(f"gtts: cannot decode the MP3 it returned ({type(error).__name__})") from None
    sound = sound.set_channels(1).set_sample_width(2)
    return Clip(sound.raw_data, sound.frame_rate)


ENGINE = GttsEngine()
