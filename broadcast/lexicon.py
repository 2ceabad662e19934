"""Lexicons (`lexicons/<language>.toml`): how abbreviations, symbols, names and numbers are said.

The packaged file comes first, then the user's (XDG_CONFIG_HOME/broadcast/lexicons/<language>.toml),
then any file given with --lexicon; a later entry for the same written form wins.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError
from .resources import packaged, user_config

# Entry tables: written form -> how it is read. `expand` and `say` give words; `letters` and `word` list forms.
_ENTRY_TABLES = ("expand", "say")
_LIST_TABLES = ("letters", "word")


@dataclass(frozen=True)
class Lexicon:
    language: str
    expand: dict[str, str] = field(default_factory=dict)  # read as these words
    letters: frozenset[str] = frozenset()  # spelled letter by letter
    word: frozenset[str] = frozenset()  # read as written
    say: dict[str, str] = field(default_factory=dict)  # a name or word respelled for speech
    alphabet: dict[str, str] = field(default_factory=dict)  # letter -> its name
    rules: dict[str, Any] = field(default_factory=dict)  # the language's own tables (suffixes, units, ...)

    def knows(self, written: str) -> bool:
        return written in self.expand or written in self.letters or written in self.word or written in self.say

    def spell(self, written: str) -> str:
        """The letters of `written` by their names, joined by hyphens so they read as one word."""
        return "-".join(self.alphabet.get(char.upper(), char) for char in written if char.isalnum())

    def reading(self, written: str) -> str | None:
        """How a known abbreviation or name is said, or None if the lexicon does not know it."""
        if written in self.say:
            return self.say[written]
        if written in self.expand:
            return self.expand[written]
        if written in self.letters:
            return self.spell(written)
        if written in self.word:
            return written
        return None


def lexicon_files(language: str, extra: Iterable[Path] = ()) -> list[Path]:
    return [packaged("lexicons") / f"{language}.toml", user_config("lexicons") / f"{language}.toml", *extra]


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"lexicon {path}: {error}") from None


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    """Tables merge key by key (the later file wins); lists of words add up."""
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = [*into[key], *value]
        else:
            into[key] = value


def _strings(path: str, table: Any, name: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise InputError(f"lexicon {path}: [{name}] must map written forms to strings")
    return dict(table)


def load_lexicon(language: str, extra: Iterable[Path] = ()) -> Lexicon:
    """The merged lexicon of `language`; the user's file is optional, an --lexicon file must exist."""
    extra = list(extra)
    merged: dict[str, Any] = {}
    for path in lexicon_files(language, extra):
        if path.is_file() or path in extra:
            _merge(merged, _read(path))
    where = f"for {language}"
    entries = {name: _strings(where, merged.pop(name, {}), name) for name in (*_ENTRY_TABLES, "alphabet")}
    lists = {}
    for name in _LIST_TABLES:
        words = merged.pop(name, {}).get("words", [])
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise InputError(f"lexicon {where}: [{name}] words must be a list of strings")
        lists[name] = frozenset(words)
    return Lexicon(language=language, rules=merged, **entries, **lists)
