"""The clip cache: a clip is made once per (engine, its settings for the voice, spoken text).

Entries are named by the sha256 of that key, so a changed voice setting or text is simply another entry.
Each is a WAV file (any player opens it) with an extra chunk, `bsum`: the sha256 of the samples and of the
`bmet` chunk (JSON: the engine's word times, a conformed take's loudness material), so a corrupt or
truncated entry (or a folder or an unreadable file in its place) is found, deleted and made again; the
checksum also holds the number of samples, and engines hand over only whole clips (espeak: the synthesis
reached its end), so an interrupted synthesis never gets one. Conformed takes are kept the same way, by their clip's
key, tempo and rate, so a mix redone from cached clips runs no conform. Entries are written to a temporary file in
the same folder and moved into place with os.replace, so a reader, or a second process making the same
clip at the same time, only ever sees a whole entry.
"""
from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..interrupt import checkpoint
from ..resources import user_cache
from ..scratch import run_folder
from ..voices import VoiceProfile
from .cache_limit import used
from .clip import Clip
from .engines.base import Engine

# Bump when the entry layout or what engines return changes (e.g. trimming), so old entries are not reused.
FORMAT_VERSION = 3
TAKE_VERSION = 3  # a conformed take's metadata: 2 holds the true peak (4x oversampled), not the sample peak; 3: its
# energy K-weighted from rest (not carried on from the take before it in the same conform run)
_CHECKSUM = b"bsum"
_META = b"bmet"


@dataclass
class CacheStats:
    hits: int = 0  # clips found in the cache
    misses: int = 0  # clips synthesized (including those redone after a bad entry)
    repaired: int = 0  # corrupt or truncated entries deleted and made again


def clip_key(engine: Engine, text: str, voice: VoiceProfile) -> str:
    """The hex sha256 naming the clip `engine` makes of `text` for `voice`."""
    key = {"format": FORMAT_VERSION, "engine": engine.name, "settings": engine.settings(voice), "text": text}
    return hashlib.sha256(json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def take_key(clip: str, tempo: float, rate: int) -> str:
    """The hex sha256 naming a clip conformed at `tempo` to `rate`."""
    return hashlib.sha256(json.dumps(["take", FORMAT_VERSION, TAKE_VERSION, clip, round(tempo, 6), rate]).encode()).hexdigest()


def to_wav(clip: Clip, meta: dict | None = None) -> bytes:
    """A mono 16-bit WAV of `clip`, with `bmet` (its word times and `meta`) and `bsum` (the sha256 of both)."""
    return b"".join(_wav_parts(clip, meta))


def _wav_parts(clip: Clip, meta: dict | None = None) -> list[bytes]:
    """to_wav's bytes in parts, the samples one of them (written out without being copied)."""
    fmt = struct.pack("<HHIIHH", 1, 1, clip.rate, clip.rate * 2, 2, 16)
    extra = json.dumps({**(meta or {}), "words": list(clip.words)}).encode()
    head = b"WAVE" + _chunk(b"fmt ", fmt) + _chunk(_CHECKSUM, _checksum(clip.samples, extra)) + _chunk(_META, extra)
    samples = clip.samples
    data = [b"data", struct.pack("<I", len(samples)), samples, b"\0" if len(samples) & 1 else b""]
    size = len(head) + sum(map(len, data))
    return [b"RIFF", struct.pack("<I", size), head, *data]


def from_wav(data: bytes) -> Clip | None:
    """The Clip in a cache entry, or None when the entry is not whole and exactly as written."""
    entry = read_entry(data)
    return entry[0] if entry else None


def read_entry(data: bytes) -> tuple[Clip, dict] | None:
    """The Clip in a cache entry and the rest of its `bmet`, or None when the entry is not whole and exactly as
    written."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    if struct.unpack_from("<I", data, 4)[0] != len(data) - 8:
        return None  # truncated, or something appended
    chunks, offset = {}, 12
    while offset + 8 <= len(data):
        name, size = data[offset : offset + 4], struct.unpack_from("<I", data, offset + 4)[0]
        chunks[name] = data[offset + 8 : offset + 8 + size]
        offset += 8 + size + (size & 1)
    fmt, checksum, samples, extra = chunks.get(b"fmt "), chunks.get(_CHECKSUM), chunks.get(b"data"), chunks.get(_META)
    if fmt is None or checksum is None or samples is None or extra is None or len(fmt) != 16 or offset != len(data):
        return None
    kind, channels, rate, _, _, bits = struct.unpack("<HHIIHH", fmt)
    if (kind, channels, bits) != (1, 1, 16) or _checksum(samples, extra) != checksum:
        return None
    try:
        meta = json.loads(extra)
        return Clip(samples, rate, tuple(int(onset) for onset in meta.pop("words"))), meta
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _checksum(samples: bytes, extra: bytes) -> bytes:
    """The sha256 of the samples and the metadata, and the samples' count: exactly the clip that was made."""
    digest = hashlib.sha256(samples)  # the samples and the metadata hashed as one, without joining them first
    digest.update(extra)
    return digest.digest() + struct.pack("<Q", len(samples) // 2)


def remove_entry(path: Path) -> None:
    """A bad entry goes, whatever it became; one that cannot go is left for the write to report."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def _chunk(name: bytes, payload: bytes) -> bytes:
    return name + struct.pack("<I", len(payload)) + payload + (b"\0" if len(payload) & 1 else b"")


class ClipCache:
    """Clips on disk under `folder` (default: the user's cache, XDG_CACHE_HOME/broadcast/clips)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else user_cache("clips")
        self.stats = CacheStats()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.wav"  # 256 shards keep folders small

    def get_or_make(self, engine: Engine, text: str, voice: VoiceProfile) -> tuple[Clip, bool]:
        """The clip for (engine, voice, text) and whether it was synthesized now (False: from the cache)."""
        key = clip_key(engine, text, voice)
        found = self.get(key)
        if found is not None:
            self.stats.hits += 1
            return found[0], False
        clip = engine.synthesize(text, voice)
        self.put(key, clip)
        self.stats.misses += 1
        return clip, True

    def get(self, key: str) -> tuple[Clip, dict] | None:
        """The entry under `key` (a clip or a conformed take) with its metadata, or None."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:  # a folder or an unreadable file where an entry should be: made again in its place
            data = b""
        entry = read_entry(data)
        if entry is None:
            self.stats.repaired += 1
            remove_entry(path)
        else:
            used(path)  # the least recently used entries go first when the cache is over its size
        return entry

    def put(self, key: str, clip: Clip, meta: dict | None = None) -> None:
        self._write(self.path(key), clip, meta)

    def _write(self, path: Path, clip: Clip, meta: dict | None = None) -> None:
        # As output.atomic_path writes, less what an entry never needs (a device or a link in its place, a random
        # name): a render writes some sixty entries, and each system call counts on a loaded machine.
        try:
            try:
                os.mkdir(path.parent)
            except FileExistsError:
                pass
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
            with run_folder(self.folder) as run:
                temporary = run / f"{path.name}.{next(_written)}.tmp"
                try:
                    with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb") as file:
                        file.writelines(_wav_parts(clip, meta))  # closed before it is put in place
                    checkpoint()  # never put an entry in place after a stop that was swallowed on the way
                    os.replace(temporary, path)
                except BaseException:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(temporary)
                    raise
        except OSError as error:
            raise InputError(f"clip cache {self.folder}: cannot write ({error.strerror or error}); use --cache DIR") from None


_written = itertools.count()  # temporary names in this run's scratch folder: one a write, whichever thread writes
