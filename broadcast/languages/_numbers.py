"""Numbers as words, shared by the languages (num2words does the spelling)."""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from functools import cache, lru_cache
from types import ModuleType
from typing import Any, Callable

from .base import figure, regex_step

def num2words(number: Any, lang: str = "en", to: str = "cardinal", **options: Any) -> str:
    """num2words' `num2words()` for the languages we speak, loading only their converters."""
    if type(number) is int and not options:  # a story says its years and amounts again and again
        # Once num2words' lang_KZ is loaded (by the first Kazakh number, through num2words as before).
        if lang == "kz" and to == "cardinal" and 0 <= number < _KAZAKH_LIMIT and "num2words.lang_KZ" in sys.modules:
            return _kazakh_cardinal(number)
        return _whole_number_words(number, lang, to)
    converter = _converter(lang)
    if isinstance(number, str):
        number = converter.str_to_number(number)
    return getattr(converter, f"to_{to}")(number, **options)


@lru_cache(maxsize=4096)
def _whole_number_words(number: int, lang: str, to: str) -> str:
    return str(getattr(_converter(lang), f"to_{to}")(number))


# A Kazakh cardinal built as num2words' lang_KZ builds it (tests/test_fast_paths.py checks it against num2words):
# each group of three digits said once and kept, then its scale word. Every line of a long article says a new
# number, and num2words' own path (splitbyx, get_digits) costs about 3 times this.
_KAZAKH_ONES = ("", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_KAZAKH_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_KAZAKH_SCALES = ("", "мың", "миллион", "миллиард", "триллион", "квадриллион")
_KAZAKH_LIMIT = 1000 ** len(_KAZAKH_SCALES)  # past it (and below 0), num2words itself


@cache
def _kazakh_group(group: int) -> str:
    """1..999 in words: жүз is said alone for one hundred (жүз, not бір жүз)."""
    hundreds, rest = divmod(group, 100)
    tens, ones = divmod(rest, 10)
    words = ([_KAZAKH_ONES[hundreds]] if hundreds > 1 else []) + (["жүз"] if hundreds else [])
    return " ".join(words + [word for word in (_KAZAKH_TENS[tens], _KAZAKH_ONES[ones]) if word])


@cache
def _kazakh_thousands(group: int) -> str:
    return f"{_kazakh_group(group)} {_KAZAKH_SCALES[1]}"


def _kazakh_cardinal(number: int) -> str:
    if number < 1000:
        return _kazakh_group(number) if number else "нөл"
    if number < 1_000_000:  # most figures: the thousands, said once and kept, then the rest
        thousands, rest = divmod(number, 1000)
        return f"{_kazakh_thousands(thousands)} {_kazakh_group(rest)}" if rest else _kazakh_thousands(thousands)
    words = []
    scale = 0
    while number:
        number, group = divmod(number, 1000)
        if group:
            words.append(f"{_kazakh_group(group)} {_KAZAKH_SCALES[scale]}" if scale else _kazakh_group(group))
        scale += 1
    return " ".join(reversed(words))


# num2words' own module and class for each language we speak.
_CONVERTERS = {"en": ("lang_EN", "Num2Word_EN"), "kz": ("lang_KZ", "Num2Word_KZ"), "ru": ("lang_RU", "Num2Word_RU")}


@cache
def _converter(lang: str) -> Any:
    module, name = _CONVERTERS[lang]
    return getattr(importlib.import_module(f"{_num2words().__name__}.{module}"), name)()


def _num2words() -> ModuleType:
    """The num2words package without running its __init__, which imports and builds all of its fifty
    languages (30 ms of every start-up): registered as it is, so its language modules load one by one.
    Anything else asked of it (`from num2words import num2words` somewhere) runs the real __init__ then."""
    if "num2words" in sys.modules:
        return sys.modules["num2words"]
    spec = importlib.util.find_spec("num2words")
    assert spec is not None and spec.loader is not None, "num2words is a dependency"
    package = importlib.util.module_from_spec(spec)
    loader = spec.loader

    def complete(name: str) -> Any:
        if importlib.util.find_spec(f"num2words.{name}") is not None:  # `from . import lang_EU` inside it
            return importlib.import_module(f"num2words.{name}")
        del package.__dict__["__getattr__"]
        loader.exec_module(package)
        return getattr(package, name)

    package.__getattr__ = complete  # type: ignore[method-assign]
    sys.modules["num2words"] = package
    return package


_SPACES = "[ \u00a0\u202f]"
# 1 000 000 / 1,000,000 / 2,5 / 2.5 / 30; a language whose comma groups thousands (1,000) adds COMMA_GROUPS.
NUMBER_TEXT = (
    rf"(?<![\d.,])(?:\d{{1,3}}(?:{_SPACES}\d{{3}})+(?:[.,]\d+)?(?![\d.,]\d)(?!\d)|\d{{1,3}}(?:,\d{{3}}){{2,}}(?!\d|,\d)|\d+(?:[.,]\d+)?)"
)
# 1,029.8 too; a comma after the last group is the sentence's (reached 19,899,377, with ...), a comma and a digit not
COMMA_GROUPS = r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"


# Roman numerals as newsrooms type them, also with look-alike Cyrillic letters (ХХІ ғасыр).
_ROMAN_LOOKALIKES = str.maketrans("ХІСМ", "XICM")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}


def roman_value(numeral: str) -> int:
    digits = [_ROMAN_VALUES[char] for char in numeral.translate(_ROMAN_LOOKALIKES)]
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))


def roman_numerals(nouns: list[str], mark: str = "", names: int = 0):
    """A step: a Roman numeral before one of `nouns` (XXI ғасыр, XXI век, ХХІV-туры) becomes digits for the number
    rules, with `mark` after them (a written ordinal ending) where a space parts them from the noun; up to `names`
    capitalised words may stand between (Kazakh: XXIV Қазақстан чемпионаты, the ordinal mark reads either way)."""
    if not nouns:
        return lambda text: text
    before = "|".join(re.escape(noun) for noun in nouns)
    # A range of centuries too: XIX–XX веках.
    pattern = re.compile(
        rf"(?<![\w])([IVXLCМХІС]+)(?:(\s?[–—-]\s?)([IVXLCМХІС]+))?(?=(\s+|-)(?:[^\W\d_a-zа-яәғқңөұүһі][\w-]*\s+){{0,{names}}}"
        rf"(?:{before}))"
    )

    def said(match: re.Match[str]) -> str:
        first = str(roman_value(match.group(1)))
        end = mark if match.group(4).strip() == "" else ""
        return f"{first}{match.group(2)}{roman_value(match.group(3))}{end}" if match.group(3) else first + end

    return regex_step(pattern, said)


# 18:30, 9:05 (a clock time, not a ratio: hours to 23, minutes to 59), with a Kazakh suffix after a hyphen.
CLOCK = re.compile(r"(?<![\d:])(?P<hours>[01]?\d|2[0-3]):(?P<minutes>[0-5]\d)(?![\d:])(?:-(?P<suffix>[^\W\d_]+))?")


def clock_times(say: Callable[[int, int, str], str]):
    """A step: every clock time said by `say(hours, minutes, suffix)`, before the number rules see its digits."""
    def said(m: re.Match[str]) -> str:
        return figure(m, f" {say(int(m['hours']), int(m['minutes']), m['suffix'] or '')} ")

    return regex_step(CLOCK, said)


# 2:1, a score (not a clock: that rule has read those already).
# есепті 2:0-ге жеткізді: a case ending written after a score belongs to its last number (екі-нөлге), as the writer
# fitted it to that word.
_SCORE = re.compile(r"(?<![\d:,.])(?P<a>\d{1,2}):(?P<b>\d{1,2})(?:-(?P<suffix>[а-яёәғқңөұүһі]{1,6})(?![\w-]))?(?![\d:])")


_WORDS = re.compile(r"[^\W\d_]+")


def scores(lang: str, rules: dict[str, Any] | None = None):
    """A step: a score is two cardinals said as one phrase (со счётом 2:1: два-один; 2:1 won: two-one); after a
    word of the lexicon's [ratios] (or before one) it is a ratio, said with its `join` (в соотношении 3:1: три к
    одному, the second in the dative in Russian; by a ratio of 3:1: three to one), hyphenated as an adjective
    before its noun (a 3:1 margin: a three-to-one margin)."""
    ratios = (rules or {}).get("ratios", {})
    words = {word.lower() for word in ratios.get("words", [])}
    # A nought in a score as the lexicon's [scores] zero says it (English: 1:0, one-nil); not in a ratio.
    zero = (rules or {}).get("scores", {}).get("zero")

    def said(m: re.Match[str]) -> str:
        a, b = cardinal(m["a"], lang), cardinal(m["b"], lang)
        before = [word.lower() for word in _WORDS.findall(m.string[max(0, m.start() - 40):m.start()])[-2:]]
        after = _WORDS.match(m.string[m.end():].lstrip())
        if words and (words & set(before) or (after and after.group().lower() in words)):
            join = ratios.get("join", "to")
            if lang == "ru":
                b = cardinal(m["b"], lang, case="d")  # к одному, к двум
            if after and after.group().lower() in words:
                return figure(m, f"{a}-{join}-{b}")
            return figure(m, f"{a} {join} {b}")
        if zero:
            a, b = (zero if int(value) == 0 else words_ for value, words_ in ((m["a"], a), (m["b"], b)))
        return figure(m, f"{a}-{b}{m['suffix'] or ''}")

    return regex_step(_SCORE, said)


def decimal_parts(value: str, comma_groups: bool = False) -> tuple[str, str]:
    """('2', '5') for 2,5 or 2.5; ('1000000', '') for 1 000 000, or 1,000,000 where commas group thousands."""
    if value.isascii() and value.isdigit():  # most figures: a whole number, nothing to take apart
        return value, ""
    digits = re.sub(_SPACES, "", value)
    # Two comma groups are thousands in any language; one (2,500) only where commas group thousands.
    if re.fullmatch(r"\d{1,3}(,\d{3}){2,}" if not comma_groups else r"\d{1,3}(,\d{3})+(\.\d+)?", digits):
        digits = digits.replace(",", "")
    whole, _, fraction = digits.replace(",", ".").partition(".")
    # Trailing zeros are not read: 1,0% is один процент, 2,50 is две целых пять десятых.
    return whole, fraction.rstrip("0")


def number_value(value: str, comma_groups: bool = False) -> int | float:
    whole, fraction = decimal_parts(value, comma_groups)
    return float(f"{whole}.{fraction}") if fraction else int(whole)


def cardinal(value: str, lang: str, comma_groups: bool = False, **options: Any) -> str:
    return num2words(number_value(value, comma_groups), lang=lang, **options)


# Beyond this many digits (999 trillion) a figure is no amount anyone says as one number: it is read digit
# group by digit group, as a code or a serial is (and num2words, int() and float() are never asked for it).
LONGEST_NUMBER = 15
_LONG_NUMBER = re.compile(rf"(?<![\d.,])\d+(?:(?:{_SPACES}|,)\d{{3}})*(?:[.,]\d+)?(?![\d])")
# A figure of more digits than that is written with this many characters in a row, each a digit, a space or a
# mark: a line without such a run (nearly every line) has no figure the step would change.
_LONG_RUN = re.compile(rf"(?:\d|{_SPACES}|[.,]){{{LONGEST_NUMBER + 1}}}")
_DECIMAL_MARK = {"en": "point", "kz": "үтір", "ru": "запятая"}


def _groups(digits: str, lang: str) -> str:
    """`1234567` as `1, 234, 567` said group by group; a group's leading zeros are each said (007: zero zero seven)."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    zero = num2words(0, lang=lang)
    said = []
    for group in groups:
        significant = group.lstrip("0")
        said.append(" ".join([zero] * (len(group) - len(significant)) + ([num2words(int(significant), lang=lang)] if significant else [])))
    return ", ".join(said)


def long_numbers(lang: str):
    """A step: a figure of more than LONGEST_NUMBER digits is said digit group by digit group."""

    def said(match: re.Match[str]) -> str:
        written = match.group()
        if len(written) <= LONGEST_NUMBER:  # no more digits than characters: most figures end here
            return written
        digits = re.sub(r"\D", "", written)
        if len(digits) <= LONGEST_NUMBER:
            return written
        whole, mark, fraction = re.sub(_SPACES, "", written).rpartition(".") if "." in written else (written, "", "")
        if not mark and re.search(r",\d{1,2}$|,\d{4,}$", written):  # 2,5: a decimal comma
            whole, mark, fraction = written.rpartition(",")
        said_whole = _groups(re.sub(r"\D", "", whole), lang)
        if not fraction:
            return figure(match, said_whole)
        return figure(match, f"{said_whole} {_DECIMAL_MARK.get(lang, '.')} {_groups(fraction, lang)}")

    step = regex_step(_LONG_NUMBER, said)
    return lambda text: step(text) if _LONG_RUN.search(text) else text
