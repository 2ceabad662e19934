"""How many tests there are and how long the quick subset (`pytest -m "not slow"`) takes: wall and CPU seconds,
with the load average, recorded for the README's `tests` block (benchmarks/readme_figures.py).

    .venv/bin/python benchmarks/suite_speed.py [--workers 2]

CPU seconds are the pytest processes' own (user + system, workers included): on a shared machine they say
more than the wall clock, which follows the load.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from readme_figures import load_average, record, wrap

ROOT = Path(__file__).resolve().parent.parent
QUICK = "not slow"
# As `python3 tasks.py test` runs pytest: with bytecode kept (the rewritten test modules too).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def collected(*marker: str) -> int:
    """How many tests pytest collects (with `-m` and the marker, when given)."""
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider", *marker],
                            capture_output=True, text=True, cwd=ROOT, env=ENV)
    found = re.search(r"(\d+)(?:/\d+)? tests? collected", result.stdout)
    if found is None:
        sys.exit(f"pytest collected nothing:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return int(found.group(1))


def quick(workers: int) -> tuple[float, float, bool]:
    """(wall s, CPU s, passed) of the quick subset on `workers` workers. The README's own figures check is left
    out: it checks the block this run writes."""
    started, cpu = time.perf_counter(), _cpu()
    result = subprocess.run([sys.executable, "-m", "pytest", "-m", QUICK, "-n", str(workers), "-q", "-p", "no:cacheprovider",
                             "--deselect", "tests/test_readme_figures.py"], cwd=ROOT, capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        print("\n".join(line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))) or result.stdout[-3000:])
    return time.perf_counter() - started, _cpu() - cpu, result.returncode == 0


def readme_tests(figures: dict[str, Any]) -> str:
    data = figures["data"]
    load = f", load average {figures['load'][0]:.1f}" if figures["load"] else ""
    return wrap(
        f"The suite has {data['total']} tests. `-m \"not slow\"` runs {data['quick']} of them in "
        f"{data['wall']:.0f} s wall, {data['cpu']:.0f} s CPU ({data['workers']} workers on {figures['cores']} cores{load}; "
        f"{figures['measured'][:10]}, `benchmarks/suite_speed.py`)."
    )


FIGURES = {"tests": readme_tests}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="pytest-xdist workers")
    args = parser.parse_args()
    total, chosen = collected(), collected("-m", QUICK)
    load = load_average()
    wall, cpu, passed = quick(args.workers)
    after = load_average()
    print(f"{total} tests, {chosen} quick; quick subset: {wall:.1f} s wall, {cpu:.1f} s CPU on {args.workers} workers, "
          f"load average {load[0] if load else '?'} before, {after[0] if after else '?'} after"
          + ("" if passed else "; SOME FAILED"))
    if not passed:
        sys.exit("not recorded: the quick subset failed")
    record("tests", {"total": total, "quick": chosen, "wall": round(wall, 1), "cpu": round(cpu, 1), "workers": args.workers},
           load=load)


if __name__ == "__main__":
    main()
