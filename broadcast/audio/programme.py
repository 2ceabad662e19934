"""Where the laid audio goes: straight into the encoder as it is laid (never the whole programme in memory),
or into memory when a story's bed and stings are mixed over it afterwards.

Every sink keeps the programme's loudness timeline (level.Timeline) as takes are written, so the written
file's loudness is computed from the speech, not metered again over the silence.
"""
from __future__ import annotations

import contextlib
import queue
import subprocess
import tempfile
import threading
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType

from ..scratch import run_folder
from .ffmpeg import ffmpeg_exe
from .level import Level, Timeline
from .loudness import Encoding
from .pcm import ffmpeg_failed, raw, tied_to_parent
from .pieces import FRAME, Pieces, assemble

RATE = 48000
_FRAMES_PER_MS = RATE // 1000
_SILENCE_CHUNK_MS = 1000
_QUEUED = 16  # chunks waiting for the encoder: a take or a second of silence each
_SECOND = bytes(2 * RATE)  # a second of silence, shared by every piece that holds one (bytes never change)


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

    def boundary(self) -> None:
        """The laying may be cut here (a segment's or an item's end, after its pause): a sink that encodes in
        pieces may move the cursor a few milliseconds inside the silence just written; read `cursor` after."""

    def seam(self) -> None:
        """The laying may be cut here without the cursor moving (a line's end inside a segment, after its pause):
        a sink that encodes in pieces may end one inside the silence just written."""

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
        import wave  # here: only a programme normalised whole is written to a WAV (an MP3 draft never is)

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
        argv, tie = tied_to_parent(command)
        self._process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._errors, **tie)
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
        stderr = self._errors.read()
        self._errors.close()
        raise ffmpeg_failed("write the draft", stderr)


class PieceEncoder(Sink):
    """The programme encoded in pieces as it is laid (pieces.py), each kept, so a mix redone encodes only the
    pieces whose samples changed; the draft is their frames joined. The pieces not kept go through two encoder
    runs on their own threads (pieces._Stream) while the laying goes on.

    A piece ends at a boundary the layer offers (a segment's end), moved to the nearest MP3 frame inside the
    silence just written, at a seam (a line's end inside a segment: the last MP3 frame inside its pause, the
    cursor kept), and inside any silence longer than LONGEST (a break), so memory stays flat: a piece is held
    until it is encoded, and only a few wait for the encoder.
    """

    LONGEST = 60 * RATE  # samples
    SILENT_FRAMES = 417  # MP3 frames in a piece of silence alone: 10.008 s at 48 kHz

    def __init__(self, path: Path, encoding: Encoding, target: float, ceiling: float, folder: Path) -> None:
        super().__init__(target, ceiling)
        self.path, self.encoding = path, encoding
        self._scratch = contextlib.ExitStack()
        try:
            scratch: Path | None = self._scratch.enter_context(run_folder(folder))  # this run's, beside the pieces
        except OSError:
            scratch = None  # the pieces' folder cannot be written: the first piece encoded will say so
        self.pieces = Pieces(folder, encoding, RATE, scratch)
        self._grid = FRAME * RATE // encoding.rate
        self.SILENT = self.SILENT_FRAMES * self._grid
        # The piece being laid, as the parts written (never copied into one buffer: the encoder and the key read
        # them in order), and its length in bytes.
        self._pcm: list[bytes | memoryview] = []
        self._size = 0
        self._silent = 0  # samples of digital silence at the end of the piece being laid
        self._encoded: list[Future[Path]] = []

    def _out(self, pcm: bytes) -> None:
        if pcm:
            self._pcm.append(pcm)
            self._size += len(pcm)
        self._silent = _quiet_end(pcm, self._silent)

    def silence(self, ms: int) -> None:
        """Silence cut into pieces of exactly SILENT samples once a piece holds nothing else (a break's are all
        the same piece, encoded once), and after LONGEST when it follows sound."""
        left = _FRAMES_PER_MS * max(ms, 0)
        while left > 0:
            laid = self._size // 2
            alone = self._silent == laid
            step = min(left, RATE, self.SILENT - laid if alone and laid < self.SILENT else RATE)
            self.write(_SECOND if step == RATE else bytes(2 * step))
            left -= step
            laid += step
            if alone and laid == self.SILENT:
                self._finish(last=False)
            elif not alone and laid >= self.LONGEST:
                self.boundary()

    def boundary(self) -> None:
        """End the piece at the frame boundary nearest the cursor that leaves a frame of silence before it."""
        laid, grid = self._size // 2, self._grid
        down, up = laid - laid % grid, laid + (-laid) % grid
        for cut in sorted({down, up}, key=lambda cut: abs(cut - laid)):
            if cut > grid and self._silent + cut - laid >= grid:  # a piece holds something besides its last frame
                break
        else:
            return  # no silence to cut in: the piece goes on
        if cut < laid:
            self._drop(2 * (laid - cut))
        else:
            self._out(bytes(2 * (cut - laid)))
        self.frames += cut - laid
        self._finish(last=False)

    def seam(self) -> None:
        """End the piece at the last frame boundary that leaves a frame of silence before it; the silence after
        that boundary begins the next piece, so the cursor stays where it is. A segment's lines are encoded as
        they are laid, a piece a line, and the two encoder runs share a story's last segments evenly."""
        laid, grid = self._size // 2, self._grid
        cut = laid - laid % grid
        rest = laid - cut
        if cut <= grid or self._silent - rest < grid:
            return  # no frame of silence to end a piece with: the piece goes on
        if rest:
            self._drop(2 * rest)
        self._finish(last=False)
        if rest:
            self._out(bytes(2 * rest))

    def _finish(self, last: bool) -> None:
        # The piece's parts themselves go to the encoder (never changed after: a new list takes the next piece).
        pcm, self._pcm, self._size, self._silent = self._pcm, [], 0, 0
        self._encoded.append(self.pieces.frames(pcm, last))

    def _drop(self, size: int) -> None:
        """The last `size` bytes laid taken off again (silence, in boundary)."""
        self._size -= size
        while size:
            last = self._pcm[-1]
            if len(last) <= size:
                self._pcm.pop()
                size -= len(last)
            else:
                self._pcm[-1] = memoryview(last)[: len(last) - size]
                size = 0

    def __enter__(self) -> PieceEncoder:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        with self._scratch:  # the links to the kept pieces go last
            if kind is not None:
                self.pieces.stop()  # interrupted or failed: the encoder goes before the caller removes its output
                return
            try:
                if not self._size:  # the programme ended on a boundary: a frame of silence ends it (cut off again)
                    self._out(bytes(2 * self._grid))
                self._finish(last=True)
                self.pieces.close()
                paths = [future.result() for future in self._encoded]
            except BaseException:
                self.pieces.stop()
                raise
            assemble(paths, self.frames, RATE, self.encoding, self.path)


def _quiet_end(pcm: bytes, before: int) -> int:
    """Samples of digital silence the laid audio ends with after `pcm`, `before` of them ending it before."""
    size = len(pcm)
    if size >= 2 and (pcm[-1] or pcm[-2]):
        return 0
    # The zero bytes at the end, found a block at a time (the take itself is not copied to strip them).
    step, start, kept = 4096, size, 0
    while start > 0 and not kept:
        end, start = start, max(start - step, 0)
        kept = len(pcm[start:end].rstrip(b"\0"))
        step *= 2
    quiet = (size - start - kept) // 2
    return before + quiet if 2 * quiet >= size - 1 else quiet
