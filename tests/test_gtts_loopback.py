"""The gtts engine runs gTTS's real client against a loopback stand-in for Google's batchexecute endpoint."""
from __future__ import annotations

import base64
import json
import math
import socket
import subprocess
import threading
import urllib.parse
from array import array
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from broadcast.audio.engines import google
from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.errors import EngineError, UsageError
from broadcast.voices import load_voices

BATCHEXECUTE = "/_/TranslateWebserverUi/data/batchexecute"


@pytest.fixture(scope="module")
def mp3(tmp_path_factory) -> bytes:
    """A real one-second MP3 tone, as Google sends speech: mono, 24 kHz."""
    path = tmp_path_factory.mktemp("mp3") / "tone.mp3"
    subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
         "-ac", "1", "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", str(path)],
        check=True,
    )
    return path.read_bytes()


def batchexecute_answer(mp3: bytes) -> bytes:
    """What translate_tts answers: the `)]}'` guard, a length line, then JSON holding the base64 MP3."""
    compact = {"separators": (",", ":")}
    payload = json.dumps([base64.b64encode(mp3).decode("ascii")], **compact)
    line = json.dumps([["wrb.fr", "jQ1olc", payload, None, None, None, "generic"]], **compact)
    return f")]}}'\n\n{len(line)}\n{line}\n".encode()


class StandIn:
    """A loopback HTTP server; `status` and `delay` decide how it answers, `requests` records what came."""

    def __init__(self, mp3: bytes) -> None:
        self.mp3, self.status, self.delay, self.requests = mp3, 200, 0.0, []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                form = urllib.parse.parse_qs(body.decode())
                rpc = json.loads(json.loads(form["f.req"][0])[0][0][1])
                stand_in.requests.append((self.path, rpc))
                threading.Event().wait(stand_in.delay)  # not time.sleep: tests record the engine's sleeps
                answer = batchexecute_answer(stand_in.mp3) if stand_in.status == 200 else b"error"
                self.send_response(stand_in.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                try:
                    self.wfile.write(answer)
                except OSError:
                    pass  # the client gave up waiting (the timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()  # quick shutdown

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stand_in(mp3, monkeypatch):
    server = StandIn(mp3)
    monkeypatch.setenv(google.URL_VARIABLE, server.url)
    yield server
    server.close()


@pytest.fixture
def no_waiting(monkeypatch):
    """Record the backoff delays instead of sleeping them."""
    delays: list[float] = []
    monkeypatch.setattr(google.time, "sleep", delays.append)
    return delays


@pytest.fixture
def ru_voice():
    return replace(load_voices()["ru-anchor"], engine={"name": "gtts"})


def test_real_client_fetches_and_decodes_speech(stand_in, ru_voice):
    clip = google.ENGINE.synthesize("Беларусь намерена увеличить товарооборот.", ru_voice)
    assert stand_in.requests == [(BATCHEXECUTE, ["Беларусь намерена увеличить товарооборот.", "ru", None, "null"])]
    samples = array("h")
    samples.frombytes(clip.samples)
    loudness = math.sqrt(sum(value * value for value in samples) / len(samples))
    assert clip.rate == 24000 and 900 <= clip.duration_ms <= 1100 and loudness > 2000  # ffmpeg sine: amplitude 1/8


def test_long_text_is_sent_in_gtts_parts_and_joined(stand_in, ru_voice):
    text = "Беларусь намерена увеличить товарооборот с Казахстаном. " * 4
    clip = google.ENGINE.synthesize(text, ru_voice)
    assert len(stand_in.requests) > 1  # gTTS splits at 100 characters
    assert clip.duration_ms >= 900 * len(stand_in.requests) - 200


def test_server_errors_are_retried_a_bounded_number_of_times_with_backoff(stand_in, ru_voice, no_waiting):
    stand_in.status = 503
    with pytest.raises(EngineError, match="HTTP 503 .*, 3 attempts; check the network or use espeak") as raised:
        google.ENGINE.synthesize("Привет.", ru_voice)
    assert raised.value.exit_code == 3 and "\n" not in str(raised.value)
    assert len(stand_in.requests) == google.ATTEMPTS == 3
    assert no_waiting == [google.BACKOFF, 2 * google.BACKOFF]


def test_a_refusal_is_not_retried(stand_in, ru_voice, no_waiting):
    stand_in.status = 403
    with pytest.raises(EngineError, match="HTTP 403"):
        google.ENGINE.synthesize("Привет.", ru_voice)
    assert len(stand_in.requests) == 1 and no_waiting == []


def test_a_silent_server_times_out_and_is_retried(stand_in, ru_voice, no_waiting, monkeypatch):
    monkeypatch.setattr(google, "TIMEOUT", (1.0, 0.3))
    stand_in.delay = 1.0
    with pytest.raises(EngineError, match=r"cannot reach 127.0.0.1:\d+ \(ReadTimeout\), 3 attempts"):
        google.ENGINE.synthesize("Привет.", ru_voice)
    assert len(stand_in.requests) == 3


def test_nobody_listening_is_an_engine_error(ru_voice, no_waiting, monkeypatch):
    with socket.socket() as probe:  # a port that was just free: connecting to it is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv(google.URL_VARIABLE, f"http://127.0.0.1:{port}")
    with pytest.raises(EngineError, match=r"cannot reach 127.0.0.1:\d+ \(ConnectionError\), 3 attempts; check the network") as raised:
        google.ENGINE.synthesize("Привет.", ru_voice)
    assert raised.value.exit_code == 3 and len(no_waiting) == 2


def test_network_down_is_an_engine_error(ru_voice, no_waiting, monkeypatch):
    """Without the stand-in gTTS goes for translate.google.com, which the test run refuses, as no network would."""
    monkeypatch.delenv(google.URL_VARIABLE, raising=False)
    with pytest.raises(EngineError, match=r"gtts: cannot reach translate.google.com \(ConnectionError\)"):
        google.ENGINE.synthesize("Hello.", replace(load_voices()["en-anchor"], engine={"name": "gtts"}))


def test_kazakh_is_refused_with_the_engine_that_speaks_it(ru_voice):
    kk_voice = replace(load_voices()["kk-anchor"], engine={"name": "gtts"})
    with pytest.raises(UsageError, match="gtts cannot speak 'kk'.*use espeak"):
        google.ENGINE.synthesize("Сәлем", kk_voice)
    readiness = google.ENGINE.readiness(kk_voice)
    assert not readiness.ready and readiness.online and "espeak" in readiness.detail


def test_readiness_says_online_without_asking_the_network(ru_voice):
    readiness = google.ENGINE.readiness(ru_voice)
    assert readiness.ready and readiness.online and readiness.detail == "online, needs network"


def test_settings_key_the_cache_by_what_changes_the_sound(ru_voice):
    settings = google.ENGINE.settings(ru_voice)
    assert settings["lang"] == "ru" and settings["tld"] == "com" and settings["slow"] is False
    assert google.ENGINE.settings(replace(ru_voice, engine={"name": "gtts", "slow": True})) != settings


def test_nothing_to_say_asks_nothing(stand_in, ru_voice):
    for text in ("   ", "..."):
        assert google.ENGINE.synthesize(text, ru_voice).frames == 0
    assert stand_in.requests == []
