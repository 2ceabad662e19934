"""How long `broadcast time` takes on an article of 100,000 lines, and on one 200,000-letter word: figures,
not a pass/fail test (issue 8 asks for 100,000 lines in 10 s or less, and linear time in a word's length).

    .venv/bin/python benchmarks/time_100k_lines.py

The long article is the bundled Kazakh example's lines, each numbered so no two are the same, repeated to
100,000 lines and kept under the 5 MB input limit; each is timed as a whole command in a fresh process.
"""
from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def timed(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "broadcast", "time", str(path)], capture_output=True, check=False)
    return time.perf_counter() - start, done.returncode


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "long.txt"
        article.write_text(long_article(), encoding="utf-8")
        seconds, code = timed(article)
        size = article.stat().st_size / 1e6
        print(f"broadcast time, {LINES:,} lines ({size:.1f} MB): {seconds:.1f} s (exit {code}; aim: 10 s or less)")
        for letters in (20_000, 200_000):
            word = Path(folder) / f"word-{letters}.txt"
            word.write_text(long_word(letters), encoding="utf-8")
            seconds, code = timed(word)
            print(f"broadcast time, one {letters:,}-letter word: {seconds:.2f} s (exit {code})")


if __name__ == "__main__":
    main()
