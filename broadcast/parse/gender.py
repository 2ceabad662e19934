"""A guess at a speaker's gender from the name, for choosing a guest voice. Wrong guesses are cheap:
the producer corrects them in the markup, so the rules stay small and readable."""
from __future__ import annotations

import re
from typing import TypeGuard

from ..model import Gender

# Kazakh/Russian family names: -ова/-ева/-ина/-ская are feminine forms, -ов/-ев/-ин/-ский masculine.
# Latin transliterations (Novikova, Zhumabayev) follow the same endings.
_FEMALE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына|ская|цкая|ная|ova|eva|yova|ina|yna|skaya|tskaya)$")
_MALE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ной|ный|ov|ev|yov|in|yn|sky|skiy|tsky)$")
# Kazakh patronymic forms: Асқарқызы / Асқар қызы is a woman, Асқарұлы / Асқар ұлы a man.
_FEMALE_PATRONYMIC = re.compile(r"(қызы|кызы|qyzy|kyzy)$")
_MALE_PATRONYMIC = re.compile(r"(ұлы|улы|uly)$")
# Given names in -а/-я that are men's.
_MALE_IN_A = {"никита", "илья", "кузьма", "фома", "лука", "савва", "муса", "иса", "жакия", "мирза", "тимоха"}

# English given names: a short list of the most common, enough for a newsroom's guests.
_ENGLISH_FEMALE = set(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra "
    "ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia "
    "kathleen amy angela helen anna irina olga natalia maria elena julia emma olivia sophia charlotte grace "
    "alice claire rachel hannah victoria catherine jane anne louise ruth diana kate lucy".split()
)
_ENGLISH_MALE = set(
    "james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony "
    "mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan "
    "jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel peter alexander "
    "ivan sergei dmitry nikolai alexei askar nurlan yerlan serik boris oliver harry jack tom ben sam".split()
)


GENDERS: tuple[Gender, ...] = ("female", "male", "unknown")


def is_gender(value: object) -> TypeGuard[Gender]:
    return value in GENDERS


def guess_gender(name: str) -> Gender:
    """`female`, `male` or `unknown` for a name such as "Ирина Новикова" or "John Smith"."""
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", name)]
    if not words:
        return "unknown"
    last = words[-1]
    if _FEMALE_PATRONYMIC.search(last):
        return "female"
    if _MALE_PATRONYMIC.search(last):
        return "male"
    given = words[0]
    if given in _ENGLISH_FEMALE:
        return "female"
    if given in _ENGLISH_MALE:
        return "male"
    for word in reversed(words[1:]):
        if _FEMALE_SURNAME.search(word):
            return "female"
        if _MALE_SURNAME.search(word):
            return "male"
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in name)
    if not cyrillic:
        return "unknown"
    if given in _MALE_IN_A:
        return "male"
    if given.endswith(("а", "я")):
        return "female"
    return "male" if len(words) > 1 else "unknown"
