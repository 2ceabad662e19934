"""Lexicons (`lexicons/<language>.toml`): how abbreviations, symbols, names and numbers are said.

The packaged file comes first, then the user's (XDG_CONFIG_HOME/broadcast/lexicons/<language>.toml),
then any file given with --lexicon; a later entry for the same written form wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from ..resources import packaged, read_toml, user_config

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
    """The packaged lexicon, the user's, then `extra` (the user's place as the environment says now)."""
    mine = user_config("lexicons")
    key = (language, mine)
    found = _FILES.get(key)
    if found is None:  # asked a few times an article: the paths are made once
        found = _FILES[key] = (packaged("lexicons") / f"{language}.toml", mine / f"{language}.toml")
    return [*found, *extra]


_FILES: dict[tuple[str, Path], tuple[Path, Path]] = {}


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, "lexicon")


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    """Tables merge key by key (the later file wins); lists of words add up."""
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = [*into[key], *value]
        else:
            into[key] = value


def _strings(path: Path, table: Any, name: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise InputError(f"lexicon {path}: [{name}] must map written forms to strings")
    return dict(table)


def _words(path: Path, table: Any, name: str) -> list[str]:
    words = table.get("words", []) if isinstance(table, dict) else None
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise InputError(f"lexicon {path}: [{name}] words must be a list of strings")
    return words


def _entries(path: Path, data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """written form -> (table, reading) for the entry tables of one file."""
    found: dict[str, tuple[str, str]] = {}
    for name in _ENTRY_TABLES:
        found.update((form, (name, said)) for form, said in _strings(path, data.pop(name, {}), name).items())
    for name in _LIST_TABLES:
        found.update((form, (name, form)) for form in _words(path, data.pop(name, {}), name))
    return found


def load_lexicon(language: str, extra: Iterable[Path] = ()) -> Lexicon:
    """The merged lexicon of `language`; the user's file is optional, an --lexicon file must exist.

    A written form lives in one table: a later file that names it (in any table) decides how it is read.
    """
    extra = list(extra)
    rules: dict[str, Any] = {}
    entries: dict[str, tuple[str, str]] = {}
    alphabet: dict[str, str] = {}
    for path in lexicon_files(language, extra):
        if path.is_file() or path in extra:
            data = _read(path)
            entries.update(_entries(path, data))
            alphabet.update(_strings(path, data.pop("alphabet", {}), "alphabet"))
            _merge(rules, data)
    tables: dict[str, dict[str, str]] = {name: {} for name in (*_ENTRY_TABLES, *_LIST_TABLES)}
    for form, (name, said) in entries.items():
        tables[name][form] = said
    return Lexicon(
        language=language,
        expand=tables["expand"],
        say=tables["say"],
        letters=frozenset(tables["letters"]),
        word=frozenset(tables["word"]),
        alphabet=alphabet,
        rules=rules,
    )
