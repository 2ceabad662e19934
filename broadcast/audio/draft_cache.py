"""Finished drafts kept by their recipe, so rendering the same story the same way again is a copy.

The mix and the loudness pass are deterministic: the same clips (by their cache keys), slots, pauses,
sounds and loudness target give the same file. That file and where every line landed are kept under
the sha256 of that recipe, beside the clips (CACHE/drafts/). Any change to the recipe is another key.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..output import atomic_path
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


def _sha256(path: Path) -> str:
    """A file's sha256, read a piece at a time: an hour's draft is not held in memory to be hashed."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


class DraftCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> tuple[Path, Layout] | None:
        """The kept file and its layout, or None when missing or not exactly as written."""
        audio, layout = self.folder / f"{key}.audio", self.folder / f"{key}.json"
        try:
            data = json.loads(layout.read_text(encoding="utf-8"))
            kept = Layout(**{**data["layout"], "loudness": Loudness(**data["layout"]["loudness"])})
            kept = replace(kept, placed=[(a, b, c) for a, b, c in kept.placed], items=[(a, b, c, d) for a, b, c, d in kept.items])
            whole = _sha256(audio) == data["sha256"]
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return (audio, kept) if whole else None

    def put(self, key: str, audio: Path, layout: Layout) -> None:
        """Keep a draft; a cache that cannot be written only costs the next render its shortcut."""
        record = {"layout": asdict(layout), "sha256": _sha256(audio)}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with atomic_path(self.folder / f"{key}.audio") as temporary:
                shutil.copyfile(audio, temporary)
            with atomic_path(self.folder / f"{key}.json") as temporary:
                temporary.write_text(json.dumps(record), encoding="utf-8")
        except OSError:
            pass
