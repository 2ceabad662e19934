"""An MP3 draft made of pieces encoded one at a time and kept, so a mix redone re-encodes only what changed.

A programme is cut into pieces where the layer allows it (a segment's end, an item's end, inside a long
silence). Each piece is encoded alone, kept in the cache under the sha256 of its samples and the encoder's
settings, and the draft is the pieces' MP3 frames one after another behind one Info frame (the LAME tag
that tells a decoder the encoder's delay and the padding at the end) and the ID3 tags. A piece whose samples
come again (nothing changed there, or the same second of a break's silence) is not encoded again.

Why the frames can simply be joined: an encode of L samples (LAME through ffmpeg, no Info frame) gives
ceil(L / 1152) + 1 frames that decode to the samples delayed by 1105 (576 of encoder delay, 529 of the
decoder's filter bank). A piece that spans S samples, S a multiple of 1152, whose last 1152 samples are
silence, is encoded without those last 1152: it is S / 1152 frames, and decodes to its own S samples delayed
by 1105, the dropped silence being the encoder's own padding and the next piece's delay. Every piece starts
its frames afresh (no bit reservoir reaches back into the piece before), so the joined frames decode to the
whole programme delayed by 1105, which the Info frame's delay (576) and the decoder's own 529 take off again.
The last piece is encoded whole; the Info frame's padding takes off what its last frame holds beyond the end.
"""
from __future__ import annotations

import hashlib
import struct
import threading
from pathlib import Path

from ..errors import EngineError
from ..output import atomic_path
from .cache_limit import used
from .loudness import Encoding
from .pcm import raw, run

FRAME = 1152  # samples an MP3 (MPEG-1 layer III) frame holds
ENCODER_DELAY = 576  # what LAME puts before the first sample; the decoder adds 529 of its own
DECODER_DELAY = 529
VERSION = 1  # part of a piece's key: bump when how pieces are cut or encoded changes


def piece_key(pcm: bytes, rate: int, encoding: Encoding, last: bool) -> str:
    """The hex sha256 naming the encoded `pcm`: its samples and how they are encoded (never the tags)."""
    settings = repr((VERSION, rate, _without_tags(encoding.arguments()), last))
    digest = hashlib.sha256(settings.encode())
    digest.update(pcm)
    return digest.hexdigest()


class Pieces:
    """Encoded pieces kept in `folder` (the cache's `pieces/`), made with `encoding`."""

    def __init__(self, folder: Path, encoding: Encoding, rate: int) -> None:
        self.folder, self.encoding, self.rate = folder, encoding, rate
        self.encoded = self.reused = 0
        self._locks: dict[str, threading.Lock] = {}

    def frames(self, pcm: bytes, last: bool) -> Path:
        """The file holding the MP3 frames of `pcm` (mono 16-bit at the programme's rate), made now or kept."""
        key = piece_key(pcm, self.rate, self.encoding, last)
        with self._locks.setdefault(key, threading.Lock()):  # the same piece twice at once: encoded once
            return self._made(key, pcm, last)

    def _made(self, key: str, pcm: bytes, last: bool) -> Path:
        path = self.folder / key[:2] / f"{key}.mp3"
        if _whole(path):
            self.reused += 1
            used(path)
            return path
        samples = len(pcm) // 2
        if not last:
            assert samples % self._frame() == 0, "a piece must end on a frame"
            pcm = pcm[: 2 * (samples - self._frame())]
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path, scratch=self.folder) as temporary:
            run(["-loglevel", "error", *raw(self.rate), "-i", "pipe:0", *_without_tags(self.encoding.arguments()),
                 "-write_xing", "0", "-id3v2_version", "0", "-write_id3v1", "0", str(temporary)],
                stdin=pcm, what="encode the draft")
            if not _whole(temporary):
                raise EngineError("ffmpeg wrote a piece of the draft that is not whole MP3 frames")
        self.encoded += 1
        return path

    def _frame(self) -> int:
        """Samples at the programme's rate that one MP3 frame at the encoding's rate holds."""
        return FRAME * self.rate // self.encoding.rate


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

