"""Kazakh word grammar the spoken forms need: vowel harmony, suffixes fitted to a stem, ordinals.

The suffix tables are data (`lexicons/kk.toml`, [suffixes]); these functions only read them.
"""
from __future__ import annotations

import re
from typing import Any

BACK = "аоұыяё"
FRONT = "әөүіеэю"
VOWELS = BACK + FRONT + "уи"
_NASAL = "мнң"
_SONORANT = "рйуи"
_VOICED = "жз"
# Back-vowel letter -> front-vowel letter, for re-harmonising a suffix we have no table for.
_TO_FRONT = str.maketrans("аыұоғқ", "еіүөгк")
_TO_BACK = str.maketrans("еіүөгк", "аыұоғқ")


def is_front(word: str) -> bool:
    """Front harmony by the last vowel that decides it; у and и alone decide nothing, so look further back."""
    for char in reversed(word.lower()):
        if char in FRONT:
            return True
        if char in BACK:
            return False
    return "и" in word.lower()


def sound(word: str) -> str:
    """The class of the stem's last sound, as the suffix tables name them."""
    last = word.lower()[-1:]
    if last in _SONORANT:  # a final у or и is a glide: су-ды, ми-ды
        return "sonorant"
    if last in VOWELS:
        return "vowel"
    if last in _NASAL:
        return "nasal"
    if last == "л":
        return "lateral"
    if last in _VOICED:
        return "voiced"
    return "voiceless"


def _form(table: dict[str, list[str]], klass: str, front: bool) -> str:
    forms = table.get(klass) or table["sonorant" if klass == "lateral" else "vowel"]
    return forms[1 if front else 0]


def _family(suffix: str, suffixes: dict[str, dict[str, list[str]]]) -> tuple[dict[str, list[str]], str] | None:
    """The suffix table whose form the written suffix begins with (longest form first), and the rest."""
    best: tuple[dict[str, list[str]], str] | None = None
    best_length = 0
    for table in suffixes.values():
        for forms in table.values():
            for form in forms:
                if len(form) > best_length and suffix.lower().startswith(form):
                    best, best_length = (table, suffix[len(form):]), len(form)
    return best


def harmonise(suffix: str, front: bool) -> str:
    return suffix.translate(_TO_FRONT if front else _TO_BACK)


def attach(stem: str, suffix: str, rules: dict[str, Any], possessive: bool = False) -> str:
    """`stem` with the written `suffix` re-fitted to it: доллар + ке -> долларға, жеті + ға -> жетіге."""
    if not suffix:
        return stem
    last = stem.split()[-1] if stem.split() else stem
    front = is_front(last)
    collective = _COLLECTIVE.match(suffix.lower())
    if collective and last[-1:].lower() in VOWELS:
        # The collective numeral drops the number's last vowel: 2-еуі, 2-уі -> екеуі, 6-ауы -> алтауы.
        return stem[:-1] + ("еу" if front else "ау") + harmonise(suffix[collective.end():], front)
    found = _family(suffix, rules.get("suffixes", {}))
    if found is None:
        return _elide(stem, last, harmonise(suffix, front), rules)
    table, rest = found
    klass = "possessive" if possessive and "possessive" in table else sound(last)
    return _elide(stem, last, _form(table, klass, front) + harmonise(rest, front), rules)


_COLLECTIVE = re.compile(r"[еа]?у(?=[ыі]|$)")


def _elide(stem: str, last: str, added: str, rules: dict[str, Any]) -> str:
    """`stem` + `added`, where a suffix opening with a vowel drops the narrow vowel of a word that loses it
    (the lexicon's [elision]: қырық + ы -> қырқы, 40-ын -> қырқын, халық + ы -> халқы)."""
    if added[:1] in VOWELS and last.lower() in rules.get("elision", {}).get("words", []):
        return stem[: len(stem) - 2] + stem[-1] + added
    return stem + added


def keeps(stem: str, suffix: str, rules: dict[str, Any]) -> bool:
    """Whether the writer's suffix is already the form `stem` takes (it was written for this word)."""
    return attach(stem, suffix, rules) == stem + suffix


def ordinal(cardinal_words: str, rules: dict[str, Any]) -> str:
    """екі мың он жеті -> екі мың он жетінші: the last number word takes -ншы/-нші after a vowel,
    -ыншы/-інші after a consonant; a few words are irregular (data)."""
    words = cardinal_words.split()
    last = words[-1]
    irregular = rules.get("ordinal", {}).get("irregular", {})
    if last in irregular:
        said = irregular[last]
    elif last[-1] in VOWELS:
        said = last + ("нші" if is_front(last) else "ншы")
    else:
        said = last + ("інші" if is_front(last) else "ыншы")
    return " ".join([*words[:-1], said])


def is_possessive_phrase(words: str) -> bool:
    """A name like `Қазақстан Республикасы` ends in a third-person possessive: cases take -н- (Республикасына)."""
    parts = words.split()
    return len(parts) > 1 and parts[-1][-1:].lower() in "ыі"


def is_word(written: str, rules: dict[str, Any]) -> bool:
    """Whether what follows a hyphen is a word of its own rather than a suffix (3-орын, QR-код, not 3-ке, and not
    30%-ында: suffixes after a possessive open with ы or і)."""
    markers = rules.get("ordinal", {}).get("markers", [])
    lower = written.lower()
    if not lower or lower in markers or lower[0] in "ыі":
        return False
    # A short word is a word too when it is no chain of suffixes (QR-код: кью-ар код; but -ке, -ның, -дан are suffixes).
    return not _is_suffix_chain(lower, rules)


# Short affixes that join the case suffixes in a chain: possessive (-ы, -сы), the adjective -ғы (-дағы), -н, the
# collective numeral (3-еуі: үшеуі, 2-уі: екеуі) and the similative (5-тей: бестей).
_LINKS = ("ы", "і", "сы", "сі", "ғы", "гі", "қы", "кі", "н", "еу", "ау", "уі", "дай", "дей", "тай", "тей")


def _is_suffix_chain(written: str, rules: dict[str, Any]) -> bool:
    """Whether `written` is nothing but suffixes one after another (-тарға, -дағы, -ында): GPS-навигатор
    opens like -на but goes on as a word."""
    forms = {form for table in rules.get("suffixes", {}).values() for pair in table.values() for form in pair}
    forms.update(_LINKS)
    ends = {0}
    for end in range(1, len(written) + 1):
        if any(written[start:end] in forms for start in ends if start < end):
            ends.add(end)
    return len(written) in ends
