"""How fast a bulletin of 200 stories is read, timed and fitted: figures, not a pass/fail test.

    .venv/bin/python benchmarks/rundown_speed.py

Builds a rundown of 200 distinct story files (the example stories, each made unique) with a break every
ten stories in a temporary folder, then measures each step in process, and the whole command in a
fresh process.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = sorted((ROOT / "examples" / "bulletin").glob("*.txt")) + [ROOT / "examples" / "khabar24-belarus-kk.txt"]
COUNT = 200


def make_rundown(folder: Path) -> Path:
    items = []
    for n in range(COUNT):
        source = STORIES[n % len(STORIES)]
        text = source.read_text(encoding="utf-8")
        # A story of its own: a different first line keeps any cache honest.
        story = folder / f"story-{n:03d}.txt"
        story.write_text(text.replace("\n", f" {n}\n", 1) if not text.startswith("#") else text, encoding="utf-8")
        items.append(f'[[item]]\ntype = "story"\nslug = "S{n:03d}"\nfile = "{story.name}"\n')
        if n % 10 == 9:
            items.append(f'[[item]]\ntype = "break"\nslug = "BREAK {n // 10 + 1}"\nduration = "2:00"\n')
    rundown = folder / "big.toml"
    rundown.write_text('title = "200 stories"\nstart = "06:00:00"\nslot = "4:30:00"\n\n' + "\n".join(items), encoding="utf-8")
    return rundown


def best(function, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from broadcast.rundown import load_bulletin, read_rundown, time_items
    from broadcast.rundown.bulletin import build
    from broadcast.rundown.mos import mos_files
    from broadcast.rundown.writers import render_bulletin
    from broadcast.rundown.timing import fit_bulletin

    with tempfile.TemporaryDirectory() as folder:
        path = make_rundown(Path(folder))
        bulletin = load_bulletin(path)  # warm: imports, dictionaries, templates
        stories = sum(1 for item in bulletin.items if item.timed)
        print(f"rundown: {stories} stories, {len(bulletin.items) - stories} breaks, on air {bulletin.timing.duration / 60000:.1f} min")
        rundown = read_rundown(path)
        print(f"read and check the TOML:                     {best(lambda: read_rundown(path)) * 1000:7.1f} ms")
        print(f"read, parse and time 200 stories (load):     {best(lambda: build(rundown, checked=False)) * 1000:7.1f} ms")
        print(f"  the same with each story's check (for JSON): {best(lambda: build(rundown)) * 1000:7.1f} ms")
        items = bulletin.items
        timed_items = best(lambda: time_items(items, rundown.start, rundown.slot), 50)
        print(f"time the bulletin (cume, hit, back):         {timed_items * 1000:7.3f} ms")
        over = bulletin.timing.duration - 5 * 60_000
        fit = fit_bulletin(items, over)
        fitted = best(lambda: fit_bulletin(items, over))
        print(f"fit 5:00 over ({len(fit.cuts)} cuts, {len(fit.floats)} floats):           {fitted * 1000:7.1f} ms")
        print(f"render the table:                            {best(lambda: render_bulletin(bulletin, 'table')) * 1000:7.1f} ms")
        print(f"render the prompter:                         {best(lambda: render_bulletin(bulletin, 'prompter')) * 1000:7.1f} ms")
        print(f"MOS messages ({len(mos_files(bulletin))} files):                    {best(lambda: mos_files(bulletin)) * 1000:7.1f} ms")
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "broadcast", "rundown", str(path)], check=True, capture_output=True, cwd=ROOT)
            runs.append(time.perf_counter() - started)
        print(f"`broadcast rundown big.toml` (new process):  {statistics.median(runs) * 1000:7.0f} ms median of 3")


if __name__ == "__main__":
    main()
