"""Latin-script acronyms in Kazakh and Russian copy (NASA, GPS-трекер, EXPO-2017), read as a local anchor says them.

The lexicon's `[latin.say]` gives the known readings; any other acronym is read by one stated rule: as a
word when it can be pronounced (four letters or more, two vowels or more, never three consonants in a row:
NASA, UEFA, KEGOC), else letter by letter by the names the copy's language gives Latin letters (GPS, SMS, IBM).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .base import regex_step

_VOWELS = "AEIOU"
# NASA, GPS, OPEC+, COVID-19, GPS-трекер, NASA-ның: the acronym, then a hyphen and a word, a suffix or a number;
# a Roman numeral (XXI ғасыр, II дүниежүзілік соғыс) is none.
# A single capital before a hyphen and a number names a thing too (B-52, C-130): it is read by its letter name.
ACRONYM = re.compile(
    r"(?<![\w])(?![IVXLCM]+(?![\w+]|-\d))(?P<acronym>[A-Z]{2,}\+?|[A-Z](?=-\d))(?:-(?P<after>[^\W\d_]+|\d+))?(?![\w])"
)


def pronounceable(acronym: str, vowels_needed: int = 2) -> bool:
    """Four letters or more, enough vowels, never three consonants in a row, and no ending a word cannot have (a
    consonant then R or L: TITR is spelled, tee-eye-tee-ar)."""
    letters = acronym.rstrip("+")
    vowels = sum(1 for char in letters if char in _VOWELS)
    return (
        len(letters) >= 4 and vowels >= vowels_needed and not re.search(rf"[^{_VOWELS}]{{3}}", letters)
        and not re.search(rf"[^{_VOWELS}RL][RL]$", letters)
    )


def reading(acronym: str, rules: dict[str, Any]) -> tuple[str, bool]:
    """(how the acronym is said, whether the lexicon knew it)."""
    latin = rules.get("latin", {})
    if acronym in latin.get("say", {}):
        return latin["say"][acronym], True
    plus = " " + rules.get("signs", {}).get("plus", "+") if acronym.endswith("+") else ""
    letters = acronym.rstrip("+")
    if pronounceable(letters):
        sounds, initial = latin.get("sounds", {}), latin.get("initial", {})
        # A word may open with another sound (EXPO: экспо, not ехспо).
        head = initial.get(letters[0], sounds.get(letters[0], letters[0]))
        said = head + "".join(sounds.get(char, char) for char in letters[1:])
        return said.lower() + plus, False
    names = latin.get("letters", {})
    return "-".join(names.get(char, char) for char in letters) + plus, False


def latin_acronyms(rules: dict[str, Any], attach: Callable[[str, str], str]):
    """A step: each Latin acronym said in the copy's letters; a word after its hyphen stands apart
    (GPS-трекер: джи-пи-эс трекер), a number after it names the thing (EXPO-2017, COVID-19: a cardinal),
    a case suffix is fitted to the reading (NASA-ның: насаның)."""
    if not rules.get("latin"):
        return lambda text: text

    def say(match: re.Match[str]) -> str:
        said, _ = reading(match["acronym"], rules)
        after = match["after"] or ""
        if after.isdigit():
            return f"{said} {after}"
        return attach(said, after)

    return regex_step(ACRONYM, say)


def spelled_acronyms(lexicon: Any):
    """A step for English copy: an acronym the lexicon does not know is read as written when pronounceable
    (a word of capitals, one vowel is enough: BRICS), else spelled by the alphabet's letter names (ADB: ay-dee-bee);
    in the plural too (SMEs: ess-em-ees; CEOs: see-ee-ohs)."""

    figure_units = lexicon.rules.get("figure_units", {})

    def say(match: re.Match[str]) -> str:
        acronym, after = match["acronym"], match["after"] or ""
        currency = lexicon.rules.get("currency", {})
        # a unit of [measures] (MW, GWh) is the amount rule's: 1,860 MW is megawatts, not em-double-you
        measures = lexicon.rules.get("measures", {})
        # a 48MP camera: a unit said only after its figure ([figure_units]) is the amount rule's there, letters elsewhere
        after_figure = acronym in figure_units and match.string[: match.start()].rstrip()[-1:].isdigit()
        if lexicon.knows(acronym) or acronym in currency or acronym in measures or after_figure or pronounceable(acronym, 1):
            said = acronym
        elif match.string.startswith("$", match.end()) and f"{acronym}$" in currency:
            return match.group()  # US$205 million: the currency code is the amount rule's
        else:
            said = lexicon.spell(acronym.rstrip("+")) + ("+" if acronym.endswith("+") else "")
        if after.isdigit():
            return f"{said} {after}"  # B-52, KC-901: the letters, then the number (no hyphen left before its words)
        return f"{said}-{after}" if after else said

    def say_plural(match: re.Match[str]) -> str:
        acronym = match["acronym"]
        if acronym in lexicon.word or acronym in lexicon.expand or acronym in lexicon.say or pronounceable(acronym, 1):
            return match.group()
        return lexicon.spell(acronym) + "s"

    spelled, plurals = regex_step(ACRONYM, say), regex_step(PLURAL_ACRONYM, say_plural)
    return lambda text: plurals(spelled(text))


# SMEs, NGOs: an acronym with the plural s, spelled with the s on its last letter's name (ess-em-ees).
PLURAL_ACRONYM = re.compile(r"(?<![\w])(?P<acronym>[A-Z]{2,})s(?![\w])")


_CYRILLIC_VOWELS = "АЕЁИОУЫЭЮЯӘӨҰҮІ"
# ДТП, МЧС, ҚТЖ-ның, ЧМ-2026, the road М-32; not a Roman numeral typed in look-alike letters (ХХІ).
CYRILLIC_ACRONYM = re.compile(
    r"(?<![\w])(?![ХІСМ]+(?![\w]|-\d))(?P<acronym>[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,}|[А-ЯЁӘҒҚҢӨҰҮҺІ](?=-\d))"
    r"(?:-(?P<after>[^\W\d_]+|\d+(?P<model>-\d+)*))?(?![\w])"
)
# What every acronym CYRILLIC_ACRONYM finds holds: two capitals in a row, or a capital before a hyphen and a digit. Most
# lines have neither (a capital opens each sentence): they are not searched (its own trigger is any capital).
_MAY_BE_ACRONYM = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ](?:[А-ЯЁӘҒҚҢӨҰҮҺІ]|-\d)")
# A model or a road written as a short word and a number (Ил-76, Ту-154, МиГ-29, Су-35): the word, then the number.
# A name and its number the same way (Журавлевка-1 серіктестігі: Журавлевка бір; «Союз-5»: Союз пять).
_DESIGNATION = re.compile(
    r"(?<![\w-])(?P<name>[A-ZА-ЯЁ][a-zа-яё]{1,2}[A-ZА-ЯЁ]?|[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,})-(?P<number>\d+)"
    r"(?![\w,.]\d|[\w-])"
)


def cyrillic_pronounceable(acronym: str) -> bool:
    """A consonant, a vowel, a consonant (ЦОН, БАҚ), or four letters or more with two vowels and never three
    consonants in a row (ЦАРЭС) are read as a word; the rest letter by letter (ДТП, МЧС, ВКО, ТОО)."""
    shape = "".join("v" if char in _CYRILLIC_VOWELS else "c" for char in acronym)
    if len(acronym) == 3:
        return shape == "cvc"
    return len(acronym) >= 4 and shape.count("v") >= 2 and "ccc" not in shape


def cyrillic_acronyms(lexicon: Any, attach: Callable[[str, str], str], number: Callable[[str], str] | None = None):
    """A step for Kazakh and Russian copy: an abbreviation the lexicon does not know is read as a word when
    pronounceable, else by the letter names of the copy's [alphabet] (ДТП: дэ-тэ-пэ); `check` names it. A
    designation's hyphen before its number goes too (М-32: эм тридцать два; Ил-76: Ил семьдесят шесть). A model's
    modification after a second hyphen is part of its name, no range (МС-21-300: эм-эс двадцать один триста): with
    `number` (a cardinal said in the nominative) each part is said apart; a year first (ЧМ-2018-2022) keeps its range."""

    def say(match: re.Match[str]) -> str:
        acronym, after = match["acronym"], match["after"] or ""
        if match["model"] and number is not None and len(after.partition("-")[0]) < 4:
            after = " ".join(number(part) for part in after.split("-"))
        if lexicon.knows(acronym) or cyrillic_pronounceable(acronym):
            return match.group() if after == (match["after"] or "") else f"{acronym} {after}"
        return attach(lexicon.spell(acronym), after)

    step = regex_step(CYRILLIC_ACRONYM, say)

    def spoken(text: str) -> str:
        said = step(text) if _MAY_BE_ACRONYM.search(text) is not None else text
        return _DESIGNATION.sub(r"\g<name> \g<number>", said) if "-" in text else said

    return spoken
