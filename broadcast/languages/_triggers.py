"""A quick test of whether a regular expression can match a text at all: what it cannot match without.

The spoken-form pipeline runs some twenty substitutions on every line, and the reader tries its credit patterns
on every line; most lines give most of them nothing to do: no colon for the clock, no quotation mark, no
`хабарлайды` for a credit. Each still costs a scan that tries the whole pattern at every character.
`trigger(pattern)` finds, from the pattern's own syntax, a part every match must contain: a character class
(`[,;:]` for `\\s*([,;:])(?:\\s*[,;:])+`) or a run of letters (`хабарлайды|хабарлады|жазады` for a credit that
needs one of those words), as a small pattern of its own; a text in which that is not found cannot match, so
the costly pattern is not tried. Where no part narrow enough can be proved (the pattern can match the empty
string, or every required part is as wide as `\\w`), there is no trigger and the pattern always runs. Nothing
is guessed: a trigger only ever skips work that would have found no match.
"""
from __future__ import annotations

import re
from typing import Any

from ..compile_cache import keeping, kept

# Python's own regex parser (`re._parser` since 3.11, not in typeshed); a Python that moved it gives no
# triggers, and every step runs.
_parser: Any = getattr(re, "_parser", None)

# A part costlier than this is found in almost every line: testing for it would only cost time.
_WIDEST = 400
# Roughly how many characters each category holds, to choose the narrowest required part; a space is in
# every line, so a part that needs only white space counts as wide.
_CATEGORY_SIZE = {"CATEGORY_DIGIT": 60, "CATEGORY_SPACE": 1000, "CATEGORY_WORD": 100_000}
_SPACE_SIZE = 1000
_CATEGORY_CLASS = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}
# Flags that change what a part matches; the trigger is compiled with the pattern's own.
_CLASS_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE
# Letters in a row that make a literal run worth testing for (rarer than any one of its letters). Two: a step of
# short abbreviations (`км`, `га`, `кг`, `бп`) was otherwise triggered by their single letters, found in nine
# lines in ten, and substituted on each; with the pairs, on none of the benchmark's.
_RUN = 2

# Alternatives as regex source (a class `[...]` or a literal run), and about how common they are: a class counts
# the characters it holds, a literal run of n characters 1/n (a longer run is rarer).
Found = tuple[tuple[str, ...], float]


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A small pattern such that `pattern` finds no match in a text where it finds none; None when no
    part narrow enough to be worth testing can be proved."""
    parts = _trigger_parts(pattern)
    return re.compile("|".join(parts), pattern.flags & _CLASS_FLAGS) if parts is not None else None


def _trigger_parts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    # Worked out from the pattern's text alone: the command line keeps it between runs (no parse at start-up).
    return kept("trigger", _key(pattern), lambda: _parse_parts(pattern))


def _key(pattern: re.Pattern[str]) -> str:
    return f"{pattern.flags}|{pattern.pattern}"


def _parse_parts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        found = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # an unknown construct in a newer Python: no trigger, the step simply runs
        return None
    if found is None or found[1] > _WIDEST:
        return None
    return found[0]


_CHARACTER = re.compile(r"\\U([0-9a-f]{8})")


def trigger_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The trigger as plain strings, one of which every match of `pattern` contains (with the pattern's own
    case rule): its literal runs, and each character of a class that lists characters only (`[©]`); None
    when there is no trigger or a part is a range or a category (`[A-Z]`, `\\d`)."""
    parts = _trigger_parts(pattern)
    if parts is None:
        return None
    strings: list[str] = []
    for part in parts:
        inner = part[1:-1] if part.startswith("[") else part
        if _CHARACTER.sub("", inner):
            return None  # a range or a category
        characters = [chr(int(code, 16)) for code in _CHARACTER.findall(inner)]
        strings += characters if part.startswith("[") else ["".join(characters)]
    return tuple(strings)


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _size(code: int) -> int:
    return _SPACE_SIZE if chr(code).isspace() else 1


def _sequence(items: Any) -> Found | None:
    """The narrowest part that every match of this sequence must contain: one of its items, or a run of
    literal characters in a row."""
    best: Found | None = None
    run: list[int] = []
    for op, value in [*items, (None, None)]:
        if str(op) == "LITERAL":
            run.append(value)
        else:
            if len(run) >= _RUN:
                best = _narrower(best, ("".join(map(_char, run)),), 1 / len(run))
            run = []
        if op is not None:
            found = _item(str(op), value)
            if found is not None:
                best = _narrower(best, *found)
    return best


def _narrower(best: Found | None, sources: tuple[str, ...], cost: float) -> Found:
    return (sources, cost) if best is None or cost < best[1] else best


def _item(op: str, value: Any) -> Found | None:
    if op == "LITERAL":
        return (f"[{_char(value)}]",), _size(value)
    if op == "IN":
        return _klass(value)
    if op == "BRANCH":
        parts = [_sequence(branch) for branch in value[1]]
        if any(part is None for part in parts):
            return None  # one way to match needs none of them
        return tuple(source for part in parts if part for source in part[0]), sum(part[1] for part in parts if part)
    if op == "SUBPATTERN":
        _, added, removed, inner = value
        if (added | removed) & _CLASS_FLAGS:  # `(?-i:...)`: the part would be tested with the wrong flags
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
    return (f"[{''.join(source)}]",), size


# Letters found at most places of a line: a set of opening characters with more of them than _MOST_COMMON passes
# nearly everywhere, and the look-ahead would only add a step.
_COMMON_LETTERS = "аеоиынлтрсдкмaeoinltrsdkmhc"
_MOST_COMMON = 4


def opening(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with a look-ahead for the characters a match can open with, where it opens with a look-behind, an
    anchor or an optional part (`(?<![\\w])(…)`, `(?P<before>$|€)?\\s?\\d…`): Python's regex engine scans a
    pattern that opens with a character or a class fast, in C, but tries any other in full at every place of a
    line. A match opens with one of those characters, so the look-ahead fails only where the pattern would have
    failed, and the groups are the same. `pattern` itself where nothing narrow enough can be proved."""
    if _parser is None or not isinstance(pattern.pattern, str):
        return pattern
    klass = kept("opening", _key(pattern), lambda: _opening_class(pattern))
    return re.compile(f"(?={klass}){pattern.pattern}", pattern.flags) if klass else pattern


def _opening_class(pattern: re.Pattern[str]) -> str | None:
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # an unknown construct in a newer Python: the pattern as it is
        return None
    head = items
    while head and str(head[0][0]) == "SUBPATTERN" and not (head[0][1][1] | head[0][1][2]) & _CLASS_FLAGS:
        head = list(head[0][1][3])
    if head and str(head[0][0]) in ("LITERAL", "IN"):
        return None  # the engine has a fast scan of its own for these
    found = _first(items)
    if found is None or found[1] or not found[0]:
        return None  # any character, or a match that may be empty
    klass = f"[{''.join(found[0])}]"
    if len(re.findall(klass, _COMMON_LETTERS, pattern.flags & _CLASS_FLAGS)) > _MOST_COMMON:
        return None  # too wide a set to help
    return klass


# What a match of a sequence may open with: class parts (as regex source inside `[...]`) and whether the sequence
# may match the empty string; None when any character may open it.
Opening = tuple[list[str], bool]


def _first(items: Any) -> Opening | None:
    parts: list[str] = []
    for op, value in items:
        op = str(op)
        if op in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # consumes nothing: the next item opens the match
        found = _first_of(op, value)
        if found is None:
            return None
        parts += found[0]
        if not found[1]:
            return parts, False
    return parts, True


def _first_of(op: str, value: Any) -> Opening | None:
    if op == "LITERAL":
        return [_char(value)], False
    if op == "IN":
        klass = _klass(value)
        return None if klass is None else ([klass[0][0][1:-1]], False)
    if op == "SUBPATTERN":
        _, added, removed, inner = value
        return None if (added | removed) & _CLASS_FLAGS else _first(inner)
    if op == "ATOMIC_GROUP":
        return _first(value)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, _, inner = value
        found = _first(inner)
        return None if found is None else (found[0], found[1] or least == 0)
    if op == "BRANCH":
        parts: list[str] = []
        empty = False
        for branch in value[1]:
            found = _first(branch)
            if found is None:
                return None
            parts += found[0]
            empty = empty or found[1]
        return parts, empty
    return None  # any character (`.`, `[^…]`), a back-reference, a conditional


# Calls a guard answers before it works out its trigger: proving one parses the pattern again (about a
# millisecond for a long one), which a short article would not win back; a long one or a batch does many
# times over.
LEARN_AFTER = 64
_ALWAYS = re.compile("")  # the trigger of a pattern with none: every text may match


class Guard:
    """Whether `pattern` could match a text: always yes for its first LEARN_AFTER questions, then yes only
    where its trigger is found."""

    __slots__ = ("pattern", "_needs", "_asked", "fast", "mark", "gate")

    def __init__(self, pattern: re.Pattern[str], gate: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        # What every match holds where the trigger cannot prove it (a look-ahead's), given by the step: asked instead.
        self.gate = gate
        # The same pattern, with a look-ahead for what a match opens with (`opening`) once the trigger is learnt.
        self.fast = pattern
        self._needs: re.Pattern[str] | None = None
        # Once learnt, the trigger when it is one character that only itself matches (`:`): `in`, a third of a
        # regex search's cost, asked a few times on every line.
        self.mark: str | None = None
        # Where triggers are kept between runs (the command line), one is worked out once and then used from
        # the first question of every run.
        self._asked = LEARN_AFTER if keeping() else 0

    def could_match(self, text: str) -> bool:
        needs = self._needs
        if needs is None:
            self._asked += 1
            if self._asked < LEARN_AFTER:
                return True
            self.fast = opening(self.pattern)
            self.mark = mark(self.gate or self.pattern)
            needs = self._needs = self.gate or trigger(self.pattern) or _ALWAYS
        found = self.mark
        return found in text if found is not None else needs.search(text) is not None


def mark(pattern: re.Pattern[str]) -> str | None:
    """The trigger of `pattern` when it is one character a text holds exactly where the trigger finds it: any
    character for a pattern of plain case, one that no other character matches case-insensitively (an ASCII
    character that is not a letter: `:`, `/`, `+`) for one that ignores case."""
    strings = set(trigger_strings(pattern) or ())
    if len(strings) != 1:
        return None
    (found,) = strings
    if len(found) != 1 or pattern.flags & re.IGNORECASE and not (found.isascii() and not found.isalpha()):
        return None
    return found


# Characters whose case is plain: each lower-cases to one character of this set, and a case-insensitive
# pattern takes two of them as the same exactly where their lower cases are equal (no `ſ`, `ı`, Kelvin sign,
# final sigma or `µ` here, which Python's case-insensitive matching pairs with other letters).
PLAIN = "\x00-\x7f\u00a0-\u00b4\u00b6-\u00bf\u0400-\u04ff\u2000-\u206f\u20a0-\u20cf\u2116"
NOT_PLAIN = re.compile(f"[^{PLAIN}]")


class AnyGuard:
    """Whether any of several `patterns` could match a text: once learnt (as a Guard is), one search for a word
    one of them needs, scanned fast: the case-sensitive patterns' words in the text, the case-insensitive ones'
    in the lower-cased text (where a character of the text is not of plain case, those are taken to be there).
    Where a pattern has no such words, always yes."""

    __slots__ = ("patterns", "_words", "_asked")

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.patterns = patterns
        self._words: tuple[re.Pattern[str] | None, re.Pattern[str] | None] | None = None
        self._asked = LEARN_AFTER if keeping() else 0

    def could_match(self, text: str) -> bool:
        words = self._words
        if words is None:
            self._asked += 1
            if self._asked < LEARN_AFTER:
                return True
            words = self._words = self._learn()
        exact, folded = words
        if exact is not None and exact.search(text) is not None:
            return True
        return folded is not None and (NOT_PLAIN.search(text) is not None or folded.search(text.lower()) is not None)

    def _learn(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        exact: set[str] = set()
        folded: set[str] = set()
        for pattern in self.patterns:
            strings = trigger_strings(pattern)
            if not strings:
                return _ALWAYS, None
            if not pattern.flags & re.IGNORECASE:
                exact.update(strings)
            elif any(NOT_PLAIN.search(string) for string in strings):
                return _ALWAYS, None
            else:
                folded.update(string.lower() for string in strings)
        return _searched(exact), _searched(folded)


def one_of(words: set[str]) -> str:
    """An alternation of `words` as a tree of their letters (`се(?:йчас|ння)`): at each place in a line one
    letter decides the branch, where a flat list tries every word."""
    if not words:
        return "(?!)"
    ends = "" in words
    by_first: dict[str, set[str]] = {}
    for word in words - {""}:
        by_first.setdefault(word[0], set()).add(word[1:])
    branches = [re.escape(first) + one_of(rest) for first, rest in sorted(by_first.items())]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return f"(?:{'|'.join(branches)}){'?' if ends else ''}"


def _searched(strings: set[str]) -> re.Pattern[str] | None:
    return re.compile(one_of(strings)) if strings else None
