"""Numbers as words, shared by the languages (num2words does the spelling)."""
from __future__ import annotations

import re

from num2words import num2words

_SPACES = "[ \u00a0\u202f]"
# 1 000 000 / 1,000,000 / 2,5 / 2.5 / 30; a language whose comma groups thousands (1,000) adds COMMA_GROUPS.
NUMBER_TEXT = (
    rf"(?<![\d.,])(?:\d{{1,3}}(?:{_SPACES}\d{{3}})+(?!\d)|\d{{1,3}}(?:,\d{{3}}){{2,}}(?![\d,])|\d+(?:[.,]\d+)?)"
)
COMMA_GROUPS = r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])"


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
