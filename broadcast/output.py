"""Writing outputs: atomically (temp file, then rename), or to stdout for `-`."""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TextIO
from collections.abc import Iterator

from .errors import InputError


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside `target`; renamed onto it only if the block finishes without error.

    A crash or a kill leaves at most a hidden `.NAME.*.tmp` file, never a half-written `target`.
    """
    target = Path(target)
    folder = writable_folder(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".tmp", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def writable_folder(target: str | Path) -> Path:
    """The folder `target` goes in; InputError when it does not exist (said before any work is done)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    return folder


def write_atomic(target: str | Path, data: str | bytes) -> None:
    """Write `data` to `target` (text as UTF-8), or to stdout when target is `-`."""
    if str(target) == "-":
        _write_stream(sys.stdout, data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with atomic_path(target) as temporary, open(temporary, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        raise InputError(f"{target}: cannot write ({error.strerror})") from None


def _write_stream(stream: TextIO, data: str | bytes) -> None:
    if isinstance(data, bytes):
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    else:
        stream.write(data)
        stream.flush()


def write_folder_atomic(target: str | Path, files: dict[str, bytes], keep_suffix: str) -> None:
    """Write `files` (name -> bytes) as the folder `target`, all or nothing: a temporary folder beside it,
    renamed onto it. An existing `target` is replaced only if it holds nothing but `keep_suffix` files
    (an earlier export), so a mistyped -o never deletes someone's folder."""
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{target}: folder {parent} does not exist")
    if target.exists() and not (target.is_dir() and all(p.name.endswith(keep_suffix) for p in target.iterdir())):
        raise InputError(f"{target}: exists and is not an earlier export (only {keep_suffix} files); not replacing it")
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
