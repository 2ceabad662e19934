"""How fast `broadcast script` is on the seed: end to end (a fresh process) and in-process per story.

    .venv/bin/python benchmarks/script_speed.py
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "khabar24-belarus-kk.txt"


def main() -> None:
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "broadcast", "script", str(SEED), "--to", "json"], check=True, capture_output=True, cwd=ROOT)
        runs.append(time.perf_counter() - started)
    print(f"end to end (new process, 5 runs): median {statistics.median(runs) * 1000:.0f} ms, max {max(runs) * 1000:.0f} ms")

    sys.path.insert(0, str(ROOT))
    import broadcast

    broadcast.load(SEED).render("json")  # warm: imports, dictionaries, templates
    tracemalloc.start()
    started = time.perf_counter()
    count = 50
    for _ in range(count):
        broadcast.load(SEED, slot=90).render("prompter")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    print(f"in process: {elapsed / count * 1000:.1f} ms a story (load, time, fit to 1:30, render); peak {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
