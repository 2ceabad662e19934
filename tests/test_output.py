"""Outputs never destroy a user's file: not an input, not a device, not half-written on a full disk."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest

from broadcast.cli import main
from broadcast.errors import InputError, UsageError
from broadcast.output import check_outputs, write_atomic

from conftest import ROOT, SEED, device_node

RUNDOWN = ROOT / "examples" / "evening-bulletin.toml"


def _article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    return article


@pytest.mark.parametrize(
    "arguments",
    [
        ["script", "{a}", "-o", "{a}"],
        ["script", "{a}", "-o", "{link}"],
        ["script", "{a}", "-o", "{hard}"],
        ["script", "{a}", "-o", "{dir}/./a.txt"],
        ["script", "{a}", "--template", "{t}", "-o", "{t}"],
        ["audio", "{a}", "-o", "{dir}/a.wav", "--srt", "{a}"],
        ["audio", "{a}", "-o", "{dir}/a.wav", "--srt", "{dir}/x.srt", "--vtt", "{dir}/x.srt"],
        ["audio", "{a}", "-o", "{dir}/a.wav", "--cues", "{dir}/a.wav"],
        ["audio", "{a}", "-o", "{dir}/a.wav", "--bed", "{dir}/a.srt"],
    ],
)
def test_an_output_naming_an_input_or_another_output_is_a_usage_error(tmp_path, capsys, arguments):
    article = _article(tmp_path)
    (tmp_path / "link.txt").symlink_to(article)
    os.link(article, tmp_path / "hard.txt")
    template = tmp_path / "t.j2"
    template.write_text("{{ story.title }}\n", encoding="utf-8")
    (tmp_path / "a.srt").write_bytes(b"bed")
    names = {"a": article, "link": tmp_path / "link.txt", "hard": tmp_path / "hard.txt", "dir": tmp_path, "t": template}
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    assert main([part.format(**names) for part in arguments]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("is an input" in err or "named twice" in err), err
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before


def test_rundown_output_naming_the_rundown_or_a_story_is_a_usage_error(tmp_path, capsys):
    folder = tmp_path / "ev"
    import shutil

    shutil.copytree(RUNDOWN.parent, folder)
    rundown = folder / RUNDOWN.name
    before = rundown.read_bytes(), (folder / "khabar24-belarus-kk.txt").read_bytes()
    assert main(["rundown", str(rundown), "-o", str(rundown)]) == 2
    assert main(["rundown", str(rundown), "-o", str(folder / "khabar24-belarus-kk.txt")]) == 2
    assert main(["rundown", str(rundown), "--audio", str(folder / "b.wav"), "-o", str(folder / "b.wav")]) == 2
    assert main(["rundown", str(rundown), "--audio", str(folder / "b.wav"), "-o", str(folder / "b.srt")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and all("is an input" in line or "named twice" in line for line in err)
    assert (rundown.read_bytes(), (folder / "khabar24-belarus-kk.txt").read_bytes()) == before
    assert not (folder / "b.wav").exists()


def test_a_device_output_is_written_in_place_never_renamed_over(tmp_path, capsys):
    null = device_node(tmp_path / "null", 3)
    assert main(["script", str(SEED), "-o", str(null)]) == 0
    assert stat.S_ISCHR(null.stat().st_mode)  # still the device, not a regular file
    write_atomic(null, "again")
    assert stat.S_ISCHR(null.stat().st_mode)
    check_outputs([null, null])  # a device named twice is no clash


def test_a_fifo_output_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["script", str(SEED), "--to", "json", "-o", str(fifo)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"{")


@pytest.mark.parametrize("name", ["/dev/stdout", "/proc/self/fd/1"])
def test_dev_stdout_on_a_log_file_appends_and_never_replaces_it(tmp_path, name):
    """`-o /dev/stdout >> log.txt`: stdout is a regular file, and /dev/stdout resolved to it was renamed over,
    a new file where the log was (its earlier lines gone). It is written in place, after what the log held."""
    log = tmp_path / "log.txt"
    log.write_text("EARLIER LINE\n", encoding="utf-8")
    inode = log.stat().st_ino
    with open(log, "ab") as stdout:
        result = subprocess.run([sys.executable, "-m", "broadcast", "script", str(SEED), "-o", name], stdout=stdout,
                                stderr=subprocess.PIPE, cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert log.stat().st_ino == inode and sorted(path.name for path in tmp_path.iterdir()) == ["log.txt"]
    text = log.read_text(encoding="utf-8")
    assert text.startswith("EARLIER LINE\n") and "[LEAD]" in text


def test_a_link_output_keeps_the_link_and_writes_its_target(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(target)
    write_atomic(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_full_device_is_one_line_and_exit_1(tmp_path, capsys):
    full = device_node(tmp_path / "full", 7)
    assert main(["script", str(SEED), "-o", str(full)]) == 1
    err = capsys.readouterr().err
    assert err == f"broadcast: {full}: cannot write (No space left on device)\n"
    with open(full, "wb") as stdout:  # `> /dev/full`
        result = subprocess.run([sys.executable, "-m", "broadcast", "script", str(SEED)], stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    assert (result.returncode, result.stderr.decode()) == (1, "broadcast: stdout: cannot write (No space left on device)\n")


def test_an_output_that_cannot_be_written_is_said_before_any_work(tmp_path):
    with pytest.raises(InputError, match="folder .* does not exist"):
        check_outputs([tmp_path / "no" / "x.txt"])
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        check_outputs([tmp_path / "d"])
    with pytest.raises(UsageError, match="named twice"):
        check_outputs([tmp_path / "x.txt", tmp_path / "d" / ".." / "x.txt"])
    if os.geteuid() != 0:  # root writes in a read-only folder; elsewhere this is the read-only case
        (tmp_path / "ro").mkdir(mode=0o555)
        with pytest.raises(InputError, match="cannot write in"):
            check_outputs([tmp_path / "ro" / "x.txt"])


def test_a_caption_file_on_a_full_device_is_one_line_and_leaves_no_other_output(tmp_path, capsys):
    """`audio --cues FULL` was a traceback (OSError from the device copy) and left the label track already put in
    place: devices are written before any file is renamed, and their failure is one line."""
    full = device_node(tmp_path / "full", 7)
    article = tmp_path / "a.txt"
    article.write_text("Today 90 people came to the square in Astana.\n", encoding="utf-8")
    for option in ("--cues", "--srt", "--labels"):
        assert main(["audio", str(article), "-o", str(tmp_path / "d.wav"), option, str(full),
                     "--cache", str(tmp_path / "cache")]) == 1, option
        err = capsys.readouterr().err
        assert err == f"broadcast: {full}: cannot write (No space left on device)\n", (option, err)
        assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "cache", "full"], option


def _failing_rename(monkeypatch, folder, fail_at: int) -> list[str]:
    """os.replace failing on the `fail_at`-th output put in place in `folder` (a full disk, a lost mount)."""
    real, placed = os.replace, []

    def replace(source, destination, *args, **kwargs):
        destination = os.fspath(destination)
        moving_aside = destination.endswith(".before") or os.fspath(source).endswith(".before")
        if os.path.dirname(destination) == str(folder) and not moving_aside:
            placed.append(os.path.basename(destination))
            if len(placed) == fail_at:
                raise OSError(28, "No space left on device")
        return real(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return placed


def test_outputs_landed_together_are_all_put_back_when_a_later_one_fails(tmp_path, monkeypatch):
    from broadcast.output import landed_together

    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    (tmp_path / "b.txt").write_text("old b", encoding="utf-8")
    placed = _failing_rename(monkeypatch, tmp_path, fail_at=3)
    failed = r"c.txt: cannot write \(No space left on device\); no other file was changed"
    with pytest.raises(InputError, match=failed), landed_together() as landing:
        for name in ("a.txt", "b.txt", "c.txt"):
            landing.path(tmp_path / name).write_text(f"new {name}", encoding="utf-8")
    assert placed == ["a.txt", "b.txt", "c.txt"]
    assert {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()} == {"a.txt": "old a", "b.txt": "old b"}


def test_outputs_landed_together_all_land_or_none_when_the_work_fails(tmp_path):
    from broadcast.output import landed_together

    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    with landed_together() as landing:
        for name in ("a.txt", "b.txt"):
            landing.path(tmp_path / name).write_text(f"new {name}", encoding="utf-8")
    assert {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()} == {"a.txt": "new a.txt", "b.txt": "new b.txt"}
    with pytest.raises(RuntimeError), landed_together() as landing:
        landing.path(tmp_path / "a.txt").write_text("newer", encoding="utf-8")
        raise RuntimeError("the render failed")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "new a.txt"


def test_a_folder_landed_with_files_is_put_back_when_a_later_one_fails(tmp_path, monkeypatch):
    """A folder output (a MOS export) lands with the files: when a later rename fails, the earlier export comes
    back whole, and a folder that was not there before is gone."""
    from broadcast.output import Output, landed_together

    earlier = tmp_path / "show.mos"
    earlier.mkdir()
    (earlier / "0001-old.mos.xml").write_bytes(b"old")
    placed = _failing_rename(monkeypatch, tmp_path, fail_at=3)
    with pytest.raises(InputError, match="no other file was changed"), landed_together() as landing:
        landing.write(Output(earlier, files={"0001-new.mos.xml": b"new"}, keep_suffix=".mos.xml"))
        landing.write(Output(tmp_path / "new.mos", files={"0001-new.mos.xml": b"new"}, keep_suffix=".mos.xml"))
        landing.write(Output(tmp_path / "table.txt", "the table"))
    assert placed == ["show.mos", "new.mos", "table.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["show.mos"]
    assert [(path.name, path.read_bytes()) for path in earlier.iterdir()] == [("0001-old.mos.xml", b"old")]


def test_a_folder_output_replaces_only_an_earlier_export(tmp_path):
    from broadcast.output import Output, landed_together

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(InputError, match="not an earlier export"), landed_together() as landing:
        landing.write(Output(mine, files={"a.mos.xml": b"x"}, keep_suffix=".mos.xml"))
    assert [path.name for path in mine.iterdir()] == ["notes.txt"]
    with landed_together() as landing:
        landing.write(Output(tmp_path / "show.mos", files={"a.mos.xml": b"x"}, keep_suffix=".mos.xml"))
        landing.write(Output(tmp_path / "t.txt", "text"))
    assert (tmp_path / "show.mos" / "a.mos.xml").read_bytes() == b"x" and (tmp_path / "t.txt").read_text() == "text"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine", "show.mos", "t.txt"]


def _three_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Today {ord(name)} people came to the square in Astana.\n", encoding="utf-8")
    return folder


def test_a_batch_whose_third_output_cannot_be_put_in_place_writes_none(tmp_path, monkeypatch, capsys):
    """A batch's outputs land together: before, the first two were in place when the third failed, and the
    line did not say so."""
    folder = _three_articles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.prompter.txt").write_text("an earlier output", encoding="utf-8")
    placed = _failing_rename(monkeypatch, out, fail_at=3)
    assert main(["script", str(folder), "-o", f"{out}/"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "c.prompter.txt: cannot write" in err and "no other file was changed" in err, err
    assert placed == ["a.prompter.txt", "b.prompter.txt", "c.prompter.txt"]
    assert {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()} == {"a.prompter.txt": "an earlier output"}


def test_a_batch_stopped_halfway_writes_none_and_leaves_no_folder_it_made(tmp_path, monkeypatch, capsys):
    from broadcast.commands import _batch

    folder = _three_articles(tmp_path)
    real = _batch.render

    def render(job):
        if job.article.endswith("c.txt"):
            raise KeyboardInterrupt
        return real(job)

    monkeypatch.setattr(_batch, "render", render)
    assert main(["time", str(folder), "-o", f"{tmp_path}/out/"]) == 130
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in"]
    assert sorted(path.name for path in folder.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_an_audio_draft_whose_last_caption_cannot_be_put_in_place_changes_none_of_its_outputs(tmp_path, capsys, monkeypatch):
    """The audio and its captions were renamed one by one: a rename failing late left the earlier outputs replaced
    and the later ones old, a draft whose captions belong to another. Now all are put in place, or none."""
    article = tmp_path / "a.txt"
    article.write_text("Today 90 people came to the square in Astana.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    common = ["audio", str(article), "-o", str(out / "d.wav"), "--cache", str(tmp_path / "cache")]
    assert main(common) == 0
    capsys.readouterr()
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    assert len(before) >= 3  # the audio and its captions
    article.write_text("Tomorrow 40 people will come to the square in Almaty.\n", encoding="utf-8")
    placed = _failing_rename(monkeypatch, out, fail_at=len(before))
    assert main(common) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write (No space left on device); no other file was changed" in err, err
    assert len(placed) == len(before)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_a_caption_that_cannot_be_written_on_a_full_disk_is_one_line_and_writes_nothing(tmp_path, capsys, monkeypatch):
    """A caption's temporary copy failing on a full disk (ENOSPC) was a traceback."""
    import errno
    import pathlib

    article = tmp_path / "a.txt"
    article.write_text("Today 90 people came to the square in Astana.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    real = pathlib.Path.write_text

    def write_text(self, *args, **kwargs):
        if self.name.startswith("d.srt."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_text", write_text)
    assert main(["audio", str(article), "-o", str(out / "d.wav"), "--cache", str(tmp_path / "cache")]) == 1
    err = capsys.readouterr().err
    assert err == f"broadcast: {out / 'd.srt'}: cannot write (No space left on device); no output was written\n", err
    assert list(out.iterdir()) == []


def test_a_batch_folder_on_a_read_only_disk_is_one_line(tmp_path, capsys, monkeypatch):
    """`script A B -o RO/new/` on a read-only file system: making the folder was a traceback."""
    import errno
    import pathlib

    def mkdir(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    folder = _three_articles(tmp_path)
    monkeypatch.setattr(pathlib.Path, "mkdir", mkdir)
    assert main(["script", str(folder), "-o", f"{tmp_path}/new/"]) == 1
    err = capsys.readouterr().err
    assert err == f"broadcast: {tmp_path}/new/: cannot make the folder (Read-only file system)\n", err


def test_a_disk_that_fills_where_no_write_names_a_file_is_still_one_line(capsys, monkeypatch):
    import errno

    from broadcast.commands import time as time_command

    def run(args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(time_command, "run", run)
    assert main(["time", str(SEED)]) == 1
    assert capsys.readouterr().err == "broadcast: cannot write (No space left on device); no output was written\n"


@pytest.mark.parametrize("last, kind", [
    (b"[out#0/wav @ 0x1] Error closing file: No space left on device", "InputError"),
    (b"[out#0/mp3 @ 0x1] Error writing trailer: Disk quota exceeded", "InputError"),
    (b"Invalid data found when processing input", "EngineError"),
])
def test_ffmpeg_failing_for_a_full_disk_is_the_disk_s_error_not_the_engine_s(last, kind):
    """`audio -o FULL/d.wav` said "ffmpeg could not write the draft" with exit 3 (an engine failure)."""
    from broadcast.audio.pcm import ffmpeg_failed

    error = ffmpeg_failed("write the draft", b"some line\n" + last + b"\n")
    assert type(error).__name__ == kind and str(error).endswith(last.decode())
