"""Numbers as words, shared by the languages (num2words does the spelling)."""
from __future__ import annotations

import re
from typing import Callable

from num2words import num2words

from .base import SpokenStep

# 1 000 000 / 1,000,000 / 2,5 / 2.5 / 30
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")


def cardinal(value: str, lang: str) -> str:
    digits = re.sub(r"[ \u00a0\u202f]", "", value)
    if re.fullmatch(r"\d{1,3}(,\d{3})+", digits):
        digits = digits.replace(",", "")
    number: int | float = float(digits.replace(",", ".")) if re.search(r"[.,]", digits) else int(digits)
    return num2words(number, lang=lang)


def spell_numbers(lang: str, wrap: Callable[[str], str] = lambda words: words) -> SpokenStep:
    """Replace every number left in the text by its cardinal words."""

    def step(text: str) -> str:
        return NUMBER.sub(lambda match: f" {wrap(cardinal(match.group(), lang))} ", text)

    return step
