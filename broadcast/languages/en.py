"""English."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .longwords import LONG
from ..resources import packaged
from .lexicon import Lexicon

from ._numbers import (
    COMMA_GROUPS, NUMBER_TEXT, cardinal, clock_times, long_numbers, num2words, number_value, roman_value, scores,
)
from ._acronyms import pronounceable, spelled_acronyms
from .base import (
    Language, Patterns, alternatives, dash_pause, figure, lexicon_steps, minus_sign, plus_sign, sentence_stop, signed_ranges,
    regex_step, strip_quotes,
)


@cache
def _table() -> str:
    """The CMU dictionary's syllable counts, sorted `word count` lines (built by tools/build_syllables.py at
    packaging time): searched as it is, so nothing is built at run time."""
    text = (packaged("lexicons") / "en.syllables.txt").read_text(encoding="utf-8")
    return text[text.index("\n") :]  # from the newline before the first word: the header is no entry


def _lookup(word: str) -> int | None:
    """The dictionary's count for `word`, by binary search over the table's lines."""
    table = _table()
    low, high = 1, len(table)  # line starts in [low, high)
    while low < high:
        start = table.rfind("\n", 0, (low + high) // 2) + 1
        end = table.find("\n", start)
        key, _, count = table[start:end].partition(" ")
        if key == word:
            return int(count)
        if key < word:
            low = end + 1
        else:
            high = start
    return None


def _guess(word: str) -> int:
    """Vowel groups, less a silent final e: the fallback for words the dictionary lacks."""
    # y before a vowel is a consonant (Tokayev, yes).
    groups = re.findall(r"[aeiouy]+", re.sub(r"y(?=[aeiou])", "j", word))
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    if "-" in word:  # spelled letters (you-en) and compounds: each part on its own
        return sum(word_syllables(part) for part in word.split("-") if part)
    known = _known(word.replace("’", "'"))
    if known is not None:
        return known
    # A compound the dictionary lacks (postindustrial): two words it has. Only for a word of a real length:
    # each cut copies the word, so a 200,000-letter one would cost n² here.
    for cut in range(len(word) - 4 if len(word) <= LONG else 0, 3, -1):  # both parts four letters or more (not belarus + ian)
        head = _known(word[:cut])
        tail = _known(word[cut:]) if head is not None else None  # most heads are no word: no second search
        if head is not None and tail is not None:
            return head + tail
    return _guess(word)


_known = lru_cache(maxsize=65536)(_lookup)


_WORD = r"[^\W\d_]+"


def _amount_pattern(rules: dict[str, Any]) -> re.Pattern[str]:
    """A number after a word, with its ordinal or decade ending, range, %, scale and currency symbol."""
    symbols = alternatives(rules.get("currency", {}))
    scales = alternatives([*rules.get("scales", {}), "thousand", "million", "billion", "trillion"])
    units = alternatives({**rules.get("measures", {}), **rules.get("figure_units", {})})
    number = f"{COMMA_GROUPS}|{NUMBER_TEXT}"
    return re.compile(
        # a currency code is no preposition (KZT 113 bln opening a sentence)
        rf"(?:(?!(?:{symbols})\s)(?P<prep>{_WORD})\s+)?(?P<before>{symbols})?\s?(?P<num>{number})"
        # 100sq m: an s that opens a unit is no decade's
        rf"(?:(?P<ordinal>st|nd|rd|th)|(?P<decade>'?s)(?![a-z]))?(?!\d)"
        # a range ends at a word's edge, or runs into its unit (2-7m/s)
        rf"(?:\s?[–—-]\s?(?P<num2>{number})(?:(?P<ordinal2>st|nd|rd|th)|(?P<decade2>'?s))?(?:(?![\w])|(?=(?:{units})(?![\w/])))"
        # a tennis set of seven games to six carries its tie-break in brackets: 7-6(4), 6-7 (8), 7-6 (7-5)
        rf"(?:(?:(?<=[67]-[67])|(?<=[67]–[67]))\s?\((?P<tiebreak>\d{{1,2}}(?:[–-]\d{{1,2}})?)\))?)?"
        rf"(?P<pct>\s?%)?"
        # a scale letter that opens a unit is the unit's (15-20 m per s: metres, not million)
        rf"(?:[\s-]?(?!(?:{units})(?![\w/]))(?P<scale>{scales})(?![\w/]))?"
        rf"(?:\s?(?P<after>{symbols}))?"
        # a unit hyphened to its figure is one word with it (the 82,000-bpd commitment)
        rf"(?:[\s-]?(?P<unit>{units})(?![\w/]))?"
        rf"(?=(?:\s+(?P<next>{_WORD}))?)"
    )


# A tie-break after a set's score: (4), or in full (7-5).
_TIEBREAK = r"(?:\s?\(\d+(?:[–/-]\d+)?\))?"


def _score(match: re.Match[str], prep: str, rules: dict[str, Any]) -> bool:
    """Two figures joined by a hyphen are a score where a score word is among the four words before them (in the
    same clause, names left out) or right after them, and no noun follows them (won 10-15 seats is a range of seats)."""
    words = rules.get("scores", {}).get("words", [])
    # A score's sets follow it after commas (beat Kasatkina 6-1, 6-4): the clause is the first set's.
    head = re.sub(rf"(?:\d+\s?[–-]\s?\d+{_TIEBREAK}(?:,\s*|\s))+$", "", match.string[: match.start("num")])
    clause = re.split(r"[.,;:!?]", head)[-1]
    # Names are not counted among the four (beat Bulgaria 8-1 and New Zealand 7-1: both are scores).
    before = [word.lower() for word in re.findall(r"[^\W\d_]+", clause) if word.lower() in words or not word[0].isupper()][-4:]
    following = (match["next"] or "").lower()
    if following in words:
        return True
    if following in rules.get("scores", {}).get("between", []):
        # a 6-0 home loss: the score word comes after one word that places the game
        after = re.match(r"\s+\S+\s+([^\W\d_]+)", match.string[match.end("num2"):])
        if after is not None and after.group(1).lower() in words:
            return True
    if not set(before) & set(words):
        return False
    return not following or following in rules.get("money", {}).get("not_nouns", []) or not following.islower()


def _win_loss(match: re.Match[str], prep: str, rules: dict[str, Any]) -> bool:
    """A 58-19 record, went 3-0 in the group: two figures before "record" or after "went" are wins and losses (not
    when "up", "down" or "ahead" follows: went 2-0 up is a score); `[records] before` and `[records] after`."""
    records = rules.get("records", {})
    following = (match["next"] or "").lower()
    if following in records.get("before", []):
        return True
    return prep.lower() in records.get("after", []) and following not in records.get("not_after", [])


_SET = rf"[0-7]\s?[–-]\s?[0-7]{_TIEBREAK}"
# Sets follow one another after a comma, or a space alone (6-1 6-1 in British agency copy).
_SET_JOINT = r"(?:,\s*|\s)"


def _sets(match: re.Match[str]) -> bool:
    """A score in a chain of set scores joined by commas or spaces (6-1, 6-4; 3-6, 6-0, 6-0; a 6-1 6-1 hammering), no
    figure above seven: tennis."""
    text = match.string
    return bool(
        re.search(rf"(?<![\d-]){_SET}{_SET_JOINT}$", text[: match.start("num")])
        or re.match(rf"{_TIEBREAK}{_SET_JOINT}{_SET}(?![\d-])", text[match.end("num2"):])
    ) and int(match["num"]) <= 7 and int(match["num2"]) <= 7


def _won_set(first: int, second: int) -> bool:
    """6-3, 7-5, 6-7, 4-6: a finished tennis set, six games to four or fewer, or seven to five or six."""
    high, low = max(first, second), min(first, second)
    return (high == 6 and low <= 4) or (high == 7 and low in (5, 6))


def _tennis(match: re.Match[str]) -> bool:
    """A chain of two or more finished sets joined by commas (a 3-6, 7-5, 6-3 win) is a tennis score whatever word
    comes before it: a list of ranges is never shaped so (each pair a finished set)."""
    if not _sets(match):
        return False
    text = match.string
    before = re.search(rf"(?:(?<![\d-]){_SET}{_SET_JOINT})+$", text[: match.start("num")])
    after = re.match(rf"{_TIEBREAK}(?:{_SET_JOINT}{_SET}(?![\d-]))+", text[match.end("num2"):])
    rest = text[match.end("num2") + (after.end() if after else 0):]
    if re.match(r"\s?(?:%|°|percent|per\b|degrees)", rest):
        return False  # 4-6, 6-7 percent: ranges of a measure
    chain = (before.group() if before else "") + f"{match['num']}-{match['num2']}" + (after.group() if after else "")
    return all(_won_set(int(a), int(b)) for a, b in re.findall(r"(?<![\d(])([0-7])\s?[–-]\s?([0-7])", chain))


def _tiebreak(written: str, rules: dict[str, Any]) -> str:
    """7-6(4): the loser of the tie-break won four points, the winner seven (or two more than the loser past five):
    ", seven-four in the tie-break"; a tie-break written in full (7-6 (7-5)) is said as written."""
    if "-" in written or "–" in written:
        points = [int(value) for value in re.split(r"[–-]", written)]
    else:
        loser = int(written)
        points = [max(7, loser + 2), loser]
    said = "-".join(num2words(value, lang="en") for value in points)
    return f", {said} {rules.get('scores', {}).get('tiebreak', 'in the tie-break')}"


def _year_before_noun(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """the 2019 presidential election, the 2024 state budget: after a determiner, a year from 1900 to 2099 before one or
    two lower-case words and a noun that names a year's thing (`[years] before`) is a year."""
    years = rules.get("years", {})
    if not re.fullmatch(r"19\d\d|20\d\d", match["num"]) or (match["prep"] or "").lower() not in years.get(
        "before_names_after", []
    ):
        return False
    nouns = alternatives(years.get("before", []))
    return re.match(rf"\s+(?:[a-z][a-z-]*\s+){{1,2}}(?:{nouns})(?![\w-])", match.string[match.end("num"):]) is not None


def _year_before_verb(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """Kazatomprom in 2019 plans to produce: after a preposition of time, a year from 1900 to 2099 before a verb that takes
    "to" (`[years] verbs_to`) and "to" is a year: the verb's subject came before it, no count of plans."""
    years = rules.get("years", {})
    if not re.fullmatch(r"19\d\d|20\d\d", match["num"]) or (match["prep"] or "").lower() not in years.get("after", []):
        return False
    verbs = alternatives(years.get("verbs_to", []))
    rest = match.string[match.end("num"):]
    if re.match(rf"\s+(?:{verbs})\s+to\s", rest) is not None:
        return True
    # production for 2023 totaled 46.7 billion: a past verb with its object (a figure, a sum, a determiner) after it
    # makes the number before it the verb's time, not a count (2000 registered voters: a noun follows the participle)
    return re.match(r"\s+[a-z]+ed\s+(?:[$€£]?\d|(?:the|a|an|about|almost|nearly|some|around|over|more|less|by|to)\s)",
                    rest) is not None


def _year_after_name(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """Euro 2024, Expo 2017, Vision 2030: a year from 1900 to 2099 after a name inside a sentence is a year where no
    lower-case word follows it but one that may follow a year (`[years] then`, `before`: Euro 2024 in March; Almaty 2000
    residents stays a count; a capital opening the sentence is no name)."""
    prep, following = match["prep"] or "", (match["next"] or "")
    years = rules.get("years", {})
    if (
        not prep[:1].isupper()
        or not re.fullmatch(r"19\d\d|20\d\d", match["num"])
        # since Mexico 1968 that Cuba ...: "that" may follow the Games' year as it follows a clause
        or (following[:1].islower() and following not in years.get("then", []) + years.get("before", []) + ["that"])
    ):
        return False
    before = match.string[: match.start("prep")].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“«(" and not match["pct"] and not match["scale"] and not match["unit"]


def _year_compared_over(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """an increase of 10.4% over 2010: after "over" that ends its clause, a year from 1900 to 2099 is the year compared
    with where a word of change (`[years] compared_over`) comes before it in the sentence; over 2000 people is a count."""
    if (match["prep"] or "").lower() != "over" or not re.fullmatch(r"19\d\d|20\d\d", match["num"]) or match["next"]:
        return False
    if re.match(r"\s*[A-Za-z0-9]", match.string[match.end():]):
        return False  # over 2010 levels, over 2000 Kazakhs: a word after it is what is counted
    before = re.split(r"[.!?;]\s", match.string[: match.start()])[-1].lower()
    words = rules.get("years", {}).get("compared_over", [])
    return any(word in re.findall(r"[a-z]+", before) for word in words)


def _year_compared_with(match: re.Match[str]) -> bool:
    """Compared with 2012, when ...: after "compared with" a year from 1900 to 2099 is the year compared, unless a
    noun follows it (compared with 2000 people)."""
    return (re.fullmatch(r"19\d\d|20\d\d", match["num"]) is not None and not match["next"]
            and match.string[: match.start("prep")].rstrip().lower().endswith(("compared", "comparison")))


def _is_year(value: str, prep: str, rules: dict[str, Any], next_word: str = "") -> bool:
    """in 1992 -> a year; but a count when a noun follows (from 1500 people): a lower-case word after a
    year must be one that can follow it (in 1992 the ..., by 2030 when ...)."""
    years = rules.get("years", {})
    if re.fullmatch(r"19\d\d|20\d\d", value) and (
        next_word.lower() in years.get("before", [])
        # the 2025 Astana International Forum: after a determiner, before a name
        or (next_word[:1].isupper() and prep.lower() in years.get("before_names_after", []))
    ):
        return True  # the 2024 budget: a year that names its noun
    modern = bool(re.fullmatch(r"19\d\d|20\d\d", value))
    if modern and prep in years.get("after_names", []):
        return True  # the Euro 2024 final, Vision 2030: a year that names an event or a plan
    if (modern and prep.lower() in years.get("before_names_after", []) and next_word.isalpha() and next_word.islower()
            and not next_word.endswith("s") and next_word not in years.get("not_singular", [])):
        return True  # the 2022 volume of, the 2021 figure: a count would count a plural noun
    if modern and (prep in rules.get("dates", {}).get("months", []) or prep == "In"):
        # July 2024 accelerated, In 2014 inflation amounted: after a month, or opening a sentence with "In", a modern
        # year is a year whatever word follows it
        return True
    # guidance for 2024 of 21,000 tU: "of" after a modern year goes on to the amount, not to a counted noun
    follows = years.get("then", []) + (years.get("then_modern", []) if modern else [])
    if modern and prep.lower() in years.get("after_modern", []) and next_word.lower().endswith("ing"):
        return True  # 4% against 2023 reaching 83.6 million: a participle clause follows the compared year
    if next_word[:1].islower() and next_word.lower() not in follows:
        return False
    if modern and prep.lower() in years.get("after_modern", []):
        return True  # 4.4 times more against 2021 with ...: a modern year after a word of comparison
    return bool(re.fullmatch(r"1\d\d\d|20\d\d", value)) and prep.lower() in {
        word.lower() for word in years.get("after", [])
    }


def _period_of(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """the first half of 2022, nine months of 2024, the end of 2023: a part of time before `of` takes a year,
    whatever word follows it (the first half of 2022 amounted to ...)."""
    if (match["prep"] or "").lower() != "of":
        return False
    before = re.findall(r"[^\W\d_]+", match.string[: match.start("prep")])
    return bool(before) and before[-1].lower() in rules.get("years", {}).get("periods", [])


def _year(value: str, decade: bool) -> str:
    words = num2words(int(value), lang="en", to="year")
    if not decade:
        return words
    # 1990s: nineteen nineties; 2000s: two thousands.
    return re.sub(r"y$", "ies", words) if words.endswith("y") else words + "s"


def _dimension(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """235m is metres, not million, where a dimension is named: among the five words before it in its clause (dam heights
    of 235m, a depth of 10m) or right after it (a 335m high dam, 4,000m above sea level); `[dimensions]`."""
    dimensions = rules.get("dimensions", {})
    coordinated = _COORDINATED_AFTER.match(match.string[match.end():])  # the 1,000m and 3,000m events
    if coordinated and coordinated.group(1).lower() in dimensions.get("after", []):
        return True
    clause = re.split(r"[.;:!?]", match.string[: match.start("num")])[-1]
    before = [word.lower() for word in re.findall(r"[^\W\d_]+", clause)][-5:]
    return bool(set(before) & set(dimensions.get("before", []))) or (match["next"] or "").lower() in dimensions.get(
        "after", []
    )


# An amount joined to another by "and" or "or" (49kg and 56kg categories: the noun after the second serves both).
_COORDINATED_AFTER = re.compile(r"\s+(?:and|or)\s+[$€£]?\d[\d.,]*\s?[^\W\d_]*\s+([A-Za-z][a-z-]*)")
_COORDINATED_BEFORE = re.compile(r"\d[^\W_]*\s+(?:and|or)\s+$")
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
# A possessive before the amount is a determiner (the men's 54kg division, Kazakhstan's $2bn project).
_POSSESSIVE = re.compile(r"(?:[^\W\d_]['’]s|s['’])\s+(?:[^\W\d_]+\s+)?$")


def _compound(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """Whether an amount stands before its noun as an adjective (a $45 million contract, the 52kg category, the
    men's 54kg division): after a determiner or a possessive, or one of them and one word (a record $3bn profit), or
    joined by "and" to another amount before the noun (in 49kg and 56kg categories), and before a noun: not one of
    `not_nouns`, nor a noun followed by a verb of `clause_verbs` (short of the $69.78 billion analysts expected: the
    amount is that clause's object)."""
    money = rules.get("money", {})
    determiners = money.get("compound_after", [])
    not_nouns = money.get("not_nouns", [])
    head = match.string[: match.start("before") if match["before"] else match.start("num")]
    rest = match.string[match.end():]
    following = re.match(r"\s+([A-Za-z][a-z-]*)(?:\s+([a-z]+))?", rest)
    if not following:
        return False
    if following.group(1) in ("and", "or"):
        coordinated = _COORDINATED_AFTER.match(rest)
        if not coordinated:
            return False
        noun = coordinated.group(1).lower()  # $67.7 billion and $68.7 billion, short of: billion is no noun
        return noun not in not_nouns and noun not in rules.get("scales", {}) and noun not in _SCALE_WORDS
    if following.group(1).lower() in not_nouns or (following.group(2) or "") in money.get("clause_verbs", []):
        return False
    before = re.findall(r"[^\W\d_]+", head)
    opens = (before[-1:] and before[-1].lower() in determiners) or (before[-2:-1] and before[-2].lower() in determiners)
    return bool(opens or ("'" in head[-12:] or "’" in head[-12:]) and _POSSESSIVE.search(head)
                or head.endswith(("and ", "or ")) and _COORDINATED_BEFORE.search(head))


def amounts(lexicon: Lexicon):
    rules = lexicon.rules
    currency, scales, units = rules.get("currency", {}), rules.get("scales", {}), rules.get("measures", {})
    # a 65W charger: units said only after their figure join the others there, never alone nor after a slash
    figure_units = {**units, **rules.get("figure_units", {})}

    def number(value: str, prep: str, ordinal: bool, decade: bool, next_word: str = "") -> str:
        day = prep in rules.get("dates", {}).get("months", []) and value.isdigit() and 1 <= int(value) <= 31
        if ordinal or day:  # `the 2,200th anniversary`: the thousands' comma is no part of the number's value
            return num2words(int(value.replace(",", "")), lang="en", to="ordinal").replace(",", "")
        if decade or _is_year(value, prep, rules, next_word):
            return _year(value, decade)
        # num2words writes "one thousand, five hundred"; the comma is no pause on air.
        return cardinal(value, "en", comma_groups=True).replace(",", "")

    def say(match: re.Match[str]) -> str:
        prep = match["prep"] or ""
        # the 2019 presidential election: as if the year's noun came next
        tail = "" if match["num2"] or _period_of(match, rules) else match["next"] or ""
        if not match["num2"] and (
            _year_before_noun(match, rules) or _year_before_verb(match, rules) or _year_after_name(match, rules)
            or (prep[:1] in ("o", "O") and _year_compared_over(match, rules))  # a literal test first: over
            or (prep == "with" and _year_compared_with(match))
            # FY2024 revenue, fiscal year 2025 budget: a fiscal year's figure is a year whatever follows it
            or (prep == "year" and match.string[: match.start("prep")].rstrip().endswith("fiscal"))
        ):
            tail = "election"
        first = number(match["num"], prep, bool(match["ordinal"]), bool(match["decade"]), tail)
        said = first
        if re.fullmatch(r"[\d,]+\.0", match["num"]) and not any(
            match[group] for group in ("num2", "pct", "scale", "before", "after", "unit")
        ) and (match["next"] or "").lower() not in ("percent", "per"):
            # measuring 5.0 on the scale: a nought written after the point of a lone figure is a precision the writer
            # gave, and said (five point zero); not in an amount (3.0%, 5.0-7.0 percent, $1.0 billion: three percent)
            said = first = f"{first} point zero"
        values = [match["num"], match["num2"] or ""]
        tiebreak = match["tiebreak"]
        if match["num2"] and not match["unit"] and not match["pct"] and _win_loss(match, prep, rules):
            # a 58-19 record, went 3-0 in the group: wins and losses, said as a record is (fifty-eight and nineteen)
            zero = rules.get("records", {}).get("zero", "zero")
            said = " and ".join(zero if value == "0" else number(value, "", False, False) for value in values)
        elif match["num2"] and not match["unit"] and not match["pct"] and (_score(match, prep, rules) or _tennis(match)):
            # drew 1-1, a 2-0 win: a score, both numbers as one phrase
            zero = rules.get("scores", {}).get("zero", "zero")
            if _sets(match):
                zero = rules.get("scores", {}).get("set_zero", zero)  # 6-0, 6-3: a tennis set is six-love
            # beat the Magic 138-135: scores of three figures are said with "to" (one hundred and thirty-eight to ...)
            joint = " to " if max(len(value) for value in values) > 2 else "-"
            said = joint.join(zero if value == "0" else number(value, "", False, False) for value in values)
            if tiebreak:
                said += _tiebreak(tiebreak, rules)
                tiebreak = None
        elif match["num2"] and match["ordinal2"]:
            # the 353-357th kilometers: a range of ordinals, the suffix written once (three hundred and fifty-third to
            # three hundred and fifty-seventh)
            said = " to ".join(num2words(int(value), lang="en", to="ordinal") for value in values)
        elif match["num2"]:
            # A range is read with "to"; the second number is a year if the first one was.
            # a range of older-looking figures before a noun counts it (1000-1200 megawatts), as a lone one does
            year = first != number(match["num"], "", False, False) or bool(match["decade2"]) or all(
                _is_year(value, "in", rules, "" if re.fullmatch(r"19\d\d|20\d\d", value) else match["next"] or "")
                for value in (match["num"], match["num2"])
            )
            if year and not match["decade"]:
                first = _year(match["num"], False)
            if year and re.fullmatch(r"1\d\d\d|20\d\d", match["num2"]):
                second = _year(match["num2"], bool(match["decade2"]))  # 2018-2021 program: a year whatever follows
            else:
                second = number(match["num2"], "in" if year else "", False, bool(match["decade2"]), match["next"] or "")
            said = f"{first} to {second}"
        if match["pct"]:
            said += " percent"
        symbol = match["before"] or match["after"]
        # dam heights of 235m: a scale letter m is metres where a dimension is named and no currency is written
        metres = match["scale"] == "m" and not symbol and "dimensions" in rules and _dimension(match, rules)
        if match["scale"] and not metres:
            # $60K: a capital K or B is a scale only in money; a 30K race keeps its letter
            letter = match["scale"] in ("K", "B") and not symbol
            said += " " + (match["scale"] if letter else scales.get(match["scale"], match["scale"]))
        one = (not match["scale"] or metres) and number_value(match["num2"] or match["num"], comma_groups=True) == 1
        cents = rules.get("cents", {}).get(symbol or "")
        whole, _, hundredths = match["num"].partition(".")
        if cents and not match["scale"] and not match["num2"] and len(hundredths) == 2 and not _compound(match, rules):
            # $82.40: eighty-two dollars and forty cents
            names, count = currency.get(symbol, [symbol, symbol]), int(whole.replace(",", ""))
            said = f"{number(whole, '', False, False)} {names[0 if count == 1 else 1]}"
            if int(hundredths):
                small = f"{num2words(int(hundredths), lang='en')} {cents[0 if int(hundredths) == 1 else 1]}"
                said = f"{said} and {small}" if count else small  # $0.20 a share: twenty cents
            return figure(match, f"{prep} {said}{sentence_stop(match)} ".lstrip() if prep else f" {said}{sentence_stop(match)} ")
        if symbol:
            names = currency.get(symbol, [symbol, symbol])
            said += " " + names[0 if one or _compound(match, rules) else 1]
        if metres:
            said += " " + rules["dimensions"]["metre"][2 if _compound(match, rules) else 0 if one else 1]
        if match["unit"]:
            # a 90 km/h limit: a compound adjective before its noun; 1 km: one kilometre; 2 km: two kilometres
            names = figure_units[match["unit"]]
            # the 272nd km: an ordinal counts one unit (the two hundred and seventy-second kilometre)
            said += " " + names[2 if _compound(match, rules) else 0 if one or (match["ordinal"] and not match["num2"]) else 1]
        if tiebreak:
            said += f" ({tiebreak})"  # a bracket after a range that is no set: kept as written
        said += sentence_stop(match)
        return figure(match, f"{prep} {said} ".lstrip() if prep else f" {said} ")

    pattern = _amount_pattern(rules)
    # A unit with no figure before it is said in the plural (in km: kilometres), after "per" in the singular (soms per
    # kg: per kilogram; tenge per kWh: per kilowatt-hour).
    alone = re.compile(rf"(?<![\w/])(?P<per>per\s+)?({alternatives(units)})(?![\w/])") if units else None

    # tenge/kg, $80/bbl, tonnes/ha: a unit after a slash that follows a word (or the amount just said) is "per" it.
    per = {**{unit: names[0] for unit, names in units.items()}, **rules.get("per", {})}
    slash = re.compile(rf"(?<=[^\W\d_])\s?/\s?({alternatives(per)})(?![\w/])") if per else None

    # 1 trillion tenge ($1.9 billion), EUR 165 mln (KZT 60 bln): an amount of money in brackets after another is the same
    # sum in another currency, said as an aside joined by "or" (one trillion tenge, or one point nine billion dollars,
    # for the first time); `[money] approximately` may open the bracket (about $22.7 million).
    symbols = alternatives(currency)
    money_words = alternatives(sorted({name for names in currency.values() for name in names if name.isalpha()}))
    all_scales = alternatives([*scales, "thousand", "million", "billion", "trillion"])
    approximately = alternatives(rules.get("money", {}).get("approximately", []) or ["about"])
    second_amount = re.compile(
        rf"(?P<lead>(?:(?:{symbols})\s?)?\d(?:[\d.,]*\d)?(?:\s?(?:{all_scales}))?(?:\s(?:{money_words}|{symbols}))?)"
        rf"\s?\((?P<inner>(?:(?:{approximately})\s)?(?:(?:{symbols})\s?\d[\d.,]*(?:\s?(?:{all_scales}))?"
        rf"|\d[\d.,]*(?:\s?(?:{all_scales}))?\s(?:{money_words}|{symbols})))\)(?P<word>(?=\s?[\w$€£₸]))?"
    )

    def or_amount(match: re.Match[str]) -> str:
        lead = match["lead"]
        # the first sum is money too: a currency before or after it
        if not re.search(rf"^(?:{symbols})|\s(?:{money_words}|{symbols})$", lead):
            return match.group()
        return f"{lead}, or {match['inner']}{',' if match['word'] is not None else ''}"

    # $1 billion 591 million: a sum written in two scales is one amount, its currency said once after the whole of it
    # (one billion five hundred and ninety-one million dollars).
    two_scales = re.compile(
        rf"(?<![\w.,])(?P<symbol>{symbols})\s?(?P<high>\d{{1,3}}\s(?:trillion|billion|million))\s(?P<low>\d{{1,3}}\s"
        r"(?:billion|million|thousand))(?![\w$€£₸])"
    )
    ranks = ("thousand", "million", "billion", "trillion")

    def one_sum(match: re.Match[str]) -> str:
        if ranks.index(match["low"].split()[1]) >= ranks.index(match["high"].split()[1]):
            return match.group()
        return f"{match['high']} {match['low']} {currency.get(match['symbol'], [match['symbol']] * 2)[1]}"

    # The KZT weakened, per USD: a currency code with no figure by it is the currency's name.
    codes = {code: names[0] for code, names in currency.items() if re.fullmatch(r"[A-Z]{3}", code)}
    lone_code = re.compile(rf"(?<![\w$/])({alternatives(codes)})(?![\w/$])") if codes else None

    def step(text: str) -> str:
        if "(" in text:
            text = second_amount.sub(or_amount, text)
        if "illion " in text:  # a literal test first: a sum in two scales has a million or a billion first
            text = two_scales.sub(one_sum, text)
        text = pattern.sub(say, text)
        if lone_code:  # one search in C, whatever the number of codes the lexicon knows
            text = lone_code.sub(lambda m: codes[m.group(1)], text)
        if alone:
            text = alone.sub(lambda m: (m["per"] or "") + units[m.group(2)][0 if m["per"] else 1], text)
        return slash.sub(lambda m: f" per {per[m.group(1)]}", text) if slash and "/" in text else text

    return step


def _clock(hours: int, minutes: int, suffix: str) -> str:
    """5:30 -> five thirty; 5:00 -> five o'clock; 9:05 -> nine oh five; a 24-hour time past noon on the hour is said as
    agency copy is read: 20:00 -> twenty hundred (no anchor says twenty o'clock)."""
    if not minutes:
        return f"{num2words(hours, lang='en')} " + ("hundred" if hours > 12 else "o'clock")
    return f"{num2words(hours, lang='en')} {'oh ' if minutes < 10 else ''}{num2words(minutes, lang='en')}"


def meridiem():
    """8:00 PM, 3:15 a.m., 12.09 a.m., 8pm: a clock time before a.m. or p.m. is said with it, written a.m. or p.m. whatever
    the copy wrote (eight p.m., three oh five a.m.), before the acronym rule can spell PM out; its stop serves
    the sentence too."""
    pattern = re.compile(
        # a span of hours is said with "to", its a.m. or p.m. said where written (9am-6pm: nine a.m. to six p.m.; 5-7 p.m.:
        # five to seven p.m.)
        r"(?<![\d:.,])(?:(?P<from>1[0-2]|0?[1-9])(?:[:.](?P<from_minutes>[0-5]\d))?"
        r"(?:\s?(?P<from_half>[AaPp])\.?\s?[Mm]\.?)?\s?[–-]\s?)?"
        r"(?P<hours>1[0-2]|0?[1-9])(?:[:.](?P<minutes>[0-5]\d))?\s?(?P<half>[AaPp])\.?\s?[Mm]\.?(?![\w])"
    )

    def clock(hours: str, minutes: str | None) -> str:
        said = num2words(int(hours), lang="en")
        if int(minutes or 0):
            said += f" {'oh ' if int(minutes or 0) < 10 else ''}{num2words(int(minutes or 0), lang='en')}"
        return said

    def say(match: re.Match[str]) -> str:
        said = f"{clock(match['hours'], match['minutes'])} {match['half'].lower()}.m."
        if match["from"]:
            start = clock(match["from"], match["from_minutes"])
            said = f"{start}{' ' + match['from_half'].lower() + '.m.' if match['from_half'] else ''} to {said}"
        return figure(match, said)

    return lambda text: pattern.sub(say, text)


# Luna-25, Soyuz-2, Expo-2017, mid-2025: a name (or mid, early, late) joined to a number by a hyphen is said as the
# name, then the number; a year there is said as a year (Strategy-2050: Strategy twenty fifty).
# So are top, under, over, pre and post before a number (a top-10 finish: top ten; the under-21 team; pre-2019 levels).
_NAMED_NUMBER = re.compile(
    r"(?<![\w-])([A-Z][a-z]+|mid|early|late|top|under|over|pre|post)-(\d+)(?P<decade>(?<=0)'?s(?![\w]))?(?![\d.,])"
)


# Soyuz TMA-17M, MS-09: capitals, a hyphen, a number and a capital after it name a model: the letters spelled, the
# number said as a number, the last letter by its name (tee-em-ay seventeen em).
_DESIGNATION = re.compile(r"(?<![\w-])(?P<head>[A-Z]{1,4})-(?P<number>\d+)(?P<tail>[A-Z]{1,2})(?![\w-])")


# VVER-1200, APR-1400, VVER-440: capitals, a hyphen and a model's number of three figures or of round hundreds name a
# model, said as its makers say it: the letters spelled, the number by its first digit and the other two (four forty)
# or in hundreds (twelve hundred). A number of thousands (HPR-1000) or of two figures (MS-21) is said as a number.
# Two capitals before three figures are an airline's flight (flight KC-901: a number), and so is any such after "flight".
_MODEL_NUMBER = re.compile(
    r"(?<![\w-])(?<!(?i:flight) )(?P<model>[A-Z]{3,5}-(?P<three>[1-9]\d\d)|[A-Z]{2,5}-(?P<hundreds>[1-9][1-9]00))(?![\w-]|[.,]\d)"
)


def designations(lexicon: Lexicon):
    """Soyuz TMA-17M; VVER-1200 reactors; UFC 295: a numbered event of a promotion (`[designations] events`) has its
    three-figure number said as a model's is (you-eff-see two ninety-five). One pattern for the three, one search a
    line."""
    events = lexicon.rules.get("designations", {}).get("events", [])
    numbered = rf"|\b(?P<event>{alternatives(events)})\s(?P<event_number>[1-9]\d\d)(?![\w-]|[.,]\d)" if events else ""
    pattern = re.compile(f"{_DESIGNATION.pattern}|{_MODEL_NUMBER.pattern}{numbered}")

    def say(match: re.Match[str]) -> str:
        if match["tail"]:
            return f"{lexicon.spell(match['head'])} {match['number']} {lexicon.spell(match['tail'])}"
        if match["event"]:
            return f"{match['event']} {figure(match, _model(match['event_number']))}"
        head, number = match["model"].partition("-")[0], match["three"] or match["hundreds"]
        if not (lexicon.knows(head) or pronounceable(head)):
            head = lexicon.spell(head)
        said = _model(number) if len(number) == 3 else f"{num2words(int(number) // 100, lang='en')} hundred"
        return f"{head} {figure(match, said)}"

    return regex_step(pattern, say)


def named_numbers(text: str) -> str:
    if "-" not in text:
        return text

    def say(match: re.Match[str]) -> str:
        number = match.group(2)
        if re.fullmatch(r"19\d\d|20\d\d", number):
            # the mid-1990s: a decade after the hyphen (the mid nineteen nineties)
            return figure(match, f"{match.group(1)} {_year(number, bool(match['decade']))}")
        return f"{match.group(1)} {number}"

    return _NAMED_NUMBER.sub(say, text)


def roman_events(lexicon: Lexicon):
    """The XVIII Asian Games, the XXV Congress: a Roman numeral of two letters or more before a numbered event
    (`[roman] events`, after up to two capitalised words) is its ordinal: the eighteenth Asian Games. A numeral
    before anything else (a name's regnal number, an acronym) is left to the other rules."""
    events = lexicon.rules.get("roman", {}).get("events", [])
    if not events:
        return lambda text: text
    # Generation III+ reactors, Phase II, Type II: after a word that classes things (`[roman] classes`) a Roman numeral
    # is the class's number, said as a cardinal (Generation three plus, Phase two). One pattern for both.
    classes = lexicon.rules.get("roman", {}).get("classes", [])
    classed = rf"|\b(?P<word>{alternatives(classes)})\s(?P<class>[IVX]{{1,4}})(?![\w])" if classes else ""
    pattern = re.compile(
        r"(?<![\w-])(?P<roman>[IVXL]{2,})(?=\s+(?:[A-Z][\w-]*\s+){0,2}(?:"
        + "|".join(re.escape(event) for event in events) + r")\b)" + classed
    )

    def say(match: re.Match[str]) -> str:
        if match["roman"]:
            return cardinal(str(roman_value(match["roman"])), "en", to="ordinal")
        return f"{match['word']} {cardinal(str(roman_value(match['class'])), 'en')}"

    return regex_step(pattern, say)


def zone_times(lexicon: Lexicon):
    """1400 GMT, 0930 UTC: four digits before a time zone of the lexicon's [clock] zones are a 24-hour time, said as
    agency copy is read (fourteen hundred GMT, oh nine thirty UTC)."""
    zones = lexicon.rules.get("clock", {}).get("zones", [])
    if not zones:
        return lambda text: text
    # 01:00 GMT, 14.30 UTC: a two-digit hour with a separator is read the same way (oh one hundred GMT).
    pattern = re.compile(
        rf"(?<![\d:.,])(?P<hours>[01]\d|2[0-3])(?:(?<=\d\d)[:.])?(?P<minutes>[0-5]\d)(?=\s?(?:{alternatives(zones)})(?![\w]))"
    )

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match["hours"]), int(match["minutes"])
        said = ("oh " if match["hours"].startswith("0") else "") + num2words(hours, lang="en")
        if not minutes:
            return figure(match, f"{said} hundred")
        return figure(match, f"{said} {'oh ' if minutes < 10 else ''}{num2words(minutes, lang='en')}")

    return regex_step(pattern, say)


# 23.09 Astana time, 09.30 local time: hours and minutes joined by a full stop before "time" (after a place's name or
# "local") are a clock, said as the colon's are (twenty-three oh nine).
_DOTTED_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<hours>[01]?\d|2[0-3])\.(?P<minutes>[0-5]\d)(?=\s+(?:local|[A-Z][\w-]*)\s+time(?![\w]))"
)


# As of 19.40 on December 5: a dotted clock after "as of" too.
_AS_OF_CLOCK = re.compile(r"(?<=[Aa]s of )(?P<hours>[01]?\d|2[0-3])\.(?P<minutes>[0-5]\d)(?![\d.,]\d|\s?%)")


def _dotted(match: re.Match[str]) -> str:
    return figure(match, _clock(int(match["hours"]), int(match["minutes"]), ""))


def dotted_clocks(text: str) -> str:
    say = _dotted
    if "s of " in text:
        text = _AS_OF_CLOCK.sub(say, text)
    if "time" not in text:
        return text
    return _DOTTED_CLOCK.sub(say, text)


# PM2.5, PM10: capitals run into a figure are the letters, then the figure (pee-em two point five), unless the lexicon
# knows the whole (CO2).
_LETTERS_FIGURE = re.compile(r"(?<![\w-])(?P<letters>[A-Z]{2,4})(?P<figure>\d+(?:\.\d+)?)(?![\w.-])")


def letters_figures(lexicon: Lexicon):
    def say(match: re.Match[str]) -> str:
        if lexicon.knows(match.group()):
            return match.group()
        return f"{match['letters']} {match['figure']}"

    return regex_step(_LETTERS_FIGURE, say)


def compass(lexicon: Lexicon):
    """42.73° N, 79.21° E: a compass letter after degrees is its word (the lexicon's [compass]: north, east)."""
    points = lexicon.rules.get("compass", {})
    if not points:
        return lambda text: text
    pattern = re.compile(rf"(?<=°)\s?({alternatives(points)})(?![\w])")
    return lambda text: pattern.sub(lambda m: f" {points[m.group(1)]}", text) if "°" in text else text


def year_spans(lexicon: Lexicon):
    """2012-14, the 2015/16 season, 1998-99: a year joined by a hyphen, dash or slash to the last two digits of a later
    year is a span of years, said as two full years (twenty twelve to twenty fourteen); a percent, currency or unit
    around it leaves it a range of amounts."""
    units = alternatives(lexicon.rules.get("measures", {})) or r"(?!x)x"
    pattern = re.compile(
        rf"(?<![\d.,$£€₸/-])(?P<century>19|20)(?P<first>\d\d)[–/-](?P<second>\d\d)(?![\d%]|[.,]\d|\s?%|[–/-]\d)"
        rf"(?!\s?(?:{units})(?![\w/]))"
    )

    def say(match: re.Match[str]) -> str:
        if int(match["second"]) <= int(match["first"]):
            return match.group()
        return f"{match['century']}{match['first']}-{match['century']}{match['second']}"

    # the 2019/2020 academic year: two full years joined by a slash, the second the next, are a span too
    full = re.compile(r"(?<![\d.,/])(?P<first>(?:19|20)\d\d)/(?P<second>(?:19|20)\d\d)(?![\d/])")
    step = regex_step(pattern, say)

    def spans(text: str) -> str:
        if "/" in text:
            text = full.sub(lambda m: f"{m['first']}-{m['second']}" if int(m["second"]) == int(m["first"]) + 1 else m.group(), text)
        return step(text)

    return spans


def quarters(lexicon: Lexicon):
    """Q2, H1 (the lexicon's [quarters]): a quarter or half of a year is said as one (second quarter, first half), with
    "the" after a preposition (in Q2: in the second quarter) and "of" before a year (Q3 2024: third quarter of twenty
    twenty-four). Only there, or before a word of `[quarters] nouns` (Q3 results): an Audi Q3 or green H2 is no
    part of a year."""
    rules = lexicon.rules.get("quarters", {})
    parts = rules.get("parts", {})
    if not parts:
        return lambda text: text
    the_after = alternatives(rules.get("the_after", []))
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<prep>(?:{the_after}))\s+)?(?P<part>{alternatives(parts)})(?P<n>[1-4])(?![\w-])"
        rf"(?P<year>\s+(?:19|20)\d\d(?!\d))?"
    )

    nouns = {noun.lower() for noun in rules.get("nouns", [])}

    def say(match: re.Match[str]) -> str:
        name, count = parts[match["part"]]
        number = int(match["n"])
        following = re.match(r"\s+([\w-]+)", match.string[match.end():])
        named = match["prep"] or match["year"] or (following and following.group(1).lower() in nouns)
        if number > count or not named:
            return match.group()
        said = f"{num2words(number, lang='en', to='ordinal')} {name}" + (f" of{match['year']}" if match["year"] else "")
        return f"{match['prep']} the {said}" if match["prep"] else said

    return regex_step(pattern, say)


def fractions(lexicon: Lexicon):
    """6½ acres, a 1-1/2 month high, 2 3/4 miles: a fraction after a whole number is said with "and" (six and a half,
    one and a half, two and three quarters), from the lexicon's [fractions]; a vulgar fraction alone is its words (½:
    a half)."""
    names = lexicon.rules.get("fractions", {})
    if not names:
        return lambda text: text
    glyphs = {form: said for form, said in names.items() if "/" not in form}
    written = {form: said for form, said in names.items() if "/" in form}
    mixed = re.compile(
        rf"(?<![\d.,/-])(?P<whole>\d+)(?:\s?(?P<glyph>{alternatives(glyphs)})|[-\s](?P<written>{alternatives(written)})(?![\d/]))"
    )
    alone = re.compile(rf"(?<![\w])({alternatives(glyphs)})")

    def step(text: str) -> str:
        if not any(glyph in text for glyph in glyphs) and "/" not in text:
            return text
        text = mixed.sub(lambda m: f"{m['whole']} and {names[m['glyph'] or m['written']]}", text)
        return alone.sub(lambda m: glyphs[m.group(1)], text)

    return step


def written_forms(lexicon: Lexicon):
    """Agency and web copy's shorthand, put in the form the number rules read (each a rule of its own, README
    "English, session 5"): a written fraction alone is its words like a glyph (about 1/3 of: about a third of); a
    percent written on both ends of a range once (7.5%-8%: seven point five to eight percent); an apostrophe before a
    decade goes ('90s: nineties); a span of clock times is said with "to" (10:00-18:00); a figure run into x is times
    (rose 3x), a multiplication sign between figures is "by" (the 4×7.5-kilometer relay); "No" before a figure
    after a word is number (ranked No 3); money in words with cents (12.50 dollars:
    twelve dollars and fifty cents); a figure run into C in a sentence about the weather is degrees Celsius
    (`[celsius] words`: temperatures of 40C); a plus after a figure is said (aged 65+: sixty-five plus); agency periods
    before a year are said in full (9M2024: nine months of; 1H 2024: the first half of; 2M25: two months of twenty
    twenty-five)."""
    rules = lexicon.rules
    written = {form: said for form, said in rules.get("fractions", {}).items() if "/" in form}
    alone = re.compile(rf"(?<![\w/.,-])(?<!\d\s)({alternatives(written)})(?![\w/]|[.,]\d)(?P<article>\s+an?\s)?")
    plus = re.compile(r"(?<=\d)\+(?=[\s.,;:)!?]|$)")
    joined_plus = re.compile(r"(?<=[A-Z]\d)\+(?=\d)")
    months_list = rules.get("dates", {}).get("months", [])
    dotted_date = re.compile(r"(?<![\d.,])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)(?![\d]|[.,]\d)")
    letter_number = re.compile(
        r"(?<![\w-])(?P<letter>[A-GI-PR-Z])(?P<number>\d{1,2})(?![\w.,-]|[.,]\d)|(?<![\w.,-])(?P<number2>\d)(?P<letter2>G)(?![\w-])"
    )
    seconds = re.compile(r"(?<![\d:])(?P<clock>(?:[01]?\d|2[0-3]):[0-5]\d):(?P<seconds>[0-5]\d)(?![\d:])")
    # 2M25, 1H25: a two-digit year after the period is the century's (twenty twenty-five)
    months = re.compile(r"(?<![\w.,])(?P<n>1[0-2]|[1-9])M\s?(?:(?=(?:19|20)\d\d(?!\d))|(?P<short>[0-9]\d)(?![\d\w]))")
    halves = re.compile(
        r"(?<![\w.,])(?P<prep>(?:[Ii]n|[Ff]or|[Dd]uring|[Oo]ver|[Bb]y|[Ss]ince|[Tt]hrough)\s)?(?P<n>[12])H\s?"
        r"(?:(?=(?:19|20)\d\d(?!\d))|(?P<short>[0-9]\d)(?![\d\w]))"
    )
    clock_span = re.compile(r"(?<=\d:\d\d)\s?[–-]\s?(?=\d{1,2}:\d\d)")
    percent_range = re.compile(r"(?<=\d)\s?%\s?(?=[–-]\s?\d[\d.,]*\s?%)")
    decade = re.compile(r"(?<![\w'’])['’](?=\d0s(?![\w]))")
    times = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)x(?![\w])")
    # 163.4 x 78 x 8.8 mm: a spaced x between figures is "by", as the multiplication sign is
    by_letter = re.compile(r"(?<=\d)\s[xX]\s(?=\d)")
    # went 0-for-3, 2-for-4 at the plate: hits for at-bats (goals for chances), said with "for" (oh-for-three)
    for_count = re.compile(r"(?<![\w.,-])(?P<a>\d{1,2})-for-(?P<b>\d{1,3})(?![\w-])")
    for_zero = rules.get("records", {}).get("for_zero", "zero")
    # batting .302, shooting .611 from the field: three decimals with no figure before the point are a rate as sport
    # says it, the first digit then the other two (three oh two, six eleven; .400: four hundred)
    rate = re.compile(r"(?<![\w.,])\.(?P<digits>\d{3})(?![\d]|[.,]\d)")
    # won in 33:11.9: minutes, seconds and tenths are a time taken (thirty-three minutes eleven point nine seconds)
    split = re.compile(r"(?<![\d:.,])(?P<minutes>\d{1,2}):(?P<seconds>[0-5]\d)\.(?P<tenths>\d{1,2})(?![\d:])")
    # won in 2:16:36: hours, minutes and seconds after "in" with no a.m. or p.m. are a time taken, not a time of day
    duration = re.compile(
        r"(?<=\bin )(?P<hours>\d):(?P<minutes>[0-5]\d):(?P<seconds>[0-5]\d)(?![\d:]|\s?[ap]\.?m\b)"
    )
    by_sign = re.compile(r"(?<=\d)\s?×\s?(?=\d)")
    number = re.compile(r"(?<=[^\W\d_] )No(?= \d)")
    names = {said[1]: symbol for symbol, said in rules.get("currency", {}).items() if len(symbol) == 1}
    cents = {names[word]: word for word in names if names[word] in rules.get("cents", {})}
    money = re.compile(rf"(?<![\w.,])(\d+\.\d\d)\s({alternatives(cents.values())})(?![\w])") if cents else None
    weather = rules.get("celsius", {}).get("words", [])
    celsius = re.compile(r"(?<=\d)C(?![\w])")
    weather_words = re.compile(rf"\b(?:{alternatives(weather)})\b", re.IGNORECASE) if weather else None

    def step(text: str) -> str:
        if "/" in text and written:
            # cut by 1/2 a point: half a point
            text = alone.sub(lambda m: written[m.group(1)].removeprefix("a ") + m["article"] if m["article"] else
                             written[m.group(1)], text)
        if "+" in text:
            text = plus.sub(" plus", text)  # aged 65+: sixty-five plus
            text = joined_plus.sub(" plus ", text)  # the C5+1 summit: see five plus one
        if "." in text and months_list:
            # 05.12.2024 in Central Asian copy is day first: the fifth of December, twenty twenty-four
            text = dotted_date.sub(lambda m: f"{int(m['day'])} {months_list[int(m['month']) - 1]} {m['year']}", text)
        if ":" in text:
            if "in " in text:
                text = duration.sub(_time_taken, text)
            if "." in text:
                text = split.sub(_time_taken, text)
            # 08:01:28 a.m.: the seconds are said after the minutes (eight oh one and twenty-eight seconds a.m.)
            text = seconds.sub(lambda m: f"{m['clock']} and {int(m['seconds'])} seconds", text)
        # the G20, the C5 countries, a 5G network: a capital letter joined to a small number is spelled, then the number
        text = letter_number.sub(
            lambda m: f"{lexicon.spell(m['letter'])} {m['number']}" if m["letter"] else f"{m['number2']} {lexicon.spell('G')}",
            text,
        )
        if "M" in text or "H" in text:
            # 9M2024, 10M2022, 1H 2024 (agency periods): nine months of, the first half of
            text = months.sub(lambda m: f"{m['n']} months of {'20' + m['short'] if m['short'] else ''}", text)
            text = halves.sub(lambda m: f"{m['prep'] + 'the ' if m['prep'] else ''}{'first' if m['n'] == '1' else 'second'}"
                              f" half of {'20' + m['short'] if m['short'] else ''}", text)
        if "%" in text:
            text = percent_range.sub("", text)
        if ":" in text:
            text = clock_span.sub(" to ", text)  # open 10:00-18:00: ten o'clock to eighteen hundred
        if "0s" in text:
            text = decade.sub("", text)
        if "x" in text:
            text = times.sub(r"\1 times", text)
        if "-for-" in text:
            text = for_count.sub(lambda m: figure(m, "-for-".join(
                for_zero if value == "0" else num2words(int(value), lang="en") for value in (m["a"], m["b"]))), text)
        if " x " in text or " X " in text:
            text = by_letter.sub(" by ", text)
        if " ." in text or text[:1] == ".":
            text = rate.sub(lambda m: figure(m, _model(m["digits"])), text)
        if "×" in text:
            text = by_sign.sub(" by ", text)  # the 4×7.5-kilometer relay, 3×3 basketball: four by seven point five
        if "No " in text:
            text = number.sub("number", text)
        if money and "." in text:
            text = money.sub(lambda m: names[m.group(2)] + m.group(1), text)
        if weather_words and "C" in text and celsius.search(text) and weather_words.search(text):
            text = celsius.sub("°C", text)
        return text

    return step


def _time_taken(match: re.Match[str]) -> str:
    """2:16:36, 33:11.9: a time taken, each part said with its unit (two hours sixteen minutes thirty-six seconds)."""
    parts = match.groupdict()
    said = []
    for unit in ("hours", "minutes"):
        if parts.get(unit) is not None and int(parts[unit]):
            said.append(f"{num2words(int(parts[unit]), lang='en')} {unit[:-1] if int(parts[unit]) == 1 else unit}")
    seconds = int(parts["seconds"])
    if parts.get("tenths"):
        said.append(f"{num2words(seconds, lang='en')} point {' '.join(num2words(int(d), lang='en') for d in parts['tenths'])} seconds")
    elif seconds:
        said.append(f"{num2words(seconds, lang='en')} {'second' if seconds == 1 else 'seconds'}")
    return figure(match, " ".join(said))


def _plural(words: str) -> str:
    """seventy-seven -> seventy-sevens, twenty -> twenties: a said number in the plural (three Boeing 767s)."""
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def _model(digits: str) -> str:
    """757 -> seven fifty-seven, 707 -> seven oh seven, 300 -> three hundred: a model's three digits as it is named."""
    head, tail = num2words(int(digits[0]), lang="en"), int(digits[1:])
    if not tail:
        return f"{head} hundred"
    return f"{head} {'oh ' if tail < 10 else ''}{num2words(tail, lang='en')}"


def race_gaps(lexicon: Lexicon):
    """1'19" behind the yellow jersey: minutes and seconds written with an apostrophe and a double quote (or »″) are a
    race's gap, said in words (one minute nineteen seconds) where a word of racing is in the sentence ([gaps] words).
    Elsewhere feet and inches written so are a height (the 6'11" forward, 5'8" to 5'11", 6'3 guards): said as an anchor
    says a height, the feet then the inches (six foot eleven; `[gaps] foot`). Runs before the quotation marks are
    dropped."""
    gaps = lexicon.rules.get("gaps", {})
    if not gaps:
        return lambda text: text
    words = re.compile(rf"\b(?:{alternatives(gaps.get('words', []))})\b", re.IGNORECASE)
    pattern = re.compile(
        r"(?<![\w'’])(?:(?P<minutes>\d{1,2})\s?['’′](?P<seconds>[0-5]\d)\s?[\"”″»](?![\w])"
        r"|(?P<feet>[1-9])['’′](?P<inches>1[01]|\d)(?:[\"”″]|['’′]{2})?(?![\w'’.,]\d|[\w'’]))"
    )
    minute, second = gaps.get("minute", ["minute", "minutes"]), gaps.get("second", ["second", "seconds"])
    foot = gaps.get("foot", "foot")

    def height(feet: int, inches: int) -> str:
        return f"{num2words(feet, lang='en')} {foot}" + (f" {num2words(inches, lang='en')}" if inches else "")

    def say(match: re.Match[str]) -> str:
        if match["feet"]:
            return figure(match, height(int(match["feet"]), int(match["inches"])))
        minutes, seconds = int(match["minutes"]), int(match["seconds"])
        if not words.search(match.string):
            return figure(match, height(minutes, seconds)) if 1 <= minutes <= 9 and seconds <= 11 else match.group()
        said = f"{num2words(minutes, lang='en')} {minute[0 if minutes == 1 else 1]}" if minutes else ""
        if seconds or not minutes:
            said += f" {num2words(seconds, lang='en')} {second[0 if seconds == 1 else 1]}"
        return figure(match, said.strip())

    return regex_step(pattern, say)


def aircraft(lexicon: Lexicon):
    """Boeing 757, the Boeing 767s, Airbus A320, an A321neo, a 737-800: an aircraft's model is named by its first digit
    and the other two (seven fifty-seven, A three twenty), a variant after a hyphen in hundreds (eight hundred) or as
    its figure (787-9: nine); the lexicon's [aircraft] makers come before a bare model, an Airbus model is marked by
    its A, a designation by a capital or a designer's letters and a hyphen (C-130: see one thirty, An-124: An one
    twenty-four, `[aircraft] types`), and a Boeing model by the name after it (the 787 Dreamliner, the 737 MAX)."""
    makers = lexicon.rules.get("aircraft", {}).get("makers", [])
    if not makers:
        return lambda text: text
    pattern = re.compile(
        rf"(?:\b(?P<maker>{alternatives(makers)})\s|(?<![\w-])(?P<airbus>A)(?=3\d\d)"
        # C-130, An-124, Tu-154: a capital or a designer's letters, a hyphen, three digits (two capitals are an airline's:
        # flight KC-901 is a number)
        rf"|(?<![\w-])(?P<designation>[A-Z]|{alternatives(lexicon.rules.get('aircraft', {}).get('types', []))})-(?=[1-9]\d\d(?!\d))"
        # the 787 Dreamliner, the 737 MAX: a model its name follows
        r"|(?<![\w.,-])(?=7\d7s?\s(?:Dreamliner|MAX|Max)\b))(?P<model>\d{3})"
        r"(?:-(?P<variant>1000|[1-9]00|[1-9])(?![\d]))?(?P<plural>s)?(?P<letters>(?=[A-Za-z]))?(?![\d.,]\d|\d)"
    )

    def say(match: re.Match[str]) -> str:
        said = _model(match["model"])
        if match["variant"]:
            variant = match["variant"]
            # the A350-1000: a variant of a thousand is said in hundreds (ten hundred)
            said += " " + ("ten hundred" if variant == "1000" else _model(variant) if len(variant) == 3
                           else num2words(int(variant), lang="en"))
        if match["plural"]:
            said = _plural(said)
        designation = match["designation"]
        # C-130: capitals are spelled as the G20's are (see one thirty); a designer's letters stay a word (An, Tu)
        prefix = match["maker"] or match["airbus"] or (
            lexicon.spell(designation) if designation and designation.isupper() else designation) or ""
        return figure(match, f"{prefix} {said}{' ' if match['letters'] is not None else ''}")

    return regex_step(pattern, say)


def boxing_records(lexicon: Lexicon):
    """Murad Khalidov (11-0, 6 KOs): a boxer's record in brackets after the name is said as a ring announcer says it,
    set off by commas (Murad Khalidov, eleven and oh, six knockouts, stopped ...); the lexicon's [records]."""
    records = lexicon.rules.get("records", {})
    if not records:
        return lambda text: text
    words = re.compile(rf"\b(?:{alternatives(records.get('words', []))})\b", re.IGNORECASE)
    pattern = re.compile(
        r"(?<=[^\W\d_])\s?\((?P<won>\d{1,3})[–-](?P<lost>\d{1,3})(?:[–-](?P<drawn>\d{1,3}))?"
        r"(?:,\s?(?P<ko>\d{1,3})\s?KOs?)?\)(?P<word>(?=\s[^\W\d_]))?"
    )
    # Improving to 18-0, moves to 12-1-1: the record a fighter goes to, where a word of fighting is in the sentence.
    goes_to = re.compile(
        rf"\b(?P<goes>(?i:{alternatives([*records.get('goes_to', []), *records.get('goes_to_any', [])])}) to )"
        r"(?P<won>\d{1,3})[–-](?P<lost>\d{1,3})(?:[–-](?P<drawn>\d{1,3}))?(?![\w%–-])"
    ) if records.get("goes_to") else None
    any_sport = {word.lower() for word in records.get("goes_to_any", [])}
    zero = records.get("zero", "zero")
    knockout = records.get("knockout", ["knockout", "knockouts"])

    def counts(match: re.Match[str]) -> str:
        won = [value for value in (match["won"], match["lost"], match["drawn"]) if value]
        return " and ".join(zero if value == "0" else num2words(int(value), lang="en") for value in won)

    def say(match: re.Match[str]) -> str:
        if not match["ko"] and not words.search(match.string):
            return match.group()
        said = counts(match)
        if match["ko"]:
            said += f", {num2words(int(match['ko']), lang='en')} {knockout[0 if match['ko'] == '1' else 1]}"
        return figure(match, f", {said}{',' if match['word'] is not None else ''}")

    def reached(match: re.Match[str]) -> str:
        sport = match["goes"].split()[0].lower() in any_sport or words.search(match.string)
        return match["goes"] + figure(match, counts(match)) if sport else match.group()

    def step(text: str) -> str:  # literal tests first: a record in brackets needs one, a record reached " to "
        if "(" in text:
            text = pattern.sub(say, text)
        if goes_to is not None and " to " in text:
            text = goes_to.sub(reached, text)
        return text

    return step


def ampersands(lexicon: Lexicon):
    """S&P, M&A, AT&T: capitals either side of an ampersand are spelled, joined by "and" (ess and pee); Standard &
    Poor's: a spaced ampersand is "and"."""
    joined = re.compile(r"(?<![\w&])(?P<a>[A-Z]{1,3})&(?P<b>[A-Z]{1,3})(?![\w&])")

    def step(text: str) -> str:
        if "&" not in text:
            return text
        text = joined.sub(lambda m: f"{lexicon.spell(m['a'])} and {lexicon.spell(m['b'])}", text)
        return re.sub(r"(?<=\w) & (?=\w)", " and ", text)

    return step


def _fold(text: str) -> str:
    """8.5fold: a figure run into "fold" is a figure and -fold (eight point five-fold)."""
    return re.sub(r"(?<=\d)fold(?![\w])", "-fold", text) if "fold" in text else text


def dates(lexicon: Lexicon):
    """16 December 1991 -> the sixteenth of December, nineteen ninety-one; January 1, 2024 -> January first,
    twenty twenty-four."""
    months = lexicon.rules.get("dates", {}).get("months", [])
    if not months:
        return lambda text: text
    short = lexicon.rules.get("dates", {}).get("short", {})
    # Dec 3, Dec. 3, in Dec. 2020, 3 Dec: the short form before or after a number is the month in full; its full
    # stop ends the sentence too when a capital or the end follows.
    shortened = re.compile(
        rf"(?<![\w])(?:(?P<short>{alternatives(short)})(?:\.|(?![\w.]))(?=\s*\d)"
        rf"|(?<=\d\s)(?P<after>{alternatives(short)})(?P<stop>\.)?(?![\w]))"
    )

    def full(match: re.Match[str]) -> str:
        if match["short"]:
            return short[match["short"]]
        ends = match["stop"] and re.match(r"\s*(?:$|[A-Z])", match.string[match.end():])
        return short[match["after"]] + ("." if ends else "")
    names = alternatives(months)
    # A span of days too: Sept. 12-13, 12–13 September; not an amount after "to" (on July 25 to 14.5 percent).
    days = (
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:(?P<sep>\s?[–-]\s?|\s+(?:to|and)\s+)(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
        r"(?![.,]\d|\s?%|\s+per\s?cent))?"
    )
    day_first = re.compile(rf"(?<![\w])(?<!\d[–-]){days}\s+(?P<month>{names})(?:,?\s+(?P<year>\d{{4}}))?(?![\w])")
    month_first = re.compile(rf"(?<![\w])(?P<month>{names})\s+{days}(?:,\s*(?P<year>\d{{4}}))?(?![\w])")

    def year(match: re.Match[str]) -> str:
        return f", {_year(match['year'], False)}" if match["year"] else ""

    def day(match: re.Match[str]) -> str:
        first = num2words(int(match["day"]), lang="en", to="ordinal")
        joint = match["sep"].strip() if match["day2"] and match["sep"].strip().isalpha() else "to"
        return f"{first} {joint} {num2words(int(match['day2']), lang='en', to='ordinal')}" if match["day2"] else first

    def say_day_first(match: re.Match[str]) -> str:
        return figure(match, f"the {day(match)} of {match['month']}{year(match)}")

    def say_month_first(match: re.Match[str]) -> str:
        return figure(match, f"{match['month']} {day(match)}{year(match)}")

    # for 7, 8 and 9 January; on January 7, 8 and 9: a list of days before or after the month, each an ordinal (the
    # seventh, eighth and ninth of January; January seventh, eighth and ninth).
    item = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
    listed = rf"(?P<days>{item}(?:,\s*{item})+,?\s+(?:and|or)\s+{item})(?!\d)"
    list_first = re.compile(rf"(?<![\w.,]){listed}\s+(?P<month>{names})(?:,?\s+(?P<year>\d{{4}}))?(?![\w])")
    list_after = re.compile(
        rf"(?<![\w])(?P<month>{names})\s+{listed}(?:,\s*(?P<year>\d{{4}}))?(?![\w.,]\d|\s?%|\s+per\s?cent)"
    )

    def ordinals(match: re.Match[str]) -> str:
        return re.sub(r"\d+(?:st|nd|rd|th)?", lambda day: num2words(int(re.sub(r"\D", "", day.group())), lang="en",
                                                                     to="ordinal"), match["days"])

    def day_lists(text: str) -> str:
        if "," not in text or (" and " not in text and " or " not in text):
            return text  # a list needs a comma and its last "and" or "or": two searches in C
        text = list_first.sub(lambda m: figure(m, f"the {ordinals(m)} of {m['month']}{year(m)}"), text)
        return list_after.sub(lambda m: figure(m, f"{m['month']} {ordinals(m)}{year(m)}"), text)

    # January-July 2017, in January–September: a span of months is said with "to".
    span = re.compile(rf"(?<![\w])(?P<first>{names})\s?[–—-]\s?(?P<last>{names})(?![\w])")

    # December 30-January 1: a span of dates across two months is said with "to" (December thirtieth to January first).
    across = re.compile(rf"(?<=\d)\s?[–—-]\s?(?=(?:{names})\s+\d)")

    def month_spans(text: str) -> str:
        if "-" in text or "–" in text or "—" in text:
            return across.sub(" to ", span.sub(lambda m: f"{m['first']} to {m['last']}", text))
        return text

    return lambda text: month_first.sub(
        say_month_first, day_first.sub(say_day_first, day_lists(month_spans(shortened.sub(full, text))))
    )


_YEAR = r"(?:1\d{3}|20\d{2})(?!\d)"
_YEAR_LIST = re.compile(
    rf"(?P<prep>[^\W\d_]+)\s+(?P<items>{_YEAR}(?:,\s*{_YEAR})*,?\s+(?:and|or)\s+{_YEAR}|{_YEAR}(?:,\s*{_YEAR})+)"
)


def year_lists(lexicon: Lexicon):
    """in 1992, 2004, 2020 and 2024: every member of a list of years after a year's word is a year."""
    after = {word.lower() for word in lexicon.rules.get("years", {}).get("after", [])}

    def say(match: re.Match[str]) -> str:
        if match["prep"].lower() not in after:
            return match.group()
        said = re.sub(_YEAR, lambda year: _year(year.group(), False), match["items"])
        return figure(match, f"{match['prep']} {said}")

    return regex_step(_YEAR_LIST, say)


def steps(lexicon: Lexicon):
    return (
        race_gaps(lexicon), strip_quotes, _fold, boxing_records(lexicon), aircraft(lexicon), written_forms(lexicon),
        quarters(lexicon), compass(lexicon), fractions(lexicon),
        ampersands(lexicon), year_spans(lexicon),
        long_numbers("en"), roman_events(lexicon), designations(lexicon), letters_figures(lexicon), named_numbers,
        meridiem(), zone_times(lexicon), dotted_clocks,
        *lexicon_steps(lexicon),
        spelled_acronyms(lexicon),
        signed_ranges(lexicon),
        plus_sign(lexicon), minus_sign(lexicon),
        clock_times(_clock), scores("en", lexicon.rules), dates(lexicon), year_lists(lexicon), amounts(lexicon), dash_pause,
    )


LANGUAGE = Language(
    code="en",
    name="English",
    letters="",
    patterns=Patterns(
        source=re.compile(
            r",?\s*(?:(?P<source>[A-Z][\w ]*?)\s+report(?:s|ed)|reports\s+(?P<source2>[A-Z][\w ]*?)"
            r"|according\s+to\s+(?P<source3>[A-Z][\w ]*?))\s*[.!]?$"
        ),
        group_quote=re.compile(
            r"^[\"“](?P<quote>.+)[\"”],?\s*(?:[-–—]\s*)?"
            r"(?:(?P<verb>say)\s+(?P<who>[^.]+)|(?P<group>[^.]+?)\s+(?:say|believe|think))\.?$"
        ),
    ),
    word_syllables=word_syllables,
    steps=steps,
)
