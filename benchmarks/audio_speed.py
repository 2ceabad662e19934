"""How fast `broadcast audio` and `broadcast rundown --audio` render, as ratios to the floor measured in the same run.

The floor of a draft is what no render can avoid: espeak synthesizing every line of it (raw, in one process)
plus one MP3 encode of audio as long as the draft (that speech, then silence), with the draft's own encoder
settings. Each figure is a fresh process:

    cold     nothing cached: every clip synthesized, conformed, mixed, brought to level, encoded
    remix    clips, conformed takes and encoded pieces cached, the finished draft not: the mix is redone and
             every piece whose samples are unchanged is taken as encoded (here: all of them)
    edited   the story with one line of its second segment left out: that segment's piece is encoded again,
             the rest are taken as encoded (the bundled story only)
    levels   the same with another loudness target (-24 LUFS): every piece's samples change, so the whole
             programme is encoded again -- the dearest remix
    repeat   the same render again: the kept draft is copied

    .venv/bin/python benchmarks/audio_speed.py [--runs N] [--story-only] [--no-record]

Unless --no-record (or --story-only), the figures are kept for the README's speed table
(benchmarks/figures/audio-speed.json, through benchmarks/readme_figures.py) and the table is written again.

The machine's load moves the seconds; the ratios, taken in one run, move much less. CPU seconds (the render's
and its ffmpeg runs', less the CPU a bare start-up of Python and the package takes) are printed too: on a
loaded machine they say more than the wall clock. The load average is printed with each run.
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
from typing import Any

from readme_figures import load_average, record, wrap

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
pcm = speech + bytes(max(rate * length_ms // 1000 * 2 - len(speech), 0))  # whole samples
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


def render(kind: str, source: Path, out: Path, cache: Path, *extra: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the render and its ffmpeg runs)."""
    command = ["audio", str(source), "-o", str(out)] if kind == "story" else ["rundown", str(source), "--audio", str(out)]
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "broadcast", *command, "--cache", str(cache), *extra],
                   capture_output=True, text=True, cwd=ROOT, check=True, env=ENV)
    return time.perf_counter() - started, _cpu() - cpu


def edited(source: Path, folder: Path) -> Path:
    """The story with the first line of its second paragraph left out (a producer's cut)."""
    paragraphs = source.read_text(encoding="utf-8").split("\n\n")
    lines = paragraphs[1].splitlines()
    paragraphs[1] = "\n".join(lines[1:]) if len(lines) > 1 else paragraphs[1]
    path = folder / source.name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def duration_ms(path: Path) -> int:
    import json

    return round(1000 * json.loads(path.with_suffix(".cues.json").read_text(encoding="utf-8"))["duration"])


def floor(kind: str, source: Path, folder: Path, length: int) -> tuple[float, float, float]:
    """(synthesis s, encode s, their CPU s)."""
    result = subprocess.run([sys.executable, "-c", _FLOOR, kind, str(source), str(folder / "floor.mp3"), str(length)],
                            capture_output=True, text=True, cwd=ROOT, check=True, env=ENV)
    synthesis, encode, synthesis_cpu, encode_cpu = map(float, result.stdout.split())
    return synthesis, encode, synthesis_cpu + encode_cpu


def start_up(kind: str) -> float:
    """CPU seconds a render spends starting: Python and the modules it imports (the floor has none of it), started
    and left as `python -m broadcast` starts and leaves (its collector setting, no interpreter teardown), and no more:
    a story's render does not import the bulletin's modules, so a larger start-up would flatter its ratio."""
    cpu = _cpu()
    render = "broadcast.audio.story" if kind == "story" else "broadcast.rundown.audio"
    load = (f"import gc; gc.set_threshold(50_000, 20, 10); import broadcast.cli, {render}; "
            "from broadcast.audio.engines import espeak; espeak._library(); broadcast.cli.leave(0)")
    subprocess.run([sys.executable, "-c", load], check=True, cwd=ROOT, env=ENV)
    return _cpu() - cpu


def measure(kind: str, source: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="broadcast-speed-") as name:
        folder = Path(name)
        out, cache = folder / "draft.mp3", folder / "cache"
        got: dict[str, float] = {}
        got["cold"], got["cold_cpu"] = render(kind, source, out, cache)
        length = duration_ms(out)
        synthesis, encode, got["floor_cpu"] = floor(kind, source, folder, length)
        got |= {"floor": synthesis + encode, "synthesis": synthesis, "encode": encode, "length": length / 1000}
        shutil.rmtree(cache / "drafts", ignore_errors=True)
        got["remix"], got["remix_cpu"] = render(kind, source, out, cache)
        got["repeat"], _ = render(kind, source, out, cache)
        if kind == "story":
            (folder / "edit").mkdir()
            got["edited"], got["edited_cpu"] = render(kind, edited(source, folder / "edit"), out, cache)
        got["levels"], got["levels_cpu"] = render(kind, source, out, cache, "--loudness", "-24")
        # The median of three: one start-up measured on a loaded machine moved every CPU figure of its run with it
        # (the "edited" CPU came out negative), and the cold render's CPU is set against a floor of about a second.
        starting = sorted(start_up(kind) for _ in range(3))[1]
    for name in ("cold", "remix", "edited", "levels"):
        if f"{name}_cpu" in got:
            got[f"{name}_cpu"] -= starting
    return got | {"start_cpu": starting}


def report(source: Path, got: dict[str, float]) -> str:
    lines = [
        f"{source.name} ({got['length']:.0f} s of audio), load average {os.getloadavg()[0]:.1f}: "
        f"floor {got['floor']:.2f} s (synthesis {got['synthesis']:.2f} + encode {got['encode']:.2f}), "
        f"CPU {got['floor_cpu']:.2f} s",
        f"    cold   {got['cold']:.2f} s = {got['cold'] / got['floor']:.2f}x the floor; "
        f"CPU {got['cold_cpu']:.2f} s = {got['cold_cpu'] / got['floor_cpu']:.2f}x",
    ]
    for name, what in (("remix", "mix redone, nothing changed"), ("edited", "one line cut"), ("levels", "-24 LUFS")):
        if name in got:
            lines.append(
                f"    {name:6} {got[name]:.2f} s ({got['cold'] / got[name]:.1f}x faster than cold; CPU "
                f"{got[f'{name}_cpu']:.2f} s, {got['cold_cpu'] / got[f'{name}_cpu']:.1f}x less) -- {what}"
            )
    lines.append(f"    repeat {got['repeat']:.2f} s (start-up CPU {got['start_cpu']:.2f} s, the median of three, left out of "
                 "the CPU figures)")
    return "\n".join(lines)


def _span(values: list[float], digits: int = 1) -> str:
    low, high = min(values), max(values)
    return f"{low:.{digits}f}" if f"{low:.{digits}f}" == f"{high:.{digits}f}" else f"{low:.{digits}f}–{high:.{digits}f}"


def readme_audio_speed(figures: dict[str, Any]) -> str:
    """The README's speed table: each ratio's range over the runs (each ratio taken within one run)."""
    rows = [
        "| | floor (CPU) | cold: CPU / wall, × the floor | mix redone, nothing changed | one line cut | level changed (all "
        "re-encoded) |",
        "|---|---|---|---|---|---|",
    ]
    for name, runs in figures["data"].items():
        def ratio(key: str, runs: list[dict[str, float]] = runs) -> str:
            if key not in runs[0]:
                return "—"
            cpu = _span([max(run[f"{key}_cpu"], 0.0) for run in runs], 2)
            wall = _span([run["cold"] / run[key] for run in runs])
            return f"{wall}× faster; CPU {cpu} s"

        cold_cpu = _span([run["cold_cpu"] / run["floor_cpu"] for run in runs], 2)
        cold_wall = _span([run["cold"] / run["floor"] for run in runs], 2)
        floor = min(run["floor_cpu"] for run in runs)
        cold_seconds = _span([run["cold_cpu"] for run in runs], 2)
        rows.append(f"| {name} ({runs[0]['length']:.0f} s) | {floor:.2f} s | {cold_cpu} / {cold_wall} (CPU {cold_seconds} s) "
                    f"| {ratio('remix')} | "
                    f"{ratio('edited')} | {ratio('levels')} |")
    load = figures["load"]
    loads = " ".join(f"{value:.1f}" for value in load)
    runs = len(next(iter(figures["data"].values())))
    return "\n".join(rows) + "\n\n" + wrap(
        f"{runs} run{'s' if runs != 1 else ''}, {figures['measured'][:10]}, {figures['cores']} cores at load average {loads} (before the "
        f"first run; {' / '.join(_loads(figures))} during them): `benchmarks/audio_speed.py`. \"× faster\" is the cold "
        "render's wall time over the remix's in the same run; CPU seconds leave out start-up (0.2 s)."
    )


def _loads(figures: dict[str, Any]) -> list[str]:
    return [f"{run['load']:.1f}" for runs in figures["data"].values() for run in runs if "load" in run]


FIGURES = {"audio-speed": readme_audio_speed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="measure this many times and print each")
    parser.add_argument("--story-only", action="store_true", help="leave out the example bulletin")
    parser.add_argument("--no-record", action="store_true", help="print only: leave the README's figures as they are")
    args = parser.parse_args()
    load = load_average()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "broadcast")], check=True, env=ENV)
    drafts = [("story", STORY)] + ([] if args.story_only else [("bulletin", BULLETIN)])
    names = {"story": "bundled example", "bulletin": "example bulletin"}
    measured: dict[str, list[dict[str, float]]] = {names[kind]: [] for kind, _ in drafts}
    for _ in range(args.runs):
        for kind, source in drafts:
            got = measure(kind, source) | {"load": os.getloadavg()[0]}
            measured[names[kind]].append(got)
            print(report(source, got), flush=True)
    if not args.no_record and not args.story_only:
        record("audio-speed", measured, load=load)

if __name__ == "__main__":
    main()
