#!/usr/bin/env python3
"""The two commands, with nothing but Python 3.11+ on the machine (no make, no system packages):

    python3 tasks.py demo   # create .venv, install, render the bundled example and bulletin into out/
    python3 tasks.py test   # create .venv, install, run every test on all cores (extra arguments go to pytest)
    python3 tasks.py lint   # ruff and mypy, as CI runs them
    python3 tasks.py figures  # measure again and write the README's figures blocks (benchmarks/readme_figures.py)

`python3 tasks.py test -m "not slow"` (`python3 tasks.py quick`) is the quick edit loop: no audio renders, no
wheel build, no fresh process per case; under a minute on two cores (the README's `tests` block says how long).

`make demo` and `make test` call these.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-stamp"
EXAMPLE = "examples/khabar24-belarus-kk.txt"
BULLETIN = "examples/evening-bulletin.toml"

# What `demo` renders: (arguments to broadcast, file that gets what it prints or None).
DEMO: list[tuple[list[str], str | None]] = [
    (["script", EXAMPLE, "--to", "prompter", "-o", "out/prompter.txt"], None),
    (["script", EXAMPLE, "--to", "script", "-o", "out/script.md"], None),
    (["script", EXAMPLE, "--to", "markup", "-o", "out/markup.txt"], None),
    (["script", EXAMPLE, "--to", "json", "-o", "out/story.json"], None),
    (["time", EXAMPLE, "--slot", "2:30"], "out/timing.txt"),
    (["audio", EXAMPLE, "-o", "out/draft.mp3"], None),
    (["rundown", BULLETIN], "out/rundown.txt"),
    (["rundown", BULLETIN, "--to", "prompter", "-o", "out/bulletin-prompter.txt"], None),
    (["rundown", BULLETIN, "--to", "script", "-o", "out/bulletin-script.md"], None),
    (["rundown", BULLETIN, "--to", "json", "-o", "out/bulletin.json"], None),
    (["rundown", BULLETIN, "--to", "mos", "-o", "out/bulletin.mos"], None),
    (["rundown", BULLETIN, "--audio", "out/bulletin.mp3", "-o", "out/rundown-audio.txt"], None),
    (["prompter", EXAMPLE, "--slot", "2:30", "-o", "out/prompter.html"], None),
    (["prompter", BULLETIN, "-o", "out/bulletin-prompter.html"], None),
]


# As a machine that keeps bytecode runs: a PYTHONDONTWRITEBYTECODE set around us would have pytest rewrite the
# asserts of every test module again in every worker (some 10 s of CPU a run) and compile the package each start.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run(*command: object, keep: str | None = None) -> None:
    """Run a command from the project folder; a failure stops here. With `keep`, what it prints is
    shown and also written to that file (as `| tee` would)."""
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run(
        [str(part) for part in command], cwd=ROOT, stdout=subprocess.PIPE if keep else None, text=True, env=ENV
    )
    if keep:
        sys.stdout.write(result.stdout)
        if result.returncode == 0:
            (ROOT / keep).write_text(result.stdout, encoding="utf-8")
    if result.returncode != 0:
        sys.exit(result.returncode)


def setup() -> None:
    """The venv with the project and its test tools installed; redone when pyproject.toml changes."""
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    if not STAMP.exists() or STAMP.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[test]")
        STAMP.touch()
    # The package's bytecode, as pip makes it for an installed wheel: an editable checkout run where
    # PYTHONDONTWRITEBYTECODE is set would otherwise compile every module on every start (0.1 s a command).
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", "broadcast"], cwd=ROOT, stdout=subprocess.DEVNULL)


def demo() -> None:
    setup()
    (ROOT / "out").mkdir(exist_ok=True)
    for arguments, keep in DEMO:
        run(PYTHON, "-m", "broadcast", *arguments, keep=keep)
    if shutil.which("chromium"):  # the prompter pages' figures and screenshots, in a real browser
        run(PYTHON, "benchmarks/prompter_page.py")
    else:
        print("no Chromium found (apt-get install chromium): the prompter screenshots are left out")
    print(
        "Wrote out/: the story's prompter.txt script.md markup.txt story.json timing.txt,\n"
        "  its audio draft.mp3 with draft.srt draft.vtt draft.cues.json draft.labels.txt,\n"
        "  and the bulletin's rundown.txt bulletin-prompter.txt bulletin-script.md bulletin.json bulletin.mos/,\n"
        "  its audio bulletin.mp3 with bulletin.srt bulletin.vtt bulletin.cues.json bulletin.labels.txt,\n"
        "  the prompter pages prompter.html bulletin-prompter.html and their screenshots prompter-*.png"
    )


def test(arguments: list[str]) -> None:
    setup()
    # pytest-xdist: one worker a core; a later `-n` in `arguments` wins (`-n 0` runs in one process).
    run(PYTHON, "-m", "pytest", "-n", "auto", *arguments)


def lint() -> None:
    """ruff with the rule set of pyproject.toml over everything, mypy over the package."""
    setup()
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "mypy", "broadcast")


# The scripts that measure the README's figures; each records its blocks and writes them into the README.
FIGURES = ["benchmarks/demo_figures.py", "benchmarks/suite_speed.py", "benchmarks/audio_speed.py"]


def figures() -> None:
    setup()
    for script in FIGURES:
        run(PYTHON, script)


def main() -> None:
    task = sys.argv[1] if len(sys.argv) > 1 else ""
    if task == "demo":
        demo()
    elif task == "test":
        test(sys.argv[2:])
    elif task == "quick":
        test(["-m", "not slow", *sys.argv[2:]])
    elif task == "lint":
        lint()
    elif task == "figures":
        figures()
    else:
        sys.exit("usage: python3 tasks.py demo | test [pytest arguments] | quick | lint | figures")


if __name__ == "__main__":
    main()
