"""An outlet's credit in the copy (`деп хабарлайды Kazinform тілшісі`, `сообщает Tengrinews.kz`,
`according to Reuters`): the story's source, not read on air.

The patterns are data per language, tried in order; each names the outlet in a group `source`. A person
or an office as the origin of a statement (`сообщили в управлении`, `баспасөз қызметі хабарлады`) is not
an outlet: that clause is the copy's own words, read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..languages._triggers import AnyGuard, Guard
from ..languages._letters import LOWER, UPPER
from ..languages.longwords import MARK, original_offset, put_back, set_aside
from .gender import _FEMALE_SURNAME, _MALE_SURNAME, _given_names
from .per_read import once
from .quote_words import ROLE_WORDS

# The top-level domains of the outlets copy names by their web address (`Zakon.kz`, `Almaty.tv`, `Gazeta.ru`,
# `depo.ua`, `Kursiv.media`, `ria24.today`): one list for every rule that reads an address as a name. The region's
# country codes and the generic names news sites take; no short common word (`me`, `in`, `is`).
WEB_DOMAIN = r"(?:kz|ru|com|org|net|info|kg|uz|az|tv|ua|by|am|ge|tj|tm|md|su|media|news|today|pro|asia|online|world)"


def _named(group: str = "source") -> str:
    """The outlet's name: words up to the clause's end; a web address keeps its dot and may have a word
    after it (`Zakon.kz`, `Tengrinews.kz тілшісі`); a name in quotation marks keeps them (`«Хабар 24»`)."""
    word = r"[^,.!?:;«»\"“”]"
    return (
        rf"(?P<{group}>(?:{word}*?\s)?(?:«[^«»]{{1,40}}»|\"[^\"]{{1,40}}\"|“[^“”]{{1,40}}”){word}*?"
        rf"|{word}+?(?:(?:\.[^\W\d_]{{2,12}})*?\.{WEB_DOMAIN}\b{word}*?)?)"  # `KAZ.NUR.KZ`: a subdomain's dots too
    )


_NAME = _named()
# Who the outlet had it from, after its name: `со ссылкой на Акорду`, `BAQ.KZ ақпарат агенттігіне сілтеме
# жасап`: not part of the name.
# A page may write the `с` of `со` as a Latin `c` (the same glyph): `Report cо ссылкой на …`.
_VIA = r"(?:\s+[сc]о\s+ссылкой\s+на\s+[^,.!?]+?(?:\.\w{2,4})?|\s+citing\s+[^,.!?]+?)?"
# `24.kz-ке`, `Yk.kz басылымына сілтеме жасап` (the address, then what kind of outlet it is, in the dative)
# The office cited may have a long name with a name in marks inside it (`ҚР Туризм және спорт министрлігі «Ұлттық және
# ат спорт түрлері орталығының» баспасөз қызметіне сілтеме жасап`).
_VIA_KK = r"(?:\s+[^,!?]{1,140}?-?(?:ға|ге|қа|ке|на|не|а|е)\s+(?:сілтеме\s+жасап|сілтеп))?"
_TAIL = r"\s*[.!]?$"
# Whom the outlet had it from, left in the sentence to be read: `…, Tengrinews reports citing Senator Yertargyn
# Astayev, who spoke …`, `…, Trend reports with reference to the ministry.` (the office is read; the outlet is not).
_CITING = r"(?=,?\s+(?:citing|quoting|with\s+reference\s+to|referring\s+to)\s)"
# A credit may end its sentence in the middle of a line; the line's next sentence is the copy's. After a name
# in quotation marks a pasted page may have lost the space (`передает «Газета.Ру».В частности`).
_TAIL_OR_STOP = rf"(?:\s*[.!]?$|[.!](?=\s+[«\"“{UPPER}0-9])|(?<=[»\"”])[.!](?=[{UPPER}]))"
# An agency's name in slashes closing the copy (`… in forthcoming holidays. /Kabar/`), as the wires sign it.
_SLASHED = r"\s*/(?P<s6>[^/\s\d][^/]{0,30}?)/\s*[.!]?$"

# An aggregator's link to the story it took, alone on its line under the copy (`Читать источник turkistan.tv`, on
# Kazakh pages of Russian-language aggregators too): the outlet named is the story's source.
_AGGREGATOR_LINK = rf"^(?:Читать|Смотреть|Перейти\s+к)\s+(?:источник|оригинал)[а-я]*\s*:?\s+{_named('s10')}\s*[.!]?$"

# A link to the source glued after the paragraph's last stop, an arrow after it: `… told Asia-Plus in an interview.
# asiaplustj.info »`: the site's name is the source, the link is not read.
# Asked only of a line that ends with the arrow (the credit patterns' guard would pass every line for it).
_GLUED_LINK = re.compile(rf"(?<=[.!?…])\s+(?P<s14>[\w-]+(?:\.[\w-]+)*\.{WEB_DOMAIN})\s*[»›→]\s*$", re.IGNORECASE)
_ARROWS = "»›→"

# The day after the verb: `…, Trend reports on Jan. 7.`, `… reported on 5 March.`
_ON_DATE = r"(?:\s+on\s+(?:[^\W\d_]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}|(?:mon|tues|wednes|thurs|fri|satur|sun)day))?"
# `…, Kazinform reports.`, `… reports Trend.`, `… according to Kazhydromet.`, `…, Azernews reports per the ministry.`
_REPORTS = (
    rf",?\s*(?:{_named('s1')}\s+(?:News\s+Agency\s+)?(?:reports|reported|informs|(?:has\s+)?learnt|(?:has\s+)?learned)"
    rf"{_ON_DATE}(?:\s+(?:from|via|per)\s+[^.]+)?|reports\s+{_named('s2')}|according\s+to\s+{_named('s3')})(?:{_TAIL_OR_STOP}|{_CITING})"
)
# The name before `reports` may begin at any word, so a search tries that form from every place in the line, each time
# running on to the verb (a millisecond in a long line). Every match of it ends in the verb and the clause's end after
# it: a line without those cannot have that form anywhere, and the pattern is tried there with that form failing at
# once (the same matches: it failed at every place). (the pattern, the verb and end every match of the form has, the
# pattern with the form failing at once)
_LIGHTER = {
    _REPORTS: (
        rf"(?:reports|reported|informs|learnt|learned){_ON_DATE}(?:\s+(?:from|via|per)\s+[^.]+)?(?:{_TAIL_OR_STOP}|{_CITING})",
        _REPORTS.replace("(?P<s1>", "(?!)(?P<s1>", 1),
    ),
}

CREDITS: dict[str, tuple[str, ...]] = {
    "kk": (
        # `… Оралов хабарлады деп жазады turkystan.kz.`: the person's verb, then the outlet's `деп жазады` (no name `деп …`)
        rf",?\s*[-–—]?\s*(?:деп\s+)?(?:хабарлайды|хабарлады|жазады|жазды|мәлімдейді)\s+(?!деп\s){_NAME}{_VIA_KK}{_TAIL_OR_STOP}",
        rf"(?:^|(?<=[.!?]\s))Бұл\s+(?:туралы|жайлы|жөнінде)\s+{_NAME}{_VIA_KK}\s+(?:хабарлады|хабарлайды|жазады|жазды)\s*[.!]?",
        # an aggregator naming where it took the story: `Qazaq24.com, Zakon.KZ дереккөзінен алынған мәліметтерге сүйене
        # отырып жаңалық жариялады.`: the source is the site it names, and the line is the aggregator's, not read
        rf"^[^,]{{1,60}},\s*{_NAME}\s+(?:дереккөзінен|сайтынан|порталынан)\s+алынған\s+(?:мәліметтерге|ақпаратқа)\s+сүйен[^.!?]*[.!]*$",
        rf"^{_NAME}\s+(?:тілшісінің\s+хабарлауынша|хабарлағандай|хабарлауынша|мәліметінше|жазуынша)\s*,\s*",
        _AGGREGATOR_LINK,
        _SLASHED,
    ),
    "ru": (
        # `… сообщил губернатор Андрей Воробьев. Его цитирует корреспондент «Ленты.ру» во вторник.`: the outlet quoting
        # the one just named, in a sentence of its own (when it quoted him goes with it); tried before the
        # sentence before it (`сообщил губернатор …`: a person, no outlet)
        rf"(?:^|(?<=[.!?]\s))(?:Его|Её|Ее|Их)\s+(?:слова\s+)?цитиру(?:ет|ют)\s+{_NAME}(?:\s+(?:в|во|на)\s+[^.!?]{{0,60}}?)?{_TAIL_OR_STOP}",
        # `Как сообщил «НГ» один из пассажиров …`: the outlet told, in marks right after the verb, the teller after it
        rf"\b(?:сообщил|рассказал)(?:а|и)?\s+(?P<s5>«(?-i:[{UPPER}])[^«»]{{0,30}}»)(?=\s+[^\W\d_])",
        # `«…», – передает ТАСС слова Позднякова`: the outlet passing someone's words on (whose they are is the quote's)
        rf",?\s*[-–—]?\s*(?:передает|передаёт|приводит)\s+{_NAME}\s+слова\s+[^.!?,:;]{{1,40}}?{_TAIL_OR_STOP}",
        rf",?\s*[-–—]?\s*(?:сообщает|передает|передаёт|пишет|информирует|сообщил[аи]?)\s+{_NAME}{_VIA}{_TAIL_OR_STOP}",
        rf"(?:^|(?<=[.!?]\s))Об\s+этом\s+(?:сообщает|сообщил[аи]?|пишет|передает|передаёт)\s+{_NAME}\s*(?:[.!](?=\s|$)|$)",
        # an aggregator naming where it took the story: `Как передает Qazaq24.com, основываясь на информации сайта
        # Nur.KZ.`: the source is the site it names, and the line is the aggregator's, not read
        rf"^Как\s+(?:сообщает|передает|передаёт|пишет)\s+[^,]{{1,60}},\s*(?:основываясь|опираясь|ссылаясь)\s+на\s+"
        rf"(?:информаци\w+|данны\w+|материал\w+|сообщени\w+)\s+(?:сайта\s+|портала\s+|издания\s+|агентства\s+)?{_NAME}\s*[.!]*$",
        # opening the line or a sentence in it (`… Федор Лаксаев. Как пишет районная газета «Время и Жизнь», …`), the
        # outlet's own source after it (`Как сообщает Report со ссылкой на пресс-службу президента, …`)
        rf"(?:^|(?<=[.!?]\s))Как\s+(?:сообщает|сообщил[аи]?|передает|передаёт|пишет)\s+{_NAME}{_VIA}\s*,\s*",
        rf"^По\s+(?:данным|информации|сообщению)\s+{_NAME}\s*,\s*",
        rf"^По\s+(?:данным|информации|сообщению)\s+{_NAME}\s*[.!]?$",  # `По сообщению КазТАГ` closing the copy
        # `С какими проблемами столкнулись фермеры, читайте в материале BAQ.KZ.`: the outlet's own material (a domain
        # or a name that says it is an outlet); the invitation to read on is not read
        rf",?\s*(?:подробнее\s+)?(?:читайте|смотрите)\s+(?:[^\s,.]+\s+){{0,2}}?в\s+материал(?:е|ах)\s+{_NAME}{_TAIL_OR_STOP}",
        # `— рассказал корреспонденту Transsibinfo.com Денис Гончаров`, `Он рассказал в интервью «Секрету фирмы»`: the
        # outlet told (as the English `told Reuters`): its copy; the clause is the sentence's own and stays read
        rf"(?:рассказал|сказал|заявил|сообщил|пояснил|признал)(?:ся|ась|а|и)?\s+(?:в\s+интервью\s+|корреспонденту\s+"
        rf"|журналисту\s+){_named('s5')}(?=\s*(?:[,.;!?]|$)|\s+(?-i:[{UPPER}]))",
        # `в интервью КНИА «Кабар» подчеркнул`, `в комментарии порталу Москва 24`: the outlet spoken to (its copy);
        # the clause stays read
        r"\bв\s+(?:интервью|комментарии|беседе\s+с)\s+(?P<s5>(?:[^\W\d_]+\s+)?(?:«[^«»]{1,40}»|[^\s,.!?«»]+(?:\s+[^\s,.!?«»]+){0,2}?))"
        r"(?=\s*(?:[,.;!?]|$)|\s+[а-яё]+л[аи]?\b)",
        # a dateline with the news agency after the place: `Узбекистан, Ташкент – АН Podrobno.uz. Президент …`
        rf"^(?:[{UPPER}][^\W\d_]+,\s+)?[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)?\s+[-–—]\s+(?-i:АН|ИА|МИА|КНИА)\s+"
        rf"(?P<s13>[^\s,.!?]+(?:\.(?i:{WEB_DOMAIN}))?)\.\s+(?=[{UPPER}])",
        # a dateline with the agency after the day: `Пенза, 13 марта 2023. PenzaNews. Губернатор …` (a name in Latin
        # letters or in marks, closed by its stop, before the copy's first sentence)
        rf"^(?-i:[{UPPER}])[^\W\d_]+(?:-(?-i:[{UPPER}])[^\W\d_]+)?,\s+\d{{1,2}}\s+(?:января|февраля|марта|апреля|мая|июня"
        rf"|июля|августа|сентября|октября|ноября|декабря)(?:\s+\d{{4}})?\.\s+(?P<s15>(?-i:[A-Z])[\w.-]{{1,30}}|«[^«»]{{1,30}}»)"
        rf"\.\s+(?=(?-i:[{UPPER}]))",
        _AGGREGATOR_LINK,
        _SLASHED,
    ),
    "en": (
        # Tried first, before the line's own `local police reported` (no outlet's): an agency in capitals glued to
        # the copy's first sentence, as its feed prints it: `OREANDA-NEWSThe Ministry …`
        r"^(?-i:(?P<s7>[A-Z]{2,}(?:-[A-Z]{2,})+)(?=[A-Z][a-z]))",
        # a wire in brackets opening the copy another outlet reprints: `( RIA Novosti ) - Viktor Shershunov, …`
        r"^\(\s*(?P<s8>[A-Z][^()]{1,40}?)\s*\)\s*[-–—]\s+",
        _REPORTS,
        # `…, Qazinform News Agency cites the press service of the Senate.`
        rf",\s*{_named('s4')}\s+(?:News\s+Agency\s+)?(?:cites|quotes)\s+[^.!?]+{_TAIL}",
        # `…, as reported by Turkmenistan Today.`
        rf",?\s*as\s+(?:reported|informed)\s+by\s+(?:the\s+)?{_named('s11')}{_TAIL_OR_STOP}",
        # an agency's code in brackets after the copy's last stop: `… the Ministry added. (ILKHA)`
        r"(?<=[.!?…”\"»])\s+\((?-i:(?P<s12>[A-Z]{3,10}))\)\s*$",
        # the wires a broadcaster's story drew on, signed under the copy: `With reporting by Interfax`, `Based on
        # reporting by Reuters and AFP`
        rf"^(?:with|additional|based\s+on)\s+reporting\s+(?:by|from)\s+{_named('s15')}(?:\s+and\s+[^.!?]{{1,40}})?\s*[.!]?$",
        # `According to the Turkmenistan.ru, …` opening the line or a sentence in it
        rf"(?:^|(?<=[.!?]\s))According\s+to\s+(?:the\s+)?{_NAME}\s*,\s*",
        # `… Erlan Akkenzhenov told Reuters, raising …`: the words were said to the outlet, whose copy this is; the
        # clause is the sentence's own (who said it to whom) and stays read: the credit takes no words from it
        rf"\b(?:told|tells|speaking\s+to|said\s+to|(?:was\s+)?(?:cited|quoted)(?:\s+as\s+saying)?\s+by"
        # `answering questions of 24.kg news agency`, `Own sources of 24.kg news agency … informed`
        rf"|answering\s+(?:the\s+)?questions\s+(?:of|from)|(?:own\s+)?sources\s+of"
        # `said in a statement to Reuters that …`, `The City Hall confirmed the information to 24.kg news agency.`
        rf"|statement\s+to|confirmed\s+(?:the\s+|this\s+)?(?:information|news|report)\s+to"
        # `The press service of the Cabinet informed 24.kg news agency.`, `said in an interview with Kabar news agency`,
        # `said in an interview to the Khabar 24 TV channel`: the outlet told
        rf"|informed|in\s+an?\s+(?:exclusive\s+)?interview\s+(?:with|to)(?:\s+the)?)\s+{_named('s5')}"
        rf"(?:['’]s\s+(?:correspondent|reporter)s?)?(?=\s*(?:[,.;!?]|$)|\s+(?:on|in|last|this|that|earlier|late|early|after|at|during|by|about)\b)",
        _SLASHED,
    ),
}

# What names an outlet rather than an office or a person: a web address, a wire in capitals or in
# Latin letters inside Cyrillic copy, or a media word.
_DOMAIN = re.compile(rf"\.{WEB_DOMAIN}\b", re.IGNORECASE)
_MEDIA = re.compile(
    r"агенттіг|агентств|портал|газет|телеарна|телеканал|арнасы|радио|басылым|сайт|издани|информагентств|тілші"
    r"|корреспондент|news|agency|times|post|reuters|interfax|интерфакс|тасс|риа|sputnik|ақпарат|informburo|информбюро|inform(?!ation)"
    r"|azattyq|азаттык|tengri|zakon|vlast|\borda\b|khabar|хабар|kazinform|казинформ|қазақпарат|egemen|kursiv|forbes"
    r"|\btrend\b|\bria\b|novosti|kaztag|казтаг|akipress|xinhua|\bafp\b|\bap\b|associated\s+press|bloomberg|eurasianet|\bbbc\b|rfe/rl"
    r"|\bcorrespondent",  # `"Adyrna" correspondent reported`: a correspondent's credit is the outlet's
    re.IGNORECASE,
)
_OFFICE = re.compile(
    r"баспасөз\s+қызмет|пресс-служб|press\s+service|министрлі|министерств|ministry|әкімді|акимат|управлени"
    r"|департамент|department|комитет|committee|полици|police|прокуратур|сот\b|суд"
    r"|akorda|ақорда|акорд"  # the President's office
    # bodies by their initials (`По данным МВД,`, `сообщили в ДЧС`): offices, not wires in capitals
    r"|\b(?:мвд|мчс|кнб|гкнб|гувд|увд|ровд|овд|дп|двд|дчс|дкнб|мид|цик|фсб|гибдд|іім|тжм|ұқк|сжқ|акк|апк|агентство\s+по\s+делам)\b",
    re.IGNORECASE,
)
# A reporter's word around the outlet's name (`Kazinform тілшісі`, `корреспондент Zakon.kz`): not the name.
_REPORTER = re.compile(
    r"\b(?:тілшісі|тілшісіне|корреспондент[а-я]*|correspondent|собственный|собкор|портал[а-я]*|порталы"
    # what kind of outlet it is, before or after its name (`информагентство 7news.kz`, `El.kz интернет порталы`)
    r"|информагентств[а-я]*|агентств[а-я]*|издани[а-я]*|медиа-портал[а-я]*|интернет-портал[а-я]*|интернет"
    r"|ақпарат\s+агенттігі|ақпараттық|агенттігі|сайт[а-яұүқғңәөһі]*|МИА|ИА|КНИА)(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Credit:
    source: str  # the outlet's name as the story's source
    start: int  # where the credit clause begins in the line
    end: int  # and where it ends
    outlet: bool  # False for an office or a person: then it is read, and is not the story's source


# Where a person or an office posted the words, after the name (`сообщил аким ВКО Даниал Ахметов в Instagram`,
# `Берік Уәли Facebook парақшасында`): no part of whoever is named, and no outlet's name.
_PLATFORM = re.compile(
    r"\s+(?:(?:в|во|на)\s+(?:сво[её]м\s+|свой\s+|сво[её]й\s+|официальн\w+\s+)?|(?:өзінің\s+)?)"
    r"(?:Instagram|Facebook|Telegram|Twitter|TikTok|YouTube|Threads|X|WhatsApp|ВКонтакте|Фейсбук\w*|Инстаграм\w*"
    r"|Телеграм\w*|соцсет\w*|социальн\w+\s+сет\w+|телеграм-канал\w*|Telegram-канал\w*)"
    r"(?:[-\s]+[^\W\d_]+){0,3}$",
    re.IGNORECASE,
)
# Bodies whose name holds a media word but which are offices (`ШҚО ақпараттық орталығы`, the region's
# information centre; the Central Communications Service): no outlet.
_OFFICE_FIRST = re.compile(
    r"ақпараттық\s+орталығ|ақпарат\s+орталығ|информационн\w+\s+центр|коммуникациялар\s+қызмет"
    r"|центральных\s+коммуникаций|коммуникаций\s+при|пресс-центр|баспасөз\s+орталығ",
    re.IGNORECASE,
)


def _names_a_person(name: str) -> bool:
    """A role word (`аким`, `министр`) or a person's name (a given name from the names list, a family name's
    ending, next to another capitalised word) in the clause: a person speaks, whatever else the words hold."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", name)
    if any(word.casefold() in ROLE_WORDS for word in words):
        return True
    capitals = [word for word in words if word[:1].isupper() and not word.isupper()]
    if len(capitals) < 2:
        return False
    given = _given_names()
    return any(word.casefold() in given for word in capitals) or any(
        _MALE_SURNAME.search(word.casefold()) or _FEMALE_SURNAME.search(word.casefold()) for word in capitals[1:]
    )


def is_outlet(name: str) -> bool:
    name = _PLATFORM.sub("", name)
    if _OFFICE_FIRST.search(name) or _names_a_person(name):
        return False
    if _DOMAIN.search(name) or _MEDIA.search(name):
        return True
    if _OFFICE.search(name):
        return False
    words = name.split()
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in name)
    latin_brand = cyrillic and any(re.match(r"[A-Z]", word) for word in words)
    # a brand written with a capital inside a word (`ИнАктау`, `BaigeNews`) or in Latin letters in English
    camel = any(re.search(rf"[{LOWER}][{UPPER}]", word) for word in words)
    quoted = bool(re.fullmatch(r"\s*(?:\w+\s+)?[«\"“][^«»\"“”]+[»\"”]\s*", name))  # `«Хабар 24»`, `портала «Мой ГОРОД»`
    return bool(latin_brand or camel or quoted or (len(words) <= 3 and name.isupper()))


def is_office(name: str) -> bool:
    """An office or a body (`пресс-служба акимата`, `Ministry of Health`), not an outlet."""
    return bool(_OFFICE_FIRST.search(name)) or bool(_OFFICE.search(name)) and not (_DOMAIN.search(name) or _MEDIA.search(name))


def _brand(name: str) -> bool:
    """In an English credit clause (`…, Trend reports.`) a name of one to three capitalised words is
    the outlet's (a byline's person is not: `By Aliya Nurova` is no credit clause)."""
    words = name.split()
    return 1 <= len(words) <= 3 and all(re.match(r"[A-Z]|\d+[a-zA-Z]", word) for word in words) and not _OFFICE.search(name)


def clean_source(name: str) -> str:
    """`корреспондент Zakon.kz` → `Zakon.kz`; quotation marks around a name go too."""
    quoted = re.search(r"[«\"“]([^«»\"“”]{1,40})[»\"”]", name)
    if quoted:  # `"Adyrna" ұлттық порталы`, `портала «Мой ГОРОД»`: the name is what the marks hold
        return " ".join(quoted.group(1).split())
    name = _REPORTER.sub(" ", name)
    return " ".join(name.replace("«", "").replace("»", "").replace('"', "").replace("“", "").replace("”", "").split())




@cache
def _compiled(language: str) -> tuple[tuple[re.Pattern[str], Guard], ...]:
    """The language's credit patterns, compiled when the language is first read (not at import: a story
    compiles only its own), each with a guard that skips a line lacking a word every match needs (the
    first pattern costs ten microseconds a line; its `хабарлайды|хабарлады|жазады…`, a tenth of that)."""
    return tuple((pattern, Guard(pattern)) for pattern in (re.compile(p, re.IGNORECASE) for p in CREDITS.get(language, ())))


@cache
def _forms(language: str) -> tuple[tuple[re.Pattern[str], Guard, tuple[re.Pattern[str], re.Pattern[str]] | None], ...]:
    """The language's credit patterns with their guards, and for a pattern with a form a line may be seen to lack
    (`_LIGHTER`), a search for what that form needs and the pattern without it."""
    return tuple(
        (pattern, guard, (re.compile(_LIGHTER[pattern.pattern][0], re.IGNORECASE),
                          re.compile(_LIGHTER[pattern.pattern][1], re.IGNORECASE)) if pattern.pattern in _LIGHTER else None)
        for pattern, guard in _compiled(language)
    )


@cache
def _any_credit(language: str) -> AnyGuard:
    """Whether a line could hold any of the language's credits: one search for all of the words they need (most
    lines have none), before each pattern's own guard."""
    return AnyGuard(tuple(pattern for pattern, _ in _compiled(language)))


@once
def find_credit(text: str, language: str) -> Credit | None:
    """The outlet's (or an office's) credit in the line, if any; a credit set off from its sentence by a
    comma or a dash, a sentence of its own, or a lead-in (`Как сообщает X,`)."""
    short, long_words = set_aside(text)  # the patterns are quadratic in a 200,000-letter word
    credit = _find_credit(short, language)
    if credit is None or not long_words:
        return credit
    return replace(
        credit,
        source=put_back(credit.source, long_words[short[: credit.start].count(MARK):]),
        start=original_offset(credit.start, long_words),
        end=original_offset(credit.end, long_words),
    )


def credit_match(text: str, language: str) -> re.Match[str] | None:
    """The match of an outlet's credit in a line of ordinary length (the reader's source attribution
    falls back on it); None for an office's or a person's."""
    if len(text) > _MATCH_LENGTH:
        return None
    last = text[-1:]
    if last in _ARROWS and (glued := _GLUED_LINK.search(text)) is not None:
        return glued
    if (last.isalpha() or last == "»" or last == "." and ("- " in text or "— " in text or "– " in text)) and (
        language in ("ru", "kk") and (trailing := _trailing_match(text)) is not None
    ):
        return trailing
    if not _any_credit(language).could_match(text):
        return None
    for pattern, guard, lighter in _forms(language):
        if not guard.could_match(text):
            continue
        if lighter is not None and lighter[0].search(text) is None:
            pattern = lighter[1]
        for match in pattern.finditer(text):
            credit = _credit_of(text, match, language)
            if credit is not None:  # a credit that takes no words (`told Reuters`) is no attribution clause
                return match if credit.outlet and credit.end > credit.start else None
    return None


_MATCH_LENGTH = 2000


def _credit_of(text: str, match: re.Match[str], language: str) -> Credit | None:
    key, raw = next(((key, value) for key, value in match.groupdict().items() if value and key.startswith("s")), ("", ""))
    # `according to Kazhydromet` or `according to Smadiyarov`: an office or a person as often as an outlet, so
    # only a name that says it is an outlet is one
    according = key == "s3" or match.group(0).lstrip(" ,").casefold().startswith("according")
    if key == "s5":  # `told Reuters`: only a name that says it is an outlet is one (`told Tokayev` is a person)
        source = re.sub(r"\s+(?:news\s+)?agency$", "", clean_source(raw), flags=re.IGNORECASE)  # `24.kg news agency`
        # `told Asia-Plus in an interview`: a name one gives an interview to is an outlet's
        interview = text.startswith(" in an interview", match.end()) and _brand(raw) and not _names_a_person(raw)
        if len(raw.split()) > 6 or not source or not (is_outlet(raw) or interview) or _OFFICE.search(raw):
            return None
        if language == "en" and re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.IGNORECASE)[:1].islower() \
                and not _DOMAIN.search(raw):
            return None  # `told the agency`, `told a newspaper`: an outlet by its kind, not by its name
        return Credit(source=source, start=match.end(), end=match.end(), outlet=True)
    before = text[: match.start()].rstrip()
    # `( Almaty ) - `: a place in brackets is no wire; `NEW-YORKThe …`: capitals glued on are a wire's only with a media word
    if key in ("s8", "s15") and not is_outlet(raw) or key == "s7" and not _MEDIA.search(raw):
        return None
    if key == "s6":  # `… holidays. /Kabar/`: an agency's name in slashes signs the copy
        source = clean_source(raw)
        outlet = bool(source) and (is_outlet(raw) or len(raw.split()) <= 2 and _brand(raw) and not _names_a_person(raw))
        return Credit(source=source, start=match.start(), end=match.end(), outlet=outlet) if source else None
    if match.start() > 0 and before and not (
        match.group(0).lstrip()[:1] in ",-–—" or before.endswith((".", "!", "?", "…"))
        or match.group(0).lstrip().startswith("деп ")
    ):
        return None
    if len(raw.split()) > 6:
        return None
    if via_named := _VIA_NAMED.fullmatch(raw) if "сілте" in match.group(0) else None:
        # `деп хабарлайды Azattyq Rýhy «Алматы» телеарнасына сілтеме жасап`: the name in marks is whom the outlet
        # cites (its kind, `телеарнасына`, in the dative after it), the outlet is the name before it
        raw = via_named["name"]
    source = clean_source(raw)
    if not source:
        return None
    return Credit(
        source=source, start=match.start(), end=match.end(),
        # in English copy a capitalised name; in Kazakh or Russian copy a name in Latin letters (`сообщает Adyrna`)
        outlet=is_outlet(raw) or not according and _brand(raw) and (language == "en" or not re.search(r"[\u0400-\u04ff]", raw))
        or _passed_on(match.group(0), raw),
    )


# A name (capitalised, no kind word before it) then one in marks: the outlet, then whom it cites.
_VIA_NAMED = re.compile(rf"\s*(?P<name>[{UPPER}A-Z][^«»\"“”]{{0,40}}?)\s+[«\"“][^«»\"“”]{{1,40}}[»\"”]\s*")


def _passed_on(clause: str, raw: str) -> bool:
    """`передает Информбюро`: what `передает` names is an outlet when it is a name (one to three words, the first
    capitalised) and no person, role or office; a person or an office `сообщает`, `пишет` as often as an outlet."""
    return (
        re.search(r"\bпереда[её]т\s", clause, re.IGNORECASE) is not None
        and 1 <= len(raw.split()) <= 3 and raw.lstrip("«\"“")[:1].isupper()
        and not _names_a_person(raw) and not _OFFICE.search(raw) and not _OFFICE_FIRST.search(raw)
        and not (len(raw.split()) == 1 and (_MALE_SURNAME.search(raw.casefold()) or _FEMALE_SURNAME.search(raw.casefold())))
    )


# An aggregator's source glued after the paragraph's last stop, as news aggregators print it under each
# paragraph (`… микрорайона.Sputnik Кыргызстан`, `… Акылбек Жапаров. ТАСС`, `— отметил он. RT на русском`,
# `… в Национальную академию наук. — КП - Бишкек.`): a name of one to four words with no verb, after a
# sentence's stop, ending the line. Only a name that says it is an outlet is one (a media word, a web
# address, a wire's name, a Latin brand in Cyrillic copy): `… в Алматы. Фото Динара Халдарова` is no credit.
_TRAILING = re.compile(
    rf"(?:(?<=[.!?…])|(?<=[.!?…][»\"”]))\s*(?:[-–—]\s+)?(?P<s9>[{UPPER}«\"][^.!?:;,()\[\]«»\"\n]{{0,30}}?(?:«[^«»]{{1,30}}»|\.(?i:{WEB_DOMAIN}))?)\s*\.?$"
)


# (with each pattern's lighter form: a match of either is a credit's; and the aggregator's glued source)
CREDIT_PATTERNS = frozenset(pattern for patterns in CREDITS.values() for pattern in patterns) | {
    lighter for _, lighter in _LIGHTER.values()} | {_TRAILING.pattern}


_DASHED_END = re.compile(r"[.!?…]\s+[-–—]\s+[^!?]{1,40}\.$")


def _trailing_match(text: str) -> re.Match[str] | None:
    """The aggregator's glued source (see _TRAILING); tried only on a line whose last character is a letter
    or a closing mark of a name, or that ends `. — Name.`: most lines end with a stop after a word."""
    if not _may_trail(text) or text[-1:] == "." and not _DASHED_END.search(text[-45:]):
        return None  # `… наук. — КП - Бишкек.`: a stop at the end only after a dash near it
    match = _TRAILING.search(text)
    if match is None or not text[: match.start()].strip():
        return None
    raw = match["s9"].strip()
    if not 1 <= len(raw.split()) <= 4 or _names_a_person(raw) or not is_outlet(raw) or _OFFICE.search(raw):
        return None
    # a name that says it is an outlet (a media word, an address, a name in marks, Latin letters in a Cyrillic
    # name), not a tag in capitals after a headline (`… в резервате. LIVE`)
    mixed = bool(re.search(r"[A-Za-z]", raw)) and bool(re.search(r"[\u0400-\u04ff]", raw))
    if not (_DOMAIN.search(raw) or _MEDIA.search(raw) or "«" in raw or mixed):
        return None
    return match


def trailing_credit(text: str, language: str) -> Credit | None:
    """An aggregator's source glued after the line's last sentence (`… — отметил он. RT на русском`), if any."""
    return _trailing_credit(text) if language in ("ru", "kk") else None


def _trailing_credit(text: str) -> Credit | None:
    match = _trailing_match(text)
    source = clean_source(match["s9"]) if match is not None else ""
    return Credit(source=source, start=match.start(), end=match.end(), outlet=True) if match is not None and source else None


# `«…», — цитирует главу Минсельхозпрода БелТА.`, `— цитирует сообщение ведомства РИА Новости.`: the outlet
# quoting closes the clause, after whom it quotes; the last one to three words that name an outlet.
_QUOTING = re.compile(r"(?:^|[-–—,»\"]\s*)цитиру(?:ет|ют)\s+(?P<rest>[^.!?«»\"]{3,80}?)" + _TAIL_OR_STOP, re.IGNORECASE)


def _quoting_credit(text: str) -> Credit | None:
    match = _QUOTING.search(text)
    if match is None:
        return None
    words = list(re.finditer(r"\S+", match["rest"]))
    for size in (1, 2, 3):
        if len(words) <= size:
            break
        raw = match["rest"][words[-size].start():]
        if is_outlet(raw) and not _names_a_person(raw) and not _OFFICE.search(raw):
            start = match.start("rest") + words[-size].start()
            return Credit(source=clean_source(raw), start=start, end=match.end(), outlet=True)
    return None


def _may_trail(text: str) -> bool:
    """Whether the line could end with an aggregator's glued source: it ends with a letter or `»`, or with a stop
    after a dash near its end (most lines end with a stop and have no dash there). Inlined where it is asked."""
    last = text[-1:]
    return last.isalpha() or last == "»" or last == "." and ("- " in text or "— " in text or "– " in text)


def _find_credit(text: str, language: str) -> Credit | None:
    last = text[-1:]
    if last in _ARROWS and (glued := _GLUED_LINK.search(text)) is not None:
        return Credit(source=glued["s14"], start=glued.start(), end=glued.end(), outlet=True)
    if (last.isalpha() or last == "»" or last == "." and ("- " in text or "— " in text or "– " in text)) and (
        language in ("ru", "kk") and (trailing := _trailing_credit(text)) is not None
    ):
        return trailing
    if language == "ru" and "цитиру" in text and (quoting := _quoting_credit(text)) is not None:
        return quoting
    if not _any_credit(language).could_match(text):
        return None
    for pattern, guard, lighter in _forms(language):
        if not guard.could_match(text):
            continue
        if lighter is not None and lighter[0].search(text) is None:
            pattern = lighter[1]
        match = pattern.search(text)
        if not match:
            continue
        credit = _credit_of(text, match, language)
        if credit is not None:
            return credit
    return None
