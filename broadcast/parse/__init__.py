"""Text to the document model: the first reader that claims the text reads it (pandoc's readers).

Explicit markup wins; JSON of our own contract reads back; a script with CIS labels (ЗК:, СНХ:) is read by
its labels; anything else is a transcript.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

from .. import languages
from ..house import DEFAULT_HOUSE, House, load_house
from ..errors import InputError
from ..model import Story, Warning
from . import cis, json_story, markup, transcript

__all__ = ["parse_text", "READERS"]

Reader = Callable[[str, "str | None", House, "tuple[Path, ...]"], Story]

# (claims the text?, reader) in the order they are asked.
READERS: tuple[tuple[Callable[[str], bool], Reader], ...] = (
    (markup.is_markup, markup.read),
    (json_story.is_json, json_story.read),
    (cis.is_cis, cis.read),
)


def parse_text(
    text: str,
    language: str | None = None,
    house: House | None = None,
    lexicons: Iterable[Path] = (),
    quotes: str = "sot",
) -> Story:
    """Parse an article, a transcript, a markup script or our JSON into a Story.

    `language` overrides detection (and a file's own language); `house` says which channel's name is
    not read as a source; `lexicons` are the user's lexicon files on top of the packaged ones; `quotes`
    says whether a quote inside the copy's sentence is its speaker's SOT (`sot`) or stays in the copy (`read`).
    """
    lexicons = tuple(lexicons)
    house = house or load_house(DEFAULT_HOUSE)
    for claims, reader in READERS:
        if claims(text):
            story = reader(text, language, house, lexicons)
            break
    else:
        story = transcript.read(text, languages.get(language or languages.detect(text), lexicons), house, quotes=quotes)
    if not any(segment.tape for segment in story.segments) and not any(
        any(character.isalnum() for character in line.text) for line in story.lines
    ):  # an empty script that exits 0 would pass for a story
        raise InputError("nothing to read: the input has no words (only punctuation, brackets or page furniture)")
    return _check_language(story, language)


_LANGUAGE_WORDS = 20


def _check_language(story: Story, given: str | None) -> Story:
    """`--lang` that the text contradicts (a Russian article read as Kazakh) is warned about: the
    spoken forms and the timing follow the language given. Only the words in the story's own language
    count: a Kazakh script with Russian synchs marked `[SOT … | ru]` does not contradict `--lang kk`."""
    own = " ".join(line.text for segment in story.segments if segment.language is None for line in segment.lines)
    if given is None or len(own.split()) < _LANGUAGE_WORDS:
        return story
    found = languages.detect(own)
    if found == given:
        return story
    warning = Warning(0, f"the text reads as {found}, but the language given is {given}: spoken and timed as {given}", "language")
    return replace(story, warnings=(warning, *story.warnings))
