"""How long `broadcast time` takes on an article of 100,000 lines, and on one 200,000-letter word: figures,
not a pass/fail test (issue 8 asks for 100,000 lines in 10 s or less, and linear time in a word's length).

    .venv/bin/python benchmarks/time_100k_lines.py [--runs 2]

The long article is the bundled Kazakh example's lines, each numbered so no two are the same, repeated to
100,000 lines and kept under the 5 MB input limit; each is timed as a whole command in a fresh process.
Every figure is the fastest of `--runs` runs, in wall seconds and in CPU seconds (user + system of the child,
from getrusage), next to the floor (`python -c "import jinja2"`) measured in the same run: on a shared machine
a run is only ever slowed by the others, and CPU time moves much less with the load than wall time. The runs
use a cache folder of their own, warmed first (`readme_figures.own_cache`).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from readme_figures import own_cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "khabar24-belarus-kk.txt"
LINES = 100_000


def long_article() -> str:
    # Sentences of the example, each cut to its first two words: 100,000 full lines would pass 5 MB.
    sentences = [" ".join(line.split()[:2]).strip("\"«».,:") for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    sentences = [s for s in sentences if len(s.split()) >= 2 and not s.startswith(("#", "["))]
    return "".join(f"{sentences[n % len(sentences)]} {n}.\n" for n in range(LINES))


def long_word(letters: int) -> str:
    rng = random.Random(1)
    return "Today in Almaty " + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(letters)) + " news.\n"


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds of one fresh process, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.returncode


def fastest(command: list[str], runs: int) -> tuple[float, float, int]:
    results = [timed(command) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results), max(r[2] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="runs of each figure (the fastest is taken)")
    args = parser.parse_args()
    cache = own_cache([sys.executable, "-m", "broadcast", "time", str(EXAMPLE)])
    floor_wall, floor_cpu, _ = fastest([sys.executable, "-c", "import jinja2"], 3)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "long.txt"
        article.write_text(long_article(), encoding="utf-8")
        wall, cpu, code = fastest([sys.executable, "-m", "broadcast", "time", str(article)], args.runs)
        size = article.stat().st_size / 1e6
        print(f"machine: {os.cpu_count()} cores, load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; "
              f"fastest of {args.runs} runs; floor (python -c 'import jinja2') {floor_wall:.3f} s, cpu {floor_cpu:.3f} s")
        print(f"broadcast time, {LINES:,} lines ({size:.1f} MB): {wall:.1f} s wall = {wall / floor_wall:.0f}x the floor, "
              f"cpu {cpu:.1f} s = {cpu / floor_cpu:.0f}x (exit {code}; aim: 10 s or less)")
        for letters in (20_000, 200_000):
            word = Path(folder) / f"word-{letters}.txt"
            word.write_text(long_word(letters), encoding="utf-8")
            wall, cpu, code = fastest([sys.executable, "-m", "broadcast", "time", str(word)], args.runs)
            print(f"broadcast time, one {letters:,}-letter word: {wall:.2f} s wall, cpu {cpu:.2f} s (exit {code})")
    cache.cleanup()


if __name__ == "__main__":
    main()
