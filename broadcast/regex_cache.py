"""The command line's regular expressions, compiled once and kept between runs.

The reader's rules are some 170 regular expressions, and Python compiles each one again on every start: about
45 ms, a quarter of the whole `broadcast script` run. Compiling is two steps: Python code parses the pattern and
turns it into a list of integers (the slow part), then C builds the matcher from that list (fast). This module
keeps the lists in the user's cache (one file for each Python version, next to the parsed data files) and, on
the next start, gives them to the C step directly.

Only the command line installs it (`broadcast.cli`); a program that imports the library keeps Python's own
`re` as it is. What comes back is exactly what Python would compile: a list is kept only after the pattern
built from it was compared equal to the one Python compiled (same flags, same groups, same code), and the
file carries a checksum. Any surprise (another Python, a damaged or unreadable file) means compiling as usual.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

from .resources import user_cache

# A kept file with more patterns than this is written afresh with only those of the last run (a lexicon
# edited many times leaves patterns nobody compiles any more).
MOST_KEPT = 4000
_LARGEST_FILE = 8_000_000  # bytes

_compiler: Any = getattr(re, "_compiler", None)
_sre: Any = getattr(_compiler, "_sre", None)

Key = tuple[str, int]
Kept = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class _Cache:
    def __init__(self, path: Path, original: Any) -> None:
        self.path = path
        self.seen_path = path.with_suffix(".seen")
        self.original = original
        self.kept: dict[Key, Any] = _read(path)
        self.used: dict[Key, Kept] = {}
        self.new = False
        # Patterns met in an earlier run (their checksums) but not kept yet: a pattern is kept the second time
        # it is met, so one made anew by every run (with a random marker in it) never fills the file.
        seen = _read(self.seen_path).get(("seen", 0))
        self.seen: list[int] = seen if isinstance(seen, list) else []
        self.seen_before = frozenset(self.seen)
        self.seen_new = False

    def compile(self, p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & re.DEBUG:
            return self.original(p, flags)
        key = (p, int(flags))
        kept = self.kept.get(key)
        if kept is not None and _well_formed(key, kept):
            try:
                compiled = _sre.compile(p, *kept)
            except Exception:  # a file from another build of this Python: compile as usual
                self.kept.pop(key, None)
            else:
                self.used[key] = kept
                return compiled
        compiled = self.original(p, flags)
        checksum = zlib.crc32(f"{flags}|{p}".encode("utf-8", "surrogatepass"))
        if checksum not in self.seen_before:
            self.seen.append(checksum)
            self.seen_new = True
            return compiled
        recorded = _record(p, int(flags))
        if recorded is not None:
            try:
                same = _sre.compile(p, *recorded) == compiled
            except Exception:
                same = False
            if same:
                self.kept[key] = self.used[key] = recorded
                self.new = True
        return compiled

    def save(self) -> None:
        if self.seen_new:
            _write(self.seen_path, {("seen", 0): self.seen[-MOST_KEPT:]})
        if self.new:
            _write(self.path, self.kept if len(self.kept) <= MOST_KEPT else self.used)


def _record(pattern: str, flags: int) -> Kept | None:
    """What Python's `re._compiler.compile` hands to the C step for `pattern` (the same steps, 3.11 to 3.13)."""
    try:
        parsed = _compiler._parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except Exception:
        return None


def _file() -> Path:
    tag = sys.implementation.cache_tag or sys.implementation.name
    return user_cache("regex") / f"{tag}-{sys.hexversion:x}.marshal"


def _read(path: Path) -> dict[Any, Any]:
    try:
        if path.stat().st_size > _LARGEST_FILE:
            return {}
        data = path.read_bytes()
        if len(data) < 4 or zlib.crc32(data[4:]).to_bytes(4, "big") != data[:4]:
            return {}
        kept = marshal.loads(data[4:])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}  # each entry is checked when it is used


def _well_formed(key: Any, value: Any) -> bool:
    return (
        isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
        and isinstance(value, tuple) and len(value) == 5 and isinstance(value[0], int) and isinstance(value[1], list)
        and isinstance(value[2], int) and isinstance(value[3], dict) and isinstance(value[4], tuple)
    )


def _write(path: Path, kept: dict[Any, Any]) -> None:
    """The kept lists, atomically; a cache that cannot be written is no cache, never an error."""
    try:
        payload = marshal.dumps(kept)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(name, path)
    except OSError:
        Path(name).unlink(missing_ok=True)


_installed: _Cache | None = None


def install() -> None:
    """Compile this process's regular expressions from the kept lists, and keep the new ones at exit."""
    global _installed
    if _installed is not None or _compiler is None or _sre is None or not callable(getattr(_compiler, "compile", None)):
        return
    if os.environ.get("BROADCAST_NO_REGEX_CACHE"):
        return
    cache = _Cache(_file(), _compiler.compile)
    _compiler.compile = cache.compile
    _installed = cache
    atexit.register(cache.save)


def uninstall() -> None:
    """Python's own compiling again (for tests)."""
    global _installed
    if _installed is not None:
        _compiler.compile = _installed.original
        _installed = None
