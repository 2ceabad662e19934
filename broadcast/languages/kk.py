"""Kazakh."""
import re

from ._numbers import spell_numbers
from .base import Language, Patterns, dash_pause, strip_quotes, sub, vowel_counter

LANGUAGE = Language(
    code="kk",
    name="Қазақша",
    letters="әғқңөұүһі",
    patterns=Patterns(
        source=re.compile(
            r"(?:,?\s*деп\s+(?:хабарлайды|хабарлады|жазады)\s+(?P<source>[^,.!?]+?)"
            r"|\s*Бұл\s+туралы\s+(?P<source2>[^,.!?]+?)\s+(?:хабарлады|хабарлайды|мәлімдеді|жазады))\s*[.!]?$",
            re.IGNORECASE,
        ),
        group_quote=re.compile(r"^[\"«“](?P<quote>.+)[\"»”],?\s*[-–—]\s*(?P<verb>дейді|деп\s+санайды|деп\s+есептейді)\s+(?P<who>[^.]+)\.?$"),
    ),
    # Every Kazakh syllable has exactly one vowel.
    word_syllables=vowel_counter("аәеёиоөуұүыіэюя"),
    spoken_steps=(
        strip_quotes,
        dash_pause,
        sub(r"%", " пайыз"),
        spell_numbers("kz"),
    ),
)
