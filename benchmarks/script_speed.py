"""How fast the script path is, as ratios to the floor measured in the same run.

The floor is a fresh Python process that imports jinja2 (`python -c "import jinja2"`): no script can start
faster than the template engine it renders with. Three figures, each a fresh process:

    prompter   `broadcast script` on the bundled Kazakh example, `--to prompter` (the installed command)
               (target: <= 0.25 s and <= 2x the floor)
    english    the same story in English (tests/fixtures/en/belarus.txt), against the Kazakh one
               (target: <= 1.3x the Kazakh; the English syllable table is read, never the whole CMU dictionary)
    thousand   1,000 articles (the example and the test fixtures, kk/ru/en, in turn) loaded and rendered to
               the prompter in one process (target: <= 5 s on a 2-core machine)

Python's compiled bytecode of the package is made first (`compileall`), as pip makes it when it installs the
wheel: a checkout run with PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every start.
Every run uses a cache folder of its own (XDG_CACHE_HOME in a temporary folder), warmed by two runs of each
command first: what an installed copy keeps between runs (compiled patterns, triggers), not what a checkout's
cache has gathered over many edits of its patterns (stale entries make every start read a bigger file).
The runs are interleaved (floor, Kazakh, English, floor, ...) so that a change in the machine's load hits
every figure alike. Each figure is the MINIMUM of its runs, in wall seconds and in CPU seconds (user + system
of the child, from getrusage): on a shared machine a run can only be slowed by the others, never sped up, so
the fastest run is the closest to the machine's own speed, and CPU time moves far less with the load than
wall time. The load average is printed before and after.

    .venv/bin/python benchmarks/script_speed.py [--runs 11] [--articles 1000] [--thousand-runs 2]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from readme_figures import load_average, own_cache, record, wrap

ROOT = Path(__file__).resolve().parent.parent
KAZAKH = ROOT / "examples" / "khabar24-belarus-kk.txt"
ENGLISH = ROOT / "tests" / "fixtures" / "en" / "belarus.txt"

# Run in a fresh process: load and render `count` articles, cycling through the files given.
_MANY = r"""
import sys, time
from pathlib import Path
started = time.perf_counter()
import broadcast
files = [Path(name) for name in sys.argv[2:]]
count = int(sys.argv[1])
for index in range(count):
    # What `broadcast script A B ... --to prompter -o DIR/` does for each: the prompter shows no warnings.
    broadcast.load(files[index % len(files)], checked=False).render("prompter")
print(time.perf_counter() - started)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def script(article: Path) -> list[str]:
    """`broadcast script ARTICLE --to prompter` as a user runs it: the installed command beside this Python
    (`python -m broadcast` where there is none, which also pays for runpy)."""
    command = Path(sys.executable).with_name("broadcast")
    head = [str(command)] if command.is_file() else [sys.executable, "-m", "broadcast"]
    return [*head, "script", str(article), "--to", "prompter"]


def corpus() -> list[Path]:
    return [KAZAKH, *sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))]


def readme_script_speed(figures: dict[str, Any]) -> str:
    """The README's block: the three figures against their targets, from the recorded file alone."""
    data = figures["data"]
    floor, floor_cpu = data["floor"], data["floor_cpu"]
    kazakh, kazakh_cpu = data["kazakh"], data["kazakh_cpu"]
    english, english_cpu = data["english"], data["english_cpu"]
    many_cpu, articles = data["thousand_cpu"], data["articles"]
    loads = " ".join(f"{value:.1f}" for value in figures["load"])

    def met(ok: bool) -> str:
        return "met" if ok else "NOT met"

    rows = [
        "| figure | target | measured | |",
        "|---|---|---|---|",
        f"| floor: `python -c \"import jinja2\"` | | {floor:.3f} s wall, {floor_cpu:.3f} s CPU | |",
        f"| `broadcast script` bundled example `--to prompter`, whole process | ≤ 0.25 s, ≤ 2× the floor "
        f"| {kazakh:.3f} s wall = {kazakh / floor:.2f}×; CPU {kazakh_cpu:.3f} s = {kazakh_cpu / floor_cpu:.2f}× "
        f"| {met(kazakh <= 0.25 and kazakh_cpu <= 2 * floor_cpu)} |",
        f"| the same story in English | ≤ 1.3× the Kazakh | CPU {english_cpu / kazakh_cpu:.2f}× "
        f"(wall {english / kazakh:.2f}×) | {met(english_cpu <= 1.3 * kazakh_cpu)} |",
        f"| {articles:,} articles in one process ({data['files']} files in turn) | ≤ 5 s | CPU {many_cpu:.2f} s "
        f"({many_cpu / articles * 1000:.1f} ms an article; wall {data['thousand']:.1f} s) "
        f"| {met(many_cpu <= 5 * articles / 1000)} |",
    ]
    return "\n".join(rows) + "\n\n" + wrap(
        f"Measured {figures['measured'][:10]} by `benchmarks/script_speed.py` on {figures['cores']} shared cores at load "
        f"average {loads} (each figure the fastest of {data['runs']} runs, interleaved with the floor's; CPU seconds "
        "move much less with the load than wall seconds, so the targets are checked in CPU)."
    )


FIGURES = {"script-speed": readme_script_speed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="fresh processes per figure (the minimum is taken)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--thousand-runs", type=int, default=2, help="runs of the many-articles process (minimum taken)")
    parser.add_argument("--no-record", action="store_true", help="print only: leave the README's figures as they are")
    args = parser.parse_args()

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "broadcast")], check=True, capture_output=True)
    files = [str(path) for path in corpus()]
    cache = own_cache(script(KAZAKH), script(ENGLISH), [sys.executable, "-c", _MANY, str(len(files)), *files])
    floor_command = [sys.executable, "-c", "import jinja2"]
    runs: dict[str, list[tuple[float, float]]] = {"floor": [], "kazakh": [], "english": []}
    load_before = os.getloadavg()
    load = load_average()
    for _ in range(args.runs):
        runs["floor"].append(timed(floor_command))
        runs["kazakh"].append(timed(script(KAZAKH)))
        runs["english"].append(timed(script(ENGLISH)))
    many_runs: list[tuple[float, float]] = []
    for _ in range(args.thousand_runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run([sys.executable, "-c", _MANY, str(args.articles), *files],
                                check=True, capture_output=True, text=True, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        many_runs.append((float(result.stdout), (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
        runs["floor"].append(timed(floor_command))
    load_after = os.getloadavg()
    cache.cleanup()

    def fastest(name: str, which: int) -> float:
        return min(run[which] for run in runs[name])

    floor, kazakh, english = (fastest(name, 0) for name in ("floor", "kazakh", "english"))
    floor_cpu, kazakh_cpu, english_cpu = (fastest(name, 1) for name in ("floor", "kazakh", "english"))
    many, many_cpu = min(run[0] for run in many_runs), min(run[1] for run in many_runs)
    print(f"machine: {os.cpu_count()} cores, load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
          f"(a shared machine: each figure is the fastest of its runs)")
    print(f"floor    python -c 'import jinja2'      {floor:6.3f} s   (cpu {floor_cpu:.3f} s), fastest of {len(runs['floor'])}")
    print(f"prompter bundled example, whole process {kazakh:6.3f} s = {kazakh / floor:4.2f}x the floor "
          f"(cpu {kazakh_cpu:.3f} s = {kazakh_cpu / floor_cpu:4.2f}x)   target <= 0.25 s and <= 2x")
    print(f"english  same story in English          {english:6.3f} s = {english / kazakh:4.2f}x the Kazakh "
          f"(cpu {english_cpu / kazakh_cpu:4.2f}x), {english / floor:4.2f}x the floor   target <= 1.3x")
    print(f"thousand {args.articles} articles in one process   {many:6.3f} s = {many / floor:5.1f}x the floor, "
          f"{many / args.articles * 1000:.2f} ms an article, cpu {many_cpu:.2f} s ({len(files)} files in turn, "
          f"fastest of {len(many_runs)})   target <= 5 s")
    if not args.no_record:
        record("script-speed", {
            "runs": args.runs, "floor": floor, "floor_cpu": floor_cpu, "kazakh": kazakh, "kazakh_cpu": kazakh_cpu,
            "english": english, "english_cpu": english_cpu, "articles": args.articles, "files": len(files),
            "thousand": many, "thousand_cpu": many_cpu,
        }, load=load)


if __name__ == "__main__":
    main()
