"""Numbers as words, shared by the languages (num2words does the spelling)."""
from __future__ import annotations

import re
from typing import Callable

from num2words import num2words

from .base import figure

_SPACES = "[ \u00a0\u202f]"
# 1 000 000 / 1,000,000 / 2,5 / 2.5 / 30; a language whose comma groups thousands (1,000) adds COMMA_GROUPS.
NUMBER_TEXT = (
    rf"(?<![\d.,])(?:\d{{1,3}}(?:{_SPACES}\d{{3}})+(?!\d)|\d{{1,3}}(?:,\d{{3}}){{2,}}(?![\d,])|\d+(?:[.,]\d+)?)"
)
COMMA_GROUPS = r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])"


# Roman numerals as newsrooms type them, also with look-alike Cyrillic letters (ХХІ ғасыр).
_ROMAN_LOOKALIKES = str.maketrans("ХІСМ", "XICM")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}


def roman_value(numeral: str) -> int:
    digits = [_ROMAN_VALUES[char] for char in numeral.translate(_ROMAN_LOOKALIKES)]
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))


def roman_numerals(nouns: list[str]):
    """A step: a Roman numeral before one of `nouns` (XXI ғасыр, XXI век) becomes digits for the number rules."""
    if not nouns:
        return lambda text: text
    before = "|".join(re.escape(noun) for noun in nouns)
    # A range of centuries too: XIX–XX веках.
    pattern = re.compile(rf"(?<![\w])([IVXLCМХІС]+)(?:(\s?[–—-]\s?)([IVXLCМХІС]+))?(?=\s+(?:{before}))")

    def said(match: re.Match[str]) -> str:
        first = str(roman_value(match.group(1)))
        return f"{first}{match.group(2)}{roman_value(match.group(3))}" if match.group(3) else first

    return lambda text: pattern.sub(said, text)


# 18:30, 9:05 (a clock time, not a ratio: hours to 23, minutes to 59), with a Kazakh suffix after a hyphen.
CLOCK = re.compile(r"(?<![\d:])(?P<hours>[01]?\d|2[0-3]):(?P<minutes>[0-5]\d)(?![\d:])(?:-(?P<suffix>[^\W\d_]+))?")


def clock_times(say: Callable[[int, int, str], str]):
    """A step: every clock time said by `say(hours, minutes, suffix)`, before the number rules see its digits."""
    return lambda text: CLOCK.sub(lambda m: figure(m, f" {say(int(m['hours']), int(m['minutes']), m['suffix'] or '')} "), text)


def decimal_parts(value: str, comma_groups: bool = False) -> tuple[str, str]:
    """('2', '5') for 2,5 or 2.5; ('1000000', '') for 1 000 000, or 1,000,000 where commas group thousands."""
    digits = re.sub(_SPACES, "", value)
    # Two comma groups are thousands in any language; one (2,500) only where commas group thousands.
    if re.fullmatch(r"\d{1,3}(,\d{3}){2,}" if not comma_groups else r"\d{1,3}(,\d{3})+", digits):
        digits = digits.replace(",", "")
    whole, _, fraction = digits.replace(",", ".").partition(".")
    return whole, fraction


def number_value(value: str, comma_groups: bool = False) -> int | float:
    whole, fraction = decimal_parts(value, comma_groups)
    return float(f"{whole}.{fraction}") if fraction else int(whole)


def cardinal(value: str, lang: str, comma_groups: bool = False, **options: object) -> str:
    return num2words(number_value(value, comma_groups), lang=lang, **options)
