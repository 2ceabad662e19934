"""The audio cache kept under a size: after each render, the least recently used entries go until it fits.

The cache (clips, conformed takes, encoded pieces, finished drafts: `~/.cache/broadcast/clips` and the folders
in it, or `--cache DIR`) would otherwise only grow. Its limit is `--cache-size`, else the environment's
BROADCAST_CACHE_SIZE, else DEFAULT; `none` keeps everything. An entry counts as used when a render makes it or
takes it from the cache (its modification time is set then), so the entries a render has just used are the last
to go; one used in the last RECENT seconds is never removed (a render beside this one may still need it: a piece
is read again when its draft is joined, at the render's end). When the cache is over its limit it is brought
down to LOW_WATER of it, so a cache at its limit is not pruned on every render.
Only the cache's own entries are counted and removed: anything else in the folder is left alone.
"""
from __future__ import annotations

import contextlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

ENVIRONMENT = "BROADCAST_CACHE_SIZE"
DEFAULT = 2 * 1024**3  # a 60-minute bulletin's cache is about 0.7 GB
RECENT = 600.0  # seconds: longer than a render of an hour's bulletin takes, even on a loaded machine
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


@dataclass(frozen=True)
class Pruned:
    removed: int  # entries
    freed: int  # bytes
    kept: int  # bytes left in the cache


def prune(folder: Path, size: int | None, now: float | None = None) -> Pruned:
    """Remove the least recently used entries of the cache in `folder` while it holds more than `size` bytes,
    down to LOW_WATER of it; never one used in the last RECENT seconds. Nothing when `size` is None."""
    found = entries(folder) if size is not None else []
    total = sum(entry.size for entry in found)
    if size is None or total <= size:
        return Pruned(0, 0, total)
    now = time.time() if now is None else now
    removed = freed = 0
    aim = size * LOW_WATER
    for entry in sorted(found, key=lambda entry: entry.used):
        if total - freed <= aim or entry.used > now - RECENT:
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
