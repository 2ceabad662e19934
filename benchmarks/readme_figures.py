"""The README's measured figures, written by scripts, never typed: each block of README.md between
`<!-- figures:NAME -->` and `<!-- /figures -->` is made from the recorded file `benchmarks/figures/NAME.json`.

A script that measures something records it and says how it reads in the README:

    from readme_figures import record                       # benchmarks/ is the script's own folder

    def readme_NAME(figures: dict) -> str:                   # the block's Markdown, from the recorded file alone
        data = figures["data"]
        return f"... {data['cold']:.1f} s ... at load average {figures['load'][0]:.1f} ..."

    FIGURES = {"NAME": readme_NAME}                          # module level: the README check imports the script

    def main():
        ...measure...
        record("NAME", {"cold": cold, ...})                  # writes benchmarks/figures/NAME.json, then the README

The recorded file keeps the data with when and where it was measured (`measured`, `cores`, `load`: the load
average before the run) and which script made it (`by`); the formatter reads only that file, so the README can
be written again, and checked (tests/test_readme_figures.py), without measuring anything.

    python benchmarks/readme_figures.py           # write every block of README.md from the recorded files
    python benchmarks/readme_figures.py --check   # exit 1 and name the blocks that are not what the files give
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "benchmarks" / "figures"
README = ROOT / "README.md"

# A block: the opening marker on its own line, the generated text, the closing marker on its own line.
BLOCK = re.compile(r"^<!-- figures:(?P<name>[\w.-]+) -->\n(?P<body>.*?)^<!-- /figures -->$", re.MULTILINE | re.DOTALL)

Formatter = Callable[[dict[str, Any]], str]


def wrap(text: str, width: int = 115) -> str:
    """A paragraph at the README's width (words and hyphenated words kept whole)."""
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)


def own_cache(*warm: list[str]) -> tempfile.TemporaryDirectory[str]:
    """A cache folder of the benchmark's own (XDG_CACHE_HOME for every child), warmed by running each of `warm`
    twice (a pattern is kept the second time a run meets it): the figures are an installed copy's steady state,
    not whatever a checkout's cache has gathered over many edits of its patterns. Clean it up when done."""
    cache = tempfile.TemporaryDirectory(prefix="broadcast-bench-")
    os.environ["XDG_CACHE_HOME"] = cache.name
    for _ in range(2):
        for command in warm:
            subprocess.run(command, check=True, capture_output=True)
    return cache


def load_average() -> list[float]:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:  # no load average on this system
        return []


def record(name: str, data: dict[str, Any], by: str | None = None, load: list[float] | None = None,
           readme: bool = True) -> Path:
    """Keep `data` as the figures `name` (with the date, the cores and the load average), then write the README's
    block `name` from it. `by` is the script whose FIGURES formats it (default: the script being run); `load` the
    load average taken before measuring (default: now)."""
    script = Path(by or sys.argv[0]).resolve()
    recorded = {
        "name": name,
        "by": script.relative_to(ROOT).as_posix(),
        "measured": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "load": load if load is not None else load_average(),
        "data": data,
    }
    FIGURES.mkdir(parents=True, exist_ok=True)
    path = FIGURES / f"{name}.json"
    path.write_text(json.dumps(recorded, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if readme:
        write_readme()
    return path


def recorded(name: str) -> dict[str, Any]:
    return json.loads((FIGURES / f"{name}.json").read_text(encoding="utf-8"))


def _script(path: Path) -> ModuleType:
    """The measuring script as a module (its main() does not run), with benchmarks/ importable as it is for it."""
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(f"_figures_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def formatter(figures: dict[str, Any]) -> Formatter:
    module = _script(ROOT / figures["by"])
    found = getattr(module, "FIGURES", {}).get(figures["name"])
    if found is None:
        raise LookupError(f"{figures['by']} has no FIGURES[{figures['name']!r}] to format the README block")
    return found


def block(name: str) -> str:
    """The README block `name` as the recorded figures give it: the formatter's text, ending with a newline."""
    figures = recorded(name)
    return formatter(figures)(figures).rstrip("\n") + "\n"


def blocks(text: str) -> dict[str, str]:
    """Every figures block of a README text: name -> what it holds now."""
    return {match["name"]: match["body"] for match in BLOCK.finditer(text)}


def written(text: str) -> str:
    """The README text with every block made again from its recorded figures (a block without figures is kept)."""

    def again(match: re.Match[str]) -> str:
        name = match["name"]
        body = block(name) if (FIGURES / f"{name}.json").is_file() else match["body"]
        return f"<!-- figures:{name} -->\n{body}<!-- /figures -->"

    return BLOCK.sub(again, text)


def write_readme(path: Path = README) -> bool:
    """Write the blocks of the README; whether anything changed."""
    text = path.read_text(encoding="utf-8")
    new = written(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def stale(path: Path = README) -> list[str]:
    """The blocks of the README that are not what their recorded figures give (or that have none)."""
    now = blocks(path.read_text(encoding="utf-8"))
    return [name for name, body in now.items() if not (FIGURES / f"{name}.json").is_file() or body != block(name)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a block is not up to date")
    args = parser.parse_args()
    if args.check:
        wrong = stale()
        if wrong:
            sys.exit(f"README.md figures not as recorded: {', '.join(wrong)} (python benchmarks/readme_figures.py)")
        print(f"README.md: {len(blocks(README.read_text(encoding='utf-8')))} figures blocks, all as recorded")
        return
    print("README.md written" if write_readme() else "README.md already as recorded")


if __name__ == "__main__":
    main()
