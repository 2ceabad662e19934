"""An MP3 draft made of pieces that are kept, so a mix redone re-encodes only what changed.

A programme is cut into pieces where the layer allows it (a line's, a segment's or an item's end, inside a long
silence). Each piece is kept in the cache under the sha256 of its samples and the encoder's settings, and the
draft is the pieces' MP3 frames one after another behind one Info frame (the LAME tag that tells a decoder the
encoder's delay and the padding at the end) and the ID3 tags. A piece whose samples come again (nothing changed
there, or the same second of a break's silence) is not encoded again; the pieces that are encoded are dealt to
two ffmpeg runs (one a core, each piece to the one with the fewer samples left to encode), each fed its pieces
one after another, its frames split back into them (_Stream).

Why the frames can simply be joined: an encode of L samples (LAME through ffmpeg, no Info frame) gives
ceil(L / 1152) + 1 frames that decode to the samples delayed by 1105 (576 of encoder delay, 529 of the
decoder's filter bank). A piece that spans S samples, S a multiple of 1152, whose last 1152 samples are
silence, is S / 1152 frames of that encode (the next piece's frames, or the encoder's last, begin over that
silence, as an encode of the next piece alone begins over its own delay), and decodes to its own S samples
delayed by 1105. No frame borrows bits from the frame before (LAME's bit reservoir is off: Encoding), so the
joined frames, from one encode or several, decode to the whole programme delayed by 1105, which the Info
frame's delay (576) and the decoder's own 529 take off again. The last piece takes the encode's last frames;
the Info frame's padding takes off what its last frame holds beyond the end.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import struct
import subprocess
import tempfile
import threading
from concurrent.futures import Future
from pathlib import Path

from ..errors import EngineError, InputError
from ..output import atomic_path
from .cache_limit import used
from .ffmpeg import ffmpeg_exe
from .loudness import Encoding
from .pcm import ffmpeg_failed, raw, tied_to_parent

FRAME = 1152  # samples an MP3 (MPEG-1 layer III) frame holds
ENCODER_DELAY = 576  # what LAME puts before the first sample; the decoder adds 529 of its own
DECODER_DELAY = 529
STREAMS = 2  # encoder runs a programme, each fed the pieces to encode when it has the fewer samples left (one a core)
VERSION = 2  # part of a piece's key: bump when how pieces are cut or encoded changes (2: one stream, no reservoir)


def _parts(pcm: bytes | bytearray | memoryview | list) -> list:
    return pcm if isinstance(pcm, list) else [pcm]


def piece_key(pcm: bytes | bytearray | memoryview | list, rate: int, encoding: Encoding, last: bool) -> str:
    """The hex sha256 naming the encoded `pcm` (its samples, or their parts in order: the same key either way):
    its samples and how they are encoded (never the tags)."""
    settings = repr((VERSION, rate, _without_tags(encoding.arguments()), last))
    digest = hashlib.sha256(settings.encode())
    for part in _parts(pcm):
        digest.update(part)
    return digest.hexdigest()


class Pieces:
    """Encoded pieces kept in `folder` (the cache's `pieces/`), made with `encoding`.

    The pieces not kept are dealt to STREAMS ffmpeg runs (_Stream), each piece to the run with the fewer samples
    still to encode, each run fed its pieces one after another: two encoder starts a programme however many pieces
    it is cut into, and both cores encode until the end.
    """

    def __init__(self, folder: Path, encoding: Encoding, rate: int, scratch: Path | None = None) -> None:
        self.folder, self.encoding, self.rate = folder, encoding, rate
        self.scratch = scratch  # this run's folder beside the pieces: the kept ones it takes are linked there
        self.encoded = self.reused = 0
        self._asked: dict[str, Future[Path]] = {}  # this programme's pieces by key: the same piece twice, once
        self._streams: list[_Stream] = []

    def frames(self, pcm: bytes | bytearray | memoryview | list, last: bool) -> Future[Path]:
        """The file that will hold the MP3 frames of `pcm` (mono 16-bit at the programme's rate, or its parts in
        order, never changed after): kept, or encoded now. Asked in the programme's order, from one thread."""
        samples = sum(len(part) for part in _parts(pcm)) // 2
        if not last and samples % self._frame():
            raise ValueError("a piece must end on a frame")
        key = piece_key(pcm, self.rate, self.encoding, last)
        if key in self._asked:
            self.reused += 1
            return self._asked[key]
        path = self.folder / key[:2] / f"{key}.mp3"
        held = self._hold(path)
        if held is not None:
            self.reused += 1
            found: Future[Path] = Future()
            found.set_result(held)
            self._asked[key] = found
            return found
        if len(self._streams) < STREAMS:
            self._streams.append(_Stream(self))
        # Each piece to encode goes to the run with the fewest samples still to encode, so both cores encode and
        # finish together: the pieces of a story's later segments come in a burst once their conform run is done.
        stream = min(reversed(self._streams), key=lambda stream: (stream.full(), stream.pending()))
        self.encoded += 1
        made = self._asked[key] = stream.encode(pcm, path, None if last else samples // self._frame(), samples)
        return made

    def _hold(self, path: Path) -> Path | None:
        """The kept piece at `path`, linked into this run's scratch folder so that it stays until the draft is
        joined whoever prunes the cache meanwhile (cache_limit.py); None when there is none, or not whole."""
        if self.scratch is None:
            held = path
        else:
            held = self.scratch / path.name
            try:
                os.link(path, held)
            except FileNotFoundError:
                return None
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links: the piece itself, as it is
                held = path
        if not _whole(held):
            if held != path:
                held.unlink(missing_ok=True)
            return None
        used(path)
        return held

    def close(self) -> None:
        """Every piece asked for is written (EngineError, or InputError for a full disk, when the encoder failed)."""
        for stream in self._streams:
            stream.close()

    def stop(self) -> None:
        """Interrupted or failed: the encoder goes, and nothing more is written."""
        for stream in self._streams:
            stream.kill()

    def _frame(self) -> int:
        """Samples at the programme's rate that one MP3 frame at the encoding's rate holds."""
        return FRAME * self.rate // self.encoding.rate


class _Stream:
    """One ffmpeg encode fed the pieces not kept, one after another, its frames split back into the pieces.

    A piece that is not the programme's last spans whole frames and ends in at least a frame of silence, so
    the encoder's frames for it (reservoir off: every frame holds its own data) are exactly those of the piece
    encoded alone: as many, and decoding to the same samples, the silence before it standing for the encoder's
    delay. The frames left at the end (the encoder's last, over the silence) belong to the last piece, or go.
    At most HELD pieces wait for the encoder, so memory stays flat.
    """

    HELD = 3

    def __init__(self, pieces: Pieces) -> None:
        self.pieces = pieces
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 -- the object owns it and closes it
        self._process: subprocess.Popen[bytes] | None = None
        self._started = threading.Event()
        self._feed: queue.Queue[list | None] = queue.Queue(maxsize=self.HELD)
        self._made: queue.Queue[tuple[Future[Path], Path, int | None, int] | None] = queue.Queue()
        self._broken = False
        # Samples fed (by the laying thread) and samples whose frames are read back (by the reading thread): each
        # counter is written by one thread only.
        self._fed = self._done = 0
        self._threads = [threading.Thread(target=self._read_all, name="broadcast-encode-out", daemon=True),
                         threading.Thread(target=self._write_all, name="broadcast-encode-in", daemon=True)]
        for thread in self._threads:
            thread.start()

    def encode(self, pcm: bytes | bytearray | memoryview | list, path: Path, frames: int | None, samples: int = 0) -> Future[Path]:
        """Feed `pcm` (or its parts, `samples` long) to the encoder; its `frames` (None: all that are left at the
        end) go to `path`."""
        made: Future[Path] = Future()
        self._fed += samples
        self._made.put((made, path, frames, samples))
        self._feed.put(_parts(pcm))
        return made

    def full(self) -> bool:
        """Whether a piece fed now would wait for the encoder to take one."""
        return self._feed.full()

    def pending(self) -> int:
        """Samples fed whose frames are not read back yet."""
        return self._fed - self._done

    def _start(self) -> subprocess.Popen[bytes] | None:
        pieces = self.pieces
        command = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-nostats", "-y", "-loglevel", "error", *raw(pieces.rate),
                   "-i", "pipe:0", *_without_tags(pieces.encoding.arguments()), *_PIECE, "pipe:1"]
        try:
            argv, tie = tied_to_parent(command)
            return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors, **tie)
        except (OSError, EngineError) as error:
            self._errors.write(str(error).encode())
            return None
        finally:
            self._started.set()

    def _write_all(self) -> None:
        self._started.wait()
        stdin = self._process.stdin if self._process is not None else None
        while (pcm := self._feed.get()) is not None:  # read to the end whatever happens: the laying never waits
            if not self._broken and stdin is not None:
                try:
                    stdin.writelines(pcm)
                except (BrokenPipeError, OSError):
                    self._broken = True
        if stdin is not None:
            with contextlib.suppress(BrokenPipeError, OSError):
                stdin.close()

    def _read_all(self) -> None:
        # This thread starts ffmpeg and outlives it: a child is killed when the thread that started it ends
        # (pcm.tied_to_parent), and the laying thread that asks for the first piece ends before the draft does.
        self._process = process = self._start()
        try:
            self._split(process)
        finally:
            if process is not None:
                with contextlib.suppress(OSError, ValueError):
                    process.stdout.read()  # type: ignore[union-attr]  # the last frame, over silence after a piece not the last
                process.wait()

    def _split(self, process: subprocess.Popen[bytes] | None) -> None:
        out = process.stdout if process is not None else None
        length = 0
        while (job := self._made.get()) is not None:
            made, path, frames, samples = job
            try:
                if out is None:
                    raise self._failed()
                data = b""
                if not length:
                    data = out.read(4)
                    length = frame_length(data)
                    if not length:
                        raise self._failed()
                data += out.read() if frames is None else out.read(frames * length - len(data))
                if (frames is not None and len(data) != frames * length) or not data or len(data) % length:
                    raise self._failed()
                path.parent.mkdir(parents=True, exist_ok=True)
                with atomic_path(path, scratch=self.pieces.folder) as temporary:
                    temporary.write_bytes(data)
                made.set_result(path)
            except BaseException as error:  # noqa: BLE001 -- handed to the render through the piece's future
                made.set_exception(error)
            finally:
                self._done += samples

    def _failed(self) -> EngineError | InputError:
        """The encoder failed: the error with its last message (pcm.ffmpeg_failed: a full disk is the disk's)."""
        if self._process is not None:
            self._process.kill()  # what it wrote is read once it is gone
            self._process.wait()
        self._errors.seek(0)
        return ffmpeg_failed("encode the draft", self._errors.read())

    def close(self) -> None:
        self._feed.put(None)
        self._made.put(None)
        for thread in self._threads:
            thread.join()
        try:
            if self._process is None or self._process.returncode != 0 or self._broken:
                raise self._failed()
        finally:
            self._errors.close()

    def kill(self) -> None:
        self._started.wait()
        if self._process is not None:
            self._process.kill()
        self._broken = True
        while True:  # the writer may wait on a full queue no longer read: empty it, then post its end
            try:
                self._feed.get_nowait()
            except queue.Empty:
                break
        self._feed.put(None)
        self._made.put(None)
        for thread in self._threads:
            thread.join(timeout=5)
        self._errors.close()


# A piece's frames alone: no Info frame, no tags (the draft gets one Info frame and its tags when joined); into the
# pipe in whole buffers, not a write (and a wake-up of the thread reading them) for each 576-byte frame.
_PIECE = ["-write_xing", "0", "-id3v2_version", "0", "-write_id3v1", "0", "-flush_packets", "0"]


def _without_tags(arguments: list[str]) -> list[str]:
    out, skip = [], False
    for argument in arguments:
        if skip:
            skip = False
            continue
        if argument == "-metadata":
            skip = True
            continue
        out.append(argument)
    return out


def _whole(path: Path) -> bool:
    """Whether `path` holds whole MP3 frames, each one the first's length (a constant bit rate)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as file:
            header = file.read(4)
    except OSError:
        return False
    length = frame_length(header)
    return bool(length) and size > 0 and size % length == 0


def frame_length(header: bytes) -> int:
    """Bytes in the MPEG-1 layer III frame that starts with `header`; 0 when it is not one without padding."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xFE != 0xFA:
        return 0
    bitrate = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0)[header[2] >> 4]
    rate = (44100, 48000, 32000, 0)[(header[2] >> 2) & 3]
    if not bitrate or not rate or rate == 44100 or header[2] & 2:
        return 0  # 44.1 kHz frames vary in length (padding): the draft is never written at it
    return 144 * bitrate * 1000 // rate


def assemble(pieces: list[Path], programme: int, rate: int, encoding: Encoding, target: Path) -> None:
    """Write the draft `target`: ID3 tags, the Info frame, then every piece's frames; `programme` is the
    programme's length in samples at `rate`."""
    sizes = [path.stat().st_size for path in pieces]
    with open(pieces[0], "rb") as file:
        header = file.read(4)
    length = frame_length(header)
    count = sum(sizes) // length
    samples = programme * encoding.rate // rate
    padding = count * FRAME - ENCODER_DELAY - samples
    if not 0 <= padding < 1 << 12:
        raise EngineError(f"the draft's pieces do not add up to the programme ({count} frames for {samples} samples)")
    with open(target, "wb") as out:
        out.write(id3(encoding.tags))
        out.write(info_frame(header, length, count, ENCODER_DELAY, padding))
        for path in pieces:
            with open(path, "rb") as file:
                while block := file.read(1 << 20):
                    out.write(block)


def id3(tags: tuple[tuple[str, str], ...]) -> bytes:
    """An ID3v2.4 tag with the draft's title, artist and album (UTF-8 text frames), as ffmpeg writes them."""
    names = {"title": b"TIT2", "artist": b"TPE1", "album": b"TALB"}
    frames = b""
    for key, value in tags:
        if key in names and value:
            body = b"\x03" + value.encode("utf-8")
            frames += names[key] + _syncsafe(len(body)) + b"\x00\x00" + body
    return b"ID3\x04\x00\x00" + _syncsafe(len(frames)) + frames if frames else b""


def _syncsafe(value: int) -> bytes:
    return bytes((value >> shift) & 0x7F for shift in (21, 14, 7, 0))


# The Info frame as ffmpeg's MP3 muxer writes it for a constant bit rate (libavformat/mp3enc.c): a silent frame
# whose side information is followed by "Info", the frame count, the byte count, a seek table, and a LAME tag
# ("Lavc") with the encoder delay and padding; its CRC covers the frame's first 190 bytes.
_INFO_AT = 4 + 17  # header, then MPEG-1 mono side information
_XING_SIZE = 156


def info_frame(header: bytes, length: int, frames: int, delay: int, padding: int) -> bytes:
    """The Info frame for `frames` frames of `length` bytes like the one `header` starts (mono, no padding)."""
    frame = bytearray(length)
    frame[:4] = header
    at = _INFO_AT
    frame[at : at + 8] = b"Info" + struct.pack(">I", 0x0F)  # frames, bytes, seek table, quality
    total = (frames + 1) * length
    frame[at + 8 : at + 16] = struct.pack(">II", frames, total)
    frame[at + 16 : at + 116] = bytes(min(255, index * 256 // 100) for index in range(100))  # even: constant rate
    frame[at + 120 : at + 129] = b"Lavc" + b"broad"  # the encoder's name, 9 bytes
    frame[at + 141 : at + 144] = ((delay << 12) | padding).to_bytes(3, "big")
    frame[at + _XING_SIZE - 8 : at + _XING_SIZE - 4] = struct.pack(">I", total)
    frame[at + _XING_SIZE - 2 : at + _XING_SIZE] = struct.pack(">H", _crc16(bytes(frame[:190])))
    return bytes(frame)


def _crc16(data: bytes) -> int:
    """CRC-16 (ANSI, reflected: what av_crc's AV_CRC_16_ANSI_LE computes)."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc

