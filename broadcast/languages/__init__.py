"""The language registry: every module in this package named by its code (`kk.py`) defines `LANGUAGE`.

A language is imported when first asked for, so a story pays only for its own languages' rules."""
from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import UsageError
from ..model import Segment, Story
from .lexicon import load_lexicon, lexicon_files
from ..registry import entry_names
from ..resources import Stamps, stamps
from .base import Language

__all__ = ["Language", "StoryLanguages", "get", "codes", "detect", "detect_segment", "of_story"]


@cache
def codes() -> list[str]:
    return entry_names(__path__, own=("base", "lexicon", "longwords"))  # modules every language uses


@cache
def _language(code: str) -> Language:
    language = getattr(importlib.import_module(f"{__name__}.{code}"), "LANGUAGE", None)
    if not isinstance(language, Language) or language.code != code:
        raise TypeError(f"{__name__}.{code} must define LANGUAGE with code {code!r}")
    return language


def get(code: str, lexicons: Iterable[Path] = ()) -> Language:
    """The language with its lexicon: the packaged one, the user's, then the `lexicons` files given."""
    if code not in codes():
        raise UsageError(f"unknown language {code!r}; known: {', '.join(codes())}")
    files = lexicon_files(code, lexicons)
    # Keyed by each file's path and change time: an edited or another user lexicon is another lexicon.
    return _with_lexicon(code, stamps(files))


@dataclass(frozen=True)
class StoryLanguages:
    """The languages a story is said in, each resolved once with the user's lexicons: the story's own and any a
    segment is in (a Russian synch in a Kazakh story is timed, spoken and scored by Russian rules, with the
    Russian lexicon). Made once by the pipeline and carried to timing, the audio and the writers."""

    code: str  # the story's language
    by_code: Mapping[str, Language]
    lexicons: tuple[Path, ...] = field(default=(), compare=False)  # the user's lexicon files given, for any other code

    @property
    def story(self) -> Language:
        return self.of_code(self.code)

    def of(self, segment: Segment) -> Language:
        """The language `segment` is said in: its own, else the story's."""
        return self.of_code(segment.language or self.code)

    def of_code(self, code: str) -> Language:
        return self.by_code.get(code) or get(code, self.lexicons)


def of_story(story: Story, lexicons: Iterable[Path] = ()) -> StoryLanguages:
    """Every language of `story` resolved with the packaged, the user's and the given `lexicons`."""
    lexicons = tuple(lexicons)
    wanted = dict.fromkeys([story.language, *(segment.language for segment in story.segments if segment.language)])
    return StoryLanguages(story.language, {code: get(code, lexicons) for code in wanted}, lexicons)


@cache
def _with_lexicon(code: str, stamped: Stamps) -> Language:
    """The language of `code` with its lexicon (cached by the code: hashing the language hashed its patterns)."""
    return replace(_language(code), lexicon=load_lexicon(code, [path for path, _ in stamped[2:]]))


def detect(text: str) -> str:
    """kk when enough words carry Kazakh-only letters, ru for other Cyrillic, en for Latin script."""
    lowered = text.lower()
    # Counted over the distinct characters (a C-speed Counter: a long text repeats them).
    letters = {char: count for char, count in Counter(lowered).items() if char.isalpha()}
    cyrillic = sum(count for char, count in letters.items() if "\u0400" <= char <= "\u04ff")
    if cyrillic * 2 < sum(letters.values()):
        return "en"
    # The words (as split() parts them) with a Cyrillic letter, and those with a Kazakh one, counted by a
    # search in C: a loop over every word's letters in Python was a tenth of reading a short article.
    words = len(_CYRILLIC_WORD.findall(lowered))
    marked = len(_words_with(_language("kk").letters).findall(lowered))
    # Kazakh prose has such letters in a third of its words or more; a Russian text naming a Kazakh
    # place (Қарағанды) has them in a few.
    return "kk" if marked >= max(1, 0.15 * words) else "ru"


# A word (white space around it, as str.split() parts words: both take Unicode's white space) with a letter
# of the Cyrillic block in it.
_CYRILLIC_WORD = re.compile(r"(?<!\S)\S*?[\u0400-\u04ff]\S*")


@cache
def _words_with(letters: str) -> re.Pattern[str]:
    """A Cyrillic word with one of `letters` in it (a letter outside the Cyrillic block also needs one inside)."""
    inside = "".join(char for char in letters if "\u0400" <= char <= "\u04ff")
    outside = "".join(char for char in letters if char not in inside)
    either = [rf"\S*?[{re.escape(inside)}]\S*"] if inside else []
    if outside:
        either += [rf"(?=\S*?[\u0400-\u04ff])\S*?[{re.escape(outside)}]\S*"]
    return re.compile(rf"(?<!\S)(?:{'|'.join(either) or '(?!)'})")


# Words only Russian uses among the Cyrillic languages we know: a Russian synch in a Kazakh story shows them.
_RUSSIAN_WORDS = frozenset(
    "и в не на что это мы я с по для как он она они но из за от же уже все будет есть было был была очень "
    "когда только если у к о при так нас нам наш наши там где который которые чтобы также этого этом".split()
)
_SEGMENT_WORDS = 4


def detect_segment(text: str, story: str) -> str:
    """The language of one segment of a story in `story`: that language unless the segment is plainly in
    another (a Russian synch in a Kazakh story: no Kazakh letters and Russian words; English: Latin
    script). Short segments keep the story's language: a few words tell too little."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < _SEGMENT_WORDS:
        return story
    cyrillic = sum(1 for word in words if "\u0400" <= word[0] <= "\u04ff")
    if cyrillic * 2 < len(words):
        return "en" if "en" in codes() else story
    if story == "en":
        return detect(text)
    kazakh = set(_language("kk").letters) if "kk" in codes() else set()
    marked = sum(1 for word in words if kazakh & set(word))
    russian = sum(1 for word in words if word in _RUSSIAN_WORDS)
    if story == "kk" and marked == 0 and russian >= 2:
        return "ru"
    if story == "ru" and marked >= max(2, 0.3 * len(words)):
        return "kk"
    return story
