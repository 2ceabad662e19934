"""The property of tests/test_property.py over a large budget: generated news-like copy in kk, ru and en never
crashes the reader or a text format, loses no line, and times to segments that add up.

    .venv/bin/python benchmarks/property_texts.py [--texts 10000] [--seed 8] [--hostile]

`--hostile` runs the suite's second property (tests/newslike.py: hostile_article): the same copy with control
characters, NUL, ANSI/OSC escapes, bidi and zero-width marks, the other line breaks, bytes that are no UTF-8 and
very long lines; a text refused in one line (binary data, an encoding that cannot be told) counts as refused.

Prints the texts run, the failures found (with the first failing text), the texts refused with a clean error
(only texts without letters may be), the texts whose language was detected otherwise than written, the texts
with a line that passes only by looking like an attribution (no speaker names it, no warning: the stricter
rule, counted, not failed), and texts per second. Hypothesis generates the texts (seeded, no example
database); a failure is counted and the run goes on, so the figure is how many texts failed, not a shrunk
minimum.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings
from invariants import attribution_only
from newslike import article, holds, hostile_article

from broadcast import languages
from broadcast.parse import parse_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--hostile", action="store_true", help="hostile characters and bytes (see above)")
    arguments = parser.parse_args()
    counts = {"run": 0, "ok": 0, "refused": 0, "failed": 0, "language": 0, "attribution": 0, "letterless": 0}
    first: list[str] = []
    other: list[str] = []

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)

        @seed(arguments.seed)
        @settings(
            max_examples=arguments.texts, deadline=None, database=None, phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(hostile_article() if arguments.hostile else article())
        def run(case: tuple[str, str | bytes]) -> None:
            lang, raw = case
            counts["run"] += 1
            if isinstance(raw, bytes):  # a hostile text is bytes: its letters are what UTF-8 makes of them
                counts["letterless"] += not any(char.isalpha() for char in raw.decode("utf-8", errors="replace"))
            else:
                counts["letterless"] += not any(char.isalpha() for char in raw)
            try:
                outcome = holds(raw, folder)
            except Exception as error:  # noqa: BLE001 - every failure is counted and the run goes on
                counts["failed"] += 1
                if not first:
                    kind = "crash" if not isinstance(error, AssertionError) else "property"
                    first.append(f"{kind} ({lang}): {error}\ntext: {raw!r}\n{traceback.format_exc(limit=-3)}")
                return
            counts[outcome] += 1
            if outcome == "ok" and isinstance(raw, str):  # the figures below are of plain (not hostile) copy
                text = raw.replace("\r\n", "\n")
                if attribution_only(text, parse_text(text)):  # the stricter rule: a figure, not a failure
                    counts["attribution"] += 1
                detected = languages.detect(raw)
                if detected != lang and any(char.isalpha() for char in raw):
                    counts["language"] += 1
                    if not other:
                        other.append(f"written {lang}, detected {detected}: {raw!r}")

        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started

    print(f"texts run:           {counts['run']}")
    print(f"failures found:      {counts['failed']}")
    may = "binary data or an encoding that cannot be told" if arguments.hostile else "only these may be"
    print(f"texts without letters: {counts['letterless']}, refused cleanly: {counts['refused']} ({may})")
    print(f"language detected otherwise than written: {counts['language']}")
    print(f"texts with a line kept only as an attribution no speaker names: {counts['attribution']}")
    print(f"texts per second:    {counts['run'] / elapsed:.0f} ({elapsed:.1f} s wall, generation included)")
    print("first failing text: " + (first[0] if first else "none"))
    if other:
        print("first text detected otherwise: " + other[0])


if __name__ == "__main__":
    main()
