"""How much the caches save `broadcast audio` on the seed, each run a fresh process with a fresh cache folder:

    cold     nothing cached: every clip synthesized, conformed, mixed, normalised
    warm     clips, conformed takes and encoded pieces cached, the finished draft not: nothing synthesized,
             conformed or encoded again; the mix is laid and the pieces joined
    repeat   the same render again: the kept draft is copied, captions and cues rewritten

    .venv/bin/python benchmarks/audio_cache.py [--engine gtts]
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "khabar24-belarus-kk.txt"


def render(out: Path, cache: Path, extra: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "broadcast", "audio", str(SEED), "-o", str(out / "draft.mp3"), "--cache", str(cache), *extra],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    return time.perf_counter() - started, re.search(r"clips: .*", result.stdout).group(0)


def main() -> None:
    extra = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="broadcast-bench-") as folder:
        out, cache = Path(folder), Path(folder) / "cache"
        cold, cold_clips = render(out, cache, extra)
        shutil.rmtree(cache / "drafts")  # keep the clips, forget the finished draft
        warm, warm_clips = render(out, cache, extra)
        repeat, repeat_clips = render(out, cache, extra)
    print(f"cold    {cold:6.2f} s   {cold_clips}")
    print(f"warm    {warm:6.2f} s   {warm_clips}   ({cold / warm:.1f}x faster than cold)")
    print(f"repeat  {repeat:6.2f} s   {repeat_clips}   ({cold / repeat:.1f}x faster than cold)")


if __name__ == "__main__":
    main()
