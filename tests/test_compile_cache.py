"""The compile cache's keys (broadcast/compile_cache.py): kept files by Python build, install and version; a value
worked out from source text by the checksum of the code that works it out; stale files and entries swept."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from broadcast import compile_cache

from conftest import ROOT


def _worker(path, body: str):
    """A function whose code is in file `path` (as a module's is), returning what `body` returns."""
    path.write_text(f"calls = []\ndef work():\n    calls.append(1)\n    return {body}\n", encoding="utf-8")
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["work"], namespace["calls"]


def _run(monkeypatch, file):
    """A fresh process's share of the values: read from `file`, no source checksum known yet."""
    values = compile_cache._Values(str(file))
    monkeypatch.setattr(compile_cache, "_values", values)
    monkeypatch.setattr(compile_cache, "_SOURCES", {})
    return values


def test_a_kept_value_is_worked_out_again_when_the_code_that_works_it_out_changes(tmp_path, monkeypatch):
    kept_file, source = tmp_path / "values.marshal", tmp_path / "worker.py"
    work, calls = _worker(source, "'first'")
    values = _run(monkeypatch, kept_file)
    assert compile_cache.kept("kind", "key", work) == "first"
    assert compile_cache.kept("kind", "other", work) == "first"
    values.save()
    assert len(calls) == 2

    work, calls = _worker(source, "'first'")  # the same code in a later run: taken from the file
    _run(monkeypatch, kept_file)
    assert compile_cache.kept("kind", "key", work) == "first" and calls == []

    work, calls = _worker(source, "'second'")  # the code edited: worked out again, never the stale value
    values = _run(monkeypatch, kept_file)
    assert compile_cache.kept("kind", "key", work) == "second" and calls == [1]
    values.save()
    # and on writing, the entry the old code worked out that this run did not ask for is swept
    assert set(compile_cache._read(kept_file)) == {("kind", "key")}
    _run(monkeypatch, kept_file)
    assert compile_cache.kept("kind", "key", work) == "second" and calls == [1]


def test_a_value_whose_code_cannot_be_read_is_worked_out_every_time(tmp_path, monkeypatch):
    _run(monkeypatch, tmp_path / "values.marshal")
    calls = []
    work = eval("lambda: calls.append(1) or len(calls)", {"calls": calls})  # code of no file
    assert [compile_cache.kept("kind", "key", work) for _ in range(2)] == [1, 2]


def test_the_kept_files_are_named_by_python_install_and_version(monkeypatch):
    name = os.path.basename(compile_cache._file("regex"))
    assert name.startswith(compile_cache._prefix()) and compile_cache._INSTALL in name
    import broadcast

    assert broadcast.__version__.replace(".", "_") == compile_cache._VERSION
    monkeypatch.setattr(compile_cache, "_VERSION", "9_9_9")
    assert os.path.basename(compile_cache._file("regex")) != name  # an upgrade in place: files of its own


def test_the_sweep_removes_other_versions_and_long_untouched_files_only(tmp_path, monkeypatch):
    prefix = compile_cache._prefix()
    monkeypatch.setattr(compile_cache, "_VERSION", "0_2_0")
    names = {
        f"{prefix}0_2_0.regex.marshal": True,  # this version's
        f"{prefix}0_2_0.regex.seen": True,
        f"{prefix}0_1_0.regex.marshal": False,  # an earlier version of this install
        f"{prefix}0_1_0.values.marshal": False,
        f"{prefix}0_2_0_1.methods.marshal": False,  # another version whose name opens with this one's
        "cpython-311-1234-0badf00d-0_1_0.regex.marshal": True,  # another install, recently used
        "cpython-311-1234-deadbeef-0_1_0.regex.marshal": False,  # another install, untouched for months
        f".{prefix}0_2_0.regex.marshal.abc.tmp": False,  # a write's leftover, old
        "notes.txt": True,  # not ours
    }
    month_ago = time.time() - (compile_cache.STALE_DAYS + 1) * 86400
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    for name in ("cpython-311-1234-deadbeef-0_1_0.regex.marshal", f".{prefix}0_2_0.regex.marshal.abc.tmp"):
        os.utime(tmp_path / name, (month_ago, month_ago))
    compile_cache.sweep(str(tmp_path))
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(name for name, stays in names.items() if stays)


_PROBE = r"""
import sys
import broadcast
broadcast.__version__ = sys.argv[1]  # as an upgrade in place would install
import broadcast.cli
from broadcast import compile_cache
print(compile_cache._file("regex"))
broadcast.load(sys.argv[2], checked=False).render("timing")
"""


def test_an_upgrade_in_place_keeps_its_own_files_and_sweeps_the_old(tmp_path):
    article = ROOT / "examples" / "khabar24-belarus-kk.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("BROADCAST_NO_COMPILE_CACHE", None)

    def run(version: str) -> str:
        return subprocess.run([sys.executable, "-c", _PROBE, version, str(article)], capture_output=True, text=True,
                              env=env, check=True).stdout.strip()

    old = [run("1.0") for _ in range(2)][0]
    folder = os.path.dirname(old)
    assert os.path.isfile(old) and any(name.endswith("1_0.values.marshal") for name in os.listdir(folder))
    new = run("1.1")
    assert new != old and any(name.endswith("1_1.values.marshal") for name in os.listdir(folder))
    assert not any("-1_0." in name for name in os.listdir(folder)), os.listdir(folder)
    run("1.1")  # a pattern is kept the second time a run meets it
    assert os.path.isfile(new)
