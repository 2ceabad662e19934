"""Syllable counts against hand-checked words (tests/syllables/*.tsv): Kazakh glides, Russian vowels, English
from the CMU dictionary with a fallback for names it lacks."""
from __future__ import annotations

from pathlib import Path

import pytest

from broadcast import languages

TABLES = Path(__file__).resolve().parent / "syllables"


def words(code: str) -> list[tuple[str, int]]:
    rows = (line.split("\t") for line in (TABLES / f"{code}.tsv").read_text(encoding="utf-8").splitlines() if line)
    return [(word, int(count)) for word, count in rows]


ALL = [(code, word, count) for code in ("kk", "ru", "en") for word, count in words(code)]


def test_sizes():
    assert len(words("kk")) >= 100 and len(words("ru")) >= 30 and len(words("en")) >= 30


@pytest.mark.parametrize("code,word,count", ALL, ids=[f"{c}:{w}" for c, w, _ in ALL])
def test_syllables(code, word, count):
    assert languages.get(code).syllables(word) == count


@pytest.mark.parametrize(
    "word,count",
    [("тәуелсіз", 3), ("уақыт", 2), ("қауіпсіздік", 4), ("тұру", 2)],
)
def test_the_issue_examples(word, count):
    assert languages.get("kk").syllables(word) == count


def test_a_line_counts_its_words():
    assert languages.get("kk").syllables("Тәуелсіз Қазақстан мен Беларусь") == 3 + 3 + 1 + 3
