"""Instructions a line of `broadcast time` and an article of the many-articles run, counted by valgrind: figures
that do not move with the machine's load, for comparing two versions of the code on a shared machine.

    .venv/bin/python benchmarks/instructions.py [--what lines|articles|both] [--small 2000] [--scale 3]

A line's cost is (instructions for small×scale lines − instructions for small lines) / (small×(scale−1)), on the
benchmark's own long article (`time_100k_lines.py`); an article's cost is the same difference between two runs of
the many-articles process (`script_speed.py`), so start-up and one-time set-up cancel out and are printed apart.
Needs `valgrind` (`apt-get install valgrind`); each figure takes a minute or two, since valgrind runs the code
some 50 times slower. Seconds are not shown: instructions are not time, but a change that saves a tenth of them
saves about a tenth of the CPU time of the same work.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from script_speed import _MANY, corpus
from time_100k_lines import long_article

ROOT = Path(__file__).resolve().parent.parent


# Every run's environment. The compiled-regex cache would make whichever run comes first pay for compiling (and
# writing) it, which does not cancel out in the difference: every run compiles, as a fresh installation does.
# The user cache is a folder of the benchmark's own (`main` sets it), warmed by one run before any is counted:
# the parsed house style and lexicons (resources.read_toml) are written by the first run of a checkout, some
# 100M instructions that, paid by the small run alone, took about 17k off the figure a line.
_ENV = {**os.environ, "PYTHONHASHSEED": "0", "BROADCAST_NO_COMPILE_CACHE": "1"}


def counted(command: list[str]) -> int:
    """Instructions of one whole process under valgrind (no cache simulation: it only slows the count)."""
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command],
        capture_output=True, text=True, cwd=ROOT, check=False, env=_ENV)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode not in (0, 1) or not found:
        raise SystemExit(f"valgrind run failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1).replace(",", ""))


def per_line(small: int, scale: int, folder: Path) -> None:
    lines = long_article().splitlines(keepends=True)
    counts = []
    for size in (small, small * scale):
        article = folder / f"lines-{size}.txt"
        article.write_text("".join(lines[:size]), encoding="utf-8")
        command = [sys.executable, "-m", "broadcast", "time", str(article), "-o", str(folder / "out.txt")]
        if not counts:  # the warm-up run (see _ENV)
            subprocess.run(command, cwd=ROOT, env=_ENV, check=True, capture_output=True)
        counts.append(counted(command))
    line = (counts[1] - counts[0]) / (small * (scale - 1))
    print(f"broadcast time: {line:,.0f} instructions a line; start-up and set-up "
          f"{(counts[0] - line * small) / 1e6:,.0f} M")


def per_article(small: int, scale: int) -> None:
    files = [str(path) for path in corpus()]
    subprocess.run([sys.executable, "-c", _MANY, "1", *files], cwd=ROOT, env=_ENV, check=True, capture_output=True)
    counts = [counted([sys.executable, "-c", _MANY, str(size), *files]) for size in (small, small * scale)]
    article = (counts[1] - counts[0]) / (small * (scale - 1))
    print(f"many articles: {article / 1e6:,.2f} M instructions an article; start-up and set-up "
          f"{(counts[0] - article * small) / 1e6:,.0f} M")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--what", choices=("lines", "articles", "both"), default="both")
    parser.add_argument("--small", type=int, default=0, help="lines (default 2,000) or articles (default 100)")
    parser.add_argument("--scale", type=int, default=3, help="the large run is this many times the small one")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed: apt-get install valgrind")
    floor = counted([sys.executable, "-c", "import jinja2"])
    print(f"floor (python -c 'import jinja2'): {floor / 1e6:,.0f} M instructions")
    with tempfile.TemporaryDirectory() as folder:
        _ENV["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        if args.what in ("lines", "both"):
            per_line(args.small or 2000, args.scale, Path(folder))
        if args.what in ("articles", "both"):
            per_article(args.small or 100, args.scale)


if __name__ == "__main__":
    main()
