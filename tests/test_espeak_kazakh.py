"""Kazakh through espeak keeps its vowels: the engine's respelling (audio/engines/espeak_kk.py) checked against
espeak's own phoneme output (espeak_TextToPhonemes) for every Kazakh word with у or и in the bundled example
and the Kazakh fixtures, and the lexicon's [say] for their names."""
from __future__ import annotations

import re

import pytest

from broadcast import languages
from broadcast.audio.engines import espeak
from broadcast.audio.engines.espeak_kk import respell, respell_word
from broadcast.voices import load_voices

from conftest import ROOT, SEED

VOWELS = set("ɑæeəɪʊuɵoøyʏiaɔɛɯ")
LOAN_LETTERS = set("вфцчщёэюяьъ")  # Russian loans: read as Russian, not respelled by the rules
KAZAKH = languages.get("kk")
VOICE = load_voices()["kk-anchor"]


def _words(letters: str) -> list[str]:
    text = SEED.read_text(encoding="utf-8") + "".join(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "fixtures" / "kk").glob("*.txt"))
    )
    found = {word.lower() for word in re.findall(r"[^\W\d_]+", text) if re.search(f"[{letters}]", word, re.I)}
    return sorted(word for word in found if not LOAN_LETTERS & set(word) and re.fullmatch(r"[а-яәғқңөұүһі]+", word))


WORDS = _words("уи")
FRONT_ROUNDED_WORDS = _words("ү")


def _ipa(text: str) -> str:
    """espeak's IPA for `text` as the kk-anchor voice says it, without stress marks."""
    return espeak.phonemes(text, VOICE).replace("ˈ", "").replace("ˌ", "")


def _vowels(ipa: str) -> int:
    return sum(1 for sound in ipa if sound in VOWELS)


def test_there_are_at_least_a_hundred_words_to_check():
    assert len(WORDS) >= 100


def test_every_word_keeps_a_vowel_for_each_syllable():
    """espeak's phonemes of the respelled word have as many vowels as the word has syllables (у after a
    consonant used to come out as a bare [w]: құру [qʊɾw], алуға, су)."""
    lost = []
    for word in WORDS:
        said = KAZAKH.spoken(word)
        ipa = espeak.phonemes(said, VOICE)
        if _vowels(ipa) != KAZAKH.syllables(said):
            lost.append((word, respell(said), ipa))
    assert not lost


def test_without_the_respelling_espeak_drops_vowels():
    """The check above means something: the same words, spoken raw, lose vowels."""
    library = espeak._library()
    lost = [word for word in WORDS if _vowels(library.phonemes(KAZAKH.spoken(word), "kk")) != KAZAKH.syllables(word)]
    assert len(lost) >= 20


@pytest.mark.parametrize(
    "written, respelled, sound",
    [
        ("құру", "құрұу", "ʊw"),
        ("су", "сұу", "ʊw"),
        ("алуға", "алұуға", "ʊw"),
        ("келу", "келүу", "øw"),  # the harmonising ү, front rounded like every ү (below)
        ("тиіс", "тійіс", "ɪj"),
        ("жиі", "жійі", "ɪj"),
        ("кийім", "кійім", "ɪj"),
        ("тауар", "тауар", "ɑw"),  # у after a vowel is already a glide
        ("жиырма", "жиырма", "əj"),  # и in a back-vowel word is [əj], as written
        ("миллион", "міллійон", "ɪɫ"),  # a loan, and the number word figures are said in
    ],
)
def test_respelling_and_what_espeak_makes_of_it(written, respelled, sound):
    assert respell_word(written) == respelled
    assert sound in _ipa(written)


def test_respelling_keeps_the_words_so_word_events_still_name_them():
    text = SEED.read_text(encoding="utf-8")
    spoken = KAZAKH.spoken(text)
    assert len(respell(spoken).split()) == len(spoken.split())


@pytest.mark.parametrize(
    "written, said, sound",
    [
        ("Лукашенконың", "Лұкашенконың", "ɫʊk"),
        ("Беларусь", "Беларұсь", "ɾʊs"),
        ("Ирина", "Іріна", "ɪɾɪn"),
        ("Новикова", "Новікова", "novɪk"),
        ("Минскте", "Мінскте", "mɪnsk"),
    ],
)
def test_the_names_of_the_example_are_read_through_say(written, said, sound):
    assert KAZAKH.spoken(written) == said
    assert sound in _ipa(said)


def test_there_are_words_with_u_umlaut_to_check():
    assert len(FRONT_ROUNDED_WORDS) >= 30


def test_every_u_umlaut_is_a_front_rounded_vowel():
    """ү was a back [u] (күн [kun], үшін [uʃɪn]): each word with ү now has a front rounded vowel for each ү
    and no back [u] at all (a front-vowel word has none), by espeak's own phonemes of what it is given."""
    wrong = []
    for word in FRONT_ROUNDED_WORDS:
        said = KAZAKH.spoken(word)
        ipa = _ipa(said)
        if "u" in ipa or ipa.count("ø") < said.count("ү") or _vowels(ipa) != KAZAKH.syllables(said):
            wrong.append((word, ipa))
    assert not wrong


def test_without_the_phonemes_u_umlaut_is_a_back_u():
    library = espeak._library()
    assert all("u" in library.phonemes(word, "kk") for word in ["күн", "үшін", "бүгін", "жүз"])


@pytest.mark.parametrize("written, sound", [("күн", "køn"), ("үшін", "øʃɪn"), ("бүгін", "bøɡɪn"), ("көп", "kɵp")])
def test_u_umlaut_and_o_umlaut_stay_apart(written, sound):
    assert _ipa(written) == sound


def test_an_article_never_gives_espeak_phonemes():
    """Square brackets in the text are read as text: `[[...]]` is phoneme input only where the engine writes it."""
    russian = load_voices()["ru-anchor"]
    assert "ø" not in espeak.phonemes("[[kYn]]", russian) and "ø" not in _ipa("[[kYn]]")


def test_word_events_still_name_the_words_given_as_phonemes():
    clip = espeak.ENGINE.synthesize("Бүгін біз үйге келдік.", VOICE)
    assert len(clip.words) == 4 and list(clip.words) == sorted(clip.words) and len(set(clip.words)) == 4
