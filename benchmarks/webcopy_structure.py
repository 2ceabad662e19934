"""How right the reader is on pasted web and agency copy: figures, not a pass/fail test.

    .venv/bin/python benchmarks/webcopy_structure.py [FOLDER] [EXPECTED.toml] [-v] [--failures FILE.md]

FOLDER (default benchmarks/webcopy_heldout, the held-out set: published kk/ru/en articles the tests never
read) holds articles (`*.txt`, `.html`, `.docx`, ... anything `read_input` reads), also in subfolders;
EXPECTED (default FOLDER/expected.toml) names each by its path under FOLDER and gives the structure a person
decided by hand before the reader ran on it: `segments` ("lead", "vo", "sot Surname", ...), `source` (the
outlet's credit, or a list of credits when the article carries two, any one counting; "" when the article
carries none, not counted), `furniture` (the beginnings of lines that
must not be read) and `url` (where it was published). The language is the first folder of the path (kk/,
ru/, en/), or the reader's guess.

Prints, per article that is not right and then per language and overall: structure right (kinds and
speakers in order, consecutive rows of the same kind and speaker as one), credit found (and a credit found
where the article carries none: a wrong credit, not in the percentage), furniture lines read
(and in how many articles), lines lost, spoken lines with a doubled mark or a bracket or placeholder token or URL-encoded bytes.
`--failures FILE.md` also writes what fails, one line per article, for the reader's engineer.
"""
from __future__ import annotations

import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from invariants import segment_rows as structure  # noqa: E402  (one count of structure for the tests and this)

from broadcast.inputs import read_input  # noqa: E402
from broadcast.parse import parse_text  # noqa: E402

HELD_OUT = ROOT / "benchmarks" / "webcopy_heldout"
# In a spoken line: a doubled mark, a bracket, angle bracket or underscore, a `%%` placeholder; in the written
# text of a line that is spoken: URL-encoded bytes (`%d0%b0`, an image file name glued to a line), which the
# spoken form turns into "percent d zero percent b zero".
_UNCLEAN = re.compile(r",\s*,|[.!?]\s*,|,\s*[.!?]|[\[\]{}<>_]|%%")
_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}%[0-9A-Fa-f]{2}")


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


def measure(path: Path, expected: dict, language: str | None) -> dict[str, object]:
    read = read_input(path)
    text = read.text
    story = parse_text(text, language=language)
    lines = text.split("\n")
    spoken_lines = {line.source_line for line in story.lines if line.spoken.strip()}
    accounted = {line.source_line for line in story.lines} | {w.line for w in (*story.warnings, *read.warnings)} | {
        s.speaker.source_line for s in story.segments if s.speaker is not None
    }
    lost = [n for n, raw in enumerate(lines, start=1) if raw.strip() and n not in accounted]
    marks = expected.get("furniture", [])
    furniture = [
        n for n, raw in enumerate(lines, start=1)
        if raw.strip() and any(raw.strip().startswith(mark.strip()) for mark in marks if mark.strip())
    ]
    furniture_read = [n for n in furniture if n in spoken_lines]
    unclean = [
        line.spoken
        for line in story.lines
        if _UNCLEAN.search(line.spoken) or (line.spoken.strip() and _ENCODED.search(line.text))
    ]
    found = structure(story)
    wanted = expected.get("source", "")
    wanted_sources = [wanted] if isinstance(wanted, str) else list(wanted)
    wanted_sources = [w for w in wanted_sources if w]
    credit = None
    if wanted_sources:
        credit = bool(story.source) and any(
            w.casefold() in story.source.casefold() or story.source.casefold() in w.casefold() for w in wanted_sources
        )
    false_credit = story.source if not wanted_sources and "source" in expected and story.source else ""
    return {
        "false_credit": false_credit,
        "language": story.language,
        "structure": _same(found, expected["segments"]),
        "found": found,
        "credit": credit,
        "source": story.source,
        "furniture_read": furniture_read,
        "furniture_text": [lines[n - 1].strip()[:60] for n in furniture_read],
        "lost": lost,
        "unclean": unclean,
    }


def failure_line(name: str, expected: dict, result: dict) -> str | None:
    """One line: what is wrong with the article, expected vs got."""
    wrong = []
    if not result["structure"]:
        wrong.append(f"structure: expected {' / '.join(expected['segments'])}; got {' / '.join(result['found'])}")
    if result["credit"] is False:
        wrong.append(f"credit: expected {expected['source']!r}; got {result['source']!r}")
    if result["false_credit"]:
        wrong.append(f"credit: none in the article; got {result['false_credit']!r}")
    if result["furniture_read"]:
        read = "; ".join(f"line {n} «{t}»" for n, t in zip(result["furniture_read"], result["furniture_text"]))
        wrong.append(f"furniture read: {read}")
    if result["lost"]:
        wrong.append(f"lines lost: {result['lost']}")
    if result["unclean"]:
        wrong.append(f"unclean spoken: {[s[:50] for s in result['unclean']]}")
    return f"- `{name}` — " + " | ".join(wrong) if wrong else None


def _figures(label: str, results: list[dict]) -> str:
    if not results:
        return f"{label}: no articles"
    right = sum(bool(r["structure"]) for r in results)
    credits = [r["credit"] for r in results if r["credit"] is not None]
    found = sum(bool(c) for c in credits)
    furniture = sum(len(r["furniture_read"]) for r in results)
    articles = sum(bool(r["furniture_read"]) for r in results)
    credit = f"{found}/{len(credits)} ({100 * found / len(credits):.0f}%)" if credits else "none to find"
    false_credits = sum(bool(r["false_credit"]) for r in results)
    return (
        f"{label}: {len(results)} articles: structure right {right}/{len(results)} ({100 * right / len(results):.0f}%),"
        f" credit found {credit} (a credit where the article has none: {false_credits}),"
        f" furniture lines read {furniture} (in {articles} articles),"
        f" lines lost {sum(len(r['lost']) for r in results)} (in {sum(bool(r['lost']) for r in results)} articles),"
        f" unclean spoken lines {sum(len(r['unclean']) for r in results)}"
        f" (in {sum(bool(r['unclean']) for r in results)} articles)"
    )


def main(argv: list[str]) -> list[str]:
    arguments = [a for a in argv if not a.startswith("-")]
    failures_file = None
    if "--failures" in argv:
        failures_file = Path(argv[argv.index("--failures") + 1])
        arguments.remove(str(failures_file)) if str(failures_file) in arguments else None
    folder = Path(arguments[0]) if arguments else HELD_OUT
    expected_file = Path(arguments[1]) if len(arguments) > 1 else folder / "expected.toml"
    verbose = "-v" in argv
    expected = tomllib.loads(expected_file.read_text(encoding="utf-8"))
    by_language: dict[str, list[dict]] = defaultdict(list)
    failures: list[str] = []
    for name, wanted in sorted(expected.items()):
        first = name.split("/")[0]
        language = first if first in ("kk", "ru", "en") else None
        result = measure(folder / name, wanted, language)
        by_language[str(result["language"])].append(result)
        line = failure_line(name, wanted, result)
        if line:
            failures.append(line)
        if line or verbose:
            print(line or f"- `{name}` — right")
    results = [r for group in by_language.values() for r in group]
    summary = [_figures(language, by_language[language]) for language in ("kk", "ru", "en") if language in by_language]
    summary.append(_figures("overall", results))
    print()
    print("\n".join(summary))
    if failures_file is not None:
        failures_file.write_text(
            "\n".join(["## Figures", "", *[f"- {row}" for row in summary], "", "## What fails", "", *failures, ""]),
            encoding="utf-8",
        )
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
