"""The language registry: every module in this package named by its code (`kk.py`) defines `LANGUAGE`.

A language is imported when first asked for, so a story pays only for its own languages' rules."""
from __future__ import annotations

import importlib
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Iterable

from ..errors import UsageError
from .lexicon import load_lexicon, lexicon_files
from ..registry import entry_names
from ..resources import Stamps, stamps
from .base import Language

__all__ = ["Language", "get", "codes", "detect"]


@cache
def codes() -> list[str]:
    return entry_names(__path__, own=("base", "lexicon"))


@cache
def _language(code: str) -> Language:
    language = getattr(importlib.import_module(f"{__name__}.{code}"), "LANGUAGE", None)
    if not isinstance(language, Language) or language.code != code:
        raise TypeError(f"{__name__}.{code} must define LANGUAGE with code {code!r}")
    return language


def get(code: str, lexicons: Iterable[Path] = ()) -> Language:
    """The language with its lexicon: the packaged one, the user's, then the `lexicons` files given."""
    if code not in codes():
        raise UsageError(f"unknown language {code!r}; known: {', '.join(codes())}")
    language = _language(code)
    files = lexicon_files(code, lexicons)
    # Keyed by each file's path and change time: an edited or another user lexicon is another lexicon.
    return _with_lexicon(language, stamps(files))


@cache
def _with_lexicon(language: Language, stamped: Stamps) -> Language:
    return replace(language, lexicon=load_lexicon(language.code, [path for path, _ in stamped[2:]]))


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
