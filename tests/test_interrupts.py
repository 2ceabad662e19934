"""Killed, interrupted or terminated renders: no ffmpeg outlives them, no temporary file or folder stays
(the next run sweeps what a SIGKILL left), no output is half-written."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadcast import scratch
from broadcast.audio import pcm

from conftest import ROOT, SEED

RUNDOWN = """title = "T"
start = "19:00:00"
slot = "5:00"

[[item]]
type = "sting"
slug = "OPEN"
duration = "0:03"

[[item]]
type = "story"
slug = "ONE"
file = "story.txt"
"""


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command) of every live process whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append((int(entry.name), command))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _command(kind: str, tmp_path: Path) -> tuple[list[str], Path]:
    out = tmp_path / "out"
    out.mkdir()
    if kind == "audio":
        arguments = ["audio", str(SEED), "-o", str(out / "draft.mp3")]
    else:
        shutil.copy(SEED, tmp_path / "story.txt")
        (tmp_path / "ev.toml").write_text(RUNDOWN, encoding="utf-8")
        arguments = ["rundown", str(tmp_path / "ev.toml"), "--audio", str(out / "draft.mp3"), "-o", str(out / "table.txt")]
    return [sys.executable, "-m", "broadcast", *arguments, "--cache", str(tmp_path / "cache")], out


def _environment(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "tmp").mkdir()
    return {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}


def _leftovers(tmp_path: Path) -> list[str]:
    """Temporary files and folders anywhere under tmp_path (the scratch folders, .tmp files, TMPDIR)."""
    found = [str(path) for path in tmp_path.rglob("*") if path.name.endswith(".tmp") or scratch.PREFIX in path.name]
    return found + [str(path) for path in (tmp_path / "tmp").iterdir()]


def _kill_while_ffmpeg_runs(command, environment, how: signal.Signals) -> tuple[int, str, list[int]]:
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 240
    ffmpeg: list[int] = []
    while process.poll() is None and time.monotonic() < deadline:
        # An ffmpeg writing into the run's scratch folder (the encoder, the loudness pass): left alone, it runs
        # on for a second or more.
        ffmpeg = [pid for pid, name in _children(process.pid) if "ffmpeg" in name and scratch.PREFIX in name]
        if ffmpeg:
            break
        time.sleep(0.002)
    assert ffmpeg and process.poll() is None, "the render finished before ffmpeg could be caught running"
    process.send_signal(how)  # the parent alone: its children must follow by themselves
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr.decode(), ffmpeg


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"])
@pytest.mark.parametrize("kind", ["audio", "rundown"])
def test_a_stopped_render_leaves_no_ffmpeg_no_temporary_file_and_no_output(tmp_path, kind, how):
    command, out = _command(kind, tmp_path)
    environment = _environment(tmp_path)
    code, stderr, ffmpeg = _kill_while_ffmpeg_runs(command, environment, how)
    deadline = time.monotonic() + 0.5  # PR_SET_PDEATHSIG kills at once; left alone, ffmpeg runs on for seconds
    while any(map(_alive, ffmpeg)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, ffmpeg)), "ffmpeg outlived its parent"
    assert not [path for path in out.iterdir() if not path.name.startswith(scratch.PREFIX)]  # no output at all
    if how == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        assert code == 128 + how and stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
        assert _leftovers(tmp_path) == []
    # The next run finishes, and sweeps what a killed one left (its pid is gone).
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert _leftovers(tmp_path) == []


def test_the_sweep_spares_a_scratch_folder_of_a_run_still_going(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f"{scratch.PREFIX}{sleeper.pid}{scratch.SUFFIX}"
        dead = tmp_path / f"{scratch.PREFIX}{2**22 + 7}{scratch.SUFFIX}"  # above pid_max: no such process
        for folder in (live, dead):
            folder.mkdir()
            (folder / "draft.mp3.x.tmp").write_bytes(b"half")
        assert scratch.sweep(tmp_path) == [dead]
        assert live.is_dir() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_stop_swallowed_where_it_landed_still_stops_before_an_output_is_put_in_place(tmp_path):
    """Python drops an exception raised in an at-fork hook or a ctypes callback ("Exception ignored"):
    the signal is remembered, and the next checkpoint (every ffmpeg run, every render step, every output
    put in place) raises it again."""
    from broadcast.interrupt import Stopped, checkpoint, handled
    from broadcast.output import write_atomic

    for stop, raised in ((signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Stopped)):
        with handled():
            try:
                os.kill(os.getpid(), stop)
                time.sleep(1)  # the handler runs here and raises
            except BaseException:
                pass  # ...and is swallowed, as in a ctypes callback
            with pytest.raises(raised):
                checkpoint()
            with pytest.raises(raised):
                write_atomic(tmp_path / "out.txt", "x")
        checkpoint()  # outside the run nothing is pending
    assert list(tmp_path.iterdir()) == []


_LONG_FFMPEG = """
import sys
sys.path.insert(0, {root!r})
from broadcast.audio import pcm
from broadcast.audio.pcm import run
if {forked!r}:
    pcm._setpriv = lambda: None  # no setpriv on PATH: the preexec_fn asks for the signal
run(["-re", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "60", "-f", "null", "-"])
"""


@pytest.mark.parametrize("forked", [False, True], ids=["setpriv", "preexec_fn"])
def test_ffmpeg_dies_with_a_parent_killed_outright(tmp_path, forked):
    """PR_SET_PDEATHSIG: an ffmpeg that does not depend on its parent's pipes (a real-time run of 60 s) is
    killed the moment its parent is, not left running -- started through setpriv, or without it by a preexec_fn."""
    if not forked and pcm._setpriv() is None:
        pytest.skip("no setpriv on this system")
    parent = subprocess.Popen([sys.executable, "-c", _LONG_FFMPEG.format(root=str(ROOT), forked=forked)],
                              start_new_session=True)
    deadline = time.monotonic() + 60
    ffmpeg: list[int] = []
    while not ffmpeg and time.monotonic() < deadline:
        ffmpeg = [pid for pid, name in _children(parent.pid) if "anullsrc" in name]
        time.sleep(0.01)
    assert ffmpeg
    time.sleep(0.3)  # past the fork and exec
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 2
    while any(map(_alive, ffmpeg)) and time.monotonic() < deadline:
        time.sleep(0.02)
    alive = [pid for pid in ffmpeg if _alive(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "ffmpeg outlived its parent"
