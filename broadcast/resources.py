"""Where the packaged data (templates, voices, lexicons) and the user's own data live."""
from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from stat import S_ISREG
from typing import Any, Iterable

from .errors import InputError, unreadable

_PACKAGE = Path(__file__).resolve().parent


def packaged(name: str) -> Path:
    """A top-level data folder: inside the package in a wheel, beside it in a source checkout (looked up once)."""
    found = _PACKAGED.get(name)
    if found is None:
        found = next((candidate for candidate in (_PACKAGE / name, _PACKAGE.parent / name) if candidate.is_dir()), None)
        if found is None:
            raise FileNotFoundError(f"packaged data folder {name!r} is missing; reinstall broadcast-script")
        _PACKAGED[name] = found
    return found


_PACKAGED: dict[str, Path] = {}


def user_config(name: str) -> Path:
    """The user's own folder for `name` (XDG_CONFIG_HOME/broadcast/NAME), which may not exist. Asked for every
    article of a batch (lexicons, voices, houses): remembered for the environment it was worked out in."""
    key = (os.environ.get("XDG_CONFIG_HOME"), os.environ.get("HOME"), name)
    found = _USER_CONFIG.get(key)
    if found is None:
        base = key[0] or Path.home() / ".config"
        found = _USER_CONFIG[key] = Path(base) / "broadcast" / name
    return found


_USER_CONFIG: dict[tuple[str | None, str | None, str], Path] = {}


def user_cache(name: str) -> Path:
    """The user's cache folder for `name` (XDG_CACHE_HOME/broadcast/NAME)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "broadcast" / name


Stamps = tuple[tuple[Path, int], ...]


def stamps(paths: Iterable[Path]) -> Stamps:
    """Each path with its change time (0 when it is missing): a cache key that changes when a file does,
    so what is read from files is read once per process and again only after an edit."""
    return tuple((path, file_stamp(path) or 0) for path in paths)


def file_stamp(path: Path) -> int | None:
    """The file's change time, None when it is missing or no file (one stat, where is_file and stat were two).

    A file that comes with the package (a packaged voice profile, lexicon or house style) is part of the
    install, as its code is: its stamp is taken once per process (a batch asked for some fifteen of them for
    every article). The user's own files are looked at every time: an edit is read at the next article."""
    kept = _SHIPPED.get(path)
    if kept is not None:
        return kept
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    if not S_ISREG(stat.st_mode):
        return None
    if shipped(path):
        _SHIPPED[path] = stat.st_mtime_ns
    return stat.st_mtime_ns


_SHIPPED: dict[Path, int] = {}


def shipped(path: Path) -> bool:
    """Whether `path` is inside one of the package's own data folders."""
    where = str(path)
    return any(where.startswith(f"{folder}{os.sep}") for folder in _PACKAGED.values())


_MOST_TOML = 5_000_000  # a voice profile, house style or lexicon this large is a mistake: not parsed


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """A TOML data file (a voice profile, a house style, a lexicon), parsed; `what` names it in the one-line
    error. Kept parsed between runs in the user's cache (keyed by the file's path, size and change time), so
    a start-up with nothing edited does not import the TOML parser (about 10 ms). A cache that cannot be
    read or written is no cache, never an error."""
    try:
        stat = path.stat()
        key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        kept = user_cache("parsed") / f"{zlib.crc32(key.encode('utf-8', 'surrogateescape')):08x}.json"
        entry = _read_kept(kept)
        if entry.get("key") == key and isinstance(entry.get("data"), dict):
            return entry["data"]
        import tomllib

        if stat.st_size > _MOST_TOML:
            raise InputError(f"{what} {path}: more than {_MOST_TOML // 1_000_000} MB; not a {what}")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise unreadable(f"{what} {path}", error) from None
    except (UnicodeDecodeError, ValueError) as error:  # tomllib.TOMLDecodeError is a ValueError
        raise InputError(f"{what} {path}: {error}") from None
    _keep(kept, {"key": key, "data": data})
    return data


def _read_kept(kept: Path) -> dict[str, Any]:
    try:
        entry = json.loads(kept.read_bytes())
    except (OSError, ValueError):
        return {}
    return entry if isinstance(entry, dict) else {}


def _keep(kept: Path, entry: dict[str, Any]) -> None:
    """Write `entry` as JSON to `kept`, atomically; data JSON cannot hold (a TOML date) is not kept."""
    import tempfile
    try:
        payload = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(prefix=f".{kept.name}.", suffix=".tmp", dir=kept.parent)
    except (OSError, TypeError, ValueError):
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(name, kept)
    except OSError:
        Path(name).unlink(missing_ok=True)


def within(value: Any, low: float, high: float) -> bool:
    """Whether a data file's `value` is a number (not a bool) from `low` to `high`: nan and inf never are."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high
