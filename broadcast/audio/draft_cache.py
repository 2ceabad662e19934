"""Finished drafts kept by their recipe, so rendering the same story the same way again is a copy.

The mix and the loudness pass are deterministic: the same clips (by their cache keys), slots, pauses,
sounds and loudness target give the same file. That file and where every line landed are kept under
the sha256 of that recipe, beside the clips (CACHE/drafts/). Any change to the recipe is another key.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..output import atomic_path
from .cache_limit import used
from .clip_cache import remove_entry
from .loudness import Loudness
from .pcm import sound_file

# Bump when what the mixer or the loudness pass makes of the same recipe changes.
FORMAT_VERSION = 2


@dataclass(frozen=True)
class Layout:
    """Where each line landed (ms from the start of the file), what conform did, and the file's loudness."""

    placed: list[tuple[int, int, int]]  # (start, speech end, end) for each line
    natural: list[int]  # each line's speech as the engine said it, ms
    tempo: list[float]
    duration: int
    loudness: Loudness | None = None  # of the written file; None until it is measured
    items: list[tuple[int, int, int, int]] = field(default_factory=list)  # a bulletin's: (start, end, spoken, words cut)
    words: list[list[int]] = field(default_factory=list)  # each line's spoken words' onsets, ms from the start


def recipe_key(parts: object) -> str:
    """The sha256 naming a draft made from `parts` (anything JSON can write)."""
    text = json.dumps({"format": FORMAT_VERSION, "parts": parts}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_digest(path: Path | None) -> str | None:
    """A sound file's sha256, so a bed or sting that changes makes a new recipe."""
    return hashlib.sha256(sound_file(path).read_bytes()).hexdigest() if path else None


def _record(key: str, layout: Layout, audio_sha256: str) -> dict:
    """What is kept beside a draft: its layout, the audio's checksum, and a checksum over both and the key."""
    body = {"key": key, "layout": asdict(layout), "audio_sha256": audio_sha256}
    return {**body, "sha256": _digest(body)}


def _digest(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


def _remove(*paths: Path) -> None:
    for path in paths:
        remove_entry(path)


def _layout(data: object) -> Layout:
    """The Layout in a record's `layout`, every field of the type and in the range a render makes;
    ValueError otherwise (a record edited by hand or damaged is never trusted)."""
    if not isinstance(data, dict) or set(data) != {"placed", "natural", "tempo", "duration", "loudness", "items", "words"}:
        raise ValueError("layout keys")
    duration = _whole(data["duration"])
    placed = [tuple(_whole(value) for value in _row(where, 3)) for where in _list(data["placed"])]
    if any(not 0 <= start <= speech_end <= end <= duration for start, speech_end, end in placed):
        raise ValueError("a line outside the draft")
    natural = [_whole(value) for value in _list(data["natural"])]
    tempo = [float(value) for value in _list(data["tempo"]) if isinstance(value, (int, float))]
    if not len(placed) == len(natural) == len(tempo) == len(data["tempo"]) or not all(0.5 <= t <= 2.0 for t in tempo):
        raise ValueError("lines")
    items = [tuple(_whole(value) for value in _row(item, 4)) for item in _list(data["items"])]
    if any(not 0 <= start <= end <= duration for start, end, _, _ in items):
        raise ValueError("an item outside the draft")
    words = [[_whole(onset) for onset in _list(line)] for line in _list(data["words"])]
    if any(onset > duration for line in words for onset in line):
        raise ValueError("a word outside the draft")
    loudness = data["loudness"]
    if not isinstance(loudness, dict) or set(loudness) != {"integrated", "true_peak", "range"}:
        raise ValueError("loudness")
    values = [loudness[name] for name in ("integrated", "true_peak", "range")]
    if not all(isinstance(value, (int, float)) and not isinstance(value, bool) and -200 < value < 200 for value in values):
        raise ValueError("loudness values")
    return Layout(placed, natural, tempo, duration, Loudness(*map(float, values)), items, words)  # type: ignore[arg-type]


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**9:
        raise ValueError("not a time in ms")
    return value


def _list(value: object) -> list:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _row(value: object, size: int) -> list:
    row = _list(value)
    if len(row) != size:
        raise ValueError("row size")
    return row


def _sha256(path: Path, copy: Path | None = None) -> str:
    """A file's sha256, read a piece at a time (an hour's draft is not held in memory to be hashed), and written
    to `copy` as it is read: the bytes hashed are the bytes copied, from one open file, so a pruner removing the
    entry meanwhile (cache_limit.py) cannot take them away."""
    with path.open("rb") as file:
        if copy is None:
            return hashlib.file_digest(file, "sha256").hexdigest()
        digest = hashlib.sha256()
        try:
            out = copy.open("wb")
        except OSError as error:
            raise _NotCopied from error
        with out:
            while block := file.read(1 << 20):
                digest.update(block)
                try:
                    out.write(block)
                except OSError as error:
                    raise _NotCopied from error
        return digest.hexdigest()


class _NotCopied(Exception):
    """The copy could not be written (a full disk): the entry itself may be whole."""


class DraftCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str, into: Path | None = None) -> tuple[Path, Layout] | None:
        """The kept file (copied to `into` when given, and then that copy) and its layout, or None when missing,
        damaged or not exactly as written (then the entry is removed and the draft made again)."""
        audio, record = self.folder / f"{key}.audio", self.folder / f"{key}.json"
        if not audio.exists() and not record.exists():
            return None
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            body = {name: data[name] for name in ("key", "layout", "audio_sha256")}
            if set(data) != {*body, "sha256"} or data["sha256"] != _digest(body) or body["key"] != key:
                raise ValueError("checksum")
            kept = _layout(body["layout"])
            if not audio.is_file() or _sha256(audio, into) != body["audio_sha256"]:
                raise ValueError("audio")
        except (FileNotFoundError, _NotCopied):  # gone (another render's pruning took it), or no room for the copy
            return None
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            _remove(audio, record)
            return None
        used(audio, record)
        return into or audio, kept

    def put(self, key: str, audio: Path, layout: Layout) -> None:
        """Keep a draft; a cache that cannot be written only costs the next render its shortcut."""
        try:
            record = _record(key, layout, _sha256(audio))
            self.folder.mkdir(parents=True, exist_ok=True)
            _remove(*(path for path in (self.folder / f"{key}.audio", self.folder / f"{key}.json") if path.is_dir()))
            with atomic_path(self.folder / f"{key}.audio") as temporary:
                shutil.copyfile(audio, temporary)
            with atomic_path(self.folder / f"{key}.json") as temporary:
                temporary.write_text(json.dumps(record), encoding="utf-8")
        except OSError:
            pass
