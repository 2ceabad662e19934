"""Russian: numbers agree with the noun after them, in the case the noun or the preposition fixes."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from .lexicon import Lexicon

from . import _morphology
from ._acronyms import cyrillic_acronyms, latin_acronyms
from ._numbers import (
    CLOCK, NUMBER_TEXT, cardinal, decimal_parts, long_numbers, number_value, roman_numerals, roman_value, scores,
)
from .base import (
    Language, Patterns, alternatives, apart, dash_pause, figure, lexicon_steps, minus_sign, plus_sign, sentence_stop, signed_ranges,
    regex_step, strip_quotes, vowel_counter,
)

CASES = "ngdaip"
# A range is said as one phrase with no pause inside: двадцать-двадцать пять тысяч.
RANGE_JOIN = "-"
_WORD = r"[^\W\d_]+"


def _amount_pattern(rules: dict[str, Any]) -> re.Pattern[str]:
    """A number after its preposition, with its range, ending, %, written unit and symbol (from the lexicon)."""
    written = [form for unit in rules.get("units", {}).values() for form in unit.get("written", [])]
    # A word unit opens with a letter of the alphabet (млн, км); º (a letter to Unicode) is a degree sign here.
    def is_word(form: str) -> bool:
        return bool(re.match(r"[a-zа-яё]", form, re.IGNORECASE))

    symbols = alternatives(form for form in written if not is_word(form) and form != "%")
    # 200 г муки: a unit with `after_year = false` is never written with a stop after it (1992 г. is a year) and
    # never follows a four-digit year (в 2024 г); the other forms are literal.
    bare = {form for unit in rules.get("units", {}).values() if unit.get("after_year") is False for form in unit["written"]}
    words = "|".join(
        rf"(?<!(?<!\d)[12]\d{{3}}\s)(?<!(?<!\d)[12]\d{{3}}){re.escape(form)}(?!\.)" if form in bare
        else re.escape(form)
        for form in sorted((form for form in written if is_word(form)), key=len, reverse=True)
    ) or "(?!)"
    # г, гг with no stop end before anything but a letter (2024 г в Москве, not в 2024 году)
    years = "|".join(
        re.escape(form) + ("" if form.endswith(".") else r"(?![^\W\d_])")
        for form in sorted(
            (form for table in rules.get("ordinal", {}).values() for form in table.get("written", [])), key=len, reverse=True
        )
    ) or "(?!)"
    # A sign said before the number (до минус 30 °C) leaves the preposition governing the number.
    signs = alternatives(rules.get("signs", {}).values())
    return re.compile(
        rf"(?:(?<![\w-])(?P<prep>{_WORD})\s+)?(?:(?P<sign>{signs})\s+)?(?P<before>{symbols})?\s?(?P<num>{NUMBER_TEXT})"
        rf"(?:\s?(?:[–—-]|…|\.\.\.)\s?(?P<num2>{NUMBER_TEXT}))?(?:-(?P<ending>[а-яё]{{1,2}})(?![а-яё]))?(?P<pct>\s?%)?"
        rf"(?:\s*(?P<scale>{words})(?![\w]))?"  # 5-9м/с: a unit glued to the figure is the same unit
        rf"(?:\s+(?P<unit>{words})(?![\w]))?"  # 6,8 млн кв. м, 5 тыс. км: a unit after the scale word
        rf"(?:\s?(?P<after>{symbols}))?"
        rf"(?:\s*(?P<abbr>{years}))?"
        rf"(?=(?:\s+(?P<next>{_WORD}(?:-{_WORD}){{0,2}}))?)"
    )


def plural_index(value: int | float) -> int:
    """0 after 1 (21, 101), 1 after 2-4 (and a fraction), 2 after 5-20 and the rest."""
    if isinstance(value, float):
        return 1
    if value % 100 in range(11, 15):
        return 2
    return {1: 0, 2: 1, 3: 1, 4: 1}.get(value % 10, 2)


def unit_form(unit: dict[str, Any], case: str, value: int | float) -> str:
    """The noun after `value` in `case`: один процент, два процента, к пяти процентам; after a fraction
    the genitive singular in every case (2,5 процента, около 1,5 миллиона)."""
    if isinstance(value, float):
        return (unit.get("g") or unit["n"])[0]
    forms = unit.get(case) or unit["n"]
    index = plural_index(value)
    if case not in "na" and index:
        index = 2
    return forms[min(index, len(forms) - 1)]


def _one(value: int) -> int:
    """0 where a number takes the singular (1, 21, 101), 1 elsewhere (11, 2, 5)."""
    return 0 if value % 10 == 1 and value % 100 != 11 else 1


def decimal(value: str, case: str, rules: dict[str, Any]) -> str:
    """2,5 -> две целых пять десятых; около 1,5 -> около одной целой пяти десятых; 440,90 -> четыреста сорок целых
    девяносто сотых (a trailing nought after other digits is read: the figure's written precision)."""
    whole, digits = decimal_parts(value)
    written = re.split(r"[.,]", value)[-1]
    if digits and written.isdigit() and written.rstrip("0") == digits:
        digits = written  # 440,90 тенге: девяносто сотых, the precision the figure is written with (1,0 stays один)
    table = rules.get("decimal", {})
    stems = table.get("denominators", ["десят", "сот", "тысячн"])
    if len(digits) > len(stems):
        return cardinal(value, "ru")
    part, fraction = int(whole), int(digits)
    whole_word = table["whole"][case][_one(part)]
    denominator = stems[len(digits) - 1] + table["endings"][case][_one(fraction)]
    # после 0,07%: нуля целых, the oblique form of ноль an anchor uses for a bare nought too (выше нуля)
    said_whole = _ZERO[case] if part == 0 and case in _ZERO else cardinal(whole, "ru", case=case, gender="f", animate=False)
    return (
        f"{_thousand(said_whole)} {whole_word} "
        f"{cardinal(str(fraction), 'ru', case=case, gender='f', animate=False)} {denominator}"
    )


def _noun_cases(word: str, tables: dict[str, dict[str, Any]]) -> tuple[str, list[str], bool]:
    """(noun, the cases its written form can be in, plural) for a known noun form, else ('', [], False)."""
    for name, table in tables.items():
        cases = [case for case in CASES if word.lower() in (table.get(case) or [])]
        if cases:
            plural = any(word.lower() == table[case][-1] and table[case][-1] != table[case][0] for case in cases)
            if not any(table.get(case) for case in CASES[1:]):
                cases = list(CASES)  # an indeclinable noun (тенге, евро) is in every case
            return name, cases, plural
        if word.lower() in table.get("words", []):
            return name, [], False
    # An adjective before the counted noun shows the case where its form is the dative or instrumental plural
    # (с 18 золотыми, 24 серебряными и 30 бронзовыми наградами; к 5 новым); its -ых is genitive after пять
    # in the nominative too (5 новых школ), so it tells nothing.
    adjective = _morphology.adjective_cases(word) if re.fullmatch(r"[а-яё]+", word.lower()) else set()
    if adjective and adjective <= {"d", "i"}:
        return "", sorted(adjective), True
    # Unknown nouns: only the plural endings of three cases are unambiguous.
    for ending, case in (("ами", "i"), ("ями", "i"), ("ам", "d"), ("ям", "d"), ("ах", "p"), ("ях", "p")):
        if word.lower().endswith(ending) and len(word) > len(ending) + 2:
            return "", [case], True
    return "", [], False


def _counts_as_ordinal(word: str, value: int | float, ordinals: dict[str, dict[str, Any]]) -> bool:
    """в 1992 году, в 988 году, 15 марта, 21 век; but за 2 года counts years: a count takes год or года,
    never году, годом, годе; a plural in those cases is a count's (к 10 годам, за 5 годами: десяти, пятью)."""
    noun, cases, plural = _noun_cases(word, ordinals)
    return bool(noun) and (value >= ordinals[noun].get("from", 0) or (bool(set(cases) & set("dip")) and not plural))


_THAN = re.compile(r"([^\W\d_]+)\s+(?:более|менее|больше|меньше)\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\s+$")


def _governing_word(match: re.Match[str], rules: dict[str, Any] | None = None) -> str:
    """The word whose case the number takes: the one before it, or before `более чем` (из более чем 20 стран), or
    the preposition before the adjectives that open the counted phrase (из запланированных 80 рейсов: из)."""
    prep = match["prep"] or ""
    if prep.lower() == "чем":
        before = _THAN.search(match.string[: match.start("prep")])
        return before.group(1) if before else ""
    if prep.lower() in ("ещё", "еще") and match["prep"]:
        # запуск ещё 200 предприятий: "ещё" adds to the count, the word before it governs (запуск: двухсот)
        before = _WORD_BEFORE.search(match.string[: match.start("prep")])
        return before.group(1) if before else prep
    if rules and prep and re.fullmatch(r"[а-яё]+", prep) and _morphology.is_attribute(prep):
        start = match.start("prep")
        for _ in range(2):  # из всех запланированных 80 рейсов: up to two adjectives
            before = _WORD_BEFORE.search(match.string[:start])
            if not before:
                break
            word = before.group(1)
            if any(word.lower() in words for words in rules.get("prepositions", {}).values()):
                return word
            if re.fullmatch(r"[а-яё]+", word) and _morphology.is_verb_form(word) and governed(word, rules):
                return word  # достиг катастрофических 80%: the verb of amount governs across its count's adjective
            if not (re.fullmatch(r"[а-яё]+", word) and _morphology.is_attribute(word)):
                break
            start = before.start(1)
    return prep


def governed(word: str, rules: dict[str, Any]) -> str:
    """The case the word before a number gives it: a preposition (до 5), a governing noun (на уровне 5%),
    a comparative (старше 65 лет) or a verb of amount (составила 1,2%: accusative; достиг 40 млрд: genitive)."""
    lower = word.lower()
    if not lower or not re.fullmatch(r"[а-яё]+", lower):
        return ""
    for table in (rules.get("prepositions", {}), rules.get("governs", {}).get("words", {})):
        case = next((case for case, words in table.items() if lower in words), "")
        if case:
            return case
    governs = rules.get("governs", {})
    return _morphology.governed_case(lower, governs.get("verbs", {}), governs.get("not_comparative", []))


def _case(noun_cases: list[str], prep: str, rules: dict[str, Any]) -> str:
    """The noun's own form decides; where it can be several cases, the preposition (в году: p). An indeclinable
    noun (тенге, евро) shows no case: the preposition's own case holds (вырастет на 4 623 тенге: accusative)."""
    prep_case = governed(prep, rules)
    indeclinable = set(noun_cases) == set(CASES)
    if prep.lower() in ("с", "со") and "i" in noun_cases and not indeclinable:
        return "i"
    if prep.lower() in ("в", "во", "на") and "p" in noun_cases and not indeclinable:
        return "p"
    if prep_case and (prep_case in noun_cases or not noun_cases):
        return prep_case
    if "n" in noun_cases or not noun_cases:
        return "n"
    return noun_cases[0]


def _unit_for(written: str, units: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    return next((unit for unit in units.values() if written in unit.get("written", [])), None)


def _cardinal(value: str, case: str, gender: str, rules: dict[str, Any], animate: bool = False) -> str:
    if decimal_parts(value)[1]:
        return decimal(value, case, rules)
    words = cardinal(value, "ru", case=case, gender=gender, animate=animate)
    if gender != "m" and "илли" in words:  # a literal test first: only a figure of millions or more
        words = _scale_gender(value, case, words)
    if number_value(value) == 0 and case in _ZERO:
        return _ZERO[case]  # около нуля, выше нуля: the oblique forms of ноль an anchor uses
    return _thousand(words)


_SCALES = re.compile(r"(?:милли|трилли)(?:он|ард)")


def _scale_gender(value: str, case: str, words: str) -> str:
    """1 130 000 особей: один миллион сто тридцать тысяч; the millions' count agrees with миллион (masculine), not
    with the counted noun (num2words gives every group the noun's gender: одну миллион). Only the words up to the
    last scale word change; the thousands and units keep theirs."""
    own = cardinal(value, "ru", case="n" if case == "a" else case, gender="m").split()
    tokens = words.split()
    last = max((i for i, token in enumerate(own) if _SCALES.match(token)), default=-1)
    if last < 0 or len(own) != len(tokens):
        return words
    return " ".join(own[: last + 1] + tokens[last + 1 :])


def _thousand(words: str) -> str:
    """A newsreader says тысяча девятьсот, not одна тысяча девятьсот (свыше тысячи; тысяча сто одна целая)."""
    return re.sub(r"^одн\w+ (?=тысяч)", "", words)


_ZERO = {"g": "нуля", "d": "нулю", "i": "нулём", "p": "нуле"}


def _when_of_verb(match: re.Match[str], before: str) -> bool:
    """Whether a date set off by commas after сегодня, завтра is the time of the verb that opens the clause after it
    (Сегодня, 14 мая, состоялись матчи: четырнадцатого), not the name of the day (Сегодня, 1 июля, в столице праздник)."""
    if not before.rstrip().endswith(","):
        return False
    after = re.match(rf"\s*{_WORD}\s*,([^,.!?;:—–]*)", match.string[match.end("num"):])
    # Вчера, 22 августа, в 19:10 на трассе произошла авария: a verb anywhere in the clause after the date (up to its
    # next comma or stop) makes the date its time; a clause with none names the day (в столице праздник)
    return after is not None and any(
        _morphology.is_verb_form(word) for word in re.findall(r"[а-яё]+", after.group(1).lower())[:12]
    )


# на вторник, 24 марта; к пятнице, 5 мая: a weekday after на, по or к, then the date set off by a comma.
_WEEKDAY_BEFORE = re.compile(
    r"(?<![\w])(?P<prep>[Нн]а|[Пп]о|[Кк])\s+(?:[а-яё]+\s+)?(?:понедельник|вторник|сред[уе]|четверг|пятниц[уе]|суббот[уе]"
    r"|воскресенье|воскресенью)\s*,\s*$"
)
_WEEKDAY_CASE = {"на": "a", "по": "a", "к": "d"}


def _date_case(match: re.Match[str], rules: dict[str, Any]) -> str:
    """A date (15 марта) is in the genitive inside a sentence (Форум пройдёт 14 ноября); in the nominative
    where it is the subject: after сегодня, завтра (Сегодня 16 декабря), before a dash (16 декабря — День
    Независимости) or standing alone (a dateline)."""
    dates = rules.get("dates", {})
    before = re.split(r"[.!?…]\s", match.string[: match.start()])[-1]
    words = re.findall(r"[^\W\d_]+", before)
    after_verb = len(words) > 1 and re.fullmatch(r"[а-яё]+", words[-2].lower()) is not None and _morphology.is_verb_form(words[-2])
    if words and words[-1].lower() in dates.get("nominative_after", []) and not _when_of_verb(match, before) and not after_verb:
        # Сегодня 16 декабря, Сегодня, 1 июля, в столице праздник: the date names the day; but after a verb сегодня
        # says when, and so does the date set off after it (произошло сегодня, 30 января, в 15:25: тридцатого)
        return "n"
    if before.rstrip().endswith(","):
        weekday = _WEEKDAY_BEFORE.search(before)
        if weekday is not None:
            # курс на вторник, 24 марта: the date restates the day, in the case the preposition gives it (на
            # двадцать четвёртое, к пятому мая); после в, с, до the genitive of a date said as a when
            return _WEEKDAY_CASE[weekday["prep"].lower()]
    after = re.sub(rf"^\s*{_WORD}(?:\s+{NUMBER_TEXT}\s+(?:года|г\.))?", "", match.string[match.end():])
    alone = not before.strip(" \"«“(") and not after.strip(" .!?\"»”)")
    if alone or re.match(r"\s*[—–-]\s", after):
        return "n"
    # A date that opens its clause and that the verb after it agrees with is the subject (1 сентября стало
    # праздником, 25 октября объявлено выходным); an impersonal verb (было тепло, стало известно) leaves it a when.
    following = re.findall(r"[^\W\d_]+", after)[:2]
    opens = not re.search(r"[^\W\d_]", before.rsplit(",", 1)[-1])
    if opens and len(following) == 2 and _morphology.agrees_as_subject(*following):
        return "n"
    return "g"


def _head_word(match: re.Match[str]) -> str:
    """The word after the number, or where that is an adjective the noun after up to two adjectives: the ordinal
    agrees with it as they do (4-е общекомандное место: четвёртое; в 2024-2025 учебном году: в … двадцать пятом)."""
    next_word = match["next"] or ""
    if not re.fullmatch(r"[а-яё]+", next_word.lower()) or not _morphology.is_adjective(next_word):
        return next_word
    position = match.end("next")
    for _ in range(2):  # only words joined by spaces: a comma ends the phrase (с 18 золотыми, 24 серебряными)
        following = re.match(rf"\s+({_WORD})", match.string[position:])
        if not following:
            break
        if not _morphology.is_adjective(following.group(1)):
            # 1 серебряную и 1 бронзовую: no noun after the adjective, the adjective stands for it
            return following.group(1) if _morphology.is_noun(following.group(1)) else next_word
        position += following.end()
    return next_word


def _bare_ordinal(match: re.Match[str], values: list[str], units: dict[str, dict[str, Any]]) -> bool:
    """на 929 километре, на 6 этаже, в 3 классе: a whole number that does not end in 1 before a noun that can only
    be a singular in the dative, instrumental or prepositional is an ordinal written without its ending (a count
    of two or more takes the plural there: на девятистах километрах)."""
    value = number_value(values[-1])
    head = _head_word(match)
    return (
        len(values) == 1 and isinstance(value, int) and _one(value) != 0 and not match["pct"] and not match["sign"]
        and set(_noun_cases(head, units)[1]) != set(CASES)  # тенге: indeclinable, in every case
        and re.fullmatch(r"[а-яё]+", head.lower()) is not None
        and (_morphology.singular_only(head) is not None or (_many(value) and _morphology.genitive_singular(head) is not None))
    )


def _many(value: int) -> bool:
    """A whole number that counts in the genitive plural (5-20, 25, 100; not 1, 2-4, 22-24)."""
    return value % 10 in (0, 5, 6, 7, 8, 9) or 11 <= value % 100 <= 14


_SINGULAR_ENDINGS = ("й", "ый", "ой", "ий", "ая", "я", "ю", "му", "го", "м")


def _after_month(match: re.Match[str], months: list[str]) -> bool:
    """Whether the year follows a month in any case, also the second of a span (в январе-ноябре 2025 г.): the
    month's year, in the genitive (две тысячи двадцать пятого года)."""
    before = re.search(r"([а-яёА-ЯЁ]+)\s+$", match.string[: match.start("num")])
    return before is not None and _morphology.lemma(before.group(1)) in _month_lemmas(tuple(months))


@cache
def _month_lemmas(months: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_morphology.lemma(month) for month in months)


def _ordinal_said(match: re.Match[str], values: list[str], rules: dict[str, Any]) -> tuple[str, list[str]]:
    """A year, a date or a century: an ordinal in the case its noun, ending or preposition gives; after
    a written ending (2-е место, в 5-м классе) it agrees with its noun in gender, number and case."""
    prep, ending = match["prep"] or "", (match["ending"] or "").lower()
    ordinals, endings = rules.get("ordinal", {}), rules.get("ordinal_endings", {})
    next_word = _head_word(match)
    noun, cases, plural = _noun_cases(next_word, ordinals) if not match["abbr"] else ("год", [], False)
    table = ordinals.get(noun or "год", {})
    gender = table.get("gender", "m")
    if len(values) == 1 and plural and "g" in cases and next_word.lower() == table["g"][0]:
        cases, plural = ["g"], False  # культура XIX века: one century, in the genitive
    # в 13-й раз: an ending of the singular (-й, -го, -му, -м, -ю, -я) agrees with a singular reading of its noun only
    singular = ending in _SINGULAR_ENDINGS
    agreed = _morphology.noun(next_word, endings[ending], singular) if ending in endings and not noun and next_word else None
    if not ending and not noun and next_word and not match["abbr"]:
        bare = _morphology.singular_only(next_word)  # на 929 километре: the noun's own case and gender
        value = number_value(values[-1])
        if not bare and len(values) == 1 and isinstance(value, int) and _many(value):
            bare = _morphology.genitive_singular(next_word)  # по итогам 28 тура: двадцать восьмого тура
        agreed = (_case(list(bare[0]), prep, rules), bare[1], False) if bare else None
    if agreed and ending == "х" and not agreed[2]:
        agreed = None  # в 80-х жилье выдавали: -х is a plural's ending (the eighties), the singular noun is not its own
    if agreed:
        cases, gender, plural = [agreed[0]], agreed[1], agreed[2]
    elif ending in endings and not cases:
        cases = [endings[ending][0]]
        if ending == "м" and (prep.lower() in ("с", "со") or governed(prep, rules) == "i"):
            cases = ["i"]  # по сравнению с 2021-м, перед 5-м: -м is instrumental after с or a preposition of it
        if ending in ("ю", "я", "ая"):
            gender = "f"  # в 216-ю, with its noun left out (в 215-ю школу, в 216-ю): the ending is a feminine one
    months = ordinals.get("месяц", {}).get("words", [])
    month_before = prep.lower() in months or _after_month(match, months)
    if noun == "месяц" and not governed(prep, rules):
        case = _date_case(match, rules)
    elif month_before:
        case = "g"  # 3 марта 2023 года, 12 января 2024 г.: the year of a date
    else:
        case = _case(cases, prep, rules)
        if noun == "месяц" and prep.lower() == "по":
            case = "a"  # по 30 апреля: up to and including
    # в 1990-х годах: a plural ordinal; a range of years keeps each ordinal singular.
    plural = ((plural or ending in ("х", "е")) if not agreed else plural) and (
        len(values) == 1 or (ending == "х" and all(v.endswith("0") for v in values))
    )  # 1890-1910-х: a span of decades, each plural (девяностых-десятых)
    if match["abbr"] and prep.lower() in ("в", "во", "на"):
        case = "p"  # в 1992 г.: в году
    elif (
        match["abbr"] and (case == "n" or (case == "p" and ending == "х")) and re.fullmatch(r"[а-яё]+", prep.lower())
        and _morphology.is_noun(prep)
    ):
        # за 1-й квартал 2010 г.: the year after a noun is its attribute, квартал две тысячи десятого года; so is a
        # decade (раскопок 1890-1910-х гг.: девяностых-десятых годов), whose -х reads as в … годах only after в
        case = "g"
    if ending == "х" and prep.lower() in rules.get("prepositions", {}).get("g", []):
        case = "g"
    said = RANGE_JOIN.join(
        cardinal(v, "ru", to="ordinal", case=case, gender=gender, plural=plural, animate=False) for v in values
    )
    nouns = [table[case][1 if match["abbr"] in ("гг.", "гг") else 0]] if match["abbr"] else []
    return said, nouns


def _unit_ordinal(match: re.Match[str], values: list[str], written: list[str], rules: dict[str, Any]) -> bool:
    """на 556 км автодороги, на 54 км Тюменского тракта, в районе 25 км трассы: a whole number of kilometres before a
    road (`[governs] roads`, by lemma, in the genitive, after up to two adjectives) names the kilometre post, an ordinal
    written without its ending (на пятьсот пятьдесят шестом километре), as "на 556-м км" writes it in full; only after
    на, в районе or после, where a place is named (отремонтировали 12 км трассы counts a length)."""
    value = number_value(values[0]) if len(values) == 1 else 0
    if len(written) != 1 or match["pct"] or not isinstance(value, int) or value < 2:
        return False  # на 1 км дороги потрачено 500 млн: one kilometre, what the sum is per
    units = rules.get("units", {})
    if _unit_for(written[0], units) is not units.get("километр"):
        return False
    if (match["prep"] or "").lower() not in ("на", "районе", "после"):
        return False  # отремонтировали 12 км трассы: a length of road, counted
    head = _head_word(match)
    roads = rules.get("governs", {}).get("roads", [])
    return bool(head) and _morphology.lemma(head) in roads and _morphology.noun(head, "g") is not None


def _year_after_month(match: re.Match[str], values: list[str], rules: dict[str, Any]) -> bool:
    """по октябрь 2020 выдано: a number from 1900 to 2099 right after a month, in any case, with no counted noun after
    it is the month's year, its noun left out (две тысячи двадцатого; в январе 1995 рост составил: рост is in no form
    a count takes); в октябре 2000 туристов counts."""
    value = number_value(values[0]) if len(values) == 1 else 0
    if not (isinstance(value, int) and 1900 <= value <= 2099) or match["ending"] or match["sign"]:
        return False
    next_word = match["next"] or ""
    counted = (
        bool(next_word) and re.fullmatch(r"[а-яё]+", next_word.lower()) is not None and _morphology.is_noun(next_word)
        and bool(_morphology.counted_cases(next_word, _one(value) == 0, plural_index(value) == 1))
    )
    if counted:
        return False  # в октябре 2000 туристов: a noun in the form a count takes is counted
    months = rules.get("ordinal", {}).get("месяц", {}).get("words", [])
    return _after_month(match, months)


def _compared_year(match: re.Match[str], values: list[str], rules: dict[str, Any]) -> bool:
    """по сравнению с 2021 составил: a four-digit number from 1900 to 2099 after a comparing "с" (`[governs]
    with_instrumental`) with no counted noun after it is a year whose noun is left out, an ordinal."""
    value = number_value(values[0]) if len(values) == 1 else 0
    if not (isinstance(value, int) and 1900 <= value <= 2099) or (match["prep"] or "").lower() not in ("с", "со"):
        return False
    if _word_before_governing(match).lower() not in rules.get("governs", {}).get("with_instrumental", []):
        return False
    next_word = match["next"] or ""
    return not next_word or not _morphology.is_noun(next_word)


def _bare_year(match: re.Match[str], values: list[str]) -> bool:
    """больше, чем в 2019.: a number from 1900 to 2099 after в with no word after it before a stop or a comma is a
    year whose noun is left out (в две тысячи девятнадцатом), never a count with nothing to count."""
    if match["next"] or match["ending"] or len(values) != 1 or (match["prep"] or "").lower() not in ("в", "во"):
        return False
    value = number_value(values[0])
    if not (isinstance(value, int) and 1900 <= value <= 2099 and len(values[0]) == 4):
        return False
    return re.match(r"\s*(?:[.,;:!?)»\"]|$)", match.string[match.end():]) is not None


_SCALE_LEMMAS = frozenset({"тысяча", "миллион", "миллиард", "триллион"})
# из 70 исследованных городов: a count, up to two adjectives, then its noun (a plural genitive or any form).
_COUNTED_BEFORE = re.compile(r"(?<![\d,.])\d+((?:\s+[а-яё]+){1,3})[^\d.!?]*$")


_PART_OF = re.compile(r"\s+из\s+(?:(?P<pronoun>них|которых)(?![а-яё])|\d[\d\s]*?\s?(?P<words>(?:[а-яё]+\s+){0,2}[а-яё]+))")
_COUNTED = re.compile(r"(?<![\d,.])\d+\s+((?:[а-яё]+\s+){0,2}[а-яё]+)")


def _part_gender(match: re.Match[str]) -> str:
    """The gender of a count before из (3 аварии, 2 из них – с летальным исходом; 2 из 10 машин): the part is counted
    in the noun of the whole it is taken out of, after из the figure's noun, before из них / из которых the noun of
    the last count of its sentence (две из них). '' where no such noun is found."""
    part = _PART_OF.match(match.string, match.end())
    if part is None:
        return ""
    if part["pronoun"]:
        sentence = re.split(r"[.!?]\s", match.string[: match.start("num")])[-1]
        counts = _COUNTED.findall(sentence.lower())
        words = counts[-1].split() if counts else []
    else:
        words = part["words"].lower().split()
    noun = next((word for word in words if not _morphology.is_adjective(word)), "")
    form = _morphology.noun(noun) if noun and _morphology.is_noun(noun) else None
    return form[1] if form else ""


def _area_place(match: re.Match[str], written: list[str], rules: dict[str, Any]) -> bool:
    """Пожар начался на 20 га, лес горит на 5 га, посеяли на 300 га: на with an area (a unit with `area = true`) is
    where a thing happens, the prepositional (на двадцати гектарах), after a verb of `[governs] area_place` (by
    lemma: happening, burning, lying, sowing, building) right before на or right after the area (на 20 га горит
    лес). After any other verb it stays the accusative of a measure (площадь выросла на 20 га, огонь распространился
    на 300 га: the extent of a change)."""
    units = rules.get("units", {})
    if not any((_unit_for(symbol, units) or {}).get("area") for symbol in written):
        return False
    verbs = rules.get("governs", {}).get("area_place", [])
    before = re.findall(r"[а-яё]+", match.string[: match.start("prep")].lower())[-2:]
    skip = rules.get("governs", {}).get("skip", [])
    if len(before) == 2 and before[-1] in skip:
        before = before[:1]  # уже, почти: an adverb between the verb and на
    after = re.match(r"\s+([а-яё]+)", match.string[match.end():].lower())
    candidates = before[-1:] + ([after.group(1)] if after else [])
    return any(_morphology.is_verb_form(word) and _morphology.lemma(word) in verbs for word in candidates)


def _noun_left_out(match: re.Match[str], values: list[str]) -> bool:
    """Из 70 исследованных городов рост зафиксирован в 47.: a count after в with no word after it before a stop or a
    comma, or with a verb right after it (из 17 областей только в 3 зафиксирован), restates a count of the same
    sentence, its noun left out; where that noun is a thing counted in the
    prepositional plural after в (в городах: not a unit of time or a unit, в 5 раз), the count is in that case
    (в сорока семи). A year (в 2019.) is _bare_year's."""
    if match["ending"] or len(values) != 1 or (match["prep"] or "").lower() not in ("в", "во"):
        return False
    following = match["next"] or ""
    if following:
        # Из 17 областей только в 3 зафиксирован рост: a verb right after the count, no noun of its own
        if not re.fullmatch(r"[а-яё]+", following.lower()) or not _morphology.is_verb_form(following):
            return False
        if _morphology.is_noun(following):
            return False
    elif re.match(r"\s*(?:[.,;:!?)»\"]|$)", match.string[match.end():]) is None:
        return False
    sentence = re.split(r"[.!?]\s", match.string[: match.start("prep")])[-1]
    before = _COUNTED_BEFORE.search(sentence)
    if before is None:
        return False
    noun = next((word for word in before.group(1).split() if not _morphology.is_adjective(word)), "")
    return (
        bool(noun) and _morphology.is_noun(noun) and _morphology.lemma(noun) not in _TIME_LEMMAS | _SCALE_LEMMAS
        and _morphology.plural(noun, "p") is not None
    )


def _road_post(match: re.Match[str], values: list[str], rules: dict[str, Any]) -> bool:
    """на 41 километре трассы: a singular form of километр before a road is the kilometre post whatever the number
    ends in (a count of forty-one kilometres would be на сорока одном километре of no road in particular)."""
    following = re.match(rf"\s+{_WORD}((?:\s+{_WORD}){{1,3}})", match.string[match.end():])
    next_word = (match["next"] or "").lower()
    if len(values) != 1 or not following or _morphology.lemma(next_word) != "километр":
        return False
    parse = _morphology.noun(next_word, "dp")
    words = following.group(1).split()
    road = next((word for word in words if not _morphology.is_adjective(word)), "")  # Тюменского тракта
    return (
        parse is not None and not parse[2] and _morphology.lemma(road) in rules.get("governs", {}).get("roads", [])
        and _morphology.noun(road, "g") is not None
    )


def _unit_ordinal_said(match: re.Match[str], values: list[str], written: list[str], rules: dict[str, Any]) -> tuple[str, list[str]]:
    """An ordinal before a written unit (на 312-м км, на 556 км автодороги): the unit is its noun, singular, in the
    case its preposition gives the place (на, в: the prepositional, на триста двенадцатом километре), else the case
    the governing word gives (в районе 25 км: двадцать пятого километра) or the written ending's."""
    unit = _unit_for(written[0], rules.get("units", {})) or {}
    prep = _governing_word(match, rules)
    endings = rules.get("ordinal_endings", {})
    allowed = endings.get((match["ending"] or "").lower(), CASES)
    case = "p" if prep.lower() in ("в", "во", "на") else (governed(prep, rules) or "n")
    if case not in allowed:
        case = allowed[0]
    gender = unit.get("gender", "m")
    said = cardinal(values[0], "ru", to="ordinal", case=case, gender=gender, animate=False)
    return said, [(unit.get(case) or unit["n"])[0]]


def _is_money(written: list[str], head: str, rules: dict[str, Any]) -> bool:
    """Whether the amount is a sum of money: a currency written or named after it (5 млрд тенге, $5 млн), or only
    a scale word with no counted noun (выделено 500 млн)."""
    units = rules.get("units", {})
    money = set(rules.get("governs", {}).get("money", []))
    named = [name for name, unit in units.items() for form in written if form in unit.get("written", [])]
    head_unit = _noun_cases(head, units)[0] if head else ""
    if any(name in money for name in named) or head_unit in money:
        return True
    scales = set(rules.get("governs", {}).get("scales", []))
    return bool(named) and set(named) <= scales and not (head and _morphology.is_counted_noun(head))


def _object_of_action(match: re.Match[str], written: list[str], head: str, value: int | float, rules: dict[str, Any]) -> bool:
    """Whether the amount is the object of a noun of action before it, and so in the genitive: в хищении 19,5 млн
    тенге, ремонт 50 тыс. кв. м дорог, (на) строительство 8 объектов, провели ремонт 12 км трассы, улучшено
    состояние 8,3 км коллекторов. The nouns are the lexicon's nouns of action (from transitive verbs) in any case
    but the instrumental's measure sense, and -ние/-тие nouns found by the morphology. Not:
    - a -ние/-тие noun after a verb it does not agree with: приняли участие 79 млн человек (the count is the subject);
    - after a preposition governing the noun's accusative, a sum of money: на ремонт 5 млрд тенге (the money is
      for the repair, not repaired); в хищении 19,5 млн тенге is the theft of it;
    - a -ние/-тие noun, or any noun with no written unit, that is no listed noun of action: в помещении 30 человек;
    - a count of time or of times: строительство 5 лет назад, ремонт 2 раза в год."""
    governing = _governing_word(match, rules)
    lower = governing.lower()
    if not re.fullmatch(r"[а-яё]+", lower) or governed(governing, rules):
        return False
    governs = rules.get("governs", {})
    if _morphology.lemma(lower) in governs.get("measure_nouns", []):
        return False  # давление 755 мм рт. ст.: a noun of measure names the figure's quantity, it does not act on it
    listed = _morphology.is_listed_action_noun(lower, governs.get("action_nouns", []))
    if not written:
        if not listed or not head or _morphology.lemma(head) in rules.get("one_and_a_half", {}).get("and_a_half", []):
            return False
        one = isinstance(value, int) and _one(value) == 0
        few = isinstance(value, int) and plural_index(value) == 1
        if "g" not in _morphology.counted_cases(head, one, few):
            return False
    elif not (listed or _morphology.is_action_noun_oblique(governing) or _morphology.is_action_noun_nominative(governing)):
        return False
    before = _word_before_governing(match)
    purpose = (_morphology.noun(governing) or ("",))[0] in ("n", "a")  # на ремонт: what the money is for
    if before and purpose and any(before.lower() in words for words in rules.get("prepositions", {}).values()):
        return not _is_money(written, head, rules)
    return not (
        before and not listed and _morphology.is_verb_form(before) and not _morphology.agrees_with(before, governing)
    )


def _priced(governing: str, written: list[str], head: str, rules: dict[str, Any]) -> bool:
    """Стоимость 1 кв. м, цена 1 литра: a noun of price (`[governs] price_nouns`, in the nominative or accusative)
    before a quantity that is no sum of money names what is priced, in the genitive (одного квадратного метра)."""
    lower = governing.lower()
    if not re.fullmatch(r"[а-яё]+", lower) or _morphology.lemma(lower) not in rules.get("governs", {}).get("price_nouns", []):
        return False
    if (_morphology.noun(lower) or ("",))[0] not in ("n", "a") or _is_money(written, head, rules):
        return False
    return bool(written) or bool(head and _morphology.is_counted_noun(head))


def _measured_things(governing: str, written: list[str], head: str, value: int | float, rules: dict[str, Any]) -> bool:
    """Протяженность 17 станций, площадь 12 участков: a noun of measure (`[governs] measure_nouns`) in the nominative
    or accusative before a count of things that measure nothing (no unit, no time, no people, not one of `[governs]
    measure_counts`: тираж 5000 экземпляров, вместимость 500 мест) names what is measured, in the genitive
    (семнадцати станций); протяженность 35 километров, население 300 человек keep the figure as the value."""
    if written or not head or not isinstance(value, int) or plural_index(value) != 2:
        return False  # 3 участков, 21 участка already show the genitive; only 5 and more can read either way
    lower, head_lower = governing.lower(), head.lower()
    if not re.fullmatch(r"[а-яё]+", lower) or not re.fullmatch(r"[а-яё]+", head_lower):
        return False
    governs = rules.get("governs", {})
    if _morphology.lemma(lower) not in governs.get("measure_nouns", []) or (_morphology.noun(lower) or ("",))[0] not in "na":
        return False
    counted = _morphology.lemma(head_lower)
    units = {word for name in rules.get("units", {}) for word in name.split()}
    if counted in units or counted in _TIME_LEMMAS | _SCALE_LEMMAS or counted in governs.get("measure_counts", []):
        return False
    if not _morphology.is_counted_noun(head_lower) or _morphology.is_animate(head_lower):
        return False
    return "g" in _morphology.counted_cases(head_lower, False, False)


# строительство в 2016-2020 годах 10 школ: a noun, then "в" and a year or a span of years, then the count.
_ACTION_ACROSS_YEAR = re.compile(r"([А-ЯЁа-яё]+)\s+во?\s+\d{4}(?:\s?[-–]\s?\d{4})?\s+(?:году|годах)\s+$")


def _action_across_year(match: re.Match[str], head: str, value: int | float, rules: dict[str, Any]) -> bool:
    """Правительство запланировало строительство в 2016-2020 годах 10 школ: the time of the action stands between a
    listed noun of action and its object, the count, which stays its genitive (десяти школ)."""
    found = _ACTION_ACROSS_YEAR.search(match.string[: match.start("num")])
    if found is None or not head or not re.fullmatch(r"[а-яё]+", head.lower()) or not isinstance(value, int):
        return False
    if not _morphology.is_listed_action_noun(found.group(1), rules.get("governs", {}).get("action_nouns", [])):
        return False
    return "g" in _morphology.counted_cases(head, _one(value) == 0, plural_index(value) == 1)


def _measure_of(governing: str, rules: dict[str, Any]) -> bool:
    """длиной, площадью, мощностью: a noun of measure in the instrumental names a size; the figure after it is that
    size, in the nominative, whatever verb follows (Мост длиной 1,2 км построят: одна целая две десятых)."""
    lower = governing.lower()
    if not re.fullmatch(r"[а-яё]+", lower) or _morphology.lemma(lower) not in rules.get("governs", {}).get("measure_nouns", []):
        return False
    parse = _morphology.noun(lower)
    return parse is not None and parse[0] == "i"


def _instrumental_of(governing: str, written: list[str], head: str, value: int | float, rules: dict[str, Any]) -> bool:
    """усилиями более чем 1500 специалистов, силами 300 волонтёров: a plural noun in the instrumental that is no measure
    (`[governs] measure_nouns`: площадью, населением, численностью name a size, in the nominative after them) takes
    the people or things it is of in the genitive; only where no unit is written (площадью 58 км stays)."""
    lower = governing.lower()
    if written or not head or not re.fullmatch(r"[а-яё]+", lower) or governed(governing, rules):
        return False
    parses = _morphology.noun(lower)
    if parses is None or parses[0] != "i" or not parses[2] or not _morphology.is_noun(lower):
        return False  # a plural only: днём, водой (обеспечить водой 22 497 человек) name a time or a verb's means
    if _morphology.lemma(lower) in rules.get("governs", {}).get("measure_nouns", []):
        return False
    one = isinstance(value, int) and _one(value) == 0
    few = isinstance(value, int) and plural_index(value) == 1
    return _morphology.is_counted_noun(head) and "g" in _morphology.counted_cases(head, one, few)


def _adverbial_before(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """Whether the count follows an adverbial phrase of `[governs] skip` (в общей сложности 21 человек): the noun
    that closes it governs nothing, the count keeps the case of its place in the clause."""
    if not match["prep"]:
        return False
    before = match.string[max(0, match.end("prep") - 40): match.end("prep")].lower().split()
    return any(
        " " in phrase and before[-len(phrase.split()):] == phrase.split()
        for phrase in rules.get("governs", {}).get("skip", [])
    )


def _word_before_governing(match: re.Match[str]) -> str:
    start = match.start("prep") if match["prep"] else match.start()
    before = re.search(r"([а-яёА-ЯЁ]+)\s+$", match.string[:start])
    return before.group(1) if before else ""


# After a length: where a place lies from another (от, на юго-запад от, к северу от, северо-восточнее).
_DIRECTION = r"(?:северо-|юго-)?(?:север|юг|запад|восток)"
_WHERE = re.compile(
    rf"\s*(?:[а-яё]+\s+)?(?:от\b|на\s+{_DIRECTION}|к\s+{_DIRECTION}у|(?:северо-|юго-)?(?:север|юж|запад|восточ)нее)",
    re.IGNORECASE,
)


def _is_distance(written: list[str], head: str, rules: dict[str, Any]) -> bool:
    """Whether the amount is a length (`[governs] distance`): 500 км, 30 метров."""
    units, lengths = rules.get("units", {}), rules.get("governs", {}).get("distance", [])
    named = [name for name, unit in units.items() for form in written[:1] if form in unit.get("written", [])]
    return (bool(named) and named[0] in lengths) or (not written and _morphology.lemma(head) in lengths)


def _verb_across(match: re.Match[str], rules: dict[str, Any]) -> str:
    """The verb a count is the object of where words stand between them: an adverb of `[governs] skip` (составлял в
    среднем 1,27 млн, составил всего 5%) or a place, a preposition and its noun with up to two attributes (вложив в
    проект 81,7 млрд, выделили из областного бюджета 4,3 млрд); '' where no verb form stands there."""
    if not match["prep"]:
        return ""
    clause = re.split(r"[,;:.!?()«»\"—–]", match.string[: match.end("prep")])[-1]
    words = re.findall(r"[а-яёА-ЯЁ]+", clause)[-6:]
    if not words:
        return ""
    lower = [word.lower() for word in words]
    skip = rules.get("governs", {}).get("skip", [])
    prepositions = {word for words in rules.get("prepositions", {}).values() for word in words}
    position = len(words) - 1
    phrase = next((item for item in skip if lower[-len(item.split()):] == item.split()), "")
    if phrase:
        position -= len(phrase.split())
    elif _morphology.is_noun(lower[-1]) and not governed(lower[-1], rules):
        found = next(
            (index for index in range(position - 1, max(position - 4, -1), -1) if lower[index] in prepositions), -1
        )
        between = lower[found + 1: position]
        if found < 0 or not all(_morphology.is_adjective(word) or _morphology.is_pronoun(word) for word in between):
            return ""
        position = found - 1
    else:
        return ""
    if position < 0:
        return ""
    verb = words[position]
    return verb if _morphology.is_verb_form(verb) else ""


def _people_of(governing: str, head: str, value: int | float, rules: dict[str, Any]) -> bool:
    """жители 16 регионов, представители 20 стран: a plural noun of people (in any case) right before a count
    names whom the count's things are of; the count is its genitive attribute (шестнадцати регионов), for a subject
    of its own would need a verb or a conjunction between. Not a count of time (спасатели 5 часов искали) nor of people
    (спасатели 5 человек вытащили), and only where the counted noun's form can be the genitive."""
    lower, head_lower = governing.lower(), head.lower()
    if not re.fullmatch(r"[а-яё]+", lower) or not re.fullmatch(r"[а-яё]+(?:-[а-яё]+)?", head_lower):
        return False
    parse = _morphology.noun(lower)  # in any case: без света остались 15 тыс. жителей 40 населенных пунктов (сорока)
    if parse is None or not parse[2] or not _morphology.is_noun(lower) or not _morphology.is_animate(lower):
        return False
    if _morphology.is_animate(head_lower):
        return False  # спасатели 5 человек вытащили: people counted after people are more likely the verb's object
    if _morphology.lemma(head_lower) in rules.get("one_and_a_half", {}).get("and_a_half", []):
        return False
    one = isinstance(value, int) and _one(value) == 0
    few = isinstance(value, int) and plural_index(value) == 1
    return _morphology.is_counted_noun(head_lower) and "g" in _morphology.counted_cases(head_lower, one, few)


_TIME_LEMMAS = frozenset({"сутки", "выходной", "выходные", "праздник", "каникулы", "день", "неделя", "месяц", "год", "час",
                          "минута", "секунда", "раз", "сезон", "время"})


def _things_of_people(match: re.Match[str], governing: str, rules: dict[str, Any]) -> bool:
    """на счета 4 млн человек, родители 20 детей: a plural noun right before a count of people names what the people
    have, the count its genitive attribute (четырёх миллионов человек, двадцати детей). Not a noun of time (в праздники
    500 человек отдохнули) or measure, and not where a verb follows the people, whose subject or object they then are
    (спасатели 5 человек вытащили)."""
    lower = governing.lower()
    if not re.fullmatch(r"[а-яё]{3,}", lower):
        return False
    words = re.findall(r"[^\W\d_]+", match.string[match.end("num"): match.end("num") + 60])
    written = [w for w in (match["scale"], match["unit"]) if w]
    people = words[len(written)] if len(words) > len(written) else ""
    if not people or not re.fullmatch(r"[а-яё]+", people.lower()) or not _morphology.is_animate(people.lower()):
        return False
    parse = _morphology.noun(lower, "n")  # the form is a nominative plural (счета, родители; not участников)
    if parse is None or not parse[2] or not _morphology.is_noun(lower) or _morphology.can_be_verb(lower):
        return False  # прибыли 75 131 человек: a word that can be the verb is taken for it
    # before it nothing, or a preposition of the accusative (на счета); not a verb whose object it is (получили
    # ранения 757 человек) nor a preposition of another case (из здания 90 человек: a genitive singular)
    before = _word_before_governing(match).lower()
    prepositions = rules.get("prepositions", {})
    if before and before not in prepositions.get("a", []) and (
        any(before in prepositions.get(case, []) for case in "gdip") or _morphology.is_verb_form(before)
    ):
        return False
    if before and re.fullmatch(r"[а-яё]+", before) and _morphology.noun(before, "na") is None and (
        _morphology.noun(before, "gdip") is not None
    ):
        return False  # в составе делегации 15 человек: after a noun in an oblique case it is that noun's genitive
    name = _morphology.lemma(lower)
    if name in _TIME_LEMMAS or name in rules.get("governs", {}).get("measure_nouns", []):
        return False
    after = words[len(written) + 1] if len(words) > len(written) + 1 else ""
    return not (after and _morphology.is_verb_form(after))


def _ranked_with(match: re.Match[str], rules: dict[str, Any]) -> bool:
    """Второе место занимает Московская область с 4,7 млн: in a clause that names a place in a ranking (`[governs]
    ranks`, by lemma), or right after a person (задержали иностранца с 10 кг), "с" before a figure is "with" (the
    instrumental), not "from"; unless a "до", "по" or "на" follows, which makes it a span (с 10 на 7)."""
    ranks = rules.get("governs", {}).get("ranks", [])
    start = match.start("prep") if match["prep"] else match.start()
    clause = re.split(r"[.!?;]", match.string[:start])[-1]
    if re.match(r"[^.!?;]*?\s(?:до|по|на)\s", match.string[match.end():]):
        return False
    before = _word_before_governing(match).lower()
    counted = _morphology.lemma(match["next"] or "") if not (match["scale"] or match["unit"] or match["pct"]) else ""
    if before and counted not in _TIME_LEMMAS and _morphology.is_animate(before):
        return True  # задержали иностранца с 10 кг гашиша: a person with what they carry (детей с 3 лет: from)
    return any(_morphology.lemma(word) in ranks for word in re.findall(r"[а-яё]+", clause.lower()))


def _object_before_verb(match: re.Match[str], value: int | float, head: str) -> bool:
    """121 медаль выиграли США, из которых 1,8 млрд тенге уже освоили: an amount ending in one (not eleven) or a
    fraction makes the verb it is the subject of singular (121 медаль досталась, 1,8 млрд было освоено); a plural
    transitive verb right after it (its noun and adverbs between) has another subject, and the amount is its object,
    in the accusative (сто двадцать одну медаль, одну целую восемь десятых). Not where the counted noun is animate:
    21 человек получили ранения (a plural verb after a count of people agrees by sense)."""
    if not (isinstance(value, float) or _one(value) == 0):
        return False
    if head and _morphology.is_counted_noun(head) and _morphology.is_animate_accusative(head):
        return False
    clause = re.split(r"[,;:.!?()«»\"—–]", match.string[match.end():])[0]
    for word in re.findall(r"[а-яёА-ЯЁ]+", clause)[:4]:
        lower = word.lower()
        if _morphology.is_verb_form(lower):
            return _morphology.is_plural_transitive_verb(lower)
        if not (_morphology.is_noun(lower) or _morphology.is_adverb(lower)) or _morphology.is_animate_accusative(lower):
            return False
    return False


def _object_opens_clause(match: re.Match[str]) -> bool:
    """Третьяковскую галерею посетили 1,3 млн человек: a word that can only be an accusative (not after a
    preposition: за неделю) stands before the verb in its clause, or a singular noun alone before a plural verb (Музей
    посетили); it is the verb's object, so the count after the verb is its subject, in the nominative."""
    start = match.start("prep") if match["prep"] else match.start()
    clause = re.split(r"[,;:.!?()«»\"—–]", match.string[:start])[-1]
    words = re.findall(r"[\w-]+", clause)[-6:]
    if len(words) == 1 and match["prep"] and _morphology.singular_object_of(match["prep"], words[0]):
        return True  # Музей посетили 1,3 млн человек: a singular noun alone before a plural verb is its object
    for index, word in enumerate(words):
        if not re.fullmatch(r"[а-яёА-ЯЁ]+", word) or not _morphology.accusative_only(word):
            continue
        before = index - 1  # в 215-ю школу, за всю неделю: back over figures and adjectives to a preposition
        while before >= 0 and (
            re.search(r"\d", words[before]) or _morphology.is_attribute(words[before])
            or _morphology.accusative_only(words[before])
        ):
            before -= 1
        if before < 0 or words[before].lower() not in _ACCUSATIVE_PREPS:
            return True
    return False


_ACCUSATIVE_PREPS = frozenset({"в", "во", "на", "за", "про", "через", "сквозь", "под", "о", "об", "по", "с", "со"})


def _is_verb_object(word: str) -> bool:
    """Whether a count right after `word` is its object: `word` is a transitive verb in its likeliest reading."""
    return bool(re.fullmatch(r"[а-яё]+", word.lower())) and _morphology.is_transitive_verb(word, likeliest=True)


def _cardinal_ending(match: re.Match[str], values: list[str], rules: dict[str, Any]) -> str:
    """The cases a cardinal's written oblique ending can mark (5-ти: gdp, 2-х: gp, 3-мя: i), "" where the
    ending is none of them or, for -х, the number is not one ending in 2, 3 or 4 (в 80-х, 1-х: ordinals)."""
    ending = match["ending"]
    if not ending:
        return ""
    marked: str = rules.get("cardinal_endings", {}).get(ending.lower(), "")
    if marked and ending.lower() == "х":
        value = number_value(values[-1])
        if not isinstance(value, int) or value % 10 not in (2, 3, 4) or value % 100 in (12, 13, 14) or len(values) > 1:
            return ""
    return marked


def _one_and_a_half(case: str, gender: str, rules: dict[str, Any]) -> str:
    """полтора, полторы before a noun in the nominative or accusative; полутора in the other cases."""
    words = rules.get("one_and_a_half", {})
    return words.get("oblique" if case not in "na" else gender, "")


def _count_said(
    match: re.Match[str], values: list[str], written: list[str], rules: dict[str, Any], carried: str = "",
    found: list[str] | None = None,
) -> tuple[str, list[str]]:
    """A count: the number in the case the noun or preposition fixes; a written unit (%, млн, $) agrees. `carried` is
    a case the count takes from the figure it restates; the case said is appended to `found`."""
    units = rules.get("units", {})
    # в 5 новых школах: the noun after the adjectives shows the case; where it shows none, the adjective may
    noun, cases, _ = _noun_cases(_head_word(match), units) if not written else ("", [], False)
    if not written and not cases and _head_word(match) != (match["next"] or ""):
        noun, cases, _ = _noun_cases(match["next"] or "", units)
    value = number_value(values[-1])
    if noun in units and isinstance(value, int) and len(cases) > 1:
        # на глубине 42 километра: after 42 the genitive would be километров; the written form is the one the count
        # takes in the nominative or accusative, and that case holds against the governing word's
        word = _head_word(match).lower() if not written else ""
        fitting = [case for case in cases if unit_form(units[noun], case, value) == word]
        cases = fitting or cases
    if isinstance(value, float) and not written:
        # равнялась 38,15 рубля: after a fraction the noun is the genitive singular in every case, its form shows none
        cases = []
    if (
        noun and set(cases) <= {"n", "a"} and isinstance(value, int) and plural_index(value) == 2
        and _morphology.noun(_head_word(match), "g") is not None
    ):
        # до 65 килограмм: after five and more a nominative singular is impossible; the form is the counting genitive
        # plural (килограмм, грамм), in the nominative, accusative or genitive as after any count of five
        cases = ["n", "a", "g"]
    next_word = (match["next"] or "").lower()
    if not cases and not written and isinstance(value, int) and _one(value) == 0 and re.fullmatch(r"[а-яё]+", next_word):
        # ущерб 21 потерпевшему: after a count ending in 1 the counted adjective or participle is singular, and
        # its singular dative, instrumental or prepositional names the case
        adjective = _morphology.adjective_cases(match["next"], plural=False)
        if len(adjective) == 1 and adjective <= {"d", "i", "p", "a"}:
            cases = sorted(adjective)  # 1 серебряную (медаль): -ую is the accusative only
    head = _head_word(match)  # 21 новая школа: the gender is the noun's, after the adjectives
    if not cases and not written and isinstance(value, int) and re.fullmatch(r"[а-яё]+", head.lower()):
        # ремонт 32 улиц: genitive; на 41 улице: dative or prepositional. The counted noun's own form, read by the
        # morphology, says which cases the count can be in (see _morphology.counted_cases)
        possible = _morphology.counted_cases(head, _one(value) == 0, plural_index(value) == 1)
        if possible and not {"n", "a"} <= possible:
            cases = sorted(possible)
    governing = _governing_word(match, rules)
    case = _case(cases, governing, rules)  # 21 новая школа: the gender is the noun's, after the adjectives
    if case == "g" and not written and head and _morphology.plural_verb_with_agent(governing, head):
        case = "n"  # лишились 15 абитуриентов: the people are the plural verb's subject, not what it governs
    if governing.lower() in ("с", "со") and _word_before_governing(match).lower() in rules.get("governs", {}).get(
        "with_instrumental", []
    ):
        case = "i"  # по сравнению с 6%: с шестью процентами (с … до would be the genitive)
    elif governing.lower() in ("с", "со") and case == "g" and _ranked_with(match, rules):
        case = "i"  # второе место занимает Московская область с 4,7 млн: with, с четырьмя целыми семью десятыми
    if governing.lower() in ("в", "во") and not written and next_word == "из" and isinstance(value, int):
        case = "p"  # в 5 из 7 регионов, в 3 из 10 случаев: в пяти (регионах) из семи, where or in which cases
    elif governing.lower() in ("в", "во") and _WHERE.match(match.string, match.end()) and _is_distance(written, head, rules):
        case = "p"  # в 500 км от центра, в 750 км на юго-запад от, в 424 км севернее: where a place lies
    elif governing.lower() in ("в", "во") and noun in units and units[noun].get("after_v"):
        case = units[noun]["after_v"]  # в 21 ДТП погибли: an event is where something happens, the prepositional
    elif governing.lower() == "на" and written and _area_place(match, written, rules):
        case = "p"  # пожар начался на 20 га: на двадцати гектарах, the area where it happens
    # the counted noun where the word after is most likely a noun (41 стали лауреатами: стали is a verb here)
    counted_form = _morphology.noun(head) if head and not written and _morphology.is_counted_noun(head) else None
    if counted_form is not None and isinstance(value, int) and _one(value) == 0:
        # 51 сверток: after a count ending in one the noun is singular; its singular reading gives the gender (not
        # the genitive plural of свёртка)
        counted_form = _morphology.noun(head, singular=True) or counted_form
    nominative_only = counted_form is not None and _morphology.noun(head, "ga") is None
    if governing.lower() == "по" and not (isinstance(value, int) and _one(value) == 0) and cases != ["d"]:
        # по 20 центнеров, по 50 тысяч тенге: distributive по takes the accusative, but по одному; a noun in the
        # dative plural shows по's own dative (по 8 видам спорта: по восьми, по 57 маршрутам: по пятидесяти семи)
        case = "a"
    if (
        _object_of_action(match, written, head, value, rules) or _priced(governing, written, head, rules)
        or (case == "n" and _measured_things(governing, written, head, value, rules))
        or (case == "n" and _instrumental_of(governing, written, head, value, rules))
        or (
            case in "na" and not written and governing.lower() in ("году", "годах")
            and _action_across_year(match, head, value, rules)
        )
    ):
        case = "g"
    if (
        case == "n" and not governed(governing, rules) and not nominative_only and _is_verb_object(governing)
        and not _object_opens_clause(match)
    ):
        # преодолела 1500 км: тысячу пятьсот километров; эвакуировали 1200 человек: the count is the verb's object
        case = "a"
    elif case == "n" and not governed(governing, rules) and not nominative_only:
        # вложив в проект 81,7 млрд, составлял в среднем 1,27 млн: the verb of amount across a place or an adverb
        verb = _verb_across(match, rules)
        case = (governed(verb, rules) or ("a" if _is_verb_object(verb) else "n")) if verb else case
    if case == "n" and not written and _people_of(governing, head, value, rules) and not _adverbial_before(match, rules):
        case = "g"  # жители 16 регионов: шестнадцати, the regions the people are of
    elif (
        case in "na" and not governed(governing, rules) and _things_of_people(match, governing, rules)
        and not _adverbial_before(match, rules)
    ):
        case = "g"  # на счета 4 млн человек: четырёх миллионов, the people whose accounts they are
    if (
        case == "n" and not governed(governing, rules) and _object_before_verb(match, value, head)
        and not _measure_of(governing, rules)
    ):
        case = "a"  # 121 медаль выиграли США: сто двадцать одну медаль
    if carried and not (
        head and not written and carried not in "na" and isinstance(value, int) and re.fullmatch(r"[а-яё]+", head.lower())
        and _morphology.is_counted_noun(head) and {"n", "a"} >= _morphology.counted_cases(head, _one(value) == 0, plural_index(value) == 1)
    ):
        # 46,4%, или 51,5 млн кв. м: the second figure restates the first, in its case; but not against the counted
        # noun's own form (более 2 кг наркотиков и 3 единицы оружия: единицы follows три only in the nominative)
        case = carried
    marked = _cardinal_ending(match, values, rules)
    if marked and case not in marked:
        # на территориях 18-ти центров: the written ending shows an oblique case; the noun's form picks which
        one = isinstance(value, int) and _one(value) == 0
        few = isinstance(value, int) and plural_index(value) == 1
        possible = _morphology.counted_cases(head, one, few) if head and re.fullmatch(r"[а-яё]+", head.lower()) else set()
        case = next((c for c in marked if c in possible), marked[0])
    first = _unit_for(written[0], units) if written else units.get(noun)
    gender = (first or {}).get("gender", "m")
    if counted_form is not None and _morphology.noun(head, case if case not in "na" else "nga") is None:
        counted_form = None  # до +1 ночью: a noun in another case is no counted noun, its gender is not the count's
    if first is None and counted_form is not None:
        # пережил 2 войны: две; 21 неделя: двадцать одна. The counted noun's own gender, from the morphology.
        gender = counted_form[1]
    elif first is None and not written and next_word == "из" and isinstance(value, int):
        # 3 аварии, 2 из них; 2 из 10 машин: a part counted out of a whole has the whole's noun (две из них)
        gender = _part_gender(match) or gender
    elif first is None and not written and head and _morphology.is_adjective(head):
        # 3 золотые, 1 серебряную и 1 бронзовую: the adjective standing for its noun shows the gender in the singular
        gender = _morphology.adjective_gender(head) or gender
        if (
            case in "na" and isinstance(value, int) and plural_index(value) == 1 and head.lower().endswith(("ые", "ие"))
            and _morphology.adjective_cases(head) <= {"n", "a"}
        ):
            # 2 серебряные (медали): after два, три, четыре the adjective is in the nominative plural before a feminine
            # noun (две большие комнаты), in the genitive before a masculine or neuter one (два больших стола)
            gender = "f"
    half = _one_and_a_half(case, gender, rules) if written and len(values) == 1 and decimal_parts(values[0]) == ("1", "5") else ""
    if half and first is not None and found is not None:
        found.append(case)
    if half and first is not None:
        # на 1,5%: на полтора процента; около 1,5 млн тонн: около полутора миллионов тонн
        forms = first.get(case) or first["n"]
        nouns = [forms[-1] if case not in "na" else (first.get("g") or first["n"])[0]]
        others = (_unit_for(symbol, units) for symbol in written[1:])
        nouns += [unit_form(unit, "g", 5) for unit in others if unit is not None]
        return half, nouns
    # вывели 21 ребёнка: a count ending in one (not eleven) before an animate noun takes the animate accusative
    # (двадцать одного ребёнка); compounds ending in 2-4 keep the nominative form (двадцать два ребёнка), but two,
    # three and four alone take it, their noun then in the genitive plural (выявили 4 водителей: четырёх). A written
    # unit (%, тыс.) is the counted noun, never animate (вырос на 31% к июлю).
    animate = case == "a" and isinstance(value, int) and bool(head) and not written and (
        (_one(value) == 0 and _morphology.is_animate_accusative(head))
        or (value in (2, 3, 4) and _morphology.is_animate_accusative(head, plural=True))
    )
    if found is not None:
        found.append(case)
    said = RANGE_JOIN.join(_cardinal(v, case, gender, rules, animate) for v in values)
    value = number_value(values[-1])
    nouns = []
    for position, symbol in enumerate(written):
        unit = _unit_for(symbol, units)
        if unit is not None:
            # Only the first noun agrees with the number: пять миллионов долларов.
            nouns.append(unit_form(unit, case, value) if position == 0 else unit_form(unit, "g", 5))
    return said, nouns


_VOWEL_LETTERS = "аеёиоуыэюя"
# A preposition takes -о before a cluster it would merge with (Rosenthal): со ста, со второго, во втором,
# ко второму, со многими: before these letters and a consonant, and before the words that open with `_ALSO`.
_EUPHONIC = {"с": "сзшжщ", "в": "вф", "к": "кг"}
_ALSO = {"с": ("вт", "вс", "мн"), "в": ("мн",), "к": ("вт", "вс", "мн")}


def euphonic(prep: str, said: str) -> str:
    """с, в, к as said before the number's first word (с 100: со ста; в 2-м: во втором; к 2-му: ко второму)."""
    lower, first = prep.lower(), said.lower()
    if lower not in _EUPHONIC or len(first) < 2:
        return prep
    clusters = first[0] in _EUPHONIC[lower] and first[1] not in _VOWEL_LETTERS
    return prep + "о" if clusters or first.startswith(_ALSO[lower]) else prep


def _after_preposition(match: re.Match[str], said: str) -> str:
    """`said` for the figure `match` found, after its preposition (with the preposition's -о where it asks for it)."""
    prep = match["prep"] or ""
    return figure(match, f"{euphonic(prep, said)} {said}" if prep else said)


def fraction_scales(lexicon: Lexicon):
    """около 19,5 миллионов голов: after a fraction a scale word is the genitive singular in every case (девятнадцати
    целых пяти десятых миллиона); copy that writes the plural gets the form an anchor says. Scale words: `[governs]
    scales`, their forms from `[units]`."""
    units = lexicon.rules.get("units", {})
    names = lexicon.rules.get("governs", {}).get("scales", [])
    forms = {
        form: units[name]["g"][0]
        for name in names if name in units and units[name].get("g")
        for case in CASES for form in units[name].get(case, []) if form != units[name]["g"][0]
    }
    if not forms:
        return lambda text: text
    pattern = re.compile(rf"(?<![\d,])(?P<num>\d+,\d+)\s+(?P<word>{alternatives(forms)})(?![\w])")
    return regex_step(pattern, lambda match: f"{match['num']} {forms[match['word']]}")


def halves(lexicon: Lexicon):
    """1,5 before the noun it counts (в 1,5 раза, через 1,5 недели, более 1,5 тысячи человек): полтора or полторы
    in the nominative and accusative, the noun as written (its genitive singular); полутора in the other cases,
    with the noun put into the plural of that case (более полутора тысяч, около полутора лет)."""
    rules = lexicon.rules
    units = rules.get("units", {})
    table = rules.get("one_and_a_half", {})
    abbreviations = {form.lower().rstrip(".") for unit in units.values() for form in unit.get("written", [])}
    pattern = re.compile(rf"(?:(?P<prep>{_WORD})\s+)?(?<![\d.,])1,5(?![\d,])\s+(?P<next>{_WORD})")

    def say(match: re.Match[str]) -> str:
        written = match["next"]
        if not table or written.lower() in abbreviations:
            return match.group()
        unit, cases, _ = _noun_cases(written, units)
        noun = _morphology.noun(written)
        if not unit and noun is None:
            return match.group()
        governing = _governing_word(match)
        if governing.lower() == "по" and "d" not in (cases or ([noun[0]] if noun else [])):
            case = "a"  # по 1,5 тысячи рублей: distributive по takes the accusative (по полторы тысячи)
        elif noun and noun[0] == "g" and not noun[2] or (unit and written.lower() == units[unit].get("g", [""])[0]):
            # the written genitive singular (1,5 тысячи, 1,5 раза) is what полтора takes: the governing word decides
            case = governed(governing, rules) or "n"
        else:
            case = _case(cases or ([noun[0]] if noun else []), governing, rules)
        gender = units[unit].get("gender", "m") if unit else (noun[1] if noun else "m")
        half = _one_and_a_half(case, gender, rules)
        if case in "na":
            said = f"{half} {written}"
        else:
            counted = table.get("counted", {}).get(_morphology.lemma(written))
            form = units[unit][case][-1] if unit and units[unit].get(case) else counted or _morphology.plural(written, case)
            if not form:
                return match.group()
            said = f"{half} {form}"
        return _after_preposition(match, said)

    return regex_step(pattern, say)


# от 1,5 до 7 лет: the first end of a range shares the noun after the second; 1,5 counting it is полтора, in the
# genitive after от (от полутора до семи лет, от полутора до двух миллионов).
_HALF_RANGE = re.compile(r"(?<![\w])(?P<prep>[Оо]т)\s+(?P<num>1,5)\s+(?=до\s+\d)")


def half_ranges(lexicon: Lexicon):
    """от 1,5 до 7 лет → от полутора до семи лет (`[one_and_a_half] oblique`)."""
    oblique = lexicon.rules.get("one_and_a_half", {}).get("oblique", "")
    if not oblique:
        return lambda text: text
    return regex_step(_HALF_RANGE, lambda match: figure(match, f"{match['prep']} {oblique} "))


def and_a_half(lexicon: Lexicon):
    """x,5 before раз or a unit of time is said as anchors say it, "с половиной" after the whole number, the noun
    agreeing with that number (в 2,5 раза: в два с половиной раза; 3,5 года: три с половиной года; в течение 2,5 лет:
    двух с половиной лет; 5,5 часа: пять с половиной часов). Elsewhere (12,5%, 2,5 млрд) the decimal stays."""
    rules = lexicon.rules
    table = rules.get("one_and_a_half", {})
    nouns = set(table.get("and_a_half", []))
    pattern = re.compile(rf"(?:(?P<prep>{_WORD})\s+)?(?<![\d.,])(?P<whole>\d{{1,3}}),5(?![\d,])\s+(?P<next>{_WORD})")

    def say(match: re.Match[str]) -> str:
        written, whole = match["next"], int(match["whole"])
        if whole < 2 or _morphology.lemma(written) not in nouns:
            return match.group()
        noun = _morphology.noun(written)
        if noun is None:
            return match.group()
        governing = _governing_word(match, rules)
        case = noun[0] if noun[0] not in "nga" else (governed(governing, rules) or "n")
        if case == "n" and _is_verb_object(governing):
            case = "a"
        if case in "na":
            index = plural_index(whole)
            form_case, plural = ("a" if case == "a" else "n", False) if index == 0 else ("g", index == 2)
        else:
            form_case, plural = case, _one(whole) != 0
        counted = table.get("counted", {}).get(_morphology.lemma(written)) if plural and form_case == "g" else None
        form = counted or _morphology.counted_form(written, form_case, plural)
        if not form:
            return match.group()
        said = f"{_cardinal(str(whole), case, noun[1], rules)} с половиной {form}"
        return _after_preposition(match, said)

    return regex_step(pattern, say)


# ", в первом – ": a comma, up to three words and a dash: the clause repeats the one before with its verb left out.
_ELIDED_VERB = re.compile(r"\s*,\s*(?:а\s+)?(?:[^\W\d_]+\s+){1,3}[–—]\s*")


def _compound_measure(match: re.Match[str], units: dict[str, dict[str, Any]]) -> bool:
    """64 рублей 14 копеек, 2 доллара 50 центов: the word before the figure is a unit's name counted by the figure
    right before it, and the figure counts another unit: the two make one measure (its case is the first's)."""
    first = _noun_cases(match["prep"], units)[0]
    if not first or match["num2"]:
        return False
    second = _noun_cases(_head_word(match), units)[0] if not (match["unit"] or match["scale"] or match["after"]) else ""
    return bool(second) and second != first


def amounts(lexicon: Lexicon):
    rules = lexicon.rules
    ordinals, endings = rules.get("ordinal", {}), rules.get("ordinal_endings", {})

    # The last count said in the text being read: its end, case and whether a scale word closed it.
    last: dict[str, Any] = {"text": None, "end": -1, "case": "", "scale": False}
    scales = {_morphology.lemma(name) for name in rules.get("governs", {}).get("scales", [])}

    def carried(match: re.Match[str]) -> str:
        """The case a figure takes from the count right before it: after ", или" it restates that count (в размере
        4,5 трлн, или 2,5%: двух целых); after "и" with only the count's noun between it shares that count's
        governing word (на отметке 242 минут и 55 секунд: пятидесяти пяти); after a scale word it is the rest of one
        written number (с 2 миллионов 83 тысяч, с 2 млн 83 тыс.: восьмидесяти трёх)."""
        if last["text"] is not match.string or last["end"] > match.start():
            return ""
        prep = (match["prep"] or "").lower()
        between = match.string[last["end"]: match.start("prep") if match["prep"] else match.start("num")]
        if prep == "или":
            words = re.fullmatch(r"((?:\s+[^\W\d_]+){0,2})\s*,\s*", between)  # 4,5 трлн тенге, или 2,5%
        elif (prep == "и" and not between.strip()) or (not match["prep"] and re.fullmatch(r"\s*,\s*", between)):
            return last["case"]  # получали 160, 280, 470 и 1000 очков: each figure of a list shares the first's case
        elif prep == "и":
            words = re.fullmatch(r"((?:\s+[^\W\d_]+){0,2})\s+", between) if last["case"] not in "na" else None
        elif not match["prep"] and _ELIDED_VERB.fullmatch(between):
            # составил 1,6%, в первом – 0,1%: the dash stands for the verb left out, the figure takes its case
            return last["case"]
        elif prep and not between.strip() and _compound_measure(match, rules.get("units", {})):
            return last["case"]  # до 64 рублей 14 копеек: the kopecks are the rest of one sum, in its case
        elif not between.strip() and number_value(match["num"]) < 1000 and not match["num2"] and (
            (not match["prep"] and last["scale"]) or (prep and _morphology.lemma(prep) in scales)
        ):
            return last["case"]
        else:
            return ""
        if not words or any(_morphology.is_verb_form(word) for word in words.group(1).split()):
            return ""
        return last["case"]

    def say(match: re.Match[str]) -> str:
        values = [v for v in (match["num"], match["num2"]) if v]
        written = [w.strip() for w in (match["pct"], match["scale"], match["unit"], match["before"] or match["after"]) if w]
        is_ordinal = (
            match["abbr"]
            or ((match["ending"] or "").lower() in endings and not _cardinal_ending(match, values, rules))
            or (not written and _counts_as_ordinal(_head_word(match), number_value(values[-1]), ordinals))
            or (not written and _bare_ordinal(match, values, rules.get("units", {})))
            or (not written and _road_post(match, values, rules))
            or (not written and _year_after_month(match, values, rules))
        )
        if not written and not is_ordinal and _compared_year(match, values, rules):
            # по сравнению с 2021: the year compared with, its noun left out (с две тысячи двадцать первым годом)
            said = cardinal(values[0], "ru", to="ordinal", case="i", gender="m", animate=False)
            nouns: list[str] = []
        elif not written and not is_ordinal and _bare_year(match, values):
            said, nouns = cardinal(values[0], "ru", to="ordinal", case="p", gender="m", animate=False), []
        elif not written and not is_ordinal and _noun_left_out(match, values):
            said, nouns = _cardinal(values[0], "p", "m", rules), []  # в 47 (городах): в сорока семи
        elif written and not match["pct"] and (is_ordinal or _unit_ordinal(match, values, written, rules)):
            said, nouns = _unit_ordinal_said(match, values, written, rules)
        elif is_ordinal:
            said, nouns = _ordinal_said(match, values, rules)
        else:
            found: list[str] = []
            said, nouns = _count_said(match, values, written, rules, carried(match), found)
            if found:
                scale = bool(match["scale"]) or _morphology.lemma(match["next"] or "") in scales
                last.update(text=match.string, end=match.end(), case=found[0], scale=scale)
        prep = match["prep"] or ""
        if match["sign"]:
            said = f"{match['sign']} {said}"
        prep = euphonic(prep, said)
        said = f"{said} {' '.join(nouns)}".rstrip() + sentence_stop(match)
        return figure(match, f"{prep} {said} ".lstrip() if prep else f" {said} ")

    pattern = _amount_pattern(rules)
    return regex_step(pattern, say)


def _clock(hours: int, minutes: int, suffix: str, case: str = "n") -> str:
    """18:30 -> восемнадцать тридцать; 18:00 -> восемнадцать ноль-ноль; 9:05 -> девять ноль пять (as on air); in
    the case of the preposition before it (с 9:00 до 18:30: с девяти ноль-ноль до восемнадцати тридцати)."""
    said_hours = cardinal(str(hours), "ru", case=case)
    if not minutes:
        return f"{said_hours} ноль-ноль"
    # minutes are feminine (минута): 14:52 is четырнадцать пятьдесят две, 9:01 девять ноль одна
    return f"{said_hours} {'ноль ' if minutes < 10 else ''}{cardinal(str(minutes), 'ru', case=case, gender='f')}"


def clocks(lexicon: Lexicon):
    """Clock times, each in the case its preposition gives (с, до, около, после: genitive; к: dative); after в, на
    or nothing they stay as they are said on air (в девять ноль-ноль)."""
    rules = lexicon.rules
    pattern = re.compile(rf"(?:(?P<prep>{_WORD})\s+)?{CLOCK.pattern}")

    def say(match: re.Match[str]) -> str:
        prep = match["prep"] or ""
        case = governed(prep, rules) if prep.lower() in rules.get("prepositions", {}).get("g", []) + ["к", "ко"] else "n"
        said = _clock(int(match["hours"]), int(match["minutes"]), "", case if case in "gd" else "n")
        clock = CLOCK.search(match.group(), len(prep))  # check names the time, not its preposition
        said = figure(clock, said) if clock else said
        return f"{euphonic(prep, said)} {said} " if prep else f" {said} "

    prepositions = {word for words in rules.get("prepositions", {}).values() for word in words}

    def span(match: re.Match[str]) -> str:
        before = match["before"] or ""
        if before.lower() in prepositions:
            return match.group()
        return f"{before} с {match['start']} до {match['end']}".lstrip()

    return lambda text: pattern.sub(say, _CLOCK_SPAN.sub(span, _colon_clocks(text)))


def _colon_clocks(text: str) -> str:
    """Dotted clock times (7.40 утра, в 04.32) written as 7:40, for the clock rule."""
    text = _ZERO_DOTTED_CLOCK.sub(r"\g<hours>:\g<minutes>", _DOTTED_CLOCK.sub(r"\g<hours>:\g<minutes>", text))
    while ":" in text and (joined := _JOINED_DOTTED_CLOCK.sub(r"\g<hours>:\g<minutes>", text)) != text:
        text = joined  # в 12.00 и 16.00, в 10.00, 13.00 и 16.00: each time of a list is a clock like the first
    return text


# 09:00-18:00 (opening hours, a schedule): a span of clock times is said с … до … as anchors say it.
_CLOCK_SPAN = re.compile(
    rf"(?:(?P<before>{_WORD})\s+)?(?<![\d:])(?P<start>(?:[01]?\d|2[0-3]):[0-5]\d)\s?[–—-]\s?"
    r"(?P<end>(?:[01]?\d|2[0-3]):[0-5]\d)(?![\d:])"
)


# 7.40 утра, 23.57 по времени Астаны: a time written with a dot is a clock where the part of the day or the time
# zone follows it (a decimal never takes these words); it is then read as 7:40.
_DOTTED_CLOCK = re.compile(
    r"(?<![\d.,])(?P<hours>[01]?\d|2[0-3])\.(?P<minutes>[0-5]\d)(?![\d.,])"
    r"(?=\s+(?:утра|дня|вечера|ночи|мск|по\s+(?:времени|местному|московскому|астанинскому|Москве|Астане|Гринвичу))(?![\w]))"
)
# в 04.32, в 22.05: two-digit hours and minutes joined by a dot after в are a clock (a date takes no в: 22 мая,
# 22.05 without a preposition; a decimal is written with a comma).
# в 12.00 и 16.00: a dotted time joined to a clock by и, или or a comma is a clock too (a date is never listed
# after a clock time).
_JOINED_DOTTED_CLOCK = re.compile(
    r"(?:(?<=\d:\d\d\sи\s)|(?<=\d:\d\d\sили\s)|(?<=\d:\d\d,\s))(?P<hours>[01]\d|2[0-3])\.(?P<minutes>[0-5]\d)(?![\d]|[.,]\d)"
)
_ZERO_DOTTED_CLOCK = re.compile(r"(?<=\b[вВ]\s)(?P<hours>[01]\d|2[0-3])\.(?P<minutes>[0-5]\d)(?![\d]|[.,]\d|\s+раз)")


_SPAN = re.compile(rf"(?<![\w])(?P<since>[Сс]о?)\s+(?P<a>\d+)\s+(?P<to>по|до)\s+(?P<b>\d+)(?=\s+(?P<noun>{_WORD}))")


def spans(lexicon: Lexicon):
    """со 2 по 5 мая, с 2017 по 2019 год: the first ordinal in the genitive, the second in the case of
    its preposition (по: accusative, до: genitive); the noun after the second names both."""
    ordinals = lexicon.rules.get("ordinal", {})

    def say(match: re.Match[str]) -> str:
        noun = _noun_cases(match["noun"], ordinals)[0]
        if not noun or not _counts_as_ordinal(match["noun"], int(match["b"]), ordinals):
            return match.group()
        gender = ordinals[noun].get("gender", "m")

        def ordinal(value: str, case: str) -> str:
            return cardinal(value, "ru", to="ordinal", case=case, gender=gender, animate=False)

        end_case = "a" if match["to"] == "по" else "g"
        first = ordinal(match["a"], "g")
        return figure(match, f"{euphonic(match['since'], first)} {first} {match['to']} {ordinal(match['b'], end_case)}")

    return regex_step(_SPAN, say)


def _name_case(before: str, rules: dict[str, Any]) -> str:
    """The case of a name after `before`: a preposition's (в РК: p, с РК: i), the genitive after a noun or
    another abbreviation (Правительство РК, МИД РК), the accusative after a transitive verb, else the nominative."""
    lower = before.lower()
    if not lower:
        return "n"
    places = rules.get("names_after", {})
    case = next((case for case, words in places.items() if lower in words), "")
    if case or lower in rules.get("prepositions", {}).get("g", []):
        return case or "g"
    if (len(before) > 1 and before.isupper()) or _morphology.is_noun(lower):
        return "g"
    return "a" if _morphology.is_transitive_verb(lower) else "n"


def declined_names(lexicon: Lexicon):
    """An abbreviation read as a name phrase declines as the phrase would (Правительство РК: Правительство
    Республики Казахстан; в РК: в Республике Казахстан); its leading adjectives and first noun change."""
    names = {form: said for form, said in lexicon.expand.items() if form.isupper() and len(said.split()) > 1}
    if not names:
        return lambda text: text
    pattern = re.compile(rf"(?:(?P<before>{_WORD})\s+)?(?<![\w])(?P<name>{alternatives(names)})(?![\w])")

    def say(match: re.Match[str]) -> str:
        before = match["before"] or ""
        case = _name_case(before, lexicon.rules)
        said = names[match["name"]] if case == "n" else _morphology.decline(names[match["name"]], case)
        return f"{before} {said}".lstrip()

    return regex_step(pattern, say)


_LIST_ITEM = r"\d{3,4}"
_YEAR_LIST = re.compile(
    rf"(?:(?P<prep>{_WORD})\s+)?(?P<items>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*\s*,?\s+(?:и|или)\s+{_LIST_ITEM}"
    rf"|{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})+)\s+(?P<noun>{_WORD})"
)


def year_lists(lexicon: Lexicon):
    """в 1992, 2004 и 2024 годах: each year of a list is an ordinal in the case of the one noun they share,
    in the singular (one year each): в тысяча девятьсот девяносто втором, две тысячи четвёртом … годах."""
    rules = lexicon.rules
    ordinals = rules.get("ordinal", {})

    def say(match: re.Match[str]) -> str:
        noun, cases, _ = _noun_cases(match["noun"], ordinals)
        items = re.findall(_LIST_ITEM, match["items"])
        if noun != "год" or any(int(item) < ordinals[noun].get("from", 0) for item in items):
            return match.group()
        prep = match["prep"] or ""
        case = _case(cases, prep, rules)

        def ordinal(item: re.Match[str]) -> str:
            return cardinal(item.group(), "ru", to="ordinal", case=case, gender="m", animate=False)

        said = re.sub(_LIST_ITEM, ordinal, match["items"])
        return figure(match, f"{euphonic(prep, said)} {said} {match['noun']}".lstrip())

    return regex_step(_YEAR_LIST, say)


_DAY_LIST = r"\d{1,2}(?:\s*,\s*\d{1,2})*\s*,?\s+(?:и|или)\s+\d{1,2}|\d{1,2}(?:\s*,\s*\d{1,2})+"


# 04.12.2025, 1.07.2024 г.: a date written with dots (day, month, four-digit year). Read as a decimal it would be
# "четыре целых двенадцать сотых"; it is written out as "4 декабря 2025 года" so the date rule gives it its case.
_DOTTED_DATE = re.compile(
    r"(?<![\w.,])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:1[89]|20)\d\d)(?![\w]|[.,]\d)"
    r"(?P<year_word>\s+(?:г\.|года?|году|годом)(?![\w]))?"
)


# 01.01–31.12.2025, 01.09-30.09: a span of dotted dates, the year (if any) written once, after the second.
_DAY_MONTH = r"(?P<{0}day>0?[1-9]|[12]\d|3[01])\.(?P<{0}month>0[1-9]|1[0-2])"
_DOTTED_SPAN = re.compile(
    rf"(?<![\w.,])(?:(?P<since>[Сс]о?|[Вв]\s+период)\s+)?{_DAY_MONTH.format('a')}\s?[–—-]\s?{_DAY_MONTH.format('b')}"
    r"(?:\.(?P<year>(?:1[89]|20)\d\d))?(?![\w]|[.,]\d)"
)
# до 15.09, с 01.06, 04.12: a day and a month with no year, after a preposition of time or with both parts of two
# digits (a decimal is written with a comma in Russian copy). Not before a unit or % (10.12 тенге is an amount).
_DOTTED_DAY = re.compile(
    rf"(?<![\w.,])(?:(?P<prep>[Сс]о?|[Пп]о|[Дд]о|[Кк]о?|[Оо]т|[Нн]а|[Зз]а)\s+)?{_DAY_MONTH.format('')}(?![\w%]|[.,]\d)"
    r"(?!\s*(?:%|[а-яё]+\.?\s*(?:тенге|руб|долл)|тенге|руб|долл|тыс|млн|млрд|раз|процент|градус))"
)
# с 10.00, до 22.00, в 12.30: a dotted time after a preposition of time, where its minutes can be no month (00, above 12)
_DOTTED_TIME = re.compile(
    r"(?P<prep>(?<![\w-])(?:[Сс]о?|[Дд]о|[Вв]о?|[Кк]о?|[Пп]осле|[Оо]коло|[Нн]а)\s)(?P<hours>[01]?\d|2[0-3])\.(?P<minutes>00|1[3-9]|[2-5]\d)"
    r"(?![\d%]|[.,]\d)(?!\s*(?:тенге|руб|долл|тыс|млн|млрд|раз|процент|градус|%))"
)


def dotted_dates(lexicon: Lexicon):
    """04.12.2025 → 4 декабря 2025 года: the month by its name in the genitive, the year word added unless written;
    a span 01.01–31.12.2025 → с 1 января по 31 декабря 2025 года; до 15.09 → до 15 сентября (a day and month with
    no year after a preposition of time, or written with two digits each: 04.12); the date rule gives them their
    case. A dotted time whose minutes can be no month (до 22.00, с 9.30) is a clock (22:00)."""
    months = lexicon.rules.get("ordinal", {}).get("месяц", {}).get("words", [])
    if len(months) != 12:
        return lambda text: text

    def say(match: re.Match[str]) -> str:
        year_word = match["year_word"] or " года"
        return f"{int(match['day'])} {months[int(match['month']) - 1]} {match['year']}{year_word}"

    def span(match: re.Match[str]) -> str:
        since = match["since"] or ""
        start = "с" if not since or since.lower().startswith("в") else since
        year = f" {match['year']} года" if match["year"] else ""
        return (
            f"{since + ' ' if since.lower().startswith('в') else ''}{start} {int(match['aday'])} "
            f"{months[int(match['amonth']) - 1]} по {int(match['bday'])} {months[int(match['bmonth']) - 1]}{year}"
        )

    def day(match: re.Match[str]) -> str:
        if not match["prep"] and not (len(match["day"]) == 2 and match["day"].startswith("0")):
            return match.group()  # 4.12 alone may be a figure; 04.12 is a date
        prep = f"{match['prep']} " if match["prep"] else ""
        return f"{prep}{int(match['day'])} {months[int(match['month']) - 1]}"

    def rewrite(text: str) -> str:
        if "." not in text:
            return text
        text = _DOTTED_DATE.sub(say, _DOTTED_SPAN.sub(span, text))
        return _DOTTED_DAY.sub(day, _DOTTED_TIME.sub(r"\g<prep>\g<hours>:\g<minutes>", text))

    return rewrite


def day_lists(lexicon: Lexicon):
    """20, 21 и 22 августа: each day of a list is an ordinal of the one month they share, in the case of the date
    (the genitive inside a sentence, a preposition's case after one: к 20 и 21 мая: к двадцатому и двадцать первому)."""
    rules = lexicon.rules
    months = rules.get("ordinal", {}).get("месяц", {}).get("words", [])
    if not months:
        return lambda text: text
    pattern = re.compile(
        rf"(?:(?P<prep>{_WORD})\s+)?(?<![\d.,])(?P<items>{_DAY_LIST})\s+(?P<month>{alternatives(months)})(?![\w])"
    )

    def say(match: re.Match[str]) -> str:
        prep = match["prep"] or ""
        case = governed(prep, rules) or "g"
        if prep.lower() == "по":
            case = "a"  # по 30 апреля: up to and including

        def ordinal(item: re.Match[str]) -> str:
            return cardinal(item.group(), "ru", to="ordinal", case=case, gender="n", animate=False)

        said = re.sub(r"\d{1,2}", ordinal, match["items"])
        return figure(match, f"{euphonic(prep, said)} {said} {match['month']}".lstrip())

    return regex_step(pattern, say)


def compounds(lexicon: Lexicon):
    """17-летний, 100-летие, 5-этажный: a number that makes one word with its stem is said in the genitive and
    joined to it (семнадцатилетний, столетие, пятиэтажный); the stems that do so are data ([compounds])."""
    table = lexicon.rules.get("compounds", {})
    stems, joins = table.get("stems", []), table.get("joins", {})
    if not stems:
        return lambda text: text
    pattern = re.compile(rf"(?<![\d.,])(?P<num>\d{{1,3}})-(?P<stem>(?:{alternatives(stems)})[а-яё]*)")

    def say(match: re.Match[str]) -> str:
        words = cardinal(match["num"], "ru", case="g").split()
        return "".join(joins.get(word, word) for word in words) + match["stem"]

    return lambda text: pattern.sub(lambda m: figure(m, say(m)), text)


_MIXED_RANGE = re.compile(
    rf"(?:(?P<before>{_WORD})\s+)?(?<![\w+−-])(?P<first>[+−-])(?P<a>\d{{1,3}}(?:,\d)?)"
    r"(?:\s?(?:…|\.\.\.)\s?|(?=[+−-]))(?P<second>[+−-])(?P<b>\d{1,3}(?:,\d)?)(?![\d])"
)


def mixed_ranges(lexicon: Lexicon):
    """A weather range across zero (-2...+7, -4+1) is said as a span, each end with its sign: от минус двух до плюс
    семи градусов; the amounts rule then declines each end after от and до. After a preposition (до -4+1) the
    span would double it: the range is left to the shared rule (минус четыре-плюс один)."""
    rules = lexicon.rules
    signs = rules.get("signs", {})
    words = {"+": signs.get("plus", ""), "-": signs.get("minus", ""), "−": signs.get("minus", "")}

    def say(match: re.Match[str]) -> str:
        first, second = words[match["first"]], words[match["second"]]
        before = match["before"] or ""
        if first == second or not first or not second or governed(before, rules) or before.lower() in ("от", "до"):
            return match.group()
        return f"{before} от {first} {match['a']} до {second} {match['b']}".lstrip()

    return regex_step(_MIXED_RANGE, say)


_ROMAN_EVENT = re.compile(rf"(?<![\w])(?P<roman>[IVXL]{{2,}}|[IVX])\s+(?P<first>{_WORD})(?:\s+(?P<second>{_WORD}))?")


def roman_events(lexicon: Lexicon):
    """XI Всемирные игры, XV съезд, на XX сессии: a Roman numeral before a numbered event (`[roman] events`, by lemma,
    after up to one adjective) is its ordinal, agreeing with the adjective where there is one (it shows case and
    number plainly), else with the noun: одиннадцатые Всемирные игры, пятнадцатый съезд, на двадцатой сессии."""
    events = set(lexicon.rules.get("roman", {}).get("events", []))
    if not events:
        return lambda text: text

    def say(match: re.Match[str]) -> str:
        first, second = match["first"], match["second"] or ""
        lower = first.lower()
        if _morphology.lemma(lower) in events and _morphology.is_noun(lower):
            form = _morphology.inflection(lower, adjective=False)
        elif second and _morphology.is_adjective(lower) and _morphology.lemma(second.lower()) in events:
            form = _morphology.inflection(lower, adjective=True)
        else:
            return match.group()
        if form is None:
            return match.group()
        case, gender, plural = form
        ordinal = cardinal(
            str(roman_value(match["roman"])), "ru", to="ordinal", case=case, gender=gender, plural=plural, animate=False
        )  # an event is a thing: за III квартал, на XX съезд (третий, двадцатый), never the animate accusative
        return match.group().replace(match["roman"], ordinal, 1)

    return regex_step(_ROMAN_EVENT, say)


_REGNAL = re.compile(r"(?<![\w-])(?P<name>[А-ЯЁ][а-яё]+)\s+(?P<roman>[IVX]+)(?![\w-])")


def regnal_numbers(text: str) -> str:
    """Петра I, при Екатерине II, коронации Александра I: a Roman numeral after a given name is the ruler's ordinal,
    agreeing with the name in case and gender (Петра Первого, Екатерине Второй, Александра Первого)."""
    if " I" not in text and " V" not in text and " X" not in text:  # a literal test first: most lines have none
        return text

    def say(match: re.Match[str]) -> str:
        form = _morphology.given_name(match["name"])
        value = roman_value(match["roman"])
        if form is None or not value or value > 30:
            return match.group()
        case, gender = form
        ordinal = cardinal(str(value), "ru", to="ordinal", case=case, gender=gender, animate=False)
        return f"{match['name']} {ordinal[:1].upper()}{ordinal[1:]}"

    return _REGNAL.sub(say, text)


def per_unit(lexicon: Lexicon):
    """тенге за кг, 3 561 тенге за м2: a unit abbreviation after за with no number of its own is the unit a price is
    per, said as one of it in the accusative (за килограмм, за квадратный метр); before the steps that would read
    м2 as a letter and a figure. A currency's sign over a unit is the same price (руб./Гкал: рубля за гигакалорию;
    the currencies are `[governs] money`)."""
    rules = lexicon.rules
    scales = set(rules.get("governs", {}).get("scales", []))
    forms = {
        form: (unit.get("a") or unit["n"])[0]
        for name, unit in rules.get("units", {}).items() if name not in scales and name != "процент"
        for form in unit.get("written", []) if re.match(r"[a-zа-яё]", form, re.IGNORECASE)
    }
    if not forms:
        return lambda text: text
    pattern = re.compile(rf"(?<![\w])(?P<prep>[Зз]а)\s+(?P<unit>{alternatives(forms)})(?![\w])")
    # 52,85 руб./л, 1 424,69 руб./Гкал: a currency over a unit is a price per one of it (рубля за литр)
    units = rules.get("units", {})
    money = [form for name in rules.get("governs", {}).get("money", []) for form in units.get(name, {}).get("written", [])]
    rate = re.compile(rf"(?P<money>{alternatives(money)})\s?/\s?(?P<unit>{alternatives(forms)})(?![\w])") if money else None
    by_za = regex_step(pattern, lambda match: f"{match['prep']} {forms[match['unit']]}")
    by_slash = regex_step(rate, lambda match: f"{match['money']} за {forms[match['unit']]}") if rate else None
    if by_slash is None:
        return by_za
    return lambda text: by_za(by_slash(text))


# январь–сентябрь, Москва–Минск: an en dash between two words joins them as a hyphen does (a span or a route, said
# as one phrase, no pause); a dash with spaces round it stays the pause of dash_pause.
_WORD_DASH = re.compile(r"(?<=[^\W\d_])–(?=[^\W\d_])")


# в 2024/2025 учебном году, сезон 2023/2024: a slash between two years is a span of years, said as a range.
_YEAR_SLASH = re.compile(r"(?<![\d/])((?:19|20)\d\d)/((?:19|20)\d\d)(?![\d/])")


# на трассе Алматы – Бишкек, рейс Москва — Сочи: a dash with spaces between the names of a route is the route's
# hyphen (Алматы-Бишкек), no pause; after a noun of route only.
_ROUTE = re.compile(
    r"(?<![\w-])(?i:(?:авто)?(?:трасс|дорог|маршрут|рейс|магистрал|направлени)[а-яё]*)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*"
    r"(?:\s+[–—-]\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*)+"
)
_SPACED_DASH = re.compile(r"\s+[–—-]\s+")


def word_dashes(text: str) -> str:
    if "–" in text or "—" in text:  # a literal test first: most lines have no en or em dash
        text = _ROUTE.sub(lambda match: _SPACED_DASH.sub("-", match.group()), text)
    if "–" in text:
        text = _WORD_DASH.sub("-", text)
    return _YEAR_SLASH.sub(r"\1-\2", text) if "/" in text else text


def _model_number(value: str) -> str:
    """A part of a model's name (МС-21-300): the cardinal in the nominative."""
    return cardinal(value, "ru", case="n", gender="m", animate=False)


def steps(lexicon: Lexicon):
    romans = roman_numerals(lexicon.rules.get("roman", {}).get("before", []))
    latin = latin_acronyms(lexicon.rules, apart)
    return (
        strip_quotes, word_dashes, dotted_dates(lexicon), per_unit(lexicon),
        long_numbers("ru"), latin, declined_names(lexicon), *lexicon_steps(lexicon), mixed_ranges(lexicon),
        signed_ranges(lexicon),
        plus_sign(lexicon),
        minus_sign(lexicon), regnal_numbers, romans, roman_events(lexicon), cyrillic_acronyms(lexicon, apart, _model_number),
        compounds(lexicon), clocks(lexicon),
        scores("ru", lexicon.rules), spans(lexicon), year_lists(lexicon), day_lists(lexicon), half_ranges(lexicon),
        fraction_scales(lexicon), halves(lexicon), and_a_half(lexicon),
        amounts(lexicon),
        dash_pause,
    )


LANGUAGE = Language(
    code="ru",
    name="Русский",
    letters="ёыэъ",
    patterns=Patterns(
        source=re.compile(
            r"(?:,?\s*(?:[-–—]\s*)?|\s*Об\s+этом\s+)(?:сообщает|передает|передаёт|сообщил[аи]?|пишет)"
            r"\s+(?P<source>[^,.!?]+?)\s*[.!]?$",
            re.IGNORECASE,
        ),
        group_quote=re.compile(
            r"^[\"«“](?P<quote>.+)[\"»”],?\s*[-–—]\s*(?P<verb>говорят|считают|уверены|отмечают|полагают)\s+(?P<who>[^.]+)\.?$"
        ),
    ),
    # Russian: one vowel letter, one syllable.
    word_syllables=vowel_counter("аеёиоуыэюя"),
    steps=steps,
)
