"""Kazakh respelled for espeak's Kazakh voice, so it keeps the vowels a Kazakh anchor says.

espeak-ng's `kk` voice reads у after a consonant as a bare glide (құру [qʊɾw], су [sw]) and и as [əj] even
in front-vowel words (тиіс [təjɪs]). Before synthesis, у after a consonant is written with the vowel the word's
harmony gives (құру -> құрұу [qʊɾʊw], келу -> келүу) and и in a front-vowel word as ій (тиіс -> тійіс
[tɪjɪs]). The word count never changes, so espeak's word events still name the words of the spoken text.

Only Kazakh words are respelled: a word with a letter Kazakh words do not have (в, ф, ц, ч, ё, э, ю, я, ь,
ъ) is a Russian loan, whose у is [u]; loans and names without one go in the lexicon's [say] (Лукашенко ->
Лұкашенко).

ү is past respelling: the voice's phoneme for it (`u#`) sounds a back [u], and its phoneme table has no [y] or
[ʏ]. A word with ү is therefore handed to espeak as its own phonemes (`[[...]]`, espeak's phoneme input) with
each `u#` made `Y`, the table's front rounded vowel [ø] (ө stays the voice's central [ɵ], so the two stay apart).
The word is still one word, so its word event still names it.
"""
from __future__ import annotations

import re
from typing import Callable

VERSION = 3  # part of the clip cache key: a changed rule makes new clips
_BACK, _FRONT = set("аоұы"), set("әөүіе")
_VOWELS = _BACK | _FRONT | set("уиэюяё")
_CONSONANTS = set("бвгғдждзйкқлмнңпрстфхһцчшщ")
_LOAN_LETTERS = set("вфцчщёэюяьъ")
_WORD = re.compile(r"[^\W\d_]+")
# Russian loans every Kazakh anchor says with [u] and [ɪ] (the stems; endings follow), and the number words the
# figures are said in: written as this voice needs them. Names belong in the lexicon's [say].
LOANS = {
    "миллион": "міллійон", "миллиард": "міллійард", "триллион": "тріллійон", "президент": "презідент",
    "министр": "міністр", "интеграция": "інтеграция", "иновация": "іновация", "инновация": "інновация",
    "индустриал": "індұстриал", "постиндустриал": "постіндұстриал", "дипломатия": "дипломатія", "авиа": "авіа",
    "форум": "форұм", "еуразия": "еуразія", "азия": "азія", "жапония": "жапонія", "структура": "структұра",
    "культура": "культұра", "минут": "мінұт", "секунд": "секұнд", "туризм": "тұризм", "музей": "мұзей",
}
_LOAN_STEMS = sorted(LOANS, key=len, reverse=True)


def respell(text: str) -> str:
    """`text` (spoken Kazakh) with each Kazakh word respelled for espeak's Kazakh voice."""
    return _WORD.sub(lambda match: respell_word(match.group(0)), text)


def respell_word(word: str) -> str:
    lower = word.lower()
    stem = next((stem for stem in _LOAN_STEMS if lower.startswith(stem)), None)
    if stem:
        said = LOANS[stem]
        return (said[0].upper() + said[1:] if word[0].isupper() else said) + word[len(stem) :]
    if _LOAN_LETTERS & set(lower) or not set("уи") & set(lower):
        return word
    out = []
    for index, (letter, low) in enumerate(zip(word, lower)):
        before = lower[index - 1] if index else ""
        if low == "у" and before in _CONSONANTS:
            out.append(("ұ" if _back(lower, index) else "ү") + letter)
        elif low == "и" and not _back(lower, index):
            glide = "" if lower[index + 1 : index + 2] == "й" else "й"
            out.append(("І" if letter.isupper() else "і") + glide)
        else:
            out.append(letter)
    return "".join(out)


def _back(word: str, index: int) -> bool:
    """Whether the letter at `index` sits among back vowels: the nearest harmonic vowel before it, else after it."""
    for vowel in [*reversed(word[:index]), *word[index + 1 :]]:
        if vowel in _BACK:
            return True
        if vowel in _FRONT:
            return False
    return True


# espeak phoneme names: what the kk voice uses for ү, and the front rounded vowel that stands in for it.
BACK_U = "u#"
FRONT_ROUNDED = "Y"


def front_rounded(text: str, phonemes_of: Callable[[str], list[str]]) -> str:
    """`text` (respelled) with each word that has ү written as espeak phoneme input, its ү a front [ø].

    `phonemes_of(word)` gives the voice's phoneme names for one word (espeak_TextToPhonemes). A word whose
    phonemes hold no `u#` is left as written.
    """
    def word(match: re.Match[str]) -> str:
        written = match.group(0)
        if "ү" not in written.lower():
            return written
        names = phonemes_of(written)
        vowels = [name.lstrip("',") for name in names]  # a stress mark comes before its vowel
        if BACK_U not in vowels or any(not name or name.isspace() for name in names):
            return written
        front = [name[: len(name) - len(BACK_U)] + FRONT_ROUNDED if vowel == BACK_U else name
                 for name, vowel in zip(names, vowels)]
        return "[[" + "".join(front) + "]]"

    return _WORD.sub(word, text)


def unbracketed(text: str) -> str:
    """`text` with square brackets made round: `[[` in an article must never reach espeak as phoneme input."""
    return text.replace("[", "(").replace("]", ")")
