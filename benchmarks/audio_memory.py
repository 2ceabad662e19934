"""Peak memory of `broadcast rundown --audio` against the bulletin's length, and renders in a row without a failure.

Bulletins of 10, 30 and 60 minutes are built from the example bulletin's stories (repeated, with a break every
few stories, to the minute by each story's own timing) and rendered each in a fresh process; the process's peak
resident memory is reported (the encoders, separate ffmpeg processes, are listed apart: the largest). Then the
60-minute bulletin is rendered N times in a row, each time with its finished draft and its encoded pieces
forgotten, so the mix and the whole encode run again (the clips stay cached). The load average is printed.

    .venv/bin/python benchmarks/audio_memory.py [--minutes 10 30 60] [--repeat 10] [--record]

With --record the figures are kept for the README's memory sentence (benchmarks/figures/audio-memory.json).

Takes minutes: not part of the test suite.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from readme_figures import load_average, record, wrap

ROOT = Path(__file__).resolve().parent.parent
STORIES = ["khabar24-belarus-kk.txt", "bulletin/astana-schools-kk.txt", "bulletin/harvest-kk.txt",
           "bulletin/almaty-metro-ru.txt", "bulletin/weather-ru.txt"]
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

# Run the command line in this process and print its peak resident memory (kB) and its children's last.
_MEASURED = r"""
import resource, sys
from broadcast.cli import main
code = main(sys.argv[1:])
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
      file=sys.stderr)
sys.exit(code)
"""


def rundown(folder: Path, minutes: int) -> Path:
    """A rundown of about `minutes`, its stories copied into `folder`."""
    for story in STORIES:
        (folder / Path(story).name).write_text((ROOT / "examples" / story).read_text(encoding="utf-8"), encoding="utf-8")
    lines = ['title = "Memory"', 'start = "19:00:00"', f'slot = "{minutes}:00"', 'house = "khabar24"']
    import broadcast

    seconds = {story: broadcast.load(ROOT / "examples" / story).timing.duration / 1000 for story in STORIES}  # ms
    total, index = 0.0, 0
    while total < minutes * 60 - 30:
        story = STORIES[index % len(STORIES)]
        voice = '\nvoice = "ru-anchor"' if story.endswith("-ru.txt") else ""
        lines.append(f'\n[[item]]\ntype = "story"\nslug = "S{index}"\nfile = "{Path(story).name}"{voice}')
        total += seconds[story]
        index += 1
        if index % 6 == 0:
            lines.append(f'\n[[item]]\ntype = "break"\nslug = "B{index}"\nduration = "2:00"')
            total += 120
    path = folder / "rundown.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def render(path: Path, out: Path, cache: Path) -> tuple[float, int, int, float]:
    """(seconds, peak kB of the render, peak kB of its largest child, audio seconds)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "rundown", str(path), "--audio", str(out), "--cache", str(cache),
         "-o", str(out.with_suffix(".txt"))],
        capture_output=True, text=True, cwd=ROOT, env=ENV,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"render failed ({result.returncode}): {result.stderr.strip().splitlines()[-1:]}")
    peak = next(line for line in result.stderr.splitlines() if line.startswith("PEAK")).split()
    import json

    length = json.loads(out.with_suffix(".cues.json").read_text(encoding="utf-8"))["duration"]
    return elapsed, int(peak[1]), int(peak[2]), float(length)


def readme_audio_memory(figures: dict[str, Any]) -> str:
    data = figures["data"]
    sizes = ", ".join(f"{peak:.0f} MB for {minutes:.1f} min" for minutes, peak, _ in data["lengths"])
    loads = " ".join(f"{value:.1f}" for value in figures["load"])
    return wrap(
        f"Memory (`benchmarks/audio_memory.py`, {figures['measured'][:10]}, {figures['cores']} cores at load average "
        f"{loads}): a bulletin's render peaks at {sizes} (the largest ffmpeg beside it "
        f"{max(child for _, _, child in data['lengths']):.0f} MB), the programme streamed into pieces, never held; "
        f"{data['repeat']} renders in a row of the {data['lengths'][-1][0]:.1f}-minute bulletin, each mixing and encoding "
        f"it whole again: {data['failures']} failed, {data['fastest']:.0f}–{data['slowest']:.0f} s each, peak "
        f"{data['peak']:.0f} MB."
    )


FIGURES = {"audio-memory": readme_audio_memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, nargs="+", default=[10, 30, 60])
    parser.add_argument("--repeat", type=int, default=10, help="renders in a row of the longest bulletin")
    parser.add_argument("--record", action="store_true", help="keep the figures for the README")
    args = parser.parse_args()
    load = load_average()
    print(f"load average {' '.join(f'{value:.1f}' for value in os.getloadavg())} on {os.cpu_count()} cores", flush=True)
    lengths = []
    with tempfile.TemporaryDirectory(prefix="broadcast-memory-") as name:
        folder = Path(name)
        cache = folder / "cache"
        for minutes in args.minutes:
            here = folder / f"m{minutes}"
            here.mkdir()
            shutil.rmtree(cache / "pieces", ignore_errors=True)  # every length encodes its whole programme
            elapsed, peak, child, length = render(rundown(here, minutes), here / "bulletin.mp3", cache)
            lengths.append((round(length / 60, 1), round(peak / 1024, 1), round(child / 1024, 1)))
            print(f"{length / 60:5.1f} min bulletin: peak {peak / 1024:6.1f} MB (largest child process "
                  f"{child / 1024:5.1f} MB), {elapsed:6.1f} s", flush=True)
        longest = folder / f"m{max(args.minutes)}"
        failures = 0
        times, peaks = [], []
        for number in range(1, args.repeat + 1):
            shutil.rmtree(cache / "drafts", ignore_errors=True)
            shutil.rmtree(cache / "pieces", ignore_errors=True)
            try:
                elapsed, peak, _, _ = render(longest / "rundown.toml", longest / "bulletin.mp3", cache)
            except SystemExit as error:
                failures += 1
                print(f"render {number}: {error}", flush=True)
                continue
            times.append(elapsed)
            peaks.append(peak / 1024)
            print(f"render {number}: {elapsed:.1f} s, peak {peak / 1024:.1f} MB", flush=True)
        print(f"{args.repeat} renders in a row of the {max(args.minutes)}-minute bulletin: {failures} failed; "
              f"{min(times, default=0):.1f}-{max(times, default=0):.1f} s, peak {max(peaks, default=0):.1f} MB; load average "
              f"{' '.join(f'{value:.1f}' for value in os.getloadavg())}")
    if args.record:
        record("audio-memory", {"lengths": lengths, "repeat": args.repeat, "failures": failures,
                                "fastest": min(times, default=0), "slowest": max(times, default=0),
                                "peak": max(peaks, default=0)}, load=load)

if __name__ == "__main__":
    main()
