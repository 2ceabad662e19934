"""The language registry: every module in this package that defines `LANGUAGE` is a language."""
from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Iterable

from ..errors import UsageError
from .lexicon import load_lexicon, lexicon_files
from ..registry import discover
from .base import Language

__all__ = ["Language", "get", "codes", "detect"]


@cache
def _registry() -> dict[str, Language]:
    found = discover(__name__, __path__, "LANGUAGE")
    return {language.code: language for language in found if isinstance(language, Language)}


def codes() -> list[str]:
    return sorted(_registry())


def get(code: str, lexicons: Iterable[Path] = ()) -> Language:
    """The language with its lexicon: the packaged one, the user's, then the `lexicons` files given."""
    try:
        language = _registry()[code]
    except KeyError:
        raise UsageError(f"unknown language {code!r}; known: {', '.join(codes())}") from None
    files = lexicon_files(code, lexicons)
    # Keyed by each file's path and change time: an edited or another user lexicon is another lexicon.
    stamps = tuple((path, path.stat().st_mtime_ns if path.is_file() else 0) for path in files)
    return _with_lexicon(language, stamps)


@cache
def _with_lexicon(language: Language, stamps: tuple[tuple[Path, int], ...]) -> Language:
    return replace(language, lexicon=load_lexicon(language.code, [path for path, _ in stamps[2:]]))


def detect(text: str) -> str:
    """kk when enough words carry Kazakh-only letters, ru for other Cyrillic, en for Latin script."""
    letters = [char for char in text.lower() if char.isalpha()]
    cyrillic = sum(1 for char in letters if "\u0400" <= char <= "\u04ff")
    if cyrillic * 2 < len(letters):
        return "en"
    kazakh = set(get("kk").letters)
    words = [word for word in text.lower().split() if any("\u0400" <= char <= "\u04ff" for char in word)]
    marked = sum(1 for word in words if kazakh & set(word))
    # Kazakh prose has such letters in a third of its words or more; a Russian text naming a Kazakh
    # place (Қарағанды) has them in a few.
    return "kk" if marked >= max(1, 0.15 * len(words)) else "ru"
