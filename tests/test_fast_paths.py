"""The shortcuts that make a long article fast change nothing that is read: each is checked against the slow way."""
from __future__ import annotations

import dataclasses
import inspect
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast import compile_cache, languages
from broadcast.house import _fold
from broadcast.languages import _numbers as numbers_module
from broadcast.languages import base
from broadcast.languages._triggers import opening, trigger
from broadcast.languages._letters import UPPER
from broadcast.parse import furniture as furniture_module
from broadcast.parse import page as page_module
from broadcast.parse import quotes as quotes_module
from broadcast.parse import transcript as transcript_module
from broadcast.parse.furniture import FURNITURE, furniture

from conftest import FIXTURES, ROOT


def _lines() -> list[str]:
    files = [*FIXTURES.rglob("*.txt"), *(ROOT / "examples").glob("*.txt")]
    return [line for path in files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


LINES = _lines()


def _step_patterns(code: str) -> list[re.Pattern[str]]:
    """Every pattern a language's spoken-form steps substitute (held in the steps' closures)."""
    found = []
    for step in (*languages.get(code, ()).spoken_steps, *base.TIDY):
        for cell in step.__closure__ or ():
            contents = cell.cell_contents
            if isinstance(contents, re.Pattern):
                found.append(contents)
    return found


PATTERNS = [pattern for code in ("kk", "ru", "en") for pattern in _step_patterns(code)]


def test_the_steps_have_patterns_and_most_have_a_trigger():
    assert len(PATTERNS) > 30
    assert sum(trigger(pattern) is not None for pattern in PATTERNS) * 2 > len(PATTERNS)


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\s*([,;:])(?:\s*[,;:])+", "[,;:]"),
        (r"(?<=[^\W\d_])\+(?![\w+])", "+"),
        (r"\s+[-–—]\s+|^\s*[-–—]\s+", "–"),
        (r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)", ":"),
    ],
)
def test_a_trigger_is_a_character_every_match_needs(pattern, needs):
    found = trigger(re.compile(pattern))
    assert found is not None and found.search(needs)
    assert not found.search("Біздің арна хабарлайды бүгін")


@pytest.mark.parametrize(
    "pattern",
    [r"\s*", r"a?b*", r"(?:\w+\s+)?", r"[^,]+", r".", r"\W+", r"(?=x)", r"(?i:x)|y", r"\w+"],
)
def test_no_trigger_where_none_can_be_proved_or_would_help(pattern):
    assert trigger(re.compile(pattern)) is None


def test_an_ignore_case_trigger_matches_either_case():
    found = trigger(re.compile(r"(?:ab|cd)", re.IGNORECASE))
    assert found is not None and found.search("AB") and found.search("cD") and not found.search("A c")


def _never_wrong(pattern: re.Pattern[str], text: str) -> None:
    needs = trigger(pattern)
    if needs is not None and not needs.search(text):
        assert pattern.search(text) is None, (pattern.pattern, text)


def test_no_line_of_the_fixtures_is_skipped_by_a_step_that_would_match_it():
    for pattern in PATTERNS:
        for line in LINES:
            _never_wrong(pattern, line)


_ALPHABET = st.sampled_from(list("0123456789 ,.;:-–—−+%$€₸°\"«»()[]{}_/№IVXCМХІaAbzZАаБЯяқҚөӨ\u00a0\u202f"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_no_generated_text_is_skipped_by_a_step_that_would_match_it(text):
    for pattern in PATTERNS:
        _never_wrong(pattern, text)


def test_the_spoken_forms_are_the_same_once_the_steps_use_their_triggers():
    for code in ("kk", "ru", "en"):
        language = languages.get(code, ())
        before = [language.spoken(line) for line in LINES[:40]]  # the steps' first calls: no trigger yet
        for line in LINES * 2:  # now every step has learnt its trigger
            language.spoken(line)
        assert [language.spoken(line) for line in LINES[:40]] == before


def test_the_furniture_rules_in_one_pattern_name_what_they_named_one_by_one():
    one_by_one = [(what, re.compile(pattern, re.IGNORECASE)) for what, pattern in FURNITURE]
    for line in [*LINES, "Фото: Ерлан Омаров", "#жаңалықтар #қазақстан", "Читайте также: новости", "***"]:
        expected = next((what for what, pattern in one_by_one if pattern.match(line.strip())), "")
        assert furniture(line) == expected, line


def test_a_folded_name_keeps_only_letters_and_digits():
    assert _fold("«Хабар 24» арнасы_!") == "хабар24арнасы"
    assert _fold("KHABAR-24") == "khabar24"


def test_a_kept_regex_is_the_one_python_compiles(tmp_path):
    patterns = [(pattern.pattern, pattern.flags) for pattern in PATTERNS] + [
        (r"(?P<a>x+)y|(?i:z)", re.IGNORECASE), (r"[\w.+-]+@[\w-]+\.[\w.]+$", 0), (r"(?<![\d:])(?P<h>[01]?\d)", 0)
    ]
    file = tmp_path / "kept.marshal"
    for _ in range(2):  # a pattern is kept the second time a run meets it
        run = compile_cache._Regexes(file, compile_cache._compiler.compile)
        compiled = [run.compile(pattern, flags) for pattern, flags in patterns]
        run.save()
    assert file.is_file()
    third = compile_cache._Regexes(file, lambda *_: pytest.fail("compiled again, not taken from the kept file"))
    assert [third.compile(pattern, flags) for pattern, flags in patterns] == compiled
    assert all(kept == python for kept, python in zip(compiled, (re.compile(p, f) for p, f in patterns)))


_LIBRARY_RUN = r"""
import re, sys
import broadcast
from broadcast import compile_cache
story = broadcast.load(sys.argv[1], checked=False)
mine = re.compile(r"a program's own pattern \d+")  # compiled after the library's share is installed
share = compile_cache._regexes
print(share is not None and share.ours_only, len(share.used) if share else 0, story.story.segments[0].lines[0].text[:10])
"""


def test_a_library_process_keeps_only_the_patterns_our_modules_compile(tmp_path):
    """`import broadcast` and the public API: the regular expressions the package compiles are kept between runs
    as the command line keeps them (a thousand articles in one process paid some 0.2 s for compiling them), a
    program's own are compiled by Python and never kept; the story read is the same as with no cache."""
    article = ROOT / "examples" / "khabar24-belarus-kk.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", _LIBRARY_RUN, str(article)], capture_output=True, text=True, env=env,
                           check=True).stdout.split(None, 2) for _ in range(3)]
    assert all(run[0] == "True" for run in runs)
    assert int(runs[0][1]) == 0 and int(runs[2][1]) > 100  # kept the second time a run met them, used by the third
    assert len({run[2] for run in runs}) == 1
    kept = compile_cache._read(next(tmp_path.rglob("*.regex.marshal")))
    assert kept and not any("own pattern" in pattern for pattern, _ in kept)
    none = subprocess.run([sys.executable, "-c", _LIBRARY_RUN, str(article)], capture_output=True, text=True,
                          env={**env, "BROADCAST_NO_COMPILE_CACHE": "1"}, check=True).stdout.split(None, 2)
    assert none[:2] == ["False", "0"] and none[2] == runs[0][2]


def test_a_damaged_kept_file_is_no_cache(tmp_path):
    file = tmp_path / "kept.marshal"
    for _ in range(2):
        cache = compile_cache._Regexes(file, compile_cache._compiler.compile)
        cache.compile(r"\d+:\d+", 0)
        cache.save()
    data = bytearray(file.read_bytes())
    data[-3] ^= 0xFF
    file.write_bytes(bytes(data))
    again = compile_cache._Regexes(file, compile_cache._compiler.compile)
    assert again.kept == {}
    assert again.compile(r"\d+:\d+", 0).match("12:30")


def _make_classes() -> list[type]:
    @dataclass(frozen=True)
    class Frozen:
        name: str
        count: int = 0
        tags: list[str] = field(default_factory=list)
        hidden: str = field(default="", repr=False, compare=False)

    @dataclass(order=True)
    class Ordered:
        first: float
        second: tuple[int, ...] = ()

        def __post_init__(self) -> None:
            self.first = float(self.first)

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Slotted:
        a: int
        b: str = "b"

    return [Frozen, Ordered, Slotted]


def _methods(classes: list[type]) -> list[tuple[str, object]]:
    return [
        (f"{cls.__name__}.{name}", value.__code__)
        for cls in classes for name, value in sorted(vars(cls).items()) if hasattr(value, "__code__")
    ]


def test_a_kept_dataclass_method_is_the_one_python_compiles(tmp_path):
    python = _methods(_make_classes())
    file = tmp_path / "methods.marshal"
    for round in range(3):  # compiled and kept, then taken from the file (twice)
        methods = compile_cache._Methods(file)
        assert bool(methods.kept) == bool(round)
        dataclasses.exec = methods.exec  # type: ignore[attr-defined]
        try:
            classes = _make_classes()
        finally:
            del dataclasses.exec  # type: ignore[attr-defined]
        assert _methods(classes) == python
        assert methods.new == (round == 0)
        methods.save()
    frozen, ordered, slotted = classes
    assert frozen("x", 2) == frozen("x", 2, hidden="y") and repr(frozen("x")).endswith("Frozen(name='x', count=0, tags=[])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen("x").name = "y"  # type: ignore[misc]
    assert ordered(1, (2,)) < ordered(2) and ordered(3).first == 3.0
    assert slotted(a=1).b == "b" and not hasattr(slotted(a=1), "__dict__")


def test_the_command_line_keeps_its_regexes_and_reads_the_same(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = [sys.executable, "-m", "broadcast", "script", str(ROOT / "examples" / "khabar24-belarus-kk.txt"), "--to", "prompter"]
    first = subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT)
    subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT)
    kept = {path.name.split(".")[-2] for path in (tmp_path / "broadcast" / "compiled").glob("*.marshal")}
    assert kept == {"regex", "methods", "values"}
    second = subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and first.stderr == second.stderr


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r",?\s*[-–—]?\s*(?:деп\s+)?(?:хабарлайды|хабарлады|жазады)\s+(?P<s>\w+)", ["хабарлайды", "жазады"]),
        (r"(?:^|(?<=[.!?]\s))Бұл\s+туралы\s+(?P<s>\w+)", ["туралы"]),
    ],
)
def test_a_trigger_may_be_a_word_every_match_needs(pattern, words):
    found = trigger(re.compile(pattern, re.IGNORECASE))
    assert found is not None and all(found.search(word.upper()) for word in words)
    assert not found.search("Біздің арна бүгін хабар таратты")


def test_no_line_is_skipped_by_a_credit_pattern_that_would_match_it():
    from broadcast.parse.credits import _compiled

    for code in ("kk", "ru", "en"):
        for pattern, _ in _compiled(code):
            for line in LINES:
                _never_wrong(pattern, line)


def test_no_line_is_skipped_by_an_attribution_form_that_would_match_it():
    from broadcast.parse import speaker

    for pattern in (speaker.ATTRIBUTION, speaker.TITLE_FIRST, speaker._SAYING_BEFORE_COLON):
        for line in [*LINES, "Ерлан Косанов, аким города: «Мы готовы»", "Аким города Ерлан Косанов сказал:"]:
            _never_wrong(pattern, line.strip())


def _pieces_every_rule_tried(text: str, language: str) -> object:
    """`pieces` with no rule skipped for want of a quotation mark or a dash."""
    from broadcast.parse import quotes

    saved, quotes._WITHOUT_A_MARK = quotes._WITHOUT_A_MARK, quotes.RULES
    try:
        return quotes.pieces(text, language)
    finally:
        quotes._WITHOUT_A_MARK = saved


_QUOTE_LINES = [
    "«Біз дайынбыз», – деді әкім.", "— Мы готовы, — сказал аким города Ерлан Косанов.", 'He said: "We will finish."',
    "Қазір бәрі дайын, - деді Ералы Тоғжанов.", "Аким отметил: «Мы готовы к зиме, все котельные работают».",
]


def test_a_paragraph_without_a_quotation_mark_or_a_dash_has_the_pieces_every_rule_finds():
    from broadcast.parse.quotes import pieces

    for code in ("kk", "ru", "en"):
        for line in [*LINES, *_QUOTE_LINES]:
            assert pieces(line, code) == _pieces_every_rule_tried(line, code), (code, line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["«", "»", '"', "“", "”", "„", "-", "—", ",", ".", ":", " ", "деді", "сказал", "said",
                                 "Ерлан", "Косанов", "аким", "he", "Біз", "дайынбыз", "we", "will"]), max_size=16).map(" ".join))
def test_no_generated_paragraph_loses_a_quote_to_the_shortcut(text):
    from broadcast.parse.quotes import pieces

    for code in ("kk", "ru", "en"):
        assert pieces(text, code) == _pieces_every_rule_tried(text, code), (code, text)


def test_an_answer_kept_for_the_read_is_the_one_a_fresh_question_gives():
    from broadcast.parse.credits import find_credit
    from broadcast.parse.furniture import furniture
    from broadcast.parse.lines import find_source
    from broadcast.parse.per_read import remembered
    from broadcast.parse.speaker import split_attribution

    language = languages.get("kk", ())
    sample = LINES[:300]
    fresh = [(furniture(line), find_credit(line, "kk"), split_attribution(line), find_source(line, language)) for line in sample]
    with remembered():
        for _ in range(2):  # asked, then answered from what the read kept
            kept = [(furniture(line), find_credit(line, "kk"), split_attribution(line), find_source(line, language)) for line in sample]
            assert [row[:3] for row in kept] == [row[:3] for row in fresh]
            assert [row[3] and row[3].span() for row in kept] == [row[3] and row[3].span() for row in fresh]


def test_the_collector_waits_during_a_read_and_comes_back_after():
    import gc

    from broadcast.parse.per_read import remembered

    assert gc.isenabled()
    with remembered():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with remembered():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def _one_by_one(line: str) -> str:
    rules = [(what, re.compile(pattern, re.IGNORECASE)) for what, pattern in FURNITURE]
    return next((what for what, pattern in rules if pattern.match(line.strip())), "")


def test_plain_case_is_what_case_insensitive_matching_does():
    """The furniture shortcut lower-cases a line of plain characters and looks for its words: sound only if,
    for those characters, Python's case-insensitive match is exactly equal lower cases, one for one."""
    from broadcast.languages._triggers import NOT_PLAIN as _NOT_PLAIN

    plain = [chr(code) for code in range(0x2200) if not _NOT_PLAIN.match(chr(code))]
    assert len(plain) > 500
    letters = {letter for _, needs, _, _ in furniture_module._gates(FURNITURE)[0] for letter in "".join(needs or ())}
    for character in plain:
        lower = character.lower()
        assert len(lower) == 1 and not _NOT_PLAIN.match(lower), character
    for letter in letters:
        same = re.compile(re.escape(letter), re.IGNORECASE)
        for character in plain:
            assert bool(same.fullmatch(character)) == (character.lower() == letter.lower()), (letter, character)


_FURNITURE_WORDS = st.sampled_from(
    ["Фото", "ФОТО:", "photo", "©", "Сурет:", "Read more", "ЧИТАЙТЕ ТАКЖЕ", "сілтеме", "Сілтеме жасауыңызды сұраймыз",
     "copyright", "All rights reserved", "Subscribe", "Telegram", "$", "₸", "12:30", "25.11.2025", "Аида", "ѕ", "İ",
     "ſ", "K", "ı", "ς", "Σ", "µ", "Хабар", "News", "жаңалықтар", "Барлық", "views", "1", ":", ",", ".", "-", "—"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FURNITURE_WORDS, min_size=1, max_size=8).map(" ".join))
def test_no_generated_line_is_named_other_furniture_by_the_shortcut(line):
    assert furniture(line) == _one_by_one(line), line


def test_kazakh_cardinals_are_num2words_own():
    """The Kazakh cardinal built from kept three-digit groups says every number as num2words' lang_KZ does."""
    import random

    from broadcast.languages import _numbers

    slow = _numbers._converter("kz").to_cardinal
    rng = random.Random(8)
    numbers = [*range(0, 30_000), *(rng.randrange(10 ** rng.randint(4, 18)) for _ in range(30_000))]
    numbers += [10 ** k + d for k in range(3, 18) for d in (-1, 0, 1)] + [_numbers._KAZAKH_LIMIT - 1]
    assert [n for n in numbers if _numbers._kazakh_cardinal(n) != slow(n)] == []
    # and through the step every rule calls, below and past the limit, negatives too
    for n in (0, 7, 100, 1992, 1_000_000, _numbers._KAZAKH_LIMIT, _numbers._KAZAKH_LIMIT * 5 + 3, -45):
        assert _numbers.num2words(n, lang="kz") == slow(n)


def test_a_learned_step_says_what_its_pattern_says():
    """A regex step past its learning calls (its guard's trigger asked in the step itself) gives the same text
    as its pattern's sub on every fixture line."""
    from broadcast.languages import _triggers

    for pattern in PATTERNS[:40]:
        step = base.regex_step(pattern, " ")
        for _ in range(_triggers.LEARN_AFTER + 1):
            step("")
        assert [line for line in LINES[:3000] if step(line) != pattern.sub(" ", line)] == []


def test_a_kept_value_is_worked_out_once_and_read_back_by_the_next_run(tmp_path, monkeypatch):
    file = str(tmp_path / "values.marshal")
    asked = []

    def work_out() -> tuple[str, ...]:
        asked.append(1)
        return ("хабарлайды", "жазады")

    monkeypatch.setattr(compile_cache, "_values", None)  # a library user's process: nothing kept
    assert compile_cache.kept("trigger", "x", work_out) == ("хабарлайды", "жазады") and len(asked) == 1
    for _ in range(2):
        monkeypatch.setattr(compile_cache, "_values", compile_cache._Values(file))
        assert compile_cache.keeping()
        assert compile_cache.kept("trigger", "x", work_out) == ("хабарлайды", "жазады")
        compile_cache._values.save()  # type: ignore[union-attr]
    assert len(asked) == 2  # the second run read it back


def test_the_dateline_pre_check_stands_on_the_places_both_patterns_open_with():
    """`_dateline` gives up at once on a line that opens with neither place: DATELINE's in capitals, or the titled
    form's word followed by the `.` or `,` of its date. Both patterns must still open so (change the pre-check with
    them)."""
    place = rf"^(?P<place>[{UPPER}][{UPPER}-]+"
    assert furniture_module.DATELINE.pattern.startswith(place)
    titled = (
        rf"^(?P<place>[{UPPER}][^\W\d_]+(?:,\s+[{UPPER}][^\W\d_]+(?=\s*\(|,\s+[^\W\d_]{{3,9}}\.?\s+\d"
        rf"|,\d{{1,2}}\s+[^\W\d_]{{3,9}}\s|\s+(?:--|—)\s))?)(?:(?:[.,]\s+|,(?=\d{{1,2}}\s+[^\W\d_]{{3,9}}\s))(?P<date>"
    )
    assert furniture_module._TITLED_DATELINE.pattern.startswith(titled)
    assert "_TITLED_DATELINE.match(text)" in inspect.getsource(furniture_module._dateline)
    assert 'titled and titled["date"]' in inspect.getsource(furniture_module._dateline)


_DATELINE_WORDS = st.sampled_from(
    ["АСТАНА", "ASTANA", "Астана", "Astana", "НУР-СУЛТАН", "Алматы.", "ALMATY,", "Kazakhstan", "(Reuters)", "(AP)", "KAZINFORM",
     "ҚазАқпарат", "Kazinform", "25", "қараша.", "Nov", "25.", "March", "13.", "KazTAG", "-", "–", "—", ".", ",", "date",
     "2018-09-26", "/Ғайсағали", "Ералы/", "The", "President", "said", "Біз", "бүгін", "«Хабар", "24»", "РИА", "Новости."]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATELINE_WORDS, min_size=1, max_size=9).map(" ".join))
def test_no_generated_line_loses_its_dateline_to_the_pre_check(line):
    assert furniture_module.dateline(line) == _dateline_without_pre_check(line), line


def test_no_line_of_the_fixtures_loses_its_dateline_to_the_pre_check():
    found = [line for line in LINES if _dateline_without_pre_check(line) is not None]
    assert len(found) > 20
    for line in LINES:
        assert furniture_module.dateline(line) == _dateline_without_pre_check(line), line


def _dateline_without_pre_check(line: str):
    saved = furniture_module._MAY_OPEN_DATELINE
    furniture_module._MAY_OPEN_DATELINE = re.compile("")
    try:
        return furniture_module.dateline(line)
    finally:
        furniture_module._MAY_OPEN_DATELINE = saved


_NAME_WORDS_MET = st.sampled_from(
    ["Ирина", "Новикова", "Тоқаев", "Тоқаевтың", "президент", "Президент", "Kassym-Jomart", "Tokayev", "said", "аким",
     "Бахыт", "Айтенов", "деді", "Ш.", "Мукан", "Астанада", "министр", "Minister", "Madi", "Takiyev", "«Хабар", "24»", "the"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_WORDS_MET, min_size=1, max_size=8).map(" ".join))
def test_no_generated_line_loses_a_name_to_the_two_capitals_pre_check(line):
    assert _spans(quotes_module._mentions(line)) == _mentions_without_pre_check(line), line


def test_no_line_of_the_fixtures_loses_a_name_to_the_two_capitals_pre_check():
    assert sum(bool(quotes_module._mentions(line)) for line in LINES) > 50
    for line in LINES:
        assert _spans(quotes_module._mentions(line)) == _mentions_without_pre_check(line), line


def _mentions_without_pre_check(line: str):
    saved = quotes_module._TWO_CAPITALS
    quotes_module._TWO_CAPITALS = re.compile("")
    try:
        return _spans(quotes_module._mentions(line))
    finally:
        quotes_module._TWO_CAPITALS = saved


def _spans(found) -> list:
    return [(run.span(), name, title) for run, name, title in found]


_FIGURE_CHARACTERS = st.sampled_from(list("0123456789 ,.\u00a0\u202fаb-") + ["1234567890", "000", " 000", ",000"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIGURE_CHARACTERS, max_size=30).map("".join))
def test_no_figure_is_left_unsaid_by_the_long_run_pre_check(text):
    for lang in ("kz", "ru", "en"):
        assert numbers_module.long_numbers(lang)(text) == _long_numbers_without_pre_check(lang, text), (lang, text)


def test_the_fixtures_long_figures_are_said_as_without_the_pre_check():
    for line in [*LINES, "Шот 1234567890123456 ашылды", "ID 12 345 678 901 234 567.", "Код 0000000000000001,5"]:
        for lang in ("kz", "ru", "en"):
            assert numbers_module.long_numbers(lang)(line) == _long_numbers_without_pre_check(lang, line), (lang, line)


def _long_numbers_without_pre_check(lang: str, text: str) -> str:
    saved = numbers_module._LONG_RUN
    numbers_module._LONG_RUN = re.compile("")
    try:
        return numbers_module.long_numbers(lang)(text)
    finally:
        numbers_module._LONG_RUN = saved


def _found(pattern: re.Pattern[str], text: str) -> list:
    return [(match.span(), match.groups(), match.groupdict()) for match in pattern.finditer(text)]


def test_a_pattern_with_its_opening_look_ahead_finds_what_it_found_on_every_fixture_line():
    opened = [(pattern, opening(pattern)) for pattern in PATTERNS]
    assert sum(fast is not pattern for pattern, fast in opened) * 2 > len(opened)
    for pattern, fast in opened:
        for line in LINES:
            assert _found(fast, line) == _found(pattern, line), (pattern.pattern, line)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_a_pattern_with_its_opening_look_ahead_finds_what_it_found_in_generated_text(text):
    for pattern in PATTERNS:
        assert _found(opening(pattern), text) == _found(pattern, text), (pattern.pattern, text)


@pytest.mark.parametrize(
    ("pattern", "opens"),
    [
        (r"(?<![\w])(ab|cd)x", "[ac]"),
        (r"(?P<b>\$|€)?\s?(?P<n>\d+)", r"[$€\s\d]"),
        (r"(?:(?<=\s)|^)[-–](?=\d)|−\s?(?=\d)", "[-–−]"),
    ],
)
def test_the_opening_look_ahead_holds_what_a_match_may_open_with(pattern, opens):
    fast = opening(re.compile(pattern))
    assert fast.pattern.startswith("(?=[") and fast.pattern.endswith(pattern)
    klass = re.compile(fast.pattern[3:-len(pattern) - 1])
    for character in "ac$€ \t5-–−bx.":
        assert bool(klass.fullmatch(character)) == bool(re.fullmatch(opens, character)), character


@pytest.mark.parametrize(
    "pattern", [r"abc", r"x*", r"(?:a|)b?", r".x", r"[^a]b", r"(?i:a)b", r"[a-zа-я]+", r"(a)\1", r"\w+"]
)
def test_no_opening_look_ahead_where_the_engine_scans_fast_or_nothing_narrow_is_proved(pattern):
    assert opening(re.compile(pattern)).pattern == pattern


def test_each_installation_keeps_its_own_compiled_files(monkeypatch, tmp_path):
    """Two installs of the package (two environments, two checkouts) never share a kept file: one shared by
    eight checkouts had grown to 5 MB, read at every start."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    here = compile_cache._file("regex")
    monkeypatch.setattr(compile_cache, "_INSTALL", "00000000")
    assert compile_cache._file("regex") != here and here.startswith(str(tmp_path))


# `spoken` folds spaces before its last two patterns; each was written to open with a literal (scanned in C).
_SPACED = st.lists(st.sampled_from(["a", "ә", "Б", "5", " ", "-", ".", ",", "!", "?", ";", ":", "…", "–", "\t", "\u00a0"]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SPACED)
def test_the_last_tidying_of_spoken_text_is_what_the_looser_patterns_did(text):
    folded = " ".join(text.split())
    assert base._SPACE_BEFORE_MARK.sub("", folded) == re.sub(r"\s+([.,!?;:…])", r"\1", folded)
    assert base._HYPHEN_GAP.sub("-", folded) == re.sub(r"(?<=[^\W\d_]) -(?=[^\W\d_])", "-", folded)
    assert base._HYPHEN_GAP.sub("-", text) == re.sub(r"(?<=[^\W\d_]) -(?=[^\W\d_])", "-", text)


def _is_own_slowly(house, source: str) -> bool:
    """`House.is_own` as it was: every word folded, the generic ones left out, the rest joined."""
    words = source.split()
    if len(words) > 6:
        return False
    generic = {_fold(word) for word in house.settings.get("channel_words", ())}
    own = {_fold(name) for name in (*house.channel.values(), *house.aliases)}
    return "".join(folded for folded in map(_fold, words) if folded not in generic) in own


def test_the_house_knows_its_own_name_from_the_first_word_that_opens_none_of_its_names():
    from broadcast.house import available, load_house

    for name in available():
        house = load_house(name)
        names = [*house.channel.values(), *house.aliases]
        words = list(house.settings.get("channel_words", ()))
        sources = [*names, *(f"{word} {channel}" for word in words[:5] for channel in names), *(f"{n} {n}" for n in names)]
        sources += [f"{channel}.".upper() for channel in names] + ["", "24", "Хабар", "хабар 24 арнасы", "Беларусь 24"]
        sources += [text for line in LINES for text in (line.strip(), " ".join(line.split()[:2]), " ".join(line.split()[-3:]))]
        assert any(house.is_own(source) for source in sources)
        for source in sources:
            assert house.is_own(source) == _is_own_slowly(house, source), (name, source)


def test_kazakh_number_tables_are_made_for_each_rules_table_once():
    from broadcast.languages import kk

    rules = languages.get("kk").lexicon.rules
    assert kk._tables(rules) is kk._tables(rules)
    other = {"ordinal": {"nouns": ["жыл"]}, "numbers": {"phone_words": ["нөмір"]}}
    assert kk._tables(other)[0] == ("жыл",) and kk._tables(other)[5] == ("нөмір",)
    assert kk._ordinal_noun("жылы", other) and not kk._ordinal_noun("адам", other)


def test_no_line_is_skipped_by_the_credit_words_that_a_credit_would_match():
    from broadcast.languages._triggers import AnyGuard
    from broadcast.parse import credits as credits_module

    for code in ("kk", "ru", "en"):
        guard = AnyGuard(tuple(pattern for pattern, _ in credits_module._compiled(code)))
        guard._asked = 10**6  # learnt at once
        assert guard.could_match("") is False or guard._words is not None
        for line in [*LINES, "ОБ ЭТОМ СООБЩАЕТ KAZTAG.", "Бұл туралы ҚАЗАҚПАРАТ хабарлайды", "İ ſ K"]:
            if not guard.could_match(line):
                assert all(pattern.search(line) is None for pattern, _ in credits_module._compiled(code)), (code, line)


def test_credit_words_are_searched_in_the_text_for_a_case_sensitive_pattern_and_folded_for_another():
    from broadcast.languages._triggers import AnyGuard

    guard = AnyGuard((re.compile(r"(?:reports|told)\s+\w+"), re.compile(r"деп\s+хабарлайды", re.IGNORECASE)))
    guard._asked = 10**6
    assert guard.could_match("Reuters reports it") and not guard.could_match("Reuters REPORTS it")
    assert guard.could_match("ДЕП ХАБАРЛАЙДЫ") and guard.could_match("деп хабарлайды")
    assert not guard.could_match("Бүгін Астанада") and guard.could_match("Бүгін ſ")  # ſ: not plain case
    assert AnyGuard((re.compile(r"\w+"),))._learn()[0].search("")  # no word needed: always yes


_ACRONYM_TEXT = st.lists(st.sampled_from(["ҚР", "Ил", "-", "76", " ", "ДТП", "А", "б", "Қ", "ХХІ", "М-32", "a", "ЁЖ", ",", "."]), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ACRONYM_TEXT)
def test_no_acronym_is_left_unspelled_by_the_two_capitals_pre_check(text):
    from broadcast.languages._acronyms import _MAY_BE_ACRONYM, CYRILLIC_ACRONYM

    if CYRILLIC_ACRONYM.search(text):
        assert _MAY_BE_ACRONYM.search(text), text


def test_no_line_of_the_fixtures_has_an_acronym_the_pre_check_misses():
    from broadcast.languages._acronyms import _MAY_BE_ACRONYM, CYRILLIC_ACRONYM

    found = [line for line in LINES if CYRILLIC_ACRONYM.search(line)]
    assert found and all(_MAY_BE_ACRONYM.search(line) for line in found)


def test_the_lines_after_a_line_are_found_without_copying_the_rest_of_the_text():
    from broadcast.parse.transcript import _following, _next_text

    texts = [path.read_text(encoding="utf-8").split("\n") for path in sorted(FIXTURES.rglob("*.txt"))[:40]]
    texts += [["", "  a ", "", "b", "c "], [], ["x"]]
    for lines in texts:
        for number in range(len(lines) + 1):
            slow = [(n, line.strip()) for n, line in enumerate(lines[number:], start=number + 1) if line.strip()]
            assert _following(lines, number, 2) == slow[:2]
            assert _following(lines, number, 12) == slow[:12]
            assert _next_text(lines, number) == (slow[0][1] if slow else "")


_GATED_WORDS = st.sampled_from(
    ["Фото:", "photo", "Сурет", "image", ":", "(", ")", "2021", "№", "«Adyrna»", '"', "“", "portaly", "ұлттық порталы",
     "news agency", "http://x.kz", "www.", "@", ".", "img_1234.jpg", "DSC", "-", "Аида", "ſ", "K", "kz", "Қазақстан", "a",
     "1234567", "12345678", "#tag", "#", "Author:", "By", "reporting by", "12:30,", "5 May 2024", "реклама", "©",
     "3fa85f64-5717-4562-b3fc-2c963f66afa6", "x" * 40, "ru", "en", "Ерлан", "ago", "5 minutes",
     # white space of every kind and width (a tag cloud's wide spaces), and strings of several words
     "\t", "  ", "\u00a0", "\u2003\u2003", "Read also", "see  also", "by", "Follow us", "more news", "мы есть в",
     "Читайте также", "Сондай-ақ оқыңыз", "alsoread", "President of Kazakhstan", "Akorda"]
)


def _with_the_shortcut(monkeypatch) -> None:
    monkeypatch.setattr(furniture_module, "_asked", [furniture_module.SHORTCUT_AFTER])


@settings(max_examples=300, deadline=None)
@given(st.lists(_GATED_WORDS, min_size=1, max_size=8).map(" ".join))
def test_no_generated_line_is_named_other_furniture_by_the_rules_its_words_leave(line):
    saved = furniture_module._asked[0]
    furniture_module._asked[0] = furniture_module.SHORTCUT_AFTER
    try:
        assert furniture_module._furniture(line) == _one_by_one(line), line
    finally:
        furniture_module._asked[0] = saved


def test_the_fixtures_lines_are_named_the_same_by_the_rules_their_words_leave(monkeypatch):
    _with_the_shortcut(monkeypatch)
    gated, always = furniture_module._gates(FURNITURE)
    assert gated and always
    for line in LINES:
        assert furniture_module._furniture(line) == _one_by_one(line), line
    for _, needs, _, _ in gated:  # each gate's letters: a case-insensitive match of them is equal lower cases
        for letter in set("".join(needs or ())):
            assert not furniture_module.NOT_PLAIN.match(letter) and letter == letter.lower(), needs


def _held_slowly(plan, lower: str) -> set[str]:
    return {string for string in plan.having if string != furniture_module.WIDE_GAP and string in lower}


@settings(max_examples=300, deadline=None)
@given(st.lists(_GATED_WORDS, min_size=1, max_size=8).map(" ".join))
def test_the_strings_a_line_holds_are_found_word_by_word(line):
    """The shortcut finds the strings it looks for in a line's words (kept for each word) and those with white space
    in them in the line where their longest piece is in a word: the strings the whole line holds."""
    plan = furniture_module._Plan(FURNITURE)
    lower = line.strip().lower()
    assert plan.held(lower) == _held_slowly(plan, lower), line
    assert plan.held(lower) == _held_slowly(plan, lower), line  # again, from the words kept


def test_the_fixtures_lines_hold_the_strings_found_word_by_word():
    plan = furniture_module._Plan(FURNITURE)
    assert plan.spaced and plan.wide
    for line in LINES:
        lower = line.strip().lower()
        assert plan.held(lower) == _held_slowly(plan, lower), line


def test_an_alternative_that_needs_two_white_spaces_in_a_row_is_tried_only_where_they_are():
    parse = lambda pattern: list(furniture_module._parser.parse(pattern, re.IGNORECASE).data)  # noqa: E731
    in_a_row = furniture_module._spaces_in_a_row
    for needs in (r"a\s{3,}b", r"a\s\sb", r"(?:x\s{2}y)+", r"(?:\s\s|\s{2,}z)", r"q(?:\s{2,}+)"):
        assert in_a_row(parse(needs)), needs
    for not_needed in (r"a\s+b", r"a\s{1,3}b", r"(?:x\s{2}y)*", r"(?:\s\s|z)", r"\s\S\s", r"[\s.]{2}", r"a(?:\s{3})?"):
        assert not in_a_row(parse(not_needed)), not_needed
    gated = [re.compile(branch, re.IGNORECASE) for _, needs, _, branch in furniture_module._gates(FURNITURE)[0] if needs == {furniture_module.WIDE_GAP}]
    assert gated
    for branch in gated:
        for line in [*LINES, "President of Kazakhstan    Akorda presidential residence", "a\t\tb  c"]:
            if branch.match(line.strip()):
                assert furniture_module._WIDE.search(line.strip()), (branch.pattern, line)


def test_a_rule_is_tried_as_its_alternatives_only_where_they_mean_alone_what_they_meant_in_it():
    branches = furniture_module._branches
    assert branches(r"a|b(?:c|d)") == ("a", "b(?:c|d)")
    assert branches(r"[|]x|y") == ("[|]x", "y") and branches(r"[]|]x|y") == ("[]|]x", "y") and branches(r"\|x|y") == (r"\|x", "y")
    assert branches(r"(?:a|b)") == (r"(?:a|b)",)
    for whole in (r"(a)x|\1y", r"(?i)ax|by", r"(a)?x|(?(1)b|c)", r"ax|ay", "a|b"):  # by number, flags, merged by Python
        assert branches(whole) == (whole,), whole
    for _, pattern in FURNITURE:
        assert "|".join(branches(pattern)) == pattern


def test_the_longest_line_an_alternative_matches_whole():
    longest = furniture_module._longest
    assert longest(r"\d{1,7}$") == 7 and longest(r"ab(?:c$|de$)") == 4 and longest(r"#[^\W\d_][^#.!?]{0,40}$") == 42
    for unbounded in (r"\d+$", r"ab(?:c$|d)", r"\d{1,7}", r"\d{1,7}$\s*", r"(?:\d$)?"):
        assert longest(unbounded) is None, unbounded
    for _, _, most, source in furniture_module._gates(FURNITURE)[0]:
        branch = re.compile(source, re.IGNORECASE)
        for line in LINES:
            if most is not None and branch.match(line.strip()):
                assert len(line.strip()) <= most, (branch.pattern, line)


def test_a_mark_no_plain_character_matches_is_never_in_a_line_of_plain_case():
    assert furniture_module._unplain_alone("→") and furniture_module._unplain_alone("ý")
    assert not furniture_module._unplain_alone("\u212a") and not furniture_module._unplain_alone("ı")  # Kelvin sign: k; ı: I


def _credit_form_left_out_finds_the_same(line: str) -> None:
    from broadcast.parse import credits as credits_module

    for source, (needs, lighter) in credits_module._LIGHTER.items():
        if re.search(needs, line, re.IGNORECASE) is None:
            whole = [(match.span(), match.groupdict()) for match in re.finditer(source, line, re.IGNORECASE)]
            light = [(match.span(), match.groupdict()) for match in re.finditer(lighter, line, re.IGNORECASE)]
            assert whole == light, line
    assert {lighter for _, lighter in credits_module._LIGHTER.values()} <= credits_module.CREDIT_PATTERNS


def test_a_credit_pattern_without_a_form_the_line_cannot_hold_finds_what_it_found_on_every_fixture_line():
    for line in LINES:
        _credit_form_left_out_finds_the_same(line)


_CREDIT_WORDS = st.sampled_from(
    ["Kazinform", "reports", "reported", "learnt", "has learned", "according to", "from", "the ministry", ",", ".", "!",
     "«Astana»", '"Trend"', "“Kapital”", "citing", "quoting", "Zakon.kz", "News Agency", "Next", "said", "reports.", "»."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CREDIT_WORDS, min_size=1, max_size=10).map(" ".join))
def test_a_credit_pattern_without_a_form_the_line_cannot_hold_finds_what_it_found_in_generated_text(line):
    _credit_form_left_out_finds_the_same(line)


def _shortcut_steps() -> list[tuple[str, object]]:
    """Every spoken-form step with a shortcut of its own: an `anchored_step` (its `slow` way kept) or a `sub` with a
    `gate`."""
    found = []
    for code in ("kk", "ru", "en"):
        for step in (*languages.get(code, ()).spoken_steps, *base.TIDY, *base.PREPARE):
            if hasattr(step, "slow") or hasattr(step, "gate"):
                found.append((code, step))
    return found


SHORTCUT_STEPS = _shortcut_steps()
# Amount-shaped texts: figures, signs, currency and rate symbols, spaces of every kind, commas and stops, suffixes.
_AMOUNT_ALPHABET = st.sampled_from(
    [*"0123456789 ,.;:-–—%$€₸£¥₽°/\u00a0\u202f\u2009", "тг", "теңге/кг", "км/сағ", "ц / га", "м/с", "млн", "млрд", "мың",
     "-ға", "-ке", "жыл", "пайыз", "C", "С", "к", "м", "т", "ц", "!", "?", "…", "A.", "Б.", " нөміріне", " қысқа", "1414",
     " тг", "°С", "-кг", "/л", "тең"]
)


def _same_as_slow(step, text: str) -> None:
    if hasattr(step, "slow"):
        assert step(text) == step.slow(text), text
    if hasattr(step, "gate") and not step.gate.search(text):
        assert step(text) == text and not any(
            cell.cell_contents.search(text) for cell in step.__closure__ or ()
            if isinstance(cell.cell_contents, re.Pattern) and cell.cell_contents is not step.gate
        ), text


def test_there_are_shortcut_steps_to_test():
    assert sum(hasattr(step, "slow") for _, step in SHORTCUT_STEPS) >= 1
    assert sum(hasattr(step, "gate") for _, step in SHORTCUT_STEPS) >= 3


def test_no_line_of_the_fixtures_is_said_otherwise_by_a_step_s_shortcut():
    for _, step in SHORTCUT_STEPS:
        for line in LINES:
            _same_as_slow(step, line)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_AMOUNT_ALPHABET, max_size=24).map("".join))
def test_no_generated_text_is_said_otherwise_by_a_step_s_shortcut(text):
    for _, step in SHORTCUT_STEPS:
        _same_as_slow(step, text)


@dataclass(frozen=True)
class _QuoteLine:
    text: str
    source_line: int


def _unclosed_quotation_slow(lines) -> bool:
    """The reader's check as it was: every line joined again at each question (the yardstick)."""
    if not transcript_module._opens_with_quotation(lines):
        return False
    text = " ".join(line.text for line in lines)
    if "«" in text:
        return text.count("«") > text.count("»")
    start = len(lines) - 1
    while start > 0 and lines[start - 1].source_line == lines[start].source_line - 1:
        start -= 1
    paragraph = " ".join(line.text for line in lines[start:])
    if "„" in paragraph:
        return paragraph.count("„") > paragraph.count("“")
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.booleans(), st.text(alphabet='ab «»„“”"', max_size=6)), max_size=25))
def test_the_counted_quotation_marks_are_those_of_the_joined_lines(steps):
    """Lines added to one of three quotes at a time (the kept counts follow one list), with and without a blank
    line before each: the same answer as joining the lines at each question."""
    quotes: list[list[_QuoteLine]] = [[], [], []]
    for which, gap, text in steps:
        lines = quotes[which]
        number = (lines[-1].source_line if lines else 0) + (2 if gap else 1)
        lines.append(_QuoteLine(text if lines else "«" + text if which else '"' + text, number))
        assert transcript_module._unclosed_quotation(lines) == _unclosed_quotation_slow(lines)


def test_a_long_quote_without_a_blank_line_is_not_counted_again_at_each_line():
    """Each line of an open quote asks whether its quotation mark is still open; counted from the start each time,
    20,000 lines with no blank line were minutes of work (n²); counted once, well under a second."""
    lines: list[_QuoteLine] = []
    started = time.process_time()
    for number in range(1, 20_001):
        lines.append(_QuoteLine(("“" if number == 1 else "") + f"Мы продолжим работу, сказал он {number}", number))
        assert transcript_module._unclosed_quotation(lines)
    assert time.process_time() - started < 5


def _next_story_slow(lines, content, first, last):
    """`page._next_story` as it was: each candidate looked at every line above it again (the yardstick)."""
    if not first:
        return 0
    for index, (number, text) in enumerate(content):
        if number <= first or number > last or page_module._ENDS.search(text) or not 3 <= page_module._words(text) <= page_module.TAIL_WORDS:
            continue
        previous = next((n for n in range(number - 1, first, -1) if lines[n - 1].strip()), 0)
        following = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), 0)
        if following and furniture(lines[following - 1]) == "date stamp" and not any(
            " ".join(text.split()) == " ".join(raw.split()) for raw in lines[: number - 1]
        ):
            after = next(((n, t) for n, t in content if n > following), None)
            if after is not None and page_module._opens_story(after[1]):
                return number
        if not previous or furniture(lines[previous - 1]) != "date stamp":
            continue
        if any(" ".join(text.split()) == " ".join(raw.split()) for raw in lines[: number - 1]):
            continue
        if index + 1 < len(content) and page_module._opens_story(content[index + 1][1]):
            return previous
    return 0


def test_the_page_frames_every_fixture_as_the_slow_next_story_did(monkeypatch):
    files = [*FIXTURES.rglob("*.txt"), *(ROOT / "examples").glob("*.txt"), *(ROOT / "benchmarks").rglob("*.txt")]
    texts = [path.read_text(encoding="utf-8").splitlines() for path in files]
    fast = [page_module.frame(lines) for lines in texts]
    monkeypatch.setattr(page_module, "_next_story", _next_story_slow)
    assert [page_module.frame(lines) for lines in texts] == fast


def _feed_page(blocks: int) -> list[str]:
    """A news feed's page: our story, then other stories' headlines each with a date stamp above or below it and
    a line that opens no story, then our story's last sentence."""
    lines = ["ALMATY. The government said on Tuesday that it would build new roads in the north next year.", ""]
    for number in range(blocks):
        if number % 2:
            lines += ["12.03.2024 14:35", f"Government plans new roads in region {number}", f"more {number}", ""]
        else:
            lines += [f"Farmers expect a larger harvest in district {number}", "12.03.2024 14:35", f"more {number}", ""]
    return lines + ["The ministry said the work would start in the spring and end within two years."]


def test_a_page_of_many_dated_headlines_is_framed_in_linear_time():
    """Each headline-like line beside a date stamp asked whether the page showed it higher up by comparing it with
    every line above: 6,000 of them were minutes (n²); with each line's first showing worked out once, a second."""
    small = _feed_page(40)
    content = [(n, raw.strip()) for n, raw in enumerate(small, start=1) if raw.strip() and not furniture(raw)]
    assert page_module._next_story(small, content, 1, len(small)) == _next_story_slow(small, content, 1, len(small))
    lines = _feed_page(6_000)
    content = [(n, raw.strip()) for n, raw in enumerate(lines, start=1) if raw.strip() and not furniture(raw)]
    started = time.process_time()
    assert page_module._next_story(lines, content, 1, len(lines)) == 0
    assert time.process_time() - started < 10


@pytest.mark.parametrize("name", ["_is_surname", "_is_role", "_folded_words"])
def test_the_word_tests_a_name_run_asks_for_each_capitalised_word_are_cached(name):
    """`_mentions` asks these of every capitalised word of every line (a long article repeats its words): each keeps
    its answers. A function written in between once took `_is_role`'s cache decorator, and every line of
    `broadcast time` paid some 4% more for it."""
    question = getattr(quotes_module, name)
    assert hasattr(question, "cache_info"), f"{name} lost its cache"
    word = "Министр" if name != "_folded_words" else "Ирина Новикова"
    assert question(word) == question.__wrapped__(word)


def test_the_furniture_alternatives_kept_between_runs_are_the_ones_worked_out(tmp_path, monkeypatch):
    """The shortcut's analysis of each furniture rule (its alternatives, the words each needs, the longest line each
    matches) is kept between runs: what a later run reads back is what parsing the rules gives."""
    monkeypatch.setattr(compile_cache, "_values", None)
    fresh = [furniture_module._alternatives(pattern) for _, pattern in FURNITURE]
    file = str(tmp_path / "values.marshal")
    for _ in range(2):
        monkeypatch.setattr(compile_cache, "_values", compile_cache._Values(file))
        assert [furniture_module._alternatives(pattern) for _, pattern in FURNITURE] == fresh
        compile_cache._values.save()  # type: ignore[union-attr]
    assert any(kind == furniture_module._ALTERNATIVES for kind, _ in compile_cache._Values(file).kept)


def test_a_line_that_cannot_be_an_outlets_line_a_byline_or_a_label_is_not_matched_against_them():
    """credit_alone asks its three patterns only of a line with what every match of each needs (a quotation mark, a
    Latin capital first, a colon last): the same answers as asking every line."""
    lines = [line.strip() for line in LINES] + ['Национальный портал "Adyrna"', '"Adyrna" ұлттық порталы', "Trend:",
                                                "By Huseyn Hasanov – Trend:", "Leman Zeynalova – Trend"]
    for line in lines:
        assert (transcript_module._OUTLET_LINE.match(line) is not None) <= transcript_module._may_name_outlet(line)
        assert (transcript_module._SIGNED_FOR.match(line) is not None) <= ("A" <= line[:1] <= "Z")
        assert (transcript_module._OUTLET_LABEL.match(line) is not None) <= (line[-1:] == ":")


def test_a_question_of_one_argument_is_answered_once_per_read_as_any_other():
    from broadcast.parse import per_read

    asked = []

    @per_read.once
    def one(text: str) -> str:
        asked.append(text)
        return text.upper()

    assert one("a") == "A" and one("a") == "A" and asked == ["a", "a"]  # outside a read: every time
    with per_read.remembered():
        assert [one("b"), one("b"), one("c")] == ["B", "B", "C"]
    assert asked == ["a", "a", "b", "c"]
    assert per_read._one_argument(one.__wrapped__) and not per_read._one_argument(lambda text, language: text)


def _syllables_slow(language, text: str) -> int:
    """Syllables as they were counted: every word of the whole text (the yardstick)."""
    return sum(map(language.word_syllables, map(str.lower, base._WORD.findall(text))))


def _sentence_ends_slow(text: str) -> int:
    text = text.rstrip()
    if not text:
        return 0
    ends = len(base._SENTENCE_END.findall(text))
    return ends if base._SENTENCE_END.search(text[-3:] + " ") else ends + 1


def _counted_the_same(code: str, text: str) -> None:
    language = languages.get(code, ())
    assert language.syllables(text) == _syllables_slow(language, text), text
    assert language.sentence_ends(text) == _sentence_ends_slow(text), text


def test_every_fixture_line_has_the_syllables_and_sentence_ends_of_the_whole_text_count():
    for code in ("kk", "ru", "en"):
        language = languages.get(code, ())
        for line in LINES:
            _counted_the_same(code, line)
            _counted_the_same(code, language.spoken(line))


# Words, marks that end a sentence, closing quotes and brackets, and white space of every kind Python splits on.
_COUNTED_ALPHABET = st.sampled_from(
    [*"аеуиоыәіұүөбвгк aeiouytbxy.!?…\"»”')]([«-'’_0123456789,;:", "\u0301", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c",
     "\x1f", "\x85", "\u00a0", "\u2009", "\u2028", "\u3000", "уа", "иі", "..."]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_COUNTED_ALPHABET, max_size=30).map("".join), st.sampled_from(["kk", "ru", "en"]))
def test_no_generated_text_is_counted_otherwise_token_by_token(text, code):
    _counted_the_same(code, text)


def test_a_segment_s_lines_made_when_read_are_those_made_with_it():
    """`TimedSegment.lines` is made on first reading (a timing table reads none): the same lines, cuts marked, as the
    segments were made with before."""
    from broadcast.pipeline import load
    from broadcast.timing import as_shown, sentences_of
    from broadcast.writers.story import TimedLine, timed_segments

    timed = load(ROOT / "examples" / "khabar24-belarus-kk.txt", slot=40)
    assert timed.fit is not None and timed.fit.cuts
    shown = as_shown(timed.story, timed.timing)
    cut = {(c.segment, c.line, c.sentence) for c in timed.fit.cuts}
    for fit in (timed.fit, None):
        for s, segment in enumerate(timed_segments(timed.story, shown, fit)):
            expected = []
            for i, (line, line_timing) in enumerate(zip(timed.story.segments[s].lines, shown.segments[s].lines)):
                parts = tuple((written, fit is not None and (s, i, k) in cut) for k, (written, _) in enumerate(sentences_of(line)))
                if not any(struck for _, struck in parts):
                    parts = ((line.text, False),)
                expected.append(TimedLine(line, line_timing, all(struck for _, struck in parts), parts))
            assert segment.lines == tuple(expected)


def _opens_story_slow(text: str) -> bool:
    """`page._opens_story` as it was before it asked a line's length before whether it is a headline."""
    if page_module._said_twice(text):
        return False
    found = page_module.dateline(text)
    if found is not None and page_module._words(found.rest) >= 3:
        return True
    if page_module.headline_style(text):
        return False
    return bool(page_module._ENDS.search(text)) and page_module._words(text) >= page_module.BODY_WORDS and not (
        page_module._BULLET.match(text)
    )


_HEADLINE_SHAPED = [
    "Kazakh Minister Supports Strong Ties with U.S.", "President Askar Akayev Appeals To Nation To Be United.",
    "Short line 12.", "Бір екі үш төрт бес алты жеті сегіз.", "- Item one two three four five six seven eight.",
    "ASTANA. KAZINFORM The President met the delegation on Monday.", "Астана, 5 наурыз. Бүгін елордада жиын өтті.",
    "ASTANA. KAZINFORM - Жиын өтті бүгін.", "ASTANA. KAZINFORM - Жиын өтті.", "АСТАНА, 24 мая. /ТАСС/. Встреча прошла хорошо.",
    "Kyzylorda-news.kz. Қызылорда облысы жиын.", "date 2018-09-26 ASTANA. KAZINFORM - Three more words.",
    "Baku/02.10.20/Turan: Three more words.", "ANKARA- Anadolu Agency", "SHYMKENT, Kazakhstan -- A group met.",
]


def _datelines_of_every_form() -> list[str]:
    lines = [line.strip() for line in [*LINES, *_HEADLINE_SHAPED]]
    return [line for line in lines if page_module.dateline(line) is not None]


def test_what_follows_a_dateline_has_a_word_fewer_than_its_line():
    """`_opens_story` asks no dateline of a line under four words: every dateline form takes a word and ends outside
    one, so what follows it (three words open a story) has fewer words than the line."""
    found = _datelines_of_every_form()
    assert len(found) >= 20
    for line in found:
        rest = page_module.dateline(line).rest
        assert line.endswith(rest) and page_module._words(rest) <= page_module._words(line) - 1, line


_DATELINE_PIECES = st.sampled_from([
    "ASTANA", "Астана", "АСТАНА", "KAZINFORM", "ТАСС", "Kazinform", "date 2018-09-26 ", "2 ақпан", "Feb. 19", "(AP)",
    "/ТАСС/", "/Корр. БЕЛТА/", "Kazakhstan", "Turan", "02.10.20", "Kyzylorda-news.kz", "тілшісі", "агенттігі", "Мир",
    " ", "  ", ", ", ". ", " - ", " – ", " -- ", "/", ":", ".", "-", "ab", "Word", "x1", "_",
])


_DATELINE_SHAPED = st.tuples(
    st.sampled_from(["", "date 2018-09-26 "]), st.sampled_from(["ASTANA", "Астана", "НУР-СУЛТАН", "Baku", "SHYMKENT, Kazakhstan"]),
    st.sampled_from(["", ". ", ", ", "/", ","]), st.sampled_from(["", "2 ақпан", "Feb. 19", "16 мар", "02.10.20", "March 2, 2011"]),
    st.sampled_from(["", ". ", ", ", "/", " "]), st.sampled_from(["", "KAZINFORM", "(AP)", "/ТАСС/", "Turan", "РИА Новости", "Kazinform"]),
    st.sampled_from(["", " - ", " – ", " -- ", ": ", " ", ". ", "/. ", "-"]),
    st.lists(st.sampled_from(["Word", "ел", "Бүгін", "x1", "met", "1", "«Сөз»", "A."]), max_size=4).map(" ".join),
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(_DATELINE_PIECES, min_size=1, max_size=9).map("".join), _DATELINE_SHAPED))
def test_no_generated_dateline_leaves_as_many_words_as_its_line(line):
    found = page_module.dateline(line.strip())
    if found is not None:
        assert page_module._words(found.rest) <= page_module._words(line.strip()) - 1
    assert page_module._opens_story(line.strip()) == _opens_story_slow(line.strip())


def test_a_line_too_short_for_copy_opens_a_story_only_by_its_dateline():
    """`_opens_story` asks a line's words before `headline_style`: the same answer for every fixture line."""
    for line in [*LINES, *_HEADLINE_SHAPED]:
        text = line.strip()
        assert page_module._opens_story(text) == _opens_story_slow(text), text


def test_the_blocks_found_once_for_a_read_are_the_blocks_each_pass_found():
    """`_read` finds a text's blocks once and hands them to the headline, subheadings and double-spacing passes:
    each answers as it does finding them itself."""
    from pathlib import Path

    from broadcast.house import House
    from broadcast.parse.builder import StoryBuilder

    language = languages.get("kk")
    files = [*FIXTURES.rglob("*.txt"), *(ROOT / "examples").glob("*.txt")]
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        blocks = transcript_module._blocks(lines)
        kept = [list(block) for block in blocks]
        headline = transcript_module._headline(lines, language)
        assert transcript_module._headline(lines, language, blocks) == headline, path
        assert transcript_module._subheadings(lines, headline, language, frozenset(), blocks) == (
            transcript_module._subheadings(lines, headline, language)), path
        warned = []
        for given_blocks in (None, blocks):
            story = StoryBuilder(language=language, house=House(name="Test", folder=Path("."), channel={}))
            transcript_module._warn_double_spacing(story, lines, given_blocks)
            warned.append(story.warnings)
        assert warned[0] == warned[1], path
        assert blocks == kept, path  # no pass changes them


# The look-behind written after a pattern's first character (a class Python's engine scans for fast) finds the same
# matches as the look-behind first.
_LOOK_BEHIND_FIRST = {
    "_NAME_RUN": (lambda q: rf"(?<![\w.]){q._NAME_WORD}(?:(?:\s+|(?<=\.))(?:{q._NAME_WORD}))*"),
    "_SURNAME_ALONE": (lambda q: rf"(?<![\w.-])[{q.UPPER}][^\W\d_]{{3,}}(?![\w-])"),
}
_NAME_TEXT = st.lists(
    st.sampled_from(["Ерлан", "Қасым-Жомарт", "Тоқаев", "А.", "Б.", "К.Тоқаев", ".Ерлан", "-Ерлан", "_Ерлан", "1Ерлан", "Ivan",
                     "O'Neil", "МВД", "ҚР", "және", "said", " ", "  ", ".", ",", "-", "«", "»", "ИВАНОВ", "Әсел", "x"]),
    max_size=10,
).map("".join)


def _same_as_look_behind_first(text: str) -> None:
    from broadcast.parse import quotes as quotes_module

    for name, slow in _LOOK_BEHIND_FIRST.items():
        fast, first = getattr(quotes_module, name), re.compile(slow(quotes_module))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in first.finditer(text)], (name, text)
        assert bool(fast.match(text)) == bool(first.match(text)), (name, text)


def test_a_look_behind_after_the_first_capital_finds_what_it_found_first_on_the_fixtures():
    for line in LINES:
        _same_as_look_behind_first(line)


@settings(max_examples=500, deadline=None)
@given(_NAME_TEXT)
def test_a_look_behind_after_the_first_capital_finds_what_it_found_first_in_generated_text(text):
    _same_as_look_behind_first(text)


def test_the_story_s_first_line_is_found_with_its_words_counted_once():
    from broadcast.parse import page

    for keeps in (lambda text: False, lambda text: True, lambda text: "," in text):
        for line in LINES:
            text = line.strip()
            slow = page._opens_story(text) or page._words(text) >= page.BODY_WORDS and keeps(text)
            assert page._opens_or_kept(text, keeps) == slow, text


def test_people_are_read_alike_with_the_quotation_marks_tested_first():
    from broadcast.parse import quotes as quotes_module

    for line in LINES:
        if not ("«" in line or "“" in line or '"' in line):
            assert quotes_module._QUOTED.sub(" ", line) == line, line


# The date stamp's possessive repeats (`{2,12}+`, `\w++`) and the look-ahead before it (`_NOT_A_DATE`): the same
# matches as the greedy repeats it had, with no look-ahead.
_DATE_TEXT = st.lists(
    st.sampled_from(["25", "11", "2025", "14:30", ".", ",", " ", "  ", "·", "•", "|", "Сегодня", "ноября", "May", "3rd",
                     "Atyrau", "date", "2023-05-12", "GMT", "+6", "жылы", "в", "xyzxyzxyzxyzxyz", "_", "-", "назад",
                     "today", "вчера", "бүгін", "gmt", "В", "Jan", "Бұл", "көрсеткіш", "\t", "\u00a0", "5"]),
    max_size=9,
).map("".join)


def _date_stamp_as_it_was() -> re.Pattern[str]:
    pattern = next(pattern for what, pattern in FURNITURE if what == "date stamp")
    assert r"{2,12}+" in pattern and r"\w++" in pattern and pattern.startswith(furniture_module._NOT_A_DATE)
    pattern = pattern.removeprefix(furniture_module._NOT_A_DATE)
    return re.compile(pattern.replace(r"{2,12}+", r"{2,12}").replace(r"\w++", r"\w+"), re.IGNORECASE)


def _same_date_stamp(line: str, greedy: re.Pattern[str]) -> None:
    possessive = re.compile(next(pattern for what, pattern in FURNITURE if what == "date stamp"), re.IGNORECASE)
    fast, slow = possessive.match(line), greedy.match(line)
    assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups())), line


def test_the_date_stamp_matches_what_it_matched_with_greedy_repeats_on_the_fixtures():
    greedy = _date_stamp_as_it_was()
    for line in [*LINES, "Сегодня · 25 ноября 2025, 14:30", "Atyrau, May 3 07:04", "Kazinform | 12 May 2024",
                 "Сегодня в 14:30", "today GMT+6", "вчера 14:30", "Бұл көрсеткіш 989."]:
        _same_date_stamp(line.strip(), greedy)


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXT)
def test_the_date_stamp_matches_what_it_matched_with_greedy_repeats_in_generated_text(line):
    _same_date_stamp(line, _date_stamp_as_it_was())


# The tag cloud with counts and the look-ahead before it (`_FIVE_NUMBERS`): the same matches as without it.
def _tags_with_counts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    tags = next(pattern for what, pattern in FURNITURE if what == "tags")
    form = furniture_module._branches(tags)[0]
    assert form.startswith(furniture_module._FIVE_NUMBERS)
    return re.compile(form, re.IGNORECASE), re.compile(form.removeprefix(furniture_module._FIVE_NUMBERS), re.IGNORECASE)


def _same_tags(line: str, fast: re.Pattern[str], slow: re.Pattern[str]) -> None:
    quick, full = fast.match(line), slow.match(line)
    assert (quick and quick.span()) == (full and full.span()), line


def test_the_tag_cloud_with_counts_matches_what_it_matched_without_its_look_ahead_on_the_fixtures():
    fast, slow = _tags_with_counts()
    for line in [*LINES, "Astana 12 Almaty 8 Shymkent 5 Aktobe 3 Atyrau 2", "Astana 12 Almaty 8 Shymkent 5 Aktobe 3"]:
        _same_tags(line.strip(), fast, slow)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Astana", "Алматы", " ", "  ", "12", "3", "2025", "\n", ".", "x", "\u00a0", "١٢"]), max_size=16)
       .map("".join))
def test_the_tag_cloud_with_counts_matches_what_it_matched_without_its_look_ahead_in_generated_text(line):
    _same_tags(line, *_tags_with_counts())


# A guard's one-character trigger asked with `in` (`Guard.mark`): where the trigger finds it, and nowhere else.
@pytest.mark.parametrize(
    ("pattern", "flags", "found"),
    [(r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)", 0, ":"), (r"\w+:\s", re.IGNORECASE, ":"), (r"(?<=[^\W\d_])\+(?![\w+])", 0, "+"),
     (r"a\d", 0, "a"), (r"a\d", re.IGNORECASE, None), (r"k\d", re.IGNORECASE, None), (r"[,;:]\s", 0, None), (r"abc", 0, None),
     (r"\d+", 0, None)],
)
def test_a_one_character_trigger_is_a_mark_only_where_no_other_character_matches_it(pattern, flags, found):
    from broadcast.languages._triggers import mark

    assert mark(re.compile(pattern, flags)) == found


def test_a_guard_s_mark_is_in_a_line_exactly_where_its_trigger_finds_it():
    from broadcast.languages._triggers import mark

    marked = [(pattern, found) for pattern in PATTERNS if (found := mark(pattern)) is not None]
    assert marked
    for pattern, found in marked:
        needs = trigger(pattern)
        assert needs is not None
        for line in [*LINES, "ſ K k İ ı"]:
            assert (found in line) == (needs.search(line) is not None), (pattern.pattern, line)


# The signed ranges' gate (a sign, `regex_step(gate=…)`): a text without one is never one the step would change.
_SIGNED_TEXT = st.lists(st.sampled_from([*"0123456789 (,.+−-–°", "…", "...", "°C", "днём ", "0…", "0...", "degrees"]), max_size=12).map("".join)


def _gated_steps() -> list:
    return [step for code in ("kk", "ru", "en") for step in languages.get(code, ()).spoken_steps
            if getattr(getattr(step, "gate", None), "pattern", None) == "[+−-]"]


def test_each_language_s_signed_ranges_step_is_gated_on_a_sign():
    assert len(_gated_steps()) == 3
    for step in _gated_steps():
        for text in ["0…-5", "0 ... +3", "+13+15", "днём +15", "-21-23", "(+1, +3°C)"]:
            assert step.gate.search(text)
        for line in [*LINES, "0…5", "10…20", "0 … 5 градусов"]:
            _same_as_slow(step, line)


@settings(max_examples=500, deadline=None)
@given(_SIGNED_TEXT)
def test_no_generated_text_is_said_otherwise_by_the_signed_ranges_gate(text):
    for step in _gated_steps():
        _same_as_slow(step, text)


# The repeated tag list's possessive words (`\S++`, `\s++`): the same matches as the greedy ones it had.
def _tag_lists() -> tuple[re.Pattern[str], re.Pattern[str]]:
    tags = next(pattern for what, pattern in FURNITURE if what == "tags")
    form = next(branch for branch in furniture_module._branches(tags) if "tag_list" in branch)
    assert r"\S++" in form and r"\s++" in form
    return re.compile(form, re.IGNORECASE), re.compile(form.replace(r"\S++", r"\S+").replace(r"\s++", r"\s+"), re.IGNORECASE)


def _same_tag_list(line: str, fast: re.Pattern[str], slow: re.Pattern[str]) -> None:
    quick, full = fast.match(line), slow.match(line)
    assert (quick and (quick.span(), quick.groups())) == (full and (full.span(), full.groups())), line


def test_the_repeated_tag_list_matches_what_it_matched_with_greedy_words_on_the_fixtures():
    fast, slow = _tag_lists()
    for line in [*LINES, "Astana Almaty news economy Astana Almaty news economy", "a b c d x a b c d", "a b c d e a b c d e f"]:
        _same_tag_list(line.strip(), fast, slow)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "A", "B", "ab", " ", "  ", "\t", "\u00a0", ".", "!", "x"]), max_size=24).map("".join))
def test_the_repeated_tag_list_matches_what_it_matched_with_greedy_words_in_generated_text(line):
    _same_tag_list(line, *_tag_lists())
