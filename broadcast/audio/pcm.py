"""Raw PCM in and out of ffmpeg: every ffmpeg run of the audio draft goes through `run`."""
from __future__ import annotations

import contextlib
import ctypes
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import EngineError, InputError
from ..interrupt import checkpoint
from .clip import Clip
from .ffmpeg import ffmpeg_exe


def raw(rate: int) -> list[str]:
    """ffmpeg arguments for the Clip's shape: mono 16-bit little-endian PCM at `rate`."""
    return ["-f", "s16le", "-ar", str(rate), "-ac", "1"]


def ffmpeg_failed(what: str, stderr: bytes) -> EngineError | InputError:
    """The error for an ffmpeg run that failed, with its last message line: the engine's (exit 3), or, when
    it could not write for want of room, the disk's (exit 1, as any output that cannot be written)."""
    lines = stderr.decode(errors="replace").strip().splitlines()
    said = f"ffmpeg could not {what}: {lines[-1] if lines else 'no message'}"
    return InputError(said) if lines and any(disk in lines[-1] for disk in _DISK_FULL) else EngineError(said)


# How ffmpeg (strerror) says a file could not be written for want of room or permission.
_DISK_FULL = ("No space left on device", "Disk quota exceeded", "Read-only file system", "File too large")


def run(
    arguments: list[str], stdin: bytes | None = None, what: str = "process audio", timeout: float | None = None
) -> subprocess.CompletedProcess:
    """ffmpeg with `arguments`; raise EngineError with ffmpeg's last message line when it fails.

    With `timeout` (seconds), a watchdog: an ffmpeg still running then is killed outright and the run is an
    EngineError. A filter graph can livelock (a conform graph whose trims ended well before their input spun at
    a third of a core and ignored SIGTERM): SIGKILL is the one signal it cannot miss.
    """
    # -nostdin: ffmpeg must never read the terminal (it took keystrokes and lost its summary on loaded runs).
    command = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-nostats", "-y", *arguments]
    stdin_from = subprocess.PIPE if stdin is not None else subprocess.DEVNULL
    argv, tie = tied_to_parent(command)
    with subprocess.Popen(argv, stdin=stdin_from, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **tie) as process:
        try:
            stdout, stderr = process.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise EngineError(f"ffmpeg could not {what}: it was still running after {timeout:.0f} s and was stopped") from None
        except BaseException:
            # Interrupted: ffmpeg must be gone before the caller removes its half-written output, or
            # it could still be writing the file back (subprocess.run does not wait after Ctrl-C).
            process.kill()
            process.wait()
            raise
    checkpoint()  # a Ctrl-C that landed in an at-fork hook while ffmpeg started was dropped there
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if result.returncode != 0:
        raise ffmpeg_failed(what, result.stderr)
    return result


@contextlib.contextmanager
def streamed(arguments: list[str], what: str, timeout: float, keep: int) -> Iterator[BinaryIO]:
    """ffmpeg with `arguments` (file descriptor `keep` passed on to it: a second output pipe), its stdout read
    in the block as it comes; EngineError with its last message line when it fails, after the block.

    The watchdog of `run` (ffmpeg killed outright after `timeout` seconds: its pipes then end) holds here too.
    """
    command = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-nostats", "-y", *arguments]
    argv, tie = tied_to_parent(command)
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                                   pass_fds=(keep,), **tie)
        wider(process.stdout.fileno())  # type: ignore[union-attr]
        late = threading.Event()

        def stop() -> None:
            late.set()
            process.kill()

        watchdog = threading.Timer(timeout, stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            with process.stdout:  # type: ignore[union-attr]
                yield process.stdout  # type: ignore[misc]
            process.wait()
        except BaseException:
            # Interrupted or failed: ffmpeg must be gone before the caller goes on.
            process.kill()
            process.wait()
            raise
        finally:
            watchdog.cancel()
        checkpoint()
        if late.is_set():
            raise EngineError(f"ffmpeg could not {what}: it was still running after {timeout:.0f} s and was stopped")
        if process.returncode != 0:
            errors.seek(0)
            raise ffmpeg_failed(what, errors.read())


def wider(pipe: int) -> None:
    """A pipe of a megabyte where Linux allows it (64 KiB by default): ffmpeg writes a second of audio a frame
    (94 KiB at 48 kHz), and it need not wait for the reader in the middle of each."""
    if not _LINUX:
        return
    import fcntl

    try:
        fcntl.fcntl(pipe, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except OSError:
        pass


# Linux: a child asks to be killed when its parent dies (prctl PR_SET_PDEATHSIG), so a render killed
# outright (SIGKILL, OOM) leaves no ffmpeg behind; an interrupt kills it in run() itself.
_PR_SET_PDEATHSIG = 1
_LINUX = sys.platform.startswith("linux")
_prctl = ctypes.CDLL(None, use_errno=True).prctl if _LINUX else None


def die_with_parent() -> None:
    """Run in the child between fork and exec: nothing here may take a lock."""
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


@cache
def _setpriv() -> str | None:
    return shutil.which("setpriv") if _LINUX else None


def tied_to_parent(command: list[str]) -> tuple[list[str], dict[str, Any]]:
    """(argv, Popen keywords) that start `command` so it is killed when this process dies.

    util-linux's setpriv sets PR_SET_PDEATHSIG and execs the command: Python then starts it with vfork, where
    a preexec_fn would make it fork the whole process (a render holds 100 MB: 6 ms of this process's CPU and
    7 ms of the child's a start, a tenth of a second of wall time on a loaded machine). Without setpriv, the
    preexec_fn sets it; off Linux there is no such signal.
    """
    setpriv = _setpriv()
    if setpriv:
        return [setpriv, "--pdeathsig", "KILL", "--", *command], {}
    return command, ({"preexec_fn": die_with_parent} if _LINUX else {})


def decode(path: str | Path, rate: int) -> Clip:
    """Any sound file ffmpeg reads, as a mono Clip at `rate` (for a bed, a sting or an outro)."""
    path = sound_file(path)
    try:
        result = run(["-loglevel", "error", "-i", str(path), *raw(rate), "pipe:1"], what=f"read {path}")
    except EngineError as error:
        raise InputError(str(error)) from None
    return Clip(result.stdout, rate)


def sound_file(path: str | Path) -> Path:
    """`path` when it names a file; InputError (a bad input, exit 1) when it does not."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such sound file")
    return path
