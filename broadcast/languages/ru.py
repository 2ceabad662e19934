"""Russian."""
import re

from ._numbers import spell_numbers
from .base import Language, Patterns, dash_pause, strip_quotes, sub, vowel_counter

LANGUAGE = Language(
    code="ru",
    name="Русский",
    letters="ёыэъ",
    patterns=Patterns(
        source=re.compile(
            r"(?:,?\s*(?:[-–—]\s*)?|\s*Об\s+этом\s+)(?:сообщает|передает|передаёт|сообщил[аи]?|пишет)"
            r"\s+(?P<source>[^,.!?]+?)\s*[.!]?$",
            re.IGNORECASE,
        ),
        group_quote=re.compile(
            r"^[\"«“](?P<quote>.+)[\"»”],?\s*[-–—]\s*(?P<verb>говорят|считают|уверены|отмечают|полагают)\s+(?P<who>[^.]+)\.?$"
        ),
    ),
    # Russian: one vowel letter, one syllable.
    word_syllables=vowel_counter("аеёиоуыэюя"),
    spoken_steps=(
        strip_quotes,
        dash_pause,
        sub(r"%", " процентов"),
        spell_numbers("ru"),
    ),
)
