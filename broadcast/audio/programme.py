"""Where the laid audio goes: straight into the encoder as it is laid (never the whole programme in memory),
or into memory when a story's bed and stings are mixed over it afterwards.

Every sink keeps the programme's loudness timeline (level.Timeline) as takes are written, so the written
file's loudness is computed from the speech, not metered again over the silence.
"""
from __future__ import annotations

import queue
import subprocess
import tempfile
import threading
import wave
from pathlib import Path
from types import TracebackType

from ..errors import EngineError
from .ffmpeg import ffmpeg_exe
from .level import Level, Timeline
from .loudness import Encoding
from .pcm import die_with_parent, raw

RATE = 48000
_FRAMES_PER_MS = RATE // 1000
_SILENCE_CHUNK_MS = 1000
_QUEUED = 16  # chunks waiting for the encoder: a take or a second of silence each


class Sink:
    """Mono 16-bit PCM at RATE written in order; `target` and `ceiling` are the level speech is brought to."""

    def __init__(self, target: float, ceiling: float) -> None:
        self.target, self.ceiling = target, ceiling
        self.timeline = Timeline()
        self.frames = 0

    @property
    def cursor(self) -> int:
        """Milliseconds written so far."""
        return self.frames // _FRAMES_PER_MS

    def write(self, pcm: bytes, level: Level | None = None) -> None:
        if level is not None:
            self.timeline.add(self.cursor, level)
        self._out(pcm)
        self.frames += len(pcm) // 2

    def silence(self, ms: int) -> None:
        """`ms` of digital silence, written a second at a time."""
        while ms > 0:
            step = min(ms, _SILENCE_CHUNK_MS)
            self.write(bytes(2 * _FRAMES_PER_MS * step))
            ms -= step

    def _out(self, pcm: bytes) -> None:
        raise NotImplementedError


class MemorySink(Sink):
    """The programme held in memory: for a single story mixed further with pydub (a bed, a sting)."""

    def __init__(self, target: float, ceiling: float) -> None:
        super().__init__(target, ceiling)
        self.pcm = bytearray()

    def _out(self, pcm: bytes) -> None:
        self.pcm += pcm


class WavSink(Sink):
    """The programme written to a WAV file as it is laid, to be metered and normalised whole after."""

    def __init__(self, path: Path, target: float, ceiling: float) -> None:
        super().__init__(target, ceiling)
        self._file = wave.open(str(path), "wb")  # noqa: SIM115 -- the object owns it and closes it
        self._file.setnchannels(1)
        self._file.setsampwidth(2)
        self._file.setframerate(RATE)

    def _out(self, pcm: bytes) -> None:
        self._file.writeframesraw(pcm)

    def close(self) -> None:
        self._file.close()


class Encoder(Sink):
    """The programme streamed into one ffmpeg encode to `path`, as it is laid.

    A writer thread feeds the encoder from a short queue, so laying the next segment (its conform) goes on
    while the encoder takes the last one; the queue's bound keeps memory flat however long the programme.
    """

    def __init__(self, path: Path, encoding: Encoding, target: float, ceiling: float) -> None:
        super().__init__(target, ceiling)
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 -- the object owns it and closes it
        rate = [] if encoding.rate == RATE else ["-af", f"aresample={encoding.rate}:resampler=soxr"]
        command = [
            ffmpeg_exe(), "-hide_banner", "-nostats", "-y", "-loglevel", "error", *raw(RATE), "-i", "pipe:0",
            *rate, *encoding.arguments(), str(path),
        ]
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._errors, preexec_fn=die_with_parent
        )
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUED)
        self._broken = False
        self._writer = threading.Thread(target=self._write_all, name="broadcast-encode", daemon=True)
        self._writer.start()

    def _write_all(self) -> None:
        while (pcm := self._queue.get()) is not None:
            if not self._broken:
                try:
                    self._process.stdin.write(pcm)  # type: ignore[union-attr]
                except (BrokenPipeError, OSError):
                    self._broken = True
        try:
            self._process.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass

    def _out(self, pcm: bytes) -> None:
        if self._broken:
            self._fail()
        self._queue.put(pcm)

    def __enter__(self) -> Encoder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if kind is not None:
            # Interrupted or failed: ffmpeg must be gone before the caller removes its half-written output.
            self._process.kill()
            self._drain()
            self._process.wait()
            self._errors.close()
            return
        self._queue.put(None)
        self._writer.join()
        if self._process.wait() != 0 or self._broken:
            self._fail()
        self._errors.close()

    def _drain(self) -> None:
        """Let the writer thread end: empty the queue and post its end."""
        self._broken = True
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(None)
        self._writer.join(timeout=5)

    def _fail(self) -> None:
        self._process.kill()
        self._process.wait()
        self._errors.seek(0)
        lines = self._errors.read().decode(errors="replace").strip().splitlines()
        self._errors.close()
        raise EngineError(f"ffmpeg could not write the draft: {lines[-1] if lines else 'no message'}")
