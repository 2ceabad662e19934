"""A guess at a speaker's gender from the name, for choosing a guest voice. Wrong guesses are cheap:
the producer corrects them in the markup, so the rules stay small and readable."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TypeGuard

from ..model import Gender
from ..resources import packaged, read_toml, user_config

# Kazakh/Russian family names: -ова/-ева/-ина/-ская are feminine forms, -ов/-ев/-ин/-ский masculine.
# Latin transliterations (Novikova, Zhumabayev) follow the same endings.
_FEMALE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына|ская|цкая|ная|ova|eva|yova|ina|yna|skaya|tskaya)$")
_MALE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ной|ный|ov|ev|yov|in|yn|sky|skiy|tsky)$")
# Kazakh patronymic forms: Асқарқызы / Асқар қызы is a woman, Асқарұлы / Асқар ұлы a man.
_FEMALE_PATRONYMIC = re.compile(r"(қызы|кызы|qyzy|kyzy)$")
_MALE_PATRONYMIC = re.compile(r"(ұлы|улы|uly)$")


@cache
def _given_names() -> dict[str, Gender]:
    """Given name (lower case) -> gender, from the packaged names list and the user's own."""
    found: dict[str, Gender] = {}
    for path in (packaged("lexicons") / "names.toml", user_config("lexicons") / "names.toml"):
        if not path.is_file():
            continue
        data = read_toml(path, "names list")
        for gender in GENDERS[:2]:
            found.update({str(name).casefold(): gender for name in data.get(gender, [])})
    return found


GENDERS: tuple[Gender, ...] = ("female", "male", "unknown")


def is_gender(value: object) -> TypeGuard[Gender]:
    return value in GENDERS


def guess_gender(name: str) -> Gender:
    """`female`, `male` or `unknown` for a name such as "Ирина Новикова" or "John Smith"."""
    return identify(name)[0]


@lru_cache(maxsize=4096)  # the reader asks it of each name and word of a name, on every line that names someone
def identify(name: str) -> tuple[Gender, bool]:
    """The gender a name tells and whether it tells it for sure: a Kazakh patronymic (-қызы, -ұлы), a
    given name in the names list, a family name's ending (-ова, -ев) are sure; a Cyrillic given name in -а/-я
    (female) or another (male) is a guess."""
    words = [word.casefold() for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", name)]
    if not words:
        return "unknown", False
    last = words[-1]
    if _FEMALE_PATRONYMIC.search(last):
        return "female", True
    if _MALE_PATRONYMIC.search(last):
        return "male", True
    given = _given_names()
    for word in words:
        if word in given:
            return given[word], True
    for word in reversed(words[1:] or words):  # a family name alone (`Abenov said`) tells it too
        if _FEMALE_SURNAME.search(word):
            return "female", True
        if _MALE_SURNAME.search(word):
            return "male", True
    if not any("\u0400" <= char <= "\u04ff" for char in name):
        return "unknown", False
    if words[0].endswith(("а", "я")):
        return "female", False
    return ("male", False) if len(words) > 1 else ("unknown", False)
