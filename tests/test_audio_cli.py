"""`broadcast audio` end to end on the seed with espeak: files, loudness measured by ffmpeg, timing against
the script, captions within their limits; an interrupted render leaves nothing and the rerun uses the cache."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import srt

from audio_helpers import decoded_seconds, ebur128, tags
from contract_schema import validator
from conftest import ROOT, SEED

OUTPUTS = ("draft.mp3", "draft.srt", "draft.vtt", "draft.cues.json", "draft.labels.txt")


def broadcast(*args, **kwargs):
    command = [sys.executable, "-m", "broadcast", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The seed rendered once at -23 LUFS (cold cache) and once at -16 (warm cache)."""
    folder = tmp_path_factory.mktemp("seed")
    cache = folder / "cache"
    runs = {}
    for target in ("-23", "-16"):
        out = folder / target
        out.mkdir()
        result = broadcast("audio", SEED, "-o", out / "draft.mp3", "--cache", cache, "--loudness", target)
        assert result.returncode == 0, result.stderr
        runs[target] = (out, result)
    return runs


def test_writes_the_draft_and_its_captions_and_cues(rendered):
    out, result = rendered["-23"]
    assert sorted(path.name for path in out.iterdir()) == sorted(OUTPUTS)
    assert result.stderr == ""  # no progress bar off a terminal, and no pydub warnings
    assert "28 made, 0 from cache" in result.stdout
    assert "0 made, 28 from cache" in rendered["-16"][1].stdout
    written = tags(out / "draft.mp3")
    assert "\ntitle=Беларусь президенті" in written and "\nartist=Хабар 24\n" in written


def test_the_same_render_again_is_copied_from_the_cache(rendered, tmp_path):
    first = rendered["-23"][0]
    result = broadcast("audio", SEED, "-o", tmp_path / "draft.mp3", "--cache", first.parent / "cache")
    assert result.returncode == 0, result.stderr
    assert "copied from the cache" in result.stdout
    for name in OUTPUTS[:-2]:  # the cue sheet and labels name the file; the sound and captions are identical
        assert (tmp_path / name).read_bytes() == (first / name).read_bytes()


def test_cue_sheet_has_the_six_segments_and_a_female_voice_for_the_guest(rendered):
    cues = json.loads((rendered["-23"][0] / "draft.cues.json").read_text(encoding="utf-8"))
    validator("cue_sheet").validate(cues)  # the contract's schema (docs/contract.schema.json)
    assert [s["kind"] for s in cues["segments"]] == ["lead", "vo", "sot", "vo", "sot", "vo"]
    for sot in (cues["segments"][2], cues["segments"][4]):
        assert sot["speaker"]["name"] == "Ирина Новикова" and sot["voice"] == "kk-guest-female"
        assert sot["lower_third"] == "Ирина Новикова / экономика ғылымдарының докторы"
    labels = (rendered["-23"][0] / "draft.labels.txt").read_text(encoding="utf-8").splitlines()
    assert [row.split("\t")[2].split()[1] for row in labels] == ["LEAD", "VO", "SOT", "VO", "SOT", "VO"]


@pytest.mark.parametrize("target", ["-23", "-16"])
def test_loudness_measured_by_ffmpeg_meets_the_target(rendered, target):
    integrated, peak = ebur128(rendered[target][0] / "draft.mp3")
    assert abs(integrated - float(target)) <= 0.5
    assert peak <= -1.0


def test_audio_runs_as_long_as_the_script_says(rendered):
    script = json.loads(broadcast("script", SEED, "--to", "json").stdout)
    cues = json.loads((rendered["-23"][0] / "draft.cues.json").read_text(encoding="utf-8"))
    for estimate, audio in zip(script["segments"], cues["segments"]):
        assert abs(audio["duration"] - estimate["duration"]) <= 0.05 * estimate["duration"]
    assert abs(cues["duration"] - script["duration"]) <= 0.03 * script["duration"]


def test_captions_parse_stay_in_order_within_the_audio_and_the_limits(rendered):
    out = rendered["-23"][0]
    captions = list(srt.parse((out / "draft.srt").read_text(encoding="utf-8")))
    cue_seconds = json.loads((out / "draft.cues.json").read_text(encoding="utf-8"))["duration"]
    assert abs(decoded_seconds(out / "draft.mp3") - cue_seconds) < 0.1  # the cue sheet's clock is the file's
    duration = timedelta(seconds=cue_seconds)
    assert len(captions) >= 28
    previous_end = timedelta(0)
    for caption in captions:
        assert previous_end <= caption.start < caption.end <= duration
        assert timedelta(seconds=1) <= caption.end - caption.start <= timedelta(seconds=7)
        rows = caption.content.split("\n")
        assert len(rows) <= 2 and all(len(row) <= 42 for row in rows)
        previous_end = caption.end
    assert captions[0].content.startswith('"Беларусь президенті')  # the written text, quotes and all
    vtt = (out / "draft.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and vtt.count(" --> ") == len(captions)


def _render_until(command, stage_seen, kill):
    """Start `command`, wait until `stage_seen()` holds, then `kill` it: (exit code, stderr)."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not stage_seen() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "the render finished before it could be stopped"
    kill(process)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr.decode()


def _exists(folder, pattern) -> bool:
    try:
        return any(folder.glob(pattern))
    except FileNotFoundError:  # the scratch folder went while it was looked in
        return False


def _audio_command(folder, cache, *extra):
    return [sys.executable, "-m", "broadcast", "audio", str(SEED), "-o", str(folder / "draft.mp3"), "--cache", str(cache), *extra]


# A render held for a minute once its outputs are written and before they are put in place, so the test stops it
# there for sure: a real render on a busy machine can write its draft and land it between two looks of the test.
_HELD_RENDER = """
import sys, time
from broadcast import output
from broadcast.cli import main

land = output.Landing.land

def held(self):
    time.sleep(60)
    land(self)

output.Landing.land = held
sys.exit(main(sys.argv[1:]))
"""


# What an offline render of a story never needs: the templates (Jinja2), other engines' and tools' libraries
# (pydub, gTTS and its HTTP stack, textstat), schema checks, other languages' morphology, and `wave` (a WAV mix is
# written only for a bed, a sting or a loud target). Each costs start-up CPU on every render.
_NOT_FOR_AN_OFFLINE_RENDER = ("jinja2", "markupsafe", "pydub", "gtts", "requests", "urllib3", "http", "email",
                              "textstat", "jsonschema", "pymorphy3", "nltk", "wave", "socket")


def test_an_offline_render_imports_only_what_it_uses(tmp_path):
    probe = (
        "import runpy, sys, json, atexit\n"
        "atexit.register(lambda: print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{_NOT_FOR_AN_OFFLINE_RENDER!r})), file=sys.stderr))\n"
        f"sys.argv = ['broadcast', 'audio', {str(SEED)!r}, '-o', {str(tmp_path / 'draft.mp3')!r}, '--cache', "
        f"{str(tmp_path / 'cache')!r}]\n"
        "runpy.run_module('broadcast', run_name='__main__')\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    for _ in range(2):  # a cold render, then the draft copied from its cache
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stderr.strip().splitlines()[-1]) == []
        assert (tmp_path / "draft.mp3").stat().st_size > 0


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_a_render_killed_while_writing_leaves_nothing_and_the_rerun_uses_the_cache(tmp_path, how):
    cache, folder = tmp_path / "cache", tmp_path / "out"
    folder.mkdir()
    command = [sys.executable, "-c", _HELD_RENDER, *_audio_command(folder, cache)[3:]]
    writing = lambda: _exists(folder, ".broadcast-*.tmp/draft.mp3.*")  # noqa: E731
    if how == "SIGKILL":
        code, _ = _render_until(command, writing, lambda p: os.killpg(p.pid, signal.SIGKILL))
        assert code == -signal.SIGKILL
    else:
        code, stderr = _render_until(command, writing, lambda p: p.send_signal(signal.SIGINT))
        assert (code, stderr) == (130, "broadcast: interrupted\n")
        assert list(folder.iterdir()) == []  # the temporary files went too
    assert not any((folder / name).exists() for name in OUTPUTS)
    result = broadcast(*command[3:])
    assert result.returncode == 0, result.stderr
    assert "0 made, 28 from cache" in result.stdout
    assert all((folder / name).is_file() for name in OUTPUTS)
    # What the killed render left (its scratch folder) was swept by the next: only the outputs remain.
    assert sorted(path.name for path in folder.iterdir()) == sorted(OUTPUTS)


# A render through a slow stand-in engine (0.2 s a clip), so it can be killed while it is still speaking.
_SLOW_RENDER = """
import sys, time
sys.path.insert(0, {tests!r})
from audio_helpers import ToneEngine
from broadcast.audio import engines
from broadcast.cli import main

class Slow(ToneEngine):
    def synthesize(self, text, voice):
        time.sleep(0.2)
        return super().synthesize(text, voice)

engines._registry()["tone"] = Slow()
sys.exit(main(sys.argv[1:]))
"""


def test_a_render_killed_while_speaking_goes_on_from_the_clips_it_made(tmp_path):
    cache, folder = tmp_path / "cache", tmp_path / "out"
    folder.mkdir()
    script = _SLOW_RENDER.format(tests=str(ROOT / "tests"))
    command = [sys.executable, "-c", script, *_audio_command(folder, cache, "--engine", "tone")[3:]]
    made = lambda: len(list(cache.glob("*/*.wav"))) >= 5  # noqa: E731
    code, _ = _render_until(command, made, lambda p: os.killpg(p.pid, signal.SIGKILL))
    # No output; at most the killed run's scratch folder, which the next run sweeps.
    assert code == -signal.SIGKILL and [path for path in folder.iterdir() if not path.name.startswith(".broadcast-")] == []
    kept = len(list(cache.glob("*/*.wav")))
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"{28 - kept} made, {kept} from cache" in result.stdout
    assert sorted(path.name for path in folder.iterdir()) == sorted(OUTPUTS)


def test_options_redirect_or_skip_the_caption_files(tmp_path):
    result = broadcast(
        "audio", SEED, "-o", tmp_path / "d.wav", "--cache", tmp_path / "cache",
        "--no-vtt", "--no-labels", "--srt", tmp_path / "subs.srt", "--no-conform",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == ["d.cues.json", "d.wav", "subs.srt"]
    assert "+0.0%" not in result.stdout.splitlines()[-1]  # without conform the audio runs as espeak spoke it


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["-o", "{tmp}/d.ogg"], 2, "written as .mp3 or .wav"),
        (["-o", "{tmp}/d.mp3", "--bed", "/nonexistent/bed.wav"], 1, "no such sound file"),
        (["-o", "{tmp}/d.mp3", "--engine", "nope"], 2, "unknown engine 'nope'"),
        (["-o", "{tmp}/d.mp3", "--engine", "gtts"], 2, "cannot speak 'kk'; engines that can: espeak"),
        (["-o", "{tmp}/d.mp3", "--loudness", "5"], 2, "--loudness"),
        (["-o", "/nonexistent/folder/d.mp3"], 1, "does not exist"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(tmp_path, args, code, message):
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    result = broadcast("audio", SEED, *args, "--cache", tmp_path / "cache")
    assert result.returncode == code, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not any(path.is_file() for path in tmp_path.iterdir())


def test_progress_bar_draws_on_a_terminal_only():
    import io

    from broadcast.commands._progress import progress_bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert progress_bar(io.StringIO()) is None
    screen = Terminal()
    draw = progress_bar(screen)
    draw(3, 6, "speaking")
    draw(6, 6, "written")
    assert "\r[###############...............] 3/6 speaking" in screen.getvalue()
    assert screen.getvalue().endswith("\r")  # cleared for the report


def test_one_voice_for_every_segment(tmp_path):
    result = broadcast("audio", SEED, "-o", tmp_path / "d.wav", "--cache", tmp_path / "cache", "--voice", "kk-guest-male", "--no-captions")
    assert result.returncode == 0, result.stderr
    report = result.stdout.splitlines()
    assert sum("kk-guest-male" in row for row in report) == 6
