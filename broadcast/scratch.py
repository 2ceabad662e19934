"""Scratch space: a run's temporary files live in one folder of that run, `.broadcast-<pid>.tmp`, made in the
folder the output goes to (or the cache), so the final rename stays on one file system.

A run removes its folder as soon as the last temporary file in it is done with. A run killed outright leaves
its folder behind; the next run that works in the same place removes it once it can prove the process that
made it is gone (no process has that pid), never a folder of a run that may still be going.
"""
from __future__ import annotations

import contextlib
import os
import re
import threading
from pathlib import Path
from typing import Iterator

PREFIX, SUFFIX = ".broadcast-", ".tmp"
_NAME = re.compile(re.escape(PREFIX) + r"(\d+)" + re.escape(SUFFIX))

_lock = threading.Lock()
_users: dict[Path, int] = {}  # this run's folders -> how many blocks are using each
_swept: set[Path] = set()


@contextlib.contextmanager
def run_folder(folder: str | Path) -> Iterator[Path]:
    """This run's scratch folder inside `folder`, made on first use and removed, with whatever is left in
    it, when the last block using it ends. OSError when `folder` cannot take a new folder (read-only, full)."""
    import shutil
    folder = Path(folder)
    path = (folder / f"{PREFIX}{os.getpid()}{SUFFIX}").absolute()
    with _lock:
        if folder.absolute() not in _swept:
            sweep(folder)
            _swept.add(folder.absolute())
        path.mkdir(exist_ok=True)
        _users[path] = _users.get(path, 0) + 1
    try:
        yield path
    finally:
        with _lock:
            _users[path] -= 1
            if not _users[path]:
                del _users[path]
                shutil.rmtree(path, ignore_errors=True)


def sweep(folder: str | Path) -> list[Path]:
    """Remove the scratch folders in `folder` left by runs that are no longer running; the ones removed."""
    import shutil
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _NAME.fullmatch(entry.name)
        if found and int(found[1]) != os.getpid() and not _running(int(found[1])) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # there is such a process, someone else's
    return True
