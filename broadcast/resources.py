"""Where the packaged data (templates, voices, lexicons) and the user's own data live."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

_PACKAGE = Path(__file__).resolve().parent


def packaged(name: str) -> Path:
    """A top-level data folder: inside the package in a wheel, beside it in a source checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"packaged data folder {name!r} is missing; reinstall broadcast-script")


def user_config(name: str) -> Path:
    """The user's own folder for `name` (XDG_CONFIG_HOME/broadcast/NAME), which may not exist."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "broadcast" / name


def user_cache(name: str) -> Path:
    """The user's cache folder for `name` (XDG_CACHE_HOME/broadcast/NAME)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "broadcast" / name


Stamps = tuple[tuple[Path, int], ...]


def stamps(paths: Iterable[Path]) -> Stamps:
    """Each path with its change time (0 when it is missing): a cache key that changes when a file does,
    so what is read from files is read once per process and again only after an edit."""
    return tuple((path, path.stat().st_mtime_ns if path.is_file() else 0) for path in paths)
