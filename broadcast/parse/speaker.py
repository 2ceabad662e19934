"""The attribution line that opens a SOT: `Name Surname, title:` alone on a line."""
from __future__ import annotations

import re

from ..languages._letters import UPPER
from ..languages._triggers import Guard
from .gender import guess_gender
from ..model import Speaker
from .per_read import once

# A name word is an initial with its full stop or a capitalised word (a lone capital is a preposition: В, А).
_NAME_WORD = rf"[{UPPER}](?:\.|[^\W\d_]+(?:[-'’][{UPPER}]?[^\W\d_]+)*)"
_NAME_WORDS = 4
# Lowercase words inside a name: Ursula von der Leyen, Ahmed bin Saleh.
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|la|le|al|el|bin|ibn|фон|ван|де|ибн)"
# A name in quotation marks inside a title (директор ТОО «Горкоммунхоз») is part of it.
_QUOTED_NAME = r"«[^»:]{1,60}»|\"[^\":]{1,60}\"|“[^”:]{1,60}”"
# After the colon: the end of the line, or the quote on the same line, opened by a dash or a quotation
# mark (print copy does this).
_QUOTE_AFTER = r"(?:$|\s+(?P<quote>[-–—«\"“„]\s*\S.*)$)"
# Two to four capitalised words (initials allowed; up to six when capitalised title words come first,
# `Kazakh Energy Minister Almasadam Satkaliyev`), an optional title after a comma or a spaced dash or in
# brackets, a colon at the end.
ATTRIBUTION = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,5}})"
    rf"(?:(?:\s*,\s*|\s*[-–—]\s+)(?P<title>(?:{_QUOTED_NAME}|[^:«\"“„]){{1,120}}?)|\s*\((?P<bracketed>[^()]{{1,120}})\))?\s*:"
    + _QUOTE_AFTER
)
# Verbs of saying that copy puts before the colon (`Ирина Новикова отметила:`, `..., the airport's director,
# said:`) or after "as"/"как" in front of a title (`Как отметил аким города Ерлан Ахметов:`): not the title.
SAID = (
    "said", "says", "added", "noted", "stressed", "explained", "told",
    "сказал", "сказала", "отметил", "отметила", "заявил", "заявила", "говорит", "считает", "подчеркнул",
    "подчеркнула", "рассказал", "рассказала", "пояснил", "пояснила", "сообщил", "сообщила",
    "деді", "айтты", "атап өтті", "мәлімдеді", "дейді", "түсіндірді",
)
SAYING = "|".join(re.escape(verb) for verb in SAID)
_SAYING_BEFORE_COLON = re.compile(rf"^(?P<head>[^:]+?)[,\s]+(?:{SAYING})\s*:", re.IGNORECASE)
_LEAD_IN = re.compile(rf"^(?:(?:as|как|об\s+этом|бұл\s+туралы)\s+)?(?:.*?\b(?:{SAYING})\s+)?", re.IGNORECASE)


# The title first, then the name, alone on a line: `Денсаулық сақтау министрі Ажар Ғиният:`. The title
# starts lowercase after its first word, so a capitalised sentence does not read as one.
TITLE_FIRST = re.compile(
    rf"^(?P<title>(?:{_QUOTED_NAME}|[^\W\d_])(?:{_QUOTED_NAME}|[^:«\"“„.!?,]){{0,120}}?\s+[^\W\d_{UPPER}]"
    rf"(?:{_QUOTED_NAME}|[^:«\"“„.!?,])*?)\s+(?P<name>{_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*:"
    + _QUOTE_AFTER
)
# A middle name that is a patronymic (Иван Петрович Сидоров) belongs to the name, not the title.
_PATRONYMIC = re.compile(r"(ович|евич|овна|евна|ична|инична|ұлы|қызы)$")
_OFFICE = re.compile(r"(і|ы|сі|сы)$")
# One-word titles that copy capitalises at the start of the line (`Фермер Бахтияр Ташметов:`).
TITLE_WORDS = frozenset(
    """
    фермер аким министр депутат директор президент глава мэр председатель житель жительница врач учитель
    эксперт аналитик экономист профессор академик спасатель пенсионер студент водитель предприниматель
    әкім тұрғын дәрігер мұғалім сарапшы маман зейнеткер жүргізуші кәсіпкер
    farmer mayor minister president governor director resident doctor teacher expert analyst economist
    professor driver student senator dr mr mrs ms
    """.split()
)


def _is_title_word(word: str) -> bool:
    return word.isupper() or bool(_OFFICE.search(word)) or word.casefold().rstrip(".") in TITLE_WORDS


def _title_in_name(words: str) -> tuple[str, str]:
    """`ҚР Президенті Қасым-Жомарт Тоқаев` → (title, name): capitalised title words before the name show
    themselves by an abbreviation (ҚР, РК), the Kazakh possessive ending of an office (Президенті) or a
    common one-word title (Фермер, Mayor)."""
    parts = words.split()
    head = parts[:-2]
    if head and not _PATRONYMIC.search(parts[-2]) and any(_is_title_word(word) for word in head):
        return " ".join(head), " ".join(parts[-2:])
    return "", words


# Each form is tried only on a line with what every match of it needs (a colon): most lines are no attribution.
_SAYING_GUARD, _ATTRIBUTION_GUARD, _TITLE_FIRST_GUARD = (Guard(p) for p in (_SAYING_BEFORE_COLON, ATTRIBUTION, TITLE_FIRST))


@once
def split_attribution(text: str) -> tuple[Speaker, str] | None:
    """The speaker an attribution line names and the quote after the colon ("" if none), or None."""
    text = text.strip()
    if _SAYING_GUARD.could_match(text):
        text = _SAYING_BEFORE_COLON.sub(r"\g<head>:", text, count=1)
    match = ATTRIBUTION.match(text) if _ATTRIBUTION_GUARD.could_match(text) else None
    if match:
        name, rest = match.group("name"), match.group("quote") or ""
        title = match.group("title") or match.group("bracketed") or ""
        if not title:
            title, name = _title_in_name(name)
        if len(name.split()) > _NAME_WORDS:
            return None
    else:
        match = TITLE_FIRST.match(text) if _TITLE_FIRST_GUARD.could_match(text) else None
        if not match:
            return None
        title, name, rest = _LEAD_IN.sub("", match.group("title")), match.group("name"), match.group("quote") or ""
        words = name.split()
        if len(words) == 3 and not _PATRONYMIC.search(words[1]):
            title, name = f"{title} {words[0]}", " ".join(words[1:])
    name = caps_name(" ".join(name.split()))
    title = " ".join(title.split())
    return Speaker(name=name, title=title, gender=guess_gender(name)), rest.strip()


def caps_name(name: str) -> str:
    """`Дәурен ОМАРОВ` → `Дәурен Омаров`: transcripts write a surname in capitals; a lower third writes it as a
    name (an initial, `А.`, stays as it is)."""
    return " ".join(word.title() if word.isupper() and len(word.rstrip(".")) > 1 else word for word in name.split())


def parse_attribution(text: str) -> Speaker | None:
    """The speaker an attribution line names, or None if the line is not one."""
    found = split_attribution(text)
    return found[0] if found else None
