"""How fast `broadcast audio` and `broadcast rundown --audio` render, as ratios to the floor measured in the same run.

The floor of a draft is what no render can avoid: espeak synthesizing every line of it (raw, in one process)
plus one MP3 encode of audio as long as the draft (that speech, then silence), with the draft's own encoder
settings. Each figure is a fresh process:

    cold     nothing cached: every clip synthesized, conformed, mixed, brought to loudness, encoded
    warm     clips (and conformed takes) cached, the finished draft not: the mix is redone
    repeat   the same render again: the kept draft is copied

    .venv/bin/python benchmarks/audio_speed.py [--bulletin] [--runs N]

The machine's load moves the seconds; the ratios, taken in one run, move much less. CPU seconds (the render's
and its ffmpeg runs', less the CPU a bare start-up of Python and the package takes) are printed too: on a
loaded machine they say more than the wall clock. The README quotes these.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "khabar24-belarus-kk.txt"
BULLETIN = ROOT / "examples" / "evening-bulletin.toml"

# Run in a fresh process: synthesize every line the draft speaks, then encode audio of the draft's length once.
_FLOOR = r"""
import sys, time, subprocess
from pathlib import Path
from broadcast.audio import engines
from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.audio.speech import story_jobs
kind, source, out, length_ms = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if kind == "story":
    from broadcast.api import load
    stories = [load(source)]
else:
    from broadcast.rundown import load_bulletin
    stories = [item.timed for item in load_bulletin(source).items if item.timed]
jobs = [job for timed in stories for job in story_jobs(timed, None)]
engines.get("espeak").synthesize("", jobs[0].voice)  # load the library outside the timing, as a render does too
started, cpu = time.perf_counter(), time.process_time()
clips = [engines.get(job.engine).synthesize(job.line.spoken, job.voice) for job in jobs]
synthesis, synthesis_cpu = time.perf_counter() - started, time.process_time() - cpu
rate = clips[0].rate
speech = b"".join(clip.samples for clip in clips)  # the speech itself, padded with silence to the draft's length
pcm = speech + bytes(max(rate * 2 * length_ms // 1000 - len(speech), 0))
started = time.perf_counter()
from broadcast.audio.loudness import Encoding
import resource
subprocess.run([ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", str(rate),
                "-ac", "1", "-i", "pipe:0", *Encoding("mp3").arguments(), out], input=pcm, check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(synthesis, time.perf_counter() - started, synthesis_cpu, usage.ru_utime + usage.ru_stime)
"""


# As an installed package runs: its modules compiled once, not on every start (this workplace sets
# PYTHONDONTWRITEBYTECODE, which would time the compiler on every render).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def render(kind: str, source: Path, out: Path, cache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the render and its ffmpeg runs)."""
    command = ["audio", str(source), "-o", str(out)] if kind == "story" else ["rundown", str(source), "--audio", str(out)]
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "broadcast", *command, "--cache", str(cache)],
                   capture_output=True, text=True, cwd=ROOT, check=True, env=ENV)
    return time.perf_counter() - started, _cpu() - cpu


def duration_ms(path: Path) -> int:
    import json

    return round(1000 * json.loads(path.with_suffix(".cues.json").read_text(encoding="utf-8"))["duration"])


def floor(kind: str, source: Path, folder: Path, length: int) -> tuple[float, float, float]:
    """(synthesis s, encode s, their CPU s)."""
    result = subprocess.run([sys.executable, "-c", _FLOOR, kind, str(source), str(folder / "floor.mp3"), str(length)],
                            capture_output=True, text=True, cwd=ROOT, check=True, env=ENV)
    synthesis, encode, synthesis_cpu, encode_cpu = map(float, result.stdout.split())
    return synthesis, encode, synthesis_cpu + encode_cpu


def start_up() -> float:
    """CPU seconds a render spends starting: Python and the modules it imports (the floor has none of it)."""
    cpu = _cpu()
    load = ("import broadcast.cli, broadcast.audio.story, broadcast.rundown.audio; "
            "from broadcast.audio.engines import espeak; espeak._library()")
    subprocess.run([sys.executable, "-c", load], check=True, cwd=ROOT, env=ENV)
    return _cpu() - cpu


def measure(kind: str, source: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="broadcast-speed-") as name:
        folder = Path(name)
        out, cache = folder / "draft.mp3", folder / "cache"
        cold, cold_cpu = render(kind, source, out, cache)
        length = duration_ms(out)
        synthesis, encode, floor_cpu = floor(kind, source, folder, length)
        shutil.rmtree(cache / "drafts", ignore_errors=True)
        warm, warm_cpu = render(kind, source, out, cache)
        repeat, _ = render(kind, source, out, cache)
        starting = start_up()
    return {"floor": synthesis + encode, "synthesis": synthesis, "encode": encode, "cold": cold, "warm": warm,
            "repeat": repeat, "length": length / 1000, "floor_cpu": floor_cpu, "cold_cpu": cold_cpu - starting,
            "warm_cpu": warm_cpu - starting, "start_cpu": starting}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="measure this many times and print each")
    parser.add_argument("--story-only", action="store_true", help="leave out the example bulletin")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "broadcast")], check=True, env=ENV)
    drafts = [("story", STORY)] + ([] if args.story_only else [("bulletin", BULLETIN)])
    for _ in range(args.runs):
        for kind, source in drafts:
            got = measure(kind, source)
            print(
                f"{source.name} ({got['length']:.0f} s of audio): floor {got['floor']:.2f} s "
                f"(synthesis {got['synthesis']:.2f} + encode {got['encode']:.2f}); "
                f"cold {got['cold']:.2f} s = {got['cold'] / got['floor']:.2f}x the floor; "
                f"warm {got['warm']:.2f} s ({got['cold'] / got['warm']:.1f}x faster than cold); "
                f"repeat {got['repeat']:.2f} s"
            )
            print(
                f"    CPU, start-up ({got['start_cpu']:.2f} s) left out: floor {got['floor_cpu']:.2f} s; "
                f"cold {got['cold_cpu']:.2f} s = {got['cold_cpu'] / got['floor_cpu']:.2f}x; "
                f"warm {got['warm_cpu']:.2f} s ({got['cold_cpu'] / got['warm_cpu']:.1f}x less than cold)"
            )


if __name__ == "__main__":
    main()
