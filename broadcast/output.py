"""Writing outputs: atomically (temp file, then rename), in place for devices, or to stdout for `-`."""
from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import TextIO

from .errors import InputError, UsageError
from .interrupt import checkpoint
from .scratch import run_folder

# `tempfile` and `shutil` are imported where they are used: a run that writes to stdout needs neither (with
# the bz2, lzma and random they import, some 12M instructions of a start).


def in_place(target: str | Path) -> bool:
    """Whether `target` is written in place rather than replaced by a rename: a device, a FIFO, a terminal,
    a socket, or /dev/stdout and its kin. Renaming over those would turn, say, /dev/null into a file."""
    target = Path(target)
    try:
        mode = target.stat().st_mode  # follows links: /dev/stdout is a link to the process's stream
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        return False  # a folder is no output: check_output says so
    # /dev/stdout of a run whose stdout is a file (`-o /dev/stdout >> log.txt`) is a regular file: written in
    # place too, by its name as given, never by the file it resolves to (a rename would replace the log)
    named = (os.path.abspath(target), str(target.resolve()))
    return not stat.S_ISREG(mode) or any(name.startswith(("/dev/", "/proc/")) for name in named)


def _destination(target: Path) -> Path:
    """What a rename must replace: a link's target (the link stays a link), else `target` itself."""
    return target.resolve() if target.is_symlink() else target


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str = "", scratch: Path | None = None) -> Iterator[Path]:
    """A temporary path; when the block finishes without error it becomes `target`: renamed onto a regular
    file (or onto a link's target), copied into a device, FIFO or terminal in place.

    The temporary file lives in this run's scratch folder (scratch.py) inside `scratch` (default: the
    target's folder; one on the same file system), so a crash or a kill never leaves a half-written
    `target`, and what it leaves is swept by the next run.
    """
    import tempfile
    target = Path(target)
    special = in_place(target)
    if special:
        folder = Path(tempfile.gettempdir())
    else:
        target = _destination(target)
        folder = scratch or writable_folder(target)
    with run_folder(folder) as run:
        handle, name = tempfile.mkstemp(prefix=f"{target.name}.", suffix=suffix + ".tmp", dir=run)
        os.close(handle)
        temporary = Path(name)
        try:
            yield temporary
            checkpoint()  # never put an output in place after a stop that was swallowed on the way
            if special:
                _copy_into(temporary, target)
            else:
                os.chmod(temporary, 0o644)
                os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


@dataclass(frozen=True)
class Output:
    """One more output a command lands together with an audio draft: `data` for a file (or stdout, `-`), or
    `files` (name -> bytes) for a folder that may replace only an earlier export of `keep_suffix` files."""

    target: Path | str
    data: str | bytes = b""
    files: dict[str, bytes] | None = None
    keep_suffix: str = ""

    @property
    def folder(self) -> bool:
        return self.files is not None


@dataclass
class _Staged:
    temporary: Path | None  # None: stdout, written from `data`
    target: Path
    kind: str  # "stdout", "device" (written in place), "file" or "folder" (renamed into place)
    run: Path | None = None
    data: str | bytes = b""


class Landing:
    """Outputs written to temporary names and put in place together when the block ends: all of them, or,
    when one cannot be put in place, none (the files already moved are moved back, an earlier file under an
    output's name is restored). Stdout, a device or a FIFO cannot be taken back: those are written first, so
    one that refuses its bytes (/dev/full) fails before any file is touched."""

    def __init__(self, stack: contextlib.ExitStack) -> None:
        self._stack = stack
        self._staged: list[_Staged] = []

    def path(self, target: str | Path, suffix: str = "", scratch: Path | None = None) -> Path:
        """A temporary path that becomes `target` when the landing ends without error (as `atomic_path`)."""
        import tempfile
        target = Path(target)
        special = in_place(target)
        folder = Path(tempfile.gettempdir()) if special else scratch or writable_folder(_destination(target))
        run = self._stack.enter_context(run_folder(folder))
        handle, name = tempfile.mkstemp(prefix=f"{target.name}.", suffix=suffix + ".tmp", dir=run)
        os.close(handle)
        kind = "device" if special else "file"
        self._staged.append(_Staged(Path(name), target if special else _destination(target), kind, run))
        return Path(name)

    def write(self, output: Output) -> None:
        """Stage `output` (its text or bytes, or its folder of files) to land with the others."""
        try:
            self._write(output)
        except OSError as error:  # a full disk: nothing is put in place
            raise nothing_written(output.target, error) from None

    def _write(self, output: Output) -> None:
        import tempfile
        if output.files is not None:
            target = Path(output.target)
            check_folder_output(target, output.keep_suffix)
            run = self._stack.enter_context(run_folder(writable_folder(target)))
            staged = Path(tempfile.mkdtemp(prefix=f"{target.name}.", suffix=".tmp", dir=run))
            for name, payload in output.files.items():
                (staged / name).write_bytes(payload)
            os.chmod(staged, 0o755)
            self._staged.append(_Staged(staged, target, "folder", run))
            return
        if str(output.target) == "-":
            data = printable(output.data) if isinstance(output.data, str) else output.data
            self._staged.append(_Staged(None, Path("-"), "stdout", data=data))
            return
        payload = printable(output.data).encode("utf-8") if isinstance(output.data, str) else output.data
        self.path(output.target).write_bytes(payload)

    def land(self) -> None:
        checkpoint()  # never put an output in place after a stop that was swallowed on the way
        written: list[str] = []
        for staged in self._staged:
            if staged.kind == "stdout":
                _write_stream(sys.stdout, staged.data)
                written.append("stdout")
            elif staged.kind == "device":
                assert staged.temporary is not None
                _copy_into(staged.temporary, staged.target)
                written.append(str(staged.target))
        placed: list[tuple[Path, Path | None]] = []  # (target, where what it held before waits)
        for staged in self._staged:
            if staged.kind not in ("file", "folder"):
                continue
            assert staged.temporary is not None and staged.run is not None
            target, earlier = staged.target, None
            try:
                if staged.kind == "file":
                    os.chmod(staged.temporary, 0o644)
                if target.exists() or target.is_symlink():
                    aside = staged.run / f"{target.name}.before"
                    os.replace(target, aside)
                    earlier = aside
                os.replace(staged.temporary, target)
            except OSError as error:
                whole = self._undo([*placed, (target, earlier)] if earlier is not None else placed)
                devices = f"; {', '.join(written)} got their bytes already" if written else ""
                said = "no other file was changed" if whole else "already written: " + ", ".join(str(path) for path, _ in placed)
                raise InputError(f"{target}: cannot write ({error.strerror or error}); {said}{devices}") from None
            placed.append((target, earlier))
        for _, earlier in placed:
            if earlier is not None:
                _remove(earlier)

    @staticmethod
    def _undo(placed: list[tuple[Path, Path | None]]) -> bool:
        """Put back what each output replaced (or remove the new file or folder where there was none); whether
        all went back."""
        whole = True
        for target, earlier in reversed(placed):
            try:
                if earlier is not None and earlier.is_dir() and not earlier.is_symlink():
                    _remove(target)  # a folder cannot be renamed over a folder that holds files
                if earlier is not None:
                    os.replace(earlier, target)
                else:
                    _remove(target)
            except OSError:
                whole = False
        return whole

    def discard(self) -> None:
        """Remove what was staged and never landed."""
        for staged in self._staged:
            if staged.temporary is not None:
                _remove(staged.temporary)


def nothing_written(target: str | Path, error: OSError) -> InputError:
    """The one line for an output whose temporary copy could not be written (a full disk): none was put in place."""
    return InputError(f"{target}: cannot write ({error.strerror or error}); no output was written")


def _remove(path: Path) -> None:
    import shutil
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def landed_together() -> Iterator[Landing]:
    """A `Landing`: its paths become their outputs together when the block finishes without error; an error
    in the block leaves every output as it was."""
    with contextlib.ExitStack() as stack:
        landing = Landing(stack)
        try:
            yield landing
            landing.land()
        finally:
            with contextlib.suppress(OSError):
                landing.discard()


def _copy_into(source: Path, target: Path) -> None:
    """`source`'s bytes written into the special file `target` as it is (no truncating, no rename); a device
    that refuses them (/dev/full) is one line."""
    import shutil
    try:
        # appended, never truncated: /dev/stdout may be a log the shell opened with >>
        with open(source, "rb") as reading, open(target, "ab", buffering=0) as writing:
            shutil.copyfileobj(reading, writing)
    except OSError as error:
        raise InputError(f"{target}: cannot write ({error.strerror or error})") from None


def writable_folder(target: str | Path) -> Path:
    """The folder `target` goes in; InputError when it does not exist (said before any work is done)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    return folder


def check_output(target: str | Path, tried: set[Path] | None = None) -> None:
    """InputError, before any work, when `target` cannot be written: its folder is missing or cannot take a
    new file (read-only, no permission), or it is a folder itself. Stdout (`-`) and special files pass.
    `tried`: the folders already found writable (a batch writes a thousand files in one)."""
    if str(target) == "-" or in_place(target):
        return
    target = _destination(Path(target))
    folder = writable_folder(target)
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    if tried is not None and folder in tried:
        return
    try:  # a real try, not os.access: root passes access() on a read-only file system
        with run_folder(folder):
            pass
    except OSError as error:
        raise InputError(f"{target}: cannot write in {folder} ({error.strerror})") from None
    if tried is not None:
        tried.add(folder)


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """The resolved path and, when it exists, its (device, inode): links and hard links name one file."""
    try:
        found = path.stat()
        inode = (found.st_dev, found.st_ino)
    except OSError:
        inode = None
    return str(path.resolve()), inode


class _Files:
    """Files by resolved path and by (device, inode): one lookup finds a file named by a link or a hard link
    (a batch checks a thousand outputs against a thousand inputs)."""

    def __init__(self) -> None:
        self._names: dict[object, str] = {}

    def add(self, name: str, identity: tuple[str, tuple[int, int] | None]) -> None:
        self._names.setdefault(identity[0], name)
        if identity[1] is not None:
            self._names.setdefault(identity[1], name)

    def find(self, identity: tuple[str, tuple[int, int] | None]) -> str | None:
        found = self._names.get(identity[0])
        if found is None and identity[1] is not None:
            found = self._names.get(identity[1])
        return found


def check_outputs(
    outputs: Iterable[str | Path | None], inputs: Iterable[str | Path | None] = (), folders: dict[Path, str] | None = None
) -> None:
    """Before any work: UsageError when an output names an input or two outputs name one file (by resolved
    path and inode, so links count); InputError when one cannot be written. Stdout (`-`) and devices such
    as /dev/null may be named more than once. `folders`: outputs that are folders (a MOS export), each with
    the suffix of the files an earlier export of it holds."""
    folders = folders or {}
    files = [output for output in [*outputs, *folders] if output is not None and str(output) != "-"]
    if not files:  # stdout only: no input is read (a lazy `inputs` is never listed)
        return
    read = _Files()
    for path in inputs:
        if path is not None and str(path) != "-":
            read.add(str(path), _identity(Path(path)))
    written = _Files()
    writable: set[Path] = set()
    for output in files:
        identity = _identity(Path(output))
        name = read.find(identity)
        if name is not None:
            raise UsageError(f"{output}: is an input ({name}); writing it would destroy it, give another output name")
        if not _is_device(Path(output)) and (name := written.find(identity)) is not None:
            raise UsageError(f"{output}: named twice as an output (also as {name}); give each output its own name")
        written.add(str(output), identity)
        if Path(output) in folders:
            assert folders is not None
            check_folder_output(output, folders[Path(output)])
        else:
            check_output(output, writable)


def _is_device(path: Path) -> bool:
    try:
        return stat.S_ISCHR(path.stat().st_mode)
    except OSError:
        return False


# Control characters (C0 but tab, line feed and carriage return; DEL; C1): an article's ANSI/OSC escape sequences
# (a cleared screen, the window's title, the clipboard) reached a script, caption or page file raw, to act on the
# terminal of whoever runs `cat` on it. In a text output each is shown as its picture (␛ for ESC), never sent.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_picture(char: str) -> str:
    """The visible stand-in of one control character: ␛ for ESC, ␇ for BEL, ␡ for DEL, U+FFFD for a C1 control."""
    if char == "\x7f":
        return "\u2421"
    return chr(0x2400 + ord(char)) if char < " " else "\ufffd"


def printable(text: str) -> str:
    """`text` with each control character shown as its picture (`control_picture`)."""
    return _CONTROLS.sub(lambda match: control_picture(match.group()), text) if _CONTROLS.search(text) else text


def write_atomic(target: str | Path, data: str | bytes) -> None:
    """Write `data` to `target` (text as UTF-8, its control characters shown as pictures), or to stdout when
    target is `-`."""
    if isinstance(data, str):
        data = printable(data)
    if str(target) == "-":
        _write_stream(sys.stdout, data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if in_place(target):
            with open(target, "ab", buffering=0) as stream:  # as _copy_into: never truncated
                stream.write(payload)
            return
        with atomic_path(target) as temporary, open(temporary, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        raise InputError(f"{target}: cannot write ({error.strerror or error})") from None


def _write_stream(stream: TextIO, data: str | bytes) -> None:
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(data)
            stream.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): not an error of ours
    except OSError as error:  # `> /dev/full`, a full disk under a redirect
        _discard(stream)
        raise InputError(f"stdout: cannot write ({error.strerror or error})") from None


def _discard(stream: TextIO) -> None:
    """Point a stream that failed at /dev/null: Python would try to flush it again on the way out."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def check_folder_output(target: str | Path, keep_suffix: str) -> Path:
    """The folder a folder output `target` goes in; InputError, before any work, when that is missing or
    cannot be written, or when `target` exists and is anything but an earlier export (a folder of nothing
    but `keep_suffix` files): a mistyped -o never deletes someone's folder."""
    target = Path(target)
    parent = writable_folder(target)
    if target.is_symlink() or (target.exists() and not (
        target.is_dir() and all(p.name.endswith(keep_suffix) and p.is_file() for p in target.iterdir())
    )):
        raise InputError(f"{target}: exists and is not an earlier export (only {keep_suffix} files); not replacing it")
    try:  # a real try, not os.access: root passes access() on a read-only file system
        with run_folder(parent):
            pass
    except OSError as error:
        raise InputError(f"{target}: cannot write in {parent} ({error.strerror})") from None
    return parent


def write_folder_atomic(target: str | Path, files: dict[str, bytes], keep_suffix: str) -> None:
    """Write `files` (name -> bytes) as the folder `target`, all or nothing: a temporary folder beside it,
    renamed onto it. An existing `target` is replaced only if it holds nothing but `keep_suffix` files
    (an earlier export), so a mistyped -o never deletes someone's folder."""
    import shutil
    import tempfile
    target = Path(target)
    parent = check_folder_output(target, keep_suffix)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    retired = parent / f"{temporary.name}.old"
    try:
        for name, payload in files.items():
            with open(temporary / name, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, 0o755)
        if target.exists():
            os.replace(target, retired)
        try:
            os.replace(temporary, target)
        except OSError:
            if retired.exists():
                os.replace(retired, target)  # put the earlier export back
            raise
    except OSError as error:
        raise InputError(f"{target}: cannot write ({error.strerror})") from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
