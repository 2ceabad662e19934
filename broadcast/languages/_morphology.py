"""Russian morphology from pymorphy3 and its OpenCorpora dictionary: which case a word governs, a noun's
gender and number, a phrase declined. Loaded on first use, so Kazakh and English never pay for it.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

# pymorphy3's grammemes -> our case letters (n g d a i p); loc2/gen2 (в лесу, чаю) count as the main case.
_CASES = {"nomn": "n", "gent": "g", "gen2": "g", "datv": "d", "accs": "a", "ablt": "i", "loct": "p", "loc2": "p"}
_GRAMMEMES = {"n": "nomn", "g": "gent", "d": "datv", "a": "accs", "i": "ablt", "p": "loct"}
_GENDERS = {"masc": "m", "femn": "f", "neut": "n"}


@cache
def _analyzer() -> Any:
    import pymorphy3  # imported here: the dictionary takes a third of a second to load

    return pymorphy3.MorphAnalyzer()


@cache
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_analyzer().parse(word))


def governed_case(word: str, verbs: dict[str, Iterable[str]], not_comparative: Iterable[str] = ()) -> str:
    """The case a word that is no preposition gives the number after it: a comparative the genitive
    (старше 65 лет, выше 5%), a verb of amount the case `verbs` lists for its lemma (составила: a, достиг: g)."""
    parses = _parses(word.lower())
    if word.lower() not in not_comparative and any("COMP" in parse.tag for parse in parses):
        return "g"
    for parse in parses:
        passive = parse.tag.POS in ("PRTF", "PRTS") and "pssv" in parse.tag
        if parse.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND"):
            for case, lemmas in verbs.items():
                # выделено 2,1 млрд: the object of the active verb is the passive participle's subject, in the
                # nominative (ограничена 60 км/ч keeps its instrumental)
                if parse.normal_form in lemmas and not (passive and case == "a"):
                    return case
    return ""


def is_counted_noun(word: str) -> bool:
    """Whether `word` right after a figure is its counted noun: a noun by its likeliest reading, or a word likelier a
    masculine singular past verb that is also a noun's genitive plural (жителей 3 сел: сёл, not сел the verb). A
    count is never the subject of a masculine singular verb (5 человек село, 3 автобуса сели), so after a figure the
    noun reading is the one left."""
    parses = _parses(word.lower())
    if not parses:
        return False
    first = parses[0].tag
    if first.POS == "NOUN":
        return True
    return (
        first.POS == "VERB" and {"past", "masc", "sing"} in first
        and any(parse.tag.POS == "NOUN" and {"gent", "plur"} in parse.tag for parse in parses[1:])
    )


def noun(word: str, cases: str = "ngdaip", singular: bool = False) -> tuple[str, str, bool] | None:
    """(case, gender, plural) of `word` read as a noun in one of `cases` (with `singular`, only its singular readings),
    or None if it is no noun (nor a word that is most likely a preposition, conjunction or particle: по is not ПО)."""
    parses = _parses(word.lower())
    if parses and parses[0].tag.POS in ("PREP", "CONJ", "PRCL", "INTJ", "NPRO"):
        return None
    for parse in parses:
        case = _CASES.get(str(parse.tag.case))
        if singular and parse.tag.number == "plur":
            continue
        if parse.tag.POS == "NOUN" and case and case in cases:
            plural = parse.tag.number == "plur"
            return case, _GENDERS.get(str(parse.tag.gender), "m"), plural
    return None


def adjective_cases(word: str, plural: bool = True) -> set[str]:
    """The cases `word` can be in read as an adjective or participle in the plural, or with `plural` False in the
    singular (золотыми: {i}; серебряным: {d}; новых: {g, a, p}; потерпевшему, singular: {d}), or an empty set if it
    is none. After a count the adjective stands in the plural, after one ending in 1 (21, 101) in the singular."""
    number = "plur" if plural else "sing"
    return {
        _CASES[str(parse.tag.case)]
        for parse in _parses(word.lower())
        if parse.tag.POS in ("ADJF", "PRTF") and parse.tag.number == number and str(parse.tag.case) in _CASES
    }


def accusative_only(word: str) -> bool:
    """Whether every reading of `word` as a noun, adjective or participle is in the accusative (галерею,
    Третьяковскую), and it has one."""
    parses = [parse for parse in _parses(word.lower()) if parse.tag.POS in ("NOUN", "ADJF", "PRTF")]
    return bool(parses) and all(str(parse.tag.case) == "accs" for parse in parses)


def singular_object_of(verb: str, noun: str) -> bool:
    """Музей посетили: `noun`, most likely an inanimate singular noun in the nominative or accusative, cannot be the
    subject of the plural `verb` (most likely a plural transitive verb): it is its object."""
    nouns, verbs = _parses(noun.lower())[:1], _parses(verb.lower())[:1]
    return (
        bool(nouns) and bool(verbs) and nouns[0].tag.POS == "NOUN" and nouns[0].tag.number == "sing"
        and "inan" in nouns[0].tag and str(nouns[0].tag.case) in ("nomn", "accs")
        and verbs[0].tag.POS == "VERB" and verbs[0].tag.number == "plur" and "tran" in verbs[0].tag
    )


def adjective_gender(word: str) -> str:
    """The gender of `word` read as a singular adjective or participle where all its singular readings agree
    (серебряную: f; новое: n), else ''."""
    genders = {
        _GENDERS.get(str(parse.tag.gender), "")
        for parse in _parses(word.lower())
        if parse.tag.POS in ("ADJF", "PRTF") and parse.tag.number == "sing"
    }
    return genders.pop() if len(genders) == 1 else ""


def is_action_noun_oblique(word: str) -> bool:
    """Whether `word` is most likely a verbal noun (-ние, -тие: хищение, выделение, приобретение) in the genitive,
    dative or prepositional: such a noun takes the amount it acts on in the genitive (в хищении 19,5 млн тенге,
    для приобретения 200 автобусов). Not in the instrumental: площадью, населением name a measure, which stays
    in the nominative after them."""
    parses = _parses(word.lower())
    if not parses or parses[0].tag.POS != "NOUN":
        return False
    parse = parses[0]
    return parse.normal_form.endswith(("ние", "тие")) and str(parse.tag.case) in ("gent", "datv", "loct")


def is_action_noun_nominative(word: str, lemmas: Iterable[str] = ()) -> bool:
    """Whether `word` is most likely a verbal noun in the nominative (ремонт, строительство, выделение: by the -ние,
    -тие ending or by `lemmas`, the lexicon's nouns of action): as the head of a phrase it takes the amount it acts on
    in the genitive (ремонт 50 тыс. кв. м дорог: пятидесяти тысяч)."""
    parses = _parses(word.lower())
    if not parses or parses[0].tag.POS != "NOUN":
        return False
    lemma, case = parses[0].normal_form, str(parses[0].tag.case)
    if case == "ablt":
        # обеспечить ремонтом 2,5 тыс. км: a listed noun of action in the instrumental too; not a -ние noun, as
        # площадью, населением 2 млн name a measure, which stays in the nominative
        return lemma in set(lemmas)
    return case in ("nomn", "accs") and (lemma.endswith(("ние", "тие")) or lemma in set(lemmas))


def is_listed_action_noun(word: str, lemmas: Iterable[str]) -> bool:
    """Whether the likeliest reading of `word` is one of `lemmas` (the lexicon's nouns of action) in any case but the
    instrumental, or in the instrumental too (обеспечить средним ремонтом 2,5 тыс. км): every reading counts."""
    parses = _parses(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN" and parses[0].normal_form in set(lemmas)


def agrees_with(verb: str, noun: str) -> bool:
    """Whether `verb` (a past verb or short participle) agrees with `noun` in gender and number, so that the noun
    is its subject (улучшено состояние: the state is improved; приняли участие: not the participation)."""
    verbs = [p for p in _parses(verb.lower())[:1] if p.tag.POS in ("VERB", "PRTS") and p.tag.number]
    nouns = [p for p in _parses(noun.lower())[:1] if p.tag.POS == "NOUN" and p.tag.case in ("nomn", "accs")]
    if not verbs or not nouns:
        return False
    first, head = verbs[0], nouns[0]
    if first.tag.number != head.tag.number:
        return False
    return first.tag.number == "plur" or first.tag.gender == head.tag.gender


def plural_verb_with_agent(verb: str, counted: str) -> bool:
    """Whether `verb` is most likely a plural finite verb and `counted` an animate noun: the count of people after it
    is the verb's subject (лишились 15 абитуриентов, достигли вершины 12 альпинистов), whatever case the verb governs."""
    verbs = _parses(verb.lower())[:1]
    if not verbs or verbs[0].tag.POS != "VERB" or verbs[0].tag.number != "plur":
        return False
    return any(parse.tag.POS == "NOUN" and "anim" in parse.tag for parse in _parses(counted.lower()))


def is_verb_form(word: str) -> bool:
    """Whether the likeliest reading of `word` is a verb, an infinitive or a participle (приняли, принято)."""
    parses = _parses(word.lower())
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")


def can_be_verb(word: str) -> bool:
    """Whether any reading of `word` is a finite verb or a short participle (прибыли: arrived, or profits)."""
    return any(parse.tag.POS in ("VERB", "PRTS") for parse in _parses(word.lower()))


def is_animate_accusative(word: str, plural: bool = False) -> bool:
    """Whether `word` can be an animate noun in the accusative singular (ребёнка, человека), or with `plural` the
    accusative plural (водителей), its form the genitive's."""
    number = "plur" if plural else "sing"
    parses = _parses(word.lower())
    if parses and parses[0].tag.POS in ("PREP", "CONJ", "PRCL", "INTJ"):
        return False  # получил 2 и 3 места: и is the conjunction, not a letter's name
    return any(
        parse.tag.POS == "NOUN" and "anim" in parse.tag and parse.tag.case == "accs" and parse.tag.number == number
        for parse in parses
    )


def is_plural_transitive_verb(word: str) -> bool:
    """Whether the likeliest reading of `word` is a plural finite transitive verb (выиграли, освоили)."""
    parses = _parses(word.lower())[:1]
    return bool(parses) and parses[0].tag.POS == "VERB" and parses[0].tag.number == "plur" and "tran" in parses[0].tag


def is_adverb(word: str) -> bool:
    """Whether the likeliest reading of `word` is an adverb or a particle (уже, ещё, только)."""
    parses = _parses(word.lower())[:1]
    return bool(parses) and parses[0].tag.POS in ("ADVB", "PRCL")


def is_animate(word: str) -> bool:
    """Whether the likeliest reading of `word` is an animate noun (жители, представители, человек)."""
    parses = _parses(word.lower())[:1]
    return bool(parses) and parses[0].tag.POS == "NOUN" and "anim" in parses[0].tag


def is_adjective(word: str) -> bool:
    """Whether the likeliest reading of `word` is a full adjective or participle, of any number."""
    parses = _parses(word.lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


def is_attribute(word: str) -> bool:
    """Whether the likeliest reading of `word` is a plural full adjective or participle, the attribute of a counted
    noun (из запланированных 80 рейсов); not the relative который, чей, which closes its own phrase (у которого
    12 баллов, у которых 12 баллов: the count is the clause's subject)."""
    parses = _parses(word.lower())
    if not parses:
        return False
    parse = parses[0]
    return (
        parse.tag.POS in ("ADJF", "PRTF") and parse.tag.number == "plur" and parse.normal_form not in ("который", "чей")
    )


def is_pronoun(word: str) -> bool:
    """Whether the likeliest reading of `word` is a pronoun or a pronominal adjective (эти, этот, наш)."""
    parses = _parses(word.lower())
    return bool(parses) and (parses[0].tag.POS == "NPRO" or "Apro" in parses[0].tag)


def inflection(word: str, adjective: bool) -> tuple[str, str, bool] | None:
    """(case, gender, plural) of the likeliest reading of `word` as an adjective (with `adjective`) or a noun, for
    an ordinal to agree with it (Всемирные: nominative plural; съезд: nominative masculine), or None."""
    wanted = ("ADJF", "PRTF") if adjective else ("NOUN",)
    parse = next((parse for parse in _parses(word.lower()) if parse.tag.POS in wanted), None)
    if parse is None or str(parse.tag.case) not in _CASES:
        return None
    return _CASES[str(parse.tag.case)], _GENDERS.get(str(parse.tag.gender), "m"), parse.tag.number == "plur"


def given_name(word: str) -> tuple[str, str] | None:
    """(case, gender) of `word` read as a given name (Петра: genitive, masculine; Екатерине: dative, feminine), the
    animate accusative as the genitive it is said as; None where its likeliest reading is no given name."""
    parses = _parses(word.lower())
    if not parses or parses[0].tag.POS != "NOUN" or "Name" not in parses[0].tag or parses[0].tag.number != "sing":
        return None
    case = _CASES.get(str(parses[0].tag.case), "n")
    return ("g" if case == "a" else case), _GENDERS.get(str(parses[0].tag.gender), "m")


def is_noun(word: str) -> bool:
    """Whether the likeliest reading of `word` is a noun (not и, the letter's name, for the conjunction)."""
    parses = _parses(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN"


def is_transitive_verb(word: str, likeliest: bool = False) -> bool:
    """Whether `word` can be a transitive verb (or, with `likeliest`, is one in its likeliest reading)."""
    parses = _parses(word.lower())[:1] if likeliest else _parses(word.lower())
    return any(parse.tag.POS in ("VERB", "INFN") and "tran" in parse.tag for parse in parses)


def decline(phrase: str, case: str) -> str:
    """A name phrase in `case`: its leading adjectives and its first noun change, what follows stays
    (Республика Казахстан -> Республики Казахстан, Российская Федерация -> Российской Федерации)."""
    words = phrase.split()
    said: list[str] = []
    for position, word in enumerate(words):
        parse = next((p for p in _parses(word.lower()) if p.tag.case == "nomn"), None)
        if parse is None or parse.tag.POS not in ("NOUN", "ADJF"):
            return " ".join([*said, *words[position:]])
        inflected = parse.inflect({_GRAMMEMES[case]})
        form = inflected.word if inflected else word
        said.append(form.capitalize() if word[:1].isupper() else form)
        if parse.tag.POS == "NOUN":
            return " ".join([*said, *words[position + 1:]])
    return " ".join(said)


def plural(word: str, case: str) -> str | None:
    """`word` (a noun) in the plural of `case` (тысячи -> тысяч, тысячам; недели -> недель), or None."""
    for parse in _parses(word.lower()):
        if parse.tag.POS == "NOUN":
            inflected = parse.inflect({"plur", _GRAMMEMES[case]})
            return inflected.word if inflected else None
    return None


def lemma(word: str) -> str:
    parses = _parses(word.lower())
    return parses[0].normal_form if parses else word.lower()


def agrees_as_subject(verb: str, complement: str) -> bool:
    """Whether `verb` after a date makes the date its subject: a neuter singular past verb or short participle
    (1 сентября стало праздником, объявлено выходным) followed by a noun or an adjective (its complement), not
    by an adverb or a predicative (1 сентября было тепло, стало известно: impersonal, the date says when).
    A masculine or plural verb agreeing with the noun it names (14 ноября стал днём траура, 25 октября объявлен
    выходным) makes the date its subject too where the complement is in the instrumental, the case of what a thing
    becomes or is declared; after one in the nominative (1 мая был сильный ветер) the date says when."""
    parses = _parses(verb.lower())[:1]
    past = [parse for parse in parses if parse.tag.POS == "PRTS" or (parse.tag.POS == "VERB" and parse.tag.tense == "past")]
    # 18 мая станет самым музейным днем: a third-person singular present or future verb with a complement in the
    # instrumental makes the date its subject as a past one does
    past = past or [parse for parse in parses if parse.tag.POS == "VERB" and parse.tag.person == "3per" and parse.tag.number == "sing"]
    if not past or not complement:
        return False
    first = _parses(complement.lower())[:1]
    if not first or first[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
        return False
    if past[0].tag.gender == "neut" and past[0].tag.number == "sing":
        return True
    return any(
        parse.tag.case == "ablt" for parse in _parses(complement.lower()) if parse.tag.POS in ("NOUN", "ADJF", "PRTF")
    )


def counted_form(word: str, case: str, plural: bool) -> str | None:
    """`word` (a noun) in `case`, singular or plural (раза -> раз, раза, раз; года -> годам), or None."""
    for parse in _parses(word.lower()):
        if parse.tag.POS == "NOUN":
            inflected = parse.inflect({"plur" if plural else "sing", _GRAMMEMES[case]})
            return inflected.word if inflected else None
    return None


def singular_only(word: str) -> tuple[str, str] | None:
    """(cases, gender) of `word` where every reading of it is a singular declinable noun and none is the nominative,
    accusative, genitive or instrumental (километре, этаже, классу, месте), else None. A count that does not end in 1 never
    stands before such a form (two and more take the plural or, after 2-4, the genitive singular): the number
    before it is an ordinal written without its ending (на 929 километре, на 6 этаже)."""
    parses = _parses(word.lower())
    if not parses or parses[0].tag.POS != "NOUN":
        return None
    nouns = [parse for parse in parses if parse.tag.POS == "NOUN"]
    if any(parse.tag.number != "sing" or "Fixd" in parse.tag or "Pltm" in parse.tag for parse in nouns):
        return None
    cases = {_CASES.get(str(parse.tag.case), "") for parse in nouns}
    if not cases or cases & {"", "n", "a", "g", "i"}:  # до +20 днём, годом ранее: an instrumental says when
        return None
    return "".join(sorted(cases)), _GENDERS.get(str(nouns[0].tag.gender), "m")


def genitive_singular(word: str) -> tuple[str, str] | None:
    """("g", gender) of `word` where its likeliest reading is a genitive singular declinable noun and no reading is a
    plural (тура, этапа, этажа), else None. A count of 5 to 20 or ending in 0 or 5-9 never stands before such a form
    (it takes the genitive plural: двадцати восьми туров): the number before it is an ordinal written without its
    ending, agreeing in the genitive (по итогам 28 тура: двадцать восьмого тура; с 25 этажа)."""
    parses = _parses(word.lower())
    if not parses or parses[0].tag.POS != "NOUN" or parses[0].tag.case != "gent" or parses[0].tag.number != "sing":
        return None
    if any(parse.tag.number == "plur" or "Fixd" in parse.tag or "Pltm" in parse.tag for parse in parses):
        return None
    return "g", _GENDERS.get(str(parses[0].tag.gender), "m")


def counted_cases(word: str, one: bool, few: bool) -> set[str]:
    """The cases a count can be in, read from the form of the noun it counts (a dictionary noun, any word): after a
    count ending in 1 (`one`) the noun is singular in the count's own case (на 41 улице: d or p); after 2-4 (`few`)
    it is the genitive singular in the nominative and accusative (32 улицы), else plural in the count's case (32
    улиц: only the genitive); after 5 and more the genitive plural in the nominative and accusative and in the
    genitive (50 улиц: n, a or g), else plural in the count's case. An empty set where the word is no noun."""
    found: set[str] = set()
    parses = _parses(word.lower())
    if not parses or not is_counted_noun(word):
        return found  # 41 стали лауреатами: a verb first, the noun сталь is no reading to trust (3 сел is сёл)
    for parse in parses:
        case = _CASES.get(str(parse.tag.case))
        if parse.tag.POS != "NOUN" or not case:
            continue
        singular = parse.tag.number == "sing"
        if one:
            found |= {case} if singular or "Pltm" in parse.tag else set()
        elif singular:
            found |= {"n", "a"} if few and case == "g" else set()
        else:
            found |= ({"n", "a", "g"} if not few else {"g"}) if case == "g" else {case} - {"n", "a"}
    return found
