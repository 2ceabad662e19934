"""Readability scores of the read text: LIX for every language, Flesch where the language has weights.

Computed here from our own syllable counts, so nothing (textstat's nltk path) reaches for the network.
"""
from __future__ import annotations

from .languages import StoryLanguages
from .model import Story

_LONG_WORD = 6  # LIX counts words of more than six letters


def lix(words: list[str], sentences: int) -> float:
    """Björnsson's LIX: words per sentence plus the share of long words, in percent."""
    if not words or not sentences:
        return 0.0
    long_words = sum(1 for word in words if len(word) > _LONG_WORD)
    return round(len(words) / sentences + 100 * long_words / len(words), 1)


def flesch(words: int, sentences: int, syllables: int, weights: list[float]) -> float:
    base, per_sentence, per_word = weights
    if not words or not sentences:
        return 0.0
    return round(base - per_sentence * words / sentences - per_word * syllables / words, 1)


def scores(story: Story, languages: StoryLanguages) -> dict[str, float]:
    """{"lix": ..., "flesch": ...} over the spoken form of every line read or played, each line counted by its
    segment's language; Flesch with the weights of the story's language (its lexicon's [readability])."""
    lines = [(line.spoken, languages.of(segment)) for segment in story.segments for line in segment.lines]
    words = [word for line, language in lines for word in language.words(line)]
    sentences = sum(language.sentence_ends(line) for line, language in lines)
    result = {"lix": lix(words, sentences)}
    own = languages.story
    weights = (own.lexicon.rules if own.lexicon else {}).get("readability", {}).get("flesch")
    if weights:
        syllables = sum(language.syllables(line) for line, language in lines)
        result["flesch"] = flesch(len(words), sentences, syllables, weights)
    return result
