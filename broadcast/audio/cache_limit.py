"""The audio cache kept under a size: after each render, the least recently used entries go until it fits.

The cache (clips, conformed takes, encoded pieces, finished drafts: `~/.cache/broadcast/clips` and the folders
in it, or `--cache DIR`) would otherwise only grow. Its limit is `--cache-size`, else the environment's
BROADCAST_CACHE_SIZE, else DEFAULT; `none` keeps everything. An entry counts as used when a render makes it or
takes it from the cache (its modification time is set then), so the entries a render has just used are the last
to go. Never removed: an entry used since the start of a render still going on beside this one (each render holds a
pin in `.renders/` for as long as it runs: a file named by its start, locked by it, so a pin left by a render that
was killed is known and cleared), nor one used in the last RECENT seconds. A render that takes a piece or a draft
from the cache also holds it linked or open until it is done with it (pieces.py, draft_cache.py), so not even a
pruner that listed the cache a moment before can take it away. When the cache is over its limit it is brought
down to LOW_WATER of it, so a cache at its limit is not pruned on every render.
Only the cache's own entries are counted and removed: anything else in the folder is left alone.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # not POSIX: no pins; RECENT still keeps what a render beside this one has just used
    fcntl = None  # type: ignore[assignment]

from ..errors import UsageError

ENVIRONMENT = "BROADCAST_CACHE_SIZE"
DEFAULT = 2 * 1024**3  # a 60-minute bulletin's cache is about 0.7 GB
RECENT = 600.0  # seconds: longer than a render of an hour's bulletin takes, even on a loaded machine
RENDERS = ".renders"  # the pins of the renders going on, in the cache's folder
# An entry's time is the file system's clock, which may run up to a tick behind time.time(): kept this much earlier.
PIN_MARGIN = 2.0
LOW_WATER = 0.8
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)
_HEX = re.compile(r"[0-9a-f]{64}")
# What the cache holds, by folder: clips and takes are WAV files in shards (`ab/abcd….wav`), pieces MP3 frames
# in shards, drafts a `.audio` and a `.json` a recipe.
_SHARDED = {"": ".wav", "takes": ".wav", "pieces": ".mp3"}
_DRAFTS = ("drafts", (".audio", ".json"))


def parse_size(text: str) -> int | None:
    """Bytes from "500M", "2G", "1.5GB", "750MiB", "0"; None for "none" (no limit). UsageError otherwise."""
    if text.strip().lower() in ("none", "unlimited"):
        return None
    found = _SIZE.fullmatch(text)
    if not found:
        raise UsageError(f"cache size {text!r}: give bytes with K, M or G (e.g. 500M, 2G), or 'none'")
    return int(float(found[1]) * _UNITS[found[2].lower()])


def limit(given: str | int | None = None) -> int | None:
    """The cache's limit in bytes (None: no limit): `given` (bytes, or text for parse_size), else the
    environment's, else DEFAULT. UsageError for a size that is not one."""
    if isinstance(given, int):
        return given
    if given is not None:
        return parse_size(given)
    setting = os.environ.get(ENVIRONMENT, "").strip()
    if setting:
        try:
            return parse_size(setting)
        except UsageError as error:
            raise UsageError(f"{ENVIRONMENT}: {error}") from None
    return DEFAULT


def used(*paths: Path) -> None:
    """Mark cache entries as used now (their modification time): the least recently used go first."""
    for path in paths:
        with contextlib.suppress(OSError):
            os.utime(path)


@dataclass(frozen=True)
class Entry:
    path: Path
    size: int
    used: float  # modification time


def entries(folder: Path) -> list[Entry]:
    """Every entry of the cache in `folder` (clips, takes, pieces, drafts), nothing else that may lie there."""
    found: list[Entry] = []

    def add(path: str) -> None:
        with contextlib.suppress(OSError):
            stat = os.stat(path, follow_symlinks=False)
            found.append(Entry(Path(path), stat.st_size, stat.st_mtime))

    for sub, suffix in _SHARDED.items():
        for shard in _listing(folder / sub):
            if len(shard.name) == 2 and shard.is_dir(follow_symlinks=False):
                for entry in _listing(Path(shard.path)):
                    name = entry.name
                    if name.endswith(suffix) and _HEX.fullmatch(name[: -len(suffix)]) and name.startswith(shard.name):
                        add(entry.path)
    name, suffixes = _DRAFTS
    for entry in _listing(folder / name):
        stem, dot, suffix = entry.name.rpartition(".")
        if dot and f".{suffix}" in suffixes and _HEX.fullmatch(stem):
            add(entry.path)
    return found


def _listing(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as listing:
            return list(listing)
    except OSError:
        return []


@contextlib.contextmanager
def rendering(folder: Path) -> Iterator[None]:
    """Hold a pin in the cache in `folder` while a render uses it: its start, for `prune` beside it.

    The pin is made under another name, locked (flock, let go by the kernel however the render ends) and only
    then named `<start ns>.<pid>.pin`, so every pin a pruner sees is locked by a render, or was left by one that
    died. A cache where no pin can be made is used all the same (RECENT is then all that guards it).
    """
    pins = folder / RENDERS
    handle, pin = None, None
    if fcntl is not None:
        try:
            pins.mkdir(parents=True, exist_ok=True)
            handle, made = tempfile.mkstemp(prefix=".pin-", dir=pins)
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            pin = pins / f"{time.time_ns()}.{os.getpid()}.pin"
            os.replace(made, pin)
        except OSError:
            if handle is not None:
                os.close(handle)
                with contextlib.suppress(OSError):
                    os.unlink(made)
            handle = None
    try:
        yield
    finally:
        if handle is not None:
            with contextlib.suppress(OSError):
                os.unlink(pin)  # type: ignore[arg-type]
            os.close(handle)


def oldest_render(folder: Path) -> float | None:
    """When the earliest render still going on with the cache in `folder` started (seconds); None when none is.
    Pins left by renders that are gone (no longer locked) are removed."""
    if fcntl is None:
        return None
    oldest = None
    for entry in _listing(folder / RENDERS):
        start, _, rest = entry.name.partition(".")
        if not rest.endswith(".pin") or not start.isdigit():
            continue
        try:
            handle = os.open(entry.path, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:  # locked: that render is going on
            when = int(start) / 1e9
            oldest = when if oldest is None else min(oldest, when)
        except OSError:
            pass
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)  # nobody holds it: its render is gone
        finally:
            os.close(handle)
    return oldest


@dataclass(frozen=True)
class Pruned:
    removed: int  # entries
    freed: int  # bytes
    kept: int  # bytes left in the cache


def prune(folder: Path, size: int | None, now: float | None = None) -> Pruned:
    """Remove the least recently used entries of the cache in `folder` while it holds more than `size` bytes,
    down to LOW_WATER of it; never one used in the last RECENT seconds or since a render still going on beside
    this one started (its pin). Nothing when `size` is None."""
    found = entries(folder) if size is not None else []
    total = sum(entry.size for entry in found)
    if size is None or total <= size:
        return Pruned(0, 0, total)
    now = time.time() if now is None else now
    keep_from = now - RECENT
    running = oldest_render(folder)
    if running is not None:
        keep_from = min(keep_from, running - PIN_MARGIN)
    removed = freed = 0
    aim = size * LOW_WATER
    for entry in sorted(found, key=lambda entry: entry.used):
        if total - freed <= aim or entry.used >= keep_from:
            break
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass  # another render pruned it first
        except OSError:
            continue
        removed += 1
        freed += entry.size
    if removed:
        for sub in _SHARDED:  # shards left empty go too (rmdir refuses one that is not)
            for shard in _listing(folder / sub):
                if len(shard.name) == 2 and shard.is_dir(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.rmdir(shard.path)
    return Pruned(removed, freed, total - freed)
