"""The audio cache kept under its size: least recently used entries go first, never one just used."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadcast.audio import cache_limit
from broadcast.audio.cache_limit import DEFAULT, ENVIRONMENT, entries, limit, parse_size, prune
from broadcast.audio.clip import Clip
from broadcast.audio.clip_cache import ClipCache
from broadcast.audio.loudness import Encoding
from broadcast.errors import UsageError

from conftest import ROOT, SEED

ENCODING = Encoding("mp3")

HOUR = 3600.0


def _key(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def _entry(folder: Path, kind: str, name: str, size: int, age: float) -> Path:
    """A cache entry of `size` bytes last used `age` seconds ago: a clip, take, piece or draft file."""
    key = _key(name)
    path = {
        "clip": folder / key[:2] / f"{key}.wav",
        "take": folder / "takes" / key[:2] / f"{key}.wav",
        "piece": folder / "pieces" / key[:2] / f"{key}.mp3",
        "draft": folder / "drafts" / f"{key}.audio",
    }[kind]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(size))
    when = time.time() - age
    os.utime(path, (when, when))
    return path


@pytest.mark.parametrize(("text", "size"), [
    ("500M", 500 * 1024**2), ("2G", 2 * 1024**3), ("1.5GB", int(1.5 * 1024**3)), ("750MiB", 750 * 1024**2),
    ("64k", 64 * 1024), ("0", 0), ("12345", 12345), (" 3 g ", 3 * 1024**3), ("none", None), ("Unlimited", None),
])
def test_sizes_are_read_as_people_write_them(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "big", "-1G", "2X", "1e9", "G"])
def test_a_size_that_is_not_one_is_a_usage_error(text):
    with pytest.raises(UsageError, match="cache size"):
        parse_size(text)


def test_the_limit_is_the_option_else_the_environment_else_the_default(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert limit() == DEFAULT == 2 * 1024**3
    monkeypatch.setenv(ENVIRONMENT, "300M")
    assert limit() == 300 * 1024**2
    assert limit("1G") == 1024**3 and limit(1000) == 1000 and limit("none") is None
    monkeypatch.setenv(ENVIRONMENT, "none")
    assert limit() is None
    monkeypatch.setenv(ENVIRONMENT, "lots")
    with pytest.raises(UsageError, match=ENVIRONMENT):
        limit()


def test_the_least_recently_used_entries_go_first_down_to_the_low_water_mark(tmp_path):
    kinds = ["clip", "take", "piece", "draft"]
    made = [_entry(tmp_path, kinds[age % 4], f"entry {age}", 1000, HOUR * (age + 1)) for age in range(10)]
    assert sum(entry.size for entry in entries(tmp_path)) == 10_000
    pruned = prune(tmp_path, 9000)
    # Over 9000: brought down to 80% of it (7200), the oldest (largest age) first.
    assert (pruned.removed, pruned.freed, pruned.kept) == (3, 3000, 7000)
    assert [path.exists() for path in made] == [True] * 7 + [False] * 3
    assert prune(tmp_path, 9000).removed == 0  # under its size: nothing more goes


def test_a_cache_under_its_size_or_without_one_is_left_alone(tmp_path):
    made = [_entry(tmp_path, "clip", f"entry {index}", 1000, HOUR) for index in range(5)]
    assert prune(tmp_path, 5000).removed == 0 and prune(tmp_path, None).removed == 0
    assert all(path.exists() for path in made)


def test_an_entry_used_in_the_last_ten_minutes_is_never_removed(tmp_path):
    old = _entry(tmp_path, "clip", "old", 1000, HOUR)
    recent = [_entry(tmp_path, "take", f"recent {index}", 1000, 5) for index in range(3)]
    pruned = prune(tmp_path, 0)  # nothing may stay, yet the entries a render may be reading do
    assert not old.exists() and all(path.exists() for path in recent)
    assert (pruned.removed, pruned.kept) == (1, 3000)
    assert prune(tmp_path, 0, now=time.time() + 2 * cache_limit.RECENT).removed == 3


def test_only_the_caches_own_entries_are_counted_or_removed(tmp_path):
    entry = _entry(tmp_path, "piece", "piece", 1000, HOUR)
    foreign = [tmp_path / "notes.txt", tmp_path / "ab" / "not-a-key.wav", tmp_path / "pieces" / "ab" / f"{_key('x')}.wav",
               tmp_path / "drafts" / "draft.audio", tmp_path / ".broadcast-1.tmp" / f"{_key('y')}.wav"]
    for path in foreign:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(5000))
    old = time.time() - HOUR
    for path in foreign:
        os.utime(path, (old, old))
    assert [found.path for found in entries(tmp_path)] == [entry]
    prune(tmp_path, 0)
    assert not entry.exists() and all(path.exists() for path in foreign)
    assert not (tmp_path / "pieces" / entry.parent.name).exists()  # its shard, left empty, went too


def test_a_cache_hit_marks_the_entry_used(tmp_path):
    clips = ClipCache(tmp_path)
    key = _key("clip")
    clips.put(key, Clip(bytes(4000), 16000))
    path = clips.path(key)
    old = time.time() - HOUR
    os.utime(path, (old, old))
    assert clips.get(key) is not None
    assert path.stat().st_mtime > time.time() - 60


def test_a_missing_cache_folder_is_nothing_to_prune(tmp_path):
    assert prune(tmp_path / "nowhere", 0).removed == 0


def _render(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", "audio", *arguments], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})})


def test_a_render_prunes_what_other_drafts_left_and_keeps_what_it_used(tmp_path):
    """A render over its limit removes the entries no render used lately, never its own: its second render is
    still all cache hits."""
    article = tmp_path / "story.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "cache"
    stale = [_entry(cache, kind, f"stale {kind}", 400_000, HOUR) for kind in ("clip", "take", "piece", "draft")]
    done = _render(str(article), "-o", str(tmp_path / "a.mp3"), "--cache", str(cache), "--cache-size", "1K")
    assert done.returncode == 0, done.stderr
    assert not any(path.exists() for path in stale)
    kept = {entry.path for entry in entries(cache)}
    assert kept and all(path.stat().st_size for path in kept)  # the render's own clips, takes, pieces, draft
    for path in (cache / "drafts").iterdir():  # the finished draft forgotten: the mix is made again from the cache
        path.unlink()
    again = _render(str(article), "-o", str(tmp_path / "b.mp3"), "--cache", str(cache), env={ENVIRONMENT: "1K"})
    assert again.returncode == 0, again.stderr
    assert "0 made" in again.stdout


def test_a_bad_cache_size_is_told_before_any_work(tmp_path):
    done = _render(str(SEED), "-o", str(tmp_path / "a.mp3"), "--cache", str(tmp_path / "cache"), "--cache-size", "lots")
    assert done.returncode == 2 and "cache size 'lots'" in done.stderr
    assert not (tmp_path / "cache").exists() and not (tmp_path / "a.mp3").exists()
    done = _render(str(SEED), "-o", str(tmp_path / "a.mp3"), "--cache", str(tmp_path / "cache"), env={ENVIRONMENT: "x"})
    assert done.returncode == 2 and ENVIRONMENT in done.stderr
    assert not (tmp_path / "a.mp3").exists()


def test_a_render_going_on_beside_keeps_every_entry_used_since_it_started(tmp_path):
    """The race: a render beside this one, however long it has run, loses nothing it used since its start."""
    old = _entry(tmp_path, "clip", "old", 1000, 3 * HOUR)
    later = time.time() + 2 * HOUR  # the pruner runs long after: the last ten minutes no longer cover the render
    with cache_limit.rendering(tmp_path):
        [pin] = (tmp_path / cache_limit.RENDERS).iterdir()
        assert cache_limit.oldest_render(tmp_path) == pytest.approx(time.time(), abs=60)
        used = [_entry(tmp_path, kind, f"used {kind}", 1000, 0) for kind in ("clip", "take", "piece", "draft")]
        pruned = prune(tmp_path, 0, now=later)
        assert not old.exists() and all(path.exists() for path in used) and pruned.kept == 4000
        assert pin.exists()
    assert not pin.exists() and cache_limit.oldest_render(tmp_path) is None  # the render over, its pin gone
    assert prune(tmp_path, 0, now=later).removed == 4


def test_a_pin_left_by_a_render_that_was_killed_is_cleared(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pathlib; from broadcast.audio.cache_limit import rendering\n"
         "with rendering(pathlib.Path(sys.argv[1])):\n    print('pinned', flush=True); sys.stdin.read()", str(tmp_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "pinned"
        assert cache_limit.oldest_render(tmp_path) is not None  # another process's render, going on
        holder.kill()
        holder.wait()
    finally:
        holder.kill()
    [pin] = (tmp_path / cache_limit.RENDERS).iterdir()  # killed outright: its pin is left, no longer locked
    old = _entry(tmp_path, "piece", "old", 1000, 0)
    assert cache_limit.oldest_render(tmp_path) is None and not pin.exists()
    assert prune(tmp_path, 0, now=time.time() + HOUR).removed == 1 and not old.exists()


def test_a_kept_piece_stays_until_the_draft_is_joined_whoever_prunes_meanwhile(tmp_path):
    """A pruner that listed the cache a moment before a render took a piece from it may still remove the file: the
    render holds its own link to it, so the draft is joined whole."""
    from test_pieces import SEGMENTS, decode, lay, tone

    from broadcast.audio.programme import PieceEncoder

    lay(tmp_path / "first.mp3", tmp_path / "pieces", SEGMENTS)
    with PieceEncoder(tmp_path / "again.mp3", ENCODING, -23.0, -1.0, tmp_path / "pieces") as encoder:
        for ms, pause, frequency in SEGMENTS:
            encoder.write(tone(ms, frequency))
            encoder.silence(pause)
            encoder.boundary()
        kept = [entry.path for entry in entries(tmp_path)]
        assert kept and encoder.pieces.reused >= len(SEGMENTS)
        for path in kept:  # another render's pruning takes every piece away
            path.unlink()
    assert encoder.pieces.reused == len(SEGMENTS) and encoder.pieces.encoded == 1  # the frame that ends it, asked after
    first, again = decode(tmp_path / "first.mp3"), decode(tmp_path / "again.mp3")
    assert len(again) == len(first) == encoder.frames
    assert max(abs(a - b) for a, b in zip(first, again)) <= 2  # the same pieces' frames, the end's silence
    assert not list((tmp_path / "pieces").glob(".broadcast-*"))  # the links went with the render
