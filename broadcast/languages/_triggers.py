"""A quick test of whether a regular expression can match a text at all: the characters it cannot match without.

The spoken-form pipeline runs some twenty substitutions on every line, and most lines give most of them nothing
to do: no colon for the clock, no quotation mark, no Latin capital. Each substitution still costs a call and a
scan that starts at every character. `trigger(pattern)` finds, from the pattern's own syntax, one set of
characters that every match must contain (`[,;:]` for `\\s*([,;:])(?:\\s*[,;:])+`), as a one-class pattern; a text
with none of them cannot match, so the substitution is skipped. Where no small enough set can be proved (the
pattern can match the empty string, or every required part is as wide as `\\w`), there is no trigger and the
substitution always runs. Nothing is guessed: a trigger only ever skips work that would have found no match.
"""
from __future__ import annotations

import re
from typing import Any

# Python's own regex parser (`re._parser` since 3.11, not in typeshed); a Python that moved it gives no
# triggers, and every step runs.
_parser: Any = getattr(re, "_parser", None)

# A class wider than this many characters is found in almost every line: testing for it would only cost time.
_WIDEST = 400
# Roughly how many characters each category holds, to choose the narrowest required part; a space is in
# every line, so a part that needs only white space counts as wide.
_CATEGORY_SIZE = {"CATEGORY_DIGIT": 60, "CATEGORY_SPACE": 1000, "CATEGORY_WORD": 100_000}
_SPACE_SIZE = 1000
_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}
# Flags that change what a class matches; the trigger is compiled with the pattern's own.
_CLASS_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE

Found = tuple[tuple[str, ...], int]  # the class's items as regex source, and about how many characters they match


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern of one character class such that `pattern` finds no match in a text where it finds none;
    None when no such class narrow enough to be worth testing can be proved."""
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        found = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # an unknown construct in a newer Python: no trigger, the step simply runs
        return None
    if found is None or found[1] > _WIDEST:
        return None
    return re.compile(f"[{''.join(found[0])}]", pattern.flags & _CLASS_FLAGS)


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _size(code: int) -> int:
    return _SPACE_SIZE if chr(code).isspace() else 1


def _sequence(items: Any) -> Found | None:
    """The narrowest part that every match of this sequence must contain."""
    best: Found | None = None
    for op, value in items:
        found = _item(str(op), value)
        if found is not None and (best is None or found[1] < best[1]):
            best = found
    return best


def _item(op: str, value: Any) -> Found | None:
    if op == "LITERAL":
        return (_char(value),), _size(value)
    if op == "IN":
        return _klass(value)
    if op == "BRANCH":
        parts = [_sequence(branch) for branch in value[1]]
        if any(part is None for part in parts):
            return None  # one way to match needs none of them
        return tuple(item for part in parts if part for item in part[0]), sum(part[1] for part in parts if part)
    if op == "SUBPATTERN":
        _, added, removed, inner = value
        if (added | removed) & _CLASS_FLAGS:  # `(?-i:...)`: the class would be tested with the wrong flags
            return None
        return _sequence(inner)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, _, inner = value
        return _sequence(inner) if least >= 1 else None
    if op == "ATOMIC_GROUP":
        return _sequence(value)
    # Anchors and look-arounds consume nothing; `.`, `[^x]`, back-references and conditionals prove nothing.
    return None


def _klass(items: Any) -> Found | None:
    source: list[str] = []
    size = 0
    for op, value in items:
        op = str(op)
        if op == "LITERAL":
            source.append(_char(value))
            size += _size(value)
        elif op == "RANGE":
            source.append(f"{_char(value[0])}-{_char(value[1])}")
            size += value[1] - value[0] + 1
        elif op == "CATEGORY" and str(value) in _CATEGORY_CLASS:
            source.append(_CATEGORY_CLASS[str(value)])
            size += _CATEGORY_SIZE[str(value)]
        else:  # a negated class or category (`[^…]`, `\W`): nearly everything
            return None
    return tuple(source), size
