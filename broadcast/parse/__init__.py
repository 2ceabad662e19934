"""Text to the document model: the first reader that claims the text reads it (pandoc's readers).

Explicit markup wins; JSON of our own contract reads back; anything else is a transcript.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from .. import languages
from ..house import DEFAULT_HOUSE, House, load_house
from ..model import Story
from . import json_story, markup, transcript

__all__ = ["parse_text", "READERS"]

Reader = Callable[[str, "str | None", House, "tuple[Path, ...]"], Story]

# (claims the text?, reader) in the order they are asked.
READERS: tuple[tuple[Callable[[str], bool], Reader], ...] = (
    (markup.is_markup, markup.read),
    (json_story.is_json, json_story.read),
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
            return reader(text, language, house, lexicons)
    code = language or languages.detect(text)
    return transcript.read(text, languages.get(code, lexicons), house, quotes=quotes)
