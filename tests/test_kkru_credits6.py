"""Outlets' credits in Kazakh, Russian (and wire) copy: the forms held-out set 6 and s5-i9-ru's unseen check of 32
published articles showed (made-up sentences in the shape of real ones; the real articles are fixtures in
tests/fixtures/structures.toml, their addresses noted there)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit, is_outlet
from broadcast.parse.furniture import dateline


def _source(text: str, language: str) -> str:
    return parse_text(text, language=language).source


@pytest.mark.parametrize(
    "text, language, source",
    [
        # a name in quotation marks whose closing stop lost its space (ria24.today)
        ("Глава государства находится в столице, передает «Газета.Ру».В частности, он провел переговоры.", "ru", "Газета.Ру"),
        # web addresses under the region's other country codes and generic names (newsmir.info, lenta.ru)
        ("Министр анонсировал создание штаба, сообщает depo.ua.", "ru", "depo.ua"),
        ("Аким распорядился отключить свет. Об этом сообщает информагентство 7news.kz.", "ru", "7news.kz"),
        ("Завод запустят в июне, пишет Kursiv.media.", "ru", "Kursiv.media"),
        # `передает` names an outlet when it names no person, role or office (kzvesti.kz: `передает Информбюро`)
        ("Президент принял акима области, сообщается на сайте Акорды, передает Информбюро.", "ru", "Информбюро"),
        # a wire's name in slashes signing the copy (24.kg's Kabar copy, TASS)
        ("Профилактика мародерства идет. /Kabar/", "en", "Kabar"),
        ("Рабочая группа создана. /ТАСС/", "ru", "ТАСС"),
    ],
)
def test_a_credit_form_names_the_outlet(text, language, source):
    credit = find_credit(text, language)
    assert credit is not None and credit.outlet and credit.source == source


@pytest.mark.parametrize(
    "text, language",
    [
        # a person posting on a network is no outlet, though the network's name is in Latin letters (lyubimiigorod.ru)
        ("Режим ЧС объявили вчера. Об этом сообщил аким ВКО Даниал Ахметов в Instagram.", "ru"),
        ("Заявление опубликовано, сообщила министр Айгуль Сейтова в своем Telegram-канале.", "ru"),
        # the region's information centre is an office, though `ақпарат` is a media word (strategy2050.kz)
        ("Аурухана 300 адамды қабылдайды, деп хабарлайды ШҚО ақпараттық орталығы.", "kk"),
        ("Брифинг прошел в СЦК, сообщает Служба центральных коммуникаций.", "ru"),
        # `передает` with a person's name
        ("Решение принято, передает Токаев.", "ru"),
        ("Решение принято, передает Ерлан Кошанов.", "ru"),
        # a person in slashes is no signature of a wire
        ("Жұмыс басталды. /Айгүл Сейтқали/", "kk"),
    ],
)
def test_a_person_or_an_office_is_no_outlet(text, language):
    credit = find_credit(text, language)
    assert credit is None or not credit.outlet


@pytest.mark.parametrize(
    "line, source, rest",
    [
        # TASS signs its wire with its name in slashes after the place and date (tmbw.ru, tass.com)
        ("АСТАНА, 24 мая. /ТАСС/. Президент назначил нового акима.", "ТАСС", "Президент назначил нового акима."),
        ("NUR-SULTAN, April 14. /TASS/. Kazakhstan welcomes the deal.", "TASS", "Kazakhstan welcomes the deal."),
        # a Kazakh agency's dateline: place, date, dash, the agency in its own sentence (caravan-info.pro)
        (
            "Астана, 2025 жылғы 25 желтоқсан – Karavan Info ақпараттық агенттігі. Кеңесте Президент сөйледі.",
            "Karavan Info",
            "Кеңесте Президент сөйледі.",
        ),
        # the outlet's web address opening the copy (kyzylorda-news.kz)
        ("Kyzylorda-news.kz. Облыстың бас дәрігері Қазалы ауданында болды.", "Kyzylorda-news.kz", "Облыстың бас дәрігері Қазалы ауданында болды."),
    ],
)
def test_a_dateline_form_names_the_agency(line, source, rest):
    found = dateline(line)
    assert found is not None and found.source == source and found.rest == rest


@pytest.mark.parametrize(
    "line",
    [
        "El.kz: Сламхат аға, әңгімемізді осыдан бастасақ?",  # an outlet's label in an interview, not a dateline
        "Астана, 25 желтоқсан – Мемлекет басшысы кеңес өткізді. Кеңесте сөз сөйледі.",  # a sentence, no agency
        "В Астане, 24 мая, /по данным/ акимата, снег.",
    ],
)
def test_what_is_no_dateline(line):
    assert dateline(line) is None


def test_the_kazakh_agency_dateline_is_the_source_and_is_not_read():
    text = (
        "Астана, 2025 жылғы 25 желтоқсан – Karavan Info ақпараттық агенттігі. Президент реформалардың жаңа кезеңін "
        "атап өтті.\n"
        "Мемлекет басшысы өндіріс салаларының өсімін атады.\n"
    )
    story = parse_text(text, language="kk")
    assert story.source == "Karavan Info"
    assert not any("Karavan" in line.spoken for line in story.lines)


def test_a_wire_in_slashes_closing_the_copy_is_the_source_and_is_not_read():
    story = parse_text("Рабочие группы созданы в каждом районе.\nПрофилактика мародерства идет. /Kabar/\n", language="ru")
    assert story.source == "Kabar"
    assert not any("Kabar" in line.spoken for line in story.lines)


def test_a_network_after_a_persons_name_is_stripped_before_the_outlet_test():
    assert not is_outlet("аким ВКО Даниал Ахметов в Instagram")
    assert is_outlet("Tengrinews.kz")
    assert _source("Режим ЧС объявили. Об этом сообщил аким ВКО Даниал Ахметов в Instagram.\n", "ru") == ""
