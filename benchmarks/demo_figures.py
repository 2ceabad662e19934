"""The audio figures the README shows from `make demo`'s renders: the report of the bundled example's draft and
how long the example bulletin's audio takes, cold and unchanged; recorded for benchmarks/readme_figures.py.

    .venv/bin/python benchmarks/demo_figures.py

Each render is a fresh `broadcast` process with a clip cache of its own (cold: nothing cached). CPU seconds are
the process's and its ffmpeg runs'.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from readme_figures import load_average, record, wrap

ROOT = Path(__file__).resolve().parent.parent
STORY = "examples/khabar24-belarus-kk.txt"
BULLETIN = "examples/evening-bulletin.toml"
# As an installed package runs: modules compiled once (this workplace may set PYTHONDONTWRITEBYTECODE).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def broadcast(*arguments: str) -> tuple[str, float, float]:
    """(what it printed, wall s, CPU s) of one command."""
    started, cpu = time.perf_counter(), _cpu()
    result = subprocess.run([sys.executable, "-m", "broadcast", *arguments], capture_output=True, text=True, cwd=ROOT,
                            env=ENV, check=True)
    return result.stdout, time.perf_counter() - started, _cpu() - cpu


def report(printed: str) -> list[str]:
    """The render report: from the loudness line on (the `Wrote ...` line names temporary files)."""
    lines = printed.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Loudness"))
    return [line.rstrip() for line in lines[start:] if line.strip()]


def readme_audio_report(figures: dict[str, Any]) -> str:
    return "```\n" + "\n".join(figures["data"]["report"]) + "\n```"


def readme_bulletin_render(figures: dict[str, Any]) -> str:
    data = figures["data"]
    load = f" at load average {figures['load'][0]:.1f}" if figures["load"] else ""
    minutes, seconds = divmod(round(data["length"]), 60)
    return wrap(
        f"The example bulletin ({data['items']} items, {minutes}:{seconds:02d}) renders in {data['cold']:.1f} s "
        f"({data['cold_cpu']:.1f} s CPU) with a cold clip cache, and in {data['repeat']:.1f} s when nothing changed "
        f"(its kept draft copied): {figures['cores']} cores{load}, {figures['measured'][:10]}, "
        f"`benchmarks/demo_figures.py`."
    )


FIGURES = {"audio-report": readme_audio_report, "bulletin-render": readme_bulletin_render}


def main() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "broadcast")], check=True, env=ENV)
    load = load_average()
    with tempfile.TemporaryDirectory(prefix="broadcast-figures-") as name:
        folder = Path(name)
        printed, _, _ = broadcast("audio", STORY, "-o", str(folder / "draft.mp3"), "--cache", str(folder / "story-cache"))
        bulletin = ["rundown", BULLETIN, "--audio", str(folder / "bulletin.mp3"), "--cache", str(folder / "cache"),
                    "-o", str(folder / "rundown.txt")]
        _, cold, cold_cpu = broadcast(*bulletin)
        _, repeat, _ = broadcast(*bulletin)
        cues = json.loads((folder / "bulletin.cues.json").read_text(encoding="utf-8"))
    data = {"cold": round(cold, 2), "cold_cpu": round(cold_cpu, 2), "repeat": round(repeat, 2),
            "items": len(cues["items"]), "length": cues["duration"]}
    print("\n".join(report(printed)))
    print(f"bulletin: cold {cold:.2f} s ({cold_cpu:.2f} s CPU), unchanged {repeat:.2f} s; load average {load}")
    record("audio-report", {"report": report(printed)}, load=load, readme=False)
    record("bulletin-render", data, load=load)


if __name__ == "__main__":
    main()
