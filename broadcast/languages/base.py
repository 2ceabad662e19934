"""What every language gives the pipeline: syllables, spoken forms and the transcript's patterns.

A language is one module in this package that defines `LANGUAGE`; the registry finds it by itself.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable

from ._triggers import Guard
from .longwords import put_back, set_aside
from ._letters import UPPER
from .lexicon import Lexicon

# A step of the spoken-form pipeline: one small transformation of text (gTTS's pre-processors).
SpokenStep = Callable[[str], str]

# Run on text whose spaces are folded to one " " each (`spoken`), so the space is one space; written to open with that
# space, and replaced by nothing rather than by a `\\1` template, it is scanned and substituted in C alone (a pattern
# opening with `\\s+` or a look-behind is tried at every place, and a template calls Python on every line).
_SPACE_BEFORE_MARK = re.compile(r" (?=[.,!?;:…])")
# ` -` after a letter and before one; the look-behind is checked after the literal ` -` (the same matches).
_HYPHEN_GAP = re.compile(r" -(?<=[^\W\d_] -)(?=[^\W\d_])")
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”')\]]*(?=\s|$)")
# A stress mark (U+0301) a lexicon puts in a name (Лукаше́нко) belongs to the word.
_WORD = re.compile(r"[^\W\d_][^\W\d_\u0300-\u036f]*(?:[-'’][^\W\d_][^\W\d_\u0300-\u036f]*)*")


_MARKS = ".!?…"  # the marks that end a sentence (`_SENTENCE_END`)
# Tokens kept by `_PerToken` before it starts again: a story's vocabulary, not every figure of a long article.
_KEPT_TOKENS = 1 << 16


class _PerToken(dict[str, int]):
    """`answer(token)` for each white-space-separated token asked, kept: looked up in C (`sum(map(kept.__getitem__,
    text.split()))`), worked out on a token's first showing."""

    def __init__(self, answer: Callable[[str], int]) -> None:
        super().__init__()
        self.answer = answer

    def __missing__(self, token: str) -> int:
        if len(self) >= _KEPT_TOKENS:
            self.clear()
        found = self[token] = self.answer(token)
        return found


# A token's two counts in one number (`Language.counts`): its syllables above these bits, the sentences it ends below.
_ENDS_BITS = 40
_ENDS_MASK = (1 << _ENDS_BITS) - 1


# While `Language.figures` runs, the figures the steps read, as (written, said): `check` shows exactly these.
_FIGURES: ContextVar[list[tuple[str, str]] | None] = ContextVar("figures", default=None)


def figure(match: re.Match[str], said: str) -> str:
    """`said` for the figure `match` found, noted for `Language.figures` with the word after it (its noun)."""
    found = _FIGURES.get()
    if found is not None:
        following = match.groupdict().get("next") or ""
        written = f"{match.group().strip()} {following}".strip()
        found.append((written, f"{' '.join(said.split())} {following}".strip()))
    return said


_NEXT_SENTENCE = re.compile(rf"\s+[\"«“(]?[{UPPER}]")


def sentence_stop(match: re.Match[str], before_capital: bool = True) -> str:
    """"." when the match ends with an abbreviation's full stop that also ends the sentence (достиг 5 млрд.):
    the reading drops the abbreviation, the sentence keeps its stop. It ends one at the end of a text that opens
    as a sentence does (with a capital or a figure), or, where `before_capital`, before a capital (5 млн. Затем …); a title
    before a name (Dr. Smith) is no end."""
    if not match.group().rstrip().endswith("."):
        return ""
    rest = match.string[match.end():]
    if not rest.strip():
        # 1 кВт*ч … будет стоить 4,77 руб.: a text opening with a figure is a sentence too, unless that figure is the
        # one read here (3 тыс. alone is a phrase)
        opening = match.string.lstrip(" \"«“(")[:1]
        return "." if opening.isupper() or (opening.isdigit() and match.string[: match.start()].strip()) else ""
    return "." if before_capital and _NEXT_SENTENCE.match(rest) else ""


@dataclass(frozen=True)
class Patterns:
    """How a transcript in this language marks structure (the Khabar-24 house style)."""

    # `..., деп хабарлайды Хабар 24` — a source attribution at the end of a line; group `source`.
    source: re.Pattern[str]
    # `"...", - дейді мамандар.` — a quote attributed to a group, read by the anchor; group `quote`.
    group_quote: re.Pattern[str]


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    # Letters that only this language uses among those we know; used to detect it.
    letters: str
    patterns: Patterns
    word_syllables: Callable[[str], int]
    # The spoken-form pipeline, built from the language's lexicon (abbreviations, names, number words).
    steps: Callable[[Lexicon], tuple[SpokenStep, ...]]
    lexicon: Lexicon | None = field(default=None, compare=False)

    @cached_property
    def spoken_steps(self) -> tuple[SpokenStep, ...]:
        return self.steps(self.lexicon or Lexicon(language=self.code))

    def spoken(self, text: str) -> str:
        """The text as it is said: placeholders out, each step in order, then what no voice may get
        (brackets, underscores, a doubled mark) tidied and spaces folded (none before punctuation)."""
        text, long_words = set_aside(drop_placeholders(text))  # no step is quadratic in a 200,000-letter word
        for step in PREPARE:
            text = step(text)
        for step in self.spoken_steps:
            text = step(text)
        for step in TIDY:
            text = step(text)
        text = _SPACE_BEFORE_MARK.sub("", " ".join(text.split())).strip(" ,;:")
        # A number said before its hyphenated word stays joined to it: a 3-year plan, a three-year plan.
        return put_back(_HYPHEN_GAP.sub("-", text), long_words)

    def figures(self, text: str) -> list[tuple[str, str]]:
        """Each figure in `text` and how `spoken` says it, in the order written: one reading serves the
        voice and `broadcast check`."""
        token = _FIGURES.set([])
        try:
            self.spoken(text)
            found = _FIGURES.get() or []
        finally:
            _FIGURES.reset(token)
        return sorted(found, key=lambda pair: text.find(re.sub(r"\D.*", "", re.sub(r"^\D*", "", pair[0])) or pair[0]))

    def words(self, text: str) -> list[str]:
        return _WORD.findall(text)

    def syllables(self, text: str) -> int:
        """Syllables in spoken text (digits must have been spelled out by `spoken`)."""
        return self.counts(text)[0]

    def sentence_ends(self, text: str) -> int:
        """How many sentences the text ends or contains; a line without final punctuation counts as one."""
        return self.counts(text)[1]

    def counts(self, text: str) -> tuple[int, int]:
        """`syllables(text)` and `sentence_ends(text)` (what a line's timing needs), counted token by token: no word
        (`_WORD`) and no sentence's end (`_SENTENCE_END`, followed by a white space or the end) holds a white space, so
        a text's are its white-space-separated tokens', and a story says the same tokens again and again (a figure's
        words, the house's names): each token's two counts are kept (`_token_counts`), in one number."""
        tokens = text.split()
        if not tokens:
            return 0, 0
        both = sum(map(self._token_counts.__getitem__, tokens))
        syllables, ends = both >> _ENDS_BITS, both & _ENDS_MASK
        # A text that ends in none of the marks, nor has one in its last three characters, is a sentence unended.
        if tokens[-1][-1] not in _MARKS and _SENTENCE_END.search(text.rstrip()[-3:] + " ") is None:
            ends += 1
        return syllables, ends

    @cached_property
    def _word_syllables(self) -> Callable[[str], int]:
        """`word_syllables`, remembering the words met: a story says most of its words many times."""
        return lru_cache(maxsize=1 << 14)(self.word_syllables)

    @cached_property
    def _token_counts(self) -> _PerToken:
        """A token's syllables, shifted by `_ENDS_BITS`, plus the sentences it ends (0 or 1): summed over a text's
        tokens, both counts at once (a text has fewer tokens than 2**_ENDS_BITS)."""
        count = self._word_syllables

        def counted(token: str) -> int:
            syllables = sum(map(count, map(str.lower, _WORD.findall(token))))
            return (syllables << _ENDS_BITS) + len(_SENTENCE_END.findall(token))

        return _PerToken(counted)

    def sentences(self, text: str) -> list[str]:
        return sentences(text)


def sentences(text: str) -> list[str]:
    """The sentences of a text, each with its final mark; a tail without one is a sentence too."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [part for part in parts if part]


def vowel_counter(vowels: str) -> Callable[[str], int]:
    """A syllable counter for languages where every syllable has exactly one vowel letter."""
    vowel_set = frozenset(vowels)

    def count(word: str) -> int:
        return sum(1 for char in word if char in vowel_set)

    return count


def sub(
    pattern: str, replacement: str | Callable[[re.Match[str]], str], flags: int = 0, gate: str | None = None
) -> SpokenStep:
    """A spoken-form step from one regular expression (gTTS's `RegexBuilder` idea). `gate`: a pattern every match
    contains, opening with a character or a class (scanned in C): a line without it is given back as it is. For a
    pattern whose own trigger is a character most lines hold (a comma, a full stop) where a match needs two in a
    row (`,,`, `.,`)."""
    compiled = re.compile(pattern, flags)
    if gate is None:
        step = regex_step(compiled, replacement)
    else:
        needs = re.compile(gate, flags)

        def step(text: str) -> str:
            return compiled.sub(replacement, text) if needs.search(text) is not None else text

        step.gate = needs  # type: ignore[attr-defined]  # for the test that it never skips a match
    step.__name__ = f"sub({pattern!r})"
    return step


def regex_step(
    pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], gate: str | None = None
) -> SpokenStep:
    """A step that substitutes `pattern`; once it has run a few dozen times, it is skipped on a line without
    a character every match needs (no digit for a number rule, no colon for a clock): the same text either
    way, and most steps find nothing to do on most lines. `gate`: what every match holds, for a pattern whose
    trigger cannot see it (a look-ahead's sign): asked instead of the trigger."""
    guard = Guard(pattern, re.compile(gate) if gate is not None else None)

    def step(text: str) -> str:
        needs = guard._needs  # once learned, asked here: one Python call a step fewer on every line
        if needs is not None:
            mark = guard.mark
            if mark is not None:
                return guard.fast.sub(replacement, text) if mark in text else text
            return guard.fast.sub(replacement, text) if needs.search(text) is not None else text
        return pattern.sub(replacement, text) if guard.could_match(text) else text

    if guard.gate is not None:
        step.gate = guard.gate  # type: ignore[attr-defined]  # for the test that it never skips a match
    return step


def anchored_step(
    pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str], anchor: str, prefixes: Iterable[str]
) -> SpokenStep:
    """`pattern.sub(replacement, text)` for a pattern shaped as an amount is: one of `prefixes` (currency signs) or
    none, a white space or none, then a character of the class `anchor` (a digit). `sub` tries such a pattern at
    every place of a line (one opening with an optional part has no fast scan of its own); this tries it only
    where a match can open: at a prefix, at a white space before an anchor, at the anchor. The same matches in the
    same order (sub's leftmost one each time), so the same text."""
    signs = tuple(sorted(set(prefixes)))
    if any(not sign or sign[0].isspace() or re.match(anchor, sign[0]) for sign in signs):
        raise ValueError("a prefix opens with a character of its own, neither a space nor an anchor")
    if any(re.search(anchor, sign) for sign in signs):
        raise ValueError("a prefix holds no anchor")
    find_anchor = re.compile(anchor)

    def first_match(text: str, pos: int, at: int) -> re.Match[str] | None:
        """The leftmost match at or after `pos`, where `at` is the first anchor from `pos`: it opens at `at` or
        before it (none opens past it without holding a later anchor: tried then). One opening before `at` opens
        with a prefix, then an optional white space and the anchor: a prefix holds no anchor, so it ends at `at`,
        or just before a white space there."""
        spaced = at > pos and text[at - 1].isspace()  # `str.isspace` is `\s` (both are Unicode's white space)
        if signs and (text.endswith(signs, pos, at) or (spaced and text.endswith(signs, pos, at - 1))):
            ends = (at, at - 1) if spaced else (at,)
            places = sorted({end - len(sign) for end in ends for sign in signs if text.endswith(sign, pos, end)})
            for place in places:
                match = pattern.match(text, place)
                if match is not None:
                    return match
        if spaced:
            match = pattern.match(text, at - 1)
            if match is not None:
                return match
        return pattern.match(text, at)

    def step(text: str) -> str:
        found = find_anchor.search(text)
        if found is None:
            return text
        pos = last = 0
        out: list[str] = []
        while found is not None:
            match = first_match(text, pos, found.start())
            if match is None:
                pos = found.start() + 1
            else:
                out.append(text[last:match.start()])
                out.append(replacement(match))
                last = pos = match.end()
            found = find_anchor.search(text, pos)
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)

    step.slow = lambda text: pattern.sub(replacement, text)  # type: ignore[attr-defined]  # the test's yardstick
    return step


# Steps every language shares: quotation marks are not read; a dash between words is a pause.
strip_quotes = sub(r"[\"«»“”„‟]", "")
dash_pause = sub(r"\s+[-–—]\s+|^\s*[-–—]\s+", ", ")


# Template and ad placeholders a page leaves in its text ({{banner}}, {% ad %}, %%AD%%, [banner_top]).
drop_placeholders = sub(
    r"\{\{[^{}]*\}\}|\{%[^%]*%\}|%%[^%\s]*%%|\[[^\]\s]*_[^\]\s]*\]"
    r"|\[\s*(?:banner|ad|ads|advert|реклама|жарнама)\b[^\]]*\]",
    " ",
    re.IGNORECASE,
)
# What every language writes two ways, made one before its steps: the masculine ordinal º that copy types for the
# degree sign (33-39ºC), and an ellipsis between two unsigned figures, which is a range's dash (3…8°С, 2...5).
degree_sign = sub(r"(?<=\d)(\s?)º(?=[CС]?(?![^\W\d_]))", r"\1°")
ellipsis_range = sub(r"(?<=\d)\s?(?:…|\.\.\.)\s?(?=\d)", "–")
PREPARE: tuple[SpokenStep, ...] = (degree_sign, ellipsis_range)
# Brackets and underscores are never said; the words inside brackets are, as an aside.
drop_brackets = sub(r"[\[\]{}<>()]|_+", " ")
# Once quotation marks and dashes are gone, `», –` would leave `,,`: a doubled mark is said once, the
# stronger one kept.
one_mark = sub(r"\s*([,;:])(?:\s*[,;:])+", r"\1", gate=r"[,;:]\s*[,;:]")
# The full stop of an abbreviation of letters (p.m., e.g.) is no stop: a comma after it stays.
stop_wins = sub(
    r"\s*[,;:]\s*([.!?…])|(?<!\.[^\W\d_])([.!?…])\s*[,;:]", lambda m: m.group(1) or m.group(2),
    gate=r"[,;:.!?…]\s*[,;:.!?…]",
)
# ... and the last dot of initials in capitals before that comma goes: no `.,` of a place or a body reaches a
# voice (Washington, D.C, August; the U.S, China).
# Written to open with its full stop (the look-behind, which holds that stop, checked after it): scanned in C.
abbreviation_dot = sub(rf"\.(?<=\.[{UPPER}]\.)(?=\s*[,;:])", "", gate=r"\.\s*[,;:]")
TIDY: tuple[SpokenStep, ...] = (drop_brackets, one_mark, stop_wins, abbreviation_dot)


def plus_sign(lexicon: Lexicon) -> SpokenStep:
    """A plus after a name (ОПЕК+, OPEC+) is said: the lexicon's [signs] plus."""
    said = lexicon.rules.get("signs", {}).get("plus", "")
    return sub(r"(?<=[^\W\d_])\+(?![\w+])", f" {said}") if said else (lambda text: text)


def signed_ranges(lexicon: Lexicon) -> SpokenStep:
    """Weather copy's signed figures: a range written with a sign on each end (+13+15, -21-23, -32…-34, +13…+15)
    is one range said with its sign once (плюс тринадцать-пятнадцать), or with each sign where they differ
    (-4+1: минус четыре-плюс один; 0…-5: нөл-минус бес); a plus before a figure (днём +15) is said. The hyphen-minus
    of a range is no dash, so no pause is made of it. After a plus, a hyphen before a larger figure is the range's
    dash (+30-35°C: thirty to thirty-five; a range runs from low to high). The lexicon's [signs] give the words;
    `plus_temperature` is what a plus before a temperature is said as where that differs from `plus` (English says
    none: +35°C is thirty-five degrees Celsius, while a change keeps it: +13.4% is plus thirteen point four percent)."""
    signs = lexicon.rules.get("signs", {})
    plus, minus = signs.get("plus", ""), signs.get("minus", "")
    if not plus or not minus:
        return lambda text: text
    warm = signs.get("plus_temperature", plus)
    temperature = re.compile(r"[\d.,]*\s?(?:°|degree)")
    figure_ = r"\d{1,3}(?:[.,]\d)?"
    # `comma_range`: two signed figures of a temperature joined by a comma are a range too (+1, +3°C: one to three;
    # -5, +5°C: minus five to five).
    comma = rf"|,\s?(?P<second_>[+−-])(?={figure_}\s?(?:°|degree))" if signs.get("comma_range") else ""
    # `each_end` (the range's word): the sign is said on each end of a range where it is written on each end (English:
    # -11…-13°C is minus eleven to minus thirteen; "minus eleven to thirteen" would be heard as -11 to +13), the ends
    # joined by that word (0…-5: zero to minus five).
    each_end = signs.get("each_end", "")
    pattern = re.compile(
        rf"(?:(?<=[\s(])|^)(?:(?P<first>[+−-])(?P<a>{figure_})|(?P<zero>0)(?=\s?(?:…|\.\.\.)\s?[+−-]))"
        rf"(?:\s?(?:…|\.\.\.)\s?(?P<second>[+−-])?|(?P<joined>[+−-]){comma})(?P<b>{figure_})(?![\d])"
        rf"|(?:(?<=[\s(])|^)\+\s?(?=\d)"
    )
    def signed(sign: str, value: str) -> str:
        return f"{sign} {value}" if sign else value

    def say(match: re.Match[str]) -> str:
        is_temperature = temperature.match(match.string, match.end()) is not None
        words = {"+": warm if is_temperature else plus, "-": minus, "−": minus}
        if match["zero"]:
            return f"0{f' {each_end} ' if each_end else '-'}{signed(words[match['second']], match['b'])}"
        if not match["first"]:
            return f"{words['+']} " if words["+"] else ""
        joined = match["joined"]
        if match["first"] == "+" and joined == "-" and float(match["b"].replace(",", ".")) > float(match["a"].replace(",", ".")):
            joined = "+"  # +30-35: the hyphen is the range's dash
        second_sign = match["second"] or (match.groupdict().get("second_") or "") or joined or match["first"]
        first, second = words[match["first"]], words[second_sign]
        if each_end:
            return f"{signed(first, match['a'])} {each_end} {signed(second, match['b'])}"
        if first == second:
            return f"{signed(first, match['a'])}–{match['b']}"
        return f"{signed(first, match['a'])}-{signed(second, match['b'])}"

    # Every match holds a sign: the first figure's, the plus's, or, after a zero, the one its look-ahead asks for
    # (the trigger, blind to a look-ahead, would take the zero: a figure in a line in three).
    return regex_step(pattern, say, gate=r"[+−-]")


def minus_sign(lexicon: Lexicon) -> SpokenStep:
    """A minus is said (the lexicon's [signs] minus): the sign − before a figure, a hyphen before a temperature
    (-5 °C), or a hyphen that opens a figure after a word (from -2 to 0 degrees, ночью -21; an en dash typed for it
    too: от –2 до 0; a negative -$1.96 billion): a dash has a space after it, a range or a joint a figure or a letter
    before it."""
    said = lexicon.rules.get("signs", {}).get("minus", "")
    pattern = r"(?:(?<=\s)|^)[-–](?=\d[\d.,]*\s?°)|−\s?(?=\d)|(?<=[^\W\d_]\s)[-–](?=[$€£₸]?\d)"
    return sub(pattern, f"{said} ") if said else (lambda text: text)


# Where a written suffix follows an abbreviation or a number after a hyphen (АҚШ-тың, 30%-ке).
Attach = Callable[[str, str], str]


def hyphenated(said: str, suffix: str) -> str:
    """Languages without case suffixes keep what follows the hyphen as written (UN-backed); a number
    after it names the thing (ЭКСПО-2017) and is said apart."""
    if suffix.isdigit():
        return f"{said} {suffix}"
    return f"{said}-{suffix}" if suffix else said


def apart(said: str, after: str) -> str:
    """What follows a hyphen is a word of its own (GPS-трекер: джи-пи-эс трекер)."""
    return f"{said} {after}" if after else said


def alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first (so млрд. is not read as млрд); forms of one length in
    their own order (two of them never match at one place but for case, the same text), so that the pattern is
    the same in every run (a set's order changes from run to run: the pattern was compiled anew every time)."""
    return "|".join(re.escape(form) for form in sorted(forms, key=lambda form: (-len(form), form))) or "(?!)"


def lexicon_steps(lexicon: Lexicon, attach: Attach = hyphenated) -> tuple[SpokenStep, ...]:
    """Names respelled for speech, then abbreviations read as the lexicon says (expanded, spelled, as a word)."""
    steps: list[SpokenStep] = []
    if lexicon.say:
        # A name keeps its ending: Лукашенко-ның, Токаев-а.
        steps.append(sub(rf"(?<![\w])({alternatives(list(lexicon.say))})", lambda m: lexicon.say[m.group(1)]))
    known = [*lexicon.expand, *lexicon.letters, *lexicon.word]
    if known:
        # A digit may follow (№1); a letter may not (РКО is not РК), nor a slash and a letter (км/сағ is one unit), nor
        # a dollar sign (US$ is a currency code); nor may a slash come before (ц/га, ц / га: the rate's, not га alone).
        pattern = rf"(?<![\w/])(?<!/\s)({alternatives(known)})(?:-(?P<suffix>[^\W\d_]+|\d+(?!\d)))?(?![^\W\d_]|/[^\W\d_]|\$)"

        def said(m: re.Match[str]) -> str:
            return attach(lexicon.reading(m.group(1)) or m.group(1), m["suffix"] or "") + sentence_stop(m, False)

        steps.append(sub(pattern, said))
    return tuple(steps)
