"""Outlets' credits in Russian and Kazakh copy: the forms held-out set 7 and s6-i9-ru's unseen check of 39
published articles showed (made-up sentences in the shape of real ones; the page each form was seen on is
noted beside it)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import dateline
from broadcast.parse.quotes import who


def _story(text: str, language: str = "ru"):
    return parse_text(text, language=language)


@pytest.mark.parametrize(
    "text, source",
    [
        # an aggregator's source glued after each paragraph's stop (dzen.ru/news story: `.Sputnik Кыргызстан`;
        # izkp.ru: `… Жапаров. ТАСС`, `RT на русском`, `Деловая газета «Взгляд»`)
        ("Мэр просит выделить землю под новый микрорайон.Sputnik Кыргызстан", "Sputnik Кыргызстан"),
        ("Об этом заявил глава кабинета Адылбек Касымалиев. ТАСС", "ТАСС"),
        ("Русский язык сохранит свой статус. Деловая газета «Взгляд»", "Взгляд"),
        ("Об этом сообщили в пресс-службе президента. — Взгляд.UA.", "Взгляд.UA"),
        # the outlet quoting closes the clause (russian.rt.com: `— цитирует сообщение ведомства РИА Новости`;
        # agronews.com: `— цитирует главу Минсельхозпрода БелТА`)
        ("«Информация не соответствует действительности», — цитирует сообщение ведомства РИА Новости.", "РИА Новости"),
        ("«Мы работаем честно», — цитирует главу Минсельхозпрода БелТА.", "БелТА"),
        # an outlet passing someone's words on (vz.ru: `– передает ТАСС слова Позднякова`)
        ("«Мы согласились с этим предложением», – передает ТАСС слова Позднякова.", "ТАСС"),
    ],
)
def test_a_credit_form_names_the_outlet(text, source):
    credit = find_credit(text, "ru")
    assert credit is not None and credit.outlet and credit.source == source


@pytest.mark.parametrize(
    "text",
    [
        # a closing name that is no outlet: a person, a photo's author, an office's initials
        "Министр провел прием граждан. Фото Динара Халдарова",
        "Работа продолжается. Асхат Бутунчинов",
        "Қостанайда егін орағы тоқтап тұр - «Qazaqstan» Ұлттық телеарнасы",
        # a body by its initials is an office (24.kg: `По данным МВД, оружие не зарегистрировано.`)
        "По данным МВД, оружие в стране не зарегистрировано.",
        "Об этом сообщил пресс-центр ГКНБ.",
    ],
)
def test_no_outlet(text):
    credit = find_credit(text, "ru")
    assert credit is None or not credit.outlet


@pytest.mark.parametrize(
    "line, source, rest",
    [
        # Kabar with the date in figures and no space (kabar.kg)
        ("Бишкек,01.09.24. /Кабар/. На концерте потерялись дети.", "Кабар", "На концерте потерялись дети."),
        # BelTA: the date first, the reporter's word in the slashes (belta.by)
        ("31 мая, Минск /Корр. БЕЛТА/. Министерство работает открыто.", "БЕЛТА", "Министерство работает открыто."),
    ],
)
def test_slashed_datelines(line, source, rest):
    found = dateline(line)
    assert found is not None and found.source == source and found.rest == rest


def test_every_paragraph_glued_to_its_source_is_read_without_it():
    story = _story(
        "Мэр просит кабмин выделить 200 гектаров земли под новый микрорайон.Sputnik Кыргызстан\n"
        "Об этом он заявил на заседании комиссии горкенеша.Sputnik Кыргызстан\n"
        "По словам мэра, переговоры с кабмином идут.Sputnik Кыргызстан\n"
    )
    assert story.source == "Sputnik Кыргызстан"
    assert [s.kind for s in story.segments] == ["lead", "vo"]
    assert not any("Sputnik" in line.spoken or "спутник" in line.spoken.casefold() for line in story.lines)


def test_a_glued_source_after_an_attribution_leaves_the_quote_its_speaker():
    story = _story(
        "Противоречий между странами нет. Об этом заявил в Москве глава кабинета министров Адылбек Касымалиев. ТАСС\n"
        "«Между нашими странами нет противоречий», — отметил он. RT на русском\n"
        "Касымалиев подчеркнул, что язык сохранит статус. Деловая газета «Взгляд»\n"
    )
    kinds = [(s.kind, s.speaker.name if s.speaker else "") for s in story.segments]
    assert kinds == [("lead", ""), ("sot", "Адылбек Касымалиев"), ("vo", "")]
    assert not any("рус" in line.spoken and "ар-ти" in line.spoken for line in story.lines)


@pytest.mark.parametrize(
    "clause, kind, name",
    [
        ("— цитирует главу Минсельхозпрода БелТА", "role", ""),  # whom the outlet quotes, not the outlet
        ("— цитирует сообщение ведомства РИА Новости", "institution", ""),
        ("– передает ТАСС слова Позднякова", "named", "Поздняков"),  # `слова Позднякова`: his (hers is -овой)
        ("— выразил мнение мэр", "role", ""),  # knews.kg
        ("— выразила надежду министр", "role", ""),
    ],
)
def test_who_an_outlets_clause_names(clause, kind, name):
    found = who(clause, "ru")
    assert found.kind == kind and found.name == name


def test_the_outlet_quoting_a_role_gives_the_quote_to_the_person_named():
    story = _story(
        "Министр Анатолий Хотько заявил, что ведомство работает открыто.\n\n"
        "«Вопросов к министерству нет», — цитирует главу Минсельхозпрода БелТА.\n"
    )
    assert story.source == "БелТА"
    assert [(s.kind, s.speaker.name if s.speaker else "") for s in story.segments] == [
        ("lead", ""), ("sot", "Анатолий Хотько")
    ]
