"""Text to the document model. Explicit markup wins; otherwise the transcript heuristics read the text."""
from __future__ import annotations

from .. import languages
from ..house import DEFAULT_HOUSE, House, load_house
from ..model import Story
from . import markup, transcript

__all__ = ["parse_text"]


def parse_text(text: str, language: str | None = None, house: House | None = None) -> Story:
    """Parse an article, a transcript or a markup script into a Story.

    `language` overrides detection (and the markup's own `# language:`); `house` says which channel's
    name is not read as a source.
    """
    house = house or load_house(DEFAULT_HOUSE)
    if markup.is_markup(text):
        return markup.read(text, language, house)
    code = language or languages.detect(text)
    return transcript.read(text, languages.get(code), house)
