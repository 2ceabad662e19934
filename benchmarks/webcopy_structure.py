"""How right the reader is on pasted web and agency copy: figures, not a pass/fail test.

    .venv/bin/python benchmarks/webcopy_structure.py FOLDER [EXPECTED.toml] [-v]

FOLDER holds articles (`*.txt`); EXPECTED (default FOLDER/expected.toml) gives for each the structure a
person decided by hand before the reader ran on it: `segments` ("lead", "vo", "sot Surname", ...),
`source` (the outlet's credit; "" when the article carries none, not counted), and `furniture` (the
beginnings of lines that must not be read). Prints, per article and in total: structure right (kinds and
speakers in order), credit found, furniture read, lines lost, spoken lines with a doubled mark or a
bracket or placeholder.
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadcast.parse import parse_text  # noqa: E402

_UNCLEAN = re.compile(r",\s*,|[.!?]\s*,|,\s*[.!?]|[\[\]{}<>_]|%%")


def structure(story) -> list[str]:
    rows: list[str] = []
    for segment in story.segments:
        row = segment.kind + (f" {segment.speaker.name.split()[-1]}" if segment.speaker else "")
        if not rows or rows[-1] != row:
            rows.append(row)
    return rows


def _same(found: list[str], expected: list[str]) -> bool:
    """Kinds equal in order, speakers equal by their surname's first five letters (case folded)."""
    if len(found) != len(expected):
        return False
    for got, want in zip(found, expected):
        kind_got, _, who_got = got.partition(" ")
        kind_want, _, who_want = want.partition(" ")
        if kind_got != kind_want or who_got.casefold()[:5] != who_want.casefold()[:5]:
            return False
    return True


def measure(path: Path, expected: dict, verbose: bool) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    story = parse_text(text)
    lines = text.split("\n")
    read = {line.source_line for line in story.lines}
    accounted = read | {w.line for w in story.warnings} | {
        s.speaker.source_line for s in story.segments if s.speaker is not None
    }
    lost = [n for n, raw in enumerate(lines, start=1) if raw.strip() and n not in accounted]
    marks = expected.get("furniture", [])
    furniture = [
        n for n, raw in enumerate(lines, start=1)
        if any((raw + "\n").strip(" ").startswith(mark) or (raw.strip() and mark.strip() == raw.strip()) for mark in marks)
    ]
    furniture_read = [n for n in furniture if n in read]
    unclean = [line.spoken for line in story.lines if _UNCLEAN.search(line.spoken)]
    found = structure(story)
    result = {
        "structure": _same(found, expected["segments"]),
        "credit": None if not expected.get("source") else expected["source"].casefold() in story.source.casefold()
        or bool(story.source and story.source.casefold() in expected["source"].casefold()),
        "furniture_read": furniture_read,
        "lost": lost,
        "unclean": unclean,
    }
    if verbose or not result["structure"] or result["credit"] is False or furniture_read or lost or unclean:
        print(f"{path.name}: structure {'ok' if result['structure'] else 'WRONG'}")
        if not result["structure"]:
            print(f"   found    {found}\n   expected {expected['segments']}")
        if result["credit"] is False:
            print(f"   credit: found {story.source!r}, expected {expected['source']!r}")
        for label in ("furniture_read", "lost", "unclean"):
            if result[label]:
                print(f"   {label}: {result[label]}")
    return result


def main(argv: list[str]) -> None:
    folder = Path(argv[0])
    expected_file = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("-") else folder / "expected.toml"
    verbose = "-v" in argv
    expected = tomllib.loads(expected_file.read_text(encoding="utf-8"))
    results = [measure(folder / name, wanted, verbose) for name, wanted in sorted(expected.items())]
    credits = [r["credit"] for r in results if r["credit"] is not None]
    print(
        f"\n{len(results)} articles: structure right {sum(bool(r['structure']) for r in results)}/{len(results)}"
        f" ({100 * sum(bool(r['structure']) for r in results) / len(results):.0f}%),"
        f" credit found {sum(bool(c) for c in credits)}/{len(credits)},"
        f" articles with furniture read {sum(bool(r['furniture_read']) for r in results)},"
        f" lines lost {sum(len(r['lost']) for r in results)},"  # type: ignore[arg-type]
        f" unclean spoken lines {sum(len(r['unclean']) for r in results)}"  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main(sys.argv[1:])
