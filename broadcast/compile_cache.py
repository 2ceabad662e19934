"""What the command line compiles at every start, compiled once and kept between runs.

Python compiles two things of ours again on every start, and they were a third of `broadcast script`'s own
time: the reader's rules, some 170 regular expressions (about 45 ms), and the methods of some 40 dataclasses
(`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__`, ... as source text and compiles it: about
0.3 ms a class). This module keeps both in the user's cache, one file for each Python build, next to the parsed
data files, and on the next start hands Python what it compiled the last time:

- a regular expression is compiled in two steps: Python code parses the pattern and turns it into a list of
  integers (the slow part), then C builds the matcher from that list (fast). The lists are kept, and given to
  the C step directly. A list is kept only after the pattern built from it was compared equal to the one
  Python compiled (same flags, same groups, same code), and only the second time a run meets the pattern (one
  made anew by every run, with a random marker in it, never fills the file);
- a dataclass method's source text is compiled by `exec`; the code object is kept under its whole source text
  (marshal, as Python keeps a module's bytecode in `__pycache__`) and run by `exec` again, as it would have
  been. `dataclasses` finds our `exec` first in its module's names; nothing else of it changes.

The command line installs it whole (`broadcast.cli`). A program that imports the library gets its narrower share
(`install_for_library`, on the first use of the public API): its own patterns only, the regular expressions our
modules compile (told by the module that asked `re`) and the regex triggers; the program's own patterns, any
other library's and every dataclass are compiled by Python as they would be. Each file carries a checksum and the
build's bytecode magic number; any surprise (another Python, a damaged or unreadable file) means compiling as usual.
`BROADCAST_NO_COMPILE_CACHE=1` turns both off.

What a kept entry is keyed by: a regular expression by its own source text and flags, a dataclass method by its
whole source text (so an entry can only go unused, never be wrong); a value worked out from source text (`kept`)
by its key AND a checksum of the source file of the code that works it out (an edited `_triggers.py` works every
trigger out again). The files are named by the Python build, the package's version and its install folder, so
an upgrade in place starts afresh; when a file is written, the files of this install's other versions, files of
any install untouched for `STALE_DAYS`, and the values worked out by code that has changed since are swept.
"""
from __future__ import annotations

import atexit
import builtins
import dataclasses
import importlib._bootstrap_external
import marshal
import os
import re
import sys
import zlib
from types import CodeType
from typing import Any

# Imported before json and pathlib (whose patterns it then keeps too): so os.path, not resources.user_cache.
_FOLDER = "compiled"

# A kept file with more entries than this is written afresh with only those of the last run (a lexicon
# edited many times leaves patterns nobody compiles any more).
MOST_KEPT = 4000
_LARGEST_FILE = 8_000_000  # bytes
_MAGIC: bytes = importlib._bootstrap_external.MAGIC_NUMBER

_compiler: Any = getattr(re, "_compiler", None)
_sre: Any = getattr(_compiler, "_sre", None)
# A regex's code list is kept as the bytes of an array of its C type (read fast; a list only when it is used).
_CODE_TYPE: Any = next(
    (kind for kind in "IL" if memoryview(bytes(8)).cast(kind).itemsize == getattr(_sre, "CODESIZE", 0)),  # type: ignore[call-overload]
    "",
)

Key = tuple[str, int]
Kept = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _Regexes:
    def __init__(self, path: str, original: Any, ours_only: bool = False) -> None:
        self.path = path
        # The library's share: only what our own modules compile is taken from the file or kept in it.
        self.ours_only = ours_only
        self.seen_path = os.path.splitext(path)[0] + ".seen"
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
        if not isinstance(p, str) or flags & re.DEBUG or self.ours_only and not _asked_by_us():
            return self.original(p, flags)
        key = (p, int(flags))
        kept = self.kept.get(key)
        if kept is not None and _well_formed(kept):
            try:
                compiled = _build(p, kept)
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
                same = _build(p, recorded) == compiled
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


class _Methods:
    """The code objects of the dataclasses' generated methods, by their source text."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.kept: dict[str, Any] = _read(path)
        self.used: dict[str, CodeType] = {}
        self.new = False

    def exec(self, source: Any, *args: Any, **kwargs: Any) -> None:
        if type(source) is str:
            code = self.kept.get(source)
            if type(code) is not CodeType:
                # What `exec(source)` compiles when `dataclasses` calls it: no __future__ flags of ours.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.kept[source] = code
                self.new = True
            self.used[source] = code
            source = code
        builtins.exec(source, *args, **kwargs)

    def save(self) -> None:
        if self.new:
            _write(self.path, self.kept if len(self.kept) <= MOST_KEPT else self.used)


class _Values:
    """Values worked out from source text alone (a regex's trigger), by kind and key: each entry is (the file of
    the code that worked it out, that file's checksum then, the value)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.kept: dict[tuple[str, str], Any] = _read(path)
        self.used: dict[tuple[str, str], Any] = {}
        self.new = False

    def save(self) -> None:
        if self.new:
            # Swept: what code that has changed since worked out (the code's file as it is now has another checksum).
            current = {
                key: entry for key, entry in self.kept.items()
                if not (type(entry) is tuple and len(entry) == 3 and entry[0] in _SOURCES and entry[1] != _SOURCES[entry[0]])
            }
            _write(self.path, current if len(current) <= MOST_KEPT else self.used)


_MISSING = object()


def keeping() -> bool:
    """Whether values are kept between runs (`kept`): a value worked out once is then free in every later run."""
    return _values is not None


def kept(kind: str, key: str, work_out: Any) -> Any:
    """`work_out()`, which depends on `key` and on the code of the module `work_out` is written in alone; with the
    command line's cache installed, kept between runs under (kind, key) and that module's source checksum (an
    edit of the code works it out again). The value must be one marshal writes (None, str, numbers, tuples)."""
    if _values is None:
        return work_out()
    source = getattr(getattr(work_out, "__code__", None), "co_filename", "")
    checksum = _SOURCES.get(source)
    if checksum is None:
        checksum = _SOURCES[source] = _checksum(source)
    if checksum < 0:
        return work_out()
    entry = _values.kept.get((kind, key), _MISSING)
    if type(entry) is not tuple or len(entry) != 3 or entry[0] != source or entry[1] != checksum:
        entry = _values.kept[(kind, key)] = (source, checksum, work_out())
        _values.new = True
    _values.used[(kind, key)] = entry
    return entry[2]


# The checksum of each source file whose code worked out a kept value, read once a process.
_SOURCES: dict[str, int] = {}


def _checksum(path: str) -> int:
    """CRC-32 of the file's bytes; -1 where it cannot be read (its values are then worked out at every run)."""
    try:
        with open(path, "rb") as stream:
            return zlib.crc32(stream.read())
    except (OSError, ValueError):
        return -1


def _asked_by_us() -> bool:
    """Whether the pattern being compiled was asked for by one of our modules: the first caller outside `re` (and
    `functools`, whose caches call it) is in the package. Asked only when Python's own cache of compiled patterns
    misses, once a pattern."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__") or ""
        if not (name == "re" or name.startswith("re.") or name == "functools"):
            return name == __package__ or name.startswith(_PREFIX)
        frame = frame.f_back  # type: ignore[assignment]
    return False


_PREFIX = f"{__package__}."


def _build(pattern: str, kept: Kept) -> Any:
    """The C step on a kept list: the compiled pattern."""
    flags, packed, *rest = kept
    return _sre.compile(pattern, flags, memoryview(packed).cast(_CODE_TYPE).tolist(), *rest)


def _record(pattern: str, flags: int) -> Kept | None:
    """What Python's `re._compiler.compile` hands to the C step for `pattern` (the same steps, 3.11 to 3.13)."""
    import array

    try:
        parsed = _compiler._parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        packed = array.array(_CODE_TYPE, code).tobytes()
        return flags | parsed.state.flags, packed, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except Exception:
        return None


# Which installation of the package the kept files are for: two installs (two virtual environments, two
# versions, two checkouts) each keep their own, so one never loads the other's entries at every start (a file
# shared by eight checkouts had grown to 5 MB and took 30 ms to read, a fifth of a start-up).
_INSTALL = f"{zlib.crc32(os.path.dirname(os.path.abspath(__file__)).encode('utf-8', 'surrogateescape')):08x}"
# And which version of it: an upgrade in place (same folder) keeps its entries in new files, the old ones swept.
# (Letters, digits and `_` only: `0.1.0` is `0_1_0`, so no version's name opens another's.)
_VERSION = "".join(c if c.isalnum() else "_" for c in str(getattr(sys.modules.get(__package__ or ""), "__version__", "")))

# A kept file of any install or version not written for this many days is swept (an install long removed).
STALE_DAYS = 30


def _file(kind: str) -> str:
    """The kept file of `kind` in the user's cache (XDG_CACHE_HOME/broadcast/compiled, as resources.user_cache),
    one for each Python build, installation and version of the package."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "broadcast", _FOLDER, f"{_prefix()}{_VERSION}.{kind}.marshal")


def _prefix() -> str:
    """What the names of this Python build's and this install's files open with (any version)."""
    tag = sys.implementation.cache_tag or sys.implementation.name
    return f"{tag}-{sys.hexversion:x}-{_INSTALL}-"


def sweep(folder: str, now: float | None = None) -> None:
    """Remove the kept files of this install's other versions, any kept file (or a write's leftover) untouched
    for STALE_DAYS, in `folder`: asked when a file is written, never at a start that only reads."""
    import time

    now = time.time() if now is None else now
    prefix, current = _prefix(), f"{_prefix()}{_VERSION}."
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not name.endswith((".marshal", ".seen", ".tmp")):
            continue
        path = os.path.join(folder, name)
        try:
            old_version = name.startswith(prefix) and not name.startswith(current) and not name.startswith(".")
            if old_version or now - os.stat(path).st_mtime > STALE_DAYS * 86400:
                os.unlink(path)
        except OSError:
            pass


def _read(path: str | os.PathLike[str]) -> dict[Any, Any]:
    """A kept file's entries: a checksum, this build's magic number, then the marshalled dict."""
    try:
        if os.stat(path).st_size > _LARGEST_FILE:
            return {}
        with open(path, "rb") as stream:
            data = stream.read()
        header = 4 + len(_MAGIC)
        if len(data) < header or data[4:header] != _MAGIC or zlib.crc32(data[4:]).to_bytes(4, "big") != data[:4]:
            return {}
        kept = marshal.loads(data[header:])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}  # each entry is checked when it is used


def _well_formed(value: Any) -> bool:
    return (
        isinstance(value, tuple) and len(value) == 5 and isinstance(value[0], int) and isinstance(value[1], bytes)
        and isinstance(value[2], int) and isinstance(value[3], dict) and isinstance(value[4], tuple)
    )


def _write(path: str | os.PathLike[str], kept: dict[Any, Any]) -> None:
    """The kept entries, atomically; a cache that cannot be written is no cache, never an error."""
    import tempfile

    folder, file = os.path.split(path)
    try:
        payload = _MAGIC + marshal.dumps(kept)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{file}.", suffix=".tmp", dir=folder)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(name, path)
    except OSError:
        try:
            os.unlink(name)
        except OSError:
            pass
    global _swept
    if not _swept:
        _swept = True
        sweep(folder)


_swept = False


_regexes: _Regexes | None = None
_methods: _Methods | None = None
_values: _Values | None = None


def install() -> None:
    """Compile this process's regular expressions and dataclass methods from what was kept, and keep what is
    new at exit."""
    global _regexes, _methods, _values
    if os.environ.get("BROADCAST_NO_COMPILE_CACHE"):
        return
    if _values is None:
        _values = _Values(_file("values"))
        atexit.register(_values.save)
    if _regexes is None and _CODE_TYPE and callable(getattr(_compiler, "compile", None)):
        _regexes = _Regexes(_file("regex"), _compiler.compile)
        _compiler.compile = _regexes.compile
        atexit.register(_regexes.save)
    if _methods is None and "exec" not in vars(dataclasses):
        _methods = _Methods(_file("methods"))
        dataclasses.exec = _methods.exec  # type: ignore[attr-defined]
        atexit.register(_methods.save)


def install_for_library() -> None:
    """The library's share of the cache (see the module's note): the regular expressions our modules compile
    and the regex triggers, kept between runs as the command line keeps them; nothing of the program's own.
    Nothing changes when the command line's whole cache is installed already."""
    global _regexes, _values
    if os.environ.get("BROADCAST_NO_COMPILE_CACHE") or _regexes is not None:
        return
    if _values is None:
        _values = _Values(_file("values"))
        atexit.register(_values.save)
    if _CODE_TYPE and callable(getattr(_compiler, "compile", None)):
        _regexes = _Regexes(_file("regex"), _compiler.compile, ours_only=True)
        _compiler.compile = _regexes.compile
        atexit.register(_regexes.save)


def uninstall() -> None:
    """Python's own compiling again (for tests)."""
    global _regexes, _methods, _values
    _values = None
    if _regexes is not None:
        _compiler.compile = _regexes.original
        _regexes = None
    if _methods is not None:
        vars(dataclasses).pop("exec", None)
        _methods = None
