"""Kazakh."""
from __future__ import annotations

import re
from typing import Any

from . import _kazakh
from ._acronyms import cyrillic_acronyms, latin_acronyms
from ._numbers import (
    _KAZAKH_LIMIT, NUMBER_TEXT, _kazakh_cardinal, cardinal, clock_times, decimal_parts, long_numbers, num2words, roman_numerals,
    scores,
)
from .base import (
    Language, Patterns, alternatives, anchored_step, dash_pause, figure, lexicon_steps, minus_sign, plus_sign, sentence_stop, signed_ranges,
    regex_step, strip_quotes,
)
from .lexicon import Lexicon

_VOWELS = frozenset(_kazakh.VOWELS)


def word_syllables(word: str) -> int:
    """One syllable per vowel; у and и are glides after a vowel (тәуелсіз, қауіпсіздік), and у is one
    before a vowel at the start of a word (уақыт); elsewhere they are vowels (тұру, биік, ту-у)."""
    count = 0
    for i, char in enumerate(word):
        if char not in _VOWELS:
            continue
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if char in "уи" and before in _VOWELS and before not in "уи":
            continue
        if char == "у" and not before and after in _VOWELS:
            continue
        count += 1
    return count


def _fraction(value: str, rules: dict[str, Any]) -> str:
    """2,5 -> екі бүтін оннан бес: the whole, бүтін, the denominator in the ablative, the numerator."""
    whole, digits = decimal_parts(value)
    denominator = _kazakh.attach(cardinal(str(10 ** len(digits)), "kz").split()[-1], "дан", rules)
    return f"{cardinal(whole, 'kz')} бүтін {denominator} {cardinal(str(int(digits)), 'kz')}"


def _number(value: str, rules: dict[str, Any], counted: bool = False) -> str:
    """A cardinal or a decimal; 1,5 before what it counts (not %) is the lexicon's one_and_a_half (бір жарым)."""
    if value.isascii() and value.isdigit():  # most figures: a whole number, neither 1,5 nor a fraction
        return num2words(int(value), lang="kz")
    half = rules.get("numbers", {}).get("one_and_a_half")
    if counted and half and decimal_parts(value) == ("1", "5"):
        return half
    return _fraction(value, rules) if decimal_parts(value)[1] else cardinal(value, "kz")


_SUFFIX = r"[^\W\d_]+"


def _amount_pattern(rules: dict[str, Any]) -> re.Pattern[str]:
    """A number with its range, %, case suffix, scale word and currency symbol (from the lexicon's tables)."""
    symbols = alternatives([*rules.get("currency", {}), *rules.get("rates", {})])
    scales = alternatives([*rules.get("scales", {}), *rules.get("scales", {}).values(), "мың"])
    # -3-плюс 2 (a range across zero, see signed_ranges): the sign after the hyphen is no suffix
    signs = alternatives(rules.get("signs", {}).values())
    return re.compile(
        rf"(?P<before>{symbols})?\s?(?P<num>{NUMBER_TEXT})"
        rf"(?:\s?[–—-]\s?(?P<num2>{NUMBER_TEXT}))?"
        rf"(?P<pct>\s?%)?(?:-(?!(?:{signs})\s)(?P<suffix>{_SUFFIX}))?"
        rf"(?:\s+(?P<scale>{scales})\.?(?:-(?P<scale_suffix>{_SUFFIX}))?(?![\w]))?"
        rf"(?:\s?(?P<after>{symbols})(?:-(?P<symbol_suffix>{_SUFFIX}))?)?"
        rf"(?=(?:\s+(?P<next>{_SUFFIX}))?)"
    )


# The lexicon's word lists as tuples (what `str.startswith` takes), made once per rules table: every figure asks.
_Tables = tuple[tuple[str, ...], int, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_TABLES: dict[int, tuple[dict[str, Any], _Tables]] = {}


def _tables(rules: dict[str, Any]) -> _Tables:
    """The ordinal nouns, the first year, the year nouns, the position nouns and endings, and the phone words."""
    kept = _TABLES.get(id(rules))
    if kept is not None and kept[0] is rules:  # the table itself is kept with them: its id is never another's
        return kept[1]
    ordinal = rules.get("ordinal", {})
    tables = (
        tuple(ordinal.get("nouns", [])), ordinal.get("year_from", 1000), tuple(ordinal.get("year_nouns", [])),
        tuple(ordinal.get("position_nouns", [])), tuple(ordinal.get("position_endings", [])),
        tuple(rules.get("numbers", {}).get("phone_words", [])),
    )
    _TABLES[id(rules)] = (rules, tables)
    return tables


def _owned(match: re.Match[str]) -> bool:
    """тас жолының 128 шақырымында: a genitive owner right before the number makes a possessive position noun a
    position (the road's 128th kilometre); with none (Бүгінгі күні 751 шақырымында, алғашқы 5 минутында) it is an
    extent of something named earlier, counted."""
    return match.string[: match.start("num")].rstrip().endswith(_GENITIVE_ENDINGS)


_GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")


def _ordinal_noun(word: str, rules: dict[str, Any], value: str = "", owned: bool = True) -> bool:
    """Whether a number before `word` is an ordinal: 15 наурыз, XXI ғасыр, and 1992 жыл but not 5 жыл."""
    nouns, year_from, year_nouns, position_nouns, position_endings, _ = _tables(rules)
    lower = word.lower()
    if lower.startswith(nouns):
        return True
    is_year = value.isdigit() and int(value) >= year_from
    if is_year and lower.startswith(year_nouns):
        return True
    # тас жолының 128 шақырымында, ойынның 5 минутында: a position, in the possessive locative
    return owned and lower.startswith(position_nouns) and lower.endswith(position_endings)


_FOUR_DIGITS = re.compile(r"\d{4}")
_PHONE_WORD = re.compile(r"\s+(?:қысқа\s+)?([^\W\d_]+)")


def _phone_number(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """1414 қысқа нөмірінен, 1414 нөміріне: four digits that name a telephone number, not an amount."""
    words = _tables(rules)[5]
    number = match["num"]
    if not words or len(number) != 4 or not _FOUR_DIGITS.fullmatch(number) or any(
        match[name] for name in ("num2", "pct", "suffix", "scale", "before", "after")
    ):
        return False
    after = _PHONE_WORD.match(match.string, match.end())
    if after is None:
        return False
    # 1414 нөміріне names a number (the possessive); 1420 нөмірден тұратын counts rooms (a bare noun after a cardinal)
    word = after.group(1).lower()
    return any(word.startswith(stem) and word[len(stem):len(stem) + 1] in ("і", "ы") for stem in words)


def _in_pairs(digits: str) -> str:
    """1414 -> он төрт он төрт, 1405 -> он төрт нөл бес: a telephone number is said two digits at a time."""
    said = []
    for pair in (digits[:2], digits[2:]):
        said.append(f"{cardinal('0', 'kz')} {cardinal(pair[1], 'kz')}" if pair[0] == "0" else cardinal(pair, "kz"))
    return " ".join(said)


def _modified_year(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """2025–2026 оқу жылына, 2025 қаржы жылы: a calendar year before a word that names the kind of year, then жыл,
    is an ordinal as before жыл itself (екі мың жиырма бесінші-екі мың жиырма алтыншы оқу жылына)."""
    ordinal = rules.get("ordinal", {})
    if (match["next"] or "").lower() not in ordinal.get("year_kinds", []):
        return False
    after = re.match(r"\s+\S+\s+([^\W\d_]+)", match.string[match.end():])
    return after is not None and _ordinal_noun(after.group(1), rules, match["num"]) and not _ordinal_noun(after.group(1), rules, "1")


def _measure(word: str, rules: dict[str, Any]) -> bool:
    """Whether a word after a number's hyphen is an adjective of measure (жылдық, айлық, қабатты): a stem,
    then one of the lexicon's measure endings."""
    ordinal = rules.get("ordinal", {})
    lower = word.lower()
    if lower.startswith(tuple(ordinal.get("measure_not", []))):
        return False
    if lower.startswith(tuple(ordinal.get("measure_words", []))):
        return True
    return any(lower.find(ending, 2) > 0 for ending in ordinal.get("measure_endings", []))


def _possessive_only(suffix: str, rules: dict[str, Any]) -> bool:
    """Whether `suffix` is a case ending only a possessive takes (-на/-не, -нда/-нде: 70%-на is пайызына), in no
    other column of its case's table in the lexicon's [suffixes]."""
    lower = suffix.lower()
    for table in rules.get("suffixes", {}).values():
        if lower in table.get("possessive", []):
            return not any(lower in forms for column, forms in table.items() if column != "possessive")
    return False


def _percent_word(suffix: str, rules: dict[str, Any]) -> str:
    """The word for % the written suffix was meant for: 30%-ке -> процент(ке), 30%-ға -> пайыз(ға)."""
    words = rules.get("percent", {}).get("words", ["пайыз"])
    if suffix:
        for word in words:
            if _kazakh.keeps(word, suffix, rules):
                return word
        front = _kazakh.is_front(suffix)
        for word in words:
            if _kazakh.is_front(word) == front:
                return word
    return words[0]


_NONE_OF_SIX = (None,) * 6
_KAZAKH_DIGITS = len(str(_KAZAKH_LIMIT))  # a number of fewer digits is below the limit: num2words' words, kept


def amounts(lexicon: Lexicon):
    """Numbers with what goes with them: ordinals before жыл and the months, %, scales, currency symbols
    and the case suffix the writer put after them (kept, and fitted to the word now said last)."""
    rules = lexicon.rules
    currency = rules.get("currency", {})
    markers = sorted(rules.get("ordinal", {}).get("markers", []), key=len, reverse=True)

    # A bare whole number (no range, %, suffix, scale or sign: most figures) takes the same path with nothing to fit.
    plain = "" not in markers and "" not in rules.get("rates", {})
    bare = ("suffix", "num2", "pct", "scale", "before", "after")
    ordinal = rules.get("ordinal", {})
    empty_word = "" in (*_tables(rules)[0], *_tables(rules)[2], *_tables(rules)[3], *ordinal.get("year_kinds", []))

    def say(match: re.Match[str]) -> str:
        number = match["num"]
        if not (plain and number.isascii() and number.isdigit() and match.group(*bare) == _NONE_OF_SIX):
            return say_any(match)
        following = match["next"]
        # A telephone number needs a word after it, which `next` then holds (`_PHONE_WORD` is `\s+` and a word)
        if len(number) == 4 and following is not None and _phone_number(match, rules):
            return say_any(match)
        said = _kazakh_cardinal(int(number)) if len(number) < _KAZAKH_DIGITS else num2words(int(number), lang="kz")
        # No word after it: no ordinal noun, unless the tables hold an empty word
        if (following is not None or empty_word) and (
            _ordinal_noun(following or "", rules, number, _owned(match)) or _modified_year(match, rules)
        ):
            said = _kazakh.ordinal(said, rules)
        return figure(match, f" {said}{sentence_stop(match)} ")

    def say_any(match: re.Match[str]) -> str:
        suffix = match["suffix"] or ""
        next_word = ""
        if _phone_number(match, rules):
            return figure(match, f" {_in_pairs(match['num'])}{sentence_stop(match)} ")
        if suffix and _measure(suffix, rules):
            # 10-жылдық, 100-жылдығы, 5-қабатты: an adjective of measure takes the count, not an ordinal
            return figure(match, f" {_number(match['num'], rules)} {suffix}")
        if suffix and (_ordinal_noun(suffix, rules, "1000") or _kazakh.is_word(suffix, rules)):
            # 1992-жылы, 3-орын: the hyphen stands for -ші and a space
            next_word, suffix = suffix, ""
        as_ordinal = suffix.lower() in markers or bool(next_word) or (
            not (match["pct"] or match["scale"] or match["before"] or match["after"])
            and (_ordinal_noun(match["next"] or "", rules, match["num"], _owned(match)) or _modified_year(match, rules))
        )
        if suffix.lower() in markers:
            suffix = ""
        values = [v for v in (match["num"], match["num2"]) if v]
        counted = not match["pct"]
        spoken = [_kazakh.ordinal(_number(v, rules), rules) if as_ordinal else _number(v, rules, counted) for v in values]
        said = "-".join(spoken)  # a range is one phrase, with no pause inside: төрт-бес пайыз
        if match["pct"]:
            said += " " + _percent_word(suffix, rules)
        if match["scale"]:
            said += " " + rules.get("scales", {}).get(match["scale"], match["scale"])
        symbol = match["before"] or match["after"]
        rate = rules.get("rates", {}).get(symbol or "")
        if rate:
            said += " " + rate[1]  # 15-20 м/с: секундына он бес-жиырма метр
        elif symbol:
            said += " " + currency.get(symbol, symbol)
        # The writer's suffix belongs to the word said last: $5 млн-ға -> бес миллион долларға.
        written = match["symbol_suffix"] or match["scale_suffix"] or suffix
        if match["pct"] and not match["scale"] and not symbol and _possessive_only(written, rules):
            # деңгейінің 70%-на: -на, -нда are the possessive's cases only (70 percent of it): пайызына, пайызында
            said = _kazakh.attach(possessed(said), written, rules, possessive=True)
        else:
            said = _kazakh.attach(said, written, rules)
        if rate:
            said = f"{rate[0]} {said}"
        return figure(match, f" {said}{sentence_stop(match)} {next_word}")

    symbols = [*rules.get("currency", {}), *rules.get("rates", {})]
    pattern = _amount_pattern(rules)
    step = anchored_step(pattern, say, r"\d", symbols)
    step.slow = lambda text: pattern.sub(say_any, text)  # type: ignore[attr-defined]  # both shortcuts' yardstick
    return step


_ITEM = r"\d{1,4}"
_LIST = re.compile(
    rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*\s*,?\s+(?:және|мен|немесе)\s+{_ITEM}|{_ITEM}(?:\s*,\s*{_ITEM})+)"
    rf"(?=\s+(?P<noun>{_SUFFIX}))"
)


_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")


def _plural_position(word: str, rules: dict[str, Any]) -> bool:
    """23 және 31 минуттарда, 3 және 5 қабаттарда: a noun counted by a cardinal stays singular (7 минутта), so a position
    noun in the plural after a list names the positions (the 23rd and 31st minutes): the list is of ordinals."""
    lower = word.lower()
    return any(lower.startswith(stem) and lower.startswith(_PLURAL, len(stem)) for stem in _tables(rules)[3])


def ordinal_lists(lexicon: Lexicon):
    """1992, 2004 және 2024 жылдары; 5 және 6 мамырда: every number of a list before an ordinal noun is an
    ordinal, as the last one is."""
    rules = lexicon.rules

    def say(match: re.Match[str]) -> str:
        items = re.findall(_ITEM, match["items"])
        if not all(_ordinal_noun(match["noun"], rules, item) for item in items) and not _plural_position(
            match["noun"], rules
        ):
            return match.group()
        said = re.sub(_ITEM, lambda item: _kazakh.ordinal(_number(item.group(), rules), rules), match["items"])
        return figure(match, said)

    return regex_step(_LIST, say)


def _clock(rules: dict[str, Any]):
    """18:30 -> он сегіз отыз; 18:00-де -> он сегізде (the suffix on the last word said); 07:05 -> жеті нөл бес (minutes
    under ten are said with their nought, as the clock shows them)."""
    zero = cardinal("0", "kz")

    def say(hours: int, minutes: int, suffix: str) -> str:
        said = cardinal(str(hours), "kz")
        if minutes:
            said += f" {zero} {cardinal(str(minutes), 'kz')}" if minutes < 10 else f" {cardinal(str(minutes), 'kz')}"
        return _kazakh.attach(said, suffix, rules)

    return say


def _attach_suffix(lexicon: Lexicon):
    """What follows an abbreviation's hyphen: a case suffix fitted to the reading's last word (ЖШС-ға:
    серіктестікке), or a word of its own (GPS-трекер) or a number (ЭКСПО-2017) said after it."""

    def attach(said: str, suffix: str) -> str:
        if suffix.isdigit() or _kazakh.is_word(suffix, lexicon.rules):
            return f"{said} {suffix}"
        return _kazakh.attach(said, suffix, lexicon.rules, possessive=_kazakh.is_possessive_phrase(said))

    return attach


_VOICING = str.maketrans("кқп", "гғб")


def possessed(phrase: str) -> str:
    """акционерлік қоғам -> акционерлік қоғамы, ... серіктестік -> ... серіктестігі: the phrase's last word with the
    third-person possessive (-сы/-сі after a vowel, -ы/-і after a consonant, a final к, қ, п voiced before it)."""
    head, _, last = phrase.rpartition(" ")
    front = _kazakh.is_front(last)
    if last[-1:].lower() in _VOWELS:
        last += "сі" if front else "сы"
    else:
        last = last[:-1] + last[-1].translate(_VOICING) + ("і" if front else "ы")
    return f"{head} {last}".strip()


def named_forms(lexicon: Lexicon):
    """«Қазпошта» АҚ, «Алтын» ЖШС-ның: an abbreviation of a kind of organisation after the name it follows (in
    quotation marks) is the head of the name, so its reading takes the possessive (Қазпошта акционерлік қоғамы,
    Алтын жауапкершілігі шектеулі серіктестігінің); the lexicon's [organisations] forms list the kinds. Runs before
    the quotation marks are dropped: they show where the name ends."""
    forms = [form for form in lexicon.rules.get("organisations", {}).get("forms", []) if lexicon.reading(form)]
    if not forms:
        return lambda text: text
    pattern = re.compile(rf"(?<=[»”\"])(\s+)({alternatives(forms)})(?:-(?P<suffix>{_SUFFIX}))?(?![^\W\d_])")

    def say(match: re.Match[str]) -> str:
        said = possessed(lexicon.reading(match.group(2)) or match.group(2))
        return match.group(1) + _kazakh.attach(said, match["suffix"] or "", lexicon.rules, possessive=True)

    return regex_step(pattern, say)


def fractions(lexicon: Lexicon):
    """Бюджеттің 1/3-і, 2/3-сі, 1/3-ке жуығы, 1/4 бөлігі: a proper fraction is the denominator in the ablative, then the
    numerator (үштен бірі, үштен екісі, үштен бірге жуығы, төрттен бір бөлігі), the written ending fitted to the
    numerator by vowel harmony; first, two years joined by a slash become a span (2024/2025 оқу жылы, as 2024–2025)."""
    rules = lexicon.rules
    pattern = re.compile(r"(?<![\d/.,])(?P<num>[1-9])/(?P<den>[2-9]|1[0-2])(?![\d/.,]\d|\d)(?:-(?P<suffix>[^\W\d_]+))?")

    def say(match: re.Match[str]) -> str:
        numerator, denominator = int(match["num"]), int(match["den"])
        if numerator >= denominator:
            return match.group()  # 24/7, 5/3: no proper fraction
        said = f"{_kazakh.attach(num2words(denominator, lang='kz'), 'дан', rules)} {num2words(numerator, lang='kz')}"
        if match["suffix"]:
            said = _kazakh.attach(said, match["suffix"], rules)
        return figure(match, said)

    def step(text: str) -> str:
        if "/" not in text:  # a line without a slash pays one search in C
            return text
        return pattern.sub(say, _YEAR_SLASH.sub(_year_span, text))

    return step


# 2024/2025 оқу жылы, 2023/24 маусымы: two years joined by a slash are a span, as with a dash (the later one's century
# written out when it is shortened).
_YEAR_SLASH = re.compile(r"(?<![\d/.,])(?P<first>(?P<century>19|20)\d\d)/(?P<second>(?:19|20)\d\d|\d\d)(?![\d/]|[.,]\d)")


def _year_span(match: re.Match[str]) -> str:
    return f"{match['first']}–{match['second'] if len(match['second']) == 4 else match['century'] + match['second']}"


def code_articles(lexicon: Lexicon):
    """ҚР ҚК 345-бабының 1-бөлігі: a code of law's abbreviation (the lexicon's [codes]) before an article's number is
    the article's possessor, said in full with the possessive and the genitive (Қылмыстық кодексінің)."""
    codes = lexicon.rules.get("codes", {})
    if not codes:
        return lambda text: text
    pattern = re.compile(rf"(?<![\w-])({alternatives(codes)})(?=\s+\d+(?:\.\d+)?\s?-\s?баб)")

    def say(match: re.Match[str]) -> str:
        return _kazakh.attach(possessed(codes[match.group(1)]), "ның", lexicon.rules, possessive=True)

    def step(text: str) -> str:
        return pattern.sub(say, text) if "баб" in text else text  # бап, бабы, бабының: one search in C first

    return step


def score_clocks(lexicon: Lexicon):
    """пенальтиден 11:12 есебімен: a figure shaped like a clock before a score word ([scores] words) is a score, said
    as one (он бір-он екі), before the clock rule can read it as a time."""
    words = lexicon.rules.get("scores", {}).get("words", [])
    if not words:
        return lambda text: text
    pattern = re.compile(rf"(?<![\d:,.])(?P<a>\d{{1,2}}):(?P<b>\d{{2}})(?![\d:])(?=\s+(?:{alternatives(words)})(?![\w]))")
    return regex_step(pattern, lambda m: figure(m, f"{cardinal(m['a'], 'kz')}-{cardinal(m['b'], 'kz')}"))


# After "сағат" a figure written with a dot or a hyphen is a clock (сағат 22.45-тегі: жиырма екі қырық бестегі; сағат
# 8.50; сағат 14-35-те): never a decimal there, and a hyphen's second figure is minutes where it can be no hour after the
# first (00, above 24, or not above the first: сағат 10-12 аралығында stays a span of hours).
# So is one after a part of the day (кешкі 19.30-да, таңғы 7.40), and one written with a dot and a case ending (15.00-де).
_CLOCK_AFTER_HOUR_WORD = re.compile(
    r"(?:(?<=[Сс]ағат )|(?<=[Тт]аңғы )|(?<=[Кк]ешкі )|(?<=[Тт]үнгі )|(?<=[Кк]үндізгі )|(?<=[Тт]үскі ))"
    r"(?P<hours>[01]?\d|2[0-3])(?P<mark>[.-])(?P<minutes>[0-5]\d)(?![\d]|[.,]\d)"
    r"|(?<![\d.,])(?P<hours2>[01]?\d|2[0-3])\.(?P<minutes2>[0-5]\d)(?=-(?:[дт][ае](?:н|ғы|гі)?|н[ае]н)(?![^\W\d_]))"
)


def _written_clock(match: re.Match[str]) -> str:
    if match["hours2"]:
        return f"{match['hours2']}:{match['minutes2']}"
    hours, minutes = int(match["hours"]), int(match["minutes"])
    if match["mark"] == "-" and not (match["minutes"] == "00" or minutes > 24 or minutes <= hours):
        return match.group()
    return f"{match['hours']}:{match['minutes']}"


# "м" after a figure is metres (500 м жерде, 3 м 60 см, 80 м-ге); elsewhere it may open an abbreviation (м.ғ.д.).
_METRE = re.compile(r"(?<=\d)(?P<space>\s?)м(?P<suffix>-[^\W\d_]+)?(?![^\W\d_]|[./][^\W\d_\s]|/)")


def metres(text: str) -> str:
    if "м" not in text:
        return text
    return _METRE.sub(lambda m: f"{m['space'] or ' '}метр{(m['suffix'] or '')[1:]}", text)


_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
           "желтоқсан")
# 05.12.2024, 01.01.2025 жылдан бастап: a dotted date is said as the year, then the day and month (екі мың жиырма
# бесінші жылғы бірінші қаңтардан), the case written on жыл moved to the month.
_DOTTED_DATE = re.compile(
    r"(?<![\d.,])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)"
    r"(?:\s?ж\.|\s+жыл(?P<suffix>[^\W\d_]*)|-(?P<written>[^\W\d_]+))?(?![\d]|[.,]\d)"
)


# What a dotted date holds, and a clock after an hour word or with a case ending: a pattern opening with a class, scanned
# in C; a line without it (nearly every line has a full stop) is not searched with the costlier pattern.
_DIGIT_DOT_DIGIT = re.compile(r"\d\.\d")
_CLOCK_GATE = re.compile(r"\d[.-][0-5]\d")


def dotted_dates(lexicon: Lexicon):
    rules = lexicon.rules

    def say(match: re.Match[str]) -> str:
        month = _MONTHS[int(match["month"]) - 1]
        # 15.09.2024 жылы: on that day (қыркүйекте); 20.03.2024 жылғы шешім: of that day (наурыздағы)
        suffix = {"ы": "да", "ғы": "дағы"}.get(match["suffix"] or "", match["suffix"] or match["written"] or "")
        if suffix:
            month = _kazakh.attach(month, suffix, rules)
        return f"{match['year']} жылғы {int(match['day'])} {month}"

    return lambda text: _DOTTED_DATE.sub(say, text) if _DIGIT_DOT_DIGIT.search(text) is not None else text


# 2024 ж., 2024-2025 жж.: the year's abbreviation is жылы, жылдары, or жылғы before a day and a month (2024 ж. 1
# қаңтарда: екі мың жиырма төртінші жылғы бірінші қаңтарда).
_YEAR_MARK = re.compile(
    rf"(?<![\d.,])(?P<years>(?:1\d|20)\d\d(?:\s?[–-]\s?(?:1\d|20)\d\d)?)\s?(?P<mark>жж?)\.(?P<date>(?=\s+\d{{1,2}}\s+(?:{'|'.join(_MONTHS)})))?"
)


def year_marks(text: str) -> str:
    if "ж." not in text:
        return text

    def say(match: re.Match[str]) -> str:
        word = "жылғы" if match["date"] is not None else "жылдары" if match["mark"] == "жж" else "жылы"
        stop = "." if not match.string[match.end():].strip() else ""
        return f"{match['years']} {word}{stop}"

    return _YEAR_MARK.sub(say, text)


def hour_word_clocks(text: str) -> str:
    return _CLOCK_AFTER_HOUR_WORD.sub(_written_clock, text) if _CLOCK_GATE.search(text) is not None else text


def steps(lexicon: Lexicon):
    # A Roman numeral is an ordinal whatever its noun (ХХІV туры): it comes back as digits with -ші.
    romans = roman_numerals(lexicon.rules.get("ordinal", {}).get("roman_before", []), mark="-ші", names=2)
    attach = _attach_suffix(lexicon)
    latin = latin_acronyms(lexicon.rules, attach)
    return (
        named_forms(lexicon), code_articles(lexicon), fractions(lexicon), strip_quotes, long_numbers("kz"), latin,
        *lexicon_steps(lexicon, attach), signed_ranges(lexicon),
        plus_sign(lexicon),
        minus_sign(lexicon), romans,
        cyrillic_acronyms(lexicon, attach),
        score_clocks(lexicon), dotted_dates(lexicon), year_marks, hour_word_clocks, metres, clock_times(_clock(lexicon.rules)),
        scores("kz"), ordinal_lists(lexicon), amounts(lexicon), dash_pause,
    )


LANGUAGE = Language(
    code="kk",
    name="Қазақша",
    letters="әғқңөұүһі",
    patterns=Patterns(
        source=re.compile(
            r"(?:,?\s*деп\s+(?:хабарлайды|хабарлады|жазады)\s+(?P<source>[^,.!?]+?)"
            r"|\s*Бұл\s+туралы\s+(?P<source2>[^,.!?]+?)\s+(?:хабарлады|хабарлайды|мәлімдеді|жазады))\s*[.!]?$",
            re.IGNORECASE,
        ),
        group_quote=re.compile(r"^[\"«“](?P<quote>.+)[\"»”],?\s*[-–—]\s*(?P<verb>дейді|деп\s+санайды|деп\s+есептейді)\s+(?P<who>[^.]+)\.?$"),
    ),
    word_syllables=word_syllables,
    steps=steps,
)
