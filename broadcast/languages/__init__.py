"""The language registry: every module in this package that defines `LANGUAGE` is a language."""
from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from ..errors import UsageError
from .base import Language

__all__ = ["Language", "get", "codes", "detect"]


@cache
def _registry() -> dict[str, Language]:
    found: dict[str, Language] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name == "base" or module.name.startswith("_"):
            continue
        language = getattr(importlib.import_module(f"{__name__}.{module.name}"), "LANGUAGE", None)
        if isinstance(language, Language):
            found[language.code] = language
    return found


def codes() -> list[str]:
    return sorted(_registry())


def get(code: str) -> Language:
    try:
        return _registry()[code]
    except KeyError:
        raise UsageError(f"unknown language {code!r}; known: {', '.join(codes())}") from None


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
